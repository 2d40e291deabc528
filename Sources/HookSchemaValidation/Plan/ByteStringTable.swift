/// A read-only hash table from byte strings (member names, enum values, event types) to small integers, looked up
/// straight from the body's bytes without making a `String`.
struct ByteStringTable: Sendable {
    private let storage: [UInt8]
    private let entries: [(offset: Int, length: Int, value: Int)]
    private let slots: [Int32]
    private let mask: Int

    /// `keys[i]` maps to `values[i]`; a repeated key keeps its first value.
    init(_ keys: [String], values: [Int]) {
        var storage: [UInt8] = []
        var entries: [(offset: Int, length: Int, value: Int)] = []
        var capacity = 4
        while capacity < keys.count * 2 { capacity <<= 1 }
        var slots = [Int32](repeating: -1, count: capacity)
        let mask = capacity - 1
        for (key, value) in zip(keys, values) {
            let bytes = Array(key.utf8)
            let found = bytes.withUnsafeBufferPointer { buffer in
                Self.find(buffer, storage: storage, entries: entries, slots: slots, mask: mask)
            }
            guard found == nil else { continue }
            var slot = bytes.withUnsafeBufferPointer { Self.hash($0) } & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(entries.count)
            entries.append((storage.count, bytes.count, value))
            storage.append(contentsOf: bytes)
        }
        self.storage = storage
        self.entries = entries
        self.slots = slots
        self.mask = mask
    }

    init(_ keys: [String]) {
        self.init(keys, values: Array(keys.indices))
    }

    /// The value for `key`, nil when absent.
    @inline(__always)
    func lookup(_ key: UnsafeBufferPointer<UInt8>) -> Int? {
        Self.find(key, storage: storage, entries: entries, slots: slots, mask: mask)
    }

    private static func find(
        _ key: UnsafeBufferPointer<UInt8>,
        storage: [UInt8],
        entries: [(offset: Int, length: Int, value: Int)],
        slots: [Int32],
        mask: Int
    ) -> Int? {
        var slot = hash(key) & mask
        while true {
            let entryIndex = Int(slots[slot])
            if entryIndex < 0 { return nil }
            let entry = entries[entryIndex]
            if entry.length == key.count {
                let equal = storage.withUnsafeBufferPointer { stored in
                    guard let keyBase = key.baseAddress else { return entry.length == 0 }
                    guard let storedBase = stored.baseAddress else { return false }
                    return memcmp(storedBase + entry.offset, keyBase, entry.length) == 0
                }
                if equal { return entry.value }
            }
            slot = (slot + 1) & mask
        }
    }

    /// Length and a few bytes, mixed: cheap, and distinct enough for the short names schemas use.
    @inline(__always)
    private static func hash(_ key: UnsafeBufferPointer<UInt8>) -> Int {
        let count = key.count
        var value = UInt64(count)
        if count > 0 {
            value = value &* 31 &+ UInt64(key[0])
            value = value &* 31 &+ UInt64(key[count - 1])
            value = value &* 31 &+ UInt64(key[count >> 1])
            value = value &* 31 &+ UInt64(key[count / 3])
        }
        value = (value ^ (value >> 29)) &* 0xBF58_476D_1CE4_E5B9
        return Int(truncatingIfNeeded: value ^ (value >> 32))
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
