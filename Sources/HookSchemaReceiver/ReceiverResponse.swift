/// What a receiver answers a delivery: the HTTP status and a short reason, never a secret or a finding's detail.
public struct ReceiverResponse: Hashable, Sendable, CustomStringConvertible {
    /// The HTTP status to send.
    public var status: Int
    /// What happened, as a stable kind.
    public var outcome: Outcome
    /// A short reason for people (for a 401, only the kind of the signature problem).
    public var reason: String
    /// The capture's id, when the delivery was captured.
    public var captureID: Int64?

    /// A response with every part given.
    ///
    /// - Parameters:
    ///   - status: The HTTP status to send.
    ///   - outcome: What happened.
    ///   - reason: A short reason for people, without secrets or finding details.
    ///   - captureID: The capture's id, when the delivery was captured.
    public init(status: Int, outcome: Outcome, reason: String, captureID: Int64? = nil) {
        self.status = status
        self.outcome = outcome
        self.reason = reason
        self.captureID = captureID
    }

    /// The kinds of answer.
    public enum Outcome: String, Hashable, Sendable, CaseIterable {
        /// 200: verified, captured, handled.
        case handled
        /// 200: a handler already ran for this dedupe key; not run again.
        case duplicate
        /// 202 by default: the body broke the contract; captured as quarantined, not handled.
        case quarantined
        /// 4xx under `ContractFailurePolicy.reject`.
        case rejected
        /// 409: another attempt of the same key is being handled right now; retry later.
        case inProgress = "in_progress"
        /// 401: the signature is missing or does not verify.
        case unauthorized
        /// 413: the body is over the limit.
        case tooLarge = "too_large"
        /// 400: the body is not JSON.
        case unreadable
        /// 500: the handler threw; the claim is released, so a retry runs it again.
        case handlerFailed = "handler_failed"
        /// 503: the store could not be reached; nothing was acknowledged.
        case storeUnavailable = "store_unavailable"
    }

    /// Whether the status is 2xx (the provider will not retry).
    public var isSuccess: Bool { (200..<300).contains(status) }

    /// The answer as a small JSON object: `{"outcome": "…", "reason": "…"}`.
    public var jsonBody: String {
        "{\"outcome\":\"\(outcome.rawValue)\",\"reason\":\"\(Self.escape(reason))\"}"
    }

    /// The status, the outcome and the reason on one line: `200 handled: handled`.
    public var description: String { "\(status) \(outcome.rawValue): \(reason)" }

    private static func escape(_ text: String) -> String {
        var escaped = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": escaped += "\\\""
            case "\\": escaped += "\\\\"
            case _ where scalar.value < 0x20: escaped += "\\u" + String(scalar.value, radix: 16).leftPadded(to: 4)
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: Swift.max(0, width - count)) + self
    }
}
