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
    ///
    /// - Parameters:
    ///   - tape: The scanned body.
    ///   - index: The tape index of the body's top-level object (0).
    ///   - eventType: The value of the provider's event header, for a header-named provider; nil otherwise.
    /// - Throws: `TapeDecodingError` when the body does not decode as this type.
    init(tape: JSONTapeReader, at index: Int, eventType: String?) throws(TapeDecodingError)
}

extension WebhookEventUnion {
    /// Nil: by default a provider names its events in the body, by its discriminator member.
    public static var eventHeader: String? { nil }

    /// A provider that names events in the body reads the name there.
    ///
    /// - Parameters:
    ///   - tape: The scanned body.
    ///   - index: The tape index of the body's top-level object (0).
    ///   - eventType: Ignored: the body's discriminator names the event.
    /// - Throws: `TapeDecodingError` when the body does not decode as this type.
    public init(tape: JSONTapeReader, at index: Int, eventType: String?) throws(TapeDecodingError) {
        try self.init(tape: tape, at: index)
    }

    /// Decodes a delivery's raw body with `JSONDecoder`. For a header-named provider (`eventHeader`), give the
    /// header's value as `eventType` (`"issues"`); the variant is read from the body.
    ///
    /// - Parameters:
    ///   - data: The body's raw bytes, as received.
    ///   - eventType: The value of the provider's event header, for a header-named provider; nil otherwise.
    /// - Throws: `DecodingError` when the body is not JSON or does not match the generated types.
    public init(jsonData data: Data, eventType: String? = nil) throws {
        let decoder = JSONDecoder()
        if let eventType {
            decoder.userInfo[.webhookEventType] = eventType
        }
        self = try decoder.decode(Self.self, from: data)
    }
}

/// The key that passes a header-named provider's event header to a generated provider enum's `init(from:)`.
extension CodingUserInfoKey {
    /// The value of a header-named provider's event header (`issues` for GitHub's `X-GitHub-Event: issues`), for a
    /// generated provider enum decoded with a `Decoder`: `decoder.userInfo[.webhookEventType] = "issues"`.
    public static let webhookEventType = CodingUserInfoKey(rawValue: "hookschema.eventType")!
}

/// Decodes the schema model embedded in generated code.
public enum EmbeddedSchema {
    /// Decodes the provider model the generator wrote as compact JSON. The JSON is the generator's own output
    /// for this runtime version (see `HookSchemaRuntimeVersion`), so a failure is a build mismatch, not bad input.
    ///
    /// - Parameter json: The provider model as the generator wrote it.
    /// - Returns: The decoded provider model. Stops the program when the JSON does not decode.
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
