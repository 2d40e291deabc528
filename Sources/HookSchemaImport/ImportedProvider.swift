import HookSchemaModel

/// What an import makes of a provider's published schemas, before it is written as YAML: the envelope (how events
/// are named), the named types, and each event's own members with the place in the source it came from.
public struct ImportedProvider: Sendable {
    public enum Naming: Sendable, Equatable {
        /// A body member names the event (`type`, `eventType`).
        case member(String)
        /// A header names it (GitHub's `X-GitHub-Event`), and a body member may name the variant (`action`).
        case header(String, variant: String?)
    }

    public struct ImportedEvent: Sendable {
        /// The value that names the event (the discriminator's, or the header's).
        public var name: String
        public var variant: String?
        public var description: String?
        /// The body's members, without the ones the envelope declares (the discriminator or variant member).
        public var fields: [Field]
        /// `exactlyOne` / `atLeastOne` groups of `fields` (an event body that is one of several objects).
        public var choices: [MemberChoice] = []
        public var source: SourcePlace
        /// What the event file's first line says after the source, instead of its pointer (`infer`: the number of
        /// samples).
        public var heading: String?
        /// The event's Swift type name, when the derived one is taken by another event (`swiftName:`).
        public var swiftName: String?

        /// `issues.opened`, `endpoint.created`: the event type, and its file's name with `/` written `.`.
        public var type: String { variant.map { "\(name).\($0)" } ?? name }
        public var fileStem: String { type.replacing("/", with: ".") }

        public init(
            name: String, variant: String?, description: String?, fields: [Field], choices: [MemberChoice] = [],
            source: SourcePlace, heading: String? = nil
        ) {
            self.name = name
            self.variant = variant
            self.description = description
            self.fields = fields
            self.choices = choices
            self.source = source
            self.heading = heading
        }
    }

    public init(
        name: String, description: String?, naming: Naming, envelopeFields: [Field], types: [NamedType],
        events: [ImportedEvent], warnings: [ImportWarning], typeSources: [String: SourcePlace]
    ) {
        self.name = name
        self.description = description
        self.naming = naming
        self.envelopeFields = envelopeFields
        self.types = types
        self.events = events
        self.warnings = warnings
        self.typeSources = typeSources
    }

    public var name: String
    public var description: String?
    public var naming: Naming
    /// The envelope's members (the discriminator, when a member names the event).
    public var envelopeFields: [Field]
    public var types: [NamedType]
    public var events: [ImportedEvent]
    public var warnings: [ImportWarning]
    /// Where each named type came from, for the comment above it.
    public var typeSources: [String: SourcePlace]
}
