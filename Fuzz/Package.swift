// swift-tools-version:5.3
// libFuzzer targets for hookschema, built and run by Scripts/fuzz.sh:
//
//   swift build --package-path Fuzz --scratch-path .build-fuzz -c debug \
//       -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library
//
// A package of its own, so the main package's `swift build` never sees targets whose `main` libFuzzer provides.
// Tools version 5.3 on purpose (as swift-protobuf's FuzzTesting does): each target's main.swift holds only the
// `@_cdecl("LLVMFuzzerTestOneInput")` function, and SwiftPM 5.3 semantics link it as is, without renaming `main`;
// `.package(name:path:)` names the main package whatever its folder is called.
import PackageDescription

let package = Package(
    name: "HookSchemaFuzz",
    dependencies: [.package(name: "hookschema", path: "..")],
    targets: [
        // The JSON scanner and the validator on arbitrary bytes.
        .target(
            name: "FuzzValidator",
            dependencies: [
                .product(name: "HookSchemaValidation", package: "hookschema"),
                .product(name: "HookSchemaRuntime", package: "hookschema"),
                .product(name: "ExtendWebhooks", package: "hookschema"),
                .product(name: "PlexteraWebhooks", package: "hookschema"),
            ]
        ),
        // The YAML schema loader on arbitrary text.
        .target(
            name: "FuzzSchemaLoader",
            dependencies: [.product(name: "HookSchemaLoader", package: "hookschema")]
        ),
        // Signature headers (and secrets) of every declared scheme format.
        .target(
            name: "FuzzSignatureHeaders",
            dependencies: [.product(name: "HookSchemaSignatures", package: "hookschema")]
        ),
    ]
)
