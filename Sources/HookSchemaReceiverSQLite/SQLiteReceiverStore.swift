#if SQLite
    import Foundation
    import HookSchemaReceiver
    import HookSchemaValidation
    import Logging
    import NIOCore
    import SQLiteNIO

    /// The receiver's embedded store: one SQLite file (vapor/sqlite-nio, SQLite compiled in), in WAL mode, created
    /// with its tables on first start.
    ///
    /// Claims are rows of `hookschema_claims` keyed by `(provider, dedupe_key)` (the primary key is the dedupe
    /// constraint); a claim is one `INSERT … ON CONFLICT … DO UPDATE … WHERE <stale> RETURNING` statement, so two
    /// processes sharing the file cannot both claim a key. Captures are rows of `hookschema_captures`: headers (JSON),
    /// the raw body (BLOB), the receive time (Unix milliseconds), the verdict, the findings (JSON) and the outcome.
    ///
    /// Every operation is one statement, committed on its own before it returns. `durability` chooses what a
    /// commit survives: `.processCrash` (the default: `synchronous=NORMAL`, a commit is in the WAL file and survives
    /// the process being killed; a power cut may lose the last commits) or `.powerLoss` (`synchronous=FULL`: the WAL
    /// is synced to disk at each commit).
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
        private let connection: SQLiteConnection

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
            var logger = Logger(label: "hookschema.receiver.sqlite")
            logger.logLevel = .warning
            do {
                connection = try await SQLiteConnection.open(storage: .file(path: path), logger: logger)
                _ = try await connection.query("PRAGMA busy_timeout = \(max(0, busyTimeout))")
                _ = try await connection.query("PRAGMA journal_mode = WAL")
                let synchronous = durability == .powerLoss ? "FULL" : "NORMAL"
                _ = try await connection.query("PRAGMA synchronous = \(synchronous)")
            } catch {
                throw ReceiverStoreError("cannot open the SQLite database \(path): \(error)")
            }
        }

        deinit {
            // A store dropped without `close()`: close the connection in the background (the close keeps it alive
            // until done), as SQLiteNIO requires of every connection.
            if !connection.isClosed {
                connection.close().whenComplete { _ in }
            }
        }

        /// Closes the connection; the store cannot be used afterwards. A store released without `close()` closes
        /// its connection in the background.
        ///
        /// - Throws: SQLiteNIO's error when the connection cannot be closed cleanly.
        public func close() async throws {
            try await connection.close()
        }

        /// Creates `hookschema_claims`, `hookschema_captures` and their indexes with `CREATE … IF NOT EXISTS`.
        ///
        /// - Throws: `ReceiverStoreError` when SQLite refuses a statement.
        public func prepare() async throws {
            try await run(
                """
                CREATE TABLE IF NOT EXISTS hookschema_claims (
                    provider TEXT NOT NULL, dedupe_key TEXT NOT NULL, token TEXT NOT NULL, state TEXT NOT NULL,
                    claimed_at INTEGER NOT NULL, completed_at INTEGER, PRIMARY KEY (provider, dedupe_key))
                """)
            try await run(
                """
                CREATE TABLE IF NOT EXISTS hookschema_captures (
                    id INTEGER PRIMARY KEY AUTOINCREMENT, provider TEXT NOT NULL, event TEXT, dedupe_key TEXT,
                    received_at INTEGER NOT NULL, headers TEXT NOT NULL, body BLOB NOT NULL, verdict TEXT,
                    findings TEXT NOT NULL, outcome TEXT NOT NULL)
                """)
            try await run(
                "CREATE INDEX IF NOT EXISTS hookschema_captures_received ON hookschema_captures (received_at)")
            try await run(
                "CREATE INDEX IF NOT EXISTS hookschema_claims_completed ON hookschema_claims (completed_at)")
        }

        /// Claims `key` with one `INSERT … ON CONFLICT (provider, dedupe_key) DO UPDATE … WHERE <stale>
        /// RETURNING` statement; when it returns no row, reads the claim's state to tell a duplicate from an
        /// attempt in progress.
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
            for _ in 0..<3 {
                let claimed = try await run(
                    """
                    INSERT INTO hookschema_claims (provider, dedupe_key, token, state, claimed_at)
                    VALUES (?1, ?2, ?3, 'claimed', ?4)
                    ON CONFLICT (provider, dedupe_key) DO UPDATE
                    SET token = excluded.token, claimed_at = excluded.claimed_at
                    WHERE hookschema_claims.state = 'claimed' AND hookschema_claims.claimed_at < ?5
                    RETURNING token
                    """,
                    [
                        .text(key.provider), .text(key.key), .text(token), .integer(numericCast(now.unixMilliseconds)),
                        .integer(numericCast(staleBefore.unixMilliseconds)),
                    ])
                if !claimed.isEmpty { return .claimed }
                let state = try await run(
                    "SELECT state FROM hookschema_claims WHERE provider = ?1 AND dedupe_key = ?2",
                    [.text(key.provider), .text(key.key)])
                switch state.first?.column("state")?.string {
                case "done": return .alreadyHandled
                case "claimed": return .inProgress
                default: continue  // released between the two statements: claim again
                }
            }
            return .inProgress
        }

        /// Sets the claim's state to `done` and records `now` as its completion time, when `token` holds it.
        ///
        /// - Parameters:
        ///   - key: The claimed dedupe key.
        ///   - token: The token the claim was made with.
        ///   - now: The completion time.
        /// - Throws: `ReceiverStoreError` when SQLite refuses the statement.
        public func complete(_ key: DedupeKeyValue, token: String, now: Date) async throws {
            try await run(
                """
                UPDATE hookschema_claims SET state = 'done', completed_at = ?4
                WHERE provider = ?1 AND dedupe_key = ?2 AND token = ?3
                """,
                [.text(key.provider), .text(key.key), .text(token), .integer(numericCast(now.unixMilliseconds))])
        }

        /// Deletes the claim's row when `token` holds it and it is still `claimed`.
        ///
        /// - Parameters:
        ///   - key: The claimed dedupe key.
        ///   - token: The token the claim was made with.
        /// - Throws: `ReceiverStoreError` when SQLite refuses the statement.
        public func release(_ key: DedupeKeyValue, token: String) async throws {
            try await run(
                """
                DELETE FROM hookschema_claims
                WHERE provider = ?1 AND dedupe_key = ?2 AND token = ?3 AND state = 'claimed'
                """,
                [.text(key.provider), .text(key.key), .text(token)])
        }

        /// Inserts a row into `hookschema_captures`, committed (under the store's ``Durability``) before it
        /// returns.
        ///
        /// - Parameter capture: The delivery to store; its id is ignored.
        /// - Returns: The new row's id (`AUTOINCREMENT`: never reused, even after a purge).
        /// - Throws: `ReceiverStoreError` when SQLite refuses the statement.
        public func capture(_ capture: CaptureRecord) async throws -> Int64 {
            let rows = try await run(
                """
                INSERT INTO hookschema_captures
                    (provider, event, dedupe_key, received_at, headers, body, verdict, findings, outcome)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) RETURNING id
                """,
                [
                    .text(capture.provider), Self.text(capture.event), Self.text(capture.dedupeKey),
                    .integer(numericCast(capture.receivedAt.unixMilliseconds)), .text(capture.headersJSON),
                    .blob(ByteBuffer(bytes: capture.body)), Self.text(capture.verdict?.rawValue),
                    .text(capture.findingsJSON), .text(capture.outcome.rawValue),
                ])
            guard let id = rows.first?.column("id")?.integer else {
                throw ReceiverStoreError("SQLite returned no id for a stored capture")
            }
            return Int64(id)
        }

        /// Updates the `outcome` column of one capture.
        ///
        /// - Parameters:
        ///   - outcome: The new outcome.
        ///   - id: The capture's id.
        /// - Throws: `ReceiverStoreError` when SQLite refuses the statement.
        public func setOutcome(_ outcome: CaptureOutcome, ofCapture id: Int64) async throws {
            try await run(
                "UPDATE hookschema_captures SET outcome = ?1 WHERE id = ?2",
                [.text(outcome.rawValue), .integer(numericCast(id))])
        }

        /// Reads up to `limit` captures with an id greater than `id`, in id order.
        ///
        /// - Parameters:
        ///   - id: The last id already read; 0 to start at the first capture.
        ///   - limit: The most captures to return.
        /// - Returns: The captures, oldest first.
        /// - Throws: `ReceiverStoreError` when SQLite refuses the query or a row is incomplete.
        public func captures(after id: Int64, limit: Int) async throws -> [CaptureRecord] {
            let rows = try await run(
                """
                SELECT id, provider, event, dedupe_key, received_at, headers, body, verdict, findings, outcome
                FROM hookschema_captures WHERE id > ?1 ORDER BY id LIMIT ?2
                """,
                [.integer(numericCast(id)), .integer(numericCast(max(0, limit)))])
            return try rows.map(Self.record)
        }

        /// Deletes the captures received before `capturesBefore` and the `done` claims completed before
        /// `claimsBefore`, one statement each. SQLite reuses the freed pages; the file does not shrink.
        ///
        /// - Parameters:
        ///   - capturesBefore: The cutoff for captures.
        ///   - claimsBefore: The cutoff for completed claims.
        /// - Returns: How many rows of each table were deleted.
        /// - Throws: `ReceiverStoreError` when SQLite refuses a statement.
        public func purge(capturesBefore: Date, claimsBefore: Date) async throws -> PurgeCounts {
            let captures = try await run(
                "DELETE FROM hookschema_captures WHERE received_at < ?1 RETURNING id",
                [.integer(numericCast(capturesBefore.unixMilliseconds))])
            let claims = try await run(
                "DELETE FROM hookschema_claims WHERE state = 'done' AND completed_at < ?1 RETURNING 1 AS one",
                [.integer(numericCast(claimsBefore.unixMilliseconds))])
            return PurgeCounts(captures: captures.count, claims: claims.count)
        }

        @discardableResult
        private func run(_ sql: String, _ binds: [SQLiteData] = []) async throws -> [SQLiteRow] {
            do {
                return try await connection.query(sql, binds)
            } catch {
                throw ReceiverStoreError("SQLite (\(path)): \(error)")
            }
        }

        private static func text(_ value: String?) -> SQLiteData {
            value.map { .text($0) } ?? .null
        }

        private static func record(_ row: SQLiteRow) throws -> CaptureRecord {
            guard let id = row.column("id")?.integer, let provider = row.column("provider")?.string,
                let receivedAt = row.column("received_at")?.integer, let headers = row.column("headers")?.string,
                let findings = row.column("findings")?.string,
                let outcome = row.column("outcome")?.string.flatMap(CaptureOutcome.init(rawValue:))
            else {
                throw ReceiverStoreError("a row of hookschema_captures is incomplete or has an unknown outcome")
            }
            let body = row.column("body")?.blob.map { Array($0.readableBytesView) } ?? []
            return CaptureRecord(
                id: Int64(id), provider: provider, event: row.column("event")?.string,
                dedupeKey: row.column("dedupe_key")?.string,
                receivedAt: Date(unixMilliseconds: Int64(receivedAt)),
                headers: try CaptureRecord.headers(fromJSON: headers), body: body,
                verdict: row.column("verdict")?.string.flatMap(Verdict.init(rawValue:)), findingsJSON: findings,
                outcome: outcome)
        }
    }
#endif
