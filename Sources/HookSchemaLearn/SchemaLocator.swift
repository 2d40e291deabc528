import HookSchemaModel
import HookSchemaRuntime

/// Where a schema is written: the file, its YAML node, and the model's schema for it (as written there: a `$ref`
/// is still a reference).
struct SchemaPlace {
    /// The file's path relative to the schemas folder (`extend/provider.yaml`).
    var file: String
    var node: YAMLNode
    var schema: Schema
    /// Who declares it, for messages: the named type (`FileSummary`) or the event (`extract_run.processed`).
    var owner: String
}

/// The object whose members a pointer's parent names: an event's body (the envelope's fields, the event's own
/// `fields:`, its `payload:`) or an object schema.
enum ObjectPlace {
    case body
    case object(SchemaPlace)
}

/// A field's declaration: the mapping entry `name: <schema>` in a `fields:` mapping.
struct FieldDeclaration {
    var file: String
    var entry: YAMLEntry
    var field: Field
    var owner: String
}

/// Maps a JSON pointer into one delivery's body to the YAML that declares it, following the event's `fields:`
/// (or the envelope's in provider.yaml) and `payload:`, `$ref`s into provider.yaml `types:`, arrays' `items`, maps'
/// `values`, and unions (a discriminator's mapping to the member's named type; an untagged union's first member
/// whose shape the value has, as the validator chooses).
struct SchemaLocator {
    let documents: [String: YAMLDocument]
    let provider: Provider
    let event: Event

    /// Why a place could not be found.
    struct Failure: Error {
        var reason: String
    }

    /// `extend/provider.yaml` for an event in `extend/`.
    var providerFile: String { Self.providerFile(of: event) }

    /// The provider.yaml beside an event's file.
    static func providerFile(of event: Event) -> String {
        let folder = event.source.split(separator: "/").dropLast().joined(separator: "/")
        return folder.isEmpty ? "provider.yaml" : folder + "/provider.yaml"
    }

    private func root(_ file: String) throws(Failure) -> YAMLNode {
        guard let document = documents[file] else { throw Failure(reason: "the schema file \(file) is not loaded") }
        return document.root
    }

    // MARK: Walking

    /// The object the tokens name (after `$ref`s and unions), with `body` the delivery's whole body.
    func object(at tokens: ArraySlice<String>, body: JSONValue) throws(Failure) -> ObjectPlace {
        guard let first = tokens.first else { return .body }
        let (declaration, value) = try member(first, of: .body, value: body)
        var place = SchemaPlace(
            file: declaration.file, node: declaration.entry.value, schema: declaration.field.schema,
            owner: declaration.owner)
        var current = value
        for token in tokens.dropFirst() {
            (place, current) = try step(token, from: place, value: current)
        }
        place = try normalize(place, value: current)
        guard case .object = place.schema.kind else {
            throw Failure(reason: "the schema there is not an object")
        }
        return .object(place)
    }

    /// The schema place of the value the tokens name (after `$ref`s and unions).
    func value(at tokens: ArraySlice<String>, body: JSONValue) throws(Failure) -> SchemaPlace {
        guard let last = tokens.last else { throw Failure(reason: "the body itself has no declaration to change") }
        let parent = try object(at: tokens.dropLast(), body: body)
        let parentValue = Self.value(at: tokens.dropLast(), in: body)
        let (declaration, value) = try member(last, of: parent, value: parentValue ?? .null)
        let place = SchemaPlace(
            file: declaration.file, node: declaration.entry.value, schema: declaration.field.schema,
            owner: declaration.owner)
        return try normalize(place, value: value)
    }

    /// The declaration of member `name` of an object, and the member's value.
    func member(_ name: String, of object: ObjectPlace, value: JSONValue) throws(Failure) -> (
        FieldDeclaration, JSONValue
    ) {
        let memberValue = value[name] ?? .null
        switch object {
        case .body:
            guard case .object(let rules) = event.body.kind, let field = rules.fields.first(where: { $0.name == name })
            else { throw Failure(reason: "the event declares no member `\(name)`") }
            let eventRoot = try root(event.source)
            if name == provider.payloadField, let entry = eventRoot.entry("payload") {
                return (
                    FieldDeclaration(file: event.source, entry: entry, field: field, owner: event.type), memberValue
                )
            }
            let providerRoot = try root(providerFile)
            if let entry = providerRoot["envelope"]?["fields"]?.entry(name) {
                return (
                    FieldDeclaration(file: providerFile, entry: entry, field: field, owner: "envelope"), memberValue
                )
            }
            if let entry = eventRoot["fields"]?.entry(name) {
                return (
                    FieldDeclaration(file: event.source, entry: entry, field: field, owner: event.type), memberValue
                )
            }
            throw Failure(reason: "`\(name)` is not written in the event's YAML (the loader adds it)")
        case .object(let place):
            guard case .object(let rules) = place.schema.kind,
                let field = rules.fields.first(where: { $0.name == name }),
                let entry = place.node["fields"]?.entry(name)
            else { throw Failure(reason: "\(place.owner) declares no member `\(name)`") }
            return (FieldDeclaration(file: place.file, entry: entry, field: field, owner: place.owner), memberValue)
        }
    }

