import HookSchemaInfer
import HookSchemaModel
import HookSchemaRuntime
import HookSchemaValidation

/// What to change, gathered over every delivery: one entry per schema place, however many deliveries drift there
/// (a new member is typed from all the values seen; an enum gets the union of the new values).
struct EditPlan {
    enum Refusal: Error {
        /// A finding `learn` never folds (an error: a wrong type, a const mismatch, …).
        case notLearnable
        /// Drift of a kind `learn` folds, which it could not place in the YAML.
        case unplaced(String)
    }

    /// New members of one object, in the order they were first seen.
    struct NewMembers {
        var file: String
        var owner: String
        /// The object's `fields:` mapping, or (when it has none) the object's own mapping.
        var container: YAMLNode
        var hasFieldsKey: Bool
        var names: [String] = []
        var shapes: [String: ShapeAccumulator] = [:]
    }

    struct NewValues {
        var file: String
        var owner: String
        var values: YAMLNode
        var integer: Bool
        var added: [String] = []
    }

    /// A required member to make optional.
    struct MadeOptional {
        var file: String
        var owner: String
        var name: String
        var field: YAMLNode
        var required: YAMLEntry
    }

    private(set) var members: [String: NewMembers] = [:]
    private(set) var values: [String: NewValues] = [:]
    private(set) var optionals: [String: MadeOptional] = [:]

    mutating func add(_ finding: Finding, body: JSONValue, locator: SchemaLocator) throws(Refusal) {
        let tokens = JSONPointer.tokens(of: finding.path)[...]
        switch (finding.kind, finding.severity) {
        case (.unknownField, .warning):
            guard let name = tokens.last else { throw .notLearnable }
            let value = SchemaLocator.value(at: tokens, in: body) ?? .null
            try addMember(
                name, value: value, parent: place { try locator.object(at: tokens.dropLast(), body: body) },
                locator: locator)
        case (.unknownEnumValue, .warning):
            let place = try place { try locator.value(at: tokens, body: body) }
            guard case .enumeration(let rules) = place.schema.kind, !rules.closed else {
                // An open union's unknown discriminator value: a new member type is for a person to write.
                throw .unplaced("not an enum's value")
            }
            guard let node = place.node["values"], node.items != nil else { throw .unplaced("no `values:` list") }
            let text: String
            switch SchemaLocator.value(at: tokens, in: body) {
            case .string(let string)? where !rules.integer: text = string
            case .integer(let integer)? where rules.integer: text = String(integer)
            default: throw .unplaced("the value is not one the enum can hold")
            }
            let key = "\(place.file)@\(node.start)"
            var entry =
                values[key] ?? NewValues(file: place.file, owner: place.owner, values: node, integer: rules.integer)
            if !entry.added.contains(text), !rules.values.contains(where: { $0.value == text }) {
                entry.added.append(text)
            }
            values[key] = entry
        case (.missingRequired, _):
            guard let name = tokens.last else { throw .notLearnable }
            guard SchemaLocator.value(at: tokens, in: body) == nil else {
                // The object is there: one of its `exactlyOne` / `atLeastOne` members is missing, a rule to change
                // by hand.
                throw .unplaced("a member of an `exactlyOne` / `atLeastOne` choice is missing")
            }
            let parent = try place { try locator.object(at: tokens.dropLast(), body: body) }
            let parentValue = SchemaLocator.value(at: tokens.dropLast(), in: body) ?? .null
            let (declaration, _) = try place { try locator.member(name, of: parent, value: parentValue) }
            guard declaration.entry.key == name else {
                throw .unplaced("the payload member `\(name)` is always required")
            }
            guard let required = declaration.entry.value.entry("required"),
                case .scalar(let text, plain: true) = required.value.content,
                ["true", "True", "TRUE"].contains(text)
            else { throw .unplaced("no `required: true` written for `\(name)`") }
            let key = "\(declaration.file)@\(required.keyStart)"
            optionals[key] = MadeOptional(
                file: declaration.file, owner: declaration.owner, name: name, field: declaration.entry.value,
                required: required)
        default:
            throw .notLearnable
        }
    }

