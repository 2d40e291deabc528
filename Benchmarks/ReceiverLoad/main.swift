// hookschema-receiver-load: a load generator for a webhook receiver on loopback.
//
//   hookschema-receiver-load --url http://127.0.0.1:8080/webhooks/extend --secret wss_… [--rate 1000]
//       [--seconds 10] [--connections 32] [--body FILE] [--log FILE]
//
// Signs every delivery itself, before the clock starts (Extend's scheme, `v0:{t}:{body}`, with a unique `eventId`
// each, so every delivery is new to the receiver's dedupe claim), then posts them over keep-alive connections from
// one thread: non-blocking sockets and poll(2), like wrk's event loop, so the generator takes little of the CPU it shares with the
// server. With --rate, deliveries are scheduled open-loop at that rate and latency is measured from each one's
// scheduled time (a delivery waiting for a free connection counts as waiting, so a stalled server is not hidden by a
// stalled generator); without it, each connection sends as fast as it is answered. Prints the sustained rate,
// p50/p90/p99/max latency and the CPU time the generator itself used.
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
            case "--rate":
                guard let number = Double(value), number > 0 else { fail("--rate needs a positive number") }
                rate = number
            case "--seconds":
                guard let number = Double(value), number > 0 else { fail("--seconds needs a positive number") }
                seconds = number
            case "--connections":
                guard let number = Int(value), number > 0 else { fail("--connections needs a positive count") }
                connections = number
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

/// Seconds on a monotonic clock.
func now() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

/// CPU seconds this process has used (user + system).
func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6 + Double(usage.ru_stime.tv_sec)
        + Double(usage.ru_stime.tv_usec) / 1e6
}

let options = Options(CommandLine.arguments)
guard let template = FileManager.default.contents(atPath: options.body).map({ String(decoding: $0, as: UTF8.self) }),
    let scheme = ExtendEvent.provider.signature, let host = options.url.host, let port = options.url.port
else { fail("cannot read \(options.body), or the URL has no host and port") }
let signer: SignatureSigner
do { signer = try SignatureSigner(scheme: scheme, secrets: [options.secret]) } catch { fail("\(error)") }

// Every request, signed up front with a unique event id (the receiver accepts signatures up to 300 s old).
let count = Int((options.rate ?? 4_000) * options.seconds)
let signedAt = Int64(Date().timeIntervalSince1970)
let runID = UUID().uuidString.prefix(8).lowercased()
let requests: [[UInt8]] = (0..<count).map { index in
    let body = Array(
        template.replacingOccurrences(
            of: "evt_9fK2mQ7pL3nR8vT4xY6wZ1", with: "evt_load_\(runID)_\(index)"
        ).utf8)
    let headers = (try? signer.sign(body: body, timestamp: signedAt)) ?? []
    var head = "POST \(options.url.path) HTTP/1.1\r\nHost: \(host):\(port)\r\nContent-Type: application/json\r\n"
    head += "Content-Length: \(body.count)\r\n"
    for header in headers { head += "\(header.name): \(header.value)\r\n" }
    return Array((head + "\r\n").utf8) + body
}

/// One keep-alive connection: the delivery in flight, how much of it is sent, and the response read so far.
struct Connection {
    var descriptor: Int32 = -1
    var index: Int?  // the delivery in flight
    var scheduled = 0.0  // when it was due
    var sent = 0  // bytes of it written
    var received: [UInt8] = []
    var deadline = 0.0  // no answer by then: counted as failed (status 0)
    var watchingOutput = false  // the request did not fit the socket's buffer: waiting to write the rest
}

func connectSocket() -> Int32 {
    let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard descriptor >= 0 else { fail("cannot create a socket: \(String(cString: strerror(errno)))") }
    var one: Int32 = 1
    setsockopt(descriptor, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
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
    _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
    return descriptor
}

/// The status of the complete HTTP response at the start of `bytes` (head and Content-Length body), or nil while
/// it is incomplete.
func completeResponse(_ bytes: [UInt8]) -> Int? {
    guard let end = bytes.firstRange(of: [13, 10, 13, 10]) else { return nil }
    let head = String(decoding: bytes[..<end.lowerBound], as: UTF8.self).lowercased()
    let lines = head.split(separator: "\r\n")
    let status = lines.first.flatMap { line in line.split(separator: " ").dropFirst().first.flatMap { Int($0) } } ?? 0
    let length =
        lines.first { $0.hasPrefix("content-length:") }
        .flatMap { Int($0.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) } ?? 0
    return bytes.count - end.upperBound >= length ? status : nil
}

var connections = [Connection](repeating: Connection(), count: options.connections)
for slot in connections.indices {
    connections[slot].descriptor = connectSocket()
}

var latencies: [Double] = []
latencies.reserveCapacity(count)
var statuses: [Int: Int] = [:]
var errors = 0
var outcomes = [Int](repeating: -1, count: count)  // the status each delivery got (0: no answer)
var next = 0  // the next delivery to send
var done = 0
var idle = Array(connections.indices.reversed())
let timeout = 30.0  // a delivery without an answer after 30 s counts as failed
let start = now() + 0.2
let cpuAtStart = cpuSeconds()

@MainActor
func finish(_ slot: Int, status: Int) {
    guard let index = connections[slot].index else { return }
    let latency = now() - connections[slot].scheduled
    outcomes[index] = status
    if status == 0 {
        errors += 1
    } else {
        latencies.append(latency)
        statuses[status, default: 0] += 1
    }
    connections[slot].index = nil
    connections[slot].received.removeAll(keepingCapacity: true)
    done += 1
    idle.append(slot)
}

/// Replaces a connection that failed, timed out or was closed by the server (in flight or idle).
@MainActor
func reconnect(_ slot: Int) {
    if connections[slot].index != nil { finish(slot, status: 0) }
    close(connections[slot].descriptor)
    connections[slot].descriptor = connectSocket()
    connections[slot].received.removeAll(keepingCapacity: true)
    connections[slot].watchingOutput = false
}

/// Writes what the socket takes of the delivery in flight; watches for writability while some is left.
@MainActor
func write(_ slot: Int) {
    guard let index = connections[slot].index else { return }
    let request = requests[index]
    while connections[slot].sent < request.count {
        let offset = connections[slot].sent
        let written = request.withUnsafeBytes {
            send(connections[slot].descriptor, $0.baseAddress! + offset, $0.count - offset, Int32(MSG_NOSIGNAL))
        }
        if written > 0 {
            connections[slot].sent += written
        } else if written < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) {
            connections[slot].watchingOutput = true
            return
        } else {
            reconnect(slot)
            return
        }
    }
    connections[slot].watchingOutput = false
}

