import Foundation
import HookSchemaModel
import HookSchemaRuntime
import HookSchemaSignatures
import HookSchemaValidation

/// The webhook endpoint's logic, without a server: verifies, dedupes, validates, captures and hands a delivery to
/// the app's handler, and says what to answer.
///
/// ```swift
/// let receiver = try WebhookReceiver(
///     ExtendEvent.self, secrets: [current, previous], store: try await SQLiteReceiverStore(path: "captures.sqlite")
/// ) { delivery in
///     switch delivery.event { case .extractRunProcessed(let event): … default: break }
/// }
/// let response = await receiver.receive(body: rawBody, headers: headers)   // status + reason
/// ```
///
/// `receive` does, in order: the size limit; the signature over the raw bytes (before anything is parsed); one
/// pass over the body that validates it, decodes the typed event and reads the declared dedupe key; the claim on
/// that key together with the capture (``ReceiverStore/claimAndCapture(_:token:now:staleBefore:capture:)``: a
/// duplicate of a handled delivery answers 200 here, stores nothing, and the handler is not run again; the capture
/// is durable before anything is acknowledged); the handler; then the claim is completed, or released when the
/// handler throws (500), so the provider's retry runs it again. The body is never re-encoded: the capture holds the bytes
/// as received. A delivery whose key is absent (the provider declares none) is handled every time it arrives.
public struct WebhookReceiver<Event: WebhookEventUnion>: Sendable {
    /// The app's code for one verified, validated, captured delivery. Throwing answers 500.
    public typealias Handler = @Sendable (ReceivedDelivery<Event>) async throws -> Void

    /// The provider the receiver serves (from the generated union's embedded schema).
    public let provider: Provider
    /// The limits and policies in force.
    public let configuration: ReceiverConfiguration
    /// Where claims and captures go.
    public let store: any ReceiverStore
    private let verifier: SignatureVerifier
    private let validator: SchemaValidator
    private let handler: Handler
    private let clock: @Sendable () -> Date

    /// A receiver for `Event`'s provider with its signing `secrets` (several while one is rotated), a `store`
    /// (prepared here: its tables are created when missing) and the app's `handler`. `clock` gives the current
    /// time for captures and claims; signatures use the verifier's own (system) clock unless `verifier` is given.
    ///
    /// - Parameters:
    ///   - event: The generated event union of the provider to receive (`ExtendEvent.self`); its embedded schema
    ///     gives the signature scheme, the validator's contract and the dedupe key.
    ///   - secrets: The provider's signing secrets as the provider shows them; give the new and the old one
    ///     while a secret is rotated (a delivery verifies when any of them matches). Ignored when `verifier` is
    ///     given.
    ///   - store: Where claims and captures go; its ``ReceiverStore/prepare()`` is called here.
    ///   - configuration: The body limit, the contract-failure policy, the claim lease and the retention.
    ///   - verifier: A verifier to use instead of one built from `secrets` (a test's, with a fixed clock).
    ///   - clock: The current time, for capture times, claims and retention.
    ///   - handler: The app's code, run once per dedupe key for each delivery that verifies and meets the
    ///     contract (or only drifts from it).
    /// - Throws: ``ReceiverSetupError`` when the provider declares no signature scheme, the contract-failure
    ///   policy's status is not a 4xx or the body limit is below 1 byte; the `SignatureError` of an unusable
    ///   secret; and the store's error (a ``ReceiverStoreError``) when it cannot be prepared.
    public init(
        _ event: Event.Type,
        secrets: [String],
        store: any ReceiverStore,
        configuration: ReceiverConfiguration = .init(),
        verifier: SignatureVerifier? = nil,
        clock: @escaping @Sendable () -> Date = { Date() },
        handler: @escaping Handler
    ) async throws {
        let provider = Event.provider
        guard let scheme = provider.signature else {
            throw ReceiverSetupError(
                "the provider `\(provider.name)` declares no signature scheme: a receiver verifies every delivery")
        }
        if case .reject(let status) = configuration.contractFailure, !(400..<500).contains(status) {
            throw ReceiverSetupError("a rejected contract failure must be answered with a 4xx status, not \(status)")
        }
        guard configuration.maxBodyBytes > 0 else {
            throw ReceiverSetupError("the body limit must be at least 1 byte, not \(configuration.maxBodyBytes)")
        }
        self.provider = provider
        self.configuration = configuration
        self.store = store
        self.verifier = try verifier ?? SignatureVerifier(scheme: scheme, secrets: secrets)
        var limits = ValidationLimits()
        limits.maxBodyBytes = max(limits.maxBodyBytes, configuration.maxBodyBytes)
        self.validator = SchemaValidator(for: [Event.self], limits: limits)
        self.handler = handler
        self.clock = clock
        try await store.prepare()
    }

