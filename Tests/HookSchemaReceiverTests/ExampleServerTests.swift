// The receiver's tests need its traits: `swift test --traits Receiver --filter HookSchemaReceiverTests`.
#if SQLite && PostgreSQL && Hummingbird
import Foundation
import ExtendWebhooks
import HookSchemaReceiver
import HookSchemaReceiverSQLite
import Testing

/// The example server over loopback HTTP with a real client, for each bundled provider and each store: every
/// status a provider can get from it.
@Suite(.serialized) struct ExampleServerTests {
    typealias Provider = Fixture.ProviderName

    static let cases: [(StoreKind, Provider)] = StoreKind.available.flatMap { kind in
        Provider.allCases.map { (kind, $0) }
    }

    static func databaseURL(_ kind: StoreKind) throws -> String {
        switch kind {
        case .sqlite: try StoreKind.temporaryFile().path
        case .postgres: StoreKind.postgresURL ?? ""
        }
    }

    @Test(arguments: cases)
    func everyStatusOverLoopback(kind: StoreKind, provider: Provider) async throws {
        let server = try ExampleServer([
            "--provider", provider.rawValue, "--database-url", try Self.databaseURL(kind), "--max-body-bytes", "65536",
        ])
        defer { server.stop() }

        let delivery = try Fixture.delivery(provider)
        let handled = try await server.post(delivery)
        #expect(handled.status == 200 && handled.body.contains("\"outcome\":\"handled\""), "\(handled)")
        let duplicate = try await server.post(try Fixture.delivery(provider, eventID: delivery.eventID))
        #expect(duplicate.status == 200 && duplicate.body.contains("\"outcome\":\"duplicate\""), "\(duplicate)")

        var tampered = try Fixture.delivery(provider)
        tampered.body[10] ^= 0x01
        let unauthorized = try await server.post(tampered)
        #expect(unauthorized.status == 401, "\(unauthorized)")
        #expect(
            unauthorized.body
                == "{\"outcome\":\"unauthorized\",\"reason\":\"signature rejected: no_matching_signature\"}")

        let unreadable = try await server.post(try Fixture.delivery(provider, body: Array("not json".utf8)))
        #expect(unreadable.status == 400, "\(unreadable)")

        let quarantined = try await server.post(try Fixture.delivery(provider, breakContract: true))
        #expect(quarantined.status == 202 && quarantined.body.contains("quarantined"), "\(quarantined)")

        let large = try Fixture.delivery(provider, body: Array(repeating: UInt8(ascii: " "), count: 70_000))
        let tooLarge = try await server.post(large)
        #expect(tooLarge.status == 413, "\(tooLarge)")
    }

    /// The example server purges on its own: at start and every `--purge-interval-minutes`. A capture received
    /// 40 days ago (by a receiver whose clock says so) is gone once the server runs with the default 30 days of
    /// retention; one received now is kept.
    @Test func theExampleServerPurgesExpiredCaptures() async throws {
        let file = try StoreKind.temporaryFile()
        let old = try Fixture.delivery(.extend)
        let recent = try Fixture.delivery(.extend)
        do {
            let store = try await SQLiteReceiverStore(path: file.path)
            let fortyDaysAgo = Date().addingTimeInterval(-40 * 86_400)
            let past = try await WebhookReceiver(
                ExtendEvent.self, secrets: [Provider.extend.secret], store: store, clock: { fortyDaysAgo }
            ) { _ in }
            let now = try await WebhookReceiver(
                ExtendEvent.self, secrets: [Provider.extend.secret], store: store
            ) { _ in }
            #expect(await past.receive(body: old.body, headers: old.tuples).status == 200)
            #expect(await now.receive(body: recent.body, headers: recent.tuples).status == 200)
            #expect(try await captures(in: store, keys: [old.eventID, recent.eventID]).count == 2)
            try await store.close()
        }

        let server = try ExampleServer(["--provider", "extend", "--database-url", file.path])
        defer { server.stop() }
        let store = try await SQLiteReceiverStore(path: file.path)
        var kept: [String?] = []
        for _ in 0..<100 {
            kept = try await captures(in: store, keys: [old.eventID, recent.eventID]).map(\.dedupeKey)
            if kept.count == 1 { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(kept == [recent.eventID], "the 40-day-old capture is purged, the new one kept")
        try await store.close()
    }

    /// Stopped with SIGTERM, the server closes its SQLite store: the write-ahead log is checkpointed into the file
    /// and removed, and the capture is there.
    @Test func aStoppedServerLeavesOneCompleteSQLiteFile() async throws {
        let file = try StoreKind.temporaryFile()
        let server = try ExampleServer(["--provider", "extend", "--database-url", file.path])
        let delivery = try Fixture.delivery(.extend)
        #expect(try await server.post(delivery).status == 200)
        server.stop()
        #expect(!FileManager.default.fileExists(atPath: file.path + "-wal"), "the log is checkpointed and removed")
        let store = try await SQLiteReceiverStore(path: file.path)
        #expect(try await captures(in: store, keys: [delivery.eventID]).count == 1)
        try await store.close()
    }

    @Test func retentionOptionsAreChecked() throws {
        for (option, value) in [("--purge-interval-minutes", "0"), ("--dedupe-retention-days", "0")] {
            #expect(throws: ExampleServer.ServerError.self) {
                try ExampleServer(["--database-url", try StoreKind.temporaryFile().path, option, value])
            }
        }
    }

    @Test(arguments: Provider.allCases)
    func aBodyPastTheLimitIsRefusedWithoutBeingReadWhole(provider: Provider) throws {
        let server = try ExampleServer([
            "--provider", provider.rawValue, "--database-url", try StoreKind.temporaryFile().path,
            "--max-body-bytes", "4096",
        ])
        defer { server.stop() }
        // Content-Length says 100 MB; only 1 KB is sent: 413 at once.
        let declared = try server.statusForPartialRequest(
            head: "POST \(server.path) HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100000000\r\n\r\n",
            firstBytes: Array(repeating: UInt8(ascii: " "), count: 1024))
        #expect(declared == 413)
        // Chunked, no length: 413 as soon as the bytes read pass the limit, before the body ends.
        let chunk = "2000\r\n" + String(repeating: " ", count: 0x2000) + "\r\n"
        let streamed = try server.statusForPartialRequest(
            head: "POST \(server.path) HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\n",
            firstBytes: Array(chunk.utf8))
        #expect(streamed == 413)
    }
}
#endif
