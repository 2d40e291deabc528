// swift-tools-version:6.1
import PackageDescription

// The example webhook receiver as an app would depend on hookschema: with the `Receiver` trait, which brings the
// SQLite and PostgreSQL stores and the Hummingbird route (none of which an app of models alone resolves).
//
//   cd Examples/Receiver && swift run            # Extend on http://127.0.0.1:8080/webhooks/extend, SQLite file
//   swift run ReceiverExample --provider plextera --database-url postgres://user@127.0.0.1/webhooks
//
// The sources are the root package's `hookschema-receiver` target too (its tests run that build over loopback).
let package = Package(
    name: "ReceiverExample",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "hookschema", path: "../..", traits: ["Receiver"]),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", exact: "2.28.1"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", exact: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", exact: "1.16.2"),
    ],
    targets: [
        .executableTarget(
            name: "ReceiverExample",
            dependencies: [
                .product(name: "HookSchemaReceiver", package: "hookschema"),
                .product(name: "HookSchemaReceiverSQLite", package: "hookschema"),
                .product(name: "HookSchemaReceiverPostgres", package: "hookschema"),
                .product(name: "HookSchemaReceiverHummingbird", package: "hookschema"),
                .product(name: "ExtendWebhooks", package: "hookschema"),
                .product(name: "PlexteraWebhooks", package: "hookschema"),
                .product(name: "HookSchemaRuntime", package: "hookschema"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Sources/hookschema-receiver",
            // The sources are guarded by the root package's `Hummingbird` trait; here it is always on.
            swiftSettings: [.define("Hummingbird")]
        )
    ]
)
