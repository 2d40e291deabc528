import HookSchemaImport
import HookSchemaModel
import HookSchemaRuntime
import HookSchemaValidation

/// `hookschema infer`: a provider in the schema language from captured deliveries alone.
///
/// Two passes over the samples, each one value at a time (memory grows with the number of places, not samples):
/// 1. `survey` folds every body into one merged tree and records, for each top-level string member and event-ish
///    header, which values went with which shapes: from these `finishSurvey` finds how events are named
///    (`EventSurvey`) and which nested members are tags (`TagEvidence.isTag`).
/// 2. `fold` folds each body into the tree of its event, splitting tagged places by their tag.
/// `result` then names the shapes that stand in several places (`TypeCatalog`), finds the envelope (the members
/// every event has), and builds the schemas (`SchemaBuilder`), with a note for each decision it was unsure of.
public struct ProviderInference {
    public let provider: String
    public let rules: InferenceRules
    private let discriminator: String?
    private var survey = EventSurvey()
    private let merged = ShapeNode()
    private var naming: EventNaming?
    private var plan = ShapePlan()
    private var events: [String: (name: String, variant: String?, root: ShapeNode)] = [:]
    private var buffers = ValidationBuffers()
    private let surveyFolding = ShapeFolding(collectsTagEvidence: true)
    private let eventFolding = ShapeFolding(collectsTagEvidence: false)
    /// Samples the second pass could not name (no discriminator value), by reason.
    public private(set) var unnamed = 0
    public private(set) var samples = 0

    public init(provider: String, discriminator: String?, rules: InferenceRules = .init()) {
        self.provider = provider
        self.discriminator = discriminator
        self.rules = rules
    }

    // MARK: Pass 1

    /// Adds one delivery to the first pass. Throws when the body is not JSON.
    public mutating func survey(body: UnsafeBufferPointer<UInt8>, headers: [(name: String, value: String)]?) throws {
        let folding = surveyFolding
        let merged = self.merged
        var strings: [(name: String, value: String)] = []
        let print = try JSONScan.read(body, reusing: &buffers) { reader -> UInt64 in
            if reader.tokens[0].kind == .object {
                var key = 1
                while key < Int(reader.tokens[0].end) {
                    if reader.tokens[key + 1].kind == .string {
                        strings.append((reader.string(key), reader.string(key + 1)))
                    }
                    key = reader.next(after: key + 1)
                }
            }
            return folding.fold(reader, 0, into: merged).deep
        }
        survey.add(strings: strings, shape: print, headers: headers ?? [])
    }

    /// Decides how events are named and which nested members are tags. Throws when no member or header names
    /// the events (and `--discriminator` was not given).
    public mutating func finishSurvey() throws {
        guard survey.samples > 0 else { throw InferenceError("no deliveries to infer from") }
        naming = try survey.naming(discriminator: discriminator, rules: rules)
        plan = ShapePlan()
        if let object = merged.object {
            for position in 0..<object.memberCount {
                let (name, child, _) = object.member(at: position)
                if let below = Self.plan(for: child) { plan.members[name] = below }
            }
        }
    }

    /// The tags found at `node` and below it, nil when none.
    private static func plan(for node: ShapeNode) -> ShapePlan? {
        let plan = ShapePlan()
        if let object = node.object {
            for position in 0..<object.memberCount {
                let (name, child, present) = object.member(at: position)
                if plan.tag == nil, present == object.count, child.nulls == 0, child.strings?.dataLike == 0,
                    object.tagEvidence[position].isTag
                {
                    plan.tag = name
                }
                if let below = Self.plan(for: child) { plan.members[name] = below }
            }
        }
        if let array = node.array { plan.items = Self.plan(for: array.items) }
        return plan.isEmpty ? nil : plan
    }

    /// The event naming found by the first pass.
    public var namingDescription: String {
        switch naming {
        case .member(let member): return "the body member `\(member)`"
        case .header(let header, let variant?): return "the header \(header), variants by `\(variant)`"
        case .header(let header, nil): return "the header \(header)"
        case nil: return "not decided"
        }
    }

    // MARK: Pass 2

