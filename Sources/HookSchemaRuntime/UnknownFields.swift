/// A coding key for any member name: used to read and write members the schema does not declare, and by generated
/// structs for their declared members (`forKey: "wire_name"`): a string literal type-checks in much less time than
/// a per-struct `CodingKeys` enum, whose `RawRepresentable` and `CodingKey` conformances the compiler synthesizes.
public struct DynamicCodingKey: CodingKey, Hashable, Sendable, ExpressibleByStringLiteral {
    /// The member name.
    public var stringValue: String
    /// Always nil: JSON object members have names, not positions.
    public var intValue: Int? { nil }

    /// A key for the member `name`.
    ///
    /// - Parameter name: The member name as it appears in JSON.
    public init(_ name: String) {
        self.stringValue = name
    }

    /// A key for the member `stringValue`; never fails.
    ///
    /// - Parameter stringValue: The member name as it appears in JSON.
    public init(stringValue: String) {
        self.stringValue = stringValue
    }

    /// Always nil: JSON object members have names, not positions.
    ///
    /// - Parameter intValue: Ignored.
    public init?(intValue: Int) {
        nil
    }

    /// A key written as a string literal (`forKey: "wire_name"`).
    ///
    /// - Parameter value: The member name as it appears in JSON.
    public init(stringLiteral value: String) {
        self.stringValue = value
    }
}

/// The members of a JSON object that its generated struct does not declare, kept on decode and written back on
/// encode, so that a decode → encode round trip loses nothing (drift survives a relay unchanged).
public struct UnknownFields: Hashable, Sendable, Codable {
    /// Member name → value.
    public var members: [String: JSONValue]

    /// Unknown members given as a dictionary (none by default).
    ///
    /// - Parameter members: Member name → value.
    public init(_ members: [String: JSONValue] = [:]) {
        self.members = members
    }

    /// Whether the object had no members beyond the declared ones.
    public var isEmpty: Bool { members.isEmpty }

    /// The value of the unknown member `name`; nil when there is none. Setting nil removes the member.
    ///
    /// - Parameter name: The member name as it appears in JSON.
    public subscript(name: String) -> JSONValue? {
        get { members[name] }
        set { members[name] = newValue }
    }

    /// Reads every member of the object being decoded whose name `Known` (the struct's coding keys) does not
    /// know.
    ///
    /// - Parameters:
    ///   - decoder: The decoder of the object.
    ///   - known: The struct's coding keys; a member whose name makes one is declared, not unknown.
    /// - Throws: `DecodingError` when the value is not an object.
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
    ///
    /// - Parameters:
    ///   - decoder: The decoder of the object.
    ///   - names: The wire names of the struct's declared members.
    /// - Throws: `DecodingError` when the value is not an object.
    public init(from decoder: any Decoder, excludingNames names: Set<String>) throws {
        let container = try decoder.container(keyedBy: DynamicCodingKey.self)
        var members: [String: JSONValue] = [:]
        for key in container.allKeys where !names.contains(key.stringValue) {
            members[key.stringValue] = try container.decode(JSONValue.self, forKey: key)
        }
        self.members = members
    }

    /// Decodes a standalone object of unknown members.
    ///
    /// - Parameter decoder: The decoder of the object.
    /// - Throws: `DecodingError` when the value is not an object.
    public init(from decoder: any Decoder) throws {
        self.members = try [String: JSONValue](from: decoder)
    }

    /// Writes the members into the object being encoded (beside the declared ones), in name order.
    ///
    /// - Parameter encoder: The encoder of the object.
    /// - Throws: What the encoder throws.
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
    /// Never called: the enum has no cases.
    public var stringValue: String {
        switch self {}
    }

    /// Never called: the enum has no cases.
    public var intValue: Int? {
        switch self {}
    }

    /// Always nil: no name is a declared member.
    ///
    /// - Parameter stringValue: Ignored.
    public init?(stringValue: String) {
        nil
    }

    /// Always nil.
    ///
    /// - Parameter intValue: Ignored.
    public init?(intValue: Int) {
        nil
    }
}
