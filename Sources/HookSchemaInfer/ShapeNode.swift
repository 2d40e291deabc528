#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import HookSchemaModel

// The classes below are mutated by one thread at a time (one inference, one fold at a time), and their stored
// properties are read and written for every value folded: `@exclusivity(unchecked)` spares each access the
// runtime's exclusivity bookkeeping (a quarter of the fold's time in a profile).

/// Everything the samples showed at one place (one JSON pointer, array indices folded together): how often a value
/// was there and of which JSON kinds, and below it the members of its objects, the items of its arrays and the
/// strings it held. The lattice `infer` folds every sample into, one value at a time (GenSON's `add_object`), so
/// memory grows with the number of places, never with the number of samples.
///
/// Nodes merge (`merge(_:)`): the counts add, the bounded value sets unite. A named type is the merge of every place
/// that has its shape, and what it requires is then what every one of those samples had.
final class ShapeNode {
    /// Values seen here, `null` included.
    @exclusivity(unchecked) var count = 0
    @exclusivity(unchecked) var nulls = 0
    @exclusivity(unchecked) var booleans = 0
    /// Numbers written without a fraction or exponent that fit in 64 bits.
    @exclusivity(unchecked) var integers = 0
    /// Other numbers.
    @exclusivity(unchecked) var numbers = 0
    @exclusivity(unchecked) var strings: StringSummary?
    @exclusivity(unchecked) var object: ObjectSummary?
    @exclusivity(unchecked) var array: ArraySummary?
    /// Set when the objects here are told apart by a member (a tagged union found by an earlier pass).
    @exclusivity(unchecked) var tagged: TaggedSummary?
    /// What earlier passes decided about this place and the places below it (nil: nothing).
    let plan: ShapePlan?

    init(plan: ShapePlan? = nil) {
        self.plan = plan
    }

    /// A deep copy (named types merge copies, so the places they came from stay as they were).
    func copy() -> ShapeNode {
        let copy = ShapeNode(plan: plan)
        copy.merge(self)
        return copy
    }

    /// A copy of the objects seen here alone (a named type is made of its places' objects, not of the strings or
    /// nulls some of those places also held).
    func objectPart() -> ShapeNode {
        let part = ShapeNode(plan: plan)
        part.count = objectCount
        if let object {
            part.object = ObjectSummary()
            part.object?.merge(object, plan: plan)
        }
        if let tagged {
            part.tagged = TaggedSummary(member: tagged.member)
            part.tagged?.merge(tagged, plan: plan)
        }
        return part
    }

    /// Adds everything `other` saw to this node.
    func merge(_ other: ShapeNode) {
        count += other.count
        nulls += other.nulls
        booleans += other.booleans
        integers += other.integers
        numbers += other.numbers
        if let theirs = other.strings {
            if strings == nil { strings = StringSummary() }
            strings?.merge(theirs)
        }
        if let theirs = other.object {
            if object == nil { object = ObjectSummary() }
            object?.merge(theirs, plan: plan)
        }
        if let theirs = other.array {
            if array == nil { array = ArraySummary(plan: plan?.items) }
            array?.merge(theirs)
        }
        if let theirs = other.tagged {
            if tagged == nil { tagged = TaggedSummary(member: theirs.member) }
            tagged?.merge(theirs, plan: plan)
        }
    }

    /// The JSON kinds seen here other than null.
    var nonNullKinds: Int {
        (booleans > 0 ? 1 : 0) + (integers + numbers > 0 ? 1 : 0) + (strings != nil ? 1 : 0)
            + (object != nil || tagged != nil ? 1 : 0) + (array != nil ? 1 : 0)
    }

    /// A bit per non-null JSON kind seen here (boolean, number, string, object, array).
    var kindMask: UInt8 {
        (booleans > 0 ? 1 : 0) | (integers + numbers > 0 ? 2 : 0) | (strings != nil ? 4 : 0)
            | (objectCount > 0 ? 8 : 0) | (array != nil ? 16 : 0)
    }

