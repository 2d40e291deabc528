// The receiver's tests need its traits: `swift test --traits Receiver --filter HookSchemaReceiverTests`.
#if SQLite && PostgreSQL && Hummingbird
import ExtendWebhooks
import Foundation
import HookSchemaModel
import HookSchemaReceiver
import HookSchemaSignatures
import PlexteraWebhooks

/// Signed deliveries of the bundled providers, built from the repository's example payloads with a fresh event id
/// and a fresh timestamp, signed with `SignatureSigner` the way the provider signs.
struct Fixture: Sendable {
    enum ProviderName: String, CaseIterable, Sendable, CustomStringConvertible {
        case extend, plextera
        var description: String { rawValue }
        var provider: Provider { self == .extend ? ExtendEvent.provider : PlexteraEvent.provider }
        /// The example server's local development secret (see ServerOptions).
        var secret: String {
            self == .extend ? "wss_hookschema_local_development_secret" : "hookschema-local-development-secret"
        }
    }

    struct Delivery: Sendable {
        var body: [UInt8]
        var headers: [HeaderPair]
        var eventID: String
        var tuples: [(name: String, value: String)] { headers.map { ($0.name, $0.value) } }
    }

    struct HeaderPair: Sendable, Hashable {
        var name: String
        var value: String
    }

    /// The repository's root (where Package.swift is).
    static let packageRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
                return url
            }
        }
        fatalError("Package.swift not found above \(#filePath)")
    }()

    /// A fresh event id, unique across test runs sharing one database.
    static func newEventID() -> String {
        "evt_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
    }

    /// A signed delivery of `provider` with event id `eventID`. `breakContract` makes a member the wrong type;
    /// `body` replaces the body bytes outright (before signing).
    static func delivery(
        _ provider: ProviderName, eventID: String = newEventID(), secret: String? = nil, breakContract: Bool = false,
        body replacement: [UInt8]? = nil, timestamp: Int64 = Int64(Date().timeIntervalSince1970)
    ) throws -> Delivery {
        var text: String
        var headers: [HeaderPair] = [HeaderPair(name: "Content-Type", value: "application/json")]
        switch provider {
        case .extend:
            text = try String(
                contentsOf: packageRoot.appendingPathComponent("Examples/payloads/extend/extract_run.processed.json"),
                encoding: .utf8)
            text = text.replacingOccurrences(of: "evt_9fK2mQ7pL3nR8vT4xY6wZ1", with: eventID)
            if breakContract {
                text = text.replacingOccurrences(of: "\"object\": \"extract_run\"", with: "\"object\": 7")
            }
        case .plextera:
            let url = packageRoot.appendingPathComponent(
                "Examples/payloads/plextera/deliveries/document-insights.extraction.completed.delivery.json")
            let file = try JSONDecoder().decode(StoredDelivery.self, from: Data(contentsOf: url))
            text = file.body.replacingOccurrences(of: "evt_01JZ3KC4M8P2R6T0W4Y8A2C6E0", with: eventID)
            if breakContract {
                text = text.replacingOccurrences(of: "\"status\": \"COMPLETED\"", with: "\"status\": 7")
            }
            for name in file.headers.keys.sorted()
            where !name.hasPrefix("X-Plextera-Signature") && name != "Content-Type" {
                var value = file.headers[name] ?? ""
                if name == "X-Plextera-Event-Id" { value = eventID }
                if name == "X-Plextera-Delivery-Id" { value = "dlv_" + UUID().uuidString }
                headers.append(HeaderPair(name: name, value: value))
            }
        }
        let body = replacement ?? Array(text.utf8)
        guard let scheme = provider.provider.signature else { fatalError("\(provider) declares no signature scheme") }
        let signer = try SignatureSigner(scheme: scheme, secrets: [secret ?? provider.secret])
        for header in try signer.sign(body: body, timestamp: timestamp, id: eventID) {
            headers.append(HeaderPair(name: header.name, value: header.value))
        }
        return Delivery(body: body, headers: headers, eventID: eventID)
    }

    private struct StoredDelivery: Decodable {
        var headers: [String: String]
        var body: String
    }
}

/// Counts handler runs per dedupe key, from any number of concurrent deliveries.
final class HandlerLog: @unchecked Sendable {
    private let lock = NSLock()
    private var runs: [String: Int] = [:]
    private var failuresLeft: [String: Int] = [:]

    /// The next `count` runs for `key` throw.
    func failNext(_ count: Int, for key: String) {
        lock.withLock { failuresLeft[key] = count }
    }

    /// Records a run for `key`; throws when a failure was asked for.
    func run(_ key: String) throws {
        let fail: Bool = lock.withLock {
            runs[key, default: 0] += 1
            guard let left = failuresLeft[key], left > 0 else { return false }
            failuresLeft[key] = left - 1
            return true
        }
        if fail { throw HandlerFailure() }
    }

    func count(_ key: String) -> Int { lock.withLock { runs[key, default: 0] } }

    struct HandlerFailure: Error {}
}
#endif
