import HookSchemaModel
import HookSchemaRuntime
import HookSchemaValidation

/// Folds one JSON value into a `ShapeNode`, from the scanner's tape (the fast path `infer` streams samples through)
/// or from a `JSONValue` (for callers that hold one, such as `learn`). Both call the same per-node steps, so a value
/// counts the same whichever way it came.
struct ShapeFolding {
    /// Record which string values go with which object shapes (the first pass, which looks for tags).
    let collectsTagEvidence: Bool
    /// The string members of the objects being folded (member position, value's tape index), a stack that nested
    /// objects push onto and pop: their tag evidence is recorded once the object's fingerprint is known. Used by
    /// the first pass only.
    private let pending = PendingTags()

    final class PendingTags {
        @exclusivity(unchecked) var items: [(position: Int, value: Int)] = []
    }

    init(collectsTagEvidence: Bool) {
        self.collectsTagEvidence = collectsTagEvidence
    }

    /// What a folded value looked like: for an object, a hash of its member names (`shallow`) and of those and its
    /// object members' member names (`deep`); for anything else a hash of its JSON kind.
    struct Fingerprint {
        var shallow: UInt64
        var deep: UInt64
    }

    // MARK: From a tape

    func fold(_ reader: JSONTapeReader, _ index: Int, into node: ShapeNode) -> Fingerprint {
        node.count += 1
        let token = reader.tokens[index]
        switch token.kind {
        case .null:
            node.nulls += 1
            return Fingerprint(shallow: 1, deep: 1)
        case .true, .false:
            node.booleans += 1
            return Fingerprint(shallow: 2, deep: 2)
        case .number:
            // The survey needs no number kinds (only where tags are); the events' pass does.
            if collectsTagEvidence || reader.int64(index) != nil { node.integers += 1 } else { node.numbers += 1 }
            return Fingerprint(shallow: 3, deep: 3)
        case .string:
            if collectsTagEvidence {
                // The survey needs only whether the strings here are names (a tag's values are).
                reader.withString(index) { node.addStringShape($0) }
            } else {
                reader.withString(index) { node.addString($0) }
            }
            return Fingerprint(shallow: 4, deep: 4)
        case .array:
            let summary = node.arraySummary()
            summary.count += 1
            if token.count == 0 { summary.empty += 1 }
            var element = index + 1
            while element < Int(token.end) {
                _ = fold(reader, element, into: summary.items)
                element = reader.next(after: element)
            }
            return Fingerprint(shallow: 5, deep: 5)
        case .object:
            if let tag = node.plan?.tag {
                let tagged = node.taggedSummary(tag)
                tagged.count += 1
                if let value = reader.member(node.plan?.tagBytes ?? Array(tag.utf8), of: index),
                    reader.tokens[value].kind == .string
                {
                    let variant = tagged.variant(reader.string(value), plan: node.plan)
                    variant.count += 1
                    return foldObject(reader, index, into: variant)
                }
                // An object without its tag: folded with the variant of no tag value (written as the fallback).
                let variant = tagged.variant("", plan: node.plan)
                variant.count += 1
                return foldObject(reader, index, into: variant)
            }
            return foldObject(reader, index, into: node)
        }
    }

    private func foldObject(_ reader: JSONTapeReader, _ index: Int, into node: ShapeNode) -> Fingerprint {
        let summary = node.objectSummary()
        summary.count += 1
        var shallow: UInt64 = 0x6F626A65
        var deep: UInt64 = 0x6F626A65
        var expected = 0
        var key = index + 1
        let end = Int(reader.tokens[index].end)
        let pendingStart = collectsTagEvidence ? pending.items.count : 0
        var memberBits: UInt64 = 0
        while key < end {
            let value = key + 1
            let found = reader.withString(key) { summary.position(of: $0, expected: expected, plan: node.plan) }
            if let position = found {
                // A repeated member counts once (the first, as JSONDecoder and the validator read it).
                if summary.markPresent(position) {
                    memberBits |= 1 << UInt64(min(position, 63))
                    let child = fold(reader, value, into: summary.children[position])
                    let nameHash = summary.nameHash(position)
                    shallow &+= nameHash
                    deep &+= nameHash ^ (child.shallow &* 0x9E37_79B9_7F4A_7C15)
                    if collectsTagEvidence, reader.tokens[value].kind == .string, summary.wantsTagValue(position) {
                        pending.items.append((position, value))
                    }
                }
                expected = position + 1
            } else {
                _ = fold(reader, value, into: summary.overflowNode(plan: node.plan))
            }
            key = reader.next(after: value)
        }
        if collectsTagEvidence, pending.items.count > pendingStart {
            for (position, value) in pending.items[pendingStart...] {
                let hash = reader.withString(value) { ObjectSummary.hash($0) }
                summary.recordTagValue(position, hash, shape: shallow, members: memberBits)
            }
            pending.items.removeSubrange(pendingStart...)
        }
        return Fingerprint(shallow: shallow, deep: deep)
    }

