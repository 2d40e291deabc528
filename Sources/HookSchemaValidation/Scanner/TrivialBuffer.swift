/// Growable storage for the scanner's output and stack: trivial values behind a raw pointer, so the hot loop
/// appends and updates without `Array`'s uniqueness, capacity and bounds checks. A class, so the scanner, the
/// validator's reusable buffers and a reader can share one without copying; reused from one body to the next.
///
/// Indices are checked in debug builds only: the scanner writes only indices it has appended, and readers take
/// `elements`, a buffer of exactly `count` values.
final class TrivialBuffer<Element: BitwiseCopyable> {
    private(set) var base: UnsafeMutablePointer<Element>
    private(set) var count = 0
    private(set) var capacity: Int

    init(capacity: Int) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    deinit {
        base.deallocate()
    }

    /// Empties the buffer, keeping its memory (at least `minimumCapacity` values).
    func removeAll(reservingCapacity minimumCapacity: Int = 0) {
        count = 0
        if minimumCapacity > capacity { grow(to: minimumCapacity) }
    }

    /// Empties the buffer and gives back memory beyond `capacity` values.
    func shrink(to capacity: Int) {
        count = 0
        guard self.capacity > capacity else { return }
        base.deallocate()
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    @inline(__always)
    func append(_ element: Element) {
        if count == capacity { grow(to: capacity * 2) }
        (base + count).initialize(to: element)
        count += 1
    }

    @inline(__always)
    @discardableResult
    func removeLast() -> Element {
        assert(count > 0)
        count -= 1
        return base[count]
    }

    @inline(__always)
    var last: Element? {
        count > 0 ? base[count - 1] : nil
    }

    @inline(__always)
    subscript(index: Int) -> Element {
        unsafeAddress {
            assert(index >= 0 && index < count)
            return UnsafePointer(base + index)
        }
        unsafeMutableAddress {
            assert(index >= 0 && index < count)
            return base + index
        }
    }

    /// The values, valid until the buffer is next changed.
    var elements: UnsafeBufferPointer<Element> {
        UnsafeBufferPointer(start: base, count: count)
    }

    @inline(never)
    private func grow(to minimumCapacity: Int) {
        var newCapacity = capacity
        while newCapacity < minimumCapacity { newCapacity *= 2 }
        let newBase = UnsafeMutablePointer<Element>.allocate(capacity: newCapacity)
        newBase.initialize(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }
}