    private mutating func addMember(
        _ name: String, value: JSONValue, parent: ObjectPlace, locator: SchemaLocator
    ) throws(Refusal) {
        let file: String
        let owner: String
        let object: YAMLNode
        switch parent {
        case .object(let place):
            (file, owner, object) = (place.file, place.owner, place.node)
        case .body:
            // A new top-level member: the envelope's when the events carry their own members in a payload member
            // (it is beside every event's payload), else the event's own `fields:`.
            if locator.provider.payloadField != nil {
                file = locator.providerFile
                owner = "envelope"
                guard let envelope = locator.documents[file]?.root["envelope"] else {
                    throw .unplaced("no `envelope:` in \(file)")
                }
                object = envelope
            } else {
                file = locator.event.source
                owner = locator.event.type
                guard let root = locator.documents[file]?.root else { throw .unplaced("\(file) is not loaded") }
                object = root
            }
        }
        guard object.entries != nil else { throw .unplaced("\(owner) is not written as a mapping") }
        let fields = object["fields"]
        if let fields, fields.entries == nil { throw .unplaced("\(owner)'s `fields:` is not a mapping") }
        let container = fields ?? object
        let key = "\(file)@\(container.start)"
        var entry =
            members[key] ?? NewMembers(file: file, owner: owner, container: container, hasFieldsKey: fields != nil)
        if entry.shapes[name] == nil { entry.names.append(name) }
        entry.shapes[name, default: ShapeAccumulator()].add(value)
        members[key] = entry
    }

    /// Runs a locator step, turning its failure into a refusal with the reason.
    private func place<T>(_ body: () throws -> T) throws(Refusal) -> T {
        do {
            return try body()
        } catch let failure as SchemaLocator.Failure {
            throw .unplaced(failure.reason)
        } catch {
            throw .unplaced("\(error)")
        }
    }

    // MARK: Edits

    /// A text edit and what it does, for the summary.
    struct PlannedEdit {
        var edit: TextEdit
        var summary: String
    }

    /// The edits per file (relative path).
    func edits(documents: [String: YAMLDocument]) -> [String: [PlannedEdit]] {
        var result: [String: [PlannedEdit]] = [:]
        for entry in members.values {
            guard let text = documents[entry.file]?.text else { continue }
            let schemas = entry.names.map { ($0, entry.shapes[$0]!.schema()) }
            guard
                let edit = EditRenderer(text: text).insertMembers(
                    schemas, into: entry.container, hasFieldsKey: entry.hasFieldsKey)
            else { continue }
            let names = entry.names.map { "`\($0)`" }.joined(separator: ", ")
            let noun = entry.names.count == 1 ? "member" : "members"
            result[entry.file, default: []].append(
                PlannedEdit(edit: edit, summary: "\(entry.owner): new optional \(noun) \(names)"))
        }
        for entry in values.values where !entry.added.isEmpty {
            guard let text = documents[entry.file]?.text,
                let edit = EditRenderer(text: text).appendValues(entry.added, integer: entry.integer, to: entry.values)
            else { continue }
            let list = entry.added.map { "`\($0)`" }.joined(separator: ", ")
            let noun = entry.added.count == 1 ? "value" : "values"
            result[entry.file, default: []].append(
                PlannedEdit(edit: edit, summary: "\(entry.owner): new enum \(noun) \(list)"))
        }
        for entry in optionals.values {
            guard let text = documents[entry.file]?.text else { continue }
            let edit = EditRenderer(text: text).makeOptional(entry.field, required: entry.required)
            result[entry.file, default: []].append(
                PlannedEdit(edit: edit, summary: "\(entry.owner): `\(entry.name)` is no longer required"))
        }
        return result
    }
}
