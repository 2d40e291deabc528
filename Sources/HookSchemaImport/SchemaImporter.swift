import Foundation
import HookSchemaModel

/// A place in the sources: a file and a JSON pointer into it.
public struct SourcePlace: Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var pointer: String

    public init(file: String, pointer: String) {
        self.file = file
        self.pointer = pointer
    }

    func appending(_ tokens: String...) -> SourcePlace {
        var pointer = self.pointer
        for token in tokens { pointer = JSONPointer.appending(token, to: pointer) }
        return SourcePlace(file: file, pointer: pointer)
    }

    /// `file#/pointer`, the way the importer names places in comments and messages.
    public var description: String { "\(file)#\(pointer)" }
}

/// A construct of the source that the language does not say exactly, and what it became instead. Never dropped
/// silently: `hookschema import` lists each on stderr (`--strict` makes them errors).
public struct ImportWarning: Hashable, Sendable, CustomStringConvertible {
    public var place: SourcePlace
    public var message: String

    public var description: String { "\(place.file):\(place.pointer.isEmpty ? "/" : place.pointer): warning: \(message)" }
}

/// Translates JSON Schema (drafts 07 and 2020-12, OpenAPI 3.0 and 3.1 Schema Objects) into the schema model, one
/// rule per keyword: `$ref`s to shared schemas become named types, `allOf` is flattened into one object (the
/// language has no composition; Schemas/README.md says why), `oneOf`/`anyOf` become unions (by a discriminator, a
/// shared `const` member, or shape), `nullable`/`type: [T, "null"]`/`oneOf: [T, {type: null}]` become `nullable`.
/// Anything else is a warning saying what it was mapped to.
final class SchemaImporter {
    /// The documents refs may point into, by `$id` and by path.
    private var documents: [String: SourceDocument] = [:]
    private var documentBases: [String: String] = [:]
    /// Named types: the place each one's schema is at, and its translation once done.
    private(set) var typeNames: [SourcePlace: String] = [:]
    private var usedNames: Set<String> = []
    private(set) var types: [String: (schema: Schema, place: SourcePlace)] = [:]
    private var translating: Set<String> = []
    private(set) var warnings: [ImportWarning] = []
    /// The keyword (`oneOf` or `anyOf`) each untagged union of objects came from: an event body that is one of
    /// several objects becomes one object, and the keyword says whether exactly one or at least one of the members
    /// that tell them apart is present (`SchemaImporter.choice(among:keyword:)`).
    var unionKeywords: [Schema: String] = [:]
    /// Suggests a named type's name from where it is (`#/components/schemas/Endpoint` → `Endpoint`).
    var nameOf: (SourcePlace) -> String

    init(nameOf: @escaping (SourcePlace) -> String = SchemaImporter.defaultName) {
        self.nameOf = nameOf
        usedNames = ProviderAssembly.reservedTypeNames
    }

    /// Names a named type must not take: the events' Swift types (`EndpointCreatedEvent`).
    func reserve(_ names: some Sequence<String>) {
        usedNames.formUnion(names)
    }

    static func defaultName(_ place: SourcePlace) -> String {
        if let last = JSONPointer.tokens(of: place.pointer).last, place.pointer != "" {
            return SwiftNaming.typeName(last)
        }
        var stem = String(place.file.split(separator: "/").last ?? Substring(place.file))
        for suffix in [".schema.json", ".json", ".yaml", ".yml"] where stem.hasSuffix(suffix) {
            stem = String(stem.dropLast(suffix.count))
            break
        }
        return SwiftNaming.typeName(stem)
    }

    func add(_ document: SourceDocument, id: String? = nil) {
        documents[document.path] = document
        documentBases[document.path] = id ?? document.path
        if let id { documents[id] = document }
    }

    func warn(_ place: SourcePlace, _ message: String) {
        warnings.append(ImportWarning(place: place, message: message))
    }

    // MARK: References