    /// Adds one delivery to its event. Returns false when the delivery names no event (it is counted in
    /// `unnamed`).
    @discardableResult
    public mutating func fold(body: UnsafeBufferPointer<UInt8>, headers: [(name: String, value: String)]?) throws
        -> Bool
    {
        guard let naming else { preconditionFailure("fold(body:headers:) before finishSurvey()") }
        samples += 1
        var eventName: String?
        var variant: String?
        var variantMember: String?
        switch naming {
        case .member(let member):
            variantMember = member
        case .header(let header, let variantName):
            eventName = headers?.first { $0.name.lowercased() == header.lowercased() }?.value
            variantMember = variantName
        }
        let plan = self.plan
        let variantBytes = variantMember.map { Array($0.utf8) }
        var found: (name: String, variant: String?)?
        let root: ShapeNode? = try JSONScan.read(body, reusing: &buffers) { reader -> ShapeNode? in
            if let variantBytes, reader.tokens[0].kind == .object,
                let value = reader.member(variantBytes, of: 0), reader.tokens[value].kind == .string
            {
                if eventName == nil { eventName = reader.string(value) } else { variant = reader.string(value) }
            }
            guard let eventName else { return nil }
            found = (eventName, variant)
            let key = variant.map { "\(eventName).\($0)" } ?? eventName
            let entry = events[key] ?? (eventName, variant, ShapeNode(plan: plan))
            events[key] = entry
            _ = eventFolding.fold(reader, 0, into: entry.root)
            return entry.root
        }
        if root == nil || found == nil { unnamed += 1 }
        return root != nil
    }

    // MARK: Result

    /// The inferred provider, ready for `ImportWriter`; `source` describes the samples (for the files' comments).
    public func result(source: String) -> InferredProvider {
        let catalog = TypeCatalog(rules: rules)
        let keys = events.keys.sorted()
        for key in keys {
            guard let root = events[key]?.root, let object = root.object else { continue }
            for position in 0..<object.memberCount {
                let (name, child, _) = object.member(at: position)
                Self.record(child, hint: name, into: catalog)
            }
        }
        var reserved: Set<String> = []
        for key in keys {
            reserved.insert(SwiftNaming.typeName(key))
            reserved.insert(SwiftNaming.typeName(key) + "Event")
        }
        reserved.insert(SwiftNaming.typeName(provider) + "Event")
        catalog.finish(reserved: reserved)
        let envelopeNames = envelopeMembers(keys, catalog: catalog)

        var builder = SchemaBuilder(rules: rules, catalog: catalog)
        var notes: [String: [String]] = [:]
        func take(_ prefix: String, root: Bool = false) {
            for (path, texts) in builder.notes {
                notes[root && !path.isEmpty ? prefix + "/" + path : prefix + path, default: []] += texts
            }
            builder = SchemaBuilder(rules: rules, catalog: catalog)
        }
        // The envelope: the members every event has, merged over all of them.
        var envelopeFields: [Field] = []
        let envelopeRoot = ShapeNode()
        if !envelopeNames.isEmpty {
            for key in keys { if let root = events[key]?.root { envelopeRoot.merge(root) } }
        }
        for field in builder.fields(of: envelopeRoot, path: "") where envelopeNames.contains(field.name) {
            envelopeFields.append(field)
        }
        take("envelope/")
        var naming: ImportedProvider.Naming
        var declared = envelopeNames
        switch self.naming ?? .member("type") {
        case .member(let member):
            naming = .member(member)
            declared.insert(member)
            if !envelopeFields.contains(where: { $0.name == member }) {
                let field = Field(name: member, schema: Schema(.string(StringRules())), required: true)
                envelopeFields.insert(field, at: 0)
            }
            if let index = envelopeFields.firstIndex(where: { $0.name == member }) {
                envelopeFields[index].schema = Schema(.string(StringRules()))
                envelopeFields[index].required = true
            }
        case .header(let header, let variant):
            naming = .header(header, variant: variant)
            envelopeFields = []
            if let variant { declared.insert(variant) }
        }
        var imported: [ImportedProvider.ImportedEvent] = []
        var swiftNames: Set<String> = []
        for key in keys {
            guard let entry = events[key] else { continue }
            let fields = builder.fields(of: entry.root, path: "", excluding: declared)
            take("event:\(key)/")
            var event = ImportedProvider.ImportedEvent(
                name: entry.name, variant: entry.variant, description: nil, fields: fields,
                source: SourcePlace(file: source, pointer: ""))
            event.heading = "\(entry.root.count) sample\(entry.root.count == 1 ? "" : "s")"
            // Two event types that make one Swift name (`workflow_run.completed`, `workflow.run.completed`): the
            // later one (in sorted order) gets a numbered name.
            let derived = SwiftNaming.typeName(key)
            var swiftName = derived + "Event"
            var number = 2
            while swiftNames.contains(swiftName) {
                swiftName = "\(derived)\(number)Event"
                number += 1
            }
            swiftNames.insert(swiftName)
            if swiftName != derived + "Event" { event.swiftName = swiftName }
            imported.append(event)
        }
        var types: [NamedType] = []
        for (name, node) in catalog.namedTypes {
            let tag = catalog.tag(ofType: name)
            var schema: Schema
            if let tag {
                schema = Schema(.object(ObjectRules(fields: builder.fields(of: node, path: "", tag: tag))))
            } else {
                schema = builder.schema(of: node, path: "", definingType: name)
            }
            // Whether null is allowed is said where the type is used, not by the type.
            schema.nullable = false
            take("type:\(name)", root: true)
            types.append(NamedType(name: name, schema: schema, source: "\(provider)/provider.yaml"))
        }
        let provider = ImportedProvider(
            name: provider, description: nil, naming: naming, envelopeFields: envelopeFields, types: types,
            events: imported, warnings: [], typeSources: [:])
        var samples: [String: Int] = [:]
        for key in keys { samples[key] = events[key]?.root.count ?? 0 }
        return InferredProvider(provider: provider, notes: notes, samples: samples)
    }

