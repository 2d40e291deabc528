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
/// providers use the same member name, its value decides. A provider that names its events by a header (GitHub's
/// `X-GitHub-Event`) needs the delivery's headers, or the event type given as `eventType`; without either, its
/// bodies get one `missing_header` finding. A body that cannot be read as JSON gets exactly one
/// finding, `malformed_json`, and nothing else: the shape of the rest is unknowable.
public struct SchemaValidator: Sendable {
    /// The providers and events this validator checks deliveries against.
    public let schemas: SchemaSet
    /// The bounds on what one validation reads.
    public let limits: ValidationLimits
    let plan: ValidationPlan

    /// A validator for `schemas`, compiled once.
    ///
    /// - Parameters:
    ///   - schemas: The providers to validate against (loaded from YAML, or `SchemaSet(providers:)` over the
    ///     generated types' `provider`).
    ///   - limits: The bounds on depth and body size.
    public init(schemas: SchemaSet, limits: ValidationLimits = .init()) {
        self.schemas = schemas
        self.limits = limits
        self.plan = ValidationPlan(schemas)
    }

    /// A validator for the schemas embedded in generated event unions (`ExtendEvent.self`, `PlexteraEvent.self`).
    ///
    /// - Parameters:
    ///   - eventUnions: The generated provider enums whose embedded schemas to validate against.
    ///   - limits: The bounds on depth and body size.
    public init(for eventUnions: [any WebhookEventUnion.Type], limits: ValidationLimits = .init()) {
        self.init(schemas: SchemaSet(providers: eventUnions.map { $0.provider }), limits: limits)
    }

    /// Validates one delivery body (raw bytes as received). With `headers`, also checks the provider's required
    /// headers and the headers that mirror body members. `eventType` names the event of a header-named provider
    /// when the headers are not at hand (`hookschema check --event`).
    ///
    /// - Parameters:
    ///   - body: The raw body bytes, as received.
    ///   - headers: The delivery's headers (names compared case-insensitively); nil to skip the header checks.
    ///   - eventType: The event header's value, for a header-named provider whose headers are not given.
    /// - Returns: The drift report: the provider and event matched, every finding, and the dedupe key.
    public func validate(
        body: UnsafeRawBufferPointer, headers: [(name: String, value: String)]? = nil, eventType: String? = nil
    ) -> DriftReport {
        var buffers = ValidationBuffers()
        return validate(body.bindMemory(to: UInt8.self), headers: headers, eventType: eventType, buffers: &buffers)
    }

    /// Validates one delivery body, reusing `buffers` (the scanner's tape and stacks, the walker's path) instead of
    /// allocating them: for a caller that checks a stream of bodies on one thread, such as `hookschema check`.
    /// The report is the same as `validate(body:headers:)`'s.
    ///
    /// - Parameters:
    ///   - body: The raw body bytes, as received.
    ///   - headers: The delivery's headers; nil to skip the header checks.
    ///   - eventType: The event header's value, for a header-named provider whose headers are not given.
    ///   - buffers: Memory kept from one call to the next; one per thread.
    /// - Returns: The drift report.
    public func validate(
        body: UnsafeBufferPointer<UInt8>,
        headers: [(name: String, value: String)]? = nil,
        eventType: String? = nil,
        reusing buffers: inout ValidationBuffers
    ) -> DriftReport {
        validate(body, headers: headers, eventType: eventType, buffers: &buffers)
    }

    /// Validates one delivery body: `[UInt8]`, `Data`, `String.UTF8View`, an `ArraySlice`, …
    ///
    /// - Parameters:
    ///   - body: The raw body bytes, as received.
    ///   - headers: The delivery's headers; nil to skip the header checks.
    ///   - eventType: The event header's value, for a header-named provider whose headers are not given.
    /// - Returns: The drift report.
    public func validate(
        body: some Collection<UInt8>, headers: [(name: String, value: String)]? = nil, eventType: String? = nil
    ) -> DriftReport {
        var buffers = ValidationBuffers()
        let run = { (bytes: UnsafeBufferPointer<UInt8>) in
            validate(bytes, headers: headers, eventType: eventType, buffers: &buffers)
        }
        if let report = body.withContiguousStorageIfAvailable(run) {
            return report
        }
        return Array(body).withUnsafeBufferPointer(run)
    }