    /// The document and node a `$ref` names, relative to the document at `place`.
    func target(of reference: String, from place: SourcePlace) -> (node: SourceNode, place: SourcePlace)? {
        let parts = reference.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        let filePart = parts[0]
        let fragment = parts.count > 1 ? parts[1] : ""
        var document = documents[place.file]
        if !filePart.isEmpty {
            if filePart.hasPrefix("http://") || filePart.hasPrefix("https://") {
                document = documents[filePart]
            } else {
                let base = documentBases[place.file] ?? place.file
                let resolved = Self.resolve(filePart, against: base)
                document = documents[resolved] ?? documents[Self.resolve(filePart, against: place.file)]
            }
        }
        guard let document, let node = document.root.node(at: fragment) else { return nil }
        return (node, SourcePlace(file: document.path, pointer: fragment))
    }

    /// `relative` resolved against the folder of `base` (`common/user.schema.json` from `issues$opened`).
    static func resolve(_ relative: String, against base: String) -> String {
        var parts = base.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        parts.removeLast()
        for piece in relative.split(separator: "/", omittingEmptySubsequences: false).map(String.init) {
            switch piece {
            case ".": continue
            case "..": if !parts.isEmpty { parts.removeLast() }
            default: parts.append(piece)
            }
        }
        return parts.joined(separator: "/")
    }

    /// The named type for the schema at `place` (registering it), translated when first named.
    func namedType(at place: SourcePlace, node: SourceNode) -> String {
        if let name = typeNames[place] { return name }
        var name = nameOf(place)
        if name.isEmpty || !(name.first?.isLetter ?? false) { name = "Type" + name }
        var candidate = name
        var counter = 2
        while usedNames.contains(candidate) {
            candidate = name + String(counter)
            counter += 1
        }
        usedNames.insert(candidate)
        typeNames[place] = candidate
        translating.insert(candidate)
        let schema = translate(node, at: place)
        translating.remove(candidate)
        types[candidate] = (schema, place)
        return candidate
    }

    /// A named type's schema, `$ref`s followed (nil while it is being translated: a recursive reference).
    func resolved(_ schema: Schema) -> Schema? {
        var current = schema
        var seen: Set<String> = []
        while case .ref(let name) = current.kind {
            guard seen.insert(name).inserted, let target = types[name]?.schema else { return nil }
            let nullable = current.nullable
            current = target
            current.nullable = current.nullable || nullable
        }
        return current
    }

    // MARK: Schemas

    /// Keywords that are documentation or tooling, not rules: read where they mean something, otherwise ignored.
    static let annotations: Set<String> = [
        "$schema", "$id", "$comment", "title", "examples", "example", "readOnly", "writeOnly", "externalDocs", "xml",
        "tsAdditionalProperties", "$anchor", "$dynamicAnchor", "contentMediaType", "contentEncoding",
    ]

    func translate(_ node: SourceNode, at place: SourcePlace) -> Schema {
        switch node.value {
        case .bool(let flag):
            if !flag { warn(place, "`false` (no value is valid) mapped to any JSON value") }
            return Schema(.any)
        case .object:
            break
        default:
            warn(place, "a schema must be an object or a boolean; mapped to any JSON value")
            return Schema(.any)
        }
        var schema = body(node, at: place)
        // Beside `$ref`, `allOf`, `oneOf` or `anyOf` the translation reads only the annotations: rules written beside
        // them are not silently dropped.
        if let composition = ["$ref", "allOf", "oneOf", "anyOf"].first(where: { node[$0] != nil }) {
            let read: Set<String> = ["description", "deprecated", "nullable", "discriminator", composition]
            for (key, _) in node.members where Self.handled.contains(key) && !read.contains(key) {
                warn(place.appending(key), "`\(key)` beside `\(composition)` is not read; ignored")
            }
        }
        if let description = node["description"]?.string, schema.description == nil {
            schema.description = description
        }
        if node["deprecated"]?.bool == true { schema.deprecated = true }
        if node["nullable"]?.bool == true { schema.nullable = true }
        for (key, _) in node.members where !Self.handled.contains(key) && !Self.annotations.contains(key)
            && !key.hasPrefix("x-")
        {
            warn(place.appending(key), "`\(key)` is not in the schema language; ignored (the rest of the schema kept)")
        }
        return schema
    }

