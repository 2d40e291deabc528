import Foundation
import HookSchemaModel

/// The Swift renderer: schema model in, Swift files out. Pure (no file I/O), deterministic (same input,
/// byte-identical output, independent of file order or locale).
///
/// The files follow `GeneratedLayout`, which depends on the schema files' paths only (so that the build plugin can
/// declare them before the generator runs): per provider folder `acme`, in `AcmeWebhooks/`, one file per event
/// file (`Acme+OrderCreated.swift`), one with every named type of provider.yaml (`AcmeTypes.swift`) and one with
/// the provider enum and, with `embedSchema`, the embedded schema model (`AcmeEvent.swift`). Every schema file gets
/// its file whatever the options: a provider or event the options leave out gets a file that says so and
/// declares nothing.
public enum SwiftGenerator {
    public static func generate(_ set: SchemaSet, options: GeneratorOptions) -> [GeneratedFile] {
        var files: [GeneratedFile] = []
        for provider in set.providers {
            if options.providers?.contains(provider.name) ?? true {
                files += generate(provider, options: options)
            } else {
                files += placeholders(for: provider, reason: "the provider `\(provider.name)` is not selected")
            }
        }
        return files.sorted { $0.relativePath.utf8.lexicographicallyPrecedes($1.relativePath.utf8) }
    }

    /// The folder of a provider's files (`ExtendWebhooks`), from its folder name as `GeneratedLayout` has it.
    public static func directory(of provider: Provider) -> String {
        GeneratedLayout.directory(ofProvider: provider.name)
    }

    static func generate(_ provider: Provider, options: GeneratorOptions) -> [GeneratedFile] {
        let selected = selection(of: provider, options: options)
        let translator = SchemaTranslator(provider: selected, options: options)
        let renderer = DeclarationRenderer(options: options)
        var files: [GeneratedFile] = []

        let declarations = selected.types.map(translator.declaration(of:))
        let typesSource = provider.types.first?.source ?? "\(provider.name)/provider.yaml"
        let typesPath = GeneratedLayout.typesFile(ofProvider: provider.name)
        if declarations.isEmpty {
            let reason = provider.types.isEmpty
                ? "\(typesSource) declares no named types"
                : "no named type of \(typesSource) is used by the selected events"
            files.append(placeholder(at: typesPath, source: typesSource, reason: reason))
        } else {
            files.append(
                file(
                    at: typesPath, source: typesSource, options: options,
                    usesDate: declarations.contains(where: usesDate)
                ) { printer in
                    for declaration in declarations {
                        printer.blank()
                        renderer.render(declaration, into: &printer)
                    }
                }
            )
        }

        // Each event's file is rendered, and each selected event encoded for the embedded schema, on every core in
        // one batch (they are independent; a batch started inside another would run on one core); the results are
        // used in event order, so the output does not depend on scheduling.
        enum Job: Sendable {
            case render(Event)
            case encode(Event)
        }
        enum Output {
            case rendered((file: GeneratedFile, typeName: String)?)
            case json([UInt8])
        }
        let jobs = provider.events.map(Job.render) + (options.embedSchema ? selected.events.map(Job.encode) : [])
        let outputs = jobs.concurrentMap { job -> Output in
            switch job {
            case .render(let event):
                return .rendered(
                    renderEvent(event, selected: selected, translator: translator, renderer: renderer, options: options)
                )
            case .encode(let event):
                return .json(encode(event))
            }
        }
        let rendered = outputs.prefix(provider.events.count).map { output -> (file: GeneratedFile, typeName: String)? in
            if case .rendered(let result) = output { return result }
            return nil
        }
        let encodedEvents = outputs.dropFirst(provider.events.count).map { output -> [UInt8] in
            if case .json(let bytes) = output { return bytes }
            return []
        }
        for result in rendered {
            if let result { files.append(result.file) }
        }
        let cases = eventCases(of: provider, selected: selected, translator: translator)

        let unionName = translator.unionName
        let providerSource = "\(provider.name)/*.yaml"
        let decodedBy: String
        if let header = provider.eventHeader {
            decodedBy = "the `\(header)` header" + (provider.variantMember.map { " and the body's `\($0)`" } ?? "")
        } else {
            decodedBy = "the value of `\(provider.discriminator)`"
        }
        let unionDocumentation = Documentation(
            description: provider.description,
            notes: [
                "Every event of \(provider.swiftName), decoded by \(decodedBy); an event type the schemas do not "
                    + "describe decodes to `unknown`, keeping its body."
            ],
            source: providerSource
        )
        let unionPath = GeneratedLayout.eventUnionFile(ofProvider: provider.name)
        files.append(
            file(at: unionPath, source: providerSource, options: options, usesDate: false) { printer in
                renderer.renderEventUnion(
                    name: unionName, provider: selected, cases: cases, documentation: unionDocumentation,
                    into: &printer
                )
                if options.embedSchema {
                    printer.blank()
                    renderer.renderEmbeddedSchema(
                        unionName: unionName, json: embeddedJSON(selected, encodedEvents: encodedEvents), into: &printer
                    )
                }
            }
        )
        return files
    }

