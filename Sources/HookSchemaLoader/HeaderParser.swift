import HookSchemaModel

/// Reads a provider's `headers:`: header name → `{ required, description, format, mirrors }`.
struct HeaderParser {
    let log: DiagnosticLog

    func parse(_ node: YAMLNode, provider: ParsedProvider) -> [Header] {
        guard let entries = node.entries else {
            log.error(
                "`headers` must be a mapping of header names to their rules, not \(node.kindDescription)",
                at: node.location)
            return []
        }
        var headers: [Header] = []
        // HTTP header names are case-insensitive: `X-Id` and `x-id` are the same header.
        var seen: [String: (name: String, location: SourceLocation)] = [:]
        for entry in entries {
            if let first = seen[entry.key.lowercased()] {
                log.error(
                    "duplicate header `\(entry.key)`",
                    at: entry.keyLocation,
                    note: "`\(first.name)` is first declared at \(first.location) (header names are case-insensitive)"
                )
                continue
            }
            seen[entry.key.lowercased()] = (entry.key, entry.keyLocation)
            if let header = parseHeader(entry, provider: provider) {
                headers.append(header)
            }
        }
        return headers
    }

    private func parseHeader(_ entry: YAMLEntry, provider: ParsedProvider) -> Header? {
        if entry.value.scalar?.kind == .null {
            return Header(name: entry.key)
        }
        guard let reader = MappingReader(entry.value, what: "header `\(entry.key)`", log: log) else { return nil }
        reader.rejectUnknownKeys(allowed: ["required", "description", "format", "mirrors"], in: "a header")
        var header = Header(
            name: entry.key,
            required: reader.bool("required") ?? false,
            description: reader.string("description")
        )
        if let format = reader["format"], let name = reader.string("format") {
            if let value = HeaderFormat(rawValue: name) {
                header.format = value
            } else {
                let known = ["string", "datetime", "integer"]
                log.error(
                    "unknown header format `\(name)`\(Suggestion.didYouMean(name, among: known)) "
                        + "(known: \(known.joined(separator: ", ")))",
                    at: format.value.location
                )
            }
        }
        if let mirrors = reader["mirrors"], let pointer = reader.string("mirrors") {
            if checkMirrors(pointer, at: mirrors.value.location, provider: provider) {
                header.mirrors = pointer
            }
        }
        return header
    }

    /// A JSON pointer into the body: its first token an envelope field (or the payload member), and any further
    /// tokens fields of that member where its schema is known.
    private func checkMirrors(_ pointer: String, at location: SourceLocation, provider: ParsedProvider) -> Bool {
        guard pointer.hasPrefix("/"), pointer.count > 1 else {
            log.error(
                "`mirrors` must be a JSON pointer to a body member, such as `/eventId`; not `\(pointer)`",
                at: location)
            return false
        }
        let tokens = JSONPointer.tokens(of: pointer)
        let members = provider.envelopeFields.map(\.name) + (provider.payloadField.map { [$0] } ?? [])
        guard let first = tokens.first, members.contains(first) else {
            let suggestion = Suggestion.didYouMean(tokens.first ?? "", among: members)
            log.error("`mirrors: \(pointer)` names no envelope field\(suggestion)", at: location)
            return false
        }
        guard var schema = provider.envelopeFields.first(where: { $0.name == first })?.schema else {
            return true  // the payload member: its schema differs per event
        }
        var path = "/" + JSONPointer.escape(first)
        for token in tokens.dropFirst() {
            schema = resolve(schema, types: provider.types)
            guard case .object(let rules) = schema.kind, let field = rules.fields.first(where: { $0.name == token })
            else {
                log.error("`mirrors: \(pointer)`: `\(path)` has no member `\(token)`", at: location)
                return false
            }
            schema = field.schema
            path = JSONPointer.appending(token, to: path)
        }
        return true
    }

    private func resolve(_ schema: Schema, types: [NamedType]) -> Schema {
        var current = schema
        var seen: Set<String> = []
        while case .ref(let name) = current.kind, seen.insert(name).inserted,
            let target = types.first(where: { $0.name == name })
        {
            current = target.schema
        }
        return current
    }
}