    /// The envelope: the members every event has, with the same schema in every event (`eventId`, `occurredAt`;
    /// not `payload`, whose shape is the event's own). A header-named provider has none.
    private func envelopeMembers(_ keys: [String], catalog: TypeCatalog) -> Set<String> {
        guard case .member = naming, keys.count >= 2 else { return [] }
        var schemas: [String: Schema]?
        for key in keys {
            guard let root = events[key]?.root else { return [] }
            var scratch = SchemaBuilder(rules: rules, catalog: catalog)
            var mine: [String: Schema] = [:]
            for field in scratch.fields(of: root, path: "") { mine[field.name] = field.schema }
            guard let shared = schemas else {
                schemas = mine
                continue
            }
            schemas = shared.filter { mine[$0.key] == $0.value }
        }
        return Set(schemas?.keys ?? [:].keys)
    }

    /// Records every place of objects at and below `node` in the catalog.
    private static func record(_ node: ShapeNode, hint: String, into catalog: TypeCatalog) {
        if let tagged = node.tagged {
            for (position, value) in tagged.values.enumerated() where !value.isEmpty {
                let variant = tagged.variants[position]
                catalog.record(variant, hint: value, tag: (tagged.member, value))
                recordMembers(of: variant, into: catalog)
            }
        }
        if node.object != nil {
            catalog.record(node, hint: hint)
            recordMembers(of: node, into: catalog)
        }
        if let array = node.array {
            record(array.items, hint: TypeCatalog.singular(hint), into: catalog)
        }
    }

    private static func recordMembers(of node: ShapeNode, into catalog: TypeCatalog) {
        guard let object = node.object else { return }
        for position in 0..<object.memberCount {
            let (name, child, _) = object.member(at: position)
            record(child, hint: name, into: catalog)
        }
        if let overflow = object.overflow { record(overflow, hint: "value", into: catalog) }
    }
}

/// An inferred provider: what `ImportWriter` writes, and the notes for the YAML comments (keyed
/// `envelope/<path>`, `event:<type>/<path>`, `type:<Name>/<path>`).
public struct InferredProvider: Sendable {
    public var provider: ImportedProvider
    public var notes: [String: [String]]
    /// Event type → the deliveries inferred from.
    public var samples: [String: Int]
}
