// The receiver's tests need its traits: `swift test --traits Receiver --filter HookSchemaReceiverTests`.
#if SQLite && PostgreSQL && Hummingbird
import ExtendWebhooks
import Foundation
import HookSchemaReceiver
import HookSchemaRuntime
import HookSchemaValidation
import PlexteraWebhooks
import Testing

/// The receiver's pipeline on the real stores (a SQLite file; PostgreSQL when configured), for each bundled
/// provider: every status, the dedupe claim, the captures, the contract-failure policies.
@Suite struct ReceiverPipelineTests {
    typealias Provider = Fixture.ProviderName

    static let cases: [(StoreKind, Provider)] = StoreKind.available.flatMap { kind in
        Provider.allCases.map { (kind, $0) }
    }

    /// A receiver for `provider` on a new store of `kind`, whose handler records runs in `log`.
    static func receiver(
        _ kind: StoreKind, _ provider: Provider, log: HandlerLog, configuration: ReceiverConfiguration = .init()
    ) async throws -> AnyReceiver {
        let (store, _) = try await kind.makeStore()
        return try await AnyReceiver(provider, store: store, log: log, configuration: configuration)
    }

    @Test(arguments: cases)
    func handledOnceThenDuplicate(kind: StoreKind, provider: Provider) async throws {
        let log = HandlerLog()
        let receiver = try await Self.receiver(kind, provider, log: log)
        let delivery = try Fixture.delivery(provider)

        let first = await receiver.receive(delivery)
        #expect(first.status == 200 && first.outcome == .handled, "\(first)")
        // A retry of the same event (Plextera changes its delivery id, keeps the event id): not handled again.
        let retry = try Fixture.delivery(provider, eventID: delivery.eventID)
        let second = await receiver.receive(retry)
        #expect(second.status == 200 && second.outcome == .duplicate, "\(second)")
        #expect(log.count(delivery.eventID) == 1)

        let stored = try await captures(in: receiver.store, keys: [delivery.eventID])
        #expect(stored.count == 1)
        let capture = try #require(stored.first)
        #expect(capture.body == delivery.body, "the raw bytes, not re-encoded")
        #expect(capture.headers.map(\.name) == delivery.headers.map(\.name))
        #expect(capture.headers.map(\.value) == delivery.headers.map(\.value))
        #expect(capture.verdict != .fail && capture.outcome == .accepted && capture.provider == provider.rawValue)
        #expect(capture.id == first.captureID)
    }

