import Testing

@testable import HookSchemaValidation

/// The validator's name lookups: word-at-a-time equality for short names, grouped tables.
@Suite struct ByteStringTableTests {
    @Test func equalityAtEveryLengthAndEveryDifferingByte() {
        for length in 0...40 {
            let left = (0..<length).map { UInt8(truncatingIfNeeded: 0x41 + $0 * 7) }
            left.withUnsafeBufferPointer { leftBuffer in
                let leftBase = leftBuffer.baseAddress ?? UnsafePointer(bitPattern: 1)!
                #expect(ByteStringTable.equal(leftBase, Array(left).withUnsafeBufferPointer { $0.baseAddress ?? leftBase }, 0))
                var same = left
                same.withUnsafeBufferPointer { #expect(ByteStringTable.equal(leftBase, $0.baseAddress ?? leftBase, length)) }
                for position in 0..<length {
                    same = left
                    same[position] ^= 0x20
                    same.withUnsafeBufferPointer { right in
                        #expect(!ByteStringTable.equal(leftBase, right.baseAddress!, length), "\(length) \(position)")
                    }
                }
            }
        }
    }

    @Test func groupsKeepTheirOwnValues() {
        let table = ByteStringTable([
            (group: 0, key: "id", value: 0), (group: 0, key: "status", value: 1), (group: 1, key: "status", value: 7),
            (group: 1, key: "a_much_longer_member_name", value: 3), (group: 2, key: "", value: 5),
            (group: 0, key: "id", value: 9),
        ])
        func lookup(_ key: String, _ group: Int) -> Int? {
            Array(key.utf8).withUnsafeBufferPointer { table.lookup($0, in: group) }
        }
        #expect(lookup("id", 0) == 0)
        #expect(lookup("status", 0) == 1)
        #expect(lookup("status", 1) == 7)
        #expect(lookup("id", 1) == nil)
        #expect(lookup("a_much_longer_member_name", 1) == 3)
        #expect(lookup("a_much_longer_member_namf", 1) == nil)
        #expect(lookup("", 2) == 5)
        #expect(lookup("", 0) == nil)
        #expect(lookup("statuS", 0) == nil)
    }
}
