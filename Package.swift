// swift-tools-version:6.1
import PackageDescription

// The pipeline, as modules:
//
//   Schemas/**/*.yaml ─HookSchemaLoader─▶ HookSchemaModel ─┬─HookSchemaGenerator─▶ Swift (Generated/, plugin output)
//                                                          ├─HookSchemaValidation─▶ drift report for one payload
//                                                          └─HookSchemaExport───▶ JSON Schema (JSONSchema/)
//
// Runtime side (what an app links; no Yams, no generator, no CLI): HookSchemaModel, HookSchemaRuntime,
// HookSchemaValidation, HookSchemaSignatures (swift-crypto), and the generated ExtendWebhooks / PlexteraWebhooks.
// Build side: HookSchemaLoader (Yams), HookSchemaGenerator, the `hookschema` executable (argument parser), and
// `hookschema-generate` (the generate command alone), which the plugins run.
//
// The webhook receiver (issue 17): HookSchemaReceiver is runtime side and framework-free (the verify → dedupe →
// validate → capture → handle pipeline and the `ReceiverStore` protocol; no server, no database driver). The parts
// that need a server or a driver live behind package traits, none enabled by default:
//
//   SQLite      → HookSchemaReceiverSQLite (vapor/sqlite-nio, SQLite compiled in), and `hookschema captures export`
//                 from a SQLite file
//   PostgreSQL  → HookSchemaReceiverPostgres (vapor/postgres-nio), and `captures export` from PostgreSQL
//   Hummingbird → HookSchemaReceiverHummingbird (the route) and the example server `hookschema-receiver`
//   Receiver    → all three
//
// Why traits and not a separate package: tested with this toolchain (Swift 6.3.1) on a two-package experiment, a
// consumer of a package whose only Hummingbird dependency is trait-guarded (`condition: .when(traits: …)`) resolves
// nothing: no checkout, no Package.resolved entry, nothing built; the same consumer of the same package with the
// dependency on a separate, unused product resolves all 24 packages of Hummingbird's graph. So traits keep an app
// of models and the validator free of any server or driver (shown in CI by Examples/PluginConsumer), while the
// receiver stays in this package, where the `hookschema` CLI can read captures. Build and test the receiver with
// `--traits Receiver` (the guarded modules compile to nothing without their trait).

