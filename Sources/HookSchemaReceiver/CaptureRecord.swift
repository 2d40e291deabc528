import Foundation
import HookSchemaValidation

/// One delivery as a receiver stored it: the headers and the raw body bytes as received, when, and what the
/// validator and the handler made of it. This is what `hookschema captures export` writes out for `hookschema check`.
public struct CaptureRecord: Hashable, Sendable {
    /// The store's id, increasing with each capture; nil before the capture is stored.
    public var id: Int64?
    /// The provider's name (`extend`).
    public var provider: String
    /// The event type the validator dispatched to, when it found one.
    public var event: String?
    /// The delivery's dedupe key, when the provider declares one and the delivery carries it.
    public var dedupeKey: String?
    /// When the receiver read the delivery.
    public var receivedAt: Date
    /// The HTTP headers, in the order received, names as sent.
    public var headers: [CapturedHeader]
    /// The raw body, byte for byte.
    public var body: [UInt8]
    /// The validator's verdict; nil when the body was not read (unreadable).
    public var verdict: Verdict?
    /// The validator's findings, a JSON array of finding objects (`kind`, `severity`, `path`, `message`, …).
    public var findingsJSON: String
    /// What the receiver did with the delivery.
    public var outcome: CaptureOutcome

    /// A capture with every part given.
    ///
    /// - Parameters:
    ///   - id: The store's id; nil for a capture not stored yet.
    ///   - provider: The provider's name.
    ///   - event: The event type, when the validator found one.
    ///   - dedupeKey: The delivery's dedupe key, when it has one.
    ///   - receivedAt: When the receiver read the delivery.
    ///   - headers: The HTTP headers in the order received.
    ///   - body: The raw body bytes.
    ///   - verdict: The validator's verdict; nil for a body that was not read.
    ///   - findingsJSON: The findings as a JSON array (see ``findingsJSON(_:)``).
    ///   - outcome: What the receiver did with the delivery.
    public init(
        id: Int64? = nil, provider: String, event: String?, dedupeKey: String?, receivedAt: Date,
        headers: [CapturedHeader], body: [UInt8], verdict: Verdict?, findingsJSON: String, outcome: CaptureOutcome
    ) {
        self.id = id
        self.provider = provider
        self.event = event
        self.dedupeKey = dedupeKey
        self.receivedAt = receivedAt
        self.headers = headers
        self.body = body
        self.verdict = verdict
        self.findingsJSON = findingsJSON
        self.outcome = outcome
    }

    /// Findings as the JSON array stored in ``findingsJSON-swift.property``.
    ///
    /// - Parameter findings: A drift report's findings.
    /// - Returns: A JSON array of finding objects, `[]` when there are none.
    public static func findingsJSON(_ findings: [Finding]) -> String {
        var bytes: [UInt8] = [UInt8(ascii: "[")]
        for (position, finding) in findings.enumerated() {
            if position > 0 { bytes.append(UInt8(ascii: ",")) }
            finding.writeJSON(into: &bytes)
        }
        bytes.append(UInt8(ascii: "]"))
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The headers as stored: a JSON array of `[name, value]` pairs (order and repeated names kept).
    public var headersJSON: String {
        var bytes: [UInt8] = [UInt8(ascii: "[")]
        for (position, header) in headers.enumerated() {
            bytes.append(contentsOf: position == 0 ? "[".utf8 : ",[".utf8)
            JSONText.writeString(header.name, into: &bytes)
            bytes.append(UInt8(ascii: ","))
            JSONText.writeString(header.value, into: &bytes)
            bytes.append(UInt8(ascii: "]"))
        }
        bytes.append(UInt8(ascii: "]"))
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Reads headers stored by ``headersJSON``.
    ///
    /// - Parameter text: A JSON array of `[name, value]` pairs.
    /// - Returns: The headers, in the stored order.
    /// - Throws: ``ReceiverStoreError`` when the text is not such an array.
    public static func headers(fromJSON text: String) throws -> [CapturedHeader] {
        guard let pairs = try? JSONDecoder().decode([[String]].self, from: Data(text.utf8)),
            pairs.allSatisfy({ $0.count == 2 })
        else {
            throw ReceiverStoreError("a stored capture's headers are not a JSON array of [name, value] pairs")
        }
        return pairs.map { CapturedHeader(name: $0[0], value: $0[1]) }
    }
}

/// One HTTP header of a captured delivery.
public struct CapturedHeader: Hashable, Sendable {
    /// The name as sent.
    public var name: String
    /// The value as sent.
    public var value: String

    /// A header named `name` with `value`.
    ///
    /// - Parameters:
    ///   - name: The name as sent.
    ///   - value: The value as sent.
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

/// What a receiver did with a captured delivery.
public enum CaptureOutcome: String, Hashable, Sendable, CaseIterable {
    /// The body met the contract (or only drifted) and went to the handler.
    case accepted
    /// The body broke the contract: kept for `hookschema check` and a person, not given to the handler.
    case quarantined
    /// The body is not JSON the validator can read (answered 400).
    case unreadable
    /// The handler threw; the claim was released so the provider's retry runs it again.
    case handlerFailed = "handler_failed"
}
