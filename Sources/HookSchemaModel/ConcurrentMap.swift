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

/// `first()` and `second()`, computed at the same time (each may itself use `concurrentMap`). The generator
/// encodes the embedded schema while it renders the event files.
public func concurrently<First, Second>(
    _ first: @Sendable () -> First, _ second: @Sendable () -> Second
) -> (First, Second) {
    nonisolated(unsafe) var firstResult: First?
    nonisolated(unsafe) var secondResult: Second?
    // Each closure writes its own variable, exactly once; `concurrentPerform` returns after both.
    DispatchQueue.concurrentPerform(iterations: 2) { index in
        if index == 0 {
            firstResult = first()
        } else {
            secondResult = second()
        }
    }
    return (firstResult!, secondResult!)
}
