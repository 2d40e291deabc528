import Foundation
import HookSchemaModel

extension SchemaParser {
    /// The kind-specific part of a schema of a known `type`.
    func kind(of type: SchemaType, _ reader: MappingReader, context: SchemaContext) -> Schema.Kind {
        switch type {
        case .string, .datetime, .date, .uri, .uriTemplate, .email, .uuid:
            return .string(stringRules(type, reader))
        case .integer:
            return .integer(numberRules(reader))
        case .number:
            return .number(numberRules(reader))
        case .boolean:
            return .boolean
        case .any:
            return .any
        case .enum:
            return .enumeration(enumRules(reader))
        case .object:
            let fields = fields(reader, context: context)
            return .object(ObjectRules(fields: fields, choices: choices(reader, fields: fields)))
        case .array:
            return arrayKind(reader, context: context)
        case .map:
            return mapKind(reader, context: context)
        case .union:
            if reader["members"] != nil {
                return .untaggedUnion(untaggedRules(reader, context: context))
            }
            return .union(unionRules(reader, context: context))
        }
    }

    // MARK: Scalars

    private func stringRules(_ type: SchemaType, _ reader: MappingReader) -> StringRules {
        var rules = StringRules(format: type.impliedFormat)
        if let entry = reader["format"], let name = reader.string("format") {
            if let format = StringFormat(rawValue: name) {
                if let implied = type.impliedFormat, implied != format {
                    log.error(
                        "`format: \(name)` contradicts `type: \(type.rawValue)`",
                        at: entry.value.location
                    )
                } else {
                    rules.format = format
                }
            } else {
                let known = StringFormat.allCases.map(\.rawValue)
                log.error(
                    "unknown format `\(name)`\(Suggestion.didYouMean(name, among: known)) "
                        + "(known: \(known.joined(separator: ", ")))",
                    at: entry.value.location
                )
            }
        }
        rules.pattern = pattern("pattern", reader)
        rules.minLength = reader.count("minLength")
        rules.maxLength = reader.count("maxLength")
        reader.checkOrder("minLength", rules.minLength, "maxLength", rules.maxLength)
        return rules
    }

    /// A regular expression, checked with `NSRegularExpression`.
    func pattern(_ key: String, _ reader: MappingReader) -> String? {
        guard let entry = reader[key], let pattern = reader.string(key) else { return nil }
        do {
            _ = try NSRegularExpression(pattern: pattern)
        } catch {
            log.error("`\(key)` is not a valid regular expression: `\(pattern)`", at: entry.value.location)
            return nil
        }
        return pattern
    }

    private func numberRules(_ reader: MappingReader) -> NumberRules {
        let rules = NumberRules(
            minimum: reader.number("minimum"),
            maximum: reader.number("maximum"),
            exclusiveMinimum: reader.number("exclusiveMinimum"),
            exclusiveMaximum: reader.number("exclusiveMaximum")
        )
        reader.checkOrder("minimum", rules.minimum, "maximum", rules.maximum)
        reader.checkOrder("exclusiveMinimum", rules.exclusiveMinimum, "exclusiveMaximum", rules.exclusiveMaximum)
        reader.checkOrder("minimum", rules.minimum, "exclusiveMaximum", rules.exclusiveMaximum)
        reader.checkOrder("exclusiveMinimum", rules.exclusiveMinimum, "maximum", rules.maximum)
        return rules
    }

    // MARK: Enums

    private func enumRules(_ reader: MappingReader) -> EnumRules {
        let closed = reader.bool("closed") ?? false
        guard let entry = reader.require("values", in: "an enum") else {
            return EnumRules(values: [], closed: closed)
        }
        guard let items = entry.value.items else {
            log.error(
                "`values` of an enum must be a list, not \(entry.value.kindDescription)", at: entry.value.location)
            return EnumRules(values: [], closed: closed)
        }
        if items.isEmpty {
            log.error("an enum needs at least one value", at: entry.value.location)
        }
        var values: [EnumValue] = []
        var seen: [String: SourceLocation] = [:]
        var caseNames: [String: String] = [:]
        // An integer enum when every value is written as a YAML integer (quoted `"0"` is a string); with any other
        // value among them, every value is a string as written (an unquoted `1` beside `ON` is the string "1").
        let integer = !items.isEmpty && items.allSatisfy { Self.enumValueNode($0)?.scalar?.kind == .integer }
        for item in items {
            guard case (var value, let location)? = enumValue(item) else { continue }
            if integer {
                // Canonical decimal text, as the validator and the generated code compare it (`007` is `7`).
                guard let number = Int64(value.value) ?? Self.enumValueNode(item)?.scalar?.integer.map(Int64.init)
                else {
                    log.error("the integer enum value `\(value.value)` does not fit in 64 bits", at: location)
                    continue
                }
                value.value = String(number)
            }
            if let first = seen[value.value] {
                log.error(
                    "duplicate enum value `\(value.value)`",
                    at: location,
                    note: "`\(value.value)` is first listed at \(first)"
                )
                continue
            }
            let caseName = value.swiftName ?? (integer ? "value\(value.value)" : SwiftNaming.memberName(value.value))
            if let other = caseNames[caseName] {
                log.error(
                    "enum values `\(other)` and `\(value.value)` both become the Swift case `\(caseName)`",
                    at: location
                )
            }
            seen[value.value] = location
            caseNames[caseName] = value.value
            values.append(value)
        }
        return EnumRules(values: values, closed: closed, integer: integer)
    }

