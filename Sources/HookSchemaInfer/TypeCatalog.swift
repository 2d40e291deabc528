import HookSchemaModel

/// The named types of an inferred provider: object places of the same shape (the same member names, or nearly:
/// `InferenceRules.sameShapeSimilarity`) anywhere in any event become one type, written once in provider.yaml and
/// referred to by `$ref`; so does each object shape a tag tells apart (`object: extract_run` → `ExtractRun`).
///
/// A type is the merge of every place it stands for (`ShapeNode.merge`), so what it requires is what every one of
/// those samples had. A place is matched to a type by its member names, the same way wherever it is found, including
/// inside another named type.
final class TypeCatalog {
    struct Shape {
        var names: Set<String>
        var places: [ShapeNode] = []
        /// What the places were called (the member holding them, singular for array items; the tag value).
        var hints: [String: Int] = [:]
        var tagged = false
        /// For a tag's variant: the tag member and its value (written as the member's `const`).
        var tag: (member: String, value: String)?
        var typeName: String?
        var merged: ShapeNode?
        var placeIDs: Set<ObjectIdentifier> = []
    }

    private(set) var shapes: [Shape] = []
    /// Shapes by tag value ("" for untagged places) and member names; near matches are looked for only among
    /// shapes of the same tag value and of a size that could match.
    private var byNames: [String: [Set<String>: Int]] = [:]
    private var bySize: [String: [Int: [Int]]] = [:]
    private let rules: InferenceRules

    init(rules: InferenceRules) {
        self.rules = rules
    }

    /// Records `node` (a place holding objects) under the name `hint`; `tagged` for a tag's variant, which is
    /// always a named type (a union maps each tag value to one).
    func record(_ node: ShapeNode, hint: String, tag: (member: String, value: String)? = nil) {
        let tagged = tag != nil
        guard let object = node.object, !TypeCatalog.isMap(object, rules: rules) else { return }
        let names = Set((0..<object.memberCount).map { object.member(at: $0).name })
        guard names.count >= rules.namedTypeMinMembers || tagged else { return }
        let index = shapeIndex(for: names, tag: tag?.value ?? "", creating: true)!
        shapes[index].places.append(node)
        shapes[index].placeIDs.insert(ObjectIdentifier(node))
        shapes[index].hints[hint, default: 0] += tagged ? 1_000_000 : 1
        shapes[index].tagged = shapes[index].tagged || tagged
        if let tag { shapes[index].tag = tag }
    }

    /// The shape whose member names are `names` or near enough; nil when none (and not `creating`).
    private func shapeIndex(for names: Set<String>, tag: String, creating: Bool) -> Int? {
        if let found = byNames[tag]?[names] { return found }
        var best: (index: Int, similarity: Double)?
        let low = Int((Double(names.count) * rules.sameShapeSimilarity).rounded(.up))
        let high = Int((Double(names.count) / rules.sameShapeSimilarity).rounded(.down))
        for size in low...max(low, high) {
            for index in bySize[tag]?[size] ?? [] {
            let shape = shapes[index]
            let shared = shape.names.intersection(names).count
            let similarity = Double(shared) / Double(shape.names.union(names).count)
            if similarity >= rules.sameShapeSimilarity, similarity > (best?.similarity ?? 0) {
                best = (index, similarity)
            }
            }
        }
        if let best {
            byNames[tag, default: [:]][names] = best.index
            return best.index
        }
        guard creating else { return nil }
        shapes.append(Shape(names: names))
        byNames[tag, default: [:]][names] = shapes.count - 1
        bySize[tag, default: [:]][names.count, default: []].append(shapes.count - 1)
        return shapes.count - 1
    }

