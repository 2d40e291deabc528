import HookSchemaModel
import HookSchemaRuntime

/// Walks a scanned body against a compiled plan and collects every finding. Recursion follows the schema (a
/// free-form `any` value is skipped whole), and the tape's depth is bounded by the scanner's limit.
struct Walker {
    let plan: ValidationPlan
    let reader: TapeReader
    var findings: [Finding] = []
    /// The pointer to the value being checked, as steps, rendered only when a finding needs it.
    private let path: TrivialBuffer<PathStep>

    enum PathStep {
        /// An object member: the tape index of its key.
        case key(Int)
        case index(Int)
    }

    /// A walker whose path uses `path`'s memory (emptied first).
    init(plan: ValidationPlan, reader: TapeReader, path: TrivialBuffer<PathStep>) {
        self.plan = plan
        self.reader = reader
        self.path = path
        path.removeAll()
    }

    // MARK: Pointers and findings

    /// The JSON pointer of the current value, with `extra` (a member name) appended.
    func pointer(appending extra: String? = nil) -> String {
        var text = ""
        for step in path.elements {
            switch step {
            case .key(let index): text = JSONPointer.appending(reader.string(index), to: text)
            case .index(let index): text += "/\(index)"
            }
        }
        if let extra {
            text = JSONPointer.appending(extra, to: text)
        }
        return text
    }

    mutating func report(
        _ kind: FindingKind,
        _ message: String,
        member: String? = nil,
        severity: Finding.Severity? = nil,
        expected: JSONValue? = nil,
        actual: JSONValue? = nil
    ) {
        findings.append(
            Finding(
                kind: kind, severity: severity, path: pointer(appending: member), message: message,
                expected: expected, actual: actual))
    }

    // MARK: Values

    /// Checks the value at tape index `index` against plan node `nodeIndex`.
    mutating func check(_ nodeIndex: Int, _ index: Int) {
        let node = plan.nodes[nodeIndex]
        let token = reader.tokens[index]
        if token.kind == .null {
            if node.nullable || node.kind == .any { return }
            if node.kind == .ref {
                check(node.child, index)
                return
            }
            if node.kind == .untaggedUnion {
                checkUntagged(plan.untaggedUnions[node.child], index)
                return
            }
            report(
                .nullNotAllowed, "null is not allowed here: expected \(article(node.typeName))",
                expected: .string("\(node.typeName)"), actual: .null)
            return
        }
        switch node.kind {
        case .any:
            return
        case .ref:
            check(node.child, index)
        case .string:
            guard token.kind == .string else { return mismatch(node, index) }
            checkString(node, index)
        case .enumeration:
            if plan.enums[node.child].integer {
                guard token.kind == .number else { return mismatch(node, index) }
                checkIntegerEnum(node, index)
            } else {
                guard token.kind == .string else { return mismatch(node, index) }
                checkEnum(node, index)
            }
        case .integer, .number:
            guard token.kind == .number else { return mismatch(node, index) }
            checkNumber(node, index)
        case .boolean:
            guard token.kind == .true || token.kind == .false else { return mismatch(node, index) }
            if let constant = plan.constant(node), constant != .boolean(token.kind == .true) {
                constMismatch(constant, index)
            }
        case .object:
            guard token.kind == .object else { return mismatch(node, index) }
            checkObject(node.child, index)
        case .array:
            guard token.kind == .array else { return mismatch(node, index) }
            checkArray(node, index)
        case .map:
            guard token.kind == .object else { return mismatch(node, index) }
            checkMap(plan.maps[node.child], index)
        case .union:
            guard token.kind == .object else { return mismatch(node, index) }
            checkUnion(plan.unions[node.child], index)
        case .untaggedUnion:
            checkUntagged(plan.untaggedUnions[node.child], index)
        }
    }

    private mutating func mismatch(_ node: PlanNode, _ index: Int) {
        let found = reader.typeName(index)
        let shown = reader.tokens[index].kind == .object || reader.tokens[index].kind == .array
            ? article(found) : "\(found) \(reader.preview(index))"
        report(
            .typeMismatch, "expected \(article(node.typeName)), found \(shown)",
            expected: .string("\(node.typeName)"), actual: .string(found))
    }

    mutating func constMismatch(_ constant: Literal, _ index: Int) {
        report(
            .constMismatch, "expected the constant \(constant), found \(reader.preview(index))",
            expected: constant.jsonValue, actual: reader.scalarValue(index))
    }