    /// Handles one delivery: its raw `body` bytes and its `headers` as received. Never throws: every problem is
    /// an answer (see ``ReceiverResponse/Outcome``).
    ///
    /// - Parameters:
    ///   - body: The request body exactly as received, before any parsing: the signature is computed over these
    ///     bytes and the capture keeps them.
    ///   - headers: The request headers in the order received, names as sent (matched case-insensitively).
    /// - Returns: The status to answer with, the outcome, a short reason and the capture's id when one was
    ///   stored. Send the status as is: a 2xx only once the capture is durable, a 409, 500 or 503 so that the
    ///   provider retries.
    public func receive(body: [UInt8], headers: [(name: String, value: String)]) async -> ReceiverResponse {
        let receivedAt = clock()
        guard body.count <= configuration.maxBodyBytes else {
            return ReceiverResponse(
                status: 413, outcome: .tooLarge,
                reason: "the body is over the limit of \(configuration.maxBodyBytes) bytes")
        }
        do {
            try verifier.verify(body: body, headers: headers)
        } catch {
            return ReceiverResponse(status: 401, outcome: .unauthorized, reason: "signature rejected: \(error.code)")
        }

        let (value, report) = validator.decode(Event.self, body: body, headers: headers)
        var capture = CaptureRecord(
            provider: provider.name, event: report.event, dedupeKey: report.dedupeKey, receivedAt: receivedAt,
            headers: headers.map { CapturedHeader(name: $0.name, value: $0.value) }, body: body,
            verdict: report.verdict, findingsJSON: CaptureRecord.findingsJSON(report.findings), outcome: .accepted)

        if report.findings.contains(where: { $0.kind == .malformedJSON }) {
            capture.verdict = nil
            capture.outcome = .unreadable
            return await captureOnly(capture, status: 400, outcome: .unreadable, reason: "the body is not JSON")
        }

        let key = report.dedupeKey.map { DedupeKeyValue(provider: provider.name, key: $0) }
        let token = UUID().uuidString
        let brokenContract = report.verdict == .fail || value == nil
        if brokenContract { capture.outcome = .quarantined }
        // The claim and the capture together (one transaction in the bundled stores): a duplicate stores nothing.
        let captureID: Int64
        do {
            if let key {
                let staleBefore = receivedAt.addingTimeInterval(-configuration.claimLease.seconds)
                switch try await store.claimAndCapture(
                    key, token: token, now: receivedAt, staleBefore: staleBefore, capture: capture)
                {
                case .captured(let id):
                    captureID = id
                case .alreadyHandled:
                    return ReceiverResponse(status: 200, outcome: .duplicate, reason: "already handled")
                case .inProgress:
                    return ReceiverResponse(
                        status: 409, outcome: .inProgress, reason: "another attempt of this delivery is being handled")
                }
            } else {
                captureID = try await store.capture(capture)
            }
        } catch {
            return Self.unavailable(error)
        }
        capture.id = captureID

        guard !brokenContract, let value else {
            return await quarantined(captureID, key: key, token: token)
        }

        do {
            try await handler(ReceivedDelivery(event: value, report: report, capture: capture))
        } catch {
            if let key { try? await store.release(key, token: token) }
            try? await store.setOutcome(.handlerFailed, ofCapture: captureID)
            return ReceiverResponse(
                status: 500, outcome: .handlerFailed, reason: "the handler failed; retry later", captureID: captureID)
        }
        if let key {
            do {
                try await store.complete(key, token: token, now: clock())
            } catch {
                // The handler ran and the capture is stored, but the claim is not marked done: answering 503 makes
                // the provider retry, and the retry runs the handler again (at-least-once, never lost).
                return Self.unavailable(error)
            }
        }
        return ReceiverResponse(status: 200, outcome: .handled, reason: "handled", captureID: captureID)
    }

