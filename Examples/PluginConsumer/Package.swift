// swift-tools-version:6.1
import PackageDescription

// A consumer of hookschema's build plugin: the OrbitpayModels target holds YAML schemas for a made-up payments
// provider (Sources/OrbitpayModels/orbitpay/) and a hookschema-config.yaml; the plugin generates the Swift models
// at build time. The tests decode fixtures with the generated types and validate them with the runtime validator.
let package = Package(
    name: "PluginConsumer",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "hookschema", path: "../..")
    ],
    targets: [
        .target(
            name: "OrbitpayModels",
            dependencies: [
                .product(name: "HookSchemaRuntime", package: "hookschema"),
                .product(name: "HookSchemaValidation", package: "hookschema"),
            ],
            plugins: [.plugin(name: "HookSchemaPlugin", package: "hookschema")]
        ),
        .testTarget(
            name: "OrbitpayModelsTests",
            dependencies: [
                "OrbitpayModels",
                .product(name: "HookSchemaRuntime", package: "hookschema"),
                .product(name: "HookSchemaValidation", package: "hookschema"),
            ],
            resources: [.copy("Fixtures")]
        ),
    ]
)