let package = Package(
    name: "hookschema",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "hookschema", targets: ["hookschema"]),
        .executable(name: "hookschema-generate", targets: ["hookschema-generate"]),
        .library(name: "HookSchemaRuntime", targets: ["HookSchemaRuntime"]),
        .library(name: "HookSchemaValidation", targets: ["HookSchemaValidation"]),
        .library(name: "HookSchemaSignatures", targets: ["HookSchemaSignatures"]),
        .library(name: "HookSchemaLoader", targets: ["HookSchemaLoader"]),
        .library(name: "HookSchemaGenerator", targets: ["HookSchemaGenerator"]),
        .library(name: "HookSchemaExport", targets: ["HookSchemaExport"]),
        .library(name: "HookSchemaDiff", targets: ["HookSchemaDiff"]),
        .library(name: "HookSchemaInfer", targets: ["HookSchemaInfer"]),
        .library(name: "ExtendWebhooks", targets: ["ExtendWebhooks"]),
        .library(name: "PlexteraWebhooks", targets: ["PlexteraWebhooks"]),
        .library(name: "HookSchemaReceiver", targets: ["HookSchemaReceiver"]),
        .library(name: "HookSchemaReceiverSQLite", targets: ["HookSchemaReceiverSQLite"]),
        .library(name: "HookSchemaReceiverPostgres", targets: ["HookSchemaReceiverPostgres"]),
        .library(name: "HookSchemaReceiverHummingbird", targets: ["HookSchemaReceiverHummingbird"]),
        .executable(name: "hookschema-receiver", targets: ["hookschema-receiver"]),
        .plugin(name: "HookSchemaPlugin", targets: ["HookSchemaPlugin"]),
        .plugin(name: "GenerateWebhookCode", targets: ["GenerateWebhookCode"]),
    ],
    traits: [
        .trait(name: "SQLite", description: "The receiver's SQLite store (vapor/sqlite-nio)."),
        .trait(name: "PostgreSQL", description: "The receiver's PostgreSQL store (vapor/postgres-nio)."),
        .trait(name: "Hummingbird", description: "The receiver's Hummingbird route and the example server."),
        .trait(
            name: "Receiver", description: "The whole receiver: SQLite, PostgreSQL and Hummingbird.",
            enabledTraits: ["SQLite", "PostgreSQL", "Hummingbird"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", exact: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", exact: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", exact: "3.12.3"),
        // `hookschema import openapi` only (build side); its external-loading trait is not needed.
        .package(url: "https://github.com/mattpolzin/OpenAPIKit.git", exact: "6.4.0", traits: []),
        // The receiver's traits only (see above): never resolved by a package that does not enable them.
        .package(url: "https://github.com/vapor/sqlite-nio.git", exact: "1.13.2"),
        .package(url: "https://github.com/vapor/postgres-nio.git", exact: "1.33.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", exact: "2.28.1"),
        .package(url: "https://github.com/apple/swift-nio.git", exact: "2.101.3"),
        .package(url: "https://github.com/apple/swift-log.git", exact: "1.16.2"),
        // Documentation only: `swift package generate-documentation` (no target depends on it).
        .package(url: "https://github.com/swiftlang/swift-docc-plugin.git", exact: "1.5.0"),
    ],
    targets: [
        // MARK: Runtime side

        .target(name: "HookSchemaModel"),
        .target(name: "HookSchemaRuntime", dependencies: ["HookSchemaModel"]),
        .target(name: "HookSchemaValidation", dependencies: ["HookSchemaModel", "HookSchemaRuntime"]),
        // Generated by `swift run hookschema generate` from Schemas/ (committed; see GeneratedModelTests).
        .target(name: "ExtendWebhooks", dependencies: ["HookSchemaRuntime"], path: "Generated/ExtendWebhooks"),
        .target(name: "PlexteraWebhooks", dependencies: ["HookSchemaRuntime"], path: "Generated/PlexteraWebhooks"),
        .target(
            name: "HookSchemaSignatures",
            dependencies: ["HookSchemaModel", .product(name: "Crypto", package: "swift-crypto")]
        ),

        // The receiver (issue 17): the core is runtime side and needs no trait; the rest is trait-guarded.
        .target(
            name: "HookSchemaReceiver",
            dependencies: ["HookSchemaModel", "HookSchemaRuntime", "HookSchemaValidation", "HookSchemaSignatures"]
        ),
        .target(
            name: "HookSchemaReceiverSQLite",
            dependencies: [
                "HookSchemaReceiver",
                .product(name: "SQLiteNIO", package: "sqlite-nio", condition: .when(traits: ["SQLite"])),
                .product(name: "NIOCore", package: "swift-nio", condition: .when(traits: ["SQLite"])),
                .product(name: "NIOPosix", package: "swift-nio", condition: .when(traits: ["SQLite"])),
                .product(name: "Logging", package: "swift-log", condition: .when(traits: ["SQLite"])),
            ]
        ),
        .target(
            name: "HookSchemaReceiverPostgres",
            dependencies: [
                "HookSchemaReceiver",
                .product(name: "PostgresNIO", package: "postgres-nio", condition: .when(traits: ["PostgreSQL"])),
                .product(name: "NIOCore", package: "swift-nio", condition: .when(traits: ["PostgreSQL"])),
                .product(name: "Logging", package: "swift-log", condition: .when(traits: ["PostgreSQL"])),
            ]
        ),
        .target(
            name: "HookSchemaReceiverHummingbird",
            dependencies: [
                "HookSchemaReceiver",
                .product(name: "Hummingbird", package: "hummingbird", condition: .when(traits: ["Hummingbird"])),
                .product(name: "NIOCore", package: "swift-nio", condition: .when(traits: ["Hummingbird"])),
            ]
        ),
        // The example server (Examples/Receiver): `swift run --traits Receiver hookschema-receiver`.
        .executableTarget(
            name: "hookschema-receiver",
            dependencies: [
                "HookSchemaReceiver", "HookSchemaReceiverSQLite", "HookSchemaReceiverPostgres",
                "HookSchemaReceiverHummingbird", "HookSchemaModel", "ExtendWebhooks", "PlexteraWebhooks",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird", condition: .when(traits: ["Hummingbird"])),
                .product(name: "Logging", package: "swift-log", condition: .when(traits: ["Hummingbird"])),
            ],
            path: "Examples/Receiver/Sources/hookschema-receiver"
        ),

        // A load generator for a receiver (Benchmarks/receiver.sh): signs each delivery itself, posts over loopback.
        .executableTarget(
            name: "hookschema-receiver-load",
            dependencies: ["HookSchemaSignatures", "ExtendWebhooks"],
            path: "Benchmarks/ReceiverLoad"
        ),

        // MARK: Build side

        .target(
            name: "HookSchemaLoader",
            dependencies: ["HookSchemaModel", .product(name: "Yams", package: "Yams")]
        ),
        .target(name: "HookSchemaGenerator", dependencies: ["HookSchemaModel"]),
        .target(name: "HookSchemaExport", dependencies: ["HookSchemaModel"]),
        // `hookschema import`: OpenAPI documents (decoded with OpenAPIKit) and JSON Schema files in, YAML out.
        .target(
            name: "HookSchemaImport",
            dependencies: [
                "HookSchemaModel",
                .product(name: "Yams", package: "Yams"),
                .product(name: "OpenAPIKit", package: "OpenAPIKit"),
                .product(name: "OpenAPIKit30", package: "OpenAPIKit"),
            ]
        ),
        // `hookschema diff`: two loaded schema sets in, every change with its wire and Swift verdicts out.
        .target(name: "HookSchemaDiff", dependencies: ["HookSchemaModel", "HookSchemaLoader"]),
        // `hookschema infer`: captured deliveries in, an inferred provider (written by the import's writer) out.
        .target(
            name: "HookSchemaInfer",
            dependencies: ["HookSchemaModel", "HookSchemaRuntime", "HookSchemaValidation", "HookSchemaImport"]
        ),
        // `hookschema learn`: the drift `check` reports, folded into the schemas' YAML as minimal text edits.
        .target(
            name: "HookSchemaLearn",
            dependencies: [
                "HookSchemaModel",
                "HookSchemaRuntime",
                "HookSchemaLoader",
                "HookSchemaValidation",
                "HookSchemaImport",
                "HookSchemaInfer",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        // What both executables share: the generate command, the generated-file writer, streams and exit codes.
        .target(
            name: "HookSchemaCommands",
            dependencies: [
                "HookSchemaModel",
                "HookSchemaLoader",
                "HookSchemaGenerator",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The generator alone, for the plugins: builds for the host without swift-crypto or the bundled models.
        .executableTarget(name: "hookschema-generate", dependencies: ["HookSchemaCommands"]),
        .executableTarget(
            name: "hookschema",
            dependencies: [
                "HookSchemaCommands",
                "HookSchemaModel",
                "HookSchemaLoader",
                "HookSchemaGenerator",
                "HookSchemaExport",
                "HookSchemaImport",
                "HookSchemaDiff",
                "HookSchemaInfer",
                "HookSchemaLearn",
                "HookSchemaValidation",
                "ExtendWebhooks",
                "PlexteraWebhooks",
                "HookSchemaSignatures",
                // `captures export` reads a receiver's store with the driver of each enabled trait; `replay` posts
                // with Foundation's URLSession. Never Hummingbird.
                "HookSchemaReceiver",
                .target(name: "HookSchemaReceiverSQLite", condition: .when(traits: ["SQLite"])),
                .target(name: "HookSchemaReceiverPostgres", condition: .when(traits: ["PostgreSQL"])),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // MARK: Plugins (Plugins/PluginsShared is linked into both; see Plugins/PluginsShared/SchemaInputs.swift)

        .plugin(name: "HookSchemaPlugin", capability: .buildTool(), dependencies: ["hookschema-generate"]),
        .plugin(
            name: "GenerateWebhookCode",
            capability: .command(
                intent: .custom(
                    verb: "generate-webhook-code",
                    description: "Generate Swift models from the YAML webhook schemas into the package."
                ),
                permissions: [
                    .writeToPackageDirectory(reason: "To write the generated Swift files into the package.")
                ]
            ),
            dependencies: ["hookschema-generate"]
        ),

        .executableTarget(
            name: "hookschema-bench",
            dependencies: [
                "HookSchemaValidation", "HookSchemaLoader", "HookSchemaModel", "ExtendWebhooks", "PlexteraWebhooks",
            ]
        ),

        // MARK: Tests

        .testTarget(name: "HookSchemaModelTests", dependencies: ["HookSchemaModel"]),
        .testTarget(name: "HookSchemaCLITests", dependencies: ["hookschema", "hookschema-generate"]),
        .testTarget(name: "HookSchemaLoaderTests", dependencies: ["HookSchemaLoader", "HookSchemaModel"]),
        .testTarget(name: "HookSchemaRuntimeTests", dependencies: ["HookSchemaRuntime"]),
        .testTarget(
            name: "HookSchemaGeneratorTests",
            dependencies: ["HookSchemaGenerator", "HookSchemaLoader", "HookSchemaRuntime", "HookSchemaImport"],
            exclude: ["Snippets"]
        ),
        .testTarget(
            name: "GeneratedModelTests",
            dependencies: ["ExtendWebhooks", "PlexteraWebhooks", "HookSchemaLoader"]
        ),
        .testTarget(name: "HookSchemaExportTests", dependencies: ["HookSchemaExport", "HookSchemaLoader"]),
        .testTarget(name: "HookSchemaImportTests", dependencies: ["HookSchemaImport", "HookSchemaLoader"]),
        .testTarget(
            name: "HookSchemaInferTests",
            dependencies: [
                "HookSchemaInfer", "HookSchemaImport", "HookSchemaLoader", "HookSchemaModel", "HookSchemaRuntime",
                "HookSchemaValidation",
            ]
        ),
        .testTarget(name: "HookSchemaDiffTests", dependencies: ["HookSchemaDiff", "HookSchemaLoader", "HookSchemaModel"]),
        .testTarget(
            name: "HookSchemaLearnTests",
            dependencies: ["HookSchemaLearn", "HookSchemaLoader", "HookSchemaModel", "HookSchemaValidation"],
            exclude: ["Golden"]
        ),
        .testTarget(name: "HookSchemaSignaturesTests", dependencies: ["HookSchemaSignatures", "HookSchemaLoader"]),
        .testTarget(
            name: "HookSchemaReceiverTests",
            dependencies: [
                "HookSchemaReceiver", "HookSchemaReceiverSQLite", "HookSchemaReceiverPostgres",
                "HookSchemaReceiverHummingbird", "HookSchemaValidation", "HookSchemaSignatures", "HookSchemaModel",
                "ExtendWebhooks", "PlexteraWebhooks", "hookschema-receiver",
            ]
        ),
        .testTarget(
            name: "HookSchemaValidationTests",
            dependencies: [
                "HookSchemaValidation", "HookSchemaModel", "HookSchemaRuntime", "HookSchemaLoader", "ExtendWebhooks",
                "PlexteraWebhooks",
            ],
            exclude: ["Golden"]
        ),
    ]
)

// MARK: The provider cookbook (Examples/providers/<name>/), generated into Examples/Cookbook/Generated by
// `swift run hookschema generate --schemas Examples/providers --output Examples/Cookbook/Generated`: every provider
// compiled here and its example deliveries decoded and verified by CookbookTests. Not products: an app copies a
// provider's YAML into its own target (see Examples/providers/README.md).
let cookbook: [(target: String, folder: String)] = [
    ("DiscordWebhooks", "DiscordWebhooks"),
    ("GitHubWebhooks", "GithubWebhooks"),
    ("PaddleWebhooks", "PaddleWebhooks"),
    ("ShopifyWebhooks", "ShopifyWebhooks"),
    ("SlackWebhooks", "SlackWebhooks"),
    ("StandardWebhooksWebhooks", "StandardwebhooksWebhooks"),
    ("StandardWebhooksV1aWebhooks", "Standardwebhooksv1aWebhooks"),
    ("StripeWebhooks", "StripeWebhooks"),
    ("SvixWebhooks", "SvixWebhooks"),
]
package.targets += cookbook.map { entry in
    .target(
        name: entry.target, dependencies: ["HookSchemaRuntime"], path: "Examples/Cookbook/Generated/\(entry.folder)")
}
package.targets.append(
    .testTarget(
        name: "CookbookTests",
        dependencies: ["HookSchemaRuntime", "HookSchemaValidation", "HookSchemaSignatures"]
            + cookbook.map { .target(name: $0.target) }
    )
)

