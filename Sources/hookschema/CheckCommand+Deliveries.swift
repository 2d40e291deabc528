import Foundation

/// A captured delivery, `*.delivery.json`: the HTTP headers and the raw body as received.
///
/// ```json
/// {"headers": {"X-Plextera-Event-Id": "evt_…", "X-Plextera-Signature": "t=…,v1=…"},
///  "body": "{\"eventId\": \"evt_…\", …}"}
/// ```
///
/// `body` is the body's exact text as a JSON string (so the bytes a signature covers are kept). `check` validates
/// the body and checks the headers against the provider's header declarations; this is also the seam where
/// signature verification of captured deliveries plugs in.
struct CheckDelivery: Decodable {
    var headers: [String: String]
    var body: String

    /// The body's bytes and the headers (sorted by name) of the captured delivery in `bytes`.
    static func read(from bytes: [UInt8], path: String) throws -> (body: [UInt8], headers: [(name: String, value: String)]) {
        let delivery: CheckDelivery
        do {
            delivery = try JSONDecoder().decode(CheckDelivery.self, from: Data(bytes))
        } catch {
            throw PayloadSource.InputError(
                description: "\(path) is not a captured delivery ({\"headers\": {…}, \"body\": \"…\"}): \(error)")
        }
        let headers = delivery.headers.keys.sorted().map { (name: $0, value: delivery.headers[$0] ?? "") }
        return (Array(delivery.body.utf8), headers)
    }
}
