import HookSchemaModel

/// Writes schemas in the documented YAML language, as a person would: a short schema on one line in flow style
/// (`id: { type: string, required: true }`), a longer one, or one with fields, items or members, in block style;
/// scalars quoted only where YAML would read them as something else. `hookschema lint` reads back exactly what was
/// written (tested by loading every import).
package struct LanguageWriter {
    /// Lines longer than this are written in block style.
    package static let width = 120

    package private(set) var lines: [String] = []
    /// Comments to write above the places they are about, keyed `notePrefix` + the YAML keys leading to the place
    /// (`payload/status`, `labels/items`): `infer`'s notes on the decisions it was unsure of.
    var notes: [String: [String]] = [:]
    var notePrefix = ""
    /// The keys of the schemas being written, outermost first (for `notes`).
    private var path: [String] = []

    package init() {}

    package var text: String { lines.joined(separator: "\n") + "\n" }

    mutating func line(_ text: String, indent: Int = 0) {
        lines.append(String(repeating: "  ", count: indent) + text)
    }

    mutating func blank() {
        if lines.last != "" { lines.append("") }
    }

    /// `# text` lines, wrapped at the width.
    mutating func comment(_ text: String, indent: Int = 0) {
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            for piece in Self.wrap(String(paragraph), width: Self.width - 2 - indent * 2) {
                line(piece.isEmpty ? "#" : "# " + piece, indent: indent)
            }
        }
    }

    /// `key: value` for a scalar string (description-like text may span lines: a literal block).
    mutating func text(_ key: String, _ value: String, indent: Int) {
        if value.contains("\n") {
            line("\(Self.key(key)): |-", indent: indent)
            for piece in value.split(separator: "\n", omittingEmptySubsequences: false) {
                line(String(piece).trimmingTrailingWhitespace(), indent: piece.isEmpty ? 0 : indent + 1)
            }
            return
        }
        let flat = "\(Self.key(key)): \(Self.scalar(value))"
        if flat.count + indent * 2 <= Self.width || value.count < 40 {
            line(flat, indent: indent)
            return
        }
        // A long single-line text: folded (`>-`), wrapped at the width; reads back as the same line.
        line("\(Self.key(key)): >-", indent: indent)
        for piece in Self.wrap(value, width: Self.width - (indent + 1) * 2) {
            line(piece, indent: indent + 1)
        }
    }

    /// `name: <schema>` for one field or named type: flow style when it fits, block style otherwise.
    package mutating func schema(
        _ name: String, _ schema: Schema, indent: Int, required: Bool = false, swiftName: String? = nil
    ) {
        var extra: [(String, String)] = []
        if required { extra.append(("required", "true")) }
        if let swiftName { extra.append(("swiftName", swiftName)) }
        path.append(name.replacing("~", with: "~0").replacing("/", with: "~1"))
        defer { path.removeLast() }
        if let flow = Self.flow(schema, extra: extra) {
            let text = "\(Self.key(name)): \(flow)"
            if text.count + indent * 2 <= Self.width {
                writeNotes(flowing: schema, indent: indent)
                line(text, indent: indent)
                return
            }
        }
        writeNotes(flowing: nil, indent: indent)
        line("\(Self.key(name)):", indent: indent)
        block(schema, indent: indent + 1, extra: extra)
    }

    /// The notes about the place being written (and, for a schema written on one line, about its items or values).
    private mutating func writeNotes(flowing schema: Schema?, indent: Int) {
        guard !notes.isEmpty else { return }
        var key = path.joined(separator: "/")
        var texts = notes[notePrefix + key] ?? []
        var inner = schema
        while let current = inner {
            switch current.kind {
            case .array(let rules):
                key += "/items"
                inner = rules.items
            case .map(let rules):
                key += "/values"
                inner = rules.values
            default:
                inner = nil
                continue
            }
            texts += (notes[notePrefix + key] ?? []).map { "\(key.split(separator: "/").last ?? ""): \($0)" }
        }
        if !texts.isEmpty { comment(texts.joined(separator: "; "), indent: indent) }
    }

    /// `exactlyOne: [a, b]` / `atLeastOne: [a, b]`, after an object's (or an event's) fields.
    mutating func choices(_ choices: [MemberChoice], indent: Int) {
        for choice in choices {
            line("\(choice.key): [\(choice.members.map { Self.scalar($0) }.joined(separator: ", "))]", indent: indent)
        }
    }

    /// A schema as the list item of a union's `members`.
    mutating func member(_ schema: Schema, swiftName: String?, indent: Int) {
        let extra = swiftName.map { [("swiftName", $0)] } ?? []
        if let flow = Self.flow(schema, extra: extra), flow.count + 2 + indent * 2 <= Self.width {
            line("- " + flow, indent: indent)
            return
        }
        let start = lines.count
        block(schema, indent: indent + 1, extra: extra)
        // The first key goes on the dash's line.
        if start < lines.count {
            let first = lines[start].drop(while: { $0 == " " })
            lines[start] = String(repeating: "  ", count: indent) + "- " + first
        }
    }

    /// The keys of a schema, one per line, nested ones below.
    mutating func block(_ schema: Schema, indent: Int, extra: [(String, String)] = []) {
        for (key, value) in Self.header(schema) {
            line("\(key): \(value)", indent: indent)
        }
        if let description = schema.description {
            text("description", description, indent: indent)
        }
        for (key, value) in extra {
            line("\(key): \(value)", indent: indent)
        }
        for (key, value) in Self.rules(schema) {
            line("\(key): \(value)", indent: indent)
        }
        switch schema.kind {
        case .object(let rules):
            if rules.fields.isEmpty {
                line("fields: {}", indent: indent)
            } else {
                line("fields:", indent: indent)
                for field in rules.fields {
                    self.schema(
                        field.name, field.schema, indent: indent + 1, required: field.required,
                        swiftName: field.swiftName)
                }
            }
            choices(rules.choices, indent: indent)
        case .array(let rules):
            self.schema("items", rules.items, indent: indent)
        case .map(let rules):
            self.schema("values", rules.values, indent: indent)
        case .enumeration(let rules):
            if Self.enumValuesAreFlat(rules), let flow = Self.flowValues(rules),
                flow.count + 8 + indent * 2 <= Self.width
            {
                line("values: \(flow)", indent: indent)
            } else {
                line("values:", indent: indent)
                for value in rules.values {
                    line("- " + Self.enumValue(value, integer: rules.integer), indent: indent)
                }
            }
        case .union(let rules):
            line("mapping:", indent: indent)
            for member in rules.mapping {
                line("\(Self.key(member.value)): \(member.type)", indent: indent + 1)
            }
        case .untaggedUnion(let rules):
            line("members:", indent: indent)
            for member in rules.members {
                self.member(member.schema, swiftName: member.swiftName, indent: indent)
            }
        case .string, .integer, .number, .boolean, .any, .ref:
            break
        }
    }

    // MARK: Flow style

    /// The whole schema on one line, or nil when it has fields, members, items with structure, or a long text.
    package static func flow(_ schema: Schema, extra: [(String, String)] = []) -> String? {
        var parts: [String] = header(schema).map { "\($0.0): \($0.1)" }
        if let description = schema.description {
            guard !description.contains("\n"), description.count <= 60 else { return nil }
            parts.append("description: \(scalar(description))")
        }
        parts += extra.map { "\($0.0): \($0.1)" }
        parts += rules(schema).map { "\($0.0): \($0.1)" }
        switch schema.kind {
        case .object(let rules):
            guard rules.fields.isEmpty else { return nil }
            parts.append("fields: {}")
        case .array(let rules):
            guard let items = flow(rules.items), !items.contains("fields: {") || items == "{ type: object, fields: {} }"
            else { return nil }
            parts.append("items: \(items)")
        case .map(let rules):
            guard let values = flow(rules.values) else { return nil }
            parts.append("values: \(values)")
        case .enumeration(let rules):
            guard enumValuesAreFlat(rules), let values = flowValues(rules) else { return nil }
            parts.append("values: \(values)")
        case .union, .untaggedUnion:
            return nil
        case .string, .integer, .number, .boolean, .any, .ref:
            break
        }
        return "{ " + parts.joined(separator: ", ") + " }"
    }

    /// `type:` (or `$ref:`), then `nullable` and `deprecated`.
    private static func header(_ schema: Schema) -> [(String, String)] {
        var keys: [(String, String)] = []
        switch schema.kind {
        case .ref(let name): keys.append(("$ref", name))
        case .string(let rules): keys.append(("type", rules.format?.rawValue ?? "string"))
        case .integer: keys.append(("type", "integer"))
        case .number: keys.append(("type", "number"))
        case .boolean: keys.append(("type", "boolean"))
        case .enumeration: keys.append(("type", "enum"))
        case .object: keys.append(("type", "object"))
        case .array: keys.append(("type", "array"))
        case .map: keys.append(("type", "map"))
        case .any: keys.append(("type", "any"))
        case .union, .untaggedUnion: keys.append(("type", "union"))
        }
        if schema.nullable { keys.append(("nullable", "true")) }
        if schema.deprecated { keys.append(("deprecated", "true")) }
        return keys
    }

    /// The value rules of a kind, and `const` / `default`.
    private static func rules(_ schema: Schema) -> [(String, String)] {
        var keys: [(String, String)] = []
        switch schema.kind {
        case .string(let rules):
            if let pattern = rules.pattern { keys.append(("pattern", scalar(pattern, forceQuotes: true))) }
            if let value = rules.minLength { keys.append(("minLength", String(value))) }
            if let value = rules.maxLength { keys.append(("maxLength", String(value))) }
        case .integer(let rules), .number(let rules):
            for (key, value) in [
                ("minimum", rules.minimum), ("maximum", rules.maximum), ("exclusiveMinimum", rules.exclusiveMinimum),
                ("exclusiveMaximum", rules.exclusiveMaximum),
            ] {
                if let value { keys.append((key, number(value))) }
            }
        case .enumeration(let rules):
            if rules.closed { keys.append(("closed", "true")) }
        case .array(let rules):
            if let value = rules.minItems { keys.append(("minItems", String(value))) }
            if let value = rules.maxItems { keys.append(("maxItems", String(value))) }
            if rules.uniqueItems { keys.append(("uniqueItems", "true")) }
        case .map(let rules):
            if let value = rules.minEntries { keys.append(("minEntries", String(value))) }
            if let value = rules.maxEntries { keys.append(("maxEntries", String(value))) }
            var keyRules: [String] = []
            if let value = rules.keyMinLength { keyRules.append("minLength: \(value)") }
            if let value = rules.keyMaxLength { keyRules.append("maxLength: \(value)") }
            if let value = rules.keyPattern { keyRules.append("pattern: \(scalar(value, forceQuotes: true))") }
            if !keyRules.isEmpty { keys.append(("keys", "{ " + keyRules.joined(separator: ", ") + " }")) }
        case .union(let rules):
            keys.append(("discriminator", scalar(rules.discriminator)))
            if rules.closed { keys.append(("closed", "true")) }
        case .boolean, .object, .any, .ref, .untaggedUnion:
            break
        }
        if let constant = schema.const { keys.append(("const", literal(constant))) }
        if let value = schema.defaultValue { keys.append(("default", literal(value))) }
        return keys
    }

    private static func enumValuesAreFlat(_ rules: EnumRules) -> Bool {
        rules.values.allSatisfy { $0.description == nil && !$0.deprecated && $0.swiftName == nil }
    }

    private static func flowValues(_ rules: EnumRules) -> String? {
        "[" + rules.values.map { rules.integer ? $0.value : scalar($0.value, enumValue: true) }.joined(separator: ", ")
            + "]"
    }

    private static func enumValue(_ value: EnumValue, integer: Bool) -> String {
        let written = integer ? value.value : scalar(value.value, enumValue: true)
        guard value.description != nil || value.deprecated || value.swiftName != nil else { return written }
        var parts = ["value: \(written)"]
        if let swiftName = value.swiftName { parts.append("swiftName: \(swiftName)") }
        if value.deprecated { parts.append("deprecated: true") }
        if let description = value.description {
            parts.append("description: \(scalar(description.replacingOccurrences(of: "\n", with: " ")))")
        }
        return "{ " + parts.joined(separator: ", ") + " }"
    }

    // MARK: Scalars

    static func literal(_ literal: Literal) -> String {
        switch literal {
        case .string(let value): return scalar(value, enumValue: true)
        case .integer(let value): return String(value)
        case .number(let value): return number(value)
        case .boolean(let value): return value ? "true" : "false"
        case .null: return "null"
        }
    }

    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }

    /// A mapping key, quoted when YAML would not read it back as this string.
    package static func key(_ text: String) -> String {
        scalar(text, enumValue: true)
    }

    /// A string as a YAML scalar: plain when that reads back as the same string (in flow context too), else double
    /// quoted. `enumValue`: also quote what YAML would read as another type (`ON`, `1`, `null`), which the schema
    /// language would otherwise take as written anyway, so that every value reads as the string it is.
    package static func scalar(_ text: String, enumValue: Bool = false, forceQuotes: Bool = false) -> String {
        if !forceQuotes, isPlainSafe(text) { return text }
        var quoted = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": quoted += "\\\""
            case "\\": quoted += "\\\\"
            case "\n": quoted += "\\n"
            case "\t": quoted += "\\t"
            case "\r": quoted += "\\r"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                quoted += "\\x" + (scalar.value < 0x10 ? "0" : "") + String(scalar.value, radix: 16)
            default: quoted.unicodeScalars.append(scalar)
            }
        }
        return quoted + "\""
    }

    private static let reserved: Set<String> = [
        "true", "false", "yes", "no", "on", "off", "null", "~", "y", "n",
    ]

    private static func isPlainSafe(_ text: String) -> Bool {
        guard let first = text.first, let last = text.last else { return false }
        if reserved.contains(text.lowercased()) { return false }
        if first.isWhitespace || last.isWhitespace { return false }
        if "-?:,[]{}#&*!|>'\"%@`".contains(first) { return false }
        if Double(text) != nil || Int(text) != nil || text.hasPrefix("0x") || text.hasPrefix("0o") { return false }
        if text.hasPrefix(".") && Double("0" + text) != nil { return false }
        for (index, character) in text.enumerated() {
            if character == "\n" || character == "\t" || !character.isASCII && character.isWhitespace { return false }
            if ",[]{}".contains(character) { return false }  // flow indicators
            if character == "#", index > 0, text[text.index(text.startIndex, offsetBy: index - 1)] == " " {
                return false
            }
            if character == ":" {
                let next = text.index(text.startIndex, offsetBy: index + 1)
                if next == text.endIndex || text[next] == " " { return false }
            }
        }
        return true
    }

    /// `text` in lines of at most `width` characters, broken at spaces (a longer word stays whole).
    static func wrap(_ text: String, width: Int) -> [String] {
        guard text.count > width else { return [text] }
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            if current.isEmpty {
                current = String(word)
            } else if current.count + 1 + word.count <= width {
                current += " " + word
            } else {
                lines.append(current)
                current = String(word)
            }
        }
        lines.append(current)
        return lines
    }
}

extension String {
    func trimmingTrailingWhitespace() -> String {
        var result = self
        while result.last == " " || result.last == "\t" { result.removeLast() }
        return result
    }
}
