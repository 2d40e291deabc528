#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A read-only hash table from byte strings (member names, enum values, event types) to small integers, looked up
/// straight from the body's bytes without making a `String`.
///
/// Keys can be grouped: one table holds, say, the member names of every object in a plan, each object's names in
/// their own group (`lookup(_:in:)`), so a lookup reads no per-object structure.
struct ByteStringTable: Sendable {
    private struct Entry {
        var offset: Int32
        var length: Int32
        var group: Int32
        var value: Int32
    }

    private let storage: [UInt8]
    private let entries: [Entry]
    private let slots: [Int32]
    private let mask: Int

    /// `keys[i]` maps to `values[i]` (all in group 0); a repeated key keeps its first value.
    init(_ keys: [String], values: [Int]) {
        self.init(zip(keys, values).map { (group: 0, key: $0, value: $1) })
    }

    init(_ keys: [String]) {
        self.init(keys, values: Array(keys.indices))
    }

    /// Each key maps to its value within its group; a key repeated in a group keeps its first value.
    init(_ keys: [(group: Int, key: String, value: Int)]) {
        var storage: [UInt8] = []
        var entries: [Entry] = []
        var capacity = 4
        while capacity < keys.count * 2 { capacity <<= 1 }
        var slots = [Int32](repeating: -1, count: capacity)
        let mask = capacity - 1
        for (group, key, value) in keys {
            let bytes = Array(key.utf8)
            let found = bytes.withUnsafeBufferPointer { buffer in
                Self.find(buffer, group: group, storage: storage, entries: entries, slots: slots, mask: mask)
            }
            guard found == nil else { continue }
            var slot = bytes.withUnsafeBufferPointer { Self.hash($0, group: group) } & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(entries.count)
            entries.append(
                Entry(
                    offset: Int32(storage.count), length: Int32(bytes.count), group: Int32(group),
                    value: Int32(value)))
            storage.append(contentsOf: bytes)
        }
        self.storage = storage
        self.entries = entries
        self.slots = slots
        self.mask = mask
    }

    /// The value for `key` (in group 0), nil when absent.
    @inline(__always)
    func lookup(_ key: UnsafeBufferPointer<UInt8>) -> Int? {
        Self.find(key, group: 0, storage: storage, entries: entries, slots: slots, mask: mask)
    }

    /// The value for `key` in `group`, nil when absent.
    @inline(__always)
    func lookup(_ key: UnsafeBufferPointer<UInt8>, in group: Int) -> Int? {
        Self.find(key, group: group, storage: storage, entries: entries, slots: slots, mask: mask)
    }

    private static func find(
        _ key: UnsafeBufferPointer<UInt8>,
        group: Int,
        storage: [UInt8],
        entries: [Entry],
        slots: [Int32],
        mask: Int
    ) -> Int? {
        var slot = hash(key, group: group) & mask
        while true {
            let entryIndex = Int(slots[slot])
            if entryIndex < 0 { return nil }
            let entry = entries[entryIndex]
            if Int(entry.length) == key.count, Int(entry.group) == group {
                let equal = storage.withUnsafeBufferPointer { stored in
                    guard let keyBase = key.baseAddress else { return entry.length == 0 }
                    guard let storedBase = stored.baseAddress else { return false }
                    return Self.equal(storedBase + Int(entry.offset), keyBase, key.count)
                }
                if equal { return Int(entry.value) }
            }
            slot = (slot + 1) & mask
        }
    }

    /// Byte equality of two runs of `count` bytes. Up to 16 bytes (the names schemas use), two overlapping word
    /// loads from each side, no call and no loop; longer runs through `memcmp`.
    @inline(__always)
    static func equal(_ left: UnsafePointer<UInt8>, _ right: UnsafePointer<UInt8>, _ count: Int) -> Bool {
        let left = UnsafeRawPointer(left)
        let right = UnsafeRawPointer(right)
        switch count {
        case 0:
            return true
        case 1...3:
            // The first, middle and last bytes cover every byte of a run this short.
            return left.load(as: UInt8.self) == right.load(as: UInt8.self)
                && left.load(fromByteOffset: count >> 1, as: UInt8.self)
                    == right.load(fromByteOffset: count >> 1, as: UInt8.self)
                && left.load(fromByteOffset: count - 1, as: UInt8.self)
                    == right.load(fromByteOffset: count - 1, as: UInt8.self)
        case 4...7:
            return left.loadUnaligned(as: UInt32.self) == right.loadUnaligned(as: UInt32.self)
                && left.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)
                    == right.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)
        case 8...16:
            return left.loadUnaligned(as: UInt64.self) == right.loadUnaligned(as: UInt64.self)
                && left.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
                    == right.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
        default:
            return memcmp(left, right, count) == 0
        }
    }

    /// Length, group and a few bytes, mixed: cheap, and distinct enough for the short names schemas use.
    @inline(__always)
    private static func hash(_ key: UnsafeBufferPointer<UInt8>, group: Int) -> Int {
        let count = key.count
        var value = UInt64(count) &+ UInt64(truncatingIfNeeded: group) &* 0x9E37_79B9_7F4A_7C15
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
