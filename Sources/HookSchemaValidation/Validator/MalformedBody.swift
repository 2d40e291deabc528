import HookSchemaModel

/// The report for a body the scanner could not read: one `malformed_json` finding, placed by line:column, byte
/// offset and (as far as the body was read) the JSON pointer of the value being read.
enum MalformedBody {
    static func report(_ failure: ScanFailure, scanner: JSONScanner) -> DriftReport {
        let (line, column) = lineAndColumn(of: failure.offset, in: scanner.bytes)
        let message = "at \(line):\(column) (byte offset \(failure.offset)): \(failure.message)"
        return DriftReport(findings: [
            Finding(kind: .malformedJSON, path: pointer(scanner), message: message)
        ])
    }

    /// 1-based line and column (in characters) of a byte offset.
    static func lineAndColumn(of offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (Int, Int) {
        var line = 1
        var column = 1
        for byte in bytes[..<min(offset, bytes.count)] {
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return (line, column)
    }

    /// The pointer of the innermost value being read when the scanner stopped: each open object's last member
    /// name, each open array's current index.
    private static func pointer(_ scanner: JSONScanner) -> String {
        let buffer = scanner.tape.tokens.elements
        do {
            let reader = TapeReader(bytes: scanner.bytes, tokens: buffer)
            var text = ""
            for open in scanner.openContainers.elements {
                let container = buffer[open.container]
                if container.kind == .object {
                    guard open.lastKey >= 0, open.lastKey < buffer.count, buffer[open.lastKey].kind == .string
                    else { break }
                    text = JSONPointer.appending(reader.string(open.lastKey), to: text)
                } else {
                    guard container.count > 0 else { break }
                    text += "/\(container.count - 1)"
                }
            }
            return text
        }
    }
}
