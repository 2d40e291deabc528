import HookSchemaImport
import HookSchemaInfer
import HookSchemaModel

/// Turns one planned change into the smallest text edit, in the style of what is around it: a new member in a
/// block mapping is a new line at its siblings' indentation (rendered as `hookschema import` writes a field: flow
/// style when it fits in 120 columns), in a flow mapping it goes inside the braces; a new enum value goes before a
/// flow list's `]` or on a new `- VALUE` line after a block list's last item.
struct EditRenderer {
    let text: YAMLText

    // MARK: New members

    /// Inserts members as the last entries of `container`: a `fields:` mapping, or, when `hasFieldsKey` is false,
    /// an object's own mapping, which gets a `fields:` entry holding them.
    func insertMembers(_ members: [(String, Schema)], into container: YAMLNode, hasFieldsKey: Bool) -> TextEdit? {
        if container.flow {
            let entries = members.map { "\(LanguageWriter.key($0.0)): \(Self.flow($0.1))" }.joined(separator: ", ")
            return insertIntoFlow(hasFieldsKey ? entries : "fields: { \(entries) }", collection: container)
        }
        guard let last = container.entries?.last else { return nil }
        let column = text.column(of: last.keyStart)
        var lines: [String] = []
        if !hasFieldsKey { lines.append(String(repeating: " ", count: column) + "fields:") }
        for (name, schema) in members {
            lines += Self.block(name, schema, column: hasFieldsKey ? column : column + 2)
        }
        return insertLines(lines, after: last.keyStart, column: column, value: last.value)
    }

    /// `name: <schema>` as `LanguageWriter` writes a field, starting at this column (flow style when the line fits in
    /// 120 columns), nested lines indented by two more spaces a level.
    static func block(_ name: String, _ schema: Schema, column: Int) -> [String] {
        var writer = LanguageWriter()
        if column % 2 == 0 {
            writer.schema(name, schema, indent: column / 2)
            return writer.lines
        }
        writer.schema(name, schema, indent: 0)
        let pad = String(repeating: " ", count: column)
        return writer.lines.map { $0.isEmpty ? $0 : pad + $0 }
    }

    /// A schema on one line, also when `LanguageWriter` would write it in block style (an object with fields, an
    /// array of such): inside a flow mapping there is no other way.
    static func flow(_ schema: Schema, required: Bool = false) -> String {
        let extra = required ? [("required", "true")] : []
        if let flow = LanguageWriter.flow(schema, extra: extra) { return flow }
        var parts: [String] = []
        func header(_ type: String) {
            parts.append("type: \(type)")
            if schema.nullable { parts.append("nullable: true") }
            if required { parts.append("required: true") }
        }
        switch schema.kind {
        case .object(let rules):
            header("object")
            let fields = rules.fields.map {
                "\(LanguageWriter.key($0.name)): \(flow($0.schema, required: $0.required))"
            }
            parts.append("fields: { " + fields.joined(separator: ", ") + " }")
        case .array(let rules):
            header("array")
            parts.append("items: \(flow(rules.items))")
        case .map(let rules):
            header("map")
            parts.append("values: \(flow(rules.values))")
        default:
            header("any")
        }
        return "{ " + parts.joined(separator: ", ") + " }"
    }

    // MARK: Enum values

    func appendValues(_ values: [String], integer: Bool, to list: YAMLNode) -> TextEdit? {
        let written = values.map { integer ? $0 : LanguageWriter.scalar($0, enumValue: true) }
        if list.flow {
            return insertIntoFlow(written.joined(separator: ", "), collection: list)
        }
        guard let last = list.items?.last else { return nil }
        // The last item's dash: before the item's first character on its line.
        var dash = last.start - 1
        while dash > 0, text.bytes[dash] == UInt8(ascii: " ") { dash -= 1 }
        guard dash >= 0, text.bytes[dash] == UInt8(ascii: "-") else { return nil }
        let column = text.column(of: dash)
        let indent = String(repeating: " ", count: column)
        return insertLines(written.map { indent + "- " + $0 }, after: dash, column: column, value: last)
    }