    @Test(arguments: cases)
    func fiftyIdenticalDeliveriesAtOnceRunTheHandlerOnce(kind: StoreKind, provider: Provider) async throws {
        let log = HandlerLog()
        let receiver = try await Self.receiver(kind, provider, log: log)
        let delivery = try Fixture.delivery(provider)
        let responses = await withTaskGroup(of: ReceiverResponse.self) { group in
            for _ in 0..<50 { group.addTask { await receiver.receive(delivery) } }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(log.count(delivery.eventID) == 1)
        #expect(responses.filter { $0.outcome == .handled }.count == 1)
        #expect(responses.allSatisfy { [.handled, .duplicate, .inProgress].contains($0.outcome) }, "\(responses)")
        #expect(try await captures(in: receiver.store, keys: [delivery.eventID]).count == 1)
    }

    @Test(arguments: StoreKind.available)
    func twoReceiversOnOneDatabaseRunTheHandlerOnce(kind: StoreKind) async throws {
        let log = HandlerLog()
        let (first, file) = try await kind.makeStore()
        let (second, _) = try await kind.makeStore(file: file)
        let receivers = [
            try await AnyReceiver(.plextera, store: first, log: log),
            try await AnyReceiver(.plextera, store: second, log: log),
        ]
        let delivery = try Fixture.delivery(.plextera)
        let responses = await withTaskGroup(of: ReceiverResponse.self) { group in
            for index in 0..<40 { group.addTask { await receivers[index % 2].receive(delivery) } }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(log.count(delivery.eventID) == 1)
        #expect(responses.filter { $0.outcome == .handled }.count == 1, "\(responses.map(\.outcome))")
    }

    @Test(arguments: cases)
    func aThrowingHandlerAnswers500AndTheRetryRunsItAgain(kind: StoreKind, provider: Provider) async throws {
        let log = HandlerLog()
        let receiver = try await Self.receiver(kind, provider, log: log)
        let delivery = try Fixture.delivery(provider)
        log.failNext(1, for: delivery.eventID)

        let failed = await receiver.receive(delivery)
        #expect(failed.status == 500 && failed.outcome == .handlerFailed, "\(failed)")
        let retried = await receiver.receive(try Fixture.delivery(provider, eventID: delivery.eventID))
        #expect(retried.status == 200 && retried.outcome == .handled, "\(retried)")
        #expect(log.count(delivery.eventID) == 2)
        let outcomes = try await captures(in: receiver.store, keys: [delivery.eventID]).map(\.outcome)
        #expect(outcomes == [.handlerFailed, .accepted])
    }

    @Test(arguments: cases)
    func badOrMissingSignaturesAre401WithOnlyTheKind(kind: StoreKind, provider: Provider) async throws {
        let log = HandlerLog()
        let receiver = try await Self.receiver(kind, provider, log: log)
        var tampered = try Fixture.delivery(provider)
        tampered.body[tampered.body.count / 2] ^= 0x01
        let wrongSecret = try Fixture.delivery(provider, secret: provider == .extend ? "wss_other" : "other")
        var unsigned = try Fixture.delivery(provider)
        unsigned.headers.removeAll { $0.name.lowercased().contains("signature") }
        let stale = try Fixture.delivery(provider, timestamp: Int64(Date().timeIntervalSince1970) - 3_600)

        for (delivery, code) in [
            (tampered, "no_matching_signature"), (wrongSecret, "no_matching_signature"),
            (unsigned, "missing_header"), (stale, "timestamp_too_old"),
        ] {
            let response = await receiver.receive(delivery)
            #expect(response.status == 401 && response.outcome == .unauthorized, "\(response)")
            #expect(response.reason == "signature rejected: \(code)")
            #expect(response.captureID == nil && log.count(delivery.eventID) == 0)
        }
    }

    @Test(arguments: cases)
    func tooLargeAndUnreadableBodies(kind: StoreKind, provider: Provider) async throws {
        let log = HandlerLog()
        let receiver = try await Self.receiver(
            kind, provider, log: log, configuration: ReceiverConfiguration(maxBodyBytes: 8_192))
        let large = try Fixture.delivery(provider, body: Array(repeating: UInt8(ascii: " "), count: 8_193))
        let tooLarge = await receiver.receive(large)
        #expect(tooLarge.status == 413 && tooLarge.outcome == .tooLarge, "\(tooLarge)")

        let notJSON = try Fixture.delivery(provider, body: Array("{\"eventId\": ".utf8))
        let unreadable = await receiver.receive(notJSON)
        #expect(unreadable.status == 400 && unreadable.outcome == .unreadable, "\(unreadable)")
        #expect(unreadable.captureID != nil, "an authentic but unreadable body is kept")
    }

    @Test(arguments: cases)
    func contractFailuresAreQuarantinedByDefault(kind: StoreKind, provider: Provider) async throws {
        let log = HandlerLog()
        let receiver = try await Self.receiver(kind, provider, log: log)
        let broken = try Fixture.delivery(provider, breakContract: true)
        let response = await receiver.receive(broken)
        #expect(response.status == 202 && response.outcome == .quarantined, "\(response)")
        #expect(log.count(broken.eventID) == 0)
        let again = await receiver.receive(broken)
        #expect(again.outcome == .duplicate)
        let stored = try await captures(in: receiver.store, keys: [broken.eventID])
        #expect(stored.map(\.outcome) == [.quarantined])
        #expect(stored.first?.verdict == .fail)
        #expect(stored.first?.findingsJSON.contains("\"severity\": \"error\"") == true)
    }

    @Test(arguments: cases)
    func contractFailuresCanBeRejected(kind: StoreKind, provider: Provider) async throws {
        let log = HandlerLog()
        let receiver = try await Self.receiver(
            kind, provider, log: log, configuration: ReceiverConfiguration(contractFailure: .reject(status: 422)))
        let broken = try Fixture.delivery(provider, breakContract: true)
        for _ in 0..<2 {
            let response = await receiver.receive(broken)
            #expect(response.status == 422 && response.outcome == .rejected, "\(response)")
        }
        #expect(try await captures(in: receiver.store, keys: [broken.eventID]).count == 2, "each attempt is kept")
    }

    @Test(arguments: cases)
    func anUnavailableStoreIs503AndNothingIsAcknowledged(kind: StoreKind, provider: Provider) async throws {
        let log = HandlerLog()
        let receiver = try await Self.receiver(kind, provider, log: log)
        try await StoreKind.breakStore(receiver.store)
        let delivery = try Fixture.delivery(provider)
        let response = await receiver.receive(delivery)
        #expect(response.status == 503 && response.outcome == .storeUnavailable, "\(response)")
        #expect(log.count(delivery.eventID) == 0)
    }

    @Test(arguments: StoreKind.available)
    func aStaleClaimIsTakenOverAndRetentionPurges(kind: StoreKind) async throws {
        let (store, _) = try await kind.makeStore()
        try await store.prepare()
        let key = DedupeKeyValue(provider: "extend", key: Fixture.newEventID())
        let long = Date().addingTimeInterval(-3_600)
        #expect(
            try await store.claim(key, token: "dead", now: long, staleBefore: long.addingTimeInterval(-300)) == .claimed
        )
        // Still within the lease: another attempt waits.
        #expect(
            try await store.claim(key, token: "b", now: long, staleBefore: long.addingTimeInterval(-300)) == .inProgress
        )
        // The holder died an hour ago: the lease has run out, the key is taken over, and the dead holder cannot
        // complete it.
        let now = Date()
        #expect(try await store.claim(key, token: "c", now: now, staleBefore: now.addingTimeInterval(-300)) == .claimed)
        try await store.complete(key, token: "dead", now: now)
        #expect(
            try await store.claim(key, token: "d", now: now, staleBefore: now.addingTimeInterval(-300)) == .inProgress)
        // Completed (as recorded) half an hour ago, so that the purge below, with a cutoff 20 minutes ago, leaves
        // alone the claims of the tests running beside this one on the same PostgreSQL database.
        try await store.complete(key, token: "c", now: now.addingTimeInterval(-1_800))
        #expect(try await store.claim(key, token: "e", now: now, staleBefore: now) == .alreadyHandled)