    // MARK: From a JSONValue

    @discardableResult
    func fold(_ value: JSONValue, into node: ShapeNode) -> Fingerprint {
        node.count += 1
        switch value {
        case .null:
            node.nulls += 1
            return Fingerprint(shallow: 1, deep: 1)
        case .bool:
            node.booleans += 1
            return Fingerprint(shallow: 2, deep: 2)
        case .integer:
            node.integers += 1
            return Fingerprint(shallow: 3, deep: 3)
        case .number(let number):
            if number == number.rounded(), abs(number) < 9.2e18 { node.integers += 1 } else { node.numbers += 1 }
            return Fingerprint(shallow: 3, deep: 3)
        case .string(var text):
            text.withUTF8 { node.addString($0) }
            return Fingerprint(shallow: 4, deep: 4)
        case .array(let elements):
            let summary = node.arraySummary()
            summary.count += 1
            if elements.isEmpty { summary.empty += 1 }
            for element in elements { fold(element, into: summary.items) }
            return Fingerprint(shallow: 5, deep: 5)
        case .object(let members):
            var target = node
            if let tag = node.plan?.tag {
                let tagged = node.taggedSummary(tag)
                tagged.count += 1
                target = tagged.variant(members[tag]?.stringValue ?? "", plan: node.plan)
                target.count += 1
            }
            let summary = target.objectSummary()
            summary.count += 1
            var shallow: UInt64 = 0x6F626A65
            var deep: UInt64 = 0x6F626A65
            var tagValues: [(position: Int, value: String)] = []
            var memberBits: UInt64 = 0
            // JSONValue keeps no member order: sorted, so the same members come in the same order every time.
            for name in members.keys.sorted() {
                guard let member = members[name] else { continue }
                guard let position = summary.position(of: name, plan: target.plan) else {
                    fold(member, into: summary.overflowNode(plan: target.plan))
                    continue
                }
                _ = summary.markPresent(position)
                memberBits |= 1 << UInt64(min(position, 63))
                let child = fold(member, into: summary.children[position])
                let nameHash = summary.nameHash(position)
                shallow &+= nameHash
                deep &+= nameHash ^ (child.shallow &* 0x9E37_79B9_7F4A_7C15)
                if collectsTagEvidence, case .string(let text) = member, summary.wantsTagValue(position) {
                    tagValues.append((position, text))
                }
            }
            for (position, text) in tagValues {
                summary.recordTagValue(position, ObjectSummary.hash(text.utf8), shape: shallow, members: memberBits)
            }
            return Fingerprint(shallow: shallow, deep: deep)
        }
    }
}

extension ShapeNode {
    func addString(_ bytes: UnsafeBufferPointer<UInt8>) {
        if strings == nil { strings = StringSummary() }
        strings?.add(bytes)
    }

    /// Counts a string and whether it is name-like, and nothing else (the survey's pass).
    func addStringShape(_ bytes: UnsafeBufferPointer<UInt8>) {
        if strings == nil { strings = StringSummary(values: nil) }
        strings?.count += 1
        if strings?.dataLike == 0, !ValueShape.isNameLike(bytes) { strings?.dataLike = 1 }
    }

    func arraySummary() -> ArraySummary {
        if let array { return array }
        let summary = ArraySummary(plan: plan?.items)
        array = summary
        return summary
    }

    func objectSummary() -> ObjectSummary {
        if let object { return object }
        let summary = ObjectSummary()
        object = summary
        return summary
    }

    func taggedSummary(_ member: String) -> TaggedSummary {
        if let tagged { return tagged }
        let summary = TaggedSummary(member: member)
        tagged = summary
        return summary
    }
}

extension StringSummary {
    mutating func add(_ bytes: UnsafeBufferPointer<UInt8>) {
        count += 1
        // A value seen before was checked then: counted, and nothing else to learn from it.
        var hash: UInt64 = 0
        if values != nil {
            hash = ObjectSummary.hash(bytes)
            if let found = index[hash] {
                counts[found] += 1
                return
            }
        }
        if bytes.isEmpty {
            empty += 1
            formatMask = 0
        } else if formatMask != 0 {
            for (bit, format) in Self.formats.enumerated() where formatMask & (1 << UInt8(bit)) != 0 {
                if !StringFormats.isValid(bytes, format: format) { formatMask &= ~(1 << UInt8(bit)) }
            }
        }
        maxLength = max(maxLength, bytes.count)
        // Only whether any string here was data matters (enums and consts need names alone): once one was, the
        // rest are not looked at.
        if dataLike == 0, !ValueShape.isNameLike(bytes) { dataLike = 1 }
        guard values != nil else { return }
        count(hash: hash) { String(decoding: bytes, as: UTF8.self) }
    }
}
