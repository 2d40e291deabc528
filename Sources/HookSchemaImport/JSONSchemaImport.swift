import Foundation
import HookSchemaModel

/// `hookschema import jsonschema`: a provider's JSON Schema files (drafts 07 and 2020-12). A folder laid out as
/// `<event>/<variant>.schema.json` (GitHub's octokit/webhooks) is one event per folder, its files the variants of
/// that event, told apart by a body member that is a different constant in each (`action`); a file directly in
/// the folder is one event. Files that other files `$ref` (GitHub's `common/`) are shared types, not events. `$ref`s
/// resolve against each file's `$id` (or its path).
public enum JSONSchemaImport {
    public static func run(path: String, displayPath: String, options: ImportOptions) throws -> ImportedProvider {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ImportError("\(displayPath): error: no such file or folder")
        }
        let files: [String]
        if isDirectory.boolValue {
            let enumerator = FileManager.default.enumerator(atPath: path)
            var found: [String] = []
            while let next = enumerator?.nextObject() as? String {
                if next.hasSuffix(".json") { found.append(next) }
            }
            files = found.sorted()
        } else {
            files = [URL(fileURLWithPath: path).lastPathComponent]
        }
        let root = isDirectory.boolValue ? path : URL(fileURLWithPath: path).deletingLastPathComponent().path
        let shownRoot = isDirectory.boolValue ? displayPath : URL(fileURLWithPath: displayPath).deletingLastPathComponent().path
        let documents = try files.concurrentMap { relative -> Result<SourceDocument, ImportError> in
            let shown = shownRoot.isEmpty || shownRoot == "." ? relative : "\(shownRoot)/\(relative)"
            do {
                return .success(try SourceDocument.read("\(root)/\(relative)", displayPath: shown))
            } catch {
                return .failure(ImportError("\(error)"))
            }
        }.map { try $0.get() }

        let importer = SchemaImporter()
        var relativeOf: [String: String] = [:]
        for (relative, document) in zip(files, documents) {
            importer.add(document, id: document.root["$id"]?.string ?? relative)
            relativeOf[document.path] = relative
        }
        // Files another file refers to are shared types, not events.
        var referenced: Set<String> = []
        for document in documents {
            collectReferences(document.root, from: SourcePlace(file: document.path, pointer: ""), importer: importer,
                into: &referenced)
        }
        let eventDocuments = documents.filter { !referenced.contains($0.path) }
        guard !eventDocuments.isEmpty else {
            throw ImportError("\(displayPath): error: no event schemas (every file is referenced by another)")
        }
        // `<event>/<variant>.schema.json`: the event is the folder; a lone `event.schema.json` has no variant.
        var groups: [String: [SourceDocument]] = [:]
        for document in eventDocuments {
            let parts = (relativeOf[document.path] ?? document.path).split(separator: "/")
            let key = parts.count > 1 ? parts[parts.count - 2] : Substring(Self.stem(of: String(parts.last ?? "")))
            groups[String(key), default: []].append(document)
        }
        importer.reserve(eventDocuments.map { document in
            let relative = relativeOf[document.path] ?? document.path
            return SwiftNaming.typeName(relative.split(separator: "/").map { Self.stem(of: String($0)) }
                .joined(separator: ".")) + "Event"
        })

        var found: [FoundEvent] = []
        var byGroup: [String: [FoundEvent]] = [:]
        for key in groups.keys.sorted() {
            for document in groups[key] ?? [] {
                let place = SourcePlace(file: document.path, pointer: "")
                let relative = relativeOf[document.path] ?? document.path
                let stem = Self.stem(of: String(relative.split(separator: "/").last ?? ""))
                let parts = relative.split(separator: "/")
                let event = FoundEvent(
                    key: key, variantKey: parts.count > 1 && !(groups[key]?.count == 1 && stem == "event") ? stem : nil,
                    body: importer.translate(document.root, at: place),
                    description: document.root["description"]?.string ?? document.root["title"]?.string,
                    source: place)
                found.append(event)
                byGroup[key, default: []].append(event)
            }
        }
        let hasVariants = found.contains { $0.variantKey != nil }
        if !hasVariants, case .header? = options.existingNaming {
        } else if !hasVariants {
            return try ProviderAssembly.provider(
                found, importer: importer, options: options, description: nil, source: displayPath)
        }
        return variantProvider(byGroup, importer: importer, options: options, source: displayPath)
    }

    /// Events named by a header (the folder), with variants told apart by a body member.
    private static func variantProvider(
        _ groups: [String: [FoundEvent]], importer: SchemaImporter, options: ImportOptions, source: String
    ) -> ImportedProvider {
        // The member that tells a folder's files apart, in most folders (GitHub's `action`).
        var votes: [String: Int] = [:]
        for events in groups.values where events.count > 1 {
            if let member = ProviderAssembly.discriminator(of: events, importer: importer) {
                votes[member, default: 0] += 1
            }
        }
        let detected = votes.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }?.key
        let header: String
        var variantMember = detected
        if case .header(let existing, let variant)? = options.existingNaming {
            header = existing
            variantMember = variant ?? detected
        } else {
            header = "X-Event-Type"
            importer.warn(
                SourcePlace(file: source, pointer: ""),
                "the event type of `<event>/<variant>` schemas travels outside the body: the envelope says "
                    + "`eventHeader: \(header)`; set the header your provider names events with (GitHub: "
                    + "X-GitHub-Event; the cookbook's Examples/providers/github/provider.yaml has it)")
        }
        var events: [ImportedProvider.ImportedEvent] = []
        for key in groups.keys.sorted() {
            for event in groups[key] ?? [] {
                let body = ProviderAssembly.object(of: event.body, importer: importer, at: event.source)
                var fields = body.fields
                var variant: String?
                if event.variantKey != nil, let member = variantMember {
                    variant = ProviderAssembly.constant(member, in: fields, importer: importer)
                    if variant == nil {
                        importer.warn(
                            event.source,
                            "`\(member)` is not a constant of this schema; imported as the event `\(key)` without a "
                                + "variant")
                    } else {
                        fields.removeAll { $0.name == member }
                    }
                }
                fields.removeAll { options.existingEnvelopeFields.contains($0.name) }
                events.append(
                    ImportedProvider.ImportedEvent(
                        name: key, variant: variant, description: event.description, fields: fields,
                        choices: ProviderAssembly.choices(body.choices, keeping: fields), source: event.source))
            }
        }
        return ProviderAssembly.finish(
            name: options.provider, description: nil, naming: .header(header, variant: variantMember), envelope: [],
            events: events, importer: importer)
    }

    private static func collectReferences(
        _ node: SourceNode, from place: SourcePlace, importer: SchemaImporter, into referenced: inout Set<String>
    ) {
        switch node.value {
        case .object(let members):
            for (key, value) in members {
                if key == "$ref", let reference = value.string, !reference.hasPrefix("#"),
                    let target = importer.target(of: reference, from: place)
                {
                    referenced.insert(target.place.file)
                }
                collectReferences(value, from: place, importer: importer, into: &referenced)
            }
        case .array(let items):
            for item in items {
                collectReferences(item, from: place, importer: importer, into: &referenced)
            }
        default:
            break
        }
    }

    static func stem(of name: String) -> String {
        for suffix in [".schema.json", ".json"] where name.hasSuffix(suffix) {
            return String(name.dropLast(suffix.count))
        }
        return name
    }
}
