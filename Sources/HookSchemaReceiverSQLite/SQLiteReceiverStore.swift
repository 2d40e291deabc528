#if SQLite
    import Foundation
    import HookSchemaReceiver
    import HookSchemaValidation

    /// The receiver's embedded store: one SQLite file (SQLite as vapor/sqlite-nio vendors it, compiled in), in WAL
    /// mode, created with its tables on first start.
    ///
    /// Claims are rows of `hookschema_claims` keyed by `(provider, dedupe_key)` (the primary key is the dedupe
    /// constraint); a claim is one `INSERT … ON CONFLICT … DO UPDATE … WHERE <stale> RETURNING` statement inside a
    /// write transaction, so two processes sharing the file cannot both claim a key. Captures are rows of
    /// `hookschema_captures`: headers (JSON), the raw body (BLOB), the receive time (Unix milliseconds), the verdict,
    /// the findings (JSON) and the outcome. A delivery's claim and its capture are one transaction
    /// (``claimAndCapture(_:token:now:staleBefore:capture:)``).
    ///
    /// One thread owns the connection and keeps its statements prepared. Operations that arrive while it is busy
    /// are committed together, in one transaction (group commit), and each caller resumes only once that
    /// transaction is committed; an operation that fails is retried alone, so it cannot fail the others. WAL
    /// checkpoints run on a second connection and thread, so a delivery never waits for one. `durability` chooses
    /// what a commit survives: `.processCrash` (the default: `synchronous=NORMAL`, a commit is in the WAL file and
    /// survives the process being killed; a power cut may lose the last commits) or `.powerLoss`
    /// (`synchronous=FULL`: the WAL is synced to disk at each commit).
    public final class SQLiteReceiverStore: ReceiverStore {
        /// What a committed capture survives.
        public enum Durability: String, Sendable {
            /// A commit survives the process being killed (SQLite `synchronous=NORMAL` in WAL mode).
            case processCrash
            /// A commit survives a power cut too (`synchronous=FULL`: the WAL is synced at every commit).
            case powerLoss
        }

        /// The database file.
        public let path: String
        /// The thread that owns the connection (the tests read its counters).
        let writer: SQLiteWriter

        /// Opens (creating when missing) the database file at `path`, in WAL mode, and waits up to `busyTimeout`
        /// milliseconds for another process's write lock. The tables are created by ``prepare()``, which
        /// `WebhookReceiver` calls.
        ///
        /// - Parameters:
        ///   - path: The database file's path; the file and its `-wal` and `-shm` companions are created when
        ///     missing. The folder must exist.
        ///   - durability: What a committed capture survives: a crash of the process (the default) or a power cut.
        ///   - busyTimeout: How long a statement waits for another connection's write lock, in milliseconds,
        ///     before it fails.
        /// - Throws: `ReceiverStoreError` when the file cannot be opened or the settings cannot be applied.
        public init(path: String, durability: Durability = .processCrash, busyTimeout: Int = 5_000) async throws {
            self.path = path
            let synchronous = durability == .powerLoss ? "FULL" : "NORMAL"
            let settings = """
                PRAGMA busy_timeout = \(max(0, busyTimeout)); PRAGMA synchronous = \(synchronous);
                PRAGMA journal_size_limit = \(Int(SQLiteCheckpointer.hardLimit) * 4_096);
                """
            do {
                let handle = try SQLiteHandle(path: path)
                try handle.execute(settings)
                try handle.execute("PRAGMA journal_mode = WAL")
                let checkpointer = try SQLiteHandle(path: path)
                try checkpointer.execute(settings)
                writer = SQLiteWriter(handle: handle, checkpointer: checkpointer)
            } catch {
                throw ReceiverStoreError("cannot open the SQLite database \(path): \(error)")
            }
        }

        /// Closes the connections once the operations already queued have run; the store cannot be used
        /// afterwards (its operations throw). A store released without `close()` closes them in the background.
        ///
        /// - Throws: Nothing today; kept throwing so that a future failure to close can be reported.
        public func close() async throws {
            await writer.close()
        }

        deinit {
            writer.closeInBackground()
        }

        /// Creates `hookschema_claims`, `hookschema_captures` and their indexes with `CREATE … IF NOT EXISTS`.
        ///
        /// - Throws: `ReceiverStoreError` when SQLite refuses a statement.
        public func prepare() async throws {
            try await writer.perform { database in
                try database.execute(
                    """
                    CREATE TABLE IF NOT EXISTS hookschema_claims (
                        provider TEXT NOT NULL, dedupe_key TEXT NOT NULL, token TEXT NOT NULL, state TEXT NOT NULL,
                        claimed_at INTEGER NOT NULL, completed_at INTEGER, PRIMARY KEY (provider, dedupe_key));
                    CREATE TABLE IF NOT EXISTS hookschema_captures (
                        id INTEGER PRIMARY KEY AUTOINCREMENT, provider TEXT NOT NULL, event TEXT, dedupe_key TEXT,
                        received_at INTEGER NOT NULL, headers TEXT NOT NULL, body BLOB NOT NULL, verdict TEXT,
                        findings TEXT NOT NULL, outcome TEXT NOT NULL);
                    CREATE INDEX IF NOT EXISTS hookschema_captures_received ON hookschema_captures (received_at);
                    CREATE INDEX IF NOT EXISTS hookschema_claims_completed ON hookschema_claims (completed_at);
                    """)
            }
        }

        /// Claims `key` with one `INSERT … ON CONFLICT (provider, dedupe_key) DO UPDATE … WHERE <stale>
        /// RETURNING` statement; when it returns no row, reads the claim's state (in the same transaction) to tell
        /// a duplicate from an attempt in progress.
        ///
        /// - Parameters:
        ///   - key: The delivery's dedupe key, scoped by its provider.
        ///   - token: A value unique to this attempt.
        ///   - now: The claim time.
        ///   - staleBefore: A claim still `claimed` since before this time is taken over.
        /// - Returns: `.claimed`, `.alreadyHandled` or `.inProgress`.
        /// - Throws: `ReceiverStoreError` when SQLite refuses a statement (a write lock held longer than the busy
        ///   timeout, a full disk).
        public func claim(_ key: DedupeKeyValue, token: String, now: Date, staleBefore: Date) async throws
            -> ClaimResult
        {
            try await writer.perform { database in
                try Self.claim(key, token: token, now: now, staleBefore: staleBefore, in: database)
            }
        }

        /// Claims `key` and, when this attempt now holds it, inserts `capture`: one transaction, so the claim
        /// exists exactly when the capture does. A duplicate or an attempt in progress stores nothing.
        ///
        /// - Parameters:
        ///   - key: The delivery's dedupe key, scoped by its provider.
        ///   - token: A value unique to this attempt.
        ///   - now: The claim time.
        ///   - staleBefore: A claim still `claimed` since before this time is taken over.
        ///   - capture: The delivery to store when the claim is taken; its id is ignored.
        /// - Returns: `.captured(id)`, `.alreadyHandled` or `.inProgress`.
        /// - Throws: `ReceiverStoreError` when SQLite refuses a statement; then neither the claim nor the capture
        ///   is stored.
        public func claimAndCapture(
            _ key: DedupeKeyValue, token: String, now: Date, staleBefore: Date, capture: CaptureRecord
        ) async throws -> ClaimAndCaptureResult {
            try await writer.perform { database in
                switch try Self.claim(key, token: token, now: now, staleBefore: staleBefore, in: database) {
                case .claimed: return .captured(id: try Self.insert(capture, in: database))
                case .alreadyHandled: return .alreadyHandled
                case .inProgress: return .inProgress
                }
            }
        }

        /// Sets the claim's state to `done` and records `now` as its completion time, when `token` holds it.
        ///
        /// - Parameters:
        ///   - key: The claimed dedupe key.
        ///   - token: The token the claim was made with.
        ///   - now: The completion time.
        /// - Throws: `ReceiverStoreError` when SQLite refuses the statement.
        public func complete(_ key: DedupeKeyValue, token: String, now: Date) async throws {
            try await writer.perform { database in
                try database.run(
                    """
                    UPDATE hookschema_claims SET state = 'done', completed_at = ?4
                    WHERE provider = ?1 AND dedupe_key = ?2 AND token = ?3
                    """,
                    [.text(key.provider), .text(key.key), .text(token), .integer(now.unixMilliseconds)])
            }
        }

        /// Deletes the claim's row when `token` holds it and it is still `claimed`.
        ///
        /// - Parameters:
        ///   - key: The claimed dedupe key.
        ///   - token: The token the claim was made with.
        /// - Throws: `ReceiverStoreError` when SQLite refuses the statement.
        public func release(_ key: DedupeKeyValue, token: String) async throws {
            try await writer.perform { database in
                try database.run(
                    """
                    DELETE FROM hookschema_claims
                    WHERE provider = ?1 AND dedupe_key = ?2 AND token = ?3 AND state = 'claimed'
                    """,
                    [.text(key.provider), .text(key.key), .text(token)])
            }
        }

        /// Inserts a row into `hookschema_captures`, committed (under the store's ``Durability``) before it
        /// returns.
        ///
        /// - Parameter capture: The delivery to store; its id is ignored.
        /// - Returns: The new row's id (`AUTOINCREMENT`: never reused, even after a purge).
        /// - Throws: `ReceiverStoreError` when SQLite refuses the statement.
        public func capture(_ capture: CaptureRecord) async throws -> Int64 {
            try await writer.perform { database in try Self.insert(capture, in: database) }
        }

        /// Updates the `outcome` column of one capture.
        ///
        /// - Parameters:
        ///   - outcome: The new outcome.
        ///   - id: The capture's id.
        /// - Throws: `ReceiverStoreError` when SQLite refuses the statement.
        public func setOutcome(_ outcome: CaptureOutcome, ofCapture id: Int64) async throws {
            try await writer.perform { database in
                try database.run(
                    "UPDATE hookschema_captures SET outcome = ?1 WHERE id = ?2", [.text(outcome.rawValue), .integer(id)])
            }
        }

        /// Reads up to `limit` captures with an id greater than `id`, in id order.
        ///
        /// - Parameters:
        ///   - id: The last id already read; 0 to start at the first capture.
        ///   - limit: The most captures to return.
        /// - Returns: The captures, oldest first.
        /// - Throws: `ReceiverStoreError` when SQLite refuses the query or a row is incomplete.
        public func captures(after id: Int64, limit: Int) async throws -> [CaptureRecord] {
            try await writer.perform { database in
                var records: [CaptureRecord] = []
                try database.run(
                    """
                    SELECT id, provider, event, dedupe_key, received_at, headers, body, verdict, findings, outcome
                    FROM hookschema_captures WHERE id > ?1 ORDER BY id LIMIT ?2
                    """,
                    [.integer(id), .integer(Int64(max(0, limit)))]
                ) { row in records.append(try Self.record(row)) }
                return records
            }
        }

        /// Deletes the captures received before `capturesBefore` and the `done` claims completed before
        /// `claimsBefore`, in one transaction. SQLite reuses the freed pages; the file does not shrink.
        ///
        /// - Parameters:
        ///   - capturesBefore: The cutoff for captures.
        ///   - claimsBefore: The cutoff for completed claims.
        /// - Returns: How many rows of each table were deleted.
        /// - Throws: `ReceiverStoreError` when SQLite refuses a statement.
        public func purge(capturesBefore: Date, claimsBefore: Date) async throws -> PurgeCounts {
            try await writer.perform { database in
                var counts = PurgeCounts(captures: 0, claims: 0)
                try database.run(
                    "DELETE FROM hookschema_captures WHERE received_at < ?1 RETURNING id",
                    [.integer(capturesBefore.unixMilliseconds)]
                ) { _ in counts.captures += 1 }
                try database.run(
                    "DELETE FROM hookschema_claims WHERE state = 'done' AND completed_at < ?1 RETURNING 1",
                    [.integer(claimsBefore.unixMilliseconds)]
                ) { _ in counts.claims += 1 }
                return counts
            }
        }

        private static func claim(
            _ key: DedupeKeyValue, token: String, now: Date, staleBefore: Date, in database: SQLiteHandle
        ) throws -> ClaimResult {
            var claimed = false
            try database.run(
                """
                INSERT INTO hookschema_claims (provider, dedupe_key, token, state, claimed_at)
                VALUES (?1, ?2, ?3, 'claimed', ?4)
                ON CONFLICT (provider, dedupe_key) DO UPDATE
                SET token = excluded.token, claimed_at = excluded.claimed_at
                WHERE hookschema_claims.state = 'claimed' AND hookschema_claims.claimed_at < ?5
                RETURNING token
                """,
                [
                    .text(key.provider), .text(key.key), .text(token), .integer(now.unixMilliseconds),
                    .integer(staleBefore.unixMilliseconds),
                ]
            ) { _ in claimed = true }
            if claimed { return .claimed }
            // The row exists and was not taken over; the write transaction keeps it from changing in between.
            var state: String?
            try database.run(
                "SELECT state FROM hookschema_claims WHERE provider = ?1 AND dedupe_key = ?2",
                [.text(key.provider), .text(key.key)]
            ) { row in state = row.text(0) }
            return state == "done" ? .alreadyHandled : .inProgress
        }

        private static func insert(_ capture: CaptureRecord, in database: SQLiteHandle) throws -> Int64 {
            var id: Int64?
            try database.run(
                """
                INSERT INTO hookschema_captures
                    (provider, event, dedupe_key, received_at, headers, body, verdict, findings, outcome)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) RETURNING id
                """,
                [
                    .text(capture.provider), .text(capture.event), .text(capture.dedupeKey),
                    .integer(capture.receivedAt.unixMilliseconds), .text(capture.headersJSON), .blob(capture.body),
                    .text(capture.verdict?.rawValue), .text(capture.findingsJSON), .text(capture.outcome.rawValue),
                ]
            ) { row in id = row.integer(0) }
            guard let id else { throw ReceiverStoreError("SQLite returned no id for a stored capture") }
            return id
        }

        private static func record(_ row: SQLiteRowReader) throws -> CaptureRecord {
            guard let id = row.integer(0), let provider = row.text(1), let receivedAt = row.integer(4),
                let headers = row.text(5), let findings = row.text(8),
                let outcome = row.text(9).flatMap(CaptureOutcome.init(rawValue:))
            else {
                throw ReceiverStoreError("a row of hookschema_captures is incomplete or has an unknown outcome")
            }
            return CaptureRecord(
                id: id, provider: provider, event: row.text(2), dedupeKey: row.text(3),
                receivedAt: Date(unixMilliseconds: receivedAt), headers: try CaptureRecord.headers(fromJSON: headers),
                body: row.blob(6), verdict: row.text(7).flatMap(Verdict.init(rawValue:)), findingsJSON: findings,
                outcome: outcome)
        }
    }
#endif
