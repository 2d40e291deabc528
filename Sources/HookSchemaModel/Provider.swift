/// Every provider the schemas describe, sorted by name.
public struct SchemaSet: Hashable, Sendable, Codable {
    public var providers: [Provider]

    public init(providers: [Provider]) {
        self.providers = providers.sorted { $0.name < $1.name }
    }

    public func provider(named name: String) -> Provider? {
        providers.first { $0.name == name }
    }
}

/// One webhook sender (Extend, Plextera, …): its envelope, headers, signature scheme, shared types and events.
public struct Provider: Hashable, Sendable, Codable {
    /// The provider's id, lower-case (`extend`); the folder name under `Schemas/`.
    public var name: String
    /// The prefix of generated type names (`Extend` → `ExtendEvent`, `ExtendWebhooks`).
    public var swiftName: String
    public var description: String?
    /// The top-level body member whose value names the event (`eventType`); empty when the event type travels in a
    /// header (`eventHeader`). Its value is a string, or an integer when the envelope declares it so (Discord's
    /// `type: 1`; see `discriminatorIsInteger`).
    public var discriminator: String
    /// The request header whose value names the event (GitHub's `X-GitHub-Event`, Shopify's `X-Shopify-Topic`),
    /// for a provider whose bodies do not say which event they are; nil when `discriminator` names it.
    public var eventHeader: String?
    /// With `eventHeader`: the top-level body member whose string value selects an event's variant (GitHub's
    /// `action`: header `issues` and `action: opened` is the event `issues.opened`).
    public var variantMember: String?
    /// Where a delivery's stable event id is, to deduplicate retried deliveries on.
    public var dedupeKey: DedupeKey?
    /// The body member that carries the event-specific payload (`payload`, `data`), if the envelope has one.
    public var payloadField: String?
    /// Headers every delivery of this provider carries.
    public var headers: [Header]
    public var signature: SignatureScheme?
    /// Named shared types (`$ref` targets), sorted by name.
    public var types: [NamedType]
    /// Events, sorted by event type.
    public var events: [Event]
    /// Old event type names the provider no longer sends, each with the name that replaced it.
    public var legacyEvents: [LegacyEvent]

    public init(
        name: String,
        swiftName: String,
        description: String? = nil,
        discriminator: String,
        eventHeader: String? = nil,
        variantMember: String? = nil,
        dedupeKey: DedupeKey? = nil,
        payloadField: String? = nil,
        headers: [Header] = [],
        signature: SignatureScheme? = nil,
        types: [NamedType] = [],
        events: [Event] = [],
        legacyEvents: [LegacyEvent] = []
    ) {
        self.name = name
        self.swiftName = swiftName
        self.description = description
        self.discriminator = discriminator
        self.eventHeader = eventHeader
        self.variantMember = variantMember
        self.dedupeKey = dedupeKey
        self.payloadField = payloadField
        self.headers = headers
        self.signature = signature
        self.types = types.sorted { $0.name < $1.name }
        self.events = events.sorted { $0.type < $1.type }
        self.legacyEvents = legacyEvents.sorted { $0.type < $1.type }
    }

    /// Whether the body's discriminator is an integer member (its declared type in the events' bodies), so event
    /// types are the decimal text of its values (`"1"`).
    public var discriminatorIsInteger: Bool {
        guard eventHeader == nil, let body = events.first?.body, case .object(let rules) = body.kind,
            let field = rules.fields.first(where: { $0.name == discriminator })
        else { return false }
        switch resolve(field.schema).kind {
        case .integer: return true
        case .enumeration(let rules): return rules.integer
        default: return false
        }
    }

    public func type(named name: String) -> NamedType? {
        types.first { $0.name == name }
    }

    public func event(ofType type: String) -> Event? {
        events.first { $0.type == type }
    }