    /// The node holding an enum item's value: the item itself, or its `value:`.
    private static func enumValueNode(_ item: YAMLNode) -> YAMLNode? {
        if item.scalar != nil { return item }
        return item.entries?.first("value")?.value
    }

    private func enumValue(_ item: YAMLNode) -> (EnumValue, SourceLocation)? {
        if let scalar = item.scalar {
            guard scalar.kind != .null else {
                log.error("an enum value must be a string, not null (quote it: \"null\")", at: item.location)
                return nil
            }
            return (EnumValue(scalar.text), item.location)
        }
        guard let reader = MappingReader(item, what: "an enum value", log: log) else { return nil }
        reader.rejectUnknownKeys(allowed: ["value", "description", "deprecated", "swiftName"], in: "an enum value")
        guard let entry = reader.require("value", in: "an enum value"), let value = reader.string("value") else {
            return nil
        }
        var swiftName: String?
        if let nameEntry = reader["swiftName"], let name = reader.string("swiftName") {
            if isSwiftIdentifier(name) {
                swiftName = name
            } else {
                log.error("`swiftName` must be a Swift identifier, not `\(name)`", at: nameEntry.value.location)
            }
        }
        let enumValue = EnumValue(
            value,
            description: reader.string("description"),
            deprecated: reader.bool("deprecated") ?? false,
            swiftName: swiftName
        )
        return (enumValue, entry.value.location)
    }

    // MARK: Objects, arrays, maps

    /// The fields of an object, in declaration order.
    func fields(_ reader: MappingReader, context: SchemaContext) -> [Field] {
        guard let entry = reader["fields"] else { return [] }
        return fields(entry.value, context: context)
    }

    /// A `fields:` mapping: field name → schema.
    func fields(_ node: YAMLNode, context: SchemaContext) -> [Field] {
        guard let entries = node.entries else {
            log.error(
                "`fields` must be a mapping of field names to schemas, not \(node.kindDescription)",
                at: node.location)
            return []
        }
        var fields: [Field] = []
        var swiftNames: [String: String] = [:]
        for entry in uniqueEntries(entries, noun: "field", log: log) {
            let fieldContext = context.field(
                required: peekBool(entry.value, "required"),
                nullable: peekBool(entry.value, "nullable")
            )
            let parsed = parse(entry.value, context: fieldContext)
            let swiftName = parsed.swiftName ?? SwiftNaming.memberName(entry.key)
            if let other = swiftNames[swiftName] {
                log.error(
                    "fields `\(other)` and `\(entry.key)` both become the Swift property `\(swiftName)`; "
                        + "give one a different `swiftName`",
                    at: entry.keyLocation
                )
            }
            swiftNames[swiftName] = entry.key
            fields.append(
                Field(name: entry.key, schema: parsed.schema, required: parsed.required, swiftName: parsed.swiftName)
            )
        }
        return fields
    }

    /// `exactlyOne: [a, b]` and `atLeastOne: [a, b]`: two or more optional fields of the object, one (or exactly
    /// one) of which is present.
    func choices(_ reader: MappingReader, fields: [Field]) -> [MemberChoice] {
        var choices: [MemberChoice] = []
        for key in ["exactlyOne", "atLeastOne"] {
            guard let entry = reader[key] else { continue }
            guard let items = entry.value.items else {
                log.error(
                    "`\(key)` must be a list of two or more of the object's members, not \(entry.value.kindDescription)",
                    at: entry.value.location)
                continue
            }
            var members: [String] = []
            for item in items {
                guard let name = item.scalar?.text, item.scalar?.kind != .null else {
                    log.error("`\(key)` lists member names, not \(item.kindDescription)", at: item.location)
                    continue
                }
                guard let field = fields.first(where: { $0.name == name }) else {
                    let known = fields.map(\.name)
                    log.error(
                        "`\(key)` names `\(name)`, which is not a field of this object"
                            + Suggestion.didYouMean(name, among: known),
                        at: item.location)
                    continue
                }
                if field.required {
                    log.error(
                        "`\(name)` is required, so `\(key)` would always count it present; list optional members",
                        at: item.location)
                } else if members.contains(name) {
                    log.error("`\(name)` is listed twice in `\(key)`", at: item.location)
                } else {
                    members.append(name)
                }
            }
            if items.count < 2 {
                log.error("`\(key)` needs two or more members", at: entry.value.location)
            } else if members.count == items.count {
                choices.append(MemberChoice(members: members, exactlyOne: key == "exactlyOne"))
            }
        }
        return choices
    }

