// The receiver's tests need its traits: `swift test --traits Receiver --filter HookSchemaReceiverTests`.
#if SQLite && PostgreSQL && Hummingbird
import Foundation
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
