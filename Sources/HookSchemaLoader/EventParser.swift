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

    static let keys = ["event", "provider", "swiftName", "description", "deprecated", "payload", "fields"]

    func parse(_ root: YAMLNode) -> ParsedEvent? {
        guard let reader = MappingReader(root, what: "an event file", log: log) else { return nil }
        reader.rejectUnknownKeys(allowed: Self.keys, in: "an event file")
        let typeEntry = reader.require("event", in: "an event file")
        let type = typeEntry.flatMap { _ in reader.string("event") }
        if let entry = reader["provider"], let name = reader.string("provider"), name != folder {
            log.error(
                "`provider: \(name)` does not match the folder `\(folder)` this event file is in",
                at: entry.value.location
            )
        }
        if let type, let typeEntry, fileStem != type {
            log.warning(
                "the file `\(source.relativePath)` describes `\(type)`; name it `\(type).yaml`",
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

        guard let type, let typeEntry else { return nil }
        let body = provider.map { makeBody(type: type, provider: $0, payload: payload?.schema, fields: fields ?? []) }
        let event = Event(
            type: type,
            swiftName: swiftName,
            description: reader.string("description"),
            deprecated: reader.bool("deprecated") ?? false,
            body: body ?? Schema(.object(ObjectRules(fields: []))),
            source: source.relativePath
        )
        return ParsedEvent(event: event, typeLocation: typeEntry.value.location, swiftNameLocation: swiftNameLocation)
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

    /// The envelope's fields in order, the discriminator fixed to `type`, then the payload member (or the event's
    /// own fields when the envelope has no payload member).
    private func makeBody(type: String, provider: ParsedProvider, payload: Schema?, fields: [Field]) -> Schema {
        var members = provider.envelopeFields.map { field -> Field in
            guard field.name == provider.discriminator else { return field }
            var fixed = field
            fixed.schema.const = .string(type)
            fixed.required = true
            return fixed
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
        return Schema(.object(ObjectRules(fields: members)))
    }
}
