import ArgumentParser
import Foundation
import HookSchemaGenerator
import HookSchemaLoader
import HookSchemaModel

/// `generate --config`: the options from a hookschema-config.yaml, overridden by the command line.
extension GenerateCommand {
    /// The config file's settings, or nil without `--config`. Prints its diagnostics; exits 1 when it has errors
    /// and 2 when it cannot be read.
    func loadConfig() throws -> GeneratorConfig? {
        guard let config else { return nil }
        guard let data = FileManager.default.contents(atPath: config) else {
            StandardStream.error.write("error: cannot read config file `\(config)`\n")
            throw ExitCode.usageError
        }
        guard let text = String(data: data, encoding: .utf8) else {
            StandardStream.error.write("\(config):1:1: error: the config file is not UTF-8 text\n")
            throw ExitCode.findings
        }
        let result = GeneratorConfig.parse(text, path: config)
        for diagnostic in result.diagnostics {
            StandardStream.error.write(diagnostic.description + "\n")
        }
        guard let parsed = result.config else { throw ExitCode.findings }
        return parsed
    }

    /// The config's options (or the defaults: public, embedded schema), with the command line's on top.
    func options(with config: GeneratorConfig?) -> GeneratorOptions {
        var options = GeneratorOptions()
        if let config {
            options.accessLevel = GeneratorOptions.AccessLevel(rawValue: config.accessLevel) ?? .internal
            options.typePrefix = config.typePrefix
            options.extraImports = config.imports
            options.embedSchema = config.embedSchema
            options.providers = config.providers.map(Set.init)
            options.events = config.events.map(Set.init)
        }
        if let accessLevel, let level = GeneratorOptions.AccessLevel(rawValue: accessLevel) {
            options.accessLevel = level
        }
        if let typePrefix {
            options.typePrefix = typePrefix
        }
        for module in imports where !options.extraImports.contains(module) {
            options.extraImports.append(module)
        }
        if noEmbedSchema {
            options.embedSchema = false
        }
        if !providers.isEmpty {
            options.providers = Set(providers)
        }
        if !events.isEmpty {
            options.events = Set(events)
        }
        return options
    }

    /// Paths relative to the schemas folder that are not schema files: a config file at its top (where the
    /// plugins find it, in a target's folder), and the `--config` file when it lies anywhere inside.
    func configFilesInSchemas() -> Set<String> {
        var excluded = Set(GeneratorConfig.fileNames)
        let root = URL(fileURLWithPath: schemas, isDirectory: true).resolvingSymlinksInPath().path
        if let config {
            let file = URL(fileURLWithPath: config).resolvingSymlinksInPath().path
            let prefix = root.hasSuffix("/") ? root : root + "/"
            if file.hasPrefix(prefix) {
                excluded.insert(String(file.dropFirst(prefix.count)))
            }
        }
        return excluded
    }

    /// Schema files whose generated files would collide are errors (exit 1), at the schema files.
    func checkLayout(_ schemaSet: SchemaSet) throws {
        let diagnostics = SwiftGenerator.layoutDiagnostics(schemaSet)
        guard !diagnostics.isEmpty else { return }
        let base = schemas.hasSuffix("/") ? String(schemas.dropLast()) : schemas
        for var diagnostic in diagnostics {
            if let location = diagnostic.location {
                diagnostic.location = SourceLocation(
                    file: base + "/" + location.file, line: location.line, column: location.column
                )
            }
            StandardStream.error.write(diagnostic.description + "\n")
        }
        throw ExitCode.findings
    }

    /// A provider or event filter that names nothing is an error (a typo would otherwise generate nothing): a
    /// usage error (2) on the command line, a config error (1) in the config file.
    func checkFilters(_ schemaSet: SchemaSet, options: GeneratorOptions, config generatorConfig: GeneratorConfig?)
        throws
    {
        let providerNames = Set(schemaSet.providers.map(\.name))
        let eventTypes = Set(schemaSet.providers.flatMap { $0.events.map(\.type) })
        for name in providers where !providerNames.contains(name) {
            StandardStream.error.write("error: --provider `\(name)`: no such provider in \(schemas)\n")
            throw ExitCode.usageError
        }
        for type in events where !eventTypes.contains(type) {
            StandardStream.error.write("error: --event `\(type)`: no such event type in \(schemas)\n")
            throw ExitCode.usageError
        }
        guard let generatorConfig, let config else { return }
        var problems: [Diagnostic] = []
        func problem(_ message: String, listing name: String, under key: String) {
            let location = generatorConfig.location(ofListed: name, under: key)
            problems.append(.error(message, at: location))
        }
        if providers.isEmpty {
            for name in generatorConfig.providers ?? [] where !providerNames.contains(name) {
                problem(
                    "`providers` lists `\(name)`, which is not a provider in \(schemas)"
                        + didYouMean(name, providerNames),
                    listing: name, under: "providers")
            }
        }
        if events.isEmpty {
            for type in generatorConfig.events ?? [] where !eventTypes.contains(type) {
                problem(
                    "`events` lists `\(type)`, which is not an event type in \(schemas)" + didYouMean(type, eventTypes),
                    listing: type, under: "events")
            }
        }
        guard !problems.isEmpty else { return }
        for problem in problems {
            // `file:line:column: error: …` at the listed name; without a location, the config file's name.
            StandardStream.error.write(problem.location == nil ? "\(config): \(problem)\n" : "\(problem)\n")
        }
        throw ExitCode.findings
    }

    private func didYouMean(_ word: String, _ candidates: Set<String>) -> String {
        GeneratorConfig.suggestion(for: word, among: candidates.sorted()).map { "; did you mean `\($0)`?" } ?? ""
    }
}
