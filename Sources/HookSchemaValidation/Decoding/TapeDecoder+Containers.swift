#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import HookSchemaRuntime

/// The members of one object on the tape. A member is found by comparing its name's bytes; the search starts
/// after the member found last, so reading the members in document order costs one comparison each.
struct TapeKeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let reader: TapeReader
    /// The tape index of the object.
    let object: Int
    let path: CodingPathLink?
    private let hint = MemberHint()

    init(reader: TapeReader, object: Int, path: CodingPathLink?) {
        self.reader = reader
        self.object = object
        self.path = path
        hint.key = object + 1
    }

    var codingPath: [any CodingKey] { path?.keys ?? [] }

    var allKeys: [Key] {
        var keys: [Key] = []
        var key = object + 1
        let end = Int(reader.tokens[object].end)
        while key < end {
            if let codingKey = Key(stringValue: reader.string(key)) { keys.append(codingKey) }
            key = reader.next(after: key + 1)
        }
        return keys
    }

    /// The tape index of the member's value; nil when absent.
    private func find(_ key: Key) -> Int? {
        var name = key.stringValue
        return name.withUTF8 { name in
            let end = Int(reader.tokens[object].end)
            let first = object + 1
            let start = hint.key < end ? hint.key : first
            var candidate = start
            while candidate < end {
                if reader.withString(candidate, { Self.equal(name, $0) }) {
                    hint.key = reader.next(after: candidate + 1)
                    return candidate + 1
                }
                candidate = reader.next(after: candidate + 1)
            }
            candidate = first
            while candidate < start {
                if reader.withString(candidate, { Self.equal(name, $0) }) {
                    hint.key = reader.next(after: candidate + 1)
                    return candidate + 1
                }
                candidate = reader.next(after: candidate + 1)
            }
            return nil
        }
    }

    @inline(__always)
    private static func equal(_ left: UnsafeBufferPointer<UInt8>, _ right: UnsafeBufferPointer<UInt8>) -> Bool {
        guard left.count == right.count else { return false }
        guard let leftBase = left.baseAddress, let rightBase = right.baseAddress else { return true }
        return memcmp(leftBase, rightBase, left.count) == 0
    }

    private func value(_ key: Key) throws -> Int {
        guard let value = find(key) else {
            throw DecodingError.keyNotFound(
                key,
                DecodingError.Context(
                    codingPath: codingPath,
                    debugDescription: "No value associated with key \(key) (\"\(key.stringValue)\")."))
        }
        return value
    }

    private func link(_ key: Key) -> CodingPathLink {
        CodingPathLink(parent: path, key: key)
    }

    func contains(_ key: Key) -> Bool {
        find(key) != nil
    }

    func decodeNil(forKey key: Key) throws -> Bool {
        reader.tokens[try value(key)].kind == .null
    }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool {
        try reader.decodeBool(try value(key), path: link(key))
    }

    func decode(_ type: String.Type, forKey key: Key) throws -> String {
        try reader.decodeString(try value(key), path: link(key))
    }

    func decode(_ type: Double.Type, forKey key: Key) throws -> Double {
        try reader.decodeDouble(try value(key), path: link(key))
    }

    func decode(_ type: Float.Type, forKey key: Key) throws -> Float {
        try reader.decodeFloat(try value(key), path: link(key))
    }

    func decode(_ type: Int.Type, forKey key: Key) throws -> Int {
        try reader.decodeInteger(Int.self, try value(key), path: link(key))
    }

    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 {
        try reader.decodeInteger(Int8.self, try value(key), path: link(key))
    }

    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 {
        try reader.decodeInteger(Int16.self, try value(key), path: link(key))
    }

    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 {
        try reader.decodeInteger(Int32.self, try value(key), path: link(key))
    }

    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 {
        try reader.decodeInteger(Int64.self, try value(key), path: link(key))
    }

    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt {
        try reader.decodeInteger(UInt.self, try value(key), path: link(key))
    }

    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 {
        try reader.decodeInteger(UInt8.self, try value(key), path: link(key))
    }

    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 {
        try reader.decodeInteger(UInt16.self, try value(key), path: link(key))
    }

    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 {
        try reader.decodeInteger(UInt32.self, try value(key), path: link(key))
    }

    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 {
        try reader.decodeInteger(UInt64.self, try value(key), path: link(key))
    }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        let index = try value(key)
        return try TapeDecoder.decode(T.self, reader: reader, index: index, path: link(key))
    }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard let index = find(key), reader.tokens[index].kind != .null else { return nil }
        return try TapeDecoder.decode(T.self, reader: reader, index: index, path: link(key))
    }

    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? {
        guard let index = find(key), reader.tokens[index].kind != .null else { return nil }
        return try reader.decodeString(index, path: link(key))
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
        -> KeyedDecodingContainer<NestedKey>
    {
        try TapeDecoder(reader: reader, index: try value(key), path: link(key)).container(keyedBy: NestedKey.self)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try TapeDecoder(reader: reader, index: try value(key), path: link(key)).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder {
        try superDecoder(forKey: Key(stringValue: "super") ?? Key(intValue: 0).unwrapOrThrow(codingPath))
    }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        TapeDecoder(reader: reader, index: try value(key), path: link(key))
    }
}

/// Where the next member search starts (a class, so the non-mutating container API can update it).
final class MemberHint {
    var key = 0
}

extension Optional {
    fileprivate func unwrapOrThrow(_ path: [any CodingKey]) throws -> Wrapped {
        guard let self else {
            throw DecodingError.dataCorrupted(
                DecodingError.Context(codingPath: path, debugDescription: "No coding key for the super decoder."))
        }
        return self
    }
}

extension TapeDecoder {
    /// Decodes any `Decodable` at `index`; a `JSONValue` is read directly.
    static func decode<T: Decodable>(_ type: T.Type, reader: TapeReader, index: Int, path: CodingPathLink?) throws
        -> T
    {
        if T.self == JSONValue.self, let value = reader.jsonValue(index) as? T {
            return value
        }
        return try T(from: TapeDecoder(reader: reader, index: index, path: path))
    }
}
