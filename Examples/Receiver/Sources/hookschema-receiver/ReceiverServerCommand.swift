#if Hummingbird
    import ArgumentParser
    import ExtendWebhooks
    import Foundation
    import HookSchemaReceiver
    import HookSchemaReceiverHummingbird
    import HookSchemaReceiverPostgres
    import HookSchemaReceiverSQLite
    import Hummingbird
    import Logging
    import PlexteraWebhooks

    /// The example webhook receiver: `POST /webhooks/<provider>` verified, deduplicated, validated, captured, handled.
    ///
    /// ```
    /// swift run --traits Receiver hookschema-receiver                       # Extend, SQLite file, port 8080
    /// swift run --traits Receiver hookschema-receiver --provider plextera --secret-env PLEXTERA_SECRET \
    ///     --database-url postgres://receiver@127.0.0.1:5432/webhooks
    /// ```
    @main
    struct ReceiverServerCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "hookschema-receiver",
            abstract: "An example webhook receiver: verify, dedupe, validate, capture, then the app's handler.")

        @Option(help: "The provider whose deliveries are received: extend or plextera.")
        var provider: String = "extend"

        @Option(
            name: .customLong("secret-env"),
            help: ArgumentHelp(
                "An environment variable holding a signing secret; repeat it during a rotation. Default: "
                    + "EXTEND_SIGNING_SECRET or PLEXTERA_SIGNING_SECRET, or a local development secret when unset.",
                valueName: "var"))
        var secretEnvironmentVariables: [String] = []

        @Option(help: "Where claims and captures go: a SQLite file path (sqlite:PATH too) or postgres://user@host/db.")
        var databaseURL: String = "hookschema-captures.sqlite"

        @Option(help: "The address to listen on.")
        var host: String = "127.0.0.1"

        @Option(help: "The port to listen on (0: any free port, printed at start).")
        var port: Int = 8080

        @Option(help: "The largest body accepted, in bytes.")
        var maxBodyBytes: Int = 1 << 20

        @Option(help: "What a contract failure gets: quarantine (202, the default) or reject (422).")
        var contractFailure: String = "quarantine"

        @Option(help: "Days a capture is kept (0: until deleted by hand).")
        var captureRetentionDays: Int = 30

        @Option(help: "Days a handled delivery's dedupe key is remembered, so a late retry is still a duplicate.")
        var dedupeRetentionDays: Int = 7

        @Option(help: "Minutes between purges of expired captures and dedupe keys (the first runs at start).")
        var purgeIntervalMinutes: Int = 60

        @Flag(help: "Print one line per handled delivery.")
        var verbose = false

        func run() async throws {
            let options = try ServerOptions(command: self)
            try await ReceiverServer.run(options)
        }
    }

    /// The example server's settings, checked.
    struct ServerOptions: Sendable {
        var provider: String
        var secrets: [String]
        var usesDevelopmentSecret: Bool
        var databaseURL: String
        var host: String
        var port: Int
        var configuration: ReceiverConfiguration
        var purgeInterval: Duration
        var verbose: Bool

        /// The secret used when none is configured: for trying the server locally only (`hookschema replay` and the
        /// tests sign with it).
        static func developmentSecret(for provider: String) -> String {
            provider == "extend" ? "wss_hookschema_local_development_secret" : "hookschema-local-development-secret"
        }

        init(command: ReceiverServerCommand, environment: [String: String] = ProcessInfo.processInfo.environment) throws
        {
            guard ["extend", "plextera"].contains(command.provider) else {
                throw ValidationError("unknown provider `\(command.provider)`: use extend or plextera")
            }
            provider = command.provider
            var secrets: [String] = []
            for name in command.secretEnvironmentVariables {
                guard let value = environment[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty
                else {
                    throw ValidationError("environment variable `\(name)` (--secret-env) is not set or empty")
                }
                secrets.append(value)
            }
            let defaultName = "\(command.provider.uppercased())_SIGNING_SECRET"
            if secrets.isEmpty, let value = environment[defaultName], !value.isEmpty {
                secrets.append(value)
            }
            usesDevelopmentSecret = secrets.isEmpty
            if secrets.isEmpty { secrets.append(Self.developmentSecret(for: command.provider)) }
            self.secrets = secrets
            databaseURL = command.databaseURL
            host = command.host
            guard (0...65_535).contains(command.port) else { throw ValidationError("--port must be 0…65535") }
            port = command.port
            guard command.maxBodyBytes > 0 else { throw ValidationError("--max-body-bytes must be at least 1") }
            let policy: ContractFailurePolicy
            switch command.contractFailure {
            case "quarantine": policy = .quarantine
            case "reject": policy = .reject(status: 422)
            default:
                throw ValidationError("--contract-failure is quarantine or reject, not `\(command.contractFailure)`")
            }
            guard command.captureRetentionDays >= 0 else {
                throw ValidationError("--capture-retention-days must be 0 or more")
            }
            guard command.dedupeRetentionDays >= 1 else {
                throw ValidationError("--dedupe-retention-days must be at least 1")
            }
            guard command.purgeIntervalMinutes >= 1 else {
                throw ValidationError("--purge-interval-minutes must be at least 1")
            }
            let day = 86_400
            configuration = ReceiverConfiguration(
                maxBodyBytes: command.maxBodyBytes, contractFailure: policy,
                captureRetention: command.captureRetentionDays == 0 ? nil : .seconds(command.captureRetentionDays * day),
                dedupeRetention: .seconds(command.dedupeRetentionDays * day))
            purgeInterval = .seconds(command.purgeIntervalMinutes * 60)
            verbose = command.verbose
        }
    }
#else
    @main
    struct ReceiverServerCommand {
        static func main() {
            print("hookschema-receiver needs the Hummingbird trait: swift run --traits Receiver hookschema-receiver")
        }
    }
#endif
