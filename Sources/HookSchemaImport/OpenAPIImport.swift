import Foundation
import HookSchemaModel
import OpenAPIKit
import OpenAPIKit30
import Yams

/// `hookschema import openapi`: a provider's OpenAPI document (3.0 with `x-webhooks`, or 3.1 with `webhooks`), one
/// event per webhook.
///
/// The document is decoded with OpenAPIKit first, so an invalid document is rejected with OpenAPIKit's reason and
/// coding path, as any OpenAPI tool would; the schemas are then read from the document's own JSON or YAML by the
/// one translator that also reads JSON Schema files (`SchemaImporter`), which sees every keyword as written
/// (OpenAPIKit's schema model has no place for `if`/`then`, `patternProperties` and other constructs the import must
/// report, never drop).
public enum OpenAPIImport {
    public static func run(path: String, displayPath: String, options: ImportOptions) throws -> ImportedProvider {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ImportError("\(displayPath): error: cannot read the file")
        }
        let text = String(decoding: data, as: UTF8.self)
        let document: SourceDocument
        do {
            document = try SourceDocument.parse(text, path: displayPath)
        } catch {
            throw ImportError("\(error)")
        }
        let version = document.root["openapi"]?.string ?? ""
        try validate(data: data, text: text, version: version, displayPath: displayPath)

        let importer = SchemaImporter()
        importer.add(document)
        let (webhooks, pointer) = try Self.webhooks(document, displayPath: displayPath, version: version)
        importer.reserve(webhooks.map { SwiftNaming.typeName($0.key) + "Event" })
        var found: [FoundEvent] = []
        for (key, item) in webhooks {
            let itemPlace = SourcePlace(file: displayPath, pointer: JSONPointer.appending(key, to: pointer))
            guard let (body, place, description) = requestBody(of: item, at: itemPlace, importer: importer) else {
                importer.warn(itemPlace, "a webhook without a JSON request body schema; not imported")
                continue
            }
            let schema: Schema
            if let reference = body["$ref"]?.string, let target = importer.target(of: reference, from: place) {
                // The body's own schema, read as the event's members (not also a named type, unless it is used
                // elsewhere).
                schema = importer.translate(target.node, at: target.place)
                found.append(
                    FoundEvent(
                        key: key, body: schema, description: description ?? target.node["description"]?.string,
                        source: target.place))
            } else {
                schema = importer.translate(body, at: place)
                found.append(FoundEvent(key: key, body: schema, description: description, source: place))
            }
        }
        guard !found.isEmpty else {
            throw ImportError("\(displayPath): error: the document describes no webhooks (`webhooks` or `x-webhooks`)")
        }
        return try ProviderAssembly.provider(
            found, importer: importer, options: options, description: document.root["info"]?["title"]?.string,
            source: displayPath)
    }

    /// OpenAPIKit decodes the document (3.0 or 3.1): an invalid document is an error with its reason and path.
    private static func validate(data: Data, text: String, version: String, displayPath: String) throws {
        let isJSON = text.drop(while: { $0.isWhitespace }).first == "{"
        func decode<Document: Decodable>(_ type: Document.Type) throws {
            if isJSON {
                _ = try JSONDecoder().decode(Document.self, from: data)
            } else {
                _ = try YAMLDecoder().decode(Document.self, from: text)
            }
        }
        do {
            if version.hasPrefix("3.0") {
                try decode(OpenAPIKit30.OpenAPI.Document.self)
            } else if version.hasPrefix("3.1") || version.hasPrefix("3.2") {
                try decode(OpenAPIKit.OpenAPI.Document.self)
            } else {
                throw ImportError("\(displayPath): error: `openapi: \(version)` is not an OpenAPI 3.0 or 3.1 document")
            }
        } catch let error as ImportError {
            throw error
        } catch {
            let reason = version.hasPrefix("3.0")
                ? OpenAPIKit30.OpenAPI.Error(from: error).localizedDescription
                : OpenAPIKit.OpenAPI.Error(from: error).localizedDescription
            throw ImportError("\(displayPath): error: not a valid OpenAPI \(version) document: \(reason)")
        }
    }

    /// `webhooks` (3.1) or `x-webhooks` (3.0, and some 3.1 documents beside `webhooks`), with their pointer.
    private static func webhooks(_ document: SourceDocument, displayPath: String, version: String) throws
        -> ([(key: String, value: SourceNode)], String)
    {
        if let webhooks = document.root["webhooks"], !webhooks.members.isEmpty {
            return (webhooks.members, "/webhooks")
        }
        if let webhooks = document.root["x-webhooks"], !webhooks.members.isEmpty {
            return (webhooks.members, "/x-webhooks")
        }
        throw ImportError("\(displayPath): error: the document has no `webhooks` (or `x-webhooks`) to import")
    }

    /// The JSON schema of a webhook's request body (its `POST`, or its one operation), `$ref`s to path items and
    /// request bodies followed.
    private static func requestBody(of item: SourceNode, at place: SourcePlace, importer: SchemaImporter)
        -> (schema: SourceNode, place: SourcePlace, description: String?)?
    {
        var item = item
        var place = place
        if let reference = item["$ref"]?.string, let target = importer.target(of: reference, from: place) {
            item = target.node
            place = target.place
        }
        let methods = ["post", "put", "patch", "get", "delete"]
        guard let method = methods.first(where: { item[$0] != nil }), let operation = item[method] else { return nil }
        var bodyPlace = place.appending(method, "requestBody")
        guard var body = operation["requestBody"] else { return nil }
        if let reference = body["$ref"]?.string, let target = importer.target(of: reference, from: bodyPlace) {
            body = target.node
            bodyPlace = target.place
        }
        guard let content = body["content"] else { return nil }
        let type = content.members.first { $0.key == "application/json" }
            ?? content.members.first { $0.key.contains("json") }
        guard let type, let schema = type.value["schema"] else { return nil }
        let description = operation["description"]?.string ?? operation["summary"]?.string
        return (schema, bodyPlace.appending("content", type.key, "schema"), description)
    }
}