    // MARK: Containers

    private mutating func checkObject(_ objectIndex: Int, _ index: Int) {
        let object = plan.objects[objectIndex]
        let fieldCount = object.count
        var seenSmall: UInt64 = 0
        var seenLarge = fieldCount > 64 ? [Bool](repeating: false, count: fieldCount) : []
        let end = Int(reader.tokens[index].end)
        var key = index + 1
        // Bodies usually list members in the schema's order, or sorted by name: before hashing the name, try the
        // field after the last one in either order.
        var predicted = 0
        var predictedByName = object.firstByName
        while key < end {
            let value = key + 1
            let fieldIndex: Int? = reader.withString(key) { name in
                if predicted < fieldCount, fieldName(object.first + predicted, equals: name) {
                    return predicted
                }
                if predictedByName < fieldCount, fieldName(object.first + predictedByName, equals: name) {
                    return predictedByName
                }
                return plan.memberTable.lookup(name, in: objectIndex)
            }
            if let fieldIndex {
                predicted = fieldIndex + 1
                predictedByName = plan.fields[object.first + fieldIndex].nextByName
                let seen = fieldCount > 64 ? seenLarge[fieldIndex] : seenSmall & (1 << UInt64(fieldIndex)) != 0
                path.append(.key(key))
                if seen {
                    report(.constraintViolation, "the member appears more than once")
                }
                check(plan.fields[object.first + fieldIndex].node, value)
                path.removeLast()
                if fieldCount > 64 {
                    seenLarge[fieldIndex] = true
                } else {
                    seenSmall |= 1 << UInt64(fieldIndex)
                }
            } else {
                path.append(.key(key))
                report(.unknownField, "the schema does not declare the member \(JSONText.quoted(reader.string(key)))")
                path.removeLast()
            }
            key = reader.next(after: value)
        }
        if object.choices >= 0 {
            checkChoices(plan.choices[object.choices]) { fieldIndex in
                fieldCount > 64 ? seenLarge[fieldIndex] : seenSmall & (1 << UInt64(fieldIndex)) != 0
            }
        }
        guard object.requiredCount > 0 else { return }
        for fieldIndex in 0..<fieldCount where plan.fields[object.first + fieldIndex].required {
            let seen = fieldCount > 64 ? seenLarge[fieldIndex] : seenSmall & (1 << UInt64(fieldIndex)) != 0
            if !seen {
                let field = plan.fields[object.first + fieldIndex]
                let name = plan.fieldNames[object.first + fieldIndex]
                let type = "\(plan.nodes[field.node].typeName)"
                report(
                    .missingRequired, "the required member \(JSONText.quoted(name)) is missing",
                    member: name, expected: type.isEmpty ? nil : .string(type))
            }
        }
    }

    /// An object's `exactlyOne` / `atLeastOne` groups, given which of its fields are present: a finding at the
    /// object when none of a group is, or more than one of an `exactlyOne` group.
    private mutating func checkChoices(_ choices: [ChoicePlan], seen: (Int) -> Bool) {
        for choice in choices {
            let present = choice.fields.indices.filter { seen(choice.fields[$0]) }.map { choice.names[$0] }
            let names = choice.names.map { JSONText.quoted($0) }.joined(separator: ", ")
            let expected = JSONValue.array(choice.names.map { .string($0) })
            if present.isEmpty {
                report(
                    .missingRequired,
                    "\(choice.exactlyOne ? "exactly" : "at least") one of the members \(names) is required; none is "
                        + "present",
                    expected: expected)
            } else if choice.exactlyOne, present.count > 1 {
                report(
                    .constraintViolation,
                    "exactly one of the members \(names) may be present; found "
                        + present.map { JSONText.quoted($0) }.joined(separator: ", "),
                    expected: expected, actual: .array(present.map { .string($0) }))
            }
        }
    }

    /// Whether field `field` (an index into `plan.fields`) is named `name`.
    @inline(__always)
    private func fieldName(_ field: Int, equals name: UnsafeBufferPointer<UInt8>) -> Bool {
        let field = plan.fields[field]
        guard field.nameLength == name.count else { return false }
        return plan.fieldNameBytes.withUnsafeBufferPointer { stored in
            guard let storedBase = stored.baseAddress, let nameBase = name.baseAddress else { return true }
            return ByteStringTable.equal(storedBase + field.nameStart, nameBase, name.count)
        }
    }

