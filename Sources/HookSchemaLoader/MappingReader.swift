import HookSchemaModel

/// Reads the keys of one YAML mapping with the expected value types, reporting keys that are repeated, unknown
/// (with a did-you-mean suggestion) or of the wrong kind.
struct MappingReader {
    let node: YAMLNode
    /// The first entry of each key, in declaration order.
    let entries: [YAMLEntry]
    let log: DiagnosticLog

    /// Nil (with a diagnostic) when `node` is not a mapping. `what` names the node in that message
    /// ("the envelope", "a schema").
    init?(_ node: YAMLNode, what: String, log: DiagnosticLog) {
        guard let entries = node.entries else {
            log.error("\(what) must be a mapping, not \(node.kindDescription)", at: node.location)
            return nil
        }
        self.node = node
        self.log = log
        self.entries = uniqueEntries(entries, noun: "key", log: log)
    }

    subscript(key: String) -> YAMLEntry? {
        entries.first(key)
    }

    var keys: [String] { entries.map(\.key) }

    /// Reports every key not in `allowed`, suggesting the closest allowed one.
    func rejectUnknownKeys(allowed: [String], in context: String) {
        for entry in entries where !allowed.contains(entry.key) {
            let suggestion = Suggestion.didYouMean(entry.key, among: allowed)
            log.error("unknown key `\(entry.key)` in \(context)\(suggestion)", at: entry.keyLocation)
        }
    }

    /// Reports a missing required key at the mapping.
    func require(_ key: String, in context: String) -> YAMLEntry? {
        guard let entry = self[key] else {
            log.error("\(context) is missing `\(key)`", at: node.location)
            return nil
        }
        return entry
    }

    // MARK: Typed values

    /// A scalar's text (numbers and booleans as written); nil and a diagnostic for a mapping, list or null.
    func string(_ key: String) -> String? {
        guard let entry = self[key] else { return nil }
        return MappingReader.string(entry.value, key: key, log: log)
    }

    static func string(_ node: YAMLNode, key: String, log: DiagnosticLog) -> String? {
        guard let scalar = node.scalar, scalar.kind != .null else {
            log.error("`\(key)` must be a string, not \(node.kindDescription)", at: node.location)
            return nil
        }
        return scalar.text
    }

    func bool(_ key: String) -> Bool? {
        guard let entry = self[key] else { return nil }
        guard let scalar = entry.value.scalar, scalar.kind == .boolean, let value = scalar.boolean else {
            log.error("`\(key)` must be true or false, not \(entry.value.kindDescription)", at: entry.value.location)
            return nil
        }
        return value
    }

    /// A non-negative integer (lengths, counts, seconds).
    func count(_ key: String) -> Int? {
        guard let entry = self[key] else { return nil }
        guard let scalar = entry.value.scalar, scalar.kind == .integer, let value = scalar.integer, value >= 0 else {
            log.error(
                "`\(key)` must be a non-negative integer, not \(entry.value.kindDescription)",
                at: entry.value.location
            )
            return nil
        }
        return value
    }

    /// An integer or a decimal number.
    func number(_ key: String) -> Double? {
        guard let entry = self[key] else { return nil }
        guard let scalar = entry.value.scalar, scalar.kind == .integer || scalar.kind == .float,
            let value = scalar.float, value.isFinite
        else {
            log.error("`\(key)` must be a number, not \(entry.value.kindDescription)", at: entry.value.location)
            return nil
        }
        return value
    }

    /// A nested mapping.
    func mapping(_ key: String, what: String? = nil) -> MappingReader? {
        guard let entry = self[key] else { return nil }
        return MappingReader(entry.value, what: what ?? "`\(key)`", log: log)
    }

    /// Reports `minimum > maximum` for two keys already read.
    func checkOrder<T: Comparable>(_ minKey: String, _ min: T?, _ maxKey: String, _ max: T?) {
        guard let min, let max, min > max, let entry = self[minKey] else { return }
        log.error("`\(minKey)` (\(min)) is greater than `\(maxKey)` (\(max))", at: entry.value.location)
    }
}

/// `entries` without repeated keys: each repetition is reported at its own key, with a note naming the first.
func uniqueEntries(_ entries: [YAMLEntry], noun: String, log: DiagnosticLog) -> [YAMLEntry] {
    var seen: [String: SourceLocation] = [:]
    var unique: [YAMLEntry] = []
    for entry in entries {
        if let first = seen[entry.key] {
            log.error(
                "duplicate \(noun) `\(entry.key)`",
                at: entry.keyLocation,
                note: "`\(entry.key)` is first declared at \(first)"
            )
            continue
        }
        seen[entry.key] = entry.keyLocation
        unique.append(entry)
    }
    return unique
}

/// Whether `name` is a plain Swift identifier (letters, digits, underscores; not starting with a digit).
func isSwiftIdentifier(_ name: String) -> Bool {
    guard let first = name.unicodeScalars.first, !("0"..."9").contains(first) else { return false }
    return name.unicodeScalars.allSatisfy {
        ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_"
    }
}
