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
    /// The header that names the event (GitHub's `X-GitHub-Event`), for a provider whose bodies do not say which
    /// event they are; nil when a body member does.
    static var eventHeader: String? { get }
    /// The event's name: the discriminator's value (`extract_run.failed`), or for a header-named provider the
    /// header's value and the variant (`issues.opened`).
    var eventType: String { get }
    /// Reads the value from a scanned body's tape; `eventType` is the event's name when the provider names events
    /// by a header (the validator's dispatch found it), nil otherwise.
    init(tape: JSONTapeReader, at index: Int, eventType: String?) throws(TapeDecodingError)
}

extension WebhookEventUnion {
    public static var eventHeader: String? { nil }

    /// A provider that names events in the body reads the name there.
    public init(tape: JSONTapeReader, at index: Int, eventType: String?) throws(TapeDecodingError) {
        try self.init(tape: tape, at: index)
    }

    /// Decodes a delivery's raw body. For a header-named provider (`eventHeader`), give the header's value as
    /// `eventType` (`"issues"`); the variant is read from the body.
    public init(jsonData data: Data, eventType: String? = nil) throws {
        let decoder = JSONDecoder()
        if let eventType {
            decoder.userInfo[.webhookEventType] = eventType
        }
        self = try decoder.decode(Self.self, from: data)
    }
}

extension CodingUserInfoKey {
    /// The value of a header-named provider's event header (`issues` for GitHub's `X-GitHub-Event: issues`), for a
    /// generated provider enum decoded with a `Decoder`: `decoder.userInfo[.webhookEventType] = "issues"`.
    public static let webhookEventType = CodingUserInfoKey(rawValue: "hookschema.eventType")!
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
