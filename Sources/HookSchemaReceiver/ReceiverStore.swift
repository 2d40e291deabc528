import Foundation

/// Where a receiver keeps its dedupe claims and its captured deliveries: SQLite for one instance
/// (`HookSchemaReceiverSQLite`), PostgreSQL for several instances sharing one database (`HookSchemaReceiverPostgres`).
///
/// Exactly-once handler runs per dedupe key come from the database's own uniqueness constraint on the claim's key,
/// not from a lock in memory, so they hold across processes. A claim moves `claimed → done`, or is deleted when
/// the handler fails (so the provider's retry claims it again). A claim left `claimed` by a process that died
/// mid-handler is taken over by an attempt that arrives after `staleBefore`.
///
/// Every method throws when the database cannot be reached or refuses the operation; the receiver answers such a
/// delivery with 503, so the provider retries it later.
public protocol ReceiverStore: Sendable {
    /// Creates the tables and indexes when they do not exist yet. Called once before the first delivery (by
    /// ``WebhookReceiver/init(_:secrets:store:configuration:verifier:clock:handler:)``); calling it again changes
    /// nothing.
    ///
    /// - Throws: An error when the database cannot be reached or refuses to create the tables.
    func prepare() async throws

    /// Claims `key` for the attempt identified by `token`, atomically: `.claimed` when this attempt now holds it
    /// (a new key, or a claim still `claimed` since before `staleBefore`), `.alreadyHandled` when a handler
    /// completed it, `.inProgress` when another attempt holds it.
    ///
    /// - Parameters:
    ///   - key: The delivery's dedupe key, scoped by its provider.
    ///   - token: A value unique to this attempt; ``complete(_:token:now:)`` and ``release(_:token:)`` need it.
    ///   - now: The claim time, recorded with the claim.
    ///   - staleBefore: A claim still `claimed` since before this time belongs to an attempt presumed dead and is
    ///     taken over (the receiver passes `now` minus ``ReceiverConfiguration/claimLease``).
    /// - Returns: What the attempt found.
    /// - Throws: An error when the database cannot be reached or refuses the statement.
    func claim(_ key: DedupeKeyValue, token: String, now: Date, staleBefore: Date) async throws -> ClaimResult

    /// Claims `key` and, when this attempt now holds it, stores `capture`: what the receiver does for each
    /// delivery that carries a dedupe key. A store that can should do both in one transaction (the SQLite and
    /// PostgreSQL stores do); the default implementation calls ``claim(_:token:now:staleBefore:)``, then
    /// ``capture(_:)``, and releases the claim when the capture fails.
    ///
    /// - Parameters:
    ///   - key: The delivery's dedupe key, scoped by its provider.
    ///   - token: A value unique to this attempt.
    ///   - now: The claim time.
    ///   - staleBefore: A claim still `claimed` since before this time is taken over.
    ///   - capture: The delivery to store when the claim is taken; its ``CaptureRecord/id`` is ignored.
    /// - Returns: `.captured(id:)` when this attempt holds the claim and the capture is durable,
    ///   `.alreadyHandled` or `.inProgress` (nothing stored) otherwise.
    /// - Throws: An error when the database cannot be reached or refuses a statement; the claim is not held then.
    func claimAndCapture(
        _ key: DedupeKeyValue, token: String, now: Date, staleBefore: Date, capture: CaptureRecord
    ) async throws -> ClaimAndCaptureResult

    /// Marks the claim done: later deliveries of the same key are duplicates. Only the holder (`token`) can.
    ///
    /// - Parameters:
    ///   - key: The claimed dedupe key.
    ///   - token: The token the claim was made with; a claim held under another token is left alone.
    ///   - now: The completion time; ``purge(capturesBefore:claimsBefore:)`` compares it with its cutoff.
    /// - Throws: An error when the database cannot be reached or refuses the statement.
    func complete(_ key: DedupeKeyValue, token: String, now: Date) async throws

    /// Gives the claim up (the handler failed): the next delivery of the key claims it again. Only the holder can.
    ///
    /// - Parameters:
    ///   - key: The claimed dedupe key.
    ///   - token: The token the claim was made with; a claim held under another token, or one already done, is
    ///     left alone.
    /// - Throws: An error when the database cannot be reached or refuses the statement.
    func release(_ key: DedupeKeyValue, token: String) async throws

    /// Stores one delivery durably and returns its id; when this returns, the capture survives a crash of the
    /// process (see each store for what it promises about power loss).
    ///
    /// - Parameter capture: The delivery to store; its ``CaptureRecord/id`` is ignored.
    /// - Returns: The new capture's id, greater than every id stored before it.
    /// - Throws: An error when the database cannot be reached or refuses the statement; nothing is acknowledged
    ///   then.
    func capture(_ capture: CaptureRecord) async throws -> Int64