var buffer = [UInt8](repeating: 0, count: 16_384)

@MainActor
func read(_ slot: Int) {
    var closed = false
    while true {
        let n = buffer.withUnsafeMutableBytes { recv(connections[slot].descriptor, $0.baseAddress, $0.count, 0) }
        if n > 0 {
            connections[slot].received.append(contentsOf: buffer[..<n])
        } else if n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) {
            break
        } else {
            closed = true  // by the server, or an error: after what arrived before it
            break
        }
    }
    if connections[slot].index != nil, let status = completeResponse(connections[slot].received) {
        finish(slot, status: status)
    }
    if closed { reconnect(slot) }  // a delivery still in flight counts as failed
}

var watched = [pollfd](repeating: pollfd(), count: connections.count)
while done < count {
    // Start every delivery that is due on an idle connection.
    let time = now()
    while next < count, !idle.isEmpty {
        let scheduled = options.rate.map { start + Double(next) / $0 } ?? max(time, start)
        if scheduled > time { break }
        let slot = idle.removeLast()
        connections[slot].index = next
        connections[slot].scheduled = scheduled
        connections[slot].sent = 0
        connections[slot].deadline = time + timeout
        next += 1
        write(slot)
    }
    // Wait for answers, or until the next delivery is due.
    var wait = 100.0
    if next < count, !idle.isEmpty {
        let due = options.rate.map { start + Double(next) / $0 } ?? start
        wait = max(0, (due - now()) * 1000)
    }
    for slot in connections.indices {
        let output = connections[slot].watchingOutput ? Int16(POLLOUT) : 0
        watched[slot] = pollfd(fd: connections[slot].descriptor, events: Int16(POLLIN) | output, revents: 0)
    }
    let ready = Glibc.poll(&watched, nfds_t(watched.count), Int32(wait.rounded(.up)))
    if ready > 0 {
        for slot in connections.indices where watched[slot].revents != 0 {
            let events = watched[slot].revents
            if events & Int16(POLLOUT) != 0 { write(slot) }
            if events & (Int16(POLLIN) | Int16(POLLERR) | Int16(POLLHUP)) != 0 { read(slot) }
        }
    }
    let late = now()
    for slot in connections.indices where connections[slot].index != nil && connections[slot].deadline < late {
        reconnect(slot)  // a late answer must not be taken for the next delivery's
    }
}

let elapsed = now() - start
let cpu = cpuSeconds() - cpuAtStart
let sorted = latencies.sorted()
func percentile(_ p: Double) -> String {
    guard !sorted.isEmpty else { return "-" }
    return String(format: "%.2f ms", sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))] * 1000)
}
let statusList = statuses.keys.sorted().map { "\($0): \(statuses[$0] ?? 0)" }.joined(separator: ", ")
print(
    """
    deliveries: \(sorted.count) in \(String(format: "%.2f", elapsed)) s = \(Int(Double(sorted.count) / elapsed))/s \
    (target: \(options.rate.map { "\(Int($0))/s" } ?? "as fast as answered"), \(options.connections) connections)
    statuses: \(statusList)\(errors > 0 ? ", connection errors: \(errors)" : "")
    latency: p50 \(percentile(0.5)), p90 \(percentile(0.9)), p99 \(percentile(0.99)), max \(percentile(1.0))
    generator: \(String(format: "%.0f", cpu / Double(max(1, count)) * 1e6)) µs of CPU per delivery while sending
    """)
if let log = options.log {
    // One line per delivery: its event id and the status it got (0: no answer).
    let lines = outcomes.enumerated().map { "evt_load_\(runID)_\($0.offset) \(max(0, $0.element))\n" }.joined()
    _ = FileManager.default.createFile(atPath: log, contents: Data(lines.utf8))
}
