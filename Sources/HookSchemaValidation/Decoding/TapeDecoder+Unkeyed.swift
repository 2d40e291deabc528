import HookSchemaRuntime

/// The elements of one array on the tape, read in order.
struct TapeUnkeyedContainer: UnkeyedDecodingContainer {
    let reader: TapeReader
    let path: CodingPathLink?
    /// The tape index just past the array's contents.
    private let end: Int
    /// The tape index of the next element.
    private var position: Int
    private(set) var count: Int?
    private(set) var currentIndex = 0

    init(reader: TapeReader, array: Int, path: CodingPathLink?) {
        self.reader = reader
        self.path = path
        self.end = Int(reader.tokens[array].end)
        self.position = array + 1
        self.count = Int(reader.tokens[array].count)
    }

    var codingPath: [any CodingKey] { path?.keys ?? [] }
    var isAtEnd: Bool { position >= end }

    /// The next element's tape index, moving past it; throws at the end of the array.
    private mutating func advance(_ type: Any.Type) throws -> Int {
        guard position < end else {
            throw DecodingError.valueNotFound(
                type,
                DecodingError.Context(
                    codingPath: codingPath + [IndexCodingKey(currentIndex)],
                    debugDescription: "Unkeyed container is at end."))
        }
        let element = position
        position = reader.next(after: element)
        currentIndex += 1
        return element
    }

    private func link(_ index: Int? = nil) -> CodingPathLink {
        CodingPathLink(parent: path, key: IndexCodingKey(index ?? currentIndex))
    }

    mutating func decodeNil() throws -> Bool {
        guard position < end else { _ = try advance(Never.self); return false }
        if reader.tokens[position].kind == .null {
            _ = try advance(Never.self)
            return true
        }
        return false
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool {
        let element = try advance(type)
        return try reader.decodeBool(element, path: link(currentIndex - 1))
    }

    mutating func decode(_ type: String.Type) throws -> String {
        let element = try advance(type)
        return try reader.decodeString(element, path: link(currentIndex - 1))
    }

    mutating func decode(_ type: Double.Type) throws -> Double {
        let element = try advance(type)
        return try reader.decodeDouble(element, path: link(currentIndex - 1))
    }

    mutating func decode(_ type: Float.Type) throws -> Float {
        let element = try advance(type)
        return try reader.decodeFloat(element, path: link(currentIndex - 1))
    }

    mutating func decode(_ type: Int.Type) throws -> Int {
        let element = try advance(type)
        return try reader.decodeInteger(Int.self, element, path: link(currentIndex - 1))
    }

    mutating func decode(_ type: Int8.Type) throws -> Int8 {
        let element = try advance(type)
        return try reader.decodeInteger(Int8.self, element, path: link(currentIndex - 1))
    }

    mutating func decode(_ type: Int16.Type) throws -> Int16 {
        let element = try advance(type)
        return try reader.decodeInteger(Int16.self, element, path: link(currentIndex - 1))
    }

    mutating func decode(_ type: Int32.Type) throws -> Int32 {
        let element = try advance(type)
        return try reader.decodeInteger(Int32.self, element, path: link(currentIndex - 1))
    }

    mutating func decode(_ type: Int64.Type) throws -> Int64 {
        let element = try advance(type)
        return try reader.decodeInteger(Int64.self, element, path: link(currentIndex - 1))
    }

    mutating func decode(_ type: UInt.Type) throws -> UInt {
        let element = try advance(type)
        return try reader.decodeInteger(UInt.self, element, path: link(currentIndex - 1))
    }

    mutating func decode(_ type: UInt8.Type) throws -> UInt8 {
        let element = try advance(type)
        return try reader.decodeInteger(UInt8.self, element, path: link(currentIndex - 1))
    }

    mutating func decode(_ type: UInt16.Type) throws -> UInt16 {
        let element = try advance(type)
        return try reader.decodeInteger(UInt16.self, element, path: link(currentIndex - 1))
    }

    mutating func decode(_ type: UInt32.Type) throws -> UInt32 {
        let element = try advance(type)
        return try reader.decodeInteger(UInt32.self, element, path: link(currentIndex - 1))
    }

    mutating func decode(_ type: UInt64.Type) throws -> UInt64 {
        let element = try advance(type)
        return try reader.decodeInteger(UInt64.self, element, path: link(currentIndex - 1))
    }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let link = link()
        return try TapeDecoder.decode(T.self, reader: reader, index: try advance(type), path: link)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws
        -> KeyedDecodingContainer<NestedKey>
    {
        let link = link()
        return try TapeDecoder(reader: reader, index: try advance(type), path: link).container(keyedBy: NestedKey.self)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        let link = link()
        return try TapeDecoder(reader: reader, index: try advance([Any].self), path: link).unkeyedContainer()
    }

    mutating func superDecoder() throws -> any Decoder {
        let link = link()
        return TapeDecoder(reader: reader, index: try advance(Any.self), path: link)
    }
}

/// One value on the tape.
struct TapeSingleValueContainer: SingleValueDecodingContainer {
    let decoder: TapeDecoder

    var codingPath: [any CodingKey] { decoder.codingPath }

    func decodeNil() -> Bool {
        decoder.reader.tokens[decoder.index].kind == .null
    }

    func decode(_ type: Bool.Type) throws -> Bool {
        try decoder.reader.decodeBool(decoder.index, path: decoder.path)
    }

    func decode(_ type: String.Type) throws -> String {
        try decoder.reader.decodeString(decoder.index, path: decoder.path)
    }

    func decode(_ type: Double.Type) throws -> Double {
        try decoder.reader.decodeDouble(decoder.index, path: decoder.path)
    }

    func decode(_ type: Float.Type) throws -> Float {
        try decoder.reader.decodeFloat(decoder.index, path: decoder.path)
    }

    func decode(_ type: Int.Type) throws -> Int {
        try decoder.reader.decodeInteger(Int.self, decoder.index, path: decoder.path)
    }

    func decode(_ type: Int8.Type) throws -> Int8 {
        try decoder.reader.decodeInteger(Int8.self, decoder.index, path: decoder.path)
    }

    func decode(_ type: Int16.Type) throws -> Int16 {
        try decoder.reader.decodeInteger(Int16.self, decoder.index, path: decoder.path)
    }

    func decode(_ type: Int32.Type) throws -> Int32 {
        try decoder.reader.decodeInteger(Int32.self, decoder.index, path: decoder.path)
    }

    func decode(_ type: Int64.Type) throws -> Int64 {
        try decoder.reader.decodeInteger(Int64.self, decoder.index, path: decoder.path)
    }

    func decode(_ type: UInt.Type) throws -> UInt {
        try decoder.reader.decodeInteger(UInt.self, decoder.index, path: decoder.path)
    }

    func decode(_ type: UInt8.Type) throws -> UInt8 {
        try decoder.reader.decodeInteger(UInt8.self, decoder.index, path: decoder.path)
    }

    func decode(_ type: UInt16.Type) throws -> UInt16 {
        try decoder.reader.decodeInteger(UInt16.self, decoder.index, path: decoder.path)
    }

    func decode(_ type: UInt32.Type) throws -> UInt32 {
        try decoder.reader.decodeInteger(UInt32.self, decoder.index, path: decoder.path)
    }

    func decode(_ type: UInt64.Type) throws -> UInt64 {
        try decoder.reader.decodeInteger(UInt64.self, decoder.index, path: decoder.path)
    }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try TapeDecoder.decode(T.self, reader: decoder.reader, index: decoder.index, path: decoder.path)
    }
}
