import Foundation
import Testing

@testable import hookschema

/// `check`'s NDJSON reader: lines handed out in place from a reused buffer, whatever the chunk boundaries.
@Suite struct LineReaderTests {
    /// The lines (text, or the over-long size from the finding) and their numbers, read with `chunkSize`.
    static func lines(of input: String, chunkSize: Int, maxLineBytes: Int = 1 << 20) throws -> [String] {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("linereader-\(UUID().uuidString)")
        try Data(input.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let handle = try #require(FileHandle(forReadingAtPath: url.path))
        defer { try? handle.close() }
        var reader = LineReader(handle: handle, maxLineBytes: maxLineBytes, chunkSize: chunkSize)
        var lines: [String] = []
        try reader.forEachLine { payload in
            // An over-long line that fits in one chunk is handed out whole (the validator rejects it by size).
            if let unreadable = payload.unreadable {
                guard case .integer(let size) = unreadable.actual else { return }
                lines.append("\(payload.line ?? 0): too long, \(size)")
            } else if payload.body.count > maxLineBytes {
                lines.append("\(payload.line ?? 0): too long, \(payload.body.count)")
            } else {
                lines.append("\(payload.line ?? 0): " + String(decoding: payload.body, as: UTF8.self))
            }
        }
        return lines
    }

    @Test func everyChunkSizeGivesTheSameLines() throws {
        let input = "{\"a\": 1}\n\n  \t\n{\"b\": [1, 2]}\r\n\r\n{\"c\": \"é😀\"}\nlast line without newline"
        let expected = ["1: {\"a\": 1}", "4: {\"b\": [1, 2]}", "6: {\"c\": \"é😀\"}", "7: last line without newline"]
        for chunkSize in [1, 2, 3, 5, 7, 8, 13, 16, 64, 1 << 20] {
            #expect(try Self.lines(of: input, chunkSize: chunkSize) == expected, "chunk size \(chunkSize)")
        }
        #expect(try Self.lines(of: input + "\n", chunkSize: 4) == expected)
        #expect(try Self.lines(of: "", chunkSize: 4) == [])
        #expect(try Self.lines(of: "\n\n", chunkSize: 1) == [])
    }

    @Test func longLinesAcrossManyChunks() throws {
        let long = String(repeating: "x", count: 10_000)
        let input = "1\n\(long)\n2\n\(long)"
        for chunkSize in [1, 7, 4096, 1 << 20] {
            #expect(try Self.lines(of: input, chunkSize: chunkSize) == ["1: 1", "2: \(long)", "3: 2", "4: \(long)"])
        }
    }

    @Test func overLongLinesBecomeOneFindingEach() throws {
        let input = "ok\n" + String(repeating: "y", count: 100) + "\nfine\n" + String(repeating: "z", count: 41)
        for chunkSize in [1, 8, 16, 1 << 20] {
            let lines = try Self.lines(of: input, chunkSize: chunkSize, maxLineBytes: 40)
            #expect(lines == ["1: ok", "2: too long, 100", "3: fine", "4: too long, 41"], "\(chunkSize)")
        }
    }
}
