// The receiver's tests need its traits: `swift test --traits Receiver --filter HookSchemaReceiverTests`.
#if SQLite && PostgreSQL && Hummingbird
import Foundation
import HookSchemaReceiver
import HookSchemaReceiverPostgres
import HookSchemaReceiverSQLite
import Testing

/// The stores every receiver test runs on: a SQLite file in a fresh temporary folder, and the PostgreSQL server
/// named by `HOOKSCHEMA_TEST_POSTGRES_URL` (set by `.ci/run`, which installs and starts one). Locally, without
/// the variable, the PostgreSQL cases are skipped with that message; in CI (`CI=true`) its absence is a failure.
enum StoreKind: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite, postgres

    var testDescription: String { rawValue }

    static let postgresURL: String? = {
        let value = ProcessInfo.processInfo.environment["HOOKSCHEMA_TEST_POSTGRES_URL"]
        return value?.isEmpty == false ? value : nil
    }()

    static let skipMessage = "PostgreSQL: HOOKSCHEMA_TEST_POSTGRES_URL is not set (.ci/run sets it); skipped"

    /// The kinds to run here: both when PostgreSQL is configured, else SQLite alone (with a printed note).
    static let available: [StoreKind] = {
        if postgresURL != nil { return [.sqlite, .postgres] }
        print(skipMessage)
        return [.sqlite]
    }()

    /// A new store of this kind. SQLite: a new file in a new temporary folder (returned, to open it again).
    func makeStore(file: URL? = nil) async throws -> (store: any ReceiverStore, file: URL?) {
        switch self {
        case .sqlite:
            let url = try file ?? Self.temporaryFile()
            return (try await SQLiteReceiverStore(path: url.path), url)
        case .postgres:
            guard let url = Self.postgresURL else { throw ReceiverStoreError(Self.skipMessage) }
            // A generous statement timeout: these tests are about what happens, not how fast, and CI runs them
            // beside 400 other tests on two cores (the default, 5 s, once turned 49 of 50 concurrent claims into
            // 503s on a machine loaded far past that). The 503 path has tests of its own (a store that went away).
            return (try PostgresReceiverStore(url: url, operationTimeout: .seconds(60)), nil)
        }
    }

    static func temporaryFile() throws -> URL {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("hookschema-receiver-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder.appendingPathComponent("captures.sqlite")
    }

    /// Makes the store fail from now on, as a database that went away does: the connection is closed.
    static func breakStore(_ store: any ReceiverStore) async throws {
        if let sqlite = store as? SQLiteReceiverStore { try await sqlite.close() }
        if let postgres = store as? PostgresReceiverStore { postgres.close() }
    }
}

@Suite struct StoreConfigurationTests {
    @Test func postgresIsConfiguredInCI() {
        if ProcessInfo.processInfo.environment["CI"] == "true" {
            #expect(
                StoreKind.postgresURL != nil,
                "CI must run the PostgreSQL cases: .ci/run sets HOOKSCHEMA_TEST_POSTGRES_URL")
        }
    }
}

/// All captures of one test's dedupe keys (other tests share a PostgreSQL database).
func captures(in store: any ReceiverStore, keys: Set<String>) async throws -> [CaptureRecord] {
    var found: [CaptureRecord] = []
    var last: Int64 = 0
    while true {
        let page = try await store.captures(after: last, limit: 500)
        guard let end = page.last?.id else { break }
        found += page.filter { $0.dedupeKey.map(keys.contains) ?? false }
        last = end
    }
    return found
}
#endif
