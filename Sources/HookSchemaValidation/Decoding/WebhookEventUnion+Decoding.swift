import Foundation
import HookSchemaRuntime

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
    public static func decode(
        validating body: some Collection<UInt8>,
        headers: [(name: String, value: String)]? = nil,
        eventType: String? = nil
    ) -> (value: Self?, report: DriftReport) {
        EmbeddedValidators.shared.validator(for: Self.self).decode(
            Self.self, body: body, headers: headers, eventType: eventType)
    }

    /// `decode(validating:headers:eventType:)` with the headers as a dictionary.
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
