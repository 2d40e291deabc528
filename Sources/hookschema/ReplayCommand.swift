import ArgumentParser
import Foundation
import HookSchemaCommands
import HookSchemaModel
import HookSchemaSignatures

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `hookschema replay`: re-signs captured or example deliveries with fresh timestamps and posts them to a receiver.
///
/// The HTTP client is Foundation's `URLSession` (libcurl on Linux, part of the toolchain), so the CLI gains no
/// package for it: async-http-client would add swift-nio, swift-nio-ssl and swift-nio-http2 to every build of the
/// `hookschema` executable for one command that posts to a local test server.
struct ReplayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Re-sign deliveries with fresh timestamps and post them to a receiver, for testing it locally.",
        discussion: """
            PATH is a `.delivery.json` file (headers and body, as `hookschema captures export` writes), a `.json` \
            body, or a folder of them (searched recursively). Each body is posted byte for byte with its captured \
            headers, minus the old signature headers, plus a new signature for the current time (the message id of \
            a scheme that signs one is kept). A bare body gets only `Content-Type` and the signature: a provider \
            whose dedupe key or required headers are headers (Plextera) needs delivery files. --rate paces the \
            deliveries per second. A progress bar is drawn on a terminal. Exit codes: 0 every delivery got a 2xx, \
            1 some did not, 2 usage errors.
            """
    )

    @OptionGroup var signing: SigningOptions

    @Option(help: ArgumentHelp("The receiver's URL (http://127.0.0.1:8080/webhooks/extend).", valueName: "url"))
    var to: String

    @Option(
        help: ArgumentHelp(
            "Deliveries per second (default: one after another, as fast as answered).",
            valueName: "n"))
    var rate: Double?

    @Argument(help: ArgumentHelp("A delivery file, a body file, or a folder of them.", valueName: "path"))
    var path: String

    func run() async throws {
        let plan: (deliveries: [ReplayDelivery], signer: SignatureSigner, url: URL)
        do {
            plan = try prepare()
        } catch let failure as CLIFailure {
            throw failure.reported()
        }
        let progress = ReplayProgress(total: plan.deliveries.count)
        let started = Date()
        var failures = 0
        for (index, delivery) in plan.deliveries.enumerated() {
            if let rate {
                let due = started.addingTimeInterval(Double(index) / rate)
                let wait = due.timeIntervalSinceNow
                if wait > 0 { try await Task.sleep(for: .milliseconds(Int(wait * 1000))) }
            }
            let status = await post(delivery, signer: plan.signer, to: plan.url)
            if !(200..<300).contains(status.code) {
                failures += 1
                progress.note("\(delivery.source): \(status.text)")
            }
            progress.advance(status: status.code)
        }
        progress.finish()
        StandardStream.error.write(progress.summary(seconds: Date().timeIntervalSince(started)) + "\n")
        if failures > 0 { throw ExitCode(1) }
    }

    private func prepare() throws -> (deliveries: [ReplayDelivery], signer: SignatureSigner, url: URL) {
        guard let url = URL(string: to), let scheme = url.scheme, ["http", "https"].contains(scheme), url.host != nil
        else {
            throw CLIFailure.usage("--to must be an http:// or https:// URL, not `\(to)`")
        }
        if let rate, !(rate > 0) {
            throw CLIFailure.usage("--rate must be a positive number of deliveries per second")
        }
        let signatureScheme = try signing.scheme()
        let secrets = try signing.secrets()
        let signer: SignatureSigner
        do {
            signer = try SignatureSigner(scheme: signatureScheme, secrets: secrets)
        } catch {
            throw CLIFailure.usage(error.description)
        }
        let deliveries = try ReplayDelivery.load(path)
        guard !deliveries.isEmpty else {
            throw CLIFailure.usage("no .delivery.json or .json files in `\(path)`")
        }
        return (deliveries, signer, url)
    }

    private func post(_ delivery: ReplayDelivery, signer: SignatureSigner, to url: URL) async -> (
        code: Int, text: String
    ) {
        let scheme = signer.scheme
        let dropped = Set(
            [
                scheme.signatureHeader, scheme.timestampHeader, scheme.idHeader, "content-length", "host", "connection",
                "transfer-encoding",
            ].compactMap { $0?.lowercased() })
        var request = URLRequest(url: url)
        request.httpMethod = "POST"
        request.httpBody = delivery.body
        request.timeoutInterval = 30
        var id: String?
        for header in delivery.headers {
            if let idHeader = scheme.idHeader, header.name.lowercased() == idHeader.lowercased() { id = header.value }
            if dropped.contains(header.name.lowercased()) { continue }
            request.setValue(header.value, forHTTPHeaderField: header.name)
        }
        if request.value(forHTTPHeaderField: "Content-Type") == nil {
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        do {
            let messageID = scheme.idHeader == nil ? nil : (id ?? "msg_" + UUID().uuidString.lowercased())
            for header in try signer.sign(
                body: delivery.body, timestamp: SignatureVerifier.systemClock(), id: messageID)
            {
                request.setValue(header.value, forHTTPHeaderField: header.name)
            }
        } catch {
            return (0, "cannot sign: \(error.description)")
        }
        do {
            let (data, response) = try await URLSession.shared.data(for: request)
            let code = (response as? HTTPURLResponse)?.statusCode ?? 0
            return (code, "\(code) \(String(decoding: data.prefix(200), as: UTF8.self))")
        } catch {
            return (0, "not delivered: \(error.localizedDescription)")
        }
    }
}

/// One delivery to replay: a body and the headers it was captured with.
struct ReplayDelivery {
    var source: String
    var body: Data
    var headers: [(name: String, value: String)]

    /// The deliveries at `path` (a file, or every `.delivery.json`/`.json` file below a folder, sorted).
    static func load(_ path: String) throws -> [ReplayDelivery] {
        let sources: [PayloadSource]
        do {
            sources = try PayloadSource.expand([path]).filter { $0.kind != .lines }
        } catch let error as PayloadSource.InputError {
            throw CLIFailure.usage(error.description)
        }
        return try sources.map { source in
            guard let data = FileManager.default.contents(atPath: source.path) else {
                throw CLIFailure.usage("cannot read `\(source.path)`")
            }
            guard source.kind == .delivery else {
                return ReplayDelivery(source: source.path, body: data, headers: [])
            }
            do {
                let delivery = try CheckDelivery.read(from: [UInt8](data), path: source.path)
                return ReplayDelivery(source: source.path, body: Data(delivery.body), headers: delivery.headers)
            } catch let error as PayloadSource.InputError {
                throw CLIFailure.usage(error.description)
            }
        }
    }
}
