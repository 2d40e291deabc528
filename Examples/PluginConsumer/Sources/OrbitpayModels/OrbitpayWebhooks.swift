import Foundation
import HookSchemaValidation

/// Receives Orbitpay deliveries: validates each body against the schemas the models were generated from (embedded
/// in `OrbitpayEvent.provider`) and decodes it with the generated types.
public struct OrbitpayWebhooks: Sendable {
    private let validator = SchemaValidator(for: [OrbitpayEvent.self])

    public init() {}

    /// The decoded event (nil when the body does not decode) and the drift report for `body`.
    public func receive(body: Data, headers: [(name: String, value: String)]? = nil) -> (
        event: OrbitpayEvent?, report: DriftReport
    ) {
        let (event, report) = validator.decode(OrbitpayEvent.self, body: body, headers: headers)
        return (event, report)
    }
}