    /// Names the shapes that stand in two places or more (or are a tag's variant), and merges their places.
    func finish(reserved: Set<String>) {
        var taken = reserved
        for index in shapes.indices where shapes[index].places.count >= 2 || shapes[index].tagged {
            let hint = shapes[index].hints.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }
            var name = SwiftNaming.typeName(hint?.key ?? "Object")
            if name.isEmpty { name = "Object" }
            var candidate = name
            var number = 2
            while taken.contains(candidate) {
                candidate = name + String(number)
                number += 1
            }
            taken.insert(candidate)
            shapes[index].typeName = candidate
            let merged = shapes[index].places[0].objectPart()
            for place in shapes[index].places.dropFirst() { merged.merge(place.objectPart()) }
            shapes[index].merged = merged
        }
    }

    /// The named type a place of objects is, if any; `tag`: the tag value its objects have, for a tag's variant.
    ///
    /// A place that was recorded is its shape's type. Another one (a merge made while writing: a named type's
    /// member, a union's only variant) is the type only when it fits it: it has every member the type requires in
    /// every sample, no member the type lacks, and no JSON kind, null or string value the type does not take (else
    /// it is written out where it stands).
    func typeName(for node: ShapeNode, tag: String? = nil) -> String? {
        guard let index = shape(of: node, tag: tag ?? ""), let name = shapes[index].typeName,
            let merged = shapes[index].merged
        else { return nil }
        if shapes[index].placeIDs.contains(ObjectIdentifier(node)) || Self.fits(node, merged) { return name }
        return nil
    }

    /// Whether every sample `node` saw would be valid under what `type` saw (see `typeName(for:tag:)`).
    static func fits(_ node: ShapeNode, _ type: ShapeNode) -> Bool {
        if node.nulls > 0, type.nulls == 0 { return false }
        if node.booleans > 0, type.booleans == 0 { return false }
        if node.numbers > 0, type.numbers == 0 { return false }
        if node.integers > 0, type.integers + type.numbers == 0 { return false }
        if let strings = node.strings {
            guard let theirs = type.strings, theirs.formatMask & ~strings.formatMask == 0 else { return false }
            if let typeValues = theirs.values {
                guard let values = strings.values, Set(values).isSubset(of: typeValues) else { return false }
            }
        }
        if let array = node.array {
            guard let theirs = type.array else { return false }
            if array.items.count > 0, !fits(array.items, theirs.items) { return false }
        }
        if let tagged = node.tagged {
            guard let theirs = type.tagged, theirs.member == tagged.member else { return false }
            for (position, value) in tagged.values.enumerated() {
                guard let match = theirs.values.firstIndex(of: value),
                    fits(tagged.variants[position], theirs.variants[match])
                else { return false }
            }
        }
        if let object = node.object {
            guard let theirs = type.object else { return false }
            var mine: [String: Int] = [:]
            for position in 0..<object.memberCount { mine[object.member(at: position).name] = position }
            for position in 0..<theirs.memberCount {
                let (name, child, present) = theirs.member(at: position)
                if let own = mine.removeValue(forKey: name) {
                    let member = object.member(at: own)
                    if present == theirs.count, member.present < object.count { return false }
                    if !fits(member.node, child) { return false }
                } else if present == theirs.count {
                    return false
                }
            }
            if !mine.isEmpty { return false }
        }
        return true
    }

    /// The tag member and value of the named type `name`, when it is a tag's variant.
    func tag(ofType name: String) -> (member: String, value: String)? {
        shapes.first { $0.typeName == name }?.tag
    }

    private func shape(of node: ShapeNode, tag: String) -> Int? {
        guard let object = node.object else { return nil }
        let names = Set((0..<object.memberCount).map { object.member(at: $0).name })
        return shapeIndex(for: names, tag: tag, creating: false)
    }

    /// The named types, in the order their shapes were first seen.
    var namedTypes: [(name: String, node: ShapeNode)] {
        shapes.compactMap { shape in
            guard let name = shape.typeName, let merged = shape.merged else { return nil }
            return (name, merged)
        }
    }

    /// Whether an object place is a map: its member names look like data (`"1296269"`, a UUID), or it has more
    /// members than an object would (`InferenceRules.mapMinMembers`) that all hold one JSON kind and come and go
    /// (each object has fewer than half of them). GitHub's repository has 80 members of every kind, always there:
    /// an object.
    static func isMap(_ object: ObjectSummary, rules: InferenceRules) -> Bool {
        if object.overflow != nil { return true }
        guard object.memberCount > 0 else { return false }
        if object.memberCount > rules.mapMinMembers {
            var kinds: Set<UInt8> = []
            var presence = 0
            for position in 0..<object.memberCount {
                let (_, node, present) = object.member(at: position)
                kinds.insert(node.kindMask)
                presence += present
            }
            let averagePresence = Double(presence) / Double(object.memberCount) / Double(max(object.count, 1))
            if kinds.count == 1, averagePresence < 0.5 { return true }
        }
        return (0..<object.memberCount).allSatisfy { ValueShape.isDataKey(object.member(at: $0).name) }
    }

    /// `labels` → `label`, `entries` → `entry`: what one item of an array member is called.
    static func singular(_ name: String) -> String {
        if name.hasSuffix("ies"), name.count > 4 { return String(name.dropLast(3)) + "y" }
        if name.hasSuffix("ses") || name.hasSuffix("ss") { return name }
        if name.hasSuffix("s"), name.count > 3 { return String(name.dropLast()) }
        return name + "Item"
    }
}