    private mutating func checkArray(_ node: PlanNode, _ index: Int) {
        let token = reader.tokens[index]
        let count = Int(token.count)
        if node.minLength >= 0, count < node.minLength {
            report(
                .constraintViolation, "expected at least \(node.minLength) items, found \(count)",
                expected: .integer(Int64(node.minLength)), actual: .integer(Int64(count)))
        }
        if node.maxLength >= 0, count > node.maxLength {
            report(
                .constraintViolation, "expected at most \(node.maxLength) items, found \(count)",
                expected: .integer(Int64(node.maxLength)), actual: .integer(Int64(count)))
        }
        if plan.nodes[node.child].kind == .any { return }
        var element = index + 1
        var position = 0
        let end = Int(token.end)
        while element < end {
            path.append(.index(position))
            check(node.child, element)
            path.removeLast()
            element = reader.next(after: element)
            position += 1
        }
        if node.uniqueItems {
            checkUniqueItems(index)
        }
    }

    /// `uniqueItems`: the first item equal to an earlier one (JSON equality: `1` equals `1.0`, members in any
    /// order), reported at the array.
    private mutating func checkUniqueItems(_ index: Int) {
        var seen: [JSONValue: Int] = [:]
        var element = index + 1
        var position = 0
        let end = Int(reader.tokens[index].end)
        while element < end {
            if let value = try? reader.jsonValue(element) {
                let key = value.canonicalForEquality
                if let earlier = seen[key] {
                    report(
                        .constraintViolation,
                        "items \(earlier) and \(position) are equal; the items of this array must be unique",
                        actual: .array([.integer(Int64(earlier)), .integer(Int64(position))]))
                    return
                }
                seen[key] = position
            }
            element = reader.next(after: element)
            position += 1
        }
    }

    private mutating func checkMap(_ map: MapPlan, _ index: Int) {
        let token = reader.tokens[index]
        let count = Int(token.count)
        if let minimum = map.minEntries, count < minimum {
            report(
                .constraintViolation, "expected at least \(minimum) entries, found \(count)",
                expected: .integer(Int64(minimum)), actual: .integer(Int64(count)))
        }
        if let maximum = map.maxEntries, count > maximum {
            report(
                .constraintViolation, "expected at most \(maximum) entries, found \(count)",
                expected: .integer(Int64(maximum)), actual: .integer(Int64(count)))
        }
        let checkKeys = map.keyMinLength != nil || map.keyMaxLength != nil || map.keyPattern >= 0
        let checkValues = plan.nodes[map.valueNode].kind != .any
        guard checkKeys || checkValues else { return }
        var key = index + 1
        let end = Int(token.end)
        while key < end {
            path.append(.key(key))
            if checkKeys {
                checkMapKey(map, key)
            }
            if checkValues {
                check(map.valueNode, key + 1)
            }
            path.removeLast()
            key = reader.next(after: key + 1)
        }
    }

    private mutating func checkMapKey(_ map: MapPlan, _ key: Int) {
        let length = reader.scalarCount(key)
        if let minimum = map.keyMinLength, length < minimum {
            report(
                .constraintViolation, "the key is \(length) characters long; keys have at least \(minimum)",
                expected: .integer(Int64(minimum)), actual: .integer(Int64(length)))
        }
        if let maximum = map.keyMaxLength, length > maximum {
            report(
                .constraintViolation, "the key is \(length) characters long; keys have at most \(maximum)",
                expected: .integer(Int64(maximum)), actual: .integer(Int64(length)))
        }
        if map.keyPattern >= 0 {
            let pattern = plan.patterns[map.keyPattern]
            if !reader.withString(key, pattern.matches) {
                report(
                    .constraintViolation, "the key does not match the pattern \(JSONText.quoted(pattern.source))",
                    expected: .string(pattern.source), actual: .string(reader.string(key)))
            }
        }
    }

