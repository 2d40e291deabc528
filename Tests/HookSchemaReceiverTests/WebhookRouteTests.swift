// The receiver's tests need its traits: `swift test --traits Receiver --filter HookSchemaReceiverTests`.
#if SQLite && PostgreSQL && Hummingbird
import ExtendWebhooks
import Foundation
import HookSchemaReceiver
import HookSchemaReceiverHummingbird
import Hummingbird
import PlexteraWebhooks
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The Hummingbird route in an app of the test's own (a handler that throws, a store that goes away), served on
/// 127.0.0.1 and posted to with a real client: 500 then a successful retry, and 503.
@Suite struct WebhookRouteTests {
    /// Serves `receiver` on a free loopback port while `body` runs.
    static func serving<Event>(
        _ receiver: WebhookReceiver<Event>, _ body: @Sendable (URL) async throws -> Void
    ) async throws {
        let router = Router()
        router.webhookReceiver("/hooks", receiver)
        let (portStream, portContinuation) = AsyncStream<Int>.makeStream()
        let app = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in portContinuation.yield(channel.localAddress?.port ?? 0) })
        let server = Task { try await app.runService(gracefulShutdownSignals: []) }
        defer { server.cancel() }
        var ports = portStream.makeAsyncIterator()
        let port = try #require(await ports.next())
        try await body(URL(string: "http://127.0.0.1:\(port)/hooks")!)
    }

    static func post(_ delivery: Fixture.Delivery, to url: URL) async throws -> Int {
        var request = URLRequest(url: url)
        request.httpMethod = "POST"
        request.httpBody = Data(delivery.body)
        for header in delivery.headers { request.setValue(header.value, forHTTPHeaderField: header.name) }
        let (_, response) = try await URLSession.shared.data(for: request)
        return (response as? HTTPURLResponse)?.statusCode ?? 0
    }

    @Test(arguments: StoreKind.available)
    func aThrowingHandlerIs500AndTheRetrySucceeds(kind: StoreKind) async throws {
        let log = HandlerLog()
        let (store, _) = try await kind.makeStore()
        let receiver = try await WebhookReceiver(
            ExtendEvent.self, secrets: [Fixture.ProviderName.extend.secret], store: store
        ) { delivery in try log.run(delivery.report.dedupeKey ?? "") }
        let delivery = try Fixture.delivery(.extend)
        log.failNext(1, for: delivery.eventID)
        try await Self.serving(receiver) { url in
            let failed = try await Self.post(delivery, to: url)
            #expect(failed == 500)
            let retried = try await Self.post(try Fixture.delivery(.extend, eventID: delivery.eventID), to: url)
            #expect(retried == 200)
        }
        #expect(log.count(delivery.eventID) == 2)
    }

    @Test(arguments: StoreKind.available)
    func aStoreThatWentAwayIs503(kind: StoreKind) async throws {
        let log = HandlerLog()
        let (store, _) = try await kind.makeStore()
        let receiver = try await WebhookReceiver(
            PlexteraEvent.self, secrets: [Fixture.ProviderName.plextera.secret], store: store
        ) { delivery in try log.run(delivery.report.dedupeKey ?? "") }
        try await StoreKind.breakStore(store)
        let delivery = try Fixture.delivery(.plextera)
        try await Self.serving(receiver) { url in
            let status = try await Self.post(delivery, to: url)
            #expect(status == 503)
        }
        #expect(log.count(delivery.eventID) == 0)
    }
}
#endif