    /// Changes the outcome recorded with a capture (a handler that threw after the capture was stored).
    ///
    /// - Parameters:
    ///   - outcome: The new outcome.
    ///   - id: The capture's id, as ``capture(_:)`` returned it.
    /// - Throws: An error when the database cannot be reached or refuses the statement.
    func setOutcome(_ outcome: CaptureOutcome, ofCapture id: Int64) async throws

    /// Up to `limit` captures with an id greater than `id`, oldest first: page through all with the last id seen.
    ///
    /// - Parameters:
    ///   - id: The last id already read; 0 to start at the first capture.
    ///   - limit: The most captures to return.
    /// - Returns: The captures, in increasing id order; fewer than `limit` (or none) at the end.
    /// - Throws: An error when the database cannot be reached, or ``ReceiverStoreError`` for a row it cannot read.
    func captures(after id: Int64, limit: Int) async throws -> [CaptureRecord]

    /// Deletes captures received before `capturesBefore` and completed claims older than `claimsBefore`.
    ///
    /// - Parameters:
    ///   - capturesBefore: Captures received before this time are deleted (`Date.distantPast` keeps them all).
    ///   - claimsBefore: Claims completed before this time are deleted; claims still `claimed` are kept.
    /// - Returns: How many captures and claims were deleted.
    /// - Throws: An error when the database cannot be reached or refuses the statement.
    func purge(capturesBefore: Date, claimsBefore: Date) async throws -> PurgeCounts
}

extension ReceiverStore {
    /// Claims `key`, then stores `capture` when the claim is taken; releases the claim when the capture fails.
    /// Two steps, not one transaction: override it where the database can do both at once.
    ///
    /// - Parameters:
    ///   - key: The delivery's dedupe key, scoped by its provider.
    ///   - token: A value unique to this attempt.
    ///   - now: The claim time.
    ///   - staleBefore: A claim still `claimed` since before this time is taken over.
    ///   - capture: The delivery to store when the claim is taken.
    /// - Returns: What the claim found, with the capture's id when it was taken.
    /// - Throws: The store's error; a claim taken before the capture failed is released first.
    public func claimAndCapture(
        _ key: DedupeKeyValue, token: String, now: Date, staleBefore: Date, capture: CaptureRecord
    ) async throws -> ClaimAndCaptureResult {
        switch try await claim(key, token: token, now: now, staleBefore: staleBefore) {
        case .alreadyHandled: return .alreadyHandled
        case .inProgress: return .inProgress
        case .claimed:
            do {
                return .captured(id: try await self.capture(capture))
            } catch {
                try? await release(key, token: token)
                throw error
            }
        }
    }
}

/// What ``ReceiverStore/claimAndCapture(_:token:now:staleBefore:capture:)`` did.
public enum ClaimAndCaptureResult: Hashable, Sendable {
    /// This attempt holds the claim and the capture is stored with this id: run the handler, then complete or
    /// release the claim.
    case captured(id: Int64)
    /// A handler already ran to completion for this key: a duplicate delivery; nothing was stored.
    case alreadyHandled
    /// Another attempt holds the claim right now; nothing was stored.
    case inProgress
}

/// A delivery's dedupe key, scoped by its provider: two providers may use the same id.
public struct DedupeKeyValue: Hashable, Sendable, CustomStringConvertible {
    /// The provider's name (`plextera`).
    public var provider: String
    /// The key's value (`evt_01JY…`), read from the provider's declared header or body member.
    public var key: String

    /// A key of `provider`'s deliveries.
    ///
    /// - Parameters:
    ///   - provider: The provider's name.
    ///   - key: The key's value, as the delivery carries it.
    public init(provider: String, key: String) {
        self.provider = provider
        self.key = key
    }

    /// The provider and the key: `plextera/evt_01JY…`.
    public var description: String { "\(provider)/\(key)" }
}

/// What a claim attempt found.
public enum ClaimResult: String, Hashable, Sendable {
    /// This attempt holds the claim: run the handler, then complete or release it.
    case claimed
    /// A handler already ran to completion for this key: a duplicate delivery.
    case alreadyHandled
    /// Another attempt holds the claim right now (a concurrent delivery, or a retry while the first still runs).
    case inProgress
}

/// How many rows a purge deleted.
public struct PurgeCounts: Hashable, Sendable {
    /// Captures deleted.
    public var captures: Int
    /// Completed claims deleted.
    public var claims: Int

    /// Counts of deleted rows.
    ///
    /// - Parameters:
    ///   - captures: Captures deleted.
    ///   - claims: Completed claims deleted.
    public init(captures: Int, claims: Int) {
        self.captures = captures
        self.claims = claims
    }
}

/// Why a store operation failed: the receiver turns any of them into a 503.
public struct ReceiverStoreError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What failed, in words (never containing a secret or a body).
    public var description: String

    /// A store failure described by `description`.
    ///
    /// - Parameter description: What failed, without secrets or body contents.
    public init(_ description: String) {
        self.description = description
    }
}