    private mutating func checkUnion(_ union: UnionPlan, _ index: Int) {
        guard let value = reader.member(union.discriminatorBytes, of: index) else {
            report(
                .missingRequired, "the required member \(JSONText.quoted(union.discriminator)) is missing",
                member: union.discriminator, expected: union.values)
            return
        }
        guard reader.tokens[value].kind == .string else {
            path.append(.key(value - 1))
            mismatch(PlanNode(kind: .string, nullable: false, typeName: "string"), value)
            path.removeLast()
            return
        }
        if let member = reader.withString(value, union.table.lookup) {
            check(member, index)
            return
        }
        path.append(.key(value - 1))
        let severity: Finding.Severity = union.closed ? .error : .warning
        report(
            .unknownEnumValue,
            "\(reader.preview(value)) is not one of the \(union.closed ? "closed" : "known") values of "
                + "\(JSONText.quoted(union.discriminator))",
            severity: severity, expected: union.values, actual: .string(reader.string(value)))
        path.removeLast()
    }

    /// A union without a discriminator: the value is the first member whose shape it has (`UnionShape`), checked
    /// against that member. A value of no member's shape gets the findings of the closest member: of the members
    /// that accept its JSON kind, the one with the fewest errors (the first of those, in declaration order); when no
    /// member accepts its kind, one `type_mismatch`.
    private mutating func checkUntagged(_ union: UntaggedPlan, _ index: Int) {
        let kind = Self.shapeKind(reader, index)
        for member in union.members where member.kinds.contains(kind) && matches(member, index) {
            check(member.node, index)
            return
        }
        let candidates = union.members.filter { $0.kinds.contains(kind) }
        guard !candidates.isEmpty else {
            let found = reader.typeName(index)
            var shown = "\(found) \(reader.preview(index))"
            if kind == .object || kind == .array {
                shown = article(found)
            } else if kind == .null {
                shown = "null"
            }
            report(
                .typeMismatch, "expected \(union.kindNames.joined(separator: " or ")), found \(shown)",
                expected: .array(union.kindNames.map { .string($0) }), actual: .string(found))
            return
        }
        let before = findings.count
        var best: [Finding]?
        var bestErrors = Int.max
        for member in candidates {
            check(member.node, index)
            let found = Array(findings[before...])
            findings.removeSubrange(before...)
            let errors = found.filter { $0.severity == .error }.count
            if errors < bestErrors {
                best = found
                bestErrors = errors
            }
        }
        findings += best ?? []
    }

    /// The shape kind of the value at `index`: an integer is a number without fraction or exponent.
    static func shapeKind(_ reader: TapeReader, _ index: Int) -> UnionShape.Kinds {
        switch reader.tokens[index].kind {
        case .string: return .string
        case .number: return reader.hasFractionOrExponent(index) ? .fraction : .integer
        case .true, .false: return .boolean
        case .object: return .object
        case .array: return .array
        case .null: return .null
        }
    }

    /// Whether a value has a member's shape beyond its kind: a string one of its strings, an object its required
    /// members with its constants.
    private func matches(_ member: UntaggedPlan.Member, _ index: Int) -> Bool {
        if let strings = member.strings, reader.tokens[index].kind == .string {
            return strings.contains(reader.string(index))
        }
        guard reader.tokens[index].kind == .object else { return true }
        for name in member.requiredMembers where reader.member(name, of: index) == nil {
            return false
        }
        for constant in member.constants {
            guard let value = reader.member(constant.name, of: index), reader.tokens[value].kind == .string,
                reader.string(value) == constant.value
            else { return false }
        }
        return true
    }

    func article(_ staticName: StaticString) -> String {
        article("\(staticName)")
    }

    func article(_ typeName: String) -> String {
        if typeName.hasPrefix("u") || !"aeio".contains(typeName.first ?? "x") {
            return "a \(typeName)"
        }
        return "an \(typeName)"
    }
}

extension Literal {
    var jsonValue: JSONValue {
        switch self {
        case .string(let value): return .string(value)
        case .integer(let value): return .integer(value)
        case .number(let value): return .number(value)
        case .boolean(let value): return .bool(value)
        case .null: return .null
        }
    }
}

extension JSONValue {
    /// The value with every number that is a whole number written as an integer, so that `Hashable` equality is
    /// JSON Schema's (`1` equals `1.0`; object members compare in any order already).
    var canonicalForEquality: JSONValue {
        switch self {
        case .number(let value):
            if value == value.rounded(), abs(value) < 9.2e18 { return .integer(Int64(value)) }
            return self
        case .array(let items): return .array(items.map(\.canonicalForEquality))
        case .object(let members): return .object(members.mapValues(\.canonicalForEquality))
        default: return self
        }
    }
}
