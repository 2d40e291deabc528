import Foundation
import PackagePlugin

/// The command plugin: writes the same files as the build plugin into the package, for teams that commit
/// generated code.
///
/// ```
/// swift package --allow-writing-to-package-directory generate-webhook-code [--target <name>]...
/// swift package --allow-writing-to-package-directory generate-webhook-code --schemas <dir> --output <dir>
/// ```
///
/// The first form generates, for each target whose folder holds schema files (all of them, or those named), into
/// `<target folder>/GeneratedSources/`, with the target's `hookschema-config.yaml`: byte for byte what the build
/// plugin generates for that target. The second form generates from a schemas folder anywhere in the package
/// (`--config <file>` optional), as this package does for its own `Generated/`.
@main
struct GenerateWebhookCode: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        var extractor = ArgumentExtractor(arguments)
        let targetNames = extractor.extractOption(named: "target")
        let schemas = extractor.extractOption(named: "schemas")
        let outputs = extractor.extractOption(named: "output")
        let configs = extractor.extractOption(named: "config")
        guard extractor.remainingArguments.isEmpty else {
            throw PluginFailure(
                "unexpected arguments: \(extractor.remainingArguments.joined(separator: " ")); use --target <name>, "
                    + "or --schemas <dir> --output <dir> [--config <file>]"
            )
        }
        let tool = try context.tool(named: "hookschema-generate").url
        let package = context.package.directoryURL

        if !schemas.isEmpty || !outputs.isEmpty || !configs.isEmpty {
            guard targetNames.isEmpty, schemas.count == 1, outputs.count == 1, configs.count <= 1 else {
                throw PluginFailure("use --schemas <dir> --output <dir> [--config <file>] once each, without --target")
            }
            var generate = ["--schemas", resolve(schemas[0], in: package), "--output", resolve(outputs[0], in: package)]
            if let config = configs.first {
                generate += ["--config", resolve(config, in: package)]
            }
            try run(tool, generate, what: schemas[0])
            return
        }

        let targets = try targetNames.isEmpty ? context.package.targets : context.package.targets(named: targetNames)
        var generated = 0
        for target in targets {
            guard let target = target as? SwiftSourceModuleTarget,
                let inputs = try SchemaInputs(
                    targetDirectory: target.directoryURL, files: target.sourceFiles.map(\.url)
                )
            else {
                if targetNames.contains(target.name) {
                    throw PluginFailure("target `\(target.name)` has no schema files in \(target.directoryURL.path)")
                }
                continue
            }
            let output = target.directoryURL.appendingPathComponent("GeneratedSources", isDirectory: true)
            try run(tool, inputs.generateArguments(output: output), what: "target \(target.name)")
            generated += 1
        }
        guard generated > 0 else {
            throw PluginFailure("no target of this package holds schema files (<provider>/provider.yaml)")
        }
    }

    /// Runs `hookschema-generate` with its output passed through; throws when it fails.
    private func run(_ tool: URL, _ arguments: [String], what: String) throws {
        let process = Process()
        process.executableURL = tool
        process.arguments = arguments
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw PluginFailure("hookschema-generate failed for \(what) (exit status \(process.terminationStatus))")
        }
    }

    /// An absolute path: `path` itself, or relative to the package's folder.
    private func resolve(_ path: String, in package: URL) -> String {
        path.hasPrefix("/") ? path : package.appendingPathComponent(path).standardizedFileURL.path
    }
}
