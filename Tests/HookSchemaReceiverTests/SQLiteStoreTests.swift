// The receiver's tests need its traits: `swift test --traits Receiver --filter HookSchemaReceiverTests`.
#if SQLite && PostgreSQL && Hummingbird
import Foundation
import HookSchemaReceiver
@testable import HookSchemaReceiverSQLite
import Testing

/// The SQLite store's writer: group commit (concurrent operations share a transaction, and one that fails fails
/// alone), the claim and the capture in one transaction, the write-ahead log kept bounded under load, and the
/// protocol's default `claimAndCapture` for stores that do not override it.
@Suite struct SQLiteStoreTests {
    static func capture(_ key: String, body: [UInt8] = Array("{}".utf8)) -> CaptureRecord {
        CaptureRecord(
            provider: "test", event: "test.event", dedupeKey: key, receivedAt: Date(), headers: [], body: body,
            verdict: .pass, findingsJSON: "[]", outcome: .accepted)
    }

    /// Holds the writer's thread with an operation that waits, until `count` more operations are queued behind it,
    /// then lets it go: those then run as groups, deterministically.
    static func whileHeld<T: Sendable>(
        _ writer: SQLiteWriter, count: Int, _ body: @Sendable @escaping () async throws -> T
    ) async throws -> T {
        let gate = Gate()
        let holder = Task { try await writer.perform { _ in gate.holdUntilOpened() } }
        while !gate.held { try await Task.sleep(for: .milliseconds(1)) }
        let work = Task { try await body() }
        while writer.queued < count { try await Task.sleep(for: .milliseconds(1)) }
        gate.open()
        try await holder.value
        return try await work.value
    }

    /// A door the writer's thread waits at.
    final class Gate: @unchecked Sendable {
        private let condition = NSCondition()
        private var isHeld = false
        private var isOpen = false
        var held: Bool { condition.withLock { isHeld } }
        func holdUntilOpened() {
            condition.withLock {
                isHeld = true
                while !isOpen { condition.wait() }
            }
        }
        func open() {
            condition.withLock {
                isOpen = true
                condition.broadcast()
            }
        }
    }

    /// The writer's counters, read on its thread (inside a transaction of their own, not yet counted).
    static func counters(_ writer: SQLiteWriter) async throws -> (commits: Int, groupsRetried: Int) {
        try await writer.perform { _ in (writer.commits, writer.groupsRetried) }
    }

    @Test func concurrentOperationsAreCommittedTogetherAndEachGetsItsOwnResult() async throws {
        let file = try StoreKind.temporaryFile()
        let store = try await SQLiteReceiverStore(path: file.path)
        try await store.prepare()
        let keys = (0..<300).map { "key-\($0)" }
        let before = try await Self.counters(store.writer).commits
        let results = try await Self.whileHeld(store.writer, count: 300) {
            try await withThrowingTaskGroup(of: (String, ClaimAndCaptureResult).self) { group in
                for key in keys {
                    group.addTask {
                        let result = try await store.claimAndCapture(
                            DedupeKeyValue(provider: "test", key: key), token: UUID().uuidString, now: Date(),
                            staleBefore: .distantPast, capture: Self.capture(key))
                        return (key, result)
                    }
                }
                return try await group.reduce(into: [:]) { $0[$1.0] = $1.1 }
            }
        }
        // The first read of the counters, the holding operation, then 300 operations in groups of at most 256:
        // two commits.
        #expect(try await Self.counters(store.writer).commits - before == 1 + 1 + 2)
        let ids = results.values.compactMap { result -> Int64? in
            if case .captured(let id) = result { return id }
            return nil
        }
        #expect(ids.count == 300 && Set(ids).count == 300, "every claim taken, every capture its own id")
        let stored = try await captures(in: store, keys: Set(keys))
        #expect(stored.count == 300)
        #expect(Dictionary(uniqueKeysWithValues: stored.map { ($0.dedupeKey ?? "", $0.id ?? 0) }).count == 300)
        for capture in stored {
            #expect(results[capture.dedupeKey ?? ""] == .captured(id: capture.id ?? 0), "the id the caller got")
        }
        // Claimed, not done: a second attempt is in progress and stores nothing.
        let again = try await store.claimAndCapture(
            DedupeKeyValue(provider: "test", key: "key-7"), token: "other", now: Date(), staleBefore: .distantPast,
            capture: Self.capture("key-7"))
        #expect(again == .inProgress)
        #expect(try await captures(in: store, keys: ["key-7"]).count == 1)
        try await store.close()
    }

