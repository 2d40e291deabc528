import HookSchemaModel

/// An event file as read, with the locations the cross-file checks point at.
struct ParsedEvent {
    var event: Event
    var typeLocation: SourceLocation
    var swiftNameLocation: SourceLocation
}

/// Reads one event file and builds its body from the provider's envelope.
struct EventParser {
    let source: SchemaSource
    let folder: String
    /// Nil when the folder has no (readable) provider.yaml: the file is still checked on its own.
    let provider: ParsedProvider?
    let scope: ProviderScope
    let log: DiagnosticLog

    static let keys = [
        "event", "variant", "provider", "swiftName", "description", "deprecated", "payload", "fields",
        "exactlyOne", "atLeastOne",
    ]

    func parse(_ root: YAMLNode) -> ParsedEvent? {
        guard let reader = MappingReader(root, what: "an event file", log: log) else { return nil }
        reader.rejectUnknownKeys(allowed: Self.keys, in: "an event file")
        let typeEntry = reader.require("event", in: "an event file")
        let selector = typeEntry.flatMap { _ in reader.string("event") }
        let variant = self.variant(reader)
        let type = selector.map { selector in variant.map { "\(selector).\($0)" } ?? selector }
        let integerDiscriminator = provider?.discriminatorIsInteger ?? false
        if integerDiscriminator, let selector, let typeEntry, Int64(selector) == nil {
            log.error(
                "the discriminator `\(provider?.discriminator ?? "")` is an integer; `event` must be one, not "
                    + "`\(selector)`",
                at: typeEntry.value.location
            )
        }
        if let entry = reader["provider"], let name = reader.string("provider"), name != folder {
            log.error(
                "`provider: \(name)` does not match the folder `\(folder)` this event file is in",
                at: entry.value.location
            )
        }
        if let type, let typeEntry, fileStem != Self.fileStem(of: type) {
            log.warning(
                "the file `\(source.relativePath)` describes `\(type)`; name it `\(Self.fileStem(of: type)).yaml`",
                at: typeEntry.value.location
            )
        }
        if integerDiscriminator, reader["swiftName"] == nil, let typeEntry {
            log.error(
                "an event named by an integer (`event: \(selector ?? "")`) needs a `swiftName` for its Swift type",
                at: typeEntry.value.location
            )
        }
        var swiftName = type.map { SwiftNaming.typeName($0) + "Event" } ?? "Event"
        var swiftNameLocation = typeEntry?.value.location ?? root.location
        if let entry = reader["swiftName"], let name = reader.string("swiftName") {
            if isSwiftIdentifier(name) {
                swiftName = name
                swiftNameLocation = entry.value.location
            } else {
                log.error("`swiftName` must be a Swift identifier, not `\(name)`", at: entry.value.location)
            }
        }

        let schemas = SchemaParser(scope: scope, log: log)
        let payload = reader["payload"].map { schemas.parse($0.value, context: .root(owner: nil)) }
        let fields = reader["fields"].map { entry in
            let fields = schemas.fields(entry.value, context: .root(owner: nil))
            checkAgainstEnvelope(entry.value, fields: fields)
            return fields
        }
        checkPayloadShape(reader, hasPayload: payload != nil, hasFields: fields != nil)
        let choices = schemas.choices(reader, fields: fields ?? [])

        guard let type, let typeEntry else { return nil }
        let body = provider.map {
            makeBody(
                selector: selector ?? type, variant: variant, provider: $0, payload: payload?.schema,
                fields: fields ?? [], choices: choices)
        }
        let event = Event(
            type: type,
            swiftName: swiftName,
            description: reader.string("description"),
            deprecated: reader.bool("deprecated") ?? false,
            variant: variant,
            body: body ?? Schema(.object(ObjectRules(fields: []))),
            source: source.relativePath
        )
        return ParsedEvent(event: event, typeLocation: typeEntry.value.location, swiftNameLocation: swiftNameLocation)
    }

    /// `variant:`, which needs a provider whose envelope declares a `variant` member.
    private func variant(_ reader: MappingReader) -> String? {
        guard let entry = reader["variant"], let variant = reader.string("variant") else { return nil }
        guard let provider else { return variant }
        guard provider.variantMember != nil else {
            log.error(
                "`variant` needs an envelope with `eventHeader` and `variant` (the body member that selects it)",
                at: entry.keyLocation
            )
            return nil
        }
        guard !variant.isEmpty else {
            log.error("`variant` must not be empty", at: entry.value.location)
            return nil
        }
        return variant
    }

