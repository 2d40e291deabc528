import HookSchemaModel

extension SwiftGenerator {
    /// Schema files that would write the same generated file (`order.created.yaml` and `order_created.yaml` both
    /// make `Acme+OrderCreated.swift`; provider folders `acme-pay` and `acme_pay` both make `AcmePayWebhooks/`),
    /// as errors at the first line of each file after the first. Empty when the layout is unambiguous; check
    /// before writing, since such files would overwrite each other.
    public static func layoutDiagnostics(_ set: SchemaSet) -> [Diagnostic] {
        var paths: [String] = []
        for provider in set.providers {
            paths.append(provider.types.first?.source ?? "\(provider.name)/provider.yaml")
            paths += provider.events.map(\.source)
        }
        var diagnostics: [Diagnostic] = []
        for group in GeneratedLayout.conflicts(in: paths) {
            guard let first = group.first else { continue }
            for path in group.dropFirst() {
                let output =
                    GeneratedLayout.eventFile(ofSchemaFile: path)
                    ?? GeneratedLayout.directory(ofProvider: String(path.prefix { $0 != "/" }))
                diagnostics.append(
                    .error(
                        "`\(path)` and `\(first)` would both generate `\(output)` (generated file names come from "
                            + "schema file and folder names); rename one",
                        at: SourceLocation(file: path, line: 1, column: 1)
                    )
                )
            }
        }
        return diagnostics
    }

    /// A file that declares nothing: the place of a schema file the options leave out, so that the set of files
    /// never depends on the options.
    static func placeholder(at path: String, source: String, reason: String) -> GeneratedFile {
        var printer = CodePrinter()
        printer.print(GeneratedFile.headerPrefix + source + ". Do not edit.")
        printer.blank()
        printer.print("// Nothing to generate: \(reason).")
        return GeneratedFile(relativePath: path, contents: printer.text)
    }

    /// Placeholders for every file of a provider the options leave out.
    static func placeholders(for provider: Provider, reason: String) -> [GeneratedFile] {
        let typesSource = provider.types.first?.source ?? "\(provider.name)/provider.yaml"
        var files = [
            placeholder(
                at: GeneratedLayout.eventUnionFile(ofProvider: provider.name), source: "\(provider.name)/*.yaml",
                reason: reason
            ),
            placeholder(at: GeneratedLayout.typesFile(ofProvider: provider.name), source: typesSource, reason: reason),
        ]
        for event in provider.events {
            if let path = GeneratedLayout.eventFile(ofSchemaFile: event.source) {
                files.append(placeholder(at: path, source: event.source, reason: reason))
            }
        }
        return files
    }

    /// A generated file: the header naming its schema file, the imports, then `body`.
    static func file(
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

    static func usesDate(_ declaration: TypeDeclaration) -> Bool {
        switch declaration {
        case .structure(let structure):
            return structure.properties.contains(where: \.isDate) || structure.nested.contains(where: usesDate)
        case .alias(let alias):
            return alias.companions.contains(where: usesDate)
        case .untaggedUnion(let union):
            return union.nested.contains(where: usesDate)
        case .enumeration, .union:
            return false
        }
    }
}