extension ProviderAssembly {
    /// The provider of events whose bodies name them by a member (OpenAPI webhooks, flat JSON Schema files).
    static func provider(
        _ found: [FoundEvent], importer: SchemaImporter, options: ImportOptions, description: String?, source: String
    ) throws -> ImportedProvider {
        var member: String
        var variantNaming: ImportedProvider.Naming? = nil
        if case .header(let header, let variant)? = options.existingNaming {
            variantNaming = .header(header, variant: variant)
            member = ""
        } else if let given = options.discriminator {
            member = given
        } else if case .member(let existing)? = options.existingNaming {
            member = existing
        } else if let detected = discriminator(of: found, importer: importer) {
            member = detected
        } else {
            throw ImportError(
                "\(source): error: no body member has a different constant value in every event, so the member that "
                    + "names the event cannot be found; name it with --discriminator MEMBER")
        }
        var events: [ImportedProvider.ImportedEvent] = []
        for event in found {
            let body = ProviderAssembly.object(of: event.body, importer: importer, at: event.source)
            var fields = body.fields
            var name = event.key
            if variantNaming == nil {
                // The discriminator's value is the event's name on the wire; a member with several values (one
                // schema for several events, as Adyen's) takes the webhook's key.
                if let value = constant(member, in: fields, importer: importer) {
                    name = value
                } else if !fields.contains(where: { $0.name == member }) {
                    importer.warn(event.source, "the body has no member `\(member)`; it is added as the discriminator")
                }
                fields.removeAll { $0.name == member }
            }
            fields.removeAll { options.existingEnvelopeFields.contains($0.name) }
            events.append(
                ImportedProvider.ImportedEvent(
                    name: name, variant: nil, description: event.description ?? event.body.description,
                    fields: fields, choices: ProviderAssembly.choices(body.choices, keeping: fields),
                    source: event.source))
        }
        let envelope =
            variantNaming == nil ? [Field(name: member, schema: Schema(.string(StringRules())), required: true)] : []
        return finish(
            name: options.provider, description: description, naming: variantNaming ?? .member(member),
            envelope: envelope, events: events, importer: importer)
    }

    static func finish(
        name: String, description: String?, naming: ImportedProvider.Naming, envelope: [Field],
        events: [ImportedProvider.ImportedEvent], importer: SchemaImporter
    ) -> ImportedProvider {
        var seen: Set<String> = []
        var unique: [ImportedProvider.ImportedEvent] = []
        for event in events.sorted(by: { $0.type < $1.type }) {
            guard seen.insert(event.type).inserted else {
                importer.warn(event.source, "a second schema for the event `\(event.type)`; the first one is kept")
                continue
            }
            unique.append(event)
        }
        let types = importer.types.keys.sorted().map { key in
            NamedType(name: key, schema: importer.types[key]?.schema ?? Schema(.any), source: "\(name)/provider.yaml")
        }
        return ImportedProvider(
            name: name, description: description, naming: naming, envelopeFields: envelope, types: types,
            events: unique, warnings: importer.warnings,
            typeSources: importer.types.mapValues(\.place))
    }
}