    @Test func anOperationThatFailsInAGroupFailsAlone() async throws {
        let file = try StoreKind.temporaryFile()
        let handle = try SQLiteHandle(path: file.path)
        try handle.execute("PRAGMA journal_mode = WAL; CREATE TABLE t (n INTEGER NOT NULL UNIQUE)")
        let writer = SQLiteWriter(handle: handle, checkpointer: try SQLiteHandle(path: file.path))
        // 200 operations queued behind a held one, so they run as one group; each inserts its number, and number
        // 150 inserts 77 too: whichever of 77 and 150 runs second breaks the UNIQUE constraint.
        let outcomes = try await Self.whileHeld(writer, count: 200) { await withTaskGroup(of: (Int, Bool).self) { group in
            for number in 0..<200 {
                group.addTask {
                    do {
                        try await writer.perform { database in
                            try database.run("INSERT INTO t (n) VALUES (?1)", [.integer(Int64(number))])
                            if number == 150 { try database.run("INSERT INTO t (n) VALUES (77)") }
                        }
                        return (number, true)
                    } catch {
                        return (number, false)
                    }
                }
            }
            return await group.reduce(into: [:]) { $0[$1.0] = $1.1 }
        } }
        // The group was rolled back once and its 200 operations run one transaction each: 199 commits, and one
        // for the holding operation.
        let counters = try await Self.counters(writer)
        #expect(counters.groupsRetried == 1 && counters.commits == 1 + 199, "\(counters)")
        let failed = outcomes.filter { !$0.value }.map(\.key).sorted()
        #expect(failed.count == 1 && (failed == [77] || failed == [150]), "exactly one of the two writers of 77: \(failed)")
        let count = try await writer.perform { database in
            var count: Int64 = 0
            try database.run("SELECT count(*) FROM t") { row in count = row.integer(0) ?? -1 }
            return count
        }
        // Every other operation is committed; the failed one left nothing (150's own row goes when its 77 fails).
        #expect(count == (failed == [150] ? 199 : 200))
        await writer.close()
        await #expect(throws: ReceiverStoreError.self) {
            try await writer.perform { _ in () }
        }
    }

    @Test func theWriteAheadLogStaysBoundedUnderSustainedWrites() async throws {
        let file = try StoreKind.temporaryFile()
        let store = try await SQLiteReceiverStore(path: file.path)
        try await store.prepare()
        // 128 MB of captures, 32 writers at a time: three times the 40 MB (10,000 pages) past which the writer
        // waits for the log to start over.
        let body = [UInt8](repeating: UInt8(ascii: "x"), count: 32_768)
        var largest = 0
        for round in 0..<128 {
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<32 {
                    group.addTask {
                        _ = try await store.capture(Self.capture("bulk-\(round)-\(index)", body: body))
                    }
                }
                try await group.waitForAll()
            }
            let attributes = try? FileManager.default.attributesOfItem(atPath: file.path + "-wal")
            largest = max(largest, (attributes?[.size] as? Int) ?? 0)
        }
        #expect(largest > 0, "WAL mode")
        // 10,000 frames (a 4 KB page and a 24-byte header each), plus the group that crossed the mark (at most 32
        // captures of 32 KB: about 300 frames), with room.
        #expect(largest < 10_000 * 4_120 + 2_000_000, "the -wal file grew to \(largest) bytes")
        try await store.close()
        #expect(!FileManager.default.fileExists(atPath: file.path + "-wal"), "the last connection to close removes it")
    }

    /// A store that does not override `claimAndCapture`, and whose captures fail on demand.
    final class TwoStepStore: ReceiverStore, @unchecked Sendable {
        let inner: SQLiteReceiverStore
        var failCaptures = false
        init(_ inner: SQLiteReceiverStore) { self.inner = inner }
        func prepare() async throws { try await inner.prepare() }
        func claim(_ key: DedupeKeyValue, token: String, now: Date, staleBefore: Date) async throws -> ClaimResult {
            try await inner.claim(key, token: token, now: now, staleBefore: staleBefore)
        }
        func complete(_ key: DedupeKeyValue, token: String, now: Date) async throws {
            try await inner.complete(key, token: token, now: now)
        }
        func release(_ key: DedupeKeyValue, token: String) async throws { try await inner.release(key, token: token) }
        func capture(_ capture: CaptureRecord) async throws -> Int64 {
            if failCaptures { throw ReceiverStoreError("capture refused") }
            return try await inner.capture(capture)
        }
        func setOutcome(_ outcome: CaptureOutcome, ofCapture id: Int64) async throws {
            try await inner.setOutcome(outcome, ofCapture: id)
        }
        func captures(after id: Int64, limit: Int) async throws -> [CaptureRecord] {
            try await inner.captures(after: id, limit: limit)
        }
        func purge(capturesBefore: Date, claimsBefore: Date) async throws -> PurgeCounts {
            try await inner.purge(capturesBefore: capturesBefore, claimsBefore: claimsBefore)
        }
    }

    @Test func theDefaultClaimAndCaptureReleasesTheClaimWhenTheCaptureFails() async throws {
        let store = TwoStepStore(try await SQLiteReceiverStore(path: StoreKind.temporaryFile().path))
        try await store.prepare()
        let key = DedupeKeyValue(provider: "test", key: "k")
        store.failCaptures = true
        await #expect(throws: ReceiverStoreError.self) {
            _ = try await store.claimAndCapture(
                key, token: "a", now: Date(), staleBefore: .distantPast, capture: Self.capture("k"))
        }
        store.failCaptures = false
        let retry = try await store.claimAndCapture(
            key, token: "b", now: Date(), staleBefore: .distantPast, capture: Self.capture("k"))
        guard case .captured = retry else {
            Issue.record("the failed attempt's claim was not released: \(retry)")
            return
        }
        try await store.complete(key, token: "b", now: Date())
        let duplicate = try await store.claimAndCapture(
            key, token: "c", now: Date(), staleBefore: .distantPast, capture: Self.capture("k"))
        #expect(duplicate == .alreadyHandled)
        #expect(try await captures(in: store, keys: ["k"]).count == 1)
        try await store.inner.close()
    }
}
#endif