    /// The file name an event type should have, without `.yaml`: the type, with a `/` (Shopify's `orders/create`)
    /// written `.`.
    static func fileStem(of type: String) -> String {
        type.replacing("/", with: ".")
    }

    /// The file name without `.yaml` / `.yml`.
    private var fileStem: String {
        let name = source.relativePath.split(separator: "/").last.map(String.init) ?? source.relativePath
        for suffix in [".yaml", ".yml"] where name.hasSuffix(suffix) {
            return String(name.dropLast(suffix.count))
        }
        return name
    }

    /// `payload:` when the envelope has a payload member, `fields:` (optional) when it has none.
    private func checkPayloadShape(_ reader: MappingReader, hasPayload: Bool, hasFields: Bool) {
        guard let provider else { return }
        if let payloadField = provider.payloadField {
            if let entry = reader["fields"] {
                log.error(
                    "this provider's envelope carries the event in `\(payloadField)`; describe it with `payload:`, "
                        + "not `fields:`",
                    at: entry.keyLocation
                )
            } else if !hasPayload {
                log.error(
                    "an event file of provider `\(provider.name)` needs `payload:` (the schema of `\(payloadField)`)",
                    at: reader.node.location
                )
            }
        } else if let entry = reader["payload"] {
            log.error(
                "this provider's envelope has no payload member (`envelope.payload`); list the event's members under "
                    + "`fields:`",
                at: entry.keyLocation
            )
        }
    }

    /// An event's own fields must not repeat an envelope field, by wire name or by Swift name.
    private func checkAgainstEnvelope(_ node: YAMLNode, fields: [Field]) {
        guard let provider, let entries = node.entries else { return }
        let envelopeSwiftNames = Dictionary(
            provider.envelopeFields.map { ($0.swiftName ?? SwiftNaming.memberName($0.name), $0.name) },
            uniquingKeysWith: { first, _ in first }
        )
        for field in fields {
            guard let entry = entries.first(field.name) else { continue }
            if provider.envelopeFields.contains(where: { $0.name == field.name }) {
                log.error("duplicate field `\(field.name)`: the envelope already has it", at: entry.keyLocation)
            } else if let other = envelopeSwiftNames[field.swiftName ?? SwiftNaming.memberName(field.name)] {
                log.error(
                    "field `\(field.name)` and the envelope's `\(other)` both become the Swift property "
                        + "`\(field.swiftName ?? SwiftNaming.memberName(field.name))`; give one a different `swiftName`",
                    at: entry.keyLocation
                )
            }
        }
    }

    /// The envelope's fields in order, the discriminator (or the variant member) fixed to the event's value, then
    /// the payload member (or the event's own fields when the envelope has no payload member).
    private func makeBody(
        selector: String, variant: String?, provider: ParsedProvider, payload: Schema?, fields: [Field],
        choices: [MemberChoice]
    ) -> Schema {
        let fixedMember: String?
        let fixedValue: Literal?
        if provider.eventHeader != nil {
            fixedMember = variant == nil ? nil : provider.variantMember
            fixedValue = variant.map { .string($0) }
        } else {
            fixedMember = provider.discriminator
            fixedValue = provider.discriminatorIsInteger ? Int64(selector).map { .integer($0) } : .string(selector)
        }
        var members = provider.envelopeFields.map { field -> Field in
            guard field.name == fixedMember else { return field }
            var fixed = field
            fixed.schema.const = fixedValue
            fixed.required = true
            return fixed
        }
        if let fixedMember, let fixedValue, !members.contains(where: { $0.name == fixedMember }) {
            // A variant member the envelope does not list: the body starts with it.
            members.insert(
                Field(name: fixedMember, schema: Schema(.string(StringRules()), const: fixedValue), required: true),
                at: 0)
        }
        if let payloadField = provider.payloadField {
            var schema = payload ?? Schema(.object(ObjectRules(fields: [])))
            if let index = members.firstIndex(where: { $0.name == payloadField }) {
                // Listed in the envelope (for its position or `swiftName`): the event's schema takes its place.
                schema.description = schema.description ?? members[index].schema.description
                members[index].schema = schema
                members[index].required = true
            } else {
                members.append(Field(name: payloadField, schema: schema, required: true))
            }
        } else {
            members += fields
        }
        return Schema(.object(ObjectRules(fields: members, choices: choices)))
    }
}