        let old = CaptureRecord(
            provider: "extend", event: nil, dedupeKey: key.key, receivedAt: long, headers: [], body: [1, 2, 3],
            verdict: .pass, findingsJSON: "[]", outcome: .accepted)
        _ = try await store.capture(old)
        let counts = try await store.purge(
            capturesBefore: now.addingTimeInterval(-1_200), claimsBefore: now.addingTimeInterval(-1_200))
        #expect(counts.captures >= 1 && counts.claims >= 1)
        #expect(try await store.claim(key, token: "f", now: now, staleBefore: now) == .claimed, "a purged claim is new")
        #expect(try await captures(in: store, keys: [key.key]).isEmpty)
    }
}

/// A receiver of either bundled provider behind one type, for parameterised tests.
struct AnyReceiver: Sendable {
    let store: any ReceiverStore
    private let receiveBody: @Sendable ([UInt8], [(name: String, value: String)]) async -> ReceiverResponse

    init(
        _ provider: Fixture.ProviderName, store: any ReceiverStore, log: HandlerLog,
        configuration: ReceiverConfiguration = .init()
    ) async throws {
        self.store = store
        switch provider {
        case .extend:
            let receiver = try await WebhookReceiver(
                ExtendEvent.self, secrets: [provider.secret], store: store, configuration: configuration
            ) { delivery in try log.run(delivery.report.dedupeKey ?? "") }
            receiveBody = { await receiver.receive(body: $0, headers: $1) }
        case .plextera:
            let receiver = try await WebhookReceiver(
                PlexteraEvent.self, secrets: [provider.secret], store: store, configuration: configuration
            ) { delivery in try log.run(delivery.report.dedupeKey ?? "") }
            receiveBody = { await receiver.receive(body: $0, headers: $1) }
        }
    }

    func receive(_ delivery: Fixture.Delivery) async -> ReceiverResponse {
        await receiveBody(delivery.body, delivery.tuples)
    }
}
#endif
