import HookSchemaModel

/// A schema as read from YAML, with the field-level keys that live beside it.
struct ParsedSchema {
    var schema: Schema
    /// `required:` (fields only).
    var required: Bool = false
    /// `swiftName:` (fields only).
    var swiftName: String?
}

/// Turns schema nodes into `Schema` values, reporting every problem it sees; references to named types are
/// recorded in the provider's scope and checked once all files are read.
struct SchemaParser {
    let scope: ProviderScope
    let log: DiagnosticLog

    func parse(_ node: YAMLNode, context: SchemaContext) -> ParsedSchema {
        if let scalar = node.scalar {
            return ParsedSchema(schema: shorthand(scalar, at: node.location))
        }
        guard let reader = MappingReader(node, what: "a schema", log: log) else {
            return ParsedSchema(schema: Schema(.any))
        }
        var parsed = ParsedSchema(schema: Schema(.any))
        let refName = reader.string("$ref")
        var type: SchemaType?
        var typeIsValid = true
        if let typeEntry = reader["type"], let name = reader.string("type") {
            type = SchemaType(rawValue: name)
            if type == nil {
                typeIsValid = false
                reportUnknownType(name, at: typeEntry.value.location)
            }
        } else if reader["type"] != nil {
            typeIsValid = false
        } else if refName == nil, reader["$ref"] == nil {
            type = .any  // no `type`: any JSON value
        }
        checkKeys(
            reader, type: type, isRef: reader["$ref"] != nil && reader["type"] == nil,
            typeIsValid: typeIsValid, isField: context.isField)

        parsed.schema.description = reader.string("description")
        parsed.schema.deprecated = reader.bool("deprecated") ?? false
        parsed.schema.nullable = reader.bool("nullable") ?? false
        if context.isField {
            parsed.required = reader.bool("required") ?? false
            if let entry = reader["swiftName"], let name = reader.string("swiftName") {
                if isSwiftIdentifier(name) {
                    parsed.swiftName = name
                } else {
                    log.error("`swiftName` must be a Swift identifier, not `\(name)`", at: entry.value.location)
                }
            }
        }

        if reader["type"] == nil, let refName, let entry = reader["$ref"] {
            scope.references.append(
                ProviderScope.Reference(
                    name: refName,
                    location: entry.value.location,
                    owner: context.owner,
                    containsTarget: context.containsValue
                )
            )
            parsed.schema.kind = .ref(refName)
            return parsed
        }
        guard let type, typeIsValid else { return parsed }
        parsed.schema.kind = kind(of: type, reader, context: context)
        if type.isScalar {
            let nullable = parsed.schema.nullable
            parsed.schema.const = literal("const", reader, kind: parsed.schema.kind, nullable: nullable)
            parsed.schema.defaultValue = literal("default", reader, kind: parsed.schema.kind, nullable: nullable)
        }
        return parsed
    }

    /// `name: string`: a schema with only a type.
    private func shorthand(_ scalar: YAMLScalar, at location: SourceLocation) -> Schema {
        guard scalar.kind == .string, let type = SchemaType(rawValue: scalar.text) else {
            if scalar.kind == .string {
                reportUnknownType(scalar.text, at: location)
            } else {
                log.error("a schema must be a type name or a mapping, not \(scalar.kindDescription)", at: location)
            }
            return Schema(.any)
        }
        switch type {
        case .enum, .union:
            log.error("type `\(type.rawValue)` needs a mapping with its `\(type.ownKeys[0])`", at: location)
            return Schema(.any)
        case .array:
            log.error("type `array` needs a mapping with its `items`", at: location)
            return Schema(.any)
        case .map:
            log.error("type `map` needs a mapping with its `values`", at: location)
            return Schema(.any)
        default:
            return Schema(defaultKind(of: type))
        }
    }

    private func defaultKind(of type: SchemaType) -> Schema.Kind {
        switch type {
        case .string, .datetime, .date, .uri, .uriTemplate, .email, .uuid:
            return .string(StringRules(format: type.impliedFormat))
        case .integer: return .integer(NumberRules())
        case .number: return .number(NumberRules())
        case .boolean: return .boolean
        case .object: return .object(ObjectRules(fields: []))
        case .any, .enum, .array, .map, .union: return .any
        }
    }

    private func reportUnknownType(_ name: String, at location: SourceLocation) {
        if scope.typeNames.contains(name) {
            log.error("unknown type `\(name)`; to use the named type, write `$ref: \(name)`", at: location)
            return
        }
        let suggestion = Suggestion.didYouMean(name, among: SchemaType.allCases.map(\.rawValue))
        log.error("unknown type `\(name)`\(suggestion)", at: location)
    }

    private func checkKeys(_ reader: MappingReader, type: SchemaType?, isRef: Bool, typeIsValid: Bool, isField: Bool) {
        let allowed: [String]
        if isRef {
            allowed = SchemaKeys.allowed(for: nil, isField: isField)
        } else if let type, typeIsValid {
            allowed = SchemaKeys.allowed(for: type, isField: isField)
        } else {
            // Unknown type: only flag keys no type knows.
            allowed = SchemaKeys.all
        }
        for entry in reader.entries where !allowed.contains(entry.key) {
            if SchemaKeys.all.contains(entry.key) {
                var message = SchemaKeys.notApplicable(entry.key, type: isRef ? nil : type, isField: isField)
                if reader["type"] == nil && !isRef,
                    let owner = SchemaType.allCases.first(where: {
                        $0.ownKeys.contains(entry.key)
                    })
                {
                    message += " (a schema without `type` is `any`; add `type: \(owner.rawValue)`?)"
                }
                log.error(message, at: entry.keyLocation)
            } else {
                let suggestion =
                    Suggestion.closest(to: entry.key, among: allowed)
                    ?? Suggestion.closest(to: entry.key, among: SchemaKeys.all)
                log.error(
                    "unknown key `\(entry.key)`\(suggestion.map { "; did you mean `\($0)`?" } ?? "")",
                    at: entry.keyLocation
                )
            }
        }
    }
}