    /// Follows `$ref`s (a chain of refs is allowed) to the schema they name, keeping the outer schema's
    /// `nullable` and `description`.
    public func resolve(_ schema: Schema) -> Schema {
        var current = schema
        var seen: Set<String> = []
        while case .ref(let name) = current.kind, let target = type(named: name), seen.insert(name).inserted {
            var next = target.schema
            next.nullable = next.nullable || current.nullable
            next.description = current.description ?? next.description
            current = next
        }
        return current
    }
}

/// A named shared type (`ExtractRun`, `RunError`) written once and referenced with `$ref`.
public struct NamedType: Hashable, Sendable, Codable {
    public var name: String
    public var schema: Schema
    /// The schema file it was declared in, relative to the schemas folder (`extend/provider.yaml`).
    public var source: String

    public init(name: String, schema: Schema, source: String) {
        self.name = name
        self.schema = schema
        self.source = source
    }
}

/// Where a provider puts the id that stays the same across retries of one event.
public enum DedupeKey: Hashable, Sendable, Codable, CustomStringConvertible {
    /// A request header (`X-GitHub-Delivery`, `webhook-id`), matched case-insensitively.
    case header(String)
    /// A body member, as a JSON pointer (`/eventId`, `/id`).
    case member(String)

    public var description: String {
        switch self {
        case .header(let name): return "header `\(name)`"
        case .member(let pointer): return "body member `\(pointer)`"
        }
    }
}

/// One event type: the whole body of its deliveries, envelope included.
public struct Event: Hashable, Sendable, Codable {
    /// The event's name: the discriminator's value (`extract_run.failed`), or for a provider that names events by a
    /// header, the header's value followed by `.` and the variant, if any (`issues.opened`, `push`).
    public var type: String
    /// The value of the provider's `variantMember` that selects this event (`opened`), for a header-named provider.
    public var variant: String?
    /// The generated struct's name (`ExtractRunFailedEvent`), derived from `type` unless the YAML names it.
    public var swiftName: String
    public var description: String?
    public var deprecated: Bool
    /// The resolved body: the provider's envelope fields, the discriminator as a `const`, and the event's
    /// payload member. Always an object schema.
    public var body: Schema
    /// The schema file, relative to the schemas folder (`extend/extract_run.failed.yaml`).
    public var source: String

    public init(
        type: String,
        swiftName: String,
        description: String? = nil,
        deprecated: Bool = false,
        variant: String? = nil,
        body: Schema,
        source: String
    ) {
        self.type = type
        self.variant = variant
        self.swiftName = swiftName
        self.description = description
        self.deprecated = deprecated
        self.body = body
        self.source = source
    }
}

extension Event {
    /// The value that names the event where the provider puts it: the discriminator's or the event header's
    /// (`issues` for `issues.opened`).
    public var selectorValue: String {
        guard let variant, type.hasSuffix("." + variant) else { return type }
        return String(type.dropLast(variant.count + 1))
    }
}

public struct LegacyEvent: Hashable, Sendable, Codable {
    public var type: String
    /// What replaced it, in prose or as an event type (`extract_run.processed (EXTRACT runs)`).
    public var replacedBy: String

    public init(type: String, replacedBy: String) {
        self.type = type
        self.replacedBy = replacedBy
    }
}

/// An HTTP header of a delivery.
public struct Header: Hashable, Sendable, Codable {
    /// As documented (`X-Plextera-Event-Id`); matched case-insensitively.
    public var name: String
    public var required: Bool
    public var description: String?
    /// `string` (the default), `datetime` or `integer`: how the value is checked.
    public var format: HeaderFormat
    /// The body member this header repeats, as a JSON pointer (`/eventType`); the two must agree.
    public var mirrors: String?

    public init(
        name: String,
        required: Bool = false,
        description: String? = nil,
        format: HeaderFormat = .string,
        mirrors: String? = nil
    ) {
        self.name = name
        self.required = required
        self.description = description
        self.format = format
        self.mirrors = mirrors
    }
}

public enum HeaderFormat: String, Hashable, Sendable, Codable {
    case string
    case datetime
    case integer
}
