import HookSchemaModel

/// Writes an import as a provider folder in the schema language: `provider.yaml` and one file per event.
///
/// What the import writes and what the user writes stay apart, so a re-import after the provider publishes a new
/// version updates the one and keeps the other: in `provider.yaml` the import owns the `types:` block (the schemas
/// it read), and everything else (the envelope, headers, signature, dedupe key: typically copied from the
/// cookbook) is the user's, never rewritten once the file exists. Event files start with a comment naming their
/// source, and are the import's: rewritten, and removed when the source no longer has the event.
public enum ImportWriter {
    /// The first line of every event file an import writes (how a re-import knows the files it may replace).
    public static let eventMarker = "# Imported by hookschema from "

    /// The first line of every event file `hookschema infer` writes.
    public static let inferMarker = "# Inferred by hookschema from "

    /// Which command writes the files, and so what their comments say.
    public enum Origin: Sendable {
        case `import`
        /// `hookschema infer`, with its notes on the decisions it was unsure of (keyed `envelope/<path>`,
        /// `event:<type>/<path>`, `type:<Name>/<path>`).
        case infer(notes: [String: [String]])

        var command: String {
            switch self {
            case .import: return "import"
            case .infer: return "infer"
            }
        }

        var notes: [String: [String]] {
            if case .infer(let notes) = self { return notes }
            return [:]
        }
    }

    /// The files of `provider`, by file name. `existingProvider` is the current provider.yaml's text, if any.
    public static func files(
        _ provider: ImportedProvider, source: String, existingProvider: String?, origin: Origin = .import
    ) -> [(name: String, contents: String)] {
        var files = [
            (name: "provider.yaml", contents: providerFile(provider, source: source, existing: existingProvider, origin))
        ]
        for event in provider.events {
            files.append((event.fileStem + ".yaml", eventFile(event, origin)))
        }
        return files
    }

    static func providerFile(
        _ provider: ImportedProvider, source: String, existing: String?, _ origin: Origin = .import
    ) -> String {
        let types = typesBlock(provider, origin)
        if let existing {
            return replacingTypes(in: existing, with: types)
        }
        var writer = LanguageWriter()
        writer.notes = origin.notes
        writer.notePrefix = "envelope/"
        switch origin {
        case .import:
            writer.comment(
                "Imported by hookschema from \(source). The envelope, headers, signature and dedupeKey are yours to "
                    + "edit (copy them from Examples/providers/<name>/provider.yaml of the cookbook): a re-import "
                    + "keeps them and rewrites only `types:`.")
        case .infer:
            writer.comment(
                "Inferred by hookschema from \(source). The envelope, headers, signature and dedupeKey are yours to "
                    + "edit (copy them from Examples/providers/<name>/provider.yaml of the cookbook): running "
                    + "`hookschema infer` again keeps them and rewrites only `types:`.")
        }
        writer.line("provider: \(provider.name)")
        if let description = provider.description {
            writer.text("description", description, indent: 0)
        }
        writer.blank()
        writer.line("envelope:")
        switch provider.naming {
        case .member(let member):
            writer.line("discriminator: \(LanguageWriter.key(member))", indent: 1)
        case .header(let header, let variant):
            writer.line("eventHeader: \(LanguageWriter.scalar(header))", indent: 1)
            if let variant { writer.line("variant: \(LanguageWriter.key(variant))", indent: 1) }
        }
        if provider.envelopeFields.isEmpty {
            writer.line("fields: {}", indent: 1)
        } else {
            writer.line("fields:", indent: 1)
            for field in provider.envelopeFields {
                writer.schema(field.name, field.schema, indent: 2, required: field.required, swiftName: field.swiftName)
            }
        }
        return writer.text + (types.isEmpty ? "" : "\n" + types)
    }

    /// `types:` and its named types, or "" when there are none.
    static func typesBlock(_ provider: ImportedProvider, _ origin: Origin = .import) -> String {
        guard !provider.types.isEmpty else { return "" }
        var writer = LanguageWriter()
        writer.notes = origin.notes
        writer.notePrefix = "type:"
        switch origin {
        case .import:
            writer.comment(
                "Written by `hookschema import`: a re-import rewrites this `types:` block (and nothing else here).")
        case .infer:
            writer.comment(
                "Written by `hookschema infer`: running it again rewrites this `types:` block (and nothing else here).")
        }
        writer.line("types:")
        for type in provider.types {
            if let source = provider.typeSources[type.name] {
                writer.comment("From \(source).", indent: 1)
            }
            writer.schema(type.name, type.schema, indent: 1)
        }
        return writer.text
    }

    /// `existing` with its `types:` block replaced (from the line `types:`, with the comment lines right above it,
    /// to the next top-level key or the end), or the block appended when there is none.
    static func replacingTypes(in existing: String, with types: String) -> String {
        var lines = existing.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var insertion = lines.count
        if let start = lines.firstIndex(where: { $0.hasPrefix("types:") }) {
            var end = start + 1
            while end < lines.count, !Self.isTopLevelKey(lines[end]) { end += 1 }
            // Comments right above the next key belong to it, not to the types.
            while end > start + 1, lines[end - 1].hasPrefix("#") || lines[end - 1].isEmpty, end < lines.count {
                end -= 1
            }
            var cut = start
            while cut > 0, lines[cut - 1].hasPrefix("#") { cut -= 1 }
            lines.removeSubrange(cut..<end)
            insertion = cut
        }
        var block = types.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        while block.last == "" { block.removeLast() }
        if insertion == lines.count {
            while lines.last == "" { lines.removeLast() }
            if !block.isEmpty { lines += [""] + block }
        } else if !block.isEmpty {
            lines.insert(contentsOf: block + (lines[insertion].isEmpty ? [] : [""]), at: insertion)
        }
        while lines.last == "" { lines.removeLast() }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A line that starts a top-level key (`signature:`), not an indented line, comment or blank.
    private static func isTopLevelKey(_ line: String) -> Bool {
        guard let first = line.first else { return false }
        return !first.isWhitespace && first != "#" && first != "-"
    }

    static func eventFile(_ event: ImportedProvider.ImportedEvent, _ origin: Origin = .import) -> String {
        var writer = LanguageWriter()
        writer.notes = origin.notes
        writer.notePrefix = "event:\(event.type)/"
        switch origin {
        case .import:
            writer.line(eventMarker + "\(event.source).")
            writer.comment("Re-running the import rewrites this file.")
        case .infer:
            writer.line(inferMarker + "\(event.source.file): \(event.heading ?? "samples").")
            writer.comment("Re-running `hookschema infer` rewrites this file.")
        }
        writer.line("event: \(LanguageWriter.scalar(event.name, enumValue: true))")
        if let variant = event.variant {
            writer.line("variant: \(LanguageWriter.scalar(variant, enumValue: true))")
        }
        if let swiftName = event.swiftName {
            writer.line("swiftName: \(swiftName)")
        }
        if let description = event.description {
            writer.text("description", description, indent: 0)
        }
        if event.fields.isEmpty {
            writer.line("fields: {}")
        } else {
            writer.line("fields:")
            for field in event.fields {
                writer.schema(field.name, field.schema, indent: 1, required: field.required, swiftName: field.swiftName)
            }
        }
        writer.choices(event.choices, indent: 0)
        return writer.text
    }
}
