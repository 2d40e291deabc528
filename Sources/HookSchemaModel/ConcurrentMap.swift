import Dispatch

extension Array where Element: Sendable {
    /// `transform` of every element, computed on every core. The result is in the array's order whatever the
    /// scheduling, so what follows stays deterministic. The loader parses event files with it and the generator
    /// renders them.
    public func concurrentMap<Result>(_ transform: @Sendable (Element) -> Result) -> [Result] {
        guard count > 1 else { return map(transform) }
        return [Result](unsafeUninitializedCapacity: count) { buffer, initializedCount in
            // Each slot is initialised exactly once, by the one worker given its index: no two workers share one.
            nonisolated(unsafe) let slots = buffer
            DispatchQueue.concurrentPerform(iterations: count) { index in
                (slots.baseAddress! + index).initialize(to: transform(self[index]))
            }
            initializedCount = count
        }
    }
}