    /// Deletes captures and completed claims past their retention (``ReceiverConfiguration/captureRetention`` and
    /// ``ReceiverConfiguration/dedupeRetention``). Claims still held by a running handler are kept. Call it now and
    /// then, for example once an hour from a background task.
    ///
    /// - Returns: How many captures and claims were deleted.
    /// - Throws: The store's error when it cannot be reached.
    @discardableResult
    public func purgeExpired() async throws -> PurgeCounts {
        let now = clock()
        let capturesBefore = configuration.captureRetention.map { now.addingTimeInterval(-$0.seconds) }
        return try await store.purge(
            capturesBefore: capturesBefore ?? .distantPast,
            claimsBefore: now.addingTimeInterval(-configuration.dedupeRetention.seconds))
    }

    /// The answer for a delivery that breaks the contract, once captured as quarantined: with the default policy
    /// the claim is completed (the provider need not send it again), with `.reject` it is released.
    private func quarantined(_ captureID: Int64, key: DedupeKeyValue?, token: String) async -> ReceiverResponse {
        let reason = "the body breaks the `\(provider.name)` contract; captured as quarantined"
        switch configuration.contractFailure {
        case .quarantine:
            if let key {
                do {
                    try await store.complete(key, token: token, now: clock())
                } catch {
                    return Self.unavailable(error)
                }
            }
            return ReceiverResponse(status: 202, outcome: .quarantined, reason: reason, captureID: captureID)
        case .reject(let status):
            if let key { try? await store.release(key, token: token) }
            return ReceiverResponse(status: status, outcome: .rejected, reason: reason, captureID: captureID)
        }
    }

    private func captureOnly(
        _ capture: CaptureRecord, status: Int, outcome: ReceiverResponse.Outcome, reason: String
    ) async -> ReceiverResponse {
        do {
            let id = try await store.capture(capture)
            return ReceiverResponse(status: status, outcome: outcome, reason: reason, captureID: id)
        } catch {
            return Self.unavailable(error)
        }
    }

    private static func unavailable(_ error: any Error) -> ReceiverResponse {
        ReceiverResponse(
            status: 503, outcome: .storeUnavailable, reason: "the capture store is unavailable; retry later")
    }
}

/// What the app's handler gets: the typed event, the validator's report (verdict `pass` or `drift`) and the capture.
public struct ReceivedDelivery<Event: WebhookEventUnion>: Sendable {
    /// The decoded event.
    public var event: Event
    /// The drift report of the delivery (its findings are warnings at most) with the dedupe key.
    public var report: DriftReport
    /// The stored capture (its `id` is set).
    public var capture: CaptureRecord
}

/// A receiver cannot be set up as asked.
public struct ReceiverSetupError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What is wrong.
    public var description: String

    /// An error saying `description`.
    ///
    /// - Parameter description: What is wrong, in words.
    public init(_ description: String) {
        self.description = description
    }
}

extension Duration {
    /// The duration in seconds, as a `TimeInterval`.
    var seconds: TimeInterval {
        let (seconds, attoseconds) = components
        return TimeInterval(seconds) + TimeInterval(attoseconds) / 1e18
    }
}
