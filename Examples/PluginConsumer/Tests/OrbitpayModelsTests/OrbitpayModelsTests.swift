import Foundation
import HookSchemaRuntime
import HookSchemaValidation
import OrbitpayModels
import Testing

/// The models the build plugin generated from Sources/OrbitpayModels/orbitpay/*.yaml, exercised on fixtures: decoded
/// with the generated types, validated with the runtime validator against the schema embedded in them.
@Suite struct OrbitpayModelsTests {
    static func fixture(_ name: String) throws -> Data {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: "json"))
        return try Data(contentsOf: url)
    }

    let webhooks = OrbitpayWebhooks()

    @Test func decodesASucceededPaymentWithItsNestedObjectAndRef() throws {
        let (event, report) = webhooks.receive(body: try Self.fixture("payment.succeeded"))
        #expect(report.verdict == .pass, "\(report.findings)")
        guard case .paymentSucceeded(let succeeded) = try #require(event) else {
            Issue.record("expected paymentSucceeded, got \(String(describing: event))")
            return
        }
        let payment = succeeded.data.payment
        #expect(payment.status == .succeeded)
        #expect(payment.amount == Money(amount: 4200, currency: "eur"))
        #expect(payment.card?.brand == .visa)
        #expect(payment.card?.last4 == "4242")
        #expect(payment.metadata == ["orderId": "A-1001"])
        #expect(succeeded.created == Date(timeIntervalSince1970: 1_774_111_500))
    }

    @Test func decodesARefundWithANullReason() throws {
        let (event, report) = webhooks.receive(body: try Self.fixture("payment.refunded"))
        #expect(report.verdict == .pass, "\(report.findings)")
        guard case .paymentRefunded(let refunded) = try #require(event) else {
            Issue.record("expected paymentRefunded, got \(String(describing: event))")
            return
        }
        #expect(refunded.data.refund.id == "re_77")
        #expect(refunded.data.refund.amount.amount == 1200)
        #expect(refunded.data.refund.reason == .null)
        #expect(refunded.data.payment.card?.brand == .mastercard)
        #expect(OrbitpayEvent.paymentRefunded(refunded).eventType == "payment.refunded")
    }

    @Test func anUnknownEnumValueAndFieldAreDriftThatStillDecodes() throws {
        let body = try Self.fixture("payment.succeeded.drifted")
        let (event, report) = webhooks.receive(body: body)
        #expect(report.verdict == .drift)
        #expect(
            Set(report.findings.map { "\($0.kind.rawValue) \($0.path)" }) == [
                "unknown_enum_value /data/payment/card/brand", "unknown_field /data/payment/riskScore",
            ])
        guard case .paymentSucceeded(let succeeded) = try #require(event) else {
            Issue.record("expected paymentSucceeded")
            return
        }
        #expect(succeeded.data.payment.card?.brand == .unknown("unionpay"))
        // The open enum and the unknown member round-trip unchanged.
        let encoded = try JSONEncoder().encode(OrbitpayEvent.paymentSucceeded(succeeded))
        let decoder = JSONDecoder()
        #expect(try decoder.decode(JSONValue.self, from: encoded) == decoder.decode(JSONValue.self, from: body))
    }

    @Test func contractBreaksFailValidation() throws {
        let (event, report) = webhooks.receive(body: try Self.fixture("payment.succeeded.broken"))
        #expect(report.verdict == .fail)
        #expect(
            Set(report.findings.map { "\($0.kind.rawValue) \($0.path)" }) == [
                "constraint_violation /data/payment/amount/amount", "missing_required /data/payment/card/last4",
            ])
        #expect(event == nil)
    }

    @Test func anEventTypeTheSchemasDoNotKnowKeepsItsBody() throws {
        let (event, report) = webhooks.receive(body: try Self.fixture("payout.paid"))
        #expect(report.findings.map(\.kind) == [.unknownEvent])
        guard case .unknown(let eventType, let body) = try #require(event) else {
            Issue.record("expected unknown")
            return
        }
        #expect(eventType == "payout.paid")
        #expect(body["data"]?["payout"]?["id"] == "po_1")
    }

    @Test func theEmbeddedSchemaIsTheOneInTheTarget() {
        let provider = OrbitpayEvent.provider
        #expect(provider.name == "orbitpay")
        #expect(provider.events.map(\.type) == ["payment.refunded", "payment.succeeded"])
        #expect(provider.types.map(\.name) == ["Money", "Payment", "PaymentStatus"])
        #expect(provider.events.map(\.source) == ["orbitpay/payment.refunded.yaml", "orbitpay/payment.succeeded.yaml"])
    }
}