    /// Objects seen here, whether folded as one shape or by their tag.
    var objectCount: Int { (object?.count ?? 0) + (tagged?.count ?? 0) }
}

/// What earlier passes decided about a place, handed to the next pass's nodes so they fold accordingly: the member
/// whose value tells this place's objects apart, and the same for the places below.
final class ShapePlan {
    /// The tag member of a tagged union here.
    var tag: String? {
        didSet { tagBytes = tag.map { Array($0.utf8) } ?? [] }
    }
    private(set) var tagBytes: [UInt8] = []
    @exclusivity(unchecked) var members: [String: ShapePlan] = [:]
    @exclusivity(unchecked) var items: ShapePlan?
    var isEmpty: Bool { tag == nil && members.isEmpty && items == nil }

    init(tag: String? = nil) {
        self.tag = tag
        tagBytes = tag.map { Array($0.utf8) } ?? []
    }
}

/// The strings seen at a place: their distinct values while few (enum and const candidates), and which formats
/// every one of them had.
struct StringSummary {
    /// Distinct values, in the order first seen; nil once more than `InferenceRules.valueLimit` were seen.
    var values: [String]? = []
    /// How often each of `values` was seen.
    var counts: [Int] = []
    /// A value's hash (FNV-1a of its bytes) → its index in `values`: a repeated value costs no `String`.
    var index: [UInt64: Int] = [:]
    var count = 0
    /// The formats every string so far had (bit per `StringSummary.formats` case).
    var formatMask: UInt8 = StringSummary.allFormats
    var empty = 0
    var maxLength = 0
    /// 1 when a string here looked like data (an id, a number, long text) rather than a name, else 0.
    var dataLike = 0

    static let formats: [StringFormat] = [.datetime, .date, .uuid, .email, .uri]
    static let allFormats: UInt8 = (1 << UInt8(formats.count)) - 1

    var valueCounts: [String: Int] {
        Dictionary(uniqueKeysWithValues: zip(values ?? [], counts))
    }

    /// Counts one more occurrence of a value (known by its hash; `text` makes it when it is new).
    mutating func count(hash: UInt64, times: Int = 1, _ text: () -> String) {
        guard values != nil else { return }
        if let found = index[hash] {
            counts[found] += times
        } else if counts.count < InferenceRules.valueLimit {
            index[hash] = counts.count
            values?.append(text())
            counts.append(times)
        } else {
            values = nil
            counts = []
            index = [:]
        }
    }

    mutating func merge(_ other: StringSummary) {
        count += other.count
        formatMask &= other.formatMask
        empty += other.empty
        maxLength = max(maxLength, other.maxLength)
        dataLike = max(dataLike, other.dataLike)
        guard let theirs = other.values else {
            values = nil
            counts = []
            index = [:]
            return
        }
        for (position, value) in theirs.enumerated() {
            self.count(hash: ObjectSummary.hash(value.utf8), times: other.counts[position]) { value }
        }
    }
}

/// The objects seen at a place: their members in the order first seen, how often each was present, and for each
/// string member which values went with which member sets (how a tag is found).
final class ObjectSummary {
    @exclusivity(unchecked) var count = 0
    @exclusivity(unchecked) private(set) var names: [String] = []
    @exclusivity(unchecked) private(set) var nameBytes: [[UInt8]] = []
    @exclusivity(unchecked) private var nameHashes: [UInt64] = []
    /// Name hash → position (`position(of:expected:plan:)` checks the bytes).
    @exclusivity(unchecked) private var byHash: [UInt64: Int] = [:]
    @exclusivity(unchecked) private var index: [String: Int] = [:]
    @exclusivity(unchecked) private(set) var children: [ShapeNode] = []
    @exclusivity(unchecked) private(set) var present: [Int] = []
    /// The sample (`count`) each member was last marked present in: a repeated member counts once.
    @exclusivity(unchecked) private var lastSeen: [Int] = []
    /// Per member (by position): for a string member, which shapes went with which of its values (see
    /// `TagEvidence`); collected by the first pass only.
    @exclusivity(unchecked) private(set) var tagEvidence: [TagEvidence] = []
    /// Set once more than `InferenceRules.memberLimit` distinct members were seen: the place is a map whose values
    /// all fold into this node, and `names` stays as it was.
    @exclusivity(unchecked) var overflow: ShapeNode?

