import Foundation
import HookSchemaRuntime

/// One-pass decoding with a drift report, for every generated event union.
extension WebhookEventUnion {
    /// Decodes a delivery's raw body and reports its drift from the schema embedded in this type, in one pass
    /// over the bytes (see `SchemaValidator.decode(_:body:headers:)`):
    ///
    /// ```swift
    /// let (event, report) = ExtendEvent.decode(validating: requestBody)
    /// ```
    ///
    /// The validator for the type is compiled on first use and kept. A provider that names its events by a header
    /// (`eventHeader`, GitHub's `X-GitHub-Event`) needs the delivery's `headers`, or the header's value as
    /// `eventType`.
    ///
    /// - Parameters:
    ///   - body: The raw body bytes, as received.
    ///   - headers: The delivery's headers; nil to skip the header checks.
    ///   - eventType: The event header's value, for a header-named provider whose headers are not given.
    /// - Returns: The typed event (nil when the body does not decode as this type) and the drift report.
    public static func decode(
        validating body: some Collection<UInt8>,
        headers: [(name: String, value: String)]? = nil,
        eventType: String? = nil
    ) -> (value: Self?, report: DriftReport) {
        EmbeddedValidators.shared.validator(for: Self.self).decode(
            Self.self, body: body, headers: headers, eventType: eventType)
    }

    /// `decode(validating:headers:eventType:)` with the headers as a dictionary.
    ///
    /// - Parameters:
    ///   - body: The raw body bytes, as received.
    ///   - headers: The delivery's headers, name → value.
    /// - Returns: The typed event (nil when the body does not decode as this type) and the drift report.
    public static func decode(validating body: some Collection<UInt8>, headers: [String: String])
        -> (value: Self?, report: DriftReport)
    {
        decode(validating: body, headers: headers.map { (name: $0.key, value: $0.value) })
    }
}

/// One compiled validator per generated event union, shared between threads.
final class EmbeddedValidators: @unchecked Sendable {
    static let shared = EmbeddedValidators()
    private let lock = NSLock()
    private var validators: [ObjectIdentifier: SchemaValidator] = [:]

    func validator(for type: any WebhookEventUnion.Type) -> SchemaValidator {
        lock.lock()
        defer { lock.unlock() }
        if let validator = validators[ObjectIdentifier(type)] {
            return validator
        }
        let validator = SchemaValidator(for: [type])
        validators[ObjectIdentifier(type)] = validator
        return validator
    }
}
