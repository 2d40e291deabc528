import HookSchemaModel

/// What a schema change does on the wire, for a receiver still validating with the old schemas that gets traffic
/// valid under the new ones, and for CI checking deliveries captured under the old schemas against the new ones:
/// the worse of the two directions, as hookschema's validator reports it.
public enum WireVerdict: String, Hashable, Sendable, Codable, CaseIterable, Comparable {
    /// No delivery changes verdict in either direction.
    case safe
    /// Some delivery that passed now passes with warnings (a new member, a new value of an open enum).
    case drift
    /// Some delivery that passed now fails (or no longer decodes).
    case breaking

    public static func < (lhs: WireVerdict, rhs: WireVerdict) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// What a schema change does to app code written against the old schemas' generated types, compiled against the
/// new ones: code that reads every member and switches over every case (without `default`).
public enum SwiftVerdict: String, Hashable, Sendable, Codable, CaseIterable, Comparable {
    /// The generated API is unchanged (documentation and validation rules aside).
    case none
    /// New declarations only (a property, a type); code that reads the old ones still compiles.
    case additive
    /// Such code may no longer compile: a property, type or case is gone or has another type, or an enum gained a
    /// case an exhaustive `switch` does not handle.
    case sourceBreaking = "source-breaking"

    public static func < (lhs: SwiftVerdict, rhs: SwiftVerdict) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// The kinds of change `hookschema diff` reports; the raw value is the stable id in every output format.
public enum DiffKind: String, Hashable, Sendable, Codable, CaseIterable {
    case eventAdded = "event-added"
    case eventRemoved = "event-removed"
    case typeAdded = "type-added"
    case typeRemoved = "type-removed"
    case memberAdded = "member-added"
    case memberRemoved = "member-removed"
    case becameRequired = "became-required"
    case becameOptional = "became-optional"
    case becameNullable = "became-nullable"
    case becameNonNullable = "became-non-nullable"
    case typeChanged = "type-changed"
    case formatChanged = "format-changed"
    case enumValueAdded = "enum-value-added"
    case enumValueRemoved = "enum-value-removed"
    case enumOpened = "enum-opened"
    case enumClosed = "enum-closed"
    case unionMemberAdded = "union-member-added"
    case unionMemberRemoved = "union-member-removed"
    case unionMemberTypeChanged = "union-member-type-changed"
    case unionDiscriminatorChanged = "union-discriminator-changed"
    case unionOpened = "union-opened"
    case unionClosed = "union-closed"
    case constChanged = "const-changed"
    case constraintTightened = "constraint-tightened"
    case constraintLoosened = "constraint-loosened"
    case constraintChanged = "constraint-changed"
    case choiceAdded = "choice-added"
    case choiceRemoved = "choice-removed"
    case swiftNameChanged = "swift-name-changed"
    case descriptionChanged = "description-changed"
    case deprecated = "deprecated"
    case undeprecated = "undeprecated"
    case defaultChanged = "default-changed"
    case headerAdded = "header-added"
    case headerRemoved = "header-removed"
    case headerChanged = "header-changed"
    case signatureChanged = "signature-changed"
    case dedupeKeyChanged = "dedupe-key-changed"
    case eventSelectionChanged = "event-selection-changed"
    case providerAdded = "provider-added"
    case providerRemoved = "provider-removed"

    /// A short human phrase (`member added`).
    public var title: String { rawValue.replacing("-", with: " ") }
}

/// Where in a provider a change is: an event (by type), a named type (by name), or the provider itself.
public enum DiffScope: Hashable, Sendable, Comparable, CustomStringConvertible {
    case provider
    case event(String)
    case type(String)

    /// `event`, `type` or `provider`: the scope's kind in the JSON output.
    public var kind: String {
        switch self {
        case .provider: return "provider"
        case .event: return "event"
        case .type: return "type"
        }
    }

    /// The event type or type name; empty for the provider.
    public var name: String {
        switch self {
        case .provider: return ""
        case .event(let name), .type(let name): return name
        }
    }

    public var description: String {
        switch self {
        case .provider: return "provider"
        case .event(let name): return "event \(name)"
        case .type(let name): return "type \(name)"
        }
    }

    private var order: Int {
        switch self {
        case .provider: return 0
        case .event: return 1
        case .type: return 2
        }
    }

    public static func < (lhs: DiffScope, rhs: DiffScope) -> Bool {
        (lhs.order, lhs.name) < (rhs.order, rhs.name)
    }
}

/// One change between two schema versions, with its verdicts.
public struct DiffFinding: Hashable, Sendable {
    public var kind: DiffKind
    public var provider: String
    public var scope: DiffScope
    /// A JSON pointer into the event's body (or the named type's value) where the change is; `*` stands for every
    /// item of an array or value of a map. Header changes use `/headers/<Name>`.
    public var pointer: String
    /// The change's line in the new schema files (the old ones for a removal); nil when it cannot be told.
    public var location: SourceLocation?
    public var wire: WireVerdict
    public var swift: SwiftVerdict
    /// One sentence: what changed and why the verdicts are what they are.
    public var message: String
    /// Short renderings of the old and new value where there is one (`string`, `["a", "b"]`, `required`).
    public var old: String?
    public var new: String?

    public init(
        kind: DiffKind, provider: String, scope: DiffScope, pointer: String, location: SourceLocation? = nil,
        wire: WireVerdict, swift: SwiftVerdict, message: String, old: String? = nil, new: String? = nil
    ) {
        self.kind = kind
        self.provider = provider
        self.scope = scope
        self.pointer = pointer
        self.location = location
        self.wire = wire
        self.swift = swift
        self.message = message
        self.old = old
        self.new = new
    }
}

/// Every change between two schema sets, in a stable order (provider, scope, pointer, kind).
public struct DiffReport: Hashable, Sendable {
    public var findings: [DiffFinding]
    /// Provider → named type → the events that hold it (in either version): who a change to a type reaches.
    public var usage: [String: [String: [String]]]

    public init(findings: [DiffFinding], usage: [String: [String: [String]]] = [:]) {
        self.usage = usage
        self.findings = findings.sorted {
            ($0.provider, $0.scope, $0.pointer, $0.kind.rawValue, $0.message)
                < ($1.provider, $1.scope, $1.pointer, $1.kind.rawValue, $1.message)
        }
    }

    public var worstWire: WireVerdict { findings.map(\.wire).max() ?? .safe }
    public var worstSwift: SwiftVerdict { findings.map(\.swift).max() ?? .none }

    /// Whether any finding reaches the `--fail-on` level.
    public func reaches(_ level: FailLevel) -> Bool {
        findings.contains { level.isReached(by: $0) }
    }
}

/// `--fail-on`: which findings make `hookschema diff` exit 1.
public enum FailLevel: String, Hashable, Sendable, CaseIterable {
    /// A wire-breaking or source-breaking finding.
    case breaking
    /// Also wire drift.
    case drift
    /// Any finding at all.
    case any
    /// Never.
    case none

    public func isReached(by finding: DiffFinding) -> Bool {
        switch self {
        case .breaking: return finding.wire == .breaking || finding.swift == .sourceBreaking
        case .drift: return finding.wire >= .drift || finding.swift == .sourceBreaking
        case .any: return true
        case .none: return false
        }
    }
}
