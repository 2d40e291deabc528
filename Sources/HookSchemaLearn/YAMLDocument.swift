import Yams

/// One schema file's text and its YAML nodes, each with the byte offset where it starts: what `learn` needs to
/// change a few bytes and keep everything else (comments, key order, quoting, blank lines) as it was.
///
/// Yams gives every node's start (`Node.Mark`, 1-based line and a column counted in Unicode scalars); whether a
/// collection is in flow style is read from the text (its first byte is `{` or `[`). Where a node ends is worked out
/// from the text (`YAMLText`): the end of a block entry from the indentation of the lines after it, the end of a flow
/// collection by scanning to its closing bracket.
struct YAMLDocument {
    let text: YAMLText
    let root: YAMLNode

    struct ParseError: Error, CustomStringConvertible {
        var description: String
    }

    init(_ source: String) throws(ParseError) {
        text = YAMLText(source)
        let composed: Node?
        do {
            composed = try Yams.compose(yaml: source, .basic)
        } catch {
            throw ParseError(description: "malformed YAML: \(error)")
        }
        guard let composed else { throw ParseError(description: "the file is empty") }
        root = Self.convert(composed, text: text)
    }

    private static func convert(_ node: Node, text: YAMLText) -> YAMLNode {
        let start = node.mark.map { text.offset(line: $0.line, column: $0.column) } ?? 0
        switch node {
        case .scalar(let scalar):
            let first = start < text.bytes.count ? text.bytes[start] : 0
            let plain = !"\"'|>".utf8.contains(first)
            return YAMLNode(content: .scalar(scalar.string, plain: plain), start: start, flow: false)
        case .sequence(let sequence):
            return YAMLNode(
                content: .sequence(sequence.map { convert($0, text: text) }), start: start,
                flow: text.opensFlowCollection(at: start))
        case .mapping(let mapping):
            var entries: [YAMLEntry] = []
            for (key, value) in mapping {
                let keyStart = key.mark.map { text.offset(line: $0.line, column: $0.column) } ?? start
                entries.append(YAMLEntry(key: key.string ?? "", keyStart: keyStart, value: convert(value, text: text)))
            }
            return YAMLNode(content: .mapping(entries), start: start, flow: text.opensFlowCollection(at: start))
        case .alias:
            return YAMLNode(content: .scalar("", plain: true), start: start, flow: false)
        }
    }
}

/// A YAML node and where it starts (a byte offset into the file's UTF-8 text).
struct YAMLNode {
    enum Content {
        /// The scalar's value; `plain` when written without quotes or a block indicator.
        case scalar(String, plain: Bool)
        case mapping([YAMLEntry])
        case sequence([YAMLNode])
    }

    var content: Content
    /// The first byte of the node: a flow collection's bracket, a block mapping's first key, a block sequence's
    /// first `-`, a scalar's first character (its quote, when quoted).
    var start: Int
    /// Written in flow style (`{ … }`, `[ … ]`).
    var flow: Bool

    var entries: [YAMLEntry]? {
        if case .mapping(let entries) = content { return entries }
        return nil
    }

    var items: [YAMLNode]? {
        if case .sequence(let items) = content { return items }
        return nil
    }

    var scalar: String? {
        if case .scalar(let value, _) = content { return value }
        return nil
    }

    /// The entry with this key.
    func entry(_ key: String) -> YAMLEntry? {
        entries?.first { $0.key == key }
    }

    subscript(key: String) -> YAMLNode? {
        entry(key)?.value
    }
}

/// One `key: value` of a mapping.
struct YAMLEntry {
    var key: String
    /// The first byte of the key.
    var keyStart: Int
    var value: YAMLNode
}
