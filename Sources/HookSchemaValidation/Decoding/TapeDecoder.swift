import HookSchemaRuntime

/// A `Decoder` that reads a scanned tape: the generated types' `Codable` initialisers build their values straight
/// from the tokens the validator walked, so a delivery is read from its bytes once (no `JSONDecoder`, no
/// intermediate dictionary). Its results match `JSONDecoder`'s for the same body (tested over every example and a
/// random corpus): numbers convert to integers only when exact, `null` is `valueNotFound`, a missing member
/// `keyNotFound`.
struct TapeDecoder: Decoder {
    let reader: TapeReader
    /// The tape index of the value this decoder reads.
    let index: Int
    let path: CodingPathLink?

    var codingPath: [any CodingKey] { path?.keys ?? [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard reader.tokens[index].kind == .object else {
            throw mismatch([String: Any].self, at: index, path: path)
        }
        return KeyedDecodingContainer(TapeKeyedContainer<Key>(reader: reader, object: index, path: path))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard reader.tokens[index].kind == .array else {
            throw mismatch([Any].self, at: index, path: path)
        }
        return TapeUnkeyedContainer(reader: reader, array: index, path: path)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        TapeSingleValueContainer(decoder: self)
    }

    /// A `typeMismatch` error for the value at `index`, worded like `JSONDecoder`'s.
    func mismatch(_ type: Any.Type, at index: Int, path: CodingPathLink?) -> DecodingError {
        TapeDecoder.mismatch(type, found: reader.typeName(index), path: path)
    }

    static func mismatch(_ type: Any.Type, found: String, path: CodingPathLink?) -> DecodingError {
        DecodingError.typeMismatch(
            type,
            DecodingError.Context(
                codingPath: path?.keys ?? [], debugDescription: "Expected to decode \(type) but found \(found)."))
    }
}

/// A coding path as a chain from the innermost key outwards, built only when an error asks for it.
final class CodingPathLink {
    let parent: CodingPathLink?
    let key: any CodingKey

    init(parent: CodingPathLink?, key: any CodingKey) {
        self.parent = parent
        self.key = key
    }

    var keys: [any CodingKey] {
        var keys: [any CodingKey] = []
        var link: CodingPathLink? = self
        while let current = link {
            keys.append(current.key)
            link = current.parent
        }
        return keys.reversed()
    }
}

/// An array element's coding key (`Index 3`), as `JSONDecoder` names it.
struct IndexCodingKey: CodingKey {
    let intValue: Int?
    var stringValue: String { "Index \(intValue ?? 0)" }

    init(_ index: Int) {
        intValue = index
    }

    init?(stringValue: String) {
        nil
    }

    init?(intValue: Int) {
        self.intValue = intValue
    }
}
