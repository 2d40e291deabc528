import HookSchemaModel

extension SchemaParser {
    /// `const:` or `default:`, checked against the schema's kind.
    func literal(_ key: String, _ reader: MappingReader, kind: Schema.Kind, nullable: Bool) -> Literal? {
        guard let entry = reader[key] else { return nil }
        let node = entry.value
        guard let scalar = node.scalar else {
            log.error("`\(key)` must be a single value, not \(node.kindDescription)", at: node.location)
            return nil
        }
        if scalar.kind == .null {
            guard nullable else {
                log.error("`\(key)` is null, but the schema is not nullable", at: node.location)
                return nil
            }
            return .null
        }
        switch kind {
        case .string(let rules):
            guard scalar.kind == .string else {
                return mismatch(
                    key, scalar, expected: rules.format.map { "a \($0.rawValue) string" } ?? "a string",
                    at: node.location, hint: " (quote it to make it a string)")
            }
            return .string(scalar.text)
        case .integer:
            guard scalar.kind == .integer, let value = scalar.integer else {
                return mismatch(key, scalar, expected: "an integer", at: node.location)
            }
            return .integer(Int64(value))
        case .number:
            guard scalar.kind == .integer || scalar.kind == .float, let value = scalar.float else {
                return mismatch(key, scalar, expected: "a number", at: node.location)
            }
            return .number(value)
        case .boolean:
            guard scalar.kind == .boolean, let value = scalar.boolean else {
                return mismatch(key, scalar, expected: "true or false", at: node.location)
            }
            return .boolean(value)
        case .enumeration(let rules):
            // Enum values are compared as written (an unquoted `ON` or `1` is still that enum value).
            guard rules.values.contains(where: { $0.value == scalar.text }) else {
                let suggestion = Suggestion.didYouMean(scalar.text, among: rules.values.map(\.value))
                log.error(
                    "`\(key)` `\(scalar.text)` is not one of the enum's values\(suggestion)",
                    at: node.location
                )
                return nil
            }
            if rules.integer, let value = Int64(scalar.text) {
                return .integer(value)
            }
            return .string(scalar.text)
        case .object, .array, .map, .any, .ref, .union, .untaggedUnion:
            return nil
        }
    }

    private func mismatch(
        _ key: String,
        _ scalar: YAMLScalar,
        expected: String,
        at location: SourceLocation,
        hint: String = ""
    ) -> Literal? {
        log.error("`\(key)` must be \(expected) for this schema, not \(scalar.kindDescription)\(hint)", at: location)
        return nil
    }
}
