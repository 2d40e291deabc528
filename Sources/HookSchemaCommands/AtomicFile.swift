#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Replaces a file's contents all at once: the bytes go to a temporary file in the same folder, which is then
/// renamed over the target, so a reader (or a crash of the generator) sees the old file or the new one, never part
/// of one.
///
/// Unlike Foundation's `.atomic` writing this does not `fsync` each file: generated files are derived from the
/// schemas, and `generate --check` notices one that a power cut left stale. At a thousand files the syncs were
/// most of the time spent writing.
public enum AtomicFile {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    public static func write(_ bytes: [UInt8], to path: String) throws(Failure) {
        let temporary = path + ".hookschema-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw failure("cannot create a temporary file beside it") }
        var failed = bytes.withUnsafeBytes { writeAll(descriptor, $0) } ? nil : failure("cannot write")
        if close(descriptor) != 0, failed == nil {
            failed = failure("cannot close")
        }
        if failed == nil, rename(temporary, path) != 0 {
            failed = failure("cannot rename the temporary file over it")
        }
        if let failed {
            unlink(temporary)
            throw failed
        }
    }

    /// The failure with the system's reason for `errno`.
    private static func failure(_ what: String) -> Failure {
        Failure(description: "\(what): \(String(cString: strerror(errno)))")
    }
}

/// Writes the whole buffer to `descriptor`, resuming after partial writes and interruptions; false on an error
/// (`errno` says which).
private func writeAll(_ descriptor: Int32, _ buffer: UnsafeRawBufferPointer) -> Bool {
    var written = 0
    while written < buffer.count {
        let result = write(descriptor, buffer.baseAddress! + written, buffer.count - written)
        if result < 0 {
            if errno == EINTR { continue }
            return false
        }
        written += result
    }
    return true
}
