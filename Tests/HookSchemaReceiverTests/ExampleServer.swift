// The receiver's tests need its traits: `swift test --traits Receiver --filter HookSchemaReceiverTests`.
#if SQLite && PostgreSQL && Hummingbird
import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif
#if canImport(Glibc)
    import Glibc
#endif

/// The example server (`hookschema-receiver`, Examples/Receiver) run as a process on 127.0.0.1 and a free port,
/// and a real HTTP client for it (URLSession), as a provider would post.
final class ExampleServer: @unchecked Sendable {
    let process: Process
    let port: Int
    let path: String
    private let output: Pipe

    /// The built executable beside this test bundle.
    static let executable: URL = {
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("hookschema-receiver")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory.deleteLastPathComponent()
        }
        fatalError("hookschema-receiver was not built; run `swift build --traits Receiver` first")
    }()

    /// Starts the server with `arguments` (plus `--host 127.0.0.1 --port 0`) and waits for its start line.
    init(_ arguments: [String], environment: [String: String] = [:]) throws {
        process = Process()
        process.executableURL = Self.executable
        process.arguments = arguments + ["--host", "127.0.0.1", "--port", "0"]
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.standardError
        try process.run()
        var text = ""
        let deadline = Date().addingTimeInterval(30)
        while !text.contains("\n"), Date() < deadline, process.isRunning {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            text += String(decoding: chunk, as: UTF8.self)
        }
        // "listening on http://127.0.0.1:PORT/webhooks/PROVIDER (store: …)"
        guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix("listening on http://") }),
            let url = URL(string: String(line.dropFirst("listening on ".count).split(separator: " ")[0])),
            let port = url.port
        else {
            process.terminate()
            throw ServerError(description: "the example server did not start: \(text)")
        }
        self.port = port
        self.path = url.path
    }

    deinit { stop() }

    func stop() {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
    }

    struct ServerError: Error, CustomStringConvertible {
        var description: String
    }

    struct Reply: Sendable {
        var status: Int
        var body: String
    }

    /// POSTs `body` with `headers` to the webhook path over loopback.
    func post(_ body: [UInt8], headers: [Fixture.HeaderPair]) async throws -> Reply {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!)
        request.httpMethod = "POST"
        request.httpBody = Data(body)
        for header in headers { request.setValue(header.value, forHTTPHeaderField: header.name) }
        let (data, response) = try await URLSession.shared.data(for: request)
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        return Reply(status: status, body: String(decoding: data, as: UTF8.self))
    }

    func post(_ delivery: Fixture.Delivery) async throws -> Reply {
        try await post(delivery.body, headers: delivery.headers)
    }

    /// Sends only a request head (and `firstBytes` of the body) over a raw socket and reads the status line: shows
    /// that an answer comes before the rest of the body is sent.
    func statusForPartialRequest(head: String, firstBytes: [UInt8]) throws -> Int {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw ServerError(description: "socket() failed") }
        defer { close(descriptor) }
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else { throw ServerError(description: "connect() failed") }
        let bytes = Array(head.utf8) + firstBytes
        _ = bytes.withUnsafeBytes { send(descriptor, $0.baseAddress, $0.count, 0) }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { throw ServerError(description: "no answer before the body was complete") }
        let line = String(decoding: buffer[..<count], as: UTF8.self).split(separator: "\r\n").first ?? ""
        let parts = line.split(separator: " ")
        guard parts.count >= 2, let status = Int(parts[1]) else {
            throw ServerError(description: "not an HTTP status line: \(line)")
        }
        return status
    }
}
#endif
