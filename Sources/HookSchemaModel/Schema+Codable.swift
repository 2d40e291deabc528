/// The schema model's JSON form, which generated code embeds (`ExtendEvent.provider`) and `check --schemas`
/// caches: compact, because an app decodes it at first use and the generator writes it for every event. A kind is
/// one member named after it holding its rules (`{"string": {"pattern": "^run_"}}`, `{"ref": "RunError"}`,
/// `{"boolean": true}`), a literal one member holding its value (`{"integer": 3}`), and `nullable` and
/// `deprecated` appear only when true. (The synthesized form wrapped every associated value in `{"_0": …}` and
/// wrote every flag: about 40% larger, and as much slower to encode and decode.)
extension Schema {
    private enum CodingKeys: String, CodingKey {
        case kind, description, nullable, deprecated, const, defaultValue
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            try container.decode(Kind.self, forKey: .kind),
            description: try container.decodeIfPresent(String.self, forKey: .description),
            nullable: try container.decodeIfPresent(Bool.self, forKey: .nullable) ?? false,
            deprecated: try container.decodeIfPresent(Bool.self, forKey: .deprecated) ?? false,
            const: try container.decodeIfPresent(Literal.self, forKey: .const),
            defaultValue: try container.decodeIfPresent(Literal.self, forKey: .defaultValue)
        )
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .kind)
        try container.encodeIfPresent(description, forKey: .description)
        if nullable { try container.encode(true, forKey: .nullable) }
        if deprecated { try container.encode(true, forKey: .deprecated) }
        try container.encodeIfPresent(const, forKey: .const)
        try container.encodeIfPresent(defaultValue, forKey: .defaultValue)
    }
}

extension Schema.Kind {
    private enum CodingKeys: String, CodingKey {
        case string, integer, number, boolean, enumeration, object, array, map, any, ref, union, untaggedUnion
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let key = try container.onlyKey("a schema kind")
        switch key {
        case .string: self = .string(try container.decode(StringRules.self, forKey: key))
        case .integer: self = .integer(try container.decode(NumberRules.self, forKey: key))
        case .number: self = .number(try container.decode(NumberRules.self, forKey: key))
        case .boolean: self = .boolean
        case .enumeration: self = .enumeration(try container.decode(EnumRules.self, forKey: key))
        case .object: self = .object(try container.decode(ObjectRules.self, forKey: key))
        case .array: self = .array(try container.decode(ArrayRules.self, forKey: key))
        case .map: self = .map(try container.decode(MapRules.self, forKey: key))
        case .any: self = .any
        case .ref: self = .ref(try container.decode(String.self, forKey: key))
        case .union: self = .union(try container.decode(UnionRules.self, forKey: key))
        case .untaggedUnion: self = .untaggedUnion(try container.decode(UntaggedUnionRules.self, forKey: key))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .string(let rules): try container.encode(rules, forKey: .string)
        case .integer(let rules): try container.encode(rules, forKey: .integer)
        case .number(let rules): try container.encode(rules, forKey: .number)
        case .boolean: try container.encode(true, forKey: .boolean)
        case .enumeration(let rules): try container.encode(rules, forKey: .enumeration)
        case .object(let rules): try container.encode(rules, forKey: .object)
        case .array(let rules): try container.encode(rules, forKey: .array)
        case .map(let rules): try container.encode(rules, forKey: .map)
        case .any: try container.encode(true, forKey: .any)
        case .ref(let name): try container.encode(name, forKey: .ref)
        case .union(let rules): try container.encode(rules, forKey: .union)
        case .untaggedUnion(let rules): try container.encode(rules, forKey: .untaggedUnion)
        }
    }
}

extension Literal {
    private enum CodingKeys: String, CodingKey {
        case string, integer, number, boolean, null
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let key = try container.onlyKey("a literal")
        switch key {
        case .string: self = .string(try container.decode(String.self, forKey: key))
        case .integer: self = .integer(try container.decode(Int64.self, forKey: key))
        case .number: self = .number(try container.decode(Double.self, forKey: key))
        case .boolean: self = .boolean(try container.decode(Bool.self, forKey: key))
        case .null: self = .null
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .string(let value): try container.encode(value, forKey: .string)
        case .integer(let value): try container.encode(value, forKey: .integer)
        case .number(let value): try container.encode(value, forKey: .number)
        case .boolean(let value): try container.encode(value, forKey: .boolean)
        case .null: try container.encode(true, forKey: .null)
        }
    }
}

extension EnumValue {
    private enum CodingKeys: String, CodingKey {
        case value, description, deprecated, swiftName
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            try container.decode(String.self, forKey: .value),
            description: try container.decodeIfPresent(String.self, forKey: .description),
            deprecated: try container.decodeIfPresent(Bool.self, forKey: .deprecated) ?? false,
            swiftName: try container.decodeIfPresent(String.self, forKey: .swiftName)
        )
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(value, forKey: .value)
        try container.encodeIfPresent(description, forKey: .description)
        if deprecated { try container.encode(true, forKey: .deprecated) }
        try container.encodeIfPresent(swiftName, forKey: .swiftName)
    }
}

/// `integer` only when true, so a string enum's JSON is as before.
extension EnumRules {
    private enum CodingKeys: String, CodingKey {
        case values, closed, integer
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            values: try container.decode([EnumValue].self, forKey: .values),
            closed: try container.decodeIfPresent(Bool.self, forKey: .closed) ?? false,
            integer: try container.decodeIfPresent(Bool.self, forKey: .integer) ?? false
        )
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(values, forKey: .values)
        try container.encode(closed, forKey: .closed)
        if integer { try container.encode(true, forKey: .integer) }
    }
}

/// `choices` only when there are some, so an object's JSON is as before.
extension ObjectRules {
    private enum CodingKeys: String, CodingKey {
        case fields, choices
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            fields: try container.decode([Field].self, forKey: .fields),
            choices: try container.decodeIfPresent([MemberChoice].self, forKey: .choices) ?? []
        )
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(fields, forKey: .fields)
        if !choices.isEmpty { try container.encode(choices, forKey: .choices) }
    }
}

/// `uniqueItems` only when true, so an array's JSON is as before.
extension ArrayRules {
    private enum CodingKeys: String, CodingKey {
        case items, minItems, maxItems, uniqueItems
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            items: try container.decode(Schema.self, forKey: .items),
            minItems: try container.decodeIfPresent(Int.self, forKey: .minItems),
            maxItems: try container.decodeIfPresent(Int.self, forKey: .maxItems),
            uniqueItems: try container.decodeIfPresent(Bool.self, forKey: .uniqueItems) ?? false
        )
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(items, forKey: .items)
        try container.encodeIfPresent(minItems, forKey: .minItems)
        try container.encodeIfPresent(maxItems, forKey: .maxItems)
        if uniqueItems { try container.encode(true, forKey: .uniqueItems) }
    }
}

extension KeyedDecodingContainer {
    /// The key of an object that must have exactly one member (a kind or a literal, tagged by its member's name).
    fileprivate func onlyKey(_ what: String) throws -> Key {
        guard allKeys.count == 1, let key = allKeys.first else {
            throw DecodingError.dataCorrupted(
                DecodingError.Context(codingPath: codingPath, debugDescription: "\(what) has exactly one member"))
        }
        return key
    }
}