    // MARK: Required

    /// Makes a required field optional.
    ///
    /// `required: true` is removed rather than set to `false`, since `false` is the default and the language's
    /// examples never write it: a block entry alone on its line loses the line; in a flow mapping the entry goes with
    /// the comma before it (or after it, when it is first). Where removing would take more than the entry (a comment
    /// on the same line, which may say why the member is required) or leave nothing (the only key), the value is set
    /// to `false` instead: the comment stays next to what it explains.
    func makeOptional(_ field: YAMLNode, required: YAMLEntry) -> TextEdit {
        let valueStart = required.value.start
        let valueEnd = valueStart + (required.value.scalar?.utf8.count ?? 0)
        let toFalse = TextEdit(range: valueStart..<valueEnd, replacement: "false")
        guard let entries = field.entries, entries.count > 1 else { return toFalse }
        let bytes = text.bytes
        if field.flow {
            var before = required.keyStart - 1
            while before > 0, text.isSpace(bytes[before]) { before -= 1 }
            if bytes[before] == UInt8(ascii: ",") {
                return TextEdit(range: before..<valueEnd, replacement: "")
            }
            guard bytes[before] == UInt8(ascii: "{") else { return toFalse }
            var after = valueEnd
            while after < bytes.count, text.isSpace(bytes[after]) { after += 1 }
            guard after < bytes.count, bytes[after] == UInt8(ascii: ",") else { return toFalse }
            after += 1
            while after < bytes.count, bytes[after] == UInt8(ascii: " ") { after += 1 }
            return TextEdit(range: required.keyStart..<after, replacement: "")
        }
        let line = text.lineIndex(of: required.keyStart)
        let startsLine = text.lineStarts[line] + text.indentation(line) == required.keyStart
        // The value on the key's line (not `required:` with `true` on the next), nothing but spaces after it.
        let content = text.line(line)
        guard startsLine, valueEnd <= content.endIndex,
            content[valueEnd...].allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\r") })
        else { return toFalse }
        return TextEdit(range: text.lineStarts[line]..<text.lineEnd(line), replacement: "")
    }

    // MARK: Placing text

    /// Inserts `content` as the last entries of the flow collection opening at `collection.start`.
    private func insertIntoFlow(_ content: String, collection: YAMLNode) -> TextEdit? {
        guard let (close, last) = text.flowClose(from: collection.start) else { return nil }
        if last == collection.start {
            // Empty (`{}`, `[ ]`): the content between the brackets, padded as a flow collection is written here.
            let inner = text.bytes[(collection.start + 1)..<close]
            guard !inner.contains(UInt8(ascii: "#")) else {
                return TextEdit(range: close..<close, replacement: " \(content) ")
            }
            let padding = collection.entries != nil ? " " : ""
            return TextEdit(range: (collection.start + 1)..<close, replacement: padding + content + padding)
        }
        let separator = text.bytes[last] == UInt8(ascii: ",") ? " " : ", "
        return TextEdit(range: (last + 1)..<(last + 1), replacement: separator + content)
    }

    /// Inserts whole lines after the block that starts at `offset` (a key or a dash at `column`) and holds `value`:
    /// after its last line, before any blank lines or less-indented comments that follow it. A flow collection's
    /// closing bracket may sit at the key's own indentation (`note: {` … `}`): the block reaches at least its line.
    private func insertLines(_ lines: [String], after offset: Int, column: Int, value: YAMLNode) -> TextEdit {
        var lastLine = text.lastLine(ofBlockStartingAt: text.lineIndex(of: offset), column: column)
        if value.flow, let (close, _) = text.flowClose(from: value.start) {
            lastLine = max(lastLine, text.lineIndex(of: close))
        }
        let position = text.lineEnd(lastLine)
        var content = lines.joined(separator: "\n") + "\n"
        if position == text.bytes.count, position > 0, text.bytes[position - 1] != UInt8(ascii: "\n") {
            content = "\n" + content
        }
        return TextEdit(range: position..<position, replacement: content, depth: column)
    }
}
