import Foundation
import PackagePlugin

/// The build-tool plugin: generates Swift models from the YAML schemas in the target's own folder at every build
/// that needs it.
///
/// Every output is declared up front from the schema files' names (`GeneratedLayout`), so adding, editing or
/// deleting a YAML file takes effect on the next build; the `hookschema-generate` executable (the `hookschema
/// generate` command alone, which builds without swift-crypto) is an input too, so a new generator regenerates. It
/// rewrites a file only when its bytes change, so a build after an edit recompiles only what changed. Schema errors
/// fail the build as `file:line:column: error:` lines naming the YAML file.
@main
struct HookSchemaPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        guard let target = target as? SwiftSourceModuleTarget else {
            throw PluginFailure("HookSchemaPlugin applies to Swift targets; `\(target.name)` is not one")
        }
        guard
            let inputs = try SchemaInputs(
                targetDirectory: target.directoryURL,
                files: target.sourceFiles.map(\.url)
            )
        else {
            Diagnostics.warning(
                "HookSchemaPlugin: no schema files (<provider>/provider.yaml and <provider>/<event>.yaml) in "
                    + target.directoryURL.path
            )
            return []
        }
        let tool = try context.tool(named: "hookschema-generate")
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("GeneratedSources", isDirectory: true)
        return [
            .buildCommand(
                displayName: "Generating webhook models for \(target.name) with hookschema",
                executable: tool.url,
                arguments: inputs.generateArguments(output: output),
                environment: [:],
                inputFiles: inputs.inputFiles(tool: tool.url),
                outputFiles: inputs.outputFiles(in: output)
            )
        ]
    }
}