    private func peekBool(_ node: YAMLNode, _ key: String) -> Bool {
        node.entries?.first(key)?.value.scalar?.boolean ?? false
    }

    private func arrayKind(_ reader: MappingReader, context: SchemaContext) -> Schema.Kind {
        let minItems = reader.count("minItems")
        let maxItems = reader.count("maxItems")
        reader.checkOrder("minItems", minItems, "maxItems", maxItems)
        guard let entry = reader.require("items", in: "an array") else { return .any }
        let items = parse(entry.value, context: context.element()).schema
        return .array(
            ArrayRules(
                items: items, minItems: minItems, maxItems: maxItems, uniqueItems: reader.bool("uniqueItems") ?? false))
    }

    private func mapKind(_ reader: MappingReader, context: SchemaContext) -> Schema.Kind {
        var rules = MapRules(values: Schema(.any), minEntries: reader.count("minEntries"))
        rules.maxEntries = reader.count("maxEntries")
        reader.checkOrder("minEntries", rules.minEntries, "maxEntries", rules.maxEntries)
        if let keys = reader.mapping("keys", what: "`keys` (the rules for a map's keys)") {
            keys.rejectUnknownKeys(allowed: ["minLength", "maxLength", "pattern"], in: "`keys`")
            rules.keyMinLength = keys.count("minLength")
            rules.keyMaxLength = keys.count("maxLength")
            keys.checkOrder("minLength", rules.keyMinLength, "maxLength", rules.keyMaxLength)
            rules.keyPattern = pattern("pattern", keys)
        }
        guard let entry = reader.require("values", in: "a map") else { return .any }
        rules.values = parse(entry.value, context: context.element()).schema
        return .map(rules)
    }

    // MARK: Unions

    /// `members:` — a union without a discriminator.
    private func untaggedRules(_ reader: MappingReader, context: SchemaContext) -> UntaggedUnionRules {
        for key in ["discriminator", "mapping", "closed"] {
            if let entry = reader[key] {
                log.error(
                    "`\(key)` belongs to a union with a discriminator; a union with `members` has none (the first "
                        + "member whose shape matches is chosen)",
                    at: entry.keyLocation
                )
            }
        }
        guard let entry = reader["members"] else { return UntaggedUnionRules(members: []) }
        guard let items = entry.value.items else {
            log.error(
                "`members` of a union must be a list of schemas, not \(entry.value.kindDescription)",
                at: entry.value.location
            )
            return UntaggedUnionRules(members: [])
        }
        if items.isEmpty {
            log.error("a union needs at least one member in `members`", at: entry.value.location)
        }
        var members: [UntaggedUnionMember] = []
        var use = ProviderScope.UntaggedUse(members: [])
        // A member is held inline, as a field of the union is: required and not nullable.
        let memberContext = context.field(required: true, nullable: false)
        for item in items {
            if let required = item.entries?.first("required") {
                log.error("`required` does not apply to a union member", at: required.keyLocation)
            }
            let parsed = parse(item, context: memberContext)
            if case .untaggedUnion = parsed.schema.kind {
                log.error(
                    "a union's member cannot be another union without a discriminator; list its members here",
                    at: item.location
                )
            }
            members.append(UntaggedUnionMember(schema: parsed.schema, swiftName: parsed.swiftName))
            use.members.append((parsed.schema, item.location))
        }
        scope.untaggedUnions.append(use)
        return UntaggedUnionRules(members: members)
    }

    private func unionRules(_ reader: MappingReader, context: SchemaContext) -> UnionRules {
        let closed = reader.bool("closed") ?? false
        let discriminator = reader.require("discriminator", in: "a union").flatMap { _ in
            reader.string("discriminator")
        }
        var members: [UnionMember] = []
        var use = ProviderScope.UnionUse(discriminator: discriminator ?? "", members: [])
        if let entry = reader.require("mapping", in: "a union") {
            if let entries = entry.value.entries {
                if entries.isEmpty {
                    log.error("a union needs at least one member in `mapping`", at: entry.value.location)
                }
                for member in uniqueEntries(entries, noun: "discriminator value", log: log) {
                    guard let type = MappingReader.string(member.value, key: member.key, log: log) else { continue }
                    members.append(UnionMember(value: member.key, type: type))
                    use.members.append((member.key, type, member.value.location))
                    scope.references.append(
                        ProviderScope.Reference(
                            name: type,
                            location: member.value.location,
                            owner: context.owner,
                            containsTarget: context.containsValue
                        )
                    )
                }
            } else {
                log.error(
                    "`mapping` must map discriminator values to type names, not \(entry.value.kindDescription)",
                    at: entry.value.location
                )
            }
        }
        if discriminator != nil {
            scope.unions.append(use)
        }
        return UnionRules(discriminator: discriminator ?? "", mapping: members, closed: closed)
    }
}
