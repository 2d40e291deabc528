import HookSchemaModel
import HookSchemaRuntime

/// The values seen at one place, folded as `infer` folds them, for tools that type a member from its samples the
/// way `infer` would (`hookschema learn`, for a member that drift found).
///
/// A value type: copies are independent (the storage is copied on write).
public struct ShapeAccumulator: @unchecked Sendable {
    // The node is never shared between two accumulators that mutate it: `add` and `merge` copy it first unless
    // this accumulator holds the only reference.
    private var node = ShapeNode()

    public init() {}

    /// The values added so far (null included).
    public var count: Int { node.count }

    public mutating func add(_ value: JSONValue) {
        unshare()
        ShapeFolding(collectsTagEvidence: false).fold(value, into: node)
    }

    public mutating func merge(_ other: ShapeAccumulator) {
        unshare()
        node.merge(other.node)
    }

    /// The narrowest schema of the values, by `rules` (objects written inline, without named types).
    public func schema(rules: InferenceRules = .init()) -> Schema {
        var builder = SchemaBuilder(rules: rules, catalog: TypeCatalog(rules: rules))
        return builder.schema(of: node, path: "")
    }

    private mutating func unshare() {
        if !isKnownUniquelyReferenced(&node) { node = node.copy() }
    }
}
