// hookschema-receiver-load: a load generator for a webhook receiver on loopback.
//
//   hookschema-receiver-load --url http://127.0.0.1:8080/webhooks/extend --secret wss_… [--rate 1000]
//       [--seconds 10] [--connections 32]
//
// Signs every delivery itself (Extend's scheme, `v0:{t}:{body}`, with a unique `eventId` each, so every delivery
// is new to the receiver's dedupe claim), then posts them over keep-alive connections from one thread per
// connection with blocking sockets. With --rate, deliveries are scheduled open-loop at that rate and latency is
// measured from each one's scheduled time (so a stalled server is not hidden by a stalled generator); without it,
// each connection sends as fast as it is answered. Prints the sustained rate and p50/p90/p99/max latency.
import ExtendWebhooks
import Foundation
import HookSchemaSignatures

#if canImport(Glibc)
    import Glibc
#endif

struct Options {
    var url = URL(string: "http://127.0.0.1:8080/webhooks/extend")!
    var secret = "wss_hookschema_local_development_secret"
    var rate: Double?
    var seconds = 10.0
    var connections = 32
    var body = "Examples/payloads/extend/extract_run.processed.json"
    var log: String?

    init(_ arguments: [String]) {
        var iterator = arguments.dropFirst().makeIterator()
        while let argument = iterator.next() {
            guard let value = iterator.next() else { fail("\(argument) needs a value") }
            switch argument {
            case "--url": url = URL(string: value) ?? url
            case "--secret": secret = value
            case "--rate": rate = Double(value)
            case "--seconds": seconds = Double(value) ?? seconds
            case "--connections": connections = Int(value) ?? connections
            case "--body": body = value
            case "--log": log = value
            default: fail("unknown option \(argument)")
            }
        }
    }
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("error: \(message)\n".utf8))
    exit(2)
}

let options = Options(CommandLine.arguments)
guard let template = FileManager.default.contents(atPath: options.body).map({ String(decoding: $0, as: UTF8.self) }),
    let scheme = ExtendEvent.provider.signature, let host = options.url.host, let port = options.url.port
else { fail("cannot read \(options.body), or the URL has no host and port") }
let signer: SignatureSigner
do { signer = try SignatureSigner(scheme: scheme, secrets: [options.secret]) } catch { fail("\(error)") }

// Every request, signed up front with a unique event id (the receiver's clock accepts 300 s of age).
let count = Int((options.rate ?? 4_000) * options.seconds)
let now = Int64(Date().timeIntervalSince1970)
let runID = UUID().uuidString.prefix(8).lowercased()
let requests: [[UInt8]] = (0..<count).map { index in
    let body = Array(
        template.replacingOccurrences(
            of: "evt_9fK2mQ7pL3nR8vT4xY6wZ1", with: "evt_load_\(runID)_\(index)"
        ).utf8)
    let headers = (try? signer.sign(body: body, timestamp: now)) ?? []
    var head = "POST \(options.url.path) HTTP/1.1\r\nHost: \(host):\(port)\r\nContent-Type: application/json\r\n"
    head += "Content-Length: \(body.count)\r\n"
    for header in headers { head += "\(header.name): \(header.value)\r\n" }
    return Array((head + "\r\n").utf8) + body
}

/// The blocking-socket side of one keep-alive connection.
enum Connection {}

final class Shared: @unchecked Sendable {
    let lock = NSLock()
    var next = 0
    var latencies: [Double] = []
    var statuses: [Int: Int] = [:]
    var errors = 0
    var outcomes: [(index: Int, status: Int)] = []
    func take() -> Int? {
        lock.withLock {
            guard next < count else { return nil }
            defer { next += 1 }
            return next
        }
    }
    func record(_ latency: Double, status: Int, index: Int) {
        lock.withLock {
            outcomes.append((index, status))
            latencies.append(latency)
            statuses[status, default: 0] += 1
        }
    }
}
let shared = Shared()