    /// Every keyword `translate` reads.
    static let handled: Set<String> = [
        "$ref", "type", "description", "deprecated", "nullable", "enum", "const", "default", "format", "pattern",
        "minLength", "maxLength", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "properties",
        "required", "additionalProperties", "items", "minItems", "maxItems", "uniqueItems", "allOf", "oneOf", "anyOf",
        "discriminator", "minProperties", "maxProperties", "propertyNames", "definitions", "$defs",
    ]

    private func body(_ node: SourceNode, at place: SourcePlace) -> Schema {
        if let reference = node["$ref"]?.string {
            return ref(reference, node: node, at: place)
        }
        if let parts = node["allOf"]?.items {
            return allOf(parts, node: node, at: place.appending("allOf"))
        }
        for key in ["oneOf", "anyOf"] {
            if let members = node[key]?.items {
                return union(members, key: key, node: node, at: place)
            }
        }
        if let values = node["enum"]?.items {
            return enumeration(values, node: node, at: place)
        }
        let types = typeList(node, at: place)
        var nullable = types.contains("null")
        let nonNull = types.filter { $0 != "null" }
        if nonNull.count > 1 {
            // `type: [integer, string]`: a union of the kinds, each with this schema's rules for it.
            let members = nonNull.map { UntaggedUnionMember(schema: typed($0, node, at: place)) }
            return Schema(.untaggedUnion(UntaggedUnionRules(members: members)), nullable: nullable)
        }
        var schema: Schema
        if let type = nonNull.first {
            schema = typed(type, node, at: place)
        } else if types == ["null"] {
            // Only null: a string that must be the constant null (the validator takes null, and nothing else).
            schema = Schema(.string(StringRules()), nullable: true, const: .null)
            nullable = true
        } else if node["properties"] != nil || node["additionalProperties"] != nil || node["required"] != nil {
            schema = typed("object", node, at: place)
        } else if node["items"] != nil {
            schema = typed("array", node, at: place)
        } else {
            schema = Schema(.any)
        }
        if let constant = node["const"] {
            schema.const = literal(constant, for: schema, at: place.appending("const"))
            if constant.value.isNull { nullable = true }
        }
        if nullable { schema.nullable = true }
        if let value = node["default"], let literal = literal(value, for: schema, at: place.appending("default"),
            quiet: true)
        {
            schema.defaultValue = literal
        }
        return schema
    }

    /// `type` as a list of names (`"string"` → `["string"]`; absent → `[]`).
    private func typeList(_ node: SourceNode, at place: SourcePlace) -> [String] {
        guard let type = node["type"] else { return [] }
        if let name = type.string { return [name] }
        if let items = type.items { return items.compactMap(\.string) }
        warn(place.appending("type"), "`type` must be a name or a list of names; ignored")
        return []
    }

    private func typed(_ type: String, _ node: SourceNode, at place: SourcePlace) -> Schema {
        switch type {
        case "string":
            return Schema(.string(stringRules(node, at: place)))
        case "integer":
            return Schema(.integer(numberRules(node, at: place)))
        case "number":
            return Schema(.number(numberRules(node, at: place)))
        case "boolean":
            return Schema(.boolean)
        case "object":
            return object(node, at: place)
        case "array":
            var rules = ArrayRules(items: Schema(.any))
            if let items = node["items"] {
                if items.items != nil {
                    warn(place.appending("items"), "a tuple `items` list mapped to an array of any JSON values")
                } else {
                    rules.items = translate(items, at: place.appending("items"))
                }
            }
            rules.minItems = count(node, "minItems")
            rules.maxItems = count(node, "maxItems")
            rules.uniqueItems = node["uniqueItems"]?.bool ?? false
            return Schema(.array(rules))
        case "null":
            return Schema(.string(StringRules()), nullable: true, const: .null)
        default:
            warn(place.appending("type"), "unknown type `\(type)` mapped to any JSON value")
            return Schema(.any)
        }
    }

    private func count(_ node: SourceNode, _ key: String) -> Int? {
        guard let number = node[key]?.number, number >= 0, number == number.rounded(), number < 1e15 else {
            return nil
        }
        return Int(number)
    }

