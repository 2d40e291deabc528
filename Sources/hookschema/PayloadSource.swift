import Foundation
import HookSchemaValidation

/// One input of `check`: a whole-file body, an NDJSON stream, or a captured delivery with headers.
struct PayloadSource {
    enum Kind {
        /// A `.json` file: one delivery body.
        case body
        /// An `.ndjson` / `.jsonl` file, or standard input: one body per line.
        case lines
        /// A `*.delivery.json` file: `{"headers": {…}, "body": "<raw body>"}`.
        case delivery
    }

    /// The file path, or `-` for standard input.
    var path: String
    var kind: Kind

    var displayPath: String { path }

    /// One body to validate, with where it came from. `body` is valid only during the `forEachPayload` call that
    /// hands the payload out (NDJSON lines are validated in place in the read buffer).
    struct Payload {
        var body: UnsafeBufferPointer<UInt8>
        var line: Int?
        var headers: [(name: String, value: String)]?
        /// A finding that replaces validation (the body could not be read within the limits).
        var unreadable: Finding?

        func validate(
            with validator: SchemaValidator, eventType: String?, reusing buffers: inout ValidationBuffers
        ) -> DriftReport {
            if let unreadable {
                return DriftReport(findings: [unreadable])
            }
            return validator.validate(body: body, headers: headers, eventType: eventType, reusing: &buffers)
        }
    }

    struct InputError: Error, CustomStringConvertible {
        var description: String
    }

    /// The sources named by `check`'s arguments, in order; folders expanded to their payload files, sorted.
    static func expand(_ arguments: [String]) throws -> [PayloadSource] {
        var sources: [PayloadSource] = []
        let fileManager = FileManager.default
        for argument in arguments {
            if argument == "-" {
                sources.append(PayloadSource(path: "-", kind: .lines))
                continue
            }
            var isDirectory: ObjCBool = false
            guard fileManager.fileExists(atPath: argument, isDirectory: &isDirectory) else {
                throw InputError(description: "cannot read \(argument): no such file or directory")
            }
            if !isDirectory.boolValue {
                sources.append(PayloadSource(path: argument, kind: kind(of: argument) ?? .body))
                continue
            }
            guard let enumerator = fileManager.enumerator(atPath: argument) else {
                throw InputError(description: "cannot read the folder \(argument)")
            }
            var found: [String] = []
            while let relative = enumerator.nextObject() as? String {
                guard kind(of: relative) != nil, !relative.split(separator: "/").contains(where: { $0.hasPrefix(".") })
                else { continue }
                let path = argument.hasSuffix("/") ? argument + relative : argument + "/" + relative
                var isFolder: ObjCBool = false
                if fileManager.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue {
                    found.append(path)
                }
            }
            for path in found.sorted() {
                sources.append(PayloadSource(path: path, kind: kind(of: path) ?? .body))
            }
        }
        return sources
    }

    /// The kind a file's name says, nil for files `check` does not read in a folder.
    static func kind(of path: String) -> Kind? {
        if path.hasSuffix(".delivery.json") { return .delivery }
        if path.hasSuffix(".json") { return .body }
        if path.hasSuffix(".ndjson") || path.hasSuffix(".jsonl") { return .lines }
        return nil
    }

    /// Reads the source and calls `body` for each payload, in order. NDJSON is streamed in chunks, so memory
    /// stays flat however long the input is.
    func forEachPayload(limits: ValidationLimits, _ body: (Payload) throws -> Void) throws {
        switch kind {
        case .lines:
            let handle: FileHandle
            if path == "-" {
                handle = FileHandle.standardInput
            } else {
                guard let opened = FileHandle(forReadingAtPath: path) else {
                    throw InputError(description: "cannot read \(path)")
                }
                handle = opened
            }
            defer { if path != "-" { try? handle.close() } }
            var reader = LineReader(handle: handle, maxLineBytes: limits.maxBodyBytes)
            try reader.forEachLine(body)
        case .body:
            try readWhole(limits: limits).withUnsafeBufferPointer { bytes in
                try body(Payload(body: bytes, line: nil))
            }
        case .delivery:
            let delivery = try CheckDelivery.read(from: try readWhole(limits: limits), path: path)
            try delivery.body.withUnsafeBufferPointer { bytes in
                try body(Payload(body: bytes, line: nil, headers: delivery.headers))
            }
        }
    }

    private func readWhole(limits: ValidationLimits) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError(description: "cannot read \(path)")
        }
        return [UInt8](data)
    }
}
