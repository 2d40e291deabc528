import Foundation

/// Buffered standard output: `check` prints one line per finding, and a write per line would dominate the run.
/// Holds UTF-8 bytes, so formatters can append without making `String`s.
struct BufferedOutput {
    private var pending: [UInt8] = []

    mutating func write(_ text: String) {
        pending.append(contentsOf: text.utf8)
        flushIfFull()
    }

    mutating func write(_ bytes: [UInt8]) {
        pending.append(contentsOf: bytes)
        flushIfFull()
    }

    private mutating func flushIfFull() {
        if pending.count >= 1 << 16 { flush() }
    }

    mutating func flush() {
        guard !pending.isEmpty else { return }
        FileHandle.standardOutput.write(Data(pending))
        pending.removeAll(keepingCapacity: true)
    }
}

/// Text that must be printed after a header known only at the end (a summary first, then the results): kept in
/// memory up to 4 MiB, then spilled to a temporary file, so memory stays flat however many payloads are checked.
struct Spool {
    private var pending: [UInt8] = []
    private var file: FileHandle?
    private var fileURL: URL?

    mutating func write(_ text: String) throws {
        pending.append(contentsOf: text.utf8)
        if pending.count >= 4 << 20 { try spill() }
    }

    mutating func write(_ bytes: [UInt8]) throws {
        pending.append(contentsOf: bytes)
        if pending.count >= 4 << 20 { try spill() }
    }

    private mutating func spill() throws {
        if file == nil {
            let url = FileManager.default.temporaryDirectory
                .appendingPathComponent("hookschema-check-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
            guard FileManager.default.createFile(atPath: url.path, contents: nil),
                let handle = FileHandle(forUpdatingAtPath: url.path)
            else {
                throw PayloadSource.InputError(description: "cannot create a temporary file at \(url.path)")
            }
            file = handle
            fileURL = url
        }
        try file?.write(contentsOf: Data(pending))
        pending.removeAll(keepingCapacity: true)
    }

    /// Prints everything written, in order, to `output`, and removes the temporary file.
    mutating func drain(into output: inout BufferedOutput) throws {
        if let file, let fileURL {
            output.flush()
            try file.seek(toOffset: 0)
            while let chunk = try file.read(upToCount: 1 << 20), !chunk.isEmpty {
                FileHandle.standardOutput.write(chunk)
            }
            try file.close()
            try? FileManager.default.removeItem(at: fileURL)
            self.file = nil
            self.fileURL = nil
        }
        output.write(pending)
        pending = []
    }
}