    private func stringRules(_ node: SourceNode, at place: SourcePlace) -> StringRules {
        var rules = StringRules()
        if let format = node["format"]?.string {
            switch format {
            case "date-time": rules.format = .datetime
            case "date": rules.format = .date
            case "uri", "url": rules.format = .uri
            case "uri-template": rules.format = .uriTemplate
            case "email": rules.format = .email
            case "uuid": rules.format = .uuid
            default:
                warn(place.appending("format"), "format `\(format)` is not in the schema language; mapped to a string")
            }
        }
        if let pattern = node["pattern"]?.string {
            if (try? NSRegularExpression(pattern: pattern)) != nil {
                rules.pattern = pattern
            } else {
                warn(place.appending("pattern"), "the pattern `\(pattern)` is not a regular expression here; dropped")
            }
        }
        rules.minLength = count(node, "minLength")
        rules.maxLength = count(node, "maxLength")
        return rules
    }

    private func numberRules(_ node: SourceNode, at place: SourcePlace) -> NumberRules {
        var rules = NumberRules(minimum: node["minimum"]?.number, maximum: node["maximum"]?.number)
        // OpenAPI 3.0 writes exclusive bounds as booleans beside `minimum` / `maximum`.
        if let exclusive = node["exclusiveMinimum"] {
            if exclusive.bool == true {
                rules.exclusiveMinimum = rules.minimum
                rules.minimum = nil
            } else if let value = exclusive.number {
                rules.exclusiveMinimum = value
            }
        }
        if let exclusive = node["exclusiveMaximum"] {
            if exclusive.bool == true {
                rules.exclusiveMaximum = rules.maximum
                rules.maximum = nil
            } else if let value = exclusive.number {
                rules.exclusiveMaximum = value
            }
        }
        if let format = node["format"]?.string, ![
            "int8", "int16", "int32", "int64", "uint", "uint8", "uint16", "uint32", "uint64", "float", "double",
        ]
            .contains(format)
        {
            warn(place.appending("format"), "format `\(format)` is not in the schema language; ignored")
        }
        return rules
    }

    private func object(_ node: SourceNode, at place: SourcePlace) -> Schema {
        let required = Set(node["required"]?.items?.compactMap(\.string) ?? [])
        var fields: [Field] = []
        for (name, property) in node["properties"]?.members ?? [] {
            let schema = translate(property, at: place.appending("properties", name))
            fields.append(Field(name: name, schema: schema, required: required.contains(name)))
        }
        // Two names the same in Swift (`+1`, `-1`): the second gets a `swiftName` of its own.
        SwiftNaming.disambiguate(&fields)
        for name in required.subtracting(fields.map(\.name)).sorted() {
            fields.append(Field(name: name, schema: Schema(.any), required: true))
        }
        if let additional = node["additionalProperties"], additional.isObject {
            let values = translate(additional, at: place.appending("additionalProperties"))
            if fields.isEmpty {
                var rules = MapRules(values: values)
                rules.minEntries = count(node, "minProperties")
                rules.maxEntries = count(node, "maxProperties")
                if let names = node["propertyNames"] {
                    rules.keyPattern = names["pattern"]?.string
                    rules.keyMinLength = count(names, "minLength")
                    rules.keyMaxLength = count(names, "maxLength")
                }
                return Schema(.map(rules))
            }
            warn(
                place.appending("additionalProperties"),
                "members beside `properties` mapped to unknown members (drift, kept in `unknownFields`)")
        }
        for key in ["minProperties", "maxProperties", "propertyNames"] where node[key] != nil {
            warn(place.appending(key), "`\(key)` on an object with declared members is not in the language; ignored")
        }
        return Schema(.object(ObjectRules(fields: fields)))
    }

    private func ref(_ reference: String, node: SourceNode, at place: SourcePlace) -> Schema {
        guard let target = target(of: reference, from: place) else {
            warn(place.appending("$ref"), "`$ref: \(reference)` names nothing in the sources; mapped to any JSON value")
            return Schema(.any)
        }
        var schema = Schema(.ref(namedType(at: target.place, node: target.node)))
        if let description = node["description"]?.string { schema.description = description }
        return schema
    }