extension Connection {
    static func connectSocket(host: String, port: Int) -> Int32 {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var one: Int32 = 1
        setsockopt(descriptor, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
        // A delivery that gets no answer within 30 s counts as failed (status 0) instead of stalling the run.
        var timeout = timeval(tv_sec: 30, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr(host == "localhost" ? "127.0.0.1" : host)
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        if result != 0 { fail("cannot connect to \(host):\(port)") }
        return descriptor
    }

    /// Reads one HTTP response (head and Content-Length body); returns its status, or nil when the connection closed.
    static func readResponse(_ descriptor: Int32, _ buffer: inout [UInt8]) -> Int? {
        var received: [UInt8] = []
        while true {
            if let end = received.firstRange(of: [13, 10, 13, 10]) {
                let head = String(decoding: received[..<end.lowerBound], as: UTF8.self)
                let lines = head.split(separator: "\r\n")
                let status = lines.first.flatMap { Int($0.split(separator: " ")[1]) } ?? 0
                let length =
                    lines.first { $0.lowercased().hasPrefix("content-length:") }
                    .flatMap { Int($0.split(separator: ":")[1].trimmingCharacters(in: .whitespaces)) } ?? 0
                while received.count - end.upperBound < length {
                    let n = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
                    if n <= 0 { return nil }
                    received += buffer[..<n]
                }
                return status
            }
            let n = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if n <= 0 { return nil }
            received += buffer[..<n]
        }
    }
}

let start = Date().timeIntervalSinceReferenceDate + 0.2
let group = DispatchGroup()
for _ in 0..<max(1, options.connections) {
    group.enter()
    Thread.detachNewThread {
        var descriptor = Connection.connectSocket(host: host, port: port)
        var buffer = [UInt8](repeating: 0, count: 16_384)
        while let index = shared.take() {
            let scheduled = options.rate.map { start + Double(index) / $0 } ?? Date().timeIntervalSinceReferenceDate
            let wait = scheduled - Date().timeIntervalSinceReferenceDate
            if wait > 0 { usleep(UInt32(wait * 1_000_000)) }
            let sent = requests[index].withUnsafeBytes {
                send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
            }
            let status = sent > 0 ? Connection.readResponse(descriptor, &buffer) : nil
            let latency = Date().timeIntervalSinceReferenceDate - scheduled
            if let status {
                shared.record(latency, status: status, index: index)
            } else {
                shared.lock.withLock {
                    shared.errors += 1
                    shared.outcomes.append((index, 0))
                }
                close(descriptor)
                descriptor = Connection.connectSocket(host: host, port: port)
            }
        }
        close(descriptor)
        group.leave()
    }
}
group.wait()
let elapsed = Date().timeIntervalSinceReferenceDate - start
let sorted = shared.latencies.sorted()
func percentile(_ p: Double) -> String {
    guard !sorted.isEmpty else { return "-" }
    return String(format: "%.2f ms", sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))] * 1000)
}
let statuses = shared.statuses.keys.sorted().map { "\($0): \(shared.statuses[$0] ?? 0)" }.joined(separator: ", ")
print(
    """
    deliveries: \(sorted.count) in \(String(format: "%.2f", elapsed)) s = \(Int(Double(sorted.count) / elapsed))/s \
    (target: \(options.rate.map { "\(Int($0))/s" } ?? "as fast as answered"), \(options.connections) connections)
    statuses: \(statuses)\(shared.errors > 0 ? ", connection errors: \(shared.errors)" : "")
    latency: p50 \(percentile(0.5)), p90 \(percentile(0.9)), p99 \(percentile(0.99)), max \(percentile(1.0))
    """)
if let log = options.log {
    // One line per delivery: its event id and the status it got (0: no answer).
    let lines = shared.outcomes.sorted { $0.index < $1.index }
        .map { "evt_load_\(runID)_\($0.index) \($0.status)\n" }.joined()
    _ = FileManager.default.createFile(atPath: log, contents: Data(lines.utf8))
}
