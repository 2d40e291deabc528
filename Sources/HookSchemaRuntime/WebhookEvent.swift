import Foundation

/// A generated struct for one event type.
public protocol WebhookEvent: Codable, Hashable, Sendable, TapeDecodable {
    /// The discriminator value of this event (`extract_run.failed`).
    static var eventType: String { get }
}

/// The generated enum over all events of one provider (`ExtendEvent`), decoded by the discriminator, with a case
/// that keeps the raw body of an event type the schema does not know.
public protocol WebhookEventUnion: Codable, Hashable, Sendable, TapeDecodable {
    /// The schema model the types were generated from, embedded in the generated code, so an app validates
    /// payloads against exactly the schema its types came from.
    static var provider: Provider { get }
    /// The discriminator value of this delivery.
    var eventType: String { get }
}

extension WebhookEventUnion {
    /// Decodes a delivery's raw body.
    public init(jsonData data: Data) throws {
        self = try JSONDecoder().decode(Self.self, from: data)
    }
}

/// Decodes the schema model embedded in generated code.
public enum EmbeddedSchema {
    /// Decodes the provider model the generator wrote as compact JSON. The JSON is the generator's own output
    /// for this runtime version (see `HookSchemaRuntimeVersion`), so a failure is a build mismatch, not bad input.
    public static func provider(json: String) -> Provider {
        do {
            let decoder = JSONDecoder()
            decoder.nonConformingFloatDecodingStrategy = .convertFromString(
                positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN"
            )
            return try decoder.decode(Provider.self, from: Data(json.utf8))
        } catch {
            preconditionFailure(
                "hookschema: the embedded schema does not decode (\(error)); regenerate the code with the "
                    + "hookschema version that matches HookSchemaRuntime"
            )
        }
    }
}
