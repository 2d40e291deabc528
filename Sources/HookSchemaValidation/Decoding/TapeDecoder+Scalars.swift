import HookSchemaRuntime

/// Scalar conversions shared by the three containers, with `JSONDecoder`'s rules: an integer type takes a number
/// only when its value is exactly representable (`1.0` and `1e2` decode as integers, `1.5` does not), a string or
/// boolean takes only its own kind, and `null` is `valueNotFound`.
extension TapeReader {
    func decodeString(_ index: Int, path: @autoclosure () -> CodingPathLink?) throws -> String {
        guard tokens[index].kind == .string else { throw scalarError(String.self, index, path()) }
        return string(index)
    }

    func decodeBool(_ index: Int, path: @autoclosure () -> CodingPathLink?) throws -> Bool {
        switch tokens[index].kind {
        case .true: return true
        case .false: return false
        default: throw scalarError(Bool.self, index, path())
        }
    }

    func decodeDouble(_ index: Int, path: @autoclosure () -> CodingPathLink?) throws -> Double {
        guard tokens[index].kind == .number else { throw scalarError(Double.self, index, path()) }
        let value = double(index)
        guard value.isFinite else { throw notRepresentable(Double.self, index, path()) }
        return value
    }

    func decodeFloat(_ index: Int, path: @autoclosure () -> CodingPathLink?) throws -> Float {
        let value = try decodeDouble(index, path: path())
        guard abs(value) <= Double(Float.greatestFiniteMagnitude) else {
            throw notRepresentable(Float.self, index, path())
        }
        return Float(value)
    }

    func decodeInteger<T: FixedWidthInteger>(_ type: T.Type, _ index: Int, path: @autoclosure () -> CodingPathLink?)
        throws -> T
    {
        guard tokens[index].kind == .number else { throw scalarError(T.self, index, path()) }
        if let value = int64(index), let exact = T(exactly: value) {
            return exact
        }
        if let exact = T(exactly: double(index)) {
            return exact
        }
        throw notRepresentable(T.self, index, path())
    }

    /// A value as `JSONValue`, the way `JSONValue.init(from:)` reads it through `JSONDecoder`: a number is an
    /// integer when it is exactly an `Int64`, otherwise a double.
    func jsonValue(_ index: Int) -> JSONValue {
        let token = tokens[index]
        switch token.kind {
        case .null: return .null
        case .true: return .bool(true)
        case .false: return .bool(false)
        case .string: return .string(string(index))
        case .number:
            if let value = int64(index) { return .integer(value) }
            let value = double(index)
            if let exact = Int64(exactly: value) { return .integer(exact) }
            return .number(value)
        case .array:
            var elements: [JSONValue] = []
            elements.reserveCapacity(Int(token.count))
            var element = index + 1
            while element < Int(token.end) {
                elements.append(jsonValue(element))
                element = next(after: element)
            }
            return .array(elements)
        case .object:
            var members: [String: JSONValue] = [:]
            members.reserveCapacity(Int(token.count))
            var key = index + 1
            while key < Int(token.end) {
                members[string(key)] = jsonValue(key + 1)
                key = next(after: key + 1)
            }
            return .object(members)
        }
    }

    private func scalarError(_ type: Any.Type, _ index: Int, _ path: CodingPathLink?) -> DecodingError {
        if tokens[index].kind == .null {
            return DecodingError.valueNotFound(
                type,
                DecodingError.Context(
                    codingPath: path?.keys ?? [], debugDescription: "Expected \(type) value but found null instead."))
        }
        return TapeDecoder.mismatch(type, found: typeName(index), path: path)
    }

    private func notRepresentable(_ type: Any.Type, _ index: Int, _ path: CodingPathLink?) -> DecodingError {
        DecodingError.dataCorrupted(
            DecodingError.Context(
                codingPath: path?.keys ?? [],
                debugDescription: "Parsed JSON number <\(preview(index))> does not fit in \(type)."))
    }
}
