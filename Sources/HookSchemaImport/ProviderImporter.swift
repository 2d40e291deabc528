import Foundation
import HookSchemaModel

/// Options of an import.
public struct ImportOptions: Sendable {
    /// The provider id (the folder's name).
    public var provider: String
    /// The body member that names the event, when it cannot be found (`--discriminator`).
    public var discriminator: String?
    /// What an existing provider.yaml says of the envelope, which the import keeps: its naming, and the members it
    /// declares (an event file must not repeat them).
    public var existingNaming: ImportedProvider.Naming?
    public var existingEnvelopeFields: Set<String> = []

    public init(provider: String, discriminator: String? = nil) {
        self.provider = provider
        self.discriminator = discriminator
    }
}

/// Why an import could not be made (a source that does not read, no member naming the events, …).
public struct ImportError: Error, CustomStringConvertible, Sendable {
    public var description: String

    public init(_ description: String) {
        self.description = description
    }
}

/// One event body found in the sources, before the discriminator is known.
struct FoundEvent {
    /// The name the source gives it (the webhook's key, the folder's name).
    var key: String
    /// The file's stem within a JSON Schema event folder (`opened` for `issues/opened.schema.json`).
    var variantKey: String?
    var body: Schema
    var description: String?
    var source: SourcePlace
}

enum ProviderAssembly {
    /// Swift names the generated code or Foundation already uses: a named type gets a suffix instead.
    static let reservedTypeNames: Set<String> = [
        "Date", "Data", "String", "Int", "Double", "Bool", "Array", "Dictionary", "Optional", "Error", "URL", "UUID",
        "JSONValue", "Provider", "Event", "Nullable", "Indirect", "Type", "Protocol", "Self", "Any", "Set",
        "UnknownFields", "RFC3339Date",
    ]

    /// The object members of an event's body (its `$ref`s followed).
    /// The object members of an event's body (its `$ref`s followed). A body that is one of several objects (GitHub's
    /// `pull_request.review_requested`: a user or a team was asked) becomes one object with the members of each,
    /// required where all require them.
    static func fields(of body: Schema, importer: SchemaImporter, at place: SourcePlace, quiet: Bool = false)
        -> [Field]
    {
        object(of: body, importer: importer, at: place, quiet: quiet).fields
    }

    /// An event body as one object: an object as it is; one of several objects (a `oneOf` / `anyOf`) as the members
    /// of each, required where all require them, with the choice that tells them apart when there is one
    /// (`SchemaImporter.choice(among:keyword:)`).
    static func object(of body: Schema, importer: SchemaImporter, at place: SourcePlace, quiet: Bool = false)
        -> ObjectRules
    {
        let resolved = importer.resolved(body) ?? body
        if case .object(let rules) = resolved.kind { return rules }
        if case .untaggedUnion(let union) = resolved.kind {
            let objects = union.members.compactMap { member -> ObjectRules? in
                if case .object(let rules) = (importer.resolved(member.schema) ?? member.schema).kind { return rules }
                return nil
            }
            if objects.count == union.members.count, var merged = objects.first {
                for next in objects.dropFirst() {
                    merged = importer.alternatives(merged, next)
                }
                let keyword = importer.unionKeywords[resolved] ?? "anyOf"
                if let choice = importer.choice(among: objects, keyword: keyword) {
                    // Exact: the members of each, and which of them tell the objects apart.
                    merged.choices.append(choice)
                } else if !quiet {
                    importer.warn(
                        place,
                        "an event body that is one of \(objects.count) objects mapped to one object with the members of "
                            + "each, required where all require them")
                }
                return merged
            }
        }
        if !quiet {
            importer.warn(place, "an event body that is not an object mapped to an event without members")
        }
        return ObjectRules(fields: [])
    }

    /// The choices whose members are all still among `fields` (the envelope's members are not the event's).
    static func choices(_ choices: [MemberChoice], keeping fields: [Field]) -> [MemberChoice] {
        choices.filter { choice in choice.members.allSatisfy { member in fields.contains { $0.name == member } } }
    }

    /// The value of a required string member with a single value (`const`, or a one-value enum) in `fields`.
    static func constant(_ member: String, in fields: [Field], importer: SchemaImporter) -> String? {
        guard let field = fields.first(where: { $0.name == member }), field.required else { return nil }
        let schema = importer.resolved(field.schema) ?? field.schema
        if case .string(let value)? = schema.const { return value }
        if case .enumeration(let rules) = schema.kind, rules.values.count == 1 { return rules.values[0].value }
        return nil
    }

    /// A member that is a required string constant in every body, different for each: the one that names the
    /// event. Of several, the one whose values are the events' names in the source, then the first.
    static func discriminator(of events: [FoundEvent], importer: SchemaImporter) -> String? {
        let bodies = events.map { fields(of: $0.body, importer: importer, at: $0.source, quiet: true) }
        guard let first = bodies.first else { return nil }
        var candidates: [(name: String, matchesKeys: Bool)] = []
        for field in first where field.required {
            let values = bodies.map { constant(field.name, in: $0, importer: importer) }
            guard values.allSatisfy({ $0 != nil }), Set(values.compactMap { $0 }).count == values.count else { continue }
            let matches = zip(values, events).allSatisfy { $0 == $1.key }
            candidates.append((field.name, matches))
        }
        if let found = (candidates.first { $0.matchesKeys } ?? candidates.first)?.name {
            return found
        }
        // One schema serving several events (Adyen's notifications): a required enum member whose values include
        // every event's name in the source.
        for field in first where field.required {
            let matches = zip(bodies, events).allSatisfy { body, event in
                guard let member = body.first(where: { $0.name == field.name }), member.required,
                    case .enumeration(let rules) = (importer.resolved(member.schema) ?? member.schema).kind
                else { return false }
                return rules.values.contains { $0.value == event.key }
            }
            if matches { return field.name }
        }
        return nil
    }
}
