#if SQLite
    import Foundation
    import HookSchemaReceiver
    // SQLite itself, as vapor/sqlite-nio vendors and builds it (its C target; the version is pinned exactly in
    // Package.swift). The store talks to SQLite's C API directly so that one thread owns the connection, keeps its
    // statements prepared and commits concurrent deliveries together.
    import VaporCSQLite

    /// A value bound to a statement's parameter.
    enum SQLiteValue {
        case integer(Int64)
        case text(String)
        case blob([UInt8])
        case null

        static func text(_ value: String?) -> SQLiteValue {
            value.map { .text($0) } ?? .null
        }
    }

    /// One SQLite connection, used from one thread at a time: statements prepared once and kept, run with their
    /// parameters bound, rows read by column index.
    final class SQLiteHandle {
        let path: String
        private var database: OpaquePointer?
        private var statements: [String: OpaquePointer] = [:]

        /// Opens (creating when missing) the file at `path`.
        init(path: String) throws {
            self.path = path
            let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
            let status = sqlite_nio_sqlite3_open_v2(path, &database, flags, nil)
            guard status == SQLITE_OK else {
                let message = database.map { String(cString: sqlite_nio_sqlite3_errmsg($0)) } ?? "out of memory"
                sqlite_nio_sqlite3_close_v2(database)
                database = nil
                throw ReceiverStoreError("\(message) (code \(status))")
            }
            sqlite_nio_sqlite3_extended_result_codes(database, 1)
        }

        /// Finalizes every kept statement and closes the connection.
        func close() {
            for statement in statements.values { sqlite_nio_sqlite3_finalize(statement) }
            statements = [:]
            sqlite_nio_sqlite3_close_v2(database)
            database = nil
        }

        deinit { close() }

        /// Calls `hook` with `context` after each commit, with the number of pages in the write-ahead log. This
        /// replaces SQLite's own automatic checkpoints on this connection.
        func onCommit(
            context: UnsafeMutableRawPointer,
            _ hook: @convention(c) (UnsafeMutableRawPointer?, OpaquePointer?, UnsafePointer<CChar>?, Int32) -> Int32
        ) {
            _ = sqlite_nio_sqlite3_wal_hook(database, hook, context)
        }

        /// Whether a transaction is open (SQLite rolls one back by itself after some errors).
        var inTransaction: Bool {
            database.map { sqlite_nio_sqlite3_get_autocommit($0) == 0 } ?? false
        }

        /// Runs `sql` (one statement, prepared once and kept) with `binds`, calling `row` for each result row.
        func run(_ sql: String, _ binds: [SQLiteValue] = [], row: (SQLiteRowReader) throws -> Void = { _ in }) throws {
            let statement = try prepared(sql)
            defer {
                sqlite_nio_sqlite3_reset(statement)
                sqlite_nio_sqlite3_clear_bindings(statement)
            }
            for (offset, value) in binds.enumerated() {
                try check(bind(value, to: Int32(offset + 1), of: statement), sql)
            }
            while true {
                let status = sqlite_nio_sqlite3_step(statement)
                switch status {
                case SQLITE_ROW: try row(SQLiteRowReader(statement: statement))
                case SQLITE_DONE: return
                default: try check(status, sql)
                }
            }
        }

        /// Runs `sql` without keeping the statement (schema statements and settings run once).
        func execute(_ sql: String) throws {
            var message: UnsafeMutablePointer<CChar>?
            let status = sqlite_nio_sqlite3_exec(database, sql, nil, nil, &message)
            defer { sqlite_nio_sqlite3_free(message) }
            guard status == SQLITE_OK else {
                let text = message.map { String(cString: $0) } ?? "code \(status)"
                throw ReceiverStoreError("SQLite (\(path)): \(text), running `\(Self.firstLine(sql))`")
            }
        }

        private func prepared(_ sql: String) throws -> OpaquePointer {
            if let statement = statements[sql] { return statement }
            var statement: OpaquePointer?
            let status = sqlite_nio_sqlite3_prepare_v3(
                database, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil)
            guard status == SQLITE_OK, let statement else {
                try check(status == SQLITE_OK ? SQLITE_MISUSE : status, sql)
                throw ReceiverStoreError("SQLite (\(path)): an empty statement")
            }
            statements[sql] = statement
            return statement
        }

        private func bind(_ value: SQLiteValue, to index: Int32, of statement: OpaquePointer) -> Int32 {
            switch value {
            case .integer(let number):
                return sqlite_nio_sqlite3_bind_int64(statement, index, number)
            case .text(let text):
                var text = text
                return text.withUTF8 { bytes in
                    guard let start = bytes.baseAddress else {
                        return sqlite_nio_sqlite3_bind_text64(statement, index, "", 0, transient, UInt8(SQLITE_UTF8))
                    }
                    return start.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                        sqlite_nio_sqlite3_bind_text64(
                            statement, index, $0, UInt64(bytes.count), transient, UInt8(SQLITE_UTF8))
                    }
                }
            case .blob(let bytes):
                return bytes.withUnsafeBytes { buffer in
                    // A zero-length blob, not NULL, for an empty body.
                    buffer.baseAddress == nil
                        ? sqlite_nio_sqlite3_bind_zeroblob(statement, index, 0)
                        : sqlite_nio_sqlite3_bind_blob64(statement, index, buffer.baseAddress, UInt64(buffer.count), transient)
                }
            case .null:
                return sqlite_nio_sqlite3_bind_null(statement, index)
            }
        }

        private func check(_ status: Int32, _ sql: String) throws {
            guard status != SQLITE_OK && status != SQLITE_ROW && status != SQLITE_DONE else { return }
            let message = String(cString: sqlite_nio_sqlite3_errmsg(database))
            throw ReceiverStoreError(
                "SQLite (\(path)): \(message) (code \(status)), running `\(Self.firstLine(sql))`")
        }

        private static func firstLine(_ sql: String) -> String {
            let line = sql.split(separator: "\n").first.map(String.init) ?? sql
            return line.trimmingCharacters(in: .whitespaces) + (line.count < sql.count ? " …" : "")
        }
    }

    /// SQLite copies a value bound with this destructor (`SQLITE_TRANSIENT`, a C macro Swift does not import).
    private let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    /// The current row of a statement being stepped; valid only inside the `row` closure.
    struct SQLiteRowReader {
        let statement: OpaquePointer

        func isNull(_ column: Int32) -> Bool {
            sqlite_nio_sqlite3_column_type(statement, column) == SQLITE_NULL
        }

        func integer(_ column: Int32) -> Int64? {
            isNull(column) ? nil : sqlite_nio_sqlite3_column_int64(statement, column)
        }

        func text(_ column: Int32) -> String? {
            guard !isNull(column), let pointer = sqlite_nio_sqlite3_column_text(statement, column) else { return nil }
            let count = Int(sqlite_nio_sqlite3_column_bytes(statement, column))
            return String(decoding: UnsafeBufferPointer(start: pointer, count: count), as: UTF8.self)
        }

        func blob(_ column: Int32) -> [UInt8] {
            guard let pointer = sqlite_nio_sqlite3_column_blob(statement, column) else { return [] }
            let count = Int(sqlite_nio_sqlite3_column_bytes(statement, column))
            return Array(UnsafeRawBufferPointer(start: pointer, count: count))
        }
    }

    /// The thread that owns a store's SQLite connection. Operations queue up while it is busy; it then runs all
    /// of the queued ones in one transaction and one commit (group commit), and resumes each caller only after
    /// that commit, so a caller never sees a result SQLite has not made durable. An operation that fails rolls
    /// the group back; the others are then run again one transaction each, so one bad operation fails alone.
    final class SQLiteWriter: @unchecked Sendable {
        private let handle: SQLiteHandle
        private let checkpointer: SQLiteCheckpointer
        private let condition = NSCondition()  // guards `queue`, `closing`, `finished` and `closeWaiters`
        private var queue: [any SQLiteJob] = []
        private var closing = false
        private var finished = false
        private var closeWaiters: [CheckedContinuation<Void, Never>] = []
        /// The most operations committed together.
        private let maxGroup = 256
        /// The write-ahead log's size in pages after the last commit (set by the commit hook, on the thread).
        private var walPages: Int32 = 0
        /// Transactions committed, and groups rolled back to run their operations one by one: read them on the
        /// thread (inside ``perform(_:)``), as the tests do.
        private(set) var commits = 0
        private(set) var groupsRetried = 0

        /// Takes `handle` over (no other thread may use it from now on) and runs WAL checkpoints on `checkpointer`,
        /// a second connection to the same file.
        init(handle: SQLiteHandle, checkpointer: SQLiteHandle) {
            self.handle = handle
            self.checkpointer = SQLiteCheckpointer(handle: checkpointer)
            handle.onCommit(context: Unmanaged.passUnretained(self).toOpaque()) { context, _, _, pages in
                if let context {
                    let writer = Unmanaged<SQLiteWriter>.fromOpaque(context).takeUnretainedValue()
                    writer.walPages = pages
                    writer.checkpointer.walGrew(to: pages)
                }
                return SQLITE_OK
            }
            let thread = Thread { [self] in loop() }
            thread.name = "hookschema.sqlite"
            thread.start()
        }

        /// Runs `work` on the connection's thread, inside a transaction shared with the other operations queued
        /// with it. Returns once that transaction is committed.
        func perform<T: Sendable>(_ work: @escaping @Sendable (SQLiteHandle) throws -> T) async throws -> T {
            try await withCheckedThrowingContinuation { continuation in
                let job = Job(work: work, continuation: continuation)
                condition.lock()
                guard !closing else {
                    condition.unlock()
                    job.fail(ReceiverStoreError("the SQLite store (\(handle.path)) is closed"))
                    return
                }
                queue.append(job)
                condition.signal()
                condition.unlock()
            }
        }

        /// How many operations wait for the thread.
        var queued: Int {
            condition.lock()
            defer { condition.unlock() }
            return queue.count
        }

        /// Stops taking operations; the thread runs what is queued, closes the connections and ends.
        func closeInBackground() {
            condition.lock()
            closing = true
            condition.signal()
            condition.unlock()
        }

        /// Runs what is queued, then stops the thread and closes the connections.
        func close() async {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                condition.lock()
                defer { condition.unlock() }
                if finished {
                    continuation.resume()
                    return
                }
                closing = true
                closeWaiters.append(continuation)
                condition.signal()
            }
        }

        private func loop() {
            while true {
                condition.lock()
                while queue.isEmpty && !closing { condition.wait() }
                if queue.isEmpty {
                    handle.close()
                    checkpointer.close()
                    finished = true
                    let waiters = closeWaiters
                    closeWaiters = []
                    condition.unlock()
                    for waiter in waiters { waiter.resume() }
                    return
                }
                let batch = takeBatch()
                condition.unlock()
                run(batch)
            }
        }

        /// The queued operations, at most `maxGroup` of them.
        private func takeBatch() -> [any SQLiteJob] {
            let end = min(queue.count, maxGroup)
            let batch = Array(queue[..<end])
            queue.removeFirst(end)
            return batch
        }

        private func run(_ batch: [any SQLiteJob]) {
            do {
                try handle.run("BEGIN IMMEDIATE")
            } catch {
                for job in batch { job.fail(error) }
                return
            }
            var failed = false
            for job in batch {
                job.run(handle)
                if job.failed {
                    failed = true
                    break
                }
            }
            if !failed {
                do {
                    try handle.run("COMMIT")
                    commits += 1
                    for job in batch { job.resume() }
                    if walPages >= SQLiteCheckpointer.hardLimit {
                        // The background checkpoint has not caught up: the writer waits for the log to start over.
                        checkpointer.restart()
                        walPages = 0
                    }
                } catch {
                    rollBack()
                    for job in batch { job.fail(error) }
                }
                return
            }
            rollBack()
            groupsRetried += batch.count > 1 ? 1 : 0
            if batch.count == 1 {
                batch[0].resume()  // its own error
            } else {
                for job in batch { run([job]) }  // each alone: only the failing one fails
            }
        }

        private func rollBack() {
            if handle.inTransaction { try? handle.run("ROLLBACK") }
        }
    }

    /// Checkpoints the write-ahead log on a connection and a thread of its own, so that the writer does not stop for
    /// one: SQLite's automatic checkpoint (every 1,000 pages) would run inside the commit that crosses the mark,
    /// copying pages and syncing files while every delivery of the group waits. A `PASSIVE` checkpoint neither waits
    /// for nor blocks the writer; once it has copied the whole log, the writer's next transaction starts the log
    /// over, so the file stays small. Under sustained load a passive checkpoint never reaches the end of a log that
    /// keeps growing: past the hard limit the writer stops and asks for a `RESTART` checkpoint, which copies the
    /// whole log so that it starts over. That bounds the `-wal` file (the hard limit and one group of writes), at
    /// the cost of a pause that only a writer outrunning the disk meets.
    final class SQLiteCheckpointer: @unchecked Sendable {
        /// The log's size, in pages, at which a checkpoint is started (SQLite's default for automatic ones).
        static let pages: Int32 = 1_000
        /// The log's size, in pages (40 MB of 4 KB pages), past which the writer waits for a `RESTART` checkpoint;
        /// also the size the `-wal` file is truncated to when the log starts over (`journal_size_limit`).
        static let hardLimit: Int32 = 10_000
        private let handle: SQLiteHandle
        private let condition = NSCondition()  // guards `requested`, `restartRequested`, `closing` and `finished`
        private var requested = false
        private var restartRequested = false
        private var closing = false
        private var finished = false

        init(handle: SQLiteHandle) {
            self.handle = handle
            let thread = Thread { [self] in loop() }
            thread.name = "hookschema.sqlite.checkpoint"
            thread.start()
        }

        /// Called by the writer's connection after each commit.
        func walGrew(to pages: Int32) {
            guard pages >= Self.pages else { return }
            condition.lock()
            requested = true
            condition.broadcast()
            condition.unlock()
        }

        /// Runs a `RESTART` checkpoint once the checkpoint in progress (if any) is done, and waits for it. Called by
        /// the writer's thread between transactions, so nothing writes meanwhile and the whole log is copied.
        func restart() {
            condition.lock()
            restartRequested = true
            condition.broadcast()
            while restartRequested && !finished { condition.wait() }
            condition.unlock()
        }

        /// Stops the thread (after a checkpoint in progress) and closes the connection; waits for both.
        func close() {
            condition.lock()
            closing = true
            condition.broadcast()
            while !finished { condition.wait() }
            condition.unlock()
        }

        private func loop() {
            while true {
                condition.lock()
                while !requested && !restartRequested && !closing { condition.wait() }
                if closing {
                    handle.close()  // the last connection to close checkpoints the whole log and removes it
                    finished = true
                    condition.broadcast()
                    condition.unlock()
                    return
                }
                let restart = restartRequested
                requested = false
                condition.unlock()
                // A failed checkpoint (the file busy: another process reading) is tried again after the next commits.
                try? handle.execute(restart ? "PRAGMA wal_checkpoint(RESTART)" : "PRAGMA wal_checkpoint(PASSIVE)")
                if restart {
                    condition.lock()
                    restartRequested = false
                    condition.broadcast()
                    condition.unlock()
                }
            }
        }
    }

    /// An operation queued for the writer thread.
    protocol SQLiteJob: AnyObject {
        var failed: Bool { get }
        /// Runs the operation and keeps its result (not yet reported).
        func run(_ handle: SQLiteHandle)
        /// Reports the kept result to the caller.
        func resume()
        /// Reports `error` to the caller instead.
        func fail(_ error: any Error)
    }

    private final class Job<T: Sendable>: SQLiteJob {
        private let work: @Sendable (SQLiteHandle) throws -> T
        private let continuation: CheckedContinuation<T, any Error>
        private var result: Result<T, any Error>?

        init(work: @escaping @Sendable (SQLiteHandle) throws -> T, continuation: CheckedContinuation<T, any Error>) {
            self.work = work
            self.continuation = continuation
        }

        var failed: Bool {
            if case .failure = result { return true }
            return false
        }

        func run(_ handle: SQLiteHandle) {
            result = Result { try work(handle) }
        }

        func resume() {
            continuation.resume(with: result ?? .failure(ReceiverStoreError("an SQLite operation did not run")))
        }

        func fail(_ error: any Error) {
            continuation.resume(throwing: error)
        }
    }
#endif