    /// The provider enum's cases: one per selected event that has a file in the layout, in event order.
    static func eventCases(of provider: Provider, selected: Provider, translator: SchemaTranslator) -> [EventCase] {
        var cases: [EventCase] = []
        var usedCaseNames: Set<String> = ["unknown"]
        for event in provider.events {
            guard GeneratedLayout.eventFile(ofSchemaFile: event.source) != nil,
                selected.event(ofType: event.type) != nil
            else { continue }
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
                    caseName: caseName, eventType: event.type, selector: event.selectorValue, variant: event.variant,
                    typeName: translator.typeName(of: event),
                    documentation: Documentation(description: "`\(event.type)`", deprecated: event.deprecated)
                )
            )
        }
        return cases
    }

    /// An event's file and its struct's name; nil for an event file outside the layout.
    private static func renderEvent(
        _ event: Event, selected: Provider, translator: SchemaTranslator, renderer: DeclarationRenderer,
        options: GeneratorOptions
    ) -> (file: GeneratedFile, typeName: String)? {
        guard let path = GeneratedLayout.eventFile(ofSchemaFile: event.source) else { return nil }
        guard selected.event(ofType: event.type) != nil else {
            let reason = "the event `\(event.type)` is not selected"
            return (placeholder(at: path, source: event.source, reason: reason), "")
        }
        let declaration = translator.declaration(of: event)
        let rendered = file(
            at: path, source: event.source, options: options, usesDate: usesDate(.structure(declaration))
        ) { printer in
            renderer.renderStruct(declaration, into: &printer)
        }
        return (rendered, declaration.name)
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
        case .untaggedUnion(let rules): return rules.members.flatMap { references(in: $0.schema) }
        case .string, .integer, .number, .boolean, .enumeration, .any: return []
        }
    }

    /// The provider model as compact JSON with sorted keys: byte-identical for the same model.
    ///
    /// `encodedEvents` are the provider's events, each encoded alone (`encode(_:)`, on every core): they go in place
    /// of the empty `"events":[]` of the provider encoded without them, which gives the same bytes as encoding the
    /// whole provider at once (compact output writes an array element the same wherever it stands) in a fraction
    /// of the time at a thousand events. Inside a JSON string every quote is escaped, so `"events":[]` can only be
    /// the provider's own member.
    static func embeddedJSON(_ provider: Provider, encodedEvents: [[UInt8]]) -> String {
        var shell = provider
        shell.events = []
        let placeholder = Array(#""events":[]"#.utf8)
        var text = encode(shell)
        guard encodedEvents.count == provider.events.count, !provider.events.isEmpty,
            let range = text.firstRange(of: placeholder),
            text[range.upperBound...].firstRange(of: placeholder) == nil
        else { return String(decoding: encode(provider), as: UTF8.self) }
        var array = Array(#""events":["#.utf8)
        array.reserveCapacity(encodedEvents.reduce(array.count + 1) { $0 + $1.count + 1 })
        for (index, event) in encodedEvents.enumerated() {
            if index > 0 { array.append(UInt8(ascii: ",")) }
            array += event
        }
        array.append(UInt8(ascii: "]"))
        text.replaceSubrange(range, with: array)
        return String(decoding: text, as: UTF8.self)
    }

    /// One value as compact JSON with sorted keys (non-finite numbers as strings).
    static func encode(_ value: some Encodable) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN"
        )
        // Every model type is plain Codable data and non-finite numbers are written as strings, so encoding
        // cannot fail; an empty object would make the mismatch visible at run time rather than crash here.
        guard let data = try? encoder.encode(value) else { return Array("{}".utf8) }
        return [UInt8](data)
    }
}
