import Foundation
import HookSchemaValidation

/// Splits a byte stream into NDJSON lines, reading 1 MiB at a time. Blank lines are skipped (but counted); a
/// trailing `\r` is dropped. A line longer than the body limit is not kept in memory: it becomes a payload with
/// an `unreadable` finding.
struct LineReader {
    private let handle: FileHandle
    private let maxLineBytes: Int
    private var buffer: [UInt8] = []
    private var start = 0
    private var lineNumber = 0
    private var atEnd = false
    /// Bytes of an over-long line dropped so far, while skipping to its end.
    private var skipping: Int?

    init(handle: FileHandle, maxLineBytes: Int) {
        self.handle = handle
        self.maxLineBytes = maxLineBytes
    }

    mutating func next() throws -> PayloadSource.Payload? {
        while true {
            if let newline = buffer[start...].firstIndex(of: UInt8(ascii: "\n")) {
                let line = start..<newline
                start = newline + 1
                lineNumber += 1
                if let payload = finishLine(line) { return payload }
                continue
            }
            if atEnd {
                guard start < buffer.count || skipping != nil else { return nil }
                let line = start..<buffer.count
                start = buffer.count
                lineNumber += 1
                if let payload = finishLine(line) { return payload }
                return nil
            }
            // Keep the unfinished line, drop what was consumed, read more.
            if start > 0 {
                buffer.removeSubrange(0..<start)
                start = 0
            }
            if buffer.count > maxLineBytes {
                skipping = (skipping ?? 0) + buffer.count
                buffer.removeAll(keepingCapacity: true)
            }
            let chunk = try handle.read(upToCount: 1 << 20) ?? Data()
            if chunk.isEmpty {
                atEnd = true
            } else {
                buffer.append(contentsOf: chunk)
            }
        }
    }

    /// The payload of a finished line, nil for a blank one.
    private mutating func finishLine(_ range: Range<Int>) -> PayloadSource.Payload? {
        if let skipped = skipping {
            skipping = nil
            let size = skipped + range.count
            let finding = Finding(
                kind: .malformedJSON, path: "",
                message: "the body is \(size) bytes, more than the limit of \(maxLineBytes) bytes; not read",
                expected: .integer(Int64(maxLineBytes)), actual: .integer(Int64(size)))
            return PayloadSource.Payload(body: [], line: lineNumber, unreadable: finding)
        }
        var end = range.upperBound
        if end > range.lowerBound, buffer[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        let line = buffer[range.lowerBound..<end]
        if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return nil }
        return PayloadSource.Payload(body: Array(line), line: lineNumber)
    }
}
