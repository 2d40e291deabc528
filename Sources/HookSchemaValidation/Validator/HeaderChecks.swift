import HookSchemaModel
import HookSchemaRuntime

/// The header checks of a delivery whose provider is known: required headers present (names compared
/// case-insensitively), headers in their declared format, and headers that mirror a body member agreeing with it
/// (date-times compared as instants, integers as numbers). Findings are placed at `/headers/<Header-Name>`, the
/// header's pointer in a captured delivery document, with the name as the schema spells it.
struct HeaderChecks {
    let provider: ProviderPlan
    let reader: TapeReader

    func run(_ headers: [(name: String, value: String)]) -> [Finding] {
        var findings: [Finding] = []
        for header in provider.headers {
            let path = JSONPointer.appending(header.name, to: "/headers")
            let wanted = header.name.lowercased()
            guard let value = headers.first(where: { $0.name.lowercased() == wanted })?.value else {
                if header.required {
                    findings.append(
                        Finding(
                            kind: .missingHeader, path: path,
                            message: "the required header \(header.name) is missing"))
                }
                continue
            }
            let trimmed = value.trimmingSpaces
            switch header.format {
            case .datetime where RFC3339.parseDateTime(trimmed) == nil:
                findings.append(
                    Finding(
                        kind: .formatInvalid, path: path,
                        message: "the header \(header.name) is not an RFC 3339 date-time: \(JSONText.quoted(value))",
                        expected: .string("datetime"), actual: .string(value)))
                continue
            case .integer where Int64(trimmed) == nil:
                findings.append(
                    Finding(
                        kind: .formatInvalid, path: path,
                        message: "the header \(header.name) is not an integer: \(JSONText.quoted(value))",
                        expected: .string("integer"), actual: .string(value)))
                continue
            default:
                break
            }
            guard let mirrors = header.mirrors, let member = resolve(mirrors) else { continue }
            let token = reader.tokens[member]
            guard token.kind == .string || token.kind == .number else { continue }
            let bodyValue = token.kind == .string ? reader.string(member) : String(decoding: reader.raw(member), as: UTF8.self)
            if !agree(trimmed, bodyValue, format: header.format) {
                findings.append(
                    Finding(
                        kind: .headerMismatch, path: path,
                        message: "the header \(header.name) is \(JSONText.quoted(value)), but the body's "
                            + "\(mirrors) is \(JSONText.quoted(bodyValue))",
                        expected: reader.scalarValue(member), actual: .string(value)))
            }
        }
        return findings
    }

    /// The delivery's dedupe key: the header's value, or the body member's (a string, or a number's text).
    func dedupeKey(_ key: DedupeKey, headers: [(name: String, value: String)]?) -> String? {
        switch key {
        case .header(let name):
            return headers?.headerValue(name)
        case .member(let pointer):
            guard let index = resolve(pointer) else { return nil }
            switch reader.tokens[index].kind {
            case .string: return reader.string(index)
            case .number: return String(decoding: reader.raw(index), as: UTF8.self)
            default: return nil
            }
        }
    }

    private func agree(_ header: String, _ body: String, format: HeaderFormat) -> Bool {
        switch format {
        case .string:
            return header == body
        case .integer:
            return Int64(header) != nil && Int64(header) == Int64(body)
        case .datetime:
            guard let left = RFC3339.parseDateTime(header), let right = RFC3339.parseDateTime(body) else {
                return header == body
            }
            return left.seconds == right.seconds && left.nanoseconds == right.nanoseconds
        }
    }

    /// The tape index of the body value at a JSON pointer, nil when it is not there.
    func resolve(_ pointer: String) -> Int? {
        var index = 0
        for token in JSONPointer.tokens(of: pointer) {
            switch reader.tokens[index].kind {
            case .object:
                guard let member = reader.member(Array(token.utf8), of: index) else { return nil }
                index = member
            case .array:
                guard let position = Int(token), position >= 0 else { return nil }
                var element = index + 1
                let end = Int(reader.tokens[index].end)
                for _ in 0..<position where element < end {
                    element = reader.next(after: element)
                }
                guard element < end else { return nil }
                index = element
            default:
                return nil
            }
        }
        return index
    }
}

extension Array where Element == (name: String, value: String) {
    /// The value of header `name` (names compared in any case), without surrounding spaces; nil when absent.
    func headerValue(_ name: String) -> String? {
        let wanted = name.lowercased()
        return first(where: { $0.name.lowercased() == wanted })?.value.trimmingSpaces
    }
}

extension String {
    /// Without leading and trailing spaces and tabs (HTTP optional whitespace).
    var trimmingSpaces: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { $0 != " " && $0 != "\t" }),
            let last = scalars.lastIndex(where: { $0 != " " && $0 != "\t" })
        else { return "" }
        return String(scalars[first...last])
    }
}