    var memberCount: Int { names.count }

    func member(at position: Int) -> (name: String, node: ShapeNode, present: Int) {
        (names[position], children[position], present[position])
    }

    /// The position of the member `name`, added when new. Nil when the member limit is reached (see `overflow`).
    func position(of name: String, plan: ShapePlan?) -> Int? {
        if let found = index[name] { return found }
        guard names.count < InferenceRules.memberLimit else { return nil }
        names.append(name)
        nameBytes.append(Array(name.utf8))
        nameHashes.append(Self.hash(name.utf8))
        byHash[nameHashes[nameHashes.count - 1]] = names.count - 1
        index[name] = names.count - 1
        children.append(ShapeNode(plan: plan?.members[name]))
        present.append(0)
        lastSeen.append(0)
        tagEvidence.append(TagEvidence())
        return names.count - 1
    }

    /// The position of the member whose name is `bytes`: the expected position first (members usually come in the
    /// same order), then by the name's hash (no `String` made for a member seen before).
    func position(of bytes: UnsafeBufferPointer<UInt8>, expected: Int, plan: ShapePlan?) -> Int? {
        // The expected member, or one or two after it (the members before were absent from this object).
        for candidate in expected..<min(expected + 3, nameBytes.count) where Self.equal(nameBytes[candidate], bytes) {
            return candidate
        }
        let hash = Self.hash(bytes)
        if let found = byHash[hash], Self.equal(nameBytes[found], bytes) { return found }
        return position(of: String(decoding: bytes, as: UTF8.self), plan: plan)
    }

    private static func equal(_ name: [UInt8], _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard name.count == bytes.count else { return false }
        return name.withUnsafeBufferPointer { mine in
            guard let base = mine.baseAddress, let other = bytes.baseAddress else { return bytes.isEmpty }
            return memcmp(base, other, bytes.count) == 0
        }
    }

    /// Marks the member present in the current sample; false when it already was (a repeated member).
    func markPresent(_ position: Int) -> Bool {
        guard lastSeen[position] != count else { return false }
        lastSeen[position] = count
        present[position] += 1
        return true
    }

    /// A hash of the member's name (FNV-1a), for object fingerprints.
    func nameHash(_ position: Int) -> UInt64 { nameHashes[position] }

    static func hash(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
        return hash
    }

    /// Whether the values of the string member at `position` are still worth recording as tag evidence.
    func wantsTagValue(_ position: Int) -> Bool {
        !tagEvidence[position].dead
    }

    /// Records that an object of member fingerprint `shape` had the value hashed `value` for the member at
    /// `position`.
    func recordTagValue(_ position: Int, _ value: UInt64, shape: UInt64, members: UInt64) {
        tagEvidence[position].add(value, fingerprint: shape, members: members)
    }

    func overflowNode(plan: ShapePlan?) -> ShapeNode {
        if let overflow { return overflow }
        let node = ShapeNode(plan: nil)
        overflow = node
        return node
    }

    func merge(_ other: ObjectSummary, plan: ShapePlan?) {
        count += other.count
        for position in 0..<other.names.count {
            let name = other.names[position]
            if let mine = self.position(of: name, plan: plan) {
                children[mine].merge(other.children[position])
                present[mine] += other.present[position]
                tagEvidence[mine].merge(other.tagEvidence[position])
            } else {
                overflowNode(plan: plan).merge(other.children[position])
            }
        }
        if let theirs = other.overflow {
            overflowNode(plan: plan).merge(theirs)
        }
    }
}