    // MARK: Enums and literals

    private func enumeration(_ values: [SourceNode], node: SourceNode, at place: SourcePlace) -> Schema {
        let nullable = values.contains { $0.value.isNull } || node["nullable"]?.bool == true
        let nonNull = values.filter { !$0.value.isNull }
        let varnames = node["x-enum-varnames"]?.items?.compactMap(\.string)
        let descriptions = node["x-enum-descriptions"]?.items?.compactMap(\.string)
        if nonNull.allSatisfy({ $0.string != nil }) {
            let strings = nonNull.compactMap(\.string)
            if strings.count == 1 {
                return Schema(.string(StringRules()), nullable: nullable, const: .string(strings[0]))
            }
            if strings.isEmpty { return Schema(.string(StringRules()), nullable: true, const: .null) }
            let enumValues = strings.enumerated().map { index, value in
                EnumValue(value, description: descriptions?[safe: index])
            }
            return Schema(.enumeration(EnumRules(values: unique(enumValues))), nullable: nullable)
        }
        if nonNull.allSatisfy({ $0.number.map { $0 == $0.rounded() && abs($0) < 9e15 } ?? false }) {
            let numbers = nonNull.compactMap(\.number).map { Int64($0) }
            if numbers.count == 1 {
                return Schema(.integer(NumberRules()), nullable: nullable, const: .integer(numbers[0]))
            }
            let enumValues = numbers.enumerated().map { index, value in
                EnumValue(
                    String(value), description: descriptions?[safe: index],
                    swiftName: varnames?[safe: index].map(SwiftNaming.memberName))
            }
            return Schema(.enumeration(EnumRules(values: unique(enumValues), integer: true)), nullable: nullable)
        }
        if nonNull.count == 1, let only = nonNull.first, let constant = literal(only, for: nil, at: place, quiet: true) {
            let kind: Schema.Kind = only.bool != nil ? .boolean : .number(NumberRules())
            return Schema(kind, nullable: nullable, const: constant)
        }
        warn(place.appending("enum"), "an enum of mixed or structured values mapped to any JSON value")
        return Schema(.any, nullable: nullable)
    }

    private func unique(_ values: [EnumValue]) -> [EnumValue] {
        var seen: Set<String> = []
        var caseNames: Set<String> = ["unknown"]
        var result: [EnumValue] = []
        for var value in values where seen.insert(value.value).inserted {
            let caseName = value.swiftName ?? SwiftNaming.memberName(value.value)
            if !caseNames.insert(caseName).inserted {
                var counter = 2
                while caseNames.contains(caseName + String(counter)) { counter += 1 }
                value.swiftName = caseName + String(counter)
                caseNames.insert(caseName + String(counter))
            }
            result.append(value)
        }
        return result
    }

    /// A scalar `const` or `default` that fits `schema`'s kind (nil, with a warning unless `quiet`, when not).
    private func literal(_ node: SourceNode, for schema: Schema?, at place: SourcePlace, quiet: Bool = false)
        -> Literal?
    {
        let literal: Literal?
        switch (node.value, schema?.kind) {
        case (.null, _): literal = .null
        case (.string(let text), .string?), (.string(let text), nil): literal = .string(text)
        case (.string(let text), .enumeration(let rules)?) where rules.values.contains(where: { $0.value == text }):
            literal = .string(text)
        case (.bool(let flag), .boolean?), (.bool(let flag), nil): literal = .boolean(flag)
        case (.number(let number, _), .integer?) where number == number.rounded() && abs(number) < 9e15:
            literal = .integer(Int64(number))
        case (.number(let number, _), .number?), (.number(let number, _), nil): literal = .number(number)
        default: literal = nil
        }
        if literal == nil, !quiet {
            warn(place, "a value that does not fit the schema's type; dropped")
        }
        return literal
    }
}

extension SourceValue {
    var isNull: Bool {
        if case .null = self { return true }
        return false
    }
}

extension Array {
    subscript(safe index: Int) -> Element? {
        indices.contains(index) ? self[index] : nil
    }
}
