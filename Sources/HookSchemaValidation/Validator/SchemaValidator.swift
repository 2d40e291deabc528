import Foundation
import HookSchemaModel
import HookSchemaRuntime

/// Validates webhook deliveries against a schema set and reports every difference as a finding.
///
/// Built once (the schemas are compiled into a validation plan: `$ref`s resolved, lookups hashed, patterns
/// compiled) and then used from any thread. Each call reads the body's bytes in one pass with the project's own
/// JSON scanner, then checks the scanned values against the event's schema:
///
/// ```swift
/// let validator = SchemaValidator(schemas: SchemaSet(providers: [ExtendEvent.provider]))
/// let report = validator.validate(body: requestBody)
/// if report.verdict == .fail { … }
/// ```
///
/// Dispatch: the event is the one named by a provider's discriminator member (`eventType`); when several
/// providers use the same member name, its value decides. A body that cannot be read as JSON gets exactly one
/// finding, `malformed_json`, and nothing else: the shape of the rest is unknowable.
public struct SchemaValidator: Sendable {
    public let schemas: SchemaSet
    public let limits: ValidationLimits
    let plan: ValidationPlan

    public init(schemas: SchemaSet, limits: ValidationLimits = .init()) {
        self.schemas = schemas
        self.limits = limits
        self.plan = ValidationPlan(schemas)
    }

    /// A validator for the schemas embedded in generated event unions (`ExtendEvent.self`, `PlexteraEvent.self`).
    public init(for eventUnions: [any WebhookEventUnion.Type], limits: ValidationLimits = .init()) {
        self.init(schemas: SchemaSet(providers: eventUnions.map { $0.provider }), limits: limits)
    }

    /// Validates one delivery body (raw bytes as received). With `headers`, also checks the provider's required
    /// headers and the headers that mirror body members.
    public func validate(body: UnsafeRawBufferPointer, headers: [(name: String, value: String)]? = nil) -> DriftReport {
        validate(body.bindMemory(to: UInt8.self), headers: headers)
    }

    /// Validates one delivery body: `[UInt8]`, `Data`, `String.UTF8View`, an `ArraySlice`, …
    public func validate(body: some Collection<UInt8>, headers: [(name: String, value: String)]? = nil) -> DriftReport {
        if let report = body.withContiguousStorageIfAvailable({ validate($0, headers: headers) }) {
            return report
        }
        return Array(body).withUnsafeBufferPointer { validate($0, headers: headers) }
    }

    /// Validates the body and decodes it as a generated event union, in one pass over the bytes: the body is
    /// scanned once, the tape is checked against the schema, and the value is built from the same tape by the
    /// types' `Codable` initialisers (no `JSONDecoder`, no intermediate dictionary). The value is nil when the body
    /// does not decode as `Event` (a failing report says why); it equals what `JSONDecoder` gives for the body.
    public func decode<Event: WebhookEventUnion>(
        _ type: Event.Type,
        body: some Collection<UInt8>,
        headers: [(name: String, value: String)]? = nil
    ) -> (value: Event?, report: DriftReport) {
        let decode = { (bytes: UnsafeBufferPointer<UInt8>) in
            var value: Event?
            let report = self.validate(bytes, headers: headers) { reader in
                value = try? TapeDecoder.decode(Event.self, reader: reader, index: 0, path: nil)
            }
            return (value, report)
        }
        if let result = body.withContiguousStorageIfAvailable(decode) {
            return result
        }
        return Array(body).withUnsafeBufferPointer(decode)
    }

    /// Scans and checks one body; `andThen` reads the same tape afterwards (when the body is JSON).
    func validate(
        _ bytes: UnsafeBufferPointer<UInt8>,
        headers: [(name: String, value: String)]?,
        andThen: (TapeReader) -> Void = { _ in }
    ) -> DriftReport {
        let maxBody = limits.effectiveMaxBodyBytes
        guard bytes.count <= maxBody else {
            return DriftReport(findings: [
                Finding(
                    kind: .malformedJSON, path: "",
                    message: "the body is \(bytes.count) bytes, more than the limit of \(maxBody) bytes; not read",
                    expected: .integer(Int64(maxBody)), actual: .integer(Int64(bytes.count)))
            ])
        }
        var scanner = JSONScanner(bytes: bytes, maxDepth: limits.effectiveMaxDepth)
        do {
            try scanner.scan()
        } catch {
            return MalformedBody.report(error, scanner: scanner)
        }
        return scanner.tape.tokens.withUnsafeBufferPointer { tokens in
            let reader = TapeReader(bytes: bytes, tokens: tokens)
            var report = Dispatcher(plan: plan, reader: reader).run()
            if let headers, let provider = plan.providers.first(where: { $0.name == report.provider }) {
                report.findings += HeaderChecks(provider: provider, reader: reader).run(headers)
            }
            andThen(reader)
            return report
        }
    }
}
