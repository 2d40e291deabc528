import Foundation
import HookSchemaModel

/// The Swift renderer: schema model in, Swift files out. Pure (no file I/O), deterministic (same input,
/// byte-identical output, independent of file order or locale).
///
/// Per provider, in `<SwiftName>Webhooks/`: one file per event struct and per named type, one for the provider
/// enum (`ExtendEvent.swift`) and, with `embedSchema`, one holding the embedded schema model
/// (`ExtendEvent+Schema.swift`). Small files keep incremental builds and type-checking fast at 1,000 events.
public enum SwiftGenerator {
    public static func generate(_ set: SchemaSet, options: GeneratorOptions) -> [GeneratedFile] {
        var files: [GeneratedFile] = []
        for provider in set.providers where options.providers?.contains(provider.name) ?? true {
            files += generate(provider, options: options)
        }
        return files.sorted { $0.relativePath.utf8.lexicographicallyPrecedes($1.relativePath.utf8) }
    }

    /// The folder of a provider's files (`ExtendWebhooks`).
    public static func directory(of provider: Provider) -> String {
        provider.swiftName + "Webhooks"
    }

    static func generate(_ provider: Provider, options: GeneratorOptions) -> [GeneratedFile] {
        let selected = selection(of: provider, options: options)
        guard !selected.events.isEmpty || options.events == nil else { return [] }
        let translator = SchemaTranslator(provider: selected, options: options)
        let renderer = DeclarationRenderer(options: options)
        let directory = directory(of: provider)
        var files: [GeneratedFile] = []

        for namedType in selected.types {
            let declaration = translator.declaration(of: namedType)
            files.append(
                file(
                    at: "\(directory)/\(declaration.name).swift", source: namedType.source, options: options,
                    usesDate: usesDate(declaration)
                ) { printer in
                    renderer.render(declaration, into: &printer)
                }
            )
        }
        var cases: [EventCase] = []
        var usedCaseNames: Set<String> = ["unknown"]
        for event in selected.events {
            let declaration = translator.declaration(of: event)
            files.append(
                file(
                    at: "\(directory)/\(declaration.name).swift", source: event.source, options: options,
                    usesDate: usesDate(.structure(declaration))
                ) { printer in
                    renderer.renderStruct(declaration, into: &printer)
                }
            )
            var caseName = SwiftNaming.memberName(
                event.swiftName.hasSuffix("Event") && event.swiftName != "Event"
                    ? String(event.swiftName.dropLast(5)) : event.swiftName
            )
            var counter = 2
            let base = caseName
            while !usedCaseNames.insert(caseName).inserted {
                caseName = base + String(counter)
                counter += 1
            }
            cases.append(
                EventCase(
                    caseName: caseName, eventType: event.type, typeName: declaration.name,
                    documentation: Documentation(description: "`\(event.type)`", deprecated: event.deprecated)
                )
            )
        }

        let unionName = translator.unionName
        let providerSource = "\(provider.name)/*.yaml"
        let unionDocumentation = Documentation(
            description: provider.description,
            notes: [
                "Every event of \(provider.swiftName), decoded by the value of `\(provider.discriminator)`; an event "
                    + "type the schemas do not describe decodes to `unknown`, keeping its body."
            ],
            source: providerSource
        )
        files.append(
            file(at: "\(directory)/\(unionName).swift", source: providerSource, options: options, usesDate: false) {
                printer in
                renderer.renderEventUnion(
                    name: unionName, provider: selected, cases: cases, documentation: unionDocumentation,
                    into: &printer
                )
            }
        )
        if options.embedSchema {
            let json = embeddedJSON(selected)
            files.append(
                file(
                    at: "\(directory)/\(unionName)+Schema.swift", source: providerSource, options: options,
                    usesDate: false
                ) { printer in
                    renderer.renderEmbeddedSchema(unionName: unionName, json: json, into: &printer)
                }
            )
        }
        return files
    }

    /// The provider restricted to the selected events and the named types they use (directly or through other
    /// named types).
    static func selection(of provider: Provider, options: GeneratorOptions) -> Provider {
        guard let eventFilter = options.events else { return provider }
        var selected = provider
        selected.events = provider.events.filter { eventFilter.contains($0.type) }
        var reachable: Set<String> = []
        var pending: [Schema] = selected.events.map(\.body)
        while let schema = pending.popLast() {
            for name in references(in: schema) where reachable.insert(name).inserted {
                if let target = provider.type(named: name) {
                    pending.append(target.schema)
                }
            }
        }
        selected.types = provider.types.filter { reachable.contains($0.name) }
        return selected
    }

    /// The named types a schema refers to, directly.
    static func references(in schema: Schema) -> [String] {
        switch schema.kind {
        case .ref(let name): return [name]
        case .object(let rules): return rules.fields.flatMap { references(in: $0.schema) }
        case .array(let rules): return references(in: rules.items)
        case .map(let rules): return references(in: rules.values)
        case .union(let rules): return rules.mapping.map(\.type)
        case .string, .integer, .number, .boolean, .enumeration, .any: return []
        }
    }

    /// The provider model as compact JSON with sorted keys: byte-identical for the same model.
    static func embeddedJSON(_ provider: Provider) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN"
        )
        // Every model type is plain Codable data and non-finite numbers are written as strings, so encoding
        // cannot fail; an empty object would make the mismatch visible at run time rather than crash here.
        guard let data = try? encoder.encode(provider) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    private static func file(
        at path: String,
        source: String,
        options: GeneratorOptions,
        usesDate: Bool,
        _ body: (inout CodePrinter) -> Void
    ) -> GeneratedFile {
        var printer = CodePrinter()
        printer.print(GeneratedFile.headerPrefix + source + ". Do not edit.")
        printer.blank()
        var imports = usesDate ? ["Foundation", "HookSchemaRuntime"] : ["HookSchemaRuntime"]
        for module in options.extraImports where !imports.contains(module) {
            imports.append(module)
        }
        for module in imports {
            printer.print("import \(module)")
        }
        printer.blank()
        body(&printer)
        return GeneratedFile(relativePath: path, contents: printer.text)
    }

    private static func usesDate(_ declaration: TypeDeclaration) -> Bool {
        switch declaration {
        case .structure(let structure):
            return structure.properties.contains(where: \.isDate) || structure.nested.contains(where: usesDate)
        case .alias(let alias):
            return alias.companions.contains(where: usesDate)
        case .enumeration, .union:
            return false
        }
    }
}
