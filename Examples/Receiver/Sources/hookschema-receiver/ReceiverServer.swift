#if Hummingbird
    import ExtendWebhooks
    import Foundation
    import HookSchemaReceiver
    import HookSchemaReceiverHummingbird
    import HookSchemaReceiverPostgres
    import HookSchemaReceiverSQLite
    import HookSchemaRuntime
    import Hummingbird
    import Logging
    import PlexteraWebhooks

    /// Builds the store, the receiver and the Hummingbird application from the options, and runs it until SIGINT or
    /// SIGTERM (Hummingbird's graceful shutdown through swift-service-lifecycle).
    enum ReceiverServer {
        static func run(_ options: ServerOptions) async throws {
            var logger = Logger(label: "hookschema-receiver")
            logger.logLevel = .info
            let store = try await makeStore(options.databaseURL)
            let router = Router()
            router.get("/health") { _, _ in "ok\n" }
            let purge: @Sendable () async throws -> PurgeCounts
            switch options.provider {
            case "plextera":
                let plextera = try await receiver(PlexteraEvent.self, options, store: store, logger: logger)
                router.webhookReceiver("/webhooks/plextera", plextera)
                purge = { try await plextera.purgeExpired() }
            default:
                let extend = try await receiver(ExtendEvent.self, options, store: store, logger: logger)
                router.webhookReceiver("/webhooks/extend", extend)
                purge = { try await extend.purgeExpired() }
            }
            if options.usesDevelopmentSecret {
                let secret = ServerOptions.developmentSecret(for: options.provider)
                let message = "no signing secret configured: using the local development secret `\(secret)`; "
                    + "never expose this server"
                logger.warning("\(message)")
            }
            let path = "/webhooks/\(options.provider)"
            let app = Application(
                router: router,
                configuration: .init(address: .hostname(options.host, port: options.port), serverName: "hookschema"),
                onServerRunning: { channel in
                    let port = channel.localAddress?.port ?? options.port
                    // One line a script can wait for (the tests and Benchmarks/receiver.sh read it).
                    writeLine(
                        "listening on http://\(options.host):\(port)\(path) (store: \(describe(options.databaseURL)))")
                },
                logger: logger)
            // The server and, beside it, the retention purge; when the server stops (SIGINT, SIGTERM), so does the purge.
            let interval = options.purgeInterval
            let purgeLogger = logger
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await app.runService() }
                group.addTask { await purgeExpired(every: interval, purge, logger: purgeLogger) }
                try await group.next()
                group.cancelAll()
            }
            // Stopped (SIGINT, SIGTERM): the SQLite store checkpoints its log into the file as it closes.
            if let sqlite = store as? SQLiteReceiverStore { try? await sqlite.close() }
            if let postgres = store as? PostgresReceiverStore { postgres.close() }
        }

        /// Deletes expired captures and dedupe keys now and then every `interval`, until cancelled. A failed purge
        /// (the database unreachable) is logged and tried again at the next interval; deliveries are unaffected.
        static func purgeExpired(
            every interval: Duration, _ purge: @Sendable () async throws -> PurgeCounts, logger: Logger
        ) async {
            while !Task.isCancelled {
                do {
                    let counts = try await purge()
                    if counts.captures > 0 || counts.claims > 0 {
                        logger.info("retention: deleted \(counts.captures) captures and \(counts.claims) dedupe keys")
                    }
                } catch {
                    logger.warning("retention: purge failed, trying again in \(interval): \(error)")
                }
                do { try await Task.sleep(for: interval) } catch { return }
            }
        }

        /// The receiver for one provider, with a handler that logs each event (the app's own code goes there).
        static func receiver<Event: WebhookEventUnion>(
            _ type: Event.Type, _ options: ServerOptions, store: any ReceiverStore, logger: Logger
        ) async throws -> WebhookReceiver<Event> {
            let verbose = options.verbose
            return try await WebhookReceiver(
                type, secrets: options.secrets, store: store, configuration: options.configuration
            ) { delivery in
                if verbose {
                    writeLine(
                        "handled \(delivery.event.eventType) \(delivery.report.dedupeKey ?? "-") "
                            + "(\(delivery.report.verdict.rawValue), capture \(delivery.capture.id ?? 0))")
                }
            }
        }

        /// Writes one line to standard output at once (unbuffered: scripts wait for these lines).
        static func writeLine(_ line: String) {
            FileHandle.standardOutput.write(Data((line + "\n").utf8))
        }

        /// The store a `--database-url` names: PostgreSQL for `postgres://…`, otherwise a SQLite file.
        static func makeStore(_ url: String) async throws -> any ReceiverStore {
            if url.hasPrefix("postgres://") || url.hasPrefix("postgresql://") {
                return try PostgresReceiverStore(url: url)
            }
            return try await SQLiteReceiverStore(path: sqlitePath(url))
        }

        static func sqlitePath(_ url: String) -> String {
            if url.hasPrefix("sqlite://") { return String(url.dropFirst("sqlite://".count)) }
            if url.hasPrefix("sqlite:") { return String(url.dropFirst("sqlite:".count)) }
            return url
        }

        /// The store for the start line, without a password.
        static func describe(_ url: String) -> String {
            guard url.hasPrefix("postgres"), var components = URLComponents(string: url) else {
                return "SQLite \(sqlitePath(url))"
            }
            if components.password != nil { components.password = "***" }
            return "PostgreSQL \(components.string ?? "")"
        }
    }
#endif
