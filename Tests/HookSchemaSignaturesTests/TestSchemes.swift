import HookSchemaModel
import HookSchemaSignatures
import Testing

/// The four signing schemes from the reference, as `SignatureScheme` values (the same declarations are written
/// as YAML in `DeclaredSchemeTests`).
enum TestSchemes {
    /// Extend: `x-extend-request-timestamp` + `x-extend-request-signature` (hex), `v0:{t}:{body}`, 300 s / 60 s.
    static let extend = SignatureScheme(
        signatureHeader: "x-extend-request-signature",
        format: .plain,
        timestampHeader: "x-extend-request-timestamp",
        signedContent: "v0:{timestamp}:{body}",
        encoding: .hex,
        secret: .utf8,
        tolerancePast: 300,
        toleranceFuture: 60
    )

    /// Plextera: `X-Plextera-Signature: t=<unix>,v1=<hex>`, `{t}.{body}`; 300 s past (not documented; our choice).
    static let plextera = SignatureScheme(
        signatureHeader: "X-Plextera-Signature",
        format: .keyValue(pairSeparator: ",", timestampKey: "t", signatureKey: "v1"),
        signedContent: "{timestamp}.{body}",
        encoding: .hex,
        secret: .utf8,
        tolerancePast: 300
    )

    /// Stripe: `Stripe-Signature: t=…,v1=…[,v1=…][,v0=…]`, `{t}.{body}`, the `whsec_…` string (UTF-8) as the key,
    /// 300 s past.
    static let stripe = SignatureScheme(
        signatureHeader: "Stripe-Signature",
        format: .keyValue(pairSeparator: ",", timestampKey: "t", signatureKey: "v1"),
        signedContent: "{timestamp}.{body}",
        encoding: .hex,
        secret: .utf8,
        tolerancePast: 300
    )

    /// Standard Webhooks: `webhook-id`, `webhook-timestamp`, `webhook-signature: v1,<b64> …`, `{id}.{t}.{body}`,
    /// key = base64 after `whsec_`, 300 s both ways.
    static let standardWebhooks = SignatureScheme(
        signatureHeader: "webhook-signature",
        format: .versionedList(entrySeparator: " ", versionSeparator: ",", version: "v1"),
        timestampHeader: "webhook-timestamp",
        idHeader: "webhook-id",
        signedContent: "{id}.{timestamp}.{body}",
        encoding: .base64,
        secret: .base64(prefix: "whsec_"),
        tolerancePast: 300,
        toleranceFuture: 300
    )
}

/// One scheme with the secrets its tests use.
struct SchemeCase: CustomTestStringConvertible, Sendable {
    var name: String
    var scheme: SignatureScheme
    var secret: String
    var otherSecret: String

    var testDescription: String { name }

    static let all: [SchemeCase] = [
        SchemeCase(name: "Extend", scheme: TestSchemes.extend, secret: "wss_h5TestSecret", otherSecret: "wss_other"),
        SchemeCase(
            name: "Plextera",
            scheme: TestSchemes.plextera,
            secret: "plextera-h5-test-secret",
            otherSecret: "plextera-rotated-secret"
        ),
        SchemeCase(name: "Stripe", scheme: TestSchemes.stripe, secret: "whsec_h5StripeTest", otherSecret: "whsec_new"),
        SchemeCase(
            name: "Standard Webhooks",
            scheme: TestSchemes.standardWebhooks,
            secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
            otherSecret: "whsec_c2Vjb25kIHNlY3JldCBmb3Igcm90YXRpb24h"
        ),
    ]

    /// Schemes whose header carries a list of signatures (rotation with two signatures in one header).
    static let lists = all.filter { if case .plain = $0.scheme.format { false } else { true } }
}

/// A fixed clock for tests.
func clock(_ now: Int64) -> @Sendable () -> Int64 { { now } }

extension Array where Element == (name: String, value: String) {
    /// A copy with the value of header `name` (matched case-insensitively) replaced.
    func replacing(_ name: String, with value: String) -> Self {
        map { $0.name.lowercased() == name.lowercased() ? (name: $0.name, value: value) : $0 }
    }

    /// A copy without header `name`.
    func removing(_ name: String) -> Self {
        filter { $0.name.lowercased() != name.lowercased() }
    }

    func value(of name: String) -> String? {
        first { $0.name.lowercased() == name.lowercased() }?.value
    }
}
