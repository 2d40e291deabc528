/// Storage for a member whose type contains its own struct (`Node.next: Node?`). A struct cannot hold itself
/// directly; an indirect enum boxes the value, so generated code stores such members as `Indirect<T>` and exposes
/// them as plain `T` properties.
public indirect enum Indirect<Wrapped> {
    /// The boxed value.
    case boxed(Wrapped)

    /// Boxes `value`.
    ///
    /// - Parameter value: The value to store.
    public init(_ value: Wrapped) {
        self = .boxed(value)
    }

    /// The boxed value; setting it boxes the new value.
    public var value: Wrapped {
        get {
            switch self {
            case .boxed(let value): return value
            }
        }
        set {
            self = .boxed(newValue)
        }
    }
}

extension Indirect: Equatable where Wrapped: Equatable {}
extension Indirect: Hashable where Wrapped: Hashable {}
extension Indirect: Sendable where Wrapped: Sendable {}
