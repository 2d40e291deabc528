/// Explicit bounds on what one validation may read. Crossing one is a finding (`malformed_json`: the body cannot
/// be read within the limits), never a crash or a stack overflow.
public struct ValidationLimits: Hashable, Sendable {
    /// The deepest nesting of objects and arrays read (default 512). Values above 10,000 are treated as
    /// 10,000, to keep the validator's recursion (which follows the schema into the body) within a thread's stack.
    public var maxDepth: Int
    /// The largest body read, in bytes (default 64 MiB; at most 4 GiB − 1).
    public var maxBodyBytes: Int

    /// Limits for one validation.
    ///
    /// - Parameters:
    ///   - maxDepth: The deepest nesting of objects and arrays read.
    ///   - maxBodyBytes: The largest body read, in bytes.
    public init(maxDepth: Int = 512, maxBodyBytes: Int = 64 << 20) {
        self.maxDepth = maxDepth
        self.maxBodyBytes = maxBodyBytes
    }

    var effectiveMaxDepth: Int { min(max(maxDepth, 1), 10_000) }
    var effectiveMaxBodyBytes: Int { min(max(maxBodyBytes, 0), Int(UInt32.max) - 1) }
}
