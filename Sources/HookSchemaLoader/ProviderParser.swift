import HookSchemaModel

/// A provider.yaml as read, with the locations the cross-file checks point at.
struct ParsedProvider {
    var name: String
    var swiftName: String
    var description: String?
    var discriminator: String
    var eventHeader: String?
    var variantMember: String?
    var dedupeKey: DedupeKey?
    var dedupeKeyLocation: SourceLocation?
    var payloadField: String?
    var envelopeFields: [Field] = []
    var headers: [Header] = []
    var signature: SignatureScheme?
    var types: [NamedType] = []
    var typeLocations: [String: SourceLocation] = [:]
    var legacyEvents: [(event: LegacyEvent, location: SourceLocation)] = []
}

/// Reads a provider.yaml: the envelope, headers, signature scheme, named types and legacy event names.
struct ProviderParser {
    let source: SchemaSource
    /// The provider folder's name, which `provider:` must equal.
    let folder: String
    let scope: ProviderScope
    let log: DiagnosticLog

    static let keys = [
        "provider", "swiftName", "description", "envelope", "headers", "signature", "dedupeKey", "types",
        "legacyEvents",
    ]

    func parse(_ root: YAMLNode) -> ParsedProvider? {
        guard let reader = MappingReader(root, what: "a provider file", log: log) else { return nil }
        reader.rejectUnknownKeys(allowed: Self.keys, in: "a provider file")
        var provider = ParsedProvider(name: folder, swiftName: SwiftNaming.typeName(folder), discriminator: "")
        if let entry = reader.require("provider", in: "a provider file"), let name = reader.string("provider") {
            if name != folder {
                log.error(
                    "`provider: \(name)` does not match its folder `\(folder)`; the provider id is the folder's name",
                    at: entry.value.location
                )
            }
        }
        provider.swiftName = swiftName(reader) ?? provider.swiftName
        provider.description = reader.string("description")

        // Type names first, so that every schema can tell a `$ref` typo from a type used as `type:`.
        let typeEntries = reader["types"].flatMap { typesEntries($0.value) } ?? []
        scope.typeNames = Set(typeEntries.map(\.key))
        let schemas = SchemaParser(scope: scope, log: log)
        for entry in typeEntries {
            if !isSwiftIdentifier(entry.key) {
                log.error("a type name must be a Swift identifier, not `\(entry.key)`", at: entry.keyLocation)
            }
            let parsed = schemas.parse(entry.value, context: .root(owner: entry.key))
            provider.types.append(NamedType(name: entry.key, schema: parsed.schema, source: source.relativePath))
            provider.typeLocations[entry.key] = entry.keyLocation
        }

        if let envelope = reader.require("envelope", in: "a provider file") {
            parseEnvelope(envelope.value, into: &provider, schemas: schemas)
        }
        if let headers = reader["headers"] {
            provider.headers = HeaderParser(log: log).parse(headers.value, provider: provider)
        }
        if let signature = reader["signature"] {
            provider.signature = SignatureParser(log: log).parse(signature.value)
        }
        if let entry = reader["dedupeKey"] {
            provider.dedupeKey = dedupeKey(entry.value)
            provider.dedupeKeyLocation = entry.value.location
        }
        if let legacy = reader["legacyEvents"] {
            provider.legacyEvents = legacyEvents(legacy.value)
        }
        return provider
    }

    private func swiftName(_ reader: MappingReader) -> String? {
        guard let entry = reader["swiftName"], let name = reader.string("swiftName") else { return nil }
        guard isSwiftIdentifier(name) else {
            log.error("`swiftName` must be a Swift identifier, not `\(name)`", at: entry.value.location)
            return nil
        }
        return name
    }

    private func typesEntries(_ node: YAMLNode) -> [YAMLEntry]? {
        guard let entries = node.entries else {
            log.error(
                "`types` must be a mapping of type names to schemas, not \(node.kindDescription)",
                at: node.location)
            return nil
        }
        return uniqueEntries(entries, noun: "type", log: log)
    }

