#if PostgreSQL
    import Foundation
    import HookSchemaReceiver
    import HookSchemaValidation
    import Logging
    import NIOCore
    import PostgresNIO

    /// The receiver's store for several receiver instances sharing one PostgreSQL database (vapor/postgres-nio).
    ///
    /// A claim is one `INSERT … ON CONFLICT (provider, dedupe_key) DO UPDATE … WHERE <stale> RETURNING` statement
    /// against the table's primary key, so of any number of processes delivering the same key at once exactly one
    /// gets the row; the others see it `claimed` (409, retry later) or `done` (a duplicate, 200). A delivery's claim
    /// and capture are one statement. Every operation is one statement, committed (with PostgreSQL's default `synchronous_commit = on`, so flushed to the WAL) before it
    /// returns. A statement that cannot get a connection or an answer within `operationTimeout` fails, and the
    /// receiver answers 503.
    public final class PostgresReceiverStore: ReceiverStore {
        private let client: PostgresClient
        private let runner: Task<Void, Never>
        private let timeout: Duration

        /// Connects to the database at `url` (`postgres://user:password@host:port/database`; TLS is not used, so keep
        /// it to a local or private network) with a pool of up to `maxConnections`. The connection is made lazily:
        /// an unreachable server shows in ``prepare()`` and later as `ReceiverStoreError`s.
        ///
        /// - Parameters:
        ///   - url: A `postgres://` or `postgresql://` URL; the user defaults to `postgres`, the port to 5432 and
        ///     the database to the user's name (PostgreSQL's own default).
        ///   - maxConnections: The most connections the pool opens (at least 1).
        ///   - operationTimeout: How long one statement may wait for a connection and its answer before it fails
        ///     (the receiver then answers 503).
        /// - Throws: `ReceiverStoreError` when `url` is not a PostgreSQL URL with a host.
        public init(url: String, maxConnections: Int = 16, operationTimeout: Duration = .seconds(5)) throws {
            var configuration = try Self.configuration(url: url)
            configuration.options.maximumConnections = max(1, maxConnections)
            configuration.options.connectTimeout = .seconds(2)
            let client = PostgresClient(configuration: configuration)
            self.client = client
            self.timeout = operationTimeout
            self.runner = Task { await client.run() }
        }

        deinit {
            runner.cancel()
        }

        /// Stops the connection pool; the store cannot be used afterwards. Releasing the store stops it too.
        public func close() {
            runner.cancel()
        }

        /// The client configuration for a `postgres://` or `postgresql://` URL.
        ///
        /// - Parameter url: `postgres://user:password@host:port/database`; only the host is required.
        /// - Returns: A configuration for that server, without TLS.
        /// - Throws: `ReceiverStoreError` for any other URL.
        public static func configuration(url: String) throws -> PostgresClient.Configuration {
            guard let components = URLComponents(string: url), let scheme = components.scheme,
                ["postgres", "postgresql"].contains(scheme), let host = components.host, !host.isEmpty
            else {
                throw ReceiverStoreError("not a PostgreSQL URL (postgres://user:password@host:port/database): \(url)")
            }
            let database = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
            return PostgresClient.Configuration(
                host: host, port: components.port ?? 5432, username: components.user ?? "postgres",
                password: components.password, database: database.isEmpty ? nil : database, tls: .disable)
        }

        /// Creates `hookschema_claims`, `hookschema_captures` and their indexes with `CREATE … IF NOT EXISTS`, in
        /// one transaction holding an advisory lock, so that instances starting together do not race; does nothing
        /// when all of them exist.
        ///
        /// - Throws: `ReceiverStoreError` when the server cannot be reached or refuses a statement.
        public func prepare() async throws {
            // Several instances starting at once would race on `CREATE TABLE IF NOT EXISTS` (PostgreSQL checks the
            // catalog before it inserts): the creation runs under a transaction-scoped advisory lock.
            // An instance starting beside running ones finds everything in place and takes no lock at all.
            if try await rows(Self.schemaExists).first?.decode(Bool.self) == true { return }
            let client = client
            do {
                try await client.withTransaction(logger: Self.logger) { connection in
                    let lock: PostgresQuery = "SELECT pg_advisory_xact_lock(\(unescaped: String(Self.schemaLockKey)))"
                    try await connection.query(lock, logger: Self.logger)
                    for statement in Self.schema {
                        try await connection.query(statement, logger: Self.logger)
                    }
                }
            } catch {
                throw ReceiverStoreError(
                    "PostgreSQL: cannot create the receiver's tables: \(String(reflecting: error))")
            }
        }

        /// The advisory lock key the table creation holds (an arbitrary constant: "hookschm").
        static let schemaLockKey: Int64 = 0x686F_6F6B_7363_686D
        static let logger = Logger(label: "hookschema.receiver.postgres")

        /// The tables and indexes, created when missing: the claims' first, then the captures', the order in which
        /// ``claimAndCapture(_:token:now:staleBefore:capture:)`` writes to them (`CREATE INDEX` locks its table, so
        /// the other order could deadlock with a delivery in flight).
        static let schema: [PostgresQuery] = [
            """
            CREATE TABLE IF NOT EXISTS hookschema_claims (
                provider TEXT NOT NULL, dedupe_key TEXT NOT NULL, token TEXT NOT NULL, state TEXT NOT NULL,
                claimed_at BIGINT NOT NULL, completed_at BIGINT, PRIMARY KEY (provider, dedupe_key))
            """,
            "CREATE INDEX IF NOT EXISTS hookschema_claims_completed ON hookschema_claims (completed_at)",
            """
            CREATE TABLE IF NOT EXISTS hookschema_captures (
                id BIGSERIAL PRIMARY KEY, provider TEXT NOT NULL, event TEXT, dedupe_key TEXT,
                received_at BIGINT NOT NULL, headers TEXT NOT NULL, body BYTEA NOT NULL, verdict TEXT,
                findings TEXT NOT NULL, outcome TEXT NOT NULL)
            """,
            "CREATE INDEX IF NOT EXISTS hookschema_captures_received ON hookschema_captures (received_at)",
        ]

        /// Whether every table and index of ``schema`` exists already.
        static let schemaExists: PostgresQuery = """
            SELECT to_regclass('hookschema_claims') IS NOT NULL AND to_regclass('hookschema_claims_completed') IS NOT NULL
                AND to_regclass('hookschema_captures') IS NOT NULL
                AND to_regclass('hookschema_captures_received') IS NOT NULL
            """

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
        /// - Throws: `ReceiverStoreError` when the server cannot be reached, refuses the statement or does not
        ///   answer within the operation timeout.
        public func claim(_ key: DedupeKeyValue, token: String, now: Date, staleBefore: Date) async throws
            -> ClaimResult
        {
            let (provider, value, nowMs, staleMs) = (
                key.provider, key.key, now.unixMilliseconds, staleBefore.unixMilliseconds
            )
            let result = try await claiming(key) {
                try await rows(
                    """
                    INSERT INTO hookschema_claims (provider, dedupe_key, token, state, claimed_at)
                    VALUES (\(provider), \(value), \(token), 'claimed', \(nowMs))
                    ON CONFLICT (provider, dedupe_key) DO UPDATE
                    SET token = EXCLUDED.token, claimed_at = EXCLUDED.claimed_at
                    WHERE hookschema_claims.state = 'claimed' AND hookschema_claims.claimed_at < \(staleMs)
                    RETURNING token
                    """
                ).isEmpty ? nil : ()
            }
            switch result {
            case .taken: return .claimed
            case .alreadyHandled: return .alreadyHandled
            case .inProgress: return .inProgress
            }
        }

        /// Claims `key` and, when the claim is taken, inserts `capture`, in one statement (a data-modifying `WITH`:
        /// the claim's `INSERT … ON CONFLICT … RETURNING`, and the capture's `INSERT … SELECT … FROM` its result),
        /// so one round trip and one commit; the claim exists exactly when the capture does. When the claim is not
        /// taken, reads its state to tell a duplicate from an attempt in progress.
        ///
        /// - Parameters:
        ///   - key: The delivery's dedupe key, scoped by its provider.
        ///   - token: A value unique to this attempt.
        ///   - now: The claim time.
        ///   - staleBefore: A claim still `claimed` since before this time is taken over.
        ///   - capture: The delivery to store when the claim is taken; its id is ignored.
        /// - Returns: `.captured(id)`, `.alreadyHandled` or `.inProgress`.
        /// - Throws: `ReceiverStoreError` when the server cannot be reached, refuses the statement or does not
        ///   answer within the operation timeout; neither the claim nor the capture is stored then.
        public func claimAndCapture(
            _ key: DedupeKeyValue, token: String, now: Date, staleBefore: Date, capture: CaptureRecord
        ) async throws -> ClaimAndCaptureResult {
            let (provider, value, nowMs, staleMs) = (
                key.provider, key.key, now.unixMilliseconds, staleBefore.unixMilliseconds
            )
            let receivedAt = capture.receivedAt.unixMilliseconds
            let body = ByteBuffer(bytes: capture.body)
            let (verdict, outcome) = (capture.verdict?.rawValue, capture.outcome.rawValue)
            let result = try await claiming(key) {
                try await rows(
                    """
                    WITH claimed AS (
                        INSERT INTO hookschema_claims (provider, dedupe_key, token, state, claimed_at)
                        VALUES (\(provider), \(value), \(token), 'claimed', \(nowMs))
                        ON CONFLICT (provider, dedupe_key) DO UPDATE
                        SET token = EXCLUDED.token, claimed_at = EXCLUDED.claimed_at
                        WHERE hookschema_claims.state = 'claimed' AND hookschema_claims.claimed_at < \(staleMs)
                        RETURNING token)
                    INSERT INTO hookschema_captures
                        (provider, event, dedupe_key, received_at, headers, body, verdict, findings, outcome)
                    SELECT \(capture.provider), \(capture.event), \(capture.dedupeKey), \(receivedAt),
                        \(capture.headersJSON), \(body), \(verdict), \(capture.findingsJSON), \(outcome)
                    FROM claimed
                    RETURNING id
                    """
                ).first?.decode(Int64.self)
            }
            switch result {
            case .taken(let id): return .captured(id: id)
            case .alreadyHandled: return .alreadyHandled
            case .inProgress: return .inProgress
            }
        }

        /// What a claiming statement found.
        private enum Claiming<Value> {
            case taken(Value)
            case alreadyHandled
            case inProgress
        }

        /// Runs `attempt`, a statement that returns a value when it took `key`'s claim; when it returns nil, reads
        /// the claim's state to tell a duplicate (`done`) from an attempt in progress (`claimed`), and attempts
        /// again when the claim was released in between (up to three times).
        private func claiming<Value>(
            _ key: DedupeKeyValue, _ attempt: () async throws -> Value?
        ) async throws -> Claiming<Value> {
            let (provider, value) = (key.provider, key.key)
            for _ in 0..<3 {
                if let taken = try await attempt() { return .taken(taken) }
                let states = try await rows(
                    "SELECT state FROM hookschema_claims WHERE provider = \(provider) AND dedupe_key = \(value)")
                switch try states.first?.decode(String.self) {
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
        /// - Throws: `ReceiverStoreError` when the statement fails or times out.
        public func complete(_ key: DedupeKeyValue, token: String, now: Date) async throws {
            let (provider, value, nowMs) = (key.provider, key.key, now.unixMilliseconds)
            try await run(
                """
                UPDATE hookschema_claims SET state = 'done', completed_at = \(nowMs)
                WHERE provider = \(provider) AND dedupe_key = \(value) AND token = \(token)
                """)
        }

        /// Deletes the claim's row when `token` holds it and it is still `claimed`.
        ///
        /// - Parameters:
        ///   - key: The claimed dedupe key.
        ///   - token: The token the claim was made with.
        /// - Throws: `ReceiverStoreError` when the statement fails or times out.
        public func release(_ key: DedupeKeyValue, token: String) async throws {
            let (provider, value) = (key.provider, key.key)
            try await run(
                """
                DELETE FROM hookschema_claims
                WHERE provider = \(provider) AND dedupe_key = \(value) AND token = \(token) AND state = 'claimed'
                """)
        }

        /// Inserts a row into `hookschema_captures`, committed (and flushed to the WAL under the default
        /// `synchronous_commit = on`) before it returns.
        ///
        /// - Parameter capture: The delivery to store; its id is ignored.
        /// - Returns: The new row's id (`BIGSERIAL`: increasing, with gaps).
        /// - Throws: `ReceiverStoreError` when the statement fails or times out.
        public func capture(_ capture: CaptureRecord) async throws -> Int64 {
            let receivedAt = capture.receivedAt.unixMilliseconds
            let body = ByteBuffer(bytes: capture.body)
            let verdict = capture.verdict?.rawValue
            let outcome = capture.outcome.rawValue
            let inserted = try await rows(
                """
                INSERT INTO hookschema_captures
                    (provider, event, dedupe_key, received_at, headers, body, verdict, findings, outcome)
                VALUES (\(capture.provider), \(capture.event), \(capture.dedupeKey), \(receivedAt),
                    \(capture.headersJSON), \(body), \(verdict), \(capture.findingsJSON), \(outcome))
                RETURNING id
                """)
            guard let id = try inserted.first?.decode(Int64.self) else {
                throw ReceiverStoreError("PostgreSQL returned no id for a stored capture")
            }
            return id
        }

        /// Updates the `outcome` column of one capture.
        ///
        /// - Parameters:
        ///   - outcome: The new outcome.
        ///   - id: The capture's id.
        /// - Throws: `ReceiverStoreError` when the statement fails or times out.
        public func setOutcome(_ outcome: CaptureOutcome, ofCapture id: Int64) async throws {
            let text = outcome.rawValue
            try await run("UPDATE hookschema_captures SET outcome = \(text) WHERE id = \(id)")
        }

        /// Reads up to `limit` captures with an id greater than `id`, in id order.
        ///
        /// - Parameters:
        ///   - id: The last id already read; 0 to start at the first capture.
        ///   - limit: The most captures to return.
        /// - Returns: The captures, oldest first.
        /// - Throws: `ReceiverStoreError` when the query fails or times out, or a row has an unknown outcome.
        public func captures(after id: Int64, limit: Int) async throws -> [CaptureRecord] {
            let count = max(0, limit)
            let found = try await rows(
                """
                SELECT id, provider, event, dedupe_key, received_at, headers, body, verdict, findings, outcome
                FROM hookschema_captures WHERE id > \(id) ORDER BY id LIMIT \(count)
                """)
            return try found.map { row in
                let (id, provider, event, key, receivedAt, headers, body, verdict, findings, outcome) = try row.decode(
                    (Int64, String, String?, String?, Int64, String, ByteBuffer, String?, String, String).self)
                guard let outcome = CaptureOutcome(rawValue: outcome) else {
                    throw ReceiverStoreError("capture \(id) has an unknown outcome `\(outcome)`")
                }
                return CaptureRecord(
                    id: id, provider: provider, event: event, dedupeKey: key,
                    receivedAt: Date(unixMilliseconds: receivedAt),
                    headers: try CaptureRecord.headers(fromJSON: headers),
                    body: Array(body.readableBytesView), verdict: verdict.flatMap(Verdict.init(rawValue:)),
                    findingsJSON: findings, outcome: outcome)
            }
        }

        /// Deletes the captures received before `capturesBefore` and the `done` claims completed before
        /// `claimsBefore`, one statement each.
        ///
        /// - Parameters:
        ///   - capturesBefore: The cutoff for captures.
        ///   - claimsBefore: The cutoff for completed claims.
        /// - Returns: How many rows of each table were deleted.
        /// - Throws: `ReceiverStoreError` when a statement fails or times out.
        public func purge(capturesBefore: Date, claimsBefore: Date) async throws -> PurgeCounts {
            let (capturesMs, claimsMs) = (capturesBefore.unixMilliseconds, claimsBefore.unixMilliseconds)
            let captures = try await rows(
                "DELETE FROM hookschema_captures WHERE received_at < \(capturesMs) RETURNING id")
            let claims = try await rows(
                "DELETE FROM hookschema_claims WHERE state = 'done' AND completed_at < \(claimsMs) RETURNING 1")
            return PurgeCounts(captures: captures.count, claims: claims.count)
        }

        private func run(_ query: PostgresQuery) async throws {
            _ = try await rows(query)
        }

        /// Runs one statement and collects its rows, within the operation timeout. The caller gets its answer (or the
        /// timeout) even when the statement itself never completes (a connection lost mid-query): the statement's task
        /// is cancelled and left behind, rather than awaited as a task group would.
        private func rows(_ query: PostgresQuery) async throws -> [PostgresRow] {
            let client = client
            let timeout = timeout
            let gate = ResumeOnce<[PostgresRow]>()
            return try await withCheckedThrowingContinuation { continuation in
                gate.set(continuation)
                let work = Task {
                    do {
                        var rows: [PostgresRow] = []
                        for try await row in try await client.query(query) { rows.append(row) }
                        gate.resume(.success(rows))
                    } catch {
                        gate.resume(.failure(ReceiverStoreError("PostgreSQL: \(String(reflecting: error))")))
                    }
                }
                let timer = Task {
                    try? await Task.sleep(for: timeout)
                    guard !Task.isCancelled else { return }
                    if gate.resume(.failure(ReceiverStoreError("PostgreSQL did not answer within \(timeout)"))) {
                        work.cancel()
                    }
                }
                gate.onResume { timer.cancel() }
            }
        }
    }

    /// Resumes a continuation exactly once, from whichever of several tasks gets there first.
    private final class ResumeOnce<Value: Sendable>: @unchecked Sendable {
        private let lock = NSLock()
        private var continuation: CheckedContinuation<Value, any Error>?
        private var result: Result<Value, any Error>?
        private var finished = false
        private var cleanup: (@Sendable () -> Void)?

        func set(_ continuation: CheckedContinuation<Value, any Error>) {
            lock.withLock { self.continuation = continuation }
        }

        /// Runs `body` once the continuation is resumed (at once if it already was).
        func onResume(_ body: @escaping @Sendable () -> Void) {
            let runNow: Bool = lock.withLock {
                if finished { return true }
                cleanup = body
                return false
            }
            if runNow { body() }
        }

        /// Resumes with `result` unless already resumed; returns whether this call resumed it.
        @discardableResult
        func resume(_ result: Result<Value, any Error>) -> Bool {
            let (continuation, cleanup): (CheckedContinuation<Value, any Error>?, (@Sendable () -> Void)?) =
                lock.withLock {
                    guard !finished else { return (nil, nil) }
                    finished = true
                    defer {
                        self.continuation = nil
                        self.cleanup = nil
                    }
                    return (self.continuation, self.cleanup)
                }
            guard let continuation else { return false }
            continuation.resume(with: result)
            cleanup?()
            return true
        }
    }
#endif
