/// A file's UTF-8 bytes with its line starts: the positions `learn` computes its edits in.
struct YAMLText {
    let bytes: [UInt8]
    /// The byte offset of each line's first byte (line 1 is `lineStarts[0]`).
    let lineStarts: [Int]

    init(_ source: String) {
        bytes = Array(source.utf8)
        var starts = [0]
        for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            starts.append(index + 1)
        }
        // A final newline does not begin another line.
        if starts.count > 1, starts.last == bytes.count {
            starts.removeLast()
        }
        lineStarts = starts
    }

    var lineCount: Int { lineStarts.count }

    /// The byte offset of a Yams mark: a 1-based line and a 1-based column counted in Unicode scalars.
    func offset(line: Int, column: Int) -> Int {
        guard line >= 1, line <= lineStarts.count else { return bytes.count }
        var offset = lineStarts[line - 1]
        var scalars = 1
        while scalars < column, offset < bytes.count, bytes[offset] != UInt8(ascii: "\n") {
            offset += 1
            // Skip UTF-8 continuation bytes: one scalar per lead byte.
            while offset < bytes.count, bytes[offset] & 0xC0 == 0x80 { offset += 1 }
            scalars += 1
        }
        return offset
    }

    /// The 0-based line index holding `offset`.
    func lineIndex(of offset: Int) -> Int {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return low
    }

    /// The 1-based line an edit at `offset` is on: past a final newline, the line after the last.
    func lineNumber(at offset: Int) -> Int {
        if offset == bytes.count, bytes.last == UInt8(ascii: "\n") { return lineCount + 1 }
        return lineIndex(of: offset) + 1
    }

    /// The offset just past line `index`'s newline (the end of the text for the last line).
    func lineEnd(_ index: Int) -> Int {
        index + 1 < lineStarts.count ? lineStarts[index + 1] : bytes.count
    }

    /// The bytes of line `index`, without its newline.
    func line(_ index: Int) -> ArraySlice<UInt8> {
        var end = lineEnd(index)
        if end > lineStarts[index], bytes[end - 1] == UInt8(ascii: "\n") { end -= 1 }
        return bytes[lineStarts[index]..<end]
    }

    /// The number of spaces a line starts with.
    func indentation(_ index: Int) -> Int {
        line(index).prefix { $0 == UInt8(ascii: " ") }.count
    }

    /// The offset's column, counted in bytes from 0 (the indentation a line needs to start there).
    func column(of offset: Int) -> Int {
        offset - lineStarts[lineIndex(of: offset)]
    }

    func isBlank(_ index: Int) -> Bool {
        line(index).allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\r") }
    }

    /// The last line of the block that starts on line `first` at `column` (0-based): the lines after it that are
    /// indented further (nested keys, the lines of a block scalar, a flow collection's continuation lines, comments
    /// among them) belong to it; blank lines and less-indented comments after its last such line do not.
    func lastLine(ofBlockStartingAt first: Int, column: Int) -> Int {
        var last = first
        var index = first + 1
        while index < lineCount {
            if isBlank(index) {
                index += 1
                continue
            }
            let indentation = indentation(index)
            if indentation > column {
                last = index
            } else if line(index).dropFirst(indentation).first != UInt8(ascii: "#") {
                break
            }
            index += 1
        }
        return last
    }

    /// The offset of the bracket that closes the flow collection opening at `open` (`{` or `[`), and the offset of
    /// the last byte before it that is neither white space nor in a comment (`open` for an empty collection).
    func flowClose(from open: Int) -> (close: Int, lastSignificant: Int)? {
        var depth = 0
        var index = open
        var lastSignificant = open
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
                if depth == 0 { return (index, lastSignificant) }
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                index = skipQuoted(from: index)
                lastSignificant = index
                index += 1
                continue
            case UInt8(ascii: "#") where index == 0 || isSpace(bytes[index - 1]):
                while index < bytes.count, bytes[index] != UInt8(ascii: "\n") { index += 1 }
                continue
            default:
                break
            }
            if !isSpace(byte) { lastSignificant = index }
            index += 1
        }
        return nil
    }

    /// The offset of the quote that closes the quoted scalar opening at `open`.
    private func skipQuoted(from open: Int) -> Int {
        let quote = bytes[open]
        var index = open + 1
        while index < bytes.count {
            if quote == UInt8(ascii: "\""), bytes[index] == UInt8(ascii: "\\") {
                index += 2
                continue
            }
            if bytes[index] == quote {
                // '' is an escaped quote inside a single-quoted scalar.
                if quote == UInt8(ascii: "'"), index + 1 < bytes.count, bytes[index + 1] == quote {
                    index += 2
                    continue
                }
                return index
            }
            index += 1
        }
        return bytes.count - 1
    }

    /// Whether a flow collection (`{` or `[`) opens at `offset`.
    func opensFlowCollection(at offset: Int) -> Bool {
        offset < bytes.count && (bytes[offset] == UInt8(ascii: "{") || bytes[offset] == UInt8(ascii: "["))
    }

    func isSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n")
            || byte == UInt8(ascii: "\r")
    }
}
