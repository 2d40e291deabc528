/// A JSON value whose objects keep their members in the order they were built, so rendered text is the same,
/// byte for byte, on every run and platform (Foundation's `JSONSerialization` promises no key order).
public indirect enum JSONNode: Hashable, Sendable {
    case string(String)
    case integer(Int64)
    case number(Double)
    case bool(Bool)
    case null
    case array([JSONNode])
    /// Members in the order they are written. Names are unique (`JSONObjectBuilder` keeps them so).
    case object([Member])

    /// One member of an object.
    public struct Member: Hashable, Sendable {
        public var name: String
        public var value: JSONNode

        public init(_ name: String, _ value: JSONNode) {
            self.name = name
            self.value = value
        }
    }

    /// Whether the value is a string, number, boolean or null.
    var isScalar: Bool {
        switch self {
        case .array, .object: return false
        default: return true
        }
    }
}

/// Builds a `JSONNode.object` member by member; setting a name again replaces its value in place.
struct JSONObjectBuilder {
    private(set) var members: [JSONNode.Member] = []

    /// Sets `name` to `value`; a nil value leaves the object unchanged.
    mutating func set(_ name: String, _ value: JSONNode?) {
        guard let value else { return }
        if let index = members.firstIndex(where: { $0.name == name }) {
            members[index].value = value
        } else {
            members.append(JSONNode.Member(name, value))
        }
    }

    /// Removes `name`, returning its value.
    @discardableResult
    mutating func remove(_ name: String) -> JSONNode? {
        guard let index = members.firstIndex(where: { $0.name == name }) else { return nil }
        return members.remove(at: index).value
    }

    func value(_ name: String) -> JSONNode? {
        members.first { $0.name == name }?.value
    }

    var node: JSONNode { .object(members) }
}
