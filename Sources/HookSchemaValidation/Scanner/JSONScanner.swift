/// Why a body could not be read as JSON: the first problem, where it is, and what was open around it.
struct ScanFailure: Error {
    enum Reason {
        /// Not JSON: an unexpected byte, a truncated value, trailing content, a bad escape or number.
        case syntax
        /// Bytes that are not well-formed UTF-8 (RFC 8259 requires UTF-8).
        case invalidUTF8
        /// A `\uD800`–`\uDFFF` escape that is not half of a surrogate pair: no Unicode scalar.
        case loneSurrogate
        /// Containers nested deeper than `ValidationLimits.maxDepth`.
        case depthLimit
    }

    var reason: Reason
    var offset: Int
    var message: String
}

/// The project's JSON reader: one pass over raw bytes that checks RFC 8259 syntax, UTF-8 and escapes, and writes
/// a `JSONTape`. Iterative (an explicit stack, bounded by `maxDepth`), so no input can overflow the call stack.
///
/// The scanner stops at the first error: after it, the shape of the rest is unknowable. The tape then holds every
/// value opened before the error, and `openContainers` the containers still open, so the error can be placed at
/// a JSON pointer.
struct JSONScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    private let maxDepth: Int
    var position = 0
    let tape: JSONTape
    /// Open containers, innermost last.
    let openContainers: TrivialBuffer<OpenContainer>

    struct OpenContainer {
        /// The container's tape index.
        var container: Int
        /// Objects: the tape index of the last key (-1 before the first).
        var lastKey: Int
        /// An object (else an array), kept here so the loop need not read the container's token.
        var isObject: Bool
    }

    /// A scanner that writes into `buffers`' memory (emptied first): the tape and the container stack.
    init(bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int, reusing buffers: ValidationBuffers) {
        self.bytes = bytes
        self.maxDepth = maxDepth
        buffers.tokens.removeAll(reservingCapacity: bytes.count / 12 + 16)
        buffers.containers.removeAll()
        self.tape = JSONTape(tokens: buffers.tokens)
        self.openContainers = buffers.containers
    }

    /// Scans the whole body. Throws the first problem found.
    mutating func scan() throws(ScanFailure) {
        skipWhitespace()
        guard position < bytes.count else {
            throw failure(.syntax, "the body is empty: expected a JSON value")
        }
        var expectingValue = true
        while true {
            if expectingValue {
                skipWhitespace()
                expectingValue = try scanValueStart()
                continue
            }
            // After a value: close containers or move to the next member/element.
            skipWhitespace()
            guard let top = openContainers.last else { break }
            let isObject = top.isObject
            guard position < bytes.count else {
                throw failure(.syntax, "unexpected end of input: expected ',' or \(isObject ? "'}'" : "']'")")
            }
            let byte = bytes[position]
            if byte == UInt8(ascii: ",") {
                position += 1
                if isObject {
                    try scanKey()
                } else {
                    tape.tokens[top.container].count += 1
                }
                expectingValue = true
            } else if byte == (isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) {
                position += 1
                closeContainer()
            } else {
                let expected = isObject ? "',' or '}' after a member" : "',' or ']' after an element"
                throw failure(.syntax, "expected \(expected), found \(describe(byte))")
            }
        }
        skipWhitespace()
        if position < bytes.count {
            throw failure(.syntax, "unexpected \(describe(bytes[position])) after the top-level value")
        }
    }

    // MARK: Values

    /// Reads the value starting at `position` (whitespace already skipped). A container is only opened, never
    /// read here: returns `true` when a container's first member or element is now expected, `false` when a whole
    /// value (a scalar or an empty container) was read.
    private mutating func scanValueStart() throws(ScanFailure) -> Bool {
        guard position < bytes.count else {
            throw failure(.syntax, "unexpected end of input: expected a value")
        }
        let byte = bytes[position]
        switch byte {
        case UInt8(ascii: "\""):
            try scanString()
        case UInt8(ascii: "{"):
            try openContainer(.object)
            skipWhitespace()
            if position < bytes.count, bytes[position] == UInt8(ascii: "}") {
                position += 1
                closeContainer()
                return false
            }
            try scanKey()
            return true
        case UInt8(ascii: "["):
            try openContainer(.array)
            skipWhitespace()
            if position < bytes.count, bytes[position] == UInt8(ascii: "]") {
                position += 1
                closeContainer()
                return false
            }
            tape.tokens[tape.tokens.count - 1].count = 1
            return true
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            try scanNumber()
        case UInt8(ascii: "t"):
            try scanLiteral("true", .true)
        case UInt8(ascii: "f"):
            try scanLiteral("false", .false)
        case UInt8(ascii: "n"):
            try scanLiteral("null", .null)
        default:
            throw failure(.syntax, "expected a value, found \(describe(byte))")
        }
        return false
    }

    /// Reads `"key" :`; the member's value comes next.
    private mutating func scanKey() throws(ScanFailure) {
        skipWhitespace()
        guard position < bytes.count else {
            throw failure(.syntax, "unexpected end of input: expected a member name")
        }
        guard bytes[position] == UInt8(ascii: "\"") else {
            throw failure(.syntax, "expected a member name in double quotes, found \(describe(bytes[position]))")
        }
        let top = openContainers.count - 1
        openContainers[top].lastKey = tape.tokens.count
        tape.tokens[openContainers[top].container].count += 1
        try scanString()
        skipWhitespace()
        guard position < bytes.count else {
            throw failure(.syntax, "unexpected end of input: expected ':' after a member name")
        }
        guard bytes[position] == UInt8(ascii: ":") else {
            throw failure(.syntax, "expected ':' after a member name, found \(describe(bytes[position]))")
        }
        position += 1
    }

    private mutating func openContainer(_ kind: JSONTape.Token.Kind) throws(ScanFailure) {
        if openContainers.count >= maxDepth {
            throw failure(.depthLimit, "objects and arrays nested deeper than the limit of \(maxDepth) levels")
        }
        openContainers.append(OpenContainer(container: tape.tokens.count, lastKey: -1, isObject: kind == .object))
        tape.tokens.append(.init(kind: kind, flags: 0, start: UInt32(position), end: 0, count: 0))
        position += 1
    }

    private mutating func closeContainer() {
        let top = openContainers.removeLast()
        tape.tokens[top.container].end = UInt32(tape.tokens.count)
    }

    private mutating func scanLiteral(_ word: StaticString, _ kind: JSONTape.Token.Kind) throws(ScanFailure) {
        let length = word.utf8CodeUnitCount
        let start = position
        var index = 0
        while index < length {
            guard position < bytes.count else {
                throw failure(.syntax, at: start, "unexpected end of input in '\(word)'")
            }
            guard bytes[position] == word.utf8Start[index] else {
                throw failure(.syntax, at: start, "invalid literal: expected '\(word)'")
            }
            position += 1
            index += 1
        }
        tape.tokens.append(.init(kind: kind, flags: 0, start: UInt32(start), end: UInt32(position), count: 0))
    }

    private mutating func scanNumber() throws(ScanFailure) {
        let start = position
        var flags: UInt8 = 0
        if bytes[position] == UInt8(ascii: "-") {
            flags |= JSONTape.Token.isNegative
            position += 1
        }
        guard position < bytes.count, isDigit(bytes[position]) else {
            throw failure(.syntax, "invalid number: expected a digit")
        }
        if bytes[position] == UInt8(ascii: "0") {
            position += 1
            if position < bytes.count, isDigit(bytes[position]) {
                throw failure(.syntax, "invalid number: leading zeros are not allowed")
            }
        } else {
            skipDigits()
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
            flags |= JSONTape.Token.hasFraction
            position += 1
            guard position < bytes.count, isDigit(bytes[position]) else {
                throw failure(.syntax, "invalid number: expected a digit after '.'")
            }
            skipDigits()
        }
        if position < bytes.count, bytes[position] | 0x20 == UInt8(ascii: "e") {
            flags |= JSONTape.Token.hasExponent
            position += 1
            if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") {
                position += 1
            }
            guard position < bytes.count, isDigit(bytes[position]) else {
                throw failure(.syntax, "invalid number: expected a digit in the exponent")
            }
            skipDigits()
        }
        tape.tokens.append(.init(kind: .number, flags: flags, start: UInt32(start), end: UInt32(position), count: 0))
    }

    @inline(__always)
    private func isDigit(_ byte: UInt8) -> Bool {
        byte &- UInt8(ascii: "0") < 10
    }

    @inline(__always)
    private mutating func skipDigits() {
        while position < bytes.count, isDigit(bytes[position]) {
            position += 1
        }
    }

    @inline(__always)
    private mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"):
                position += 1
            default:
                return
            }
        }
    }

    // MARK: Errors

    func failure(_ reason: ScanFailure.Reason, _ message: String) -> ScanFailure {
        ScanFailure(reason: reason, offset: position, message: message)
    }

    func failure(_ reason: ScanFailure.Reason, at offset: Int, _ message: String) -> ScanFailure {
        ScanFailure(reason: reason, offset: offset, message: message)
    }

    func describe(_ byte: UInt8) -> String {
        switch byte {
        case 0x20..<0x7F: return "'\(Character(Unicode.Scalar(byte)))'"
        default: return "byte 0x\(String(byte, radix: 16, uppercase: true))"
        }
    }
}
