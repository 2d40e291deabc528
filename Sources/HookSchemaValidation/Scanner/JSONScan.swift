import HookSchemaRuntime

/// One scan of a body for tools of this package that read JSON without validating it against a schema
/// (`hookschema infer` folds every value it sees): the same scanner and tape as the validator, so every tool reads
/// JSON by one set of rules and at the scanner's speed.
package enum JSONScan {
    /// Why a body is not JSON: the scanner's message and the byte offset of the problem.
    package struct Failure: Error, CustomStringConvertible {
        package var offset: Int
        package var message: String

        package var description: String { "\(message) (at byte \(offset))" }
    }

    /// Scans `bytes` into `buffers`' tape and calls `read` with a reader over it (valid only during the call).
    package static func read<R>(
        _ bytes: UnsafeBufferPointer<UInt8>,
        limits: ValidationLimits = .init(),
        reusing buffers: inout ValidationBuffers,
        _ read: (JSONTapeReader) throws -> R
    ) throws -> R {
        guard bytes.count <= limits.effectiveMaxBodyBytes else {
            throw Failure(
                offset: 0,
                message: "the body is \(bytes.count) bytes, more than the limit of \(limits.effectiveMaxBodyBytes)")
        }
        var scanner = JSONScanner(bytes: bytes, maxDepth: limits.effectiveMaxDepth, reusing: buffers)
        defer { buffers.trim() }
        do {
            try scanner.scan()
        } catch {
            throw Failure(offset: error.offset, message: error.message)
        }
        return try read(JSONTapeReader(bytes: bytes, tokens: scanner.tape.tokens.elements))
    }
}
