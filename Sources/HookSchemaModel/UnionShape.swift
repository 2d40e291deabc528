/// What a value must look like to be a member of an untagged union (`UntaggedUnionRules`): the rule that picks the
/// member, shared by the validator, the generated decoders and the JSON Schema export so all three choose alike.
///
/// A value matches a member when its JSON kind is one the member accepts (an integer is also a `number`) and, for
/// an object member, every required member of it is present and every required member with a string `const` has
/// that value; for a string member with a `const` or a closed enum, a string must be one of its values (GitHub's
/// `environment_url` is a `uri` or `""`). The first member a value matches is the one it is; nothing else about
/// the value (formats, bounds, the members' own types) decides, so the choice is cheap and easy to predict.
public struct UnionShape: Hashable, Sendable {
    /// JSON kinds, as a set.
    public struct Kinds: OptionSet, Hashable, Sendable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }

        public static let string = Kinds(rawValue: 1 << 0)
        /// A number written without fraction or exponent.
        public static let integer = Kinds(rawValue: 1 << 1)
        /// A number with a fraction or exponent (a `number` member accepts integers too).
        public static let fraction = Kinds(rawValue: 1 << 2)
        public static let boolean = Kinds(rawValue: 1 << 3)
        public static let object = Kinds(rawValue: 1 << 4)
        public static let array = Kinds(rawValue: 1 << 5)
        public static let null = Kinds(rawValue: 1 << 6)
        public static let number: Kinds = [.integer, .fraction]
        public static let all: Kinds = [.string, .number, .boolean, .object, .array, .null]

        /// `integer`, `string or null`, …: the kinds in words, for messages.
        public var names: [String] {
            var names: [String] = []
            if contains(.string) { names.append("string") }
            if contains(.number) {
                names.append("number")
            } else if contains(.integer) {
                names.append("integer")
            }
            if contains(.boolean) { names.append("boolean") }
            if contains(.object) { names.append("object") }
            if contains(.array) { names.append("array") }
            if contains(.null) { names.append("null") }
            return names
        }
    }

    public var kinds: Kinds
    /// Object members: the names that must be present.
    public var requiredMembers: [String]
    /// Object members: required string members with a `const`, and their value.
    public var constants: [Constant]
    /// String members with a `const` or a closed enum: the strings they accept (nil: any string).
    public var strings: [String]?

    public struct Constant: Hashable, Sendable {
        public var member: String
        public var value: String

        public init(member: String, value: String) {
            self.member = member
            self.value = value
        }
    }

    public init(kinds: Kinds, requiredMembers: [String] = [], constants: [Constant] = [], strings: [String]? = nil) {
        self.kinds = kinds
        self.requiredMembers = requiredMembers
        self.constants = constants
        self.strings = strings
    }

    /// Whether every value of `other`'s shape also has this shape: then a member with `other`'s shape listed after
    /// one with this shape is never chosen.
    public func covers(_ other: UnionShape) -> Bool {
        guard other.kinds.isSubset(of: kinds), Set(requiredMembers).isSubset(of: Set(other.requiredMembers)),
            Set(constants).isSubset(of: Set(other.constants))
        else { return false }
        guard let strings, other.kinds.contains(.string) else { return true }
        return other.strings.map { Set($0).isSubset(of: Set(strings)) } ?? false
    }
}

extension Provider {
    /// The shape a value needs to be `schema`, as a member of an untagged union (`$ref`s followed).
    public func unionShape(of schema: Schema) -> UnionShape {
        let resolved = resolve(schema)
        var shape = UnionShape(kinds: [])
        switch resolved.kind {
        case .string:
            shape.kinds = .string
            if case .string(let value)? = resolved.const { shape.strings = [value] }
        case .integer: shape.kinds = .integer
        case .number: shape.kinds = .number
        case .boolean: shape.kinds = .boolean
        case .enumeration(let rules):
            shape.kinds = rules.integer ? .integer : .string
            if rules.closed, !rules.integer { shape.strings = rules.values.map(\.value) }
        case .array: shape.kinds = .array
        case .map: shape.kinds = .object
        case .any: shape.kinds = .all
        case .ref: shape.kinds = .all  // an unresolvable reference (the loader reports it)
        case .object(let rules):
            shape.kinds = .object
            for field in rules.fields where field.required {
                shape.requiredMembers.append(field.name)
                let fieldSchema = resolve(field.schema)
                if case .string(let value)? = fieldSchema.const, !fieldSchema.nullable {
                    shape.constants.append(UnionShape.Constant(member: field.name, value: value))
                }
            }
        case .union(let rules):
            shape.kinds = .object
            shape.requiredMembers = [rules.discriminator]
        case .untaggedUnion(let rules):
            // The loader rejects an untagged union directly inside another; the kinds of its members stand in.
            shape.kinds = rules.members.reduce(into: []) { $0.formUnion(unionShape(of: $1.schema).kinds) }
        }
        if resolved.nullable {
            shape.kinds.insert(.null)
        }
        return shape
    }
}