    /// Validates the body and decodes it as a generated event union, in one pass over the bytes: the body is
    /// scanned once, the tape is checked against the schema, and the value is built from the same tape by the
    /// generated `TapeDecodable` initialisers (no `JSONDecoder`, no `Decoder`, no intermediate dictionary). The
    /// value is nil when the body does not decode as `Event` (a failing report says why); it equals what
    /// `JSONDecoder` gives for the body.
    ///
    /// For a provider that names its events by a header (GitHub's `X-GitHub-Event`), pass the delivery's `headers`
    /// (or `eventType`): the body alone does not say which event it is.
    ///
    /// - Parameters:
    ///   - type: The generated provider enum to decode (`ExtendEvent.self`).
    ///   - body: The raw body bytes, as received.
    ///   - headers: The delivery's headers; nil to skip the header checks.
    ///   - eventType: The event header's value, for a header-named provider whose headers are not given.
    /// - Returns: The typed event (nil when the body does not decode as `Event`) and the drift report.
    public func decode<Event: WebhookEventUnion>(
        _ type: Event.Type,
        body: some Collection<UInt8>,
        headers: [(name: String, value: String)]? = nil,
        eventType: String? = nil
    ) -> (value: Event?, report: DriftReport) {
        // The value of the event header, for a provider that names events by one: what its decoder switches on.
        let headerValue = Event.eventHeader.flatMap { headers?.headerValue($0) }
        let decode = { (bytes: UnsafeBufferPointer<UInt8>) in
            var value: Event?
            var buffers = ValidationBuffers()
            let report = self.validate(bytes, headers: headers, eventType: eventType, buffers: &buffers) {
                reader, _ in
                value = try? Event(tape: reader, at: 0, eventType: headerValue ?? eventType)
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
        eventType: String? = nil,
        buffers: inout ValidationBuffers,
        andThen: (TapeReader, DriftReport) -> Void = { _, _ in }
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
        var scanner = JSONScanner(bytes: bytes, maxDepth: limits.effectiveMaxDepth, reusing: buffers)
        defer { buffers.trim() }
        do {
            try scanner.scan()
        } catch {
            return MalformedBody.report(error, scanner: scanner)
        }
        do {
            let reader = TapeReader(bytes: bytes, tokens: scanner.tape.tokens.elements)
            var report = Dispatcher(plan: plan, reader: reader, headers: headers, eventType: eventType)
                .run(path: buffers.path)
            if let provider = plan.providers.first(where: { $0.name == report.provider }) {
                let checks = HeaderChecks(provider: provider, reader: reader)
                if let headers {
                    report.findings += checks.run(headers)
                }
                report.dedupeKey = provider.dedupeKey.flatMap { checks.dedupeKey($0, headers: headers) }
            }
            andThen(reader, report)
            return report
        }
    }
}

/// Memory that `SchemaValidator.validate(body:headers:reusing:)` reuses from one body to the next: the scanner's
/// tape and container stack, and the walker's path. One per thread; start with `ValidationBuffers()`. Copies share
/// the same memory, so a copy must not be used on another thread at the same time.
public struct ValidationBuffers {
    let tokens = TrivialBuffer<JSONTape.Token>(capacity: 1 << 10)
    let containers = TrivialBuffer<JSONScanner.OpenContainer>(capacity: 32)
    let path = TrivialBuffer<Walker.PathStep>(capacity: 32)

    /// Empty buffers; they grow to fit the first bodies validated with them.
    public init() {}

    /// Gives back a tape grown by one exceptionally large body (more than 64K tokens, about 1 MiB), so a
    /// stream's memory stays flat.
    mutating func trim() {
        if tokens.capacity > 1 << 16 { tokens.shrink(to: 1 << 10) }
        if containers.capacity > 1 << 10 { containers.shrink(to: 32) }
        if path.capacity > 1 << 10 { path.shrink(to: 32) }
    }
}
