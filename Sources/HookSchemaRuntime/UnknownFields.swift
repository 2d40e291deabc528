/// A coding key for any member name: used to read and write members the schema does not declare, and by generated
/// structs for their declared members (`forKey: "wire_name"`): a string literal type-checks in much less time than
/// a per-struct `CodingKeys` enum, whose `RawRepresentable` and `CodingKey` conformances the compiler synthesizes.
public struct DynamicCodingKey: CodingKey, Hashable, Sendable, ExpressibleByStringLiteral {
    public var stringValue: String
    public var intValue: Int? { nil }

    public init(_ name: String) {
        self.stringValue = name
    }

    public init(stringValue: String) {
        self.stringValue = stringValue
    }

    public init?(intValue: Int) {
        nil
    }

    public init(stringLiteral value: String) {
        self.stringValue = value
    }
}

/// The members of a JSON object that its generated struct does not declare, kept on decode and written back on
/// encode, so that a decode → encode round trip loses nothing (drift survives a relay unchanged).
public struct UnknownFields: Hashable, Sendable, Codable {
    /// Member name → value.
    public var members: [String: JSONValue]

    public init(_ members: [String: JSONValue] = [:]) {
        self.members = members
    }

    public var isEmpty: Bool { members.isEmpty }

    public subscript(name: String) -> JSONValue? {
        get { members[name] }
        set { members[name] = newValue }
    }

    /// Reads every member of the object being decoded whose name `Known` (the struct's coding keys) does not
    /// know.
    public init<Known: CodingKey>(from decoder: any Decoder, excluding known: Known.Type) throws {
        let container = try decoder.container(keyedBy: DynamicCodingKey.self)
        var members: [String: JSONValue] = [:]
        for key in container.allKeys where Known(stringValue: key.stringValue) == nil {
            members[key.stringValue] = try container.decode(JSONValue.self, forKey: key)
        }
        self.members = members
    }

    /// Reads every member of the object being decoded whose name is not in `names` (the struct's declared wire
    /// names).
    public init(from decoder: any Decoder, excludingNames names: Set<String>) throws {
        let container = try decoder.container(keyedBy: DynamicCodingKey.self)
        var members: [String: JSONValue] = [:]
        for key in container.allKeys where !names.contains(key.stringValue) {
            members[key.stringValue] = try container.decode(JSONValue.self, forKey: key)
        }
        self.members = members
    }

    /// Decodes a standalone object of unknown members.
    public init(from decoder: any Decoder) throws {
        self.members = try [String: JSONValue](from: decoder)
    }

    /// Writes the members into the object being encoded (beside the declared ones), in name order.
    public func encode(to encoder: any Encoder) throws {
        guard !members.isEmpty else { return }
        var container = encoder.container(keyedBy: DynamicCodingKey.self)
        for name in members.keys.sorted() {
            if let value = members[name] {
                try container.encode(value, forKey: DynamicCodingKey(name))
            }
        }
    }
}

/// The coding keys of a struct that declares no members: every member of its object is unknown.
public enum NoCodingKeys: CodingKey {
    public var stringValue: String {
        switch self {}
    }

    public var intValue: Int? {
        switch self {}
    }

    public init?(stringValue: String) {
        nil
    }

    public init?(intValue: Int) {
        nil
    }
}
