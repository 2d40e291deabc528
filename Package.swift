// swift-tools-version:6.1
import PackageDescription

// The pipeline, as modules:
//
//   Schemas/**/*.yaml ─HookSchemaLoader─▶ HookSchemaModel ─┬─HookSchemaGenerator─▶ Swift (Generated/, plugin output)
//                                                          ├─HookSchemaValidation─▶ drift report for one payload
//                                                          └─(export)───────────▶ JSON Schema
//
// Runtime side (what an app links; no Yams, no generator, no CLI): HookSchemaModel, HookSchemaRuntime,
// HookSchemaValidation, and the generated ExtendWebhooks / PlexteraWebhooks.
// Build side: HookSchemaLoader (Yams), HookSchemaGenerator, the `hookschema` executable (argument parser).

let package = Package(
    name: "hookschema",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "hookschema", targets: ["hookschema"]),
        .library(name: "HookSchemaRuntime", targets: ["HookSchemaRuntime"]),
        .library(name: "HookSchemaValidation", targets: ["HookSchemaValidation"]),
        .library(name: "HookSchemaSignatures", targets: ["HookSchemaSignatures"]),
        .library(name: "HookSchemaLoader", targets: ["HookSchemaLoader"]),
        .library(name: "HookSchemaGenerator", targets: ["HookSchemaGenerator"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", exact: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", exact: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", exact: "3.12.3"),
    ],
    targets: [
        // MARK: Runtime side

        .target(name: "HookSchemaModel"),
        .target(name: "HookSchemaRuntime", dependencies: ["HookSchemaModel"]),
        .target(name: "HookSchemaValidation", dependencies: ["HookSchemaModel", "HookSchemaRuntime"]),
        .target(
            name: "HookSchemaSignatures",
            dependencies: ["HookSchemaModel", .product(name: "Crypto", package: "swift-crypto")]
        ),

        // MARK: Build side

        .target(
            name: "HookSchemaLoader",
            dependencies: ["HookSchemaModel", .product(name: "Yams", package: "Yams")]
        ),
        .target(name: "HookSchemaGenerator", dependencies: ["HookSchemaModel"]),
        .executableTarget(
            name: "hookschema",
            dependencies: [
                "HookSchemaModel",
                "HookSchemaLoader",
                "HookSchemaGenerator",
                "HookSchemaValidation",
                "HookSchemaSignatures",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        .executableTarget(
            name: "hookschema-bench",
            dependencies: ["HookSchemaValidation", "HookSchemaLoader", "HookSchemaModel"]
        ),

        // MARK: Tests

        .testTarget(name: "HookSchemaModelTests", dependencies: ["HookSchemaModel"]),
        .testTarget(name: "HookSchemaCLITests", dependencies: ["hookschema"]),
        .testTarget(name: "HookSchemaLoaderTests", dependencies: ["HookSchemaLoader", "HookSchemaModel"]),
        .testTarget(name: "HookSchemaRuntimeTests", dependencies: ["HookSchemaRuntime"]),
        .testTarget(name: "HookSchemaSignaturesTests", dependencies: ["HookSchemaSignatures", "HookSchemaLoader"]),
        .testTarget(
            name: "HookSchemaValidationTests",
            dependencies: ["HookSchemaValidation", "HookSchemaModel", "HookSchemaRuntime", "HookSchemaLoader"],
            exclude: ["Golden"]
        ),
    ]
)
