// TEMPORARY STAND-IN for `HookSchemaInfer` (issue 16, first half, built on `main` at the same time).
// Same API as the lead's module: `ShapeAccumulator` (add / merge / count / schema(rules:)) and `InferenceRules`.
// Delete this file and `import HookSchemaInfer` once `main` has the module.
import HookSchemaModel
import HookSchemaRuntime

struct ShapeAccumulator: Sendable {
    private var count_ = 0
    private var nulls = 0
    private var booleans = 0
    private var integers = 0
    private var numbers = 0
    private var strings = 0
    private var arrays = 0
    private var objects = 0
    private var items: [ShapeAccumulator] = []
    private var members: [String: ShapeAccumulator] = [:]

    init() {}

    var count: Int { count_ }

    mutating func add(_ value: JSONValue) {
        count_ += 1
        switch value {
        case .null: nulls += 1
        case .bool: booleans += 1
        case .integer: integers += 1
        case .number: numbers += 1
        case .string: strings += 1
        case .array(let elements):
            arrays += 1
            if items.isEmpty { items = [ShapeAccumulator()] }
            for element in elements { items[0].add(element) }
        case .object(let object):
            objects += 1
            for (name, member) in object { members[name, default: ShapeAccumulator()].add(member) }
        }
    }

    mutating func merge(_ other: ShapeAccumulator) {
        count_ += other.count_
        nulls += other.nulls
        booleans += other.booleans
        integers += other.integers
        numbers += other.numbers
        strings += other.strings
        arrays += other.arrays
        objects += other.objects
        if let otherItems = other.items.first {
            if items.isEmpty { items = [otherItems] } else { items[0].merge(otherItems) }
        }
        for (name, member) in other.members { members[name, default: ShapeAccumulator()].merge(member) }
    }

    func schema(rules: InferenceRules = .init()) -> Schema {
        let kinds = [booleans, integers + numbers, strings, arrays, objects].filter { $0 > 0 }.count
        let nullable = nulls > 0
        guard kinds == 1 else { return Schema(.any, nullable: nullable) }
        if booleans > 0 { return Schema(.boolean, nullable: nullable) }
        if numbers > 0 { return Schema(.number(NumberRules()), nullable: nullable) }
        if integers > 0 { return Schema(.integer(NumberRules()), nullable: nullable) }
        if strings > 0 { return Schema(.string(StringRules()), nullable: nullable) }
        if arrays > 0 {
            let itemSchema = items.first.map { $0.count > 0 ? $0.schema(rules: rules) : Schema(.any) } ?? Schema(.any)
            return Schema(.array(ArrayRules(items: itemSchema)), nullable: nullable)
        }
        let fields = members.keys.sorted().map { name in
            let member = members[name]!
            return Field(name: name, schema: member.schema(rules: rules), required: member.count == objects)
        }
        return Schema(.object(ObjectRules(fields: fields)), nullable: nullable)
    }
}

struct InferenceRules: Sendable {
    init() {}
}
