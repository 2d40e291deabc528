#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import HookSchemaValidation

/// Splits a byte stream into NDJSON lines, reading 1 MiB at a time into one reused buffer; each line is handed
/// out in place (no copy). Blank lines are skipped (but counted); a trailing `\r` is dropped. A line longer than
/// the body limit is not kept in memory: it becomes a payload with an `unreadable` finding.
struct LineReader {
    static let chunkSize = 1 << 20

    private let descriptor: Int32
    private let maxLineBytes: Int
    private let chunkSize: Int
    /// The read buffer: `buffer[start..<end]` is read and not yet handed out.
    private var buffer: [UInt8] = []
    private var start = 0
    private var end = 0
    /// Where to continue looking for a newline (everything in `start..<searched` has none).
    private var searched = 0
    private var lineNumber = 0
    private var atEnd = false
    /// Bytes of an over-long line dropped so far, while skipping to its end.
    private var skipping: Int?

    /// What the next line is: a range of `buffer`, or (`skipped`) an over-long line of that many bytes.
    private enum Line {
        case bytes(Range<Int>)
        case skipped(Int)
    }

    init(handle: FileHandle, maxLineBytes: Int, chunkSize: Int = LineReader.chunkSize) {
        self.descriptor = handle.fileDescriptor
        self.maxLineBytes = maxLineBytes
        self.chunkSize = max(chunkSize, 1)
    }

    /// Calls `body` with each non-blank line, in order. The payload's body points into the read buffer: it is
    /// valid only during the call.
    mutating func forEachLine(_ body: (PayloadSource.Payload) throws -> Void) throws {
        while let line = try nextLine() {
            switch line {
            case .skipped(let size):
                let finding = Finding(
                    kind: .malformedJSON, path: "",
                    message: "the body is \(size) bytes, more than the limit of \(maxLineBytes) bytes; not read",
                    expected: .integer(Int64(maxLineBytes)), actual: .integer(Int64(size)))
                try body(PayloadSource.Payload(body: UnsafeBufferPointer(start: nil, count: 0), line: lineNumber, unreadable: finding))
            case .bytes(let range):
                let lineNumber = lineNumber
                try buffer.withUnsafeBufferPointer { buffer in
                    var content = UnsafeBufferPointer(rebasing: buffer[range])
                    if let last = content.last, last == UInt8(ascii: "\r") {
                        content = UnsafeBufferPointer(rebasing: content.dropLast())
                    }
                    if content.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return }
                    try body(PayloadSource.Payload(body: content, line: lineNumber))
                }
            }
        }
    }

    /// The next line (counted in `lineNumber`), nil at the end of the input.
    private mutating func nextLine() throws -> Line? {
        while true {
            if let newline = findNewline() {
                let range = start..<newline
                start = newline + 1
                searched = start
                lineNumber += 1
                return finish(range)
            }
            searched = end
            if atEnd {
                guard start < end || skipping != nil else { return nil }
                let range = start..<end
                start = end
                lineNumber += 1
                return finish(range)
            }
            try readChunk()
        }
    }

    private mutating func finish(_ range: Range<Int>) -> Line {
        guard let skipped = skipping else { return .bytes(range) }
        skipping = nil
        return .skipped(skipped + range.count)
    }

    /// The index of the first newline in `searched..<end`.
    private func findNewline() -> Int? {
        guard searched < end else { return nil }
        return buffer.withUnsafeBufferPointer { buffer -> Int? in
            guard let base = buffer.baseAddress,
                let found = memchr(base + searched, Int32(UInt8(ascii: "\n")), end - searched)
            else { return nil }
            return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
        }
    }

    /// Keeps the unfinished line (moved to the front), drops it when it is over the limit, and reads a chunk.
    private mutating func readChunk() throws {
        if start > 0 {
            let kept = end - start
            buffer.withUnsafeMutableBufferPointer { buffer in
                guard let base = buffer.baseAddress else { return }
                memmove(base, base + start, kept)
            }
            end = kept
            start = 0
            searched = kept
        }
        if end > maxLineBytes {
            skipping = (skipping ?? 0) + end
            end = 0
            searched = 0
        }
        if buffer.count < end + chunkSize {
            buffer.append(contentsOf: repeatElement(0, count: end + chunkSize - buffer.count))
        }
        let count = buffer.withUnsafeMutableBufferPointer { buffer -> Int in
            while true {
                let count = read(descriptor, buffer.baseAddress! + end, chunkSize)
                if count >= 0 || errno != EINTR { return count }
            }
        }
        if count < 0 {
            throw PayloadSource.InputError(description: "cannot read: \(String(cString: strerror(errno)))")
        }
        if count == 0 {
            atEnd = true
        } else {
            end += count
        }
    }
}