    /// One pointer token down from a place.
    private func step(_ token: String, from place: SchemaPlace, value: JSONValue) throws(Failure) -> (
        SchemaPlace, JSONValue
    ) {
        let place = try normalize(place, value: value)
        switch place.schema.kind {
        case .object:
            let (declaration, child) = try member(token, of: .object(place), value: value)
            let next = SchemaPlace(
                file: declaration.file, node: declaration.entry.value, schema: declaration.field.schema,
                owner: declaration.owner)
            return (next, child)
        case .array(let rules):
            guard let index = Int(token), let node = place.node["items"] else {
                throw Failure(reason: "\(place.owner): no `items` for `\(token)`")
            }
            return (
                SchemaPlace(file: place.file, node: node, schema: rules.items, owner: place.owner),
                value[index] ?? .null
            )
        case .map(let rules):
            guard let node = place.node["values"] else { throw Failure(reason: "\(place.owner): no `values`") }
            return (
                SchemaPlace(file: place.file, node: node, schema: rules.values, owner: place.owner),
                value[token] ?? .null
            )
        default:
            throw Failure(reason: "\(place.owner): the schema at `\(token)` has no members")
        }
    }

    /// Follows `$ref`s to the named type's declaration and unions to the member the value is.
    func normalize(_ start: SchemaPlace, value: JSONValue) throws(Failure) -> SchemaPlace {
        var place = start
        for _ in 0..<64 {
            switch place.schema.kind {
            case .ref(let name):
                place = try namedType(name)
            case .union(let rules):
                guard let tag = value[rules.discriminator]?.stringValue,
                    let member = rules.mapping.first(where: { $0.value == tag })
                else {
                    throw Failure(reason: "\(place.owner): no union member for this `\(rules.discriminator)`")
                }
                place = try namedType(member.type)
            case .untaggedUnion(let rules):
                guard let members = place.node["members"]?.items, members.count == rules.members.count,
                    let index = rules.members.firstIndex(where: {
                        Self.matches(provider.unionShape(of: $0.schema), value)
                    })
                else { throw Failure(reason: "\(place.owner): no union member has this value's shape") }
                place = SchemaPlace(
                    file: place.file, node: members[index], schema: rules.members[index].schema, owner: place.owner)
            default:
                return place
            }
        }
        throw Failure(reason: "\(place.owner): too many references")
    }

    private func namedType(_ name: String) throws(Failure) -> SchemaPlace {
        guard let type = provider.type(named: name) else { throw Failure(reason: "no named type `\(name)`") }
        guard let node = try root(type.source)["types"]?[name] else {
            throw Failure(reason: "`\(name)` is not written under `types:` in \(type.source)")
        }
        return SchemaPlace(file: type.source, node: node, schema: type.schema, owner: name)
    }

    /// Whether a value has a union member's shape (its JSON kind, required members, string constants).
    static func matches(_ shape: UnionShape, _ value: JSONValue) -> Bool {
        switch value {
        case .null: return shape.kinds.contains(.null)
        case .bool: return shape.kinds.contains(.boolean)
        case .integer: return shape.kinds.contains(.integer)
        case .number(let number):
            return shape.kinds.contains(.fraction) || (number == number.rounded() && shape.kinds.contains(.integer))
        case .string(let string):
            return shape.kinds.contains(.string) && (shape.strings.map { $0.contains(string) } ?? true)
        case .array: return shape.kinds.contains(.array)
        case .object(let members):
            return shape.kinds.contains(.object) && shape.requiredMembers.allSatisfy { members[$0] != nil }
                && shape.constants.allSatisfy { members[$0.member]?.stringValue == $0.value }
        }
    }

    /// The value at the tokens in `body`, nil when there is none.
    static func value(at tokens: ArraySlice<String>, in body: JSONValue) -> JSONValue? {
        var current = body
        for token in tokens {
            switch current {
            case .object(let members):
                guard let next = members[token] else { return nil }
                current = next
            case .array(let elements):
                guard let index = Int(token), elements.indices.contains(index) else { return nil }
                current = elements[index]
            default:
                return nil
            }
        }
        return current
    }
}