/// For one string member of an object place: which object shapes (member-name fingerprints) went with each of
/// its values, and which members those objects had. A member whose values split the shapes apart, into objects
/// with few members in common, is a tag (`object: extract_run | signed_data_url`).
struct TagEvidence {
    /// The values seen (by their hash), at most `InferenceRules.tagValueLimit`; and for each, the distinct shapes
    /// (member-name fingerprints, at most `InferenceRules.tagShapeLimit`) and the members its objects had (bit n:
    /// the member at position n; positions past 63 share bit 63). Small arrays searched in order: a tag has few
    /// values and shapes, and anything with more is not one.
    private(set) var values: [UInt64] = []
    private(set) var prints: [[UInt64]] = []
    private(set) var members: [UInt64] = []
    /// Set once the member had more values, or a value more shapes, than a tag can.
    private(set) var dead = false

    mutating func add(_ value: UInt64, fingerprint: UInt64, members bits: UInt64) {
        guard !dead else { return }
        guard let index = values.firstIndex(of: value) else {
            guard values.count < InferenceRules.tagValueLimit else { return kill() }
            values.append(value)
            prints.append([fingerprint])
            members.append(bits)
            return
        }
        members[index] |= bits
        if prints[index].last == fingerprint || prints[index].contains(fingerprint) { return }
        guard prints[index].count < InferenceRules.tagShapeLimit else { return kill() }
        prints[index].append(fingerprint)
    }

    private mutating func kill() {
        dead = true
        values = []
        prints = []
        members = []
    }

    mutating func merge(_ other: TagEvidence) {
        guard !other.dead else { return kill() }
        for (index, value) in other.values.enumerated() {
            for print in other.prints[index] { add(value, fingerprint: print, members: other.members[index]) }
        }
    }

    /// Whether the values tell the shapes apart: two values or more, and two of them whose objects share less
    /// than half their members (`extract_run` and `signed_data_url` share 3 of 19). A status whose values go with a
    /// few optional members each (`COMPLETED` with `output`, `FAILED` with `failureReason`) is one type, not a
    /// union.
    var isTag: Bool {
        guard !dead, values.count >= 2 else { return false }
        for first in members.indices {
            for second in members.indices where second > first {
                let shared = (members[first] & members[second]).nonzeroBitCount
                let all = (members[first] | members[second]).nonzeroBitCount
                if all > 0, Double(shared) / Double(all) < 0.5 { return true }
            }
        }
        return false
    }
}

/// The arrays seen at a place: their lengths and one node for all their items.
final class ArraySummary {
    @exclusivity(unchecked) var count = 0
    @exclusivity(unchecked) var empty = 0
    let items: ShapeNode

    init(plan: ShapePlan?) {
        items = ShapeNode(plan: plan)
    }

    func merge(_ other: ArraySummary) {
        count += other.count
        empty += other.empty
        items.merge(other.items)
    }
}

/// The objects of a place told apart by a tag member: one node per tag value, in the order first seen.
final class TaggedSummary {
    let member: String
    @exclusivity(unchecked) var count = 0
    @exclusivity(unchecked) private(set) var values: [String] = []
    @exclusivity(unchecked) private var index: [String: Int] = [:]
    @exclusivity(unchecked) private(set) var variants: [ShapeNode] = []

    init(member: String) {
        self.member = member
    }

    func variant(_ value: String, plan: ShapePlan?) -> ShapeNode {
        if let found = index[value] { return variants[found] }
        index[value] = values.count
        values.append(value)
        // The variant's own members are planned like the place's (its tag is not planned again).
        let variantPlan = ShapePlan()
        if let plan { variantPlan.members = plan.members }
        let node = ShapeNode(plan: variantPlan)
        variants.append(node)
        return node
    }

    func merge(_ other: TaggedSummary, plan: ShapePlan?) {
        count += other.count
        for (position, value) in other.values.enumerated() {
            variant(value, plan: plan).merge(other.variants[position])
        }
    }
}