    private func parseEnvelope(_ node: YAMLNode, into provider: inout ParsedProvider, schemas: SchemaParser) {
        guard let reader = MappingReader(node, what: "`envelope`", log: log) else { return }
        reader.rejectUnknownKeys(
            allowed: ["discriminator", "eventHeader", "variant", "payload", "fields"], in: "`envelope`")
        let errorsBefore = log.diagnostics.count
        let byHeader = reader["eventHeader"] != nil
        if let entry = byHeader ? reader["fields"] : reader.require("fields", in: "`envelope`") {
            provider.envelopeFields = schemas.fields(entry.value, context: .root(owner: nil))
        }
        let fieldsAreValid = log.diagnostics.count == errorsBefore
        let names = provider.envelopeFields.map(\.name)
        if byHeader {
            parseEventHeader(reader, into: &provider)
        } else if let entry = reader["variant"] {
            log.error(
                "`variant` selects an event's variant when the event type travels in a header; it needs `eventHeader`",
                at: entry.keyLocation
            )
        }
        if !byHeader, let entry = reader.require("discriminator", in: "`envelope`"),
            let discriminator = reader.string("discriminator")
        {
            provider.discriminator = discriminator
            if let field = provider.envelopeFields.first(where: { $0.name == discriminator }) {
                if fieldsAreValid && !field.schema.kind.isString && !provider.isInteger(field.schema) {
                    log.error(
                        "the discriminator field `\(discriminator)` must be of type `string` or `integer` (or an "
                            + "integer enum)",
                        at: entry.value.location
                    )
                }
            } else if reader["fields"] != nil {
                log.error(
                    "the discriminator `\(discriminator)` is not a field of the envelope"
                        + Suggestion.didYouMean(discriminator, among: names),
                    at: entry.value.location
                )
            }
        }
        if let entry = reader["payload"], let payload = reader.string("payload") {
            if payload == provider.discriminator {
                log.error("the payload member cannot be the discriminator `\(payload)`", at: entry.value.location)
            } else {
                provider.payloadField = payload
            }
        }
    }

    /// `eventHeader` (instead of `discriminator`) and an optional `variant` member.
    private func parseEventHeader(_ reader: MappingReader, into provider: inout ParsedProvider) {
        if let entry = reader["discriminator"] {
            log.error(
                "an envelope names its events either by a body member (`discriminator`) or by a header "
                    + "(`eventHeader`), not both",
                at: entry.keyLocation
            )
        }
        if let entry = reader["eventHeader"], let header = reader.string("eventHeader") {
            if header.isEmpty || header.contains(where: { $0 == ":" || $0.isWhitespace }) {
                log.error("`eventHeader` must be an HTTP header name, not `\(header)`", at: entry.value.location)
            } else {
                provider.eventHeader = header
            }
        }
        guard let entry = reader["variant"], let variant = reader.string("variant") else { return }
        if let field = provider.envelopeFields.first(where: { $0.name == variant }),
            !field.schema.kind.isString
        {
            log.error("the variant member `\(variant)` must be of type `string`", at: entry.value.location)
        }
        provider.variantMember = variant
    }

    /// `{ header: Name }` or `{ member: /json/pointer }`.
    private func dedupeKey(_ node: YAMLNode) -> DedupeKey? {
        guard let reader = MappingReader(node, what: "`dedupeKey`", log: log) else { return nil }
        reader.rejectUnknownKeys(allowed: ["header", "member"], in: "`dedupeKey`")
        switch (reader["header"], reader["member"]) {
        case (let header?, nil):
            guard let name = reader.string("header") else { return nil }
            guard !name.isEmpty, !name.contains(where: { $0 == ":" || $0.isWhitespace }) else {
                log.error("`header` must be an HTTP header name, not `\(name)`", at: header.value.location)
                return nil
            }
            return .header(name)
        case (nil, let member?):
            guard let pointer = reader.string("member") else { return nil }
            guard pointer.hasPrefix("/"), pointer.count > 1 else {
                log.error(
                    "`member` is a JSON pointer into the body, such as `/id` or `/data/eventId`; not `\(pointer)`",
                    at: member.value.location
                )
                return nil
            }
            return .member(pointer)
        case (_?, _?):
            log.error("`dedupeKey` names either a `header` or a body `member`, not both", at: node.location)
            return nil
        case (nil, nil):
            log.error("`dedupeKey` needs a `header` or a body `member` (a JSON pointer)", at: node.location)
            return nil
        }
    }


    private func legacyEvents(_ node: YAMLNode) -> [(event: LegacyEvent, location: SourceLocation)] {
        guard let entries = node.entries else {
            log.error(
                "`legacyEvents` must map old event types to what replaced them, not \(node.kindDescription)",
                at: node.location
            )
            return []
        }
        return uniqueEntries(entries, noun: "legacy event", log: log).compactMap { entry in
            guard let replacement = MappingReader.string(entry.value, key: entry.key, log: log) else { return nil }
            return (LegacyEvent(type: entry.key, replacedBy: replacement), entry.keyLocation)
        }
    }
}

extension ParsedProvider {
    /// Whether `schema` (a `$ref` to one of the provider's types followed) is an integer or an integer enum: the
    /// kinds an integer discriminator may have.
    func isInteger(_ schema: Schema) -> Bool {
        var schema = schema
        if case .ref(let name) = schema.kind, let target = types.first(where: { $0.name == name }) {
            schema = target.schema
        }
        switch schema.kind {
        case .integer: return true
        case .enumeration(let rules): return rules.integer
        default: return false
        }
    }

    /// Whether the envelope's discriminator is an integer member (Discord's `type: 1`).
    var discriminatorIsInteger: Bool {
        guard eventHeader == nil, let field = envelopeFields.first(where: { $0.name == discriminator }) else {
            return false
        }
        return isInteger(field.schema)
    }
}

extension Schema.Kind {
    var isString: Bool {
        if case .string = self { return true }
        return false
    }
}
