import Foundation

/// How a `WebhookReceiver` behaves: the body limit, what a contract failure gets, the claim lease and retention.
public struct ReceiverConfiguration: Sendable {
    /// The largest body accepted, in bytes; a larger one is answered 413. The default, 1 MiB, is far above the
    /// bundled providers' deliveries (Standard Webhooks advises under 20 kB; Extend sends large results as a URL).
    public var maxBodyBytes: Int
    /// What a delivery that breaks its schema gets (see `ContractFailurePolicy`).
    public var contractFailure: ContractFailurePolicy
    /// How long a claim protects a handler that is still running: an attempt arriving later takes it over, so a
    /// process that died mid-handler does not block the key for ever. Longer than the slowest handler.
    public var claimLease: Duration
    /// How long captures are kept; nil keeps them until deleted by hand.
    public var captureRetention: Duration?
    /// How long a completed claim is remembered, so a late retry is still a duplicate. Providers retry for up
    /// to a few days (Standard Webhooks' example schedule spans 75 hours); the default is 7 days.
    public var dedupeRetention: Duration

    /// The defaults: 1 MiB, quarantine contract failures, a 5-minute lease, captures kept 30 days, claims 7 days.
    ///
    /// - Parameters:
    ///   - maxBodyBytes: The largest body accepted, in bytes; at least 1.
    ///   - contractFailure: What a delivery that breaks its schema gets.
    ///   - claimLease: How long a claim protects a running handler before another attempt may take it over.
    ///   - captureRetention: How long captures are kept; nil keeps them.
    ///   - dedupeRetention: How long a completed claim is remembered.
    public init(
        maxBodyBytes: Int = 1 << 20,
        contractFailure: ContractFailurePolicy = .quarantine,
        claimLease: Duration = .seconds(300),
        captureRetention: Duration? = .seconds(30 * 86_400),
        dedupeRetention: Duration = .seconds(7 * 86_400)
    ) {
        self.maxBodyBytes = maxBodyBytes
        self.contractFailure = contractFailure
        self.claimLease = claimLease
        self.captureRetention = captureRetention
        self.dedupeRetention = dedupeRetention
    }
}

/// What a signed delivery whose body breaks the contract (the validator's verdict is `fail`) gets.
///
/// The default, `quarantine`, answers 202 and keeps the delivery, marked `quarantined`, without running the
/// handler. The reasoning: the provider's retry sends the same bytes, so a 4xx fixes nothing and only makes the
/// provider retry for days and perhaps disable the endpoint, stopping the deliveries that are fine too; the
/// quarantined capture is exactly what `hookschema captures export` and `hookschema check` need to update the
/// schema, and the handler never sees a payload its types do not describe. `reject` suits a team that prefers
/// the provider's dashboard to show the failure and its retries to run again once a fixed schema is deployed:
/// the delivery is still captured (quarantined), the claim is released, and the answer is the given 4xx.
public enum ContractFailurePolicy: Hashable, Sendable {
    /// 202, captured as quarantined, handler not run; later deliveries of the same key are duplicates.
    case quarantine
    /// The given status (400 or 422), captured as quarantined, handler not run, claim released.
    case reject(status: Int)
}
