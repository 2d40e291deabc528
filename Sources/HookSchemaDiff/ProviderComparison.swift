import HookSchemaLoader
import HookSchemaModel

/// One provider's OLD and NEW, compared: provider settings, headers, named types, events.
///
/// The wire rules follow the validator (both directions, the worse one counts): a member the other side lacks is
/// an `unknown_field` warning (drift); a missing required member, `null` where it is not allowed, another JSON type,
/// a broken constraint or format, an unknown value of a closed enum or union, or an unknown event is an error
/// (breaking). So a change that only loosens (a constraint dropped) breaks a receiver still validating with OLD, and
/// one that only tightens breaks CI checking deliveries captured under OLD; both are `breaking`, and the message
/// says which direction fails.
struct ProviderComparison {
    let old: Provider
    let new: Provider
    let oldSources: SchemaSourceMap
    let newSources: SchemaSourceMap
    private(set) var findings: [DiffFinding] = []
    private var scope: DiffScope = .provider

    init(old: Provider, new: Provider, oldSources: SchemaSourceMap, newSources: SchemaSourceMap) {
        self.old = old
        self.new = new
        self.oldSources = oldSources
        self.newSources = newSources
    }

    mutating func compare() {
        compareSettings()
        compareHeaders()
        compareTypes()
        compareEvents()
    }

    // MARK: Recording

    /// The old and new places of the value being compared.
    struct Places {
        var old: Place
        var new: Place

        func appending(_ tokens: String...) -> Places {
            var places = self
            for token in tokens {
                places.old = places.old.appending(token)
                places.new = places.new.appending(token)
            }
            return places
        }
    }

    private mutating func add(
        _ kind: DiffKind, _ pointer: String, _ places: Places, side: Side = .new, wire: WireVerdict,
        swift: SwiftVerdict, _ message: String, old oldValue: String? = nil, new newValue: String? = nil
    ) {
        let place = side == .new ? places.new : places.old
        let sources = side == .new ? newSources : oldSources
        findings.append(
            DiffFinding(
                kind: kind, provider: new.name, scope: scope, pointer: pointer,
                location: sources.location(file: place.file, path: place.path), wire: wire, swift: swift,
                message: message, old: oldValue, new: newValue))
    }

    // MARK: Provider settings and headers

    private mutating func compareSettings() {
        scope = .provider
        let places = Places(old: Place(file: old.file, path: ""), new: Place(file: new.file, path: ""))
        let envelope = places.appending("envelope")
        let selection: [(String, String?, String?)] = [
            ("discriminator", old.discriminator.nonEmpty, new.discriminator.nonEmpty),
            ("eventHeader", old.eventHeader, new.eventHeader),
            ("variant", old.variantMember, new.variantMember),
            ("payload", old.payloadField, new.payloadField),
        ]
        for (key, before, after) in selection where before != after {
            add(
                .eventSelectionChanged, "", envelope.appending(key), wire: .breaking, swift: .none,
                "envelope `\(key)` changed: deliveries are matched to events differently",
                old: before ?? "none", new: after ?? "none")
        }
        if old.swiftName != new.swiftName {
            add(
                .swiftNameChanged, "", places.appending("swiftName"), wire: .safe, swift: .sourceBreaking,
                "the provider's Swift name changed: every generated type name changes with it",
                old: old.swiftName, new: new.swiftName)
        }
        if old.dedupeKey != new.dedupeKey {
            add(
                .dedupeKeyChanged, "", places.appending("dedupeKey"), wire: .breaking, swift: .none,
                "the dedupe key changed: a receiver deduplicating on the old one keeps repeats or drops new deliveries",
                old: old.dedupeKey?.description ?? "none", new: new.dedupeKey?.description ?? "none")
        }
        if old.signature != new.signature {
            let wire: WireVerdict = old.signature == nil ? .breaking : .breaking
            add(
                .signatureChanged, "/headers", places.appending("signature"), wire: wire, swift: .none,
                old.signature == nil
                    ? "a signature scheme was added: unsigned or differently signed deliveries are rejected"
                    : new.signature == nil
                        ? "the signature scheme was removed: deliveries are no longer verified"
                        : "the signature scheme changed: signatures made the old way no longer verify",
                old: old.signature.map { "\($0.format)" } ?? "none", new: new.signature.map { "\($0.format)" } ?? "none")
        }
        if old.description != new.description {
            add(.descriptionChanged, "", places.appending("description"), wire: .safe, swift: .none,
                "the provider's description changed")
        }
    }

    private mutating func compareHeaders() {
        scope = .provider
        let places = Places(
            old: Place(file: old.file, path: "/headers"), new: Place(file: new.file, path: "/headers"))
        let before = Dictionary(old.headers.map { ($0.name.lowercased(), $0) }, uniquingKeysWith: { first, _ in first })
        let after = Dictionary(new.headers.map { ($0.name.lowercased(), $0) }, uniquingKeysWith: { first, _ in first })
        for key in Set(before.keys).union(after.keys).sorted() {
            let pointer = "/headers/" + JSONPointer.escape(after[key]?.name ?? before[key]?.name ?? key)
            switch (before[key], after[key]) {
            case (nil, let header?):
                let here = places.appending(header.name)
                if header.required {
                    add(
                        .headerAdded, pointer, here, wire: .breaking, swift: .none,
                        "required header `\(header.name)` added: deliveries captured without it fail",
                        new: "required")
                } else {
                    add(.headerAdded, pointer, here, wire: .safe, swift: .none,
                        "optional header `\(header.name)` added", new: "optional")
                }
            case (let header?, nil):
                let here = places.appending(header.name)
                add(
                    .headerRemoved, pointer, here, side: .old, wire: header.required ? .breaking : .safe, swift: .none,
                    header.required
                        ? "required header `\(header.name)` removed: a receiver validating with the old schemas fails deliveries without it"
                        : "optional header `\(header.name)` removed", old: header.required ? "required" : "optional")
            case (let before?, let after?):
                let here = Places(
                    old: places.old.appending(before.name), new: places.new.appending(after.name))
                if before.required != after.required {
                    add(
                        .headerChanged, pointer, here.appending("required"), wire: .breaking, swift: .none,
                        after.required
                            ? "header `\(after.name)` became required: deliveries captured without it fail"
                            : "header `\(after.name)` became optional: a receiver validating with the old schemas fails deliveries without it",
                        old: before.required ? "required" : "optional", new: after.required ? "required" : "optional")
                }
                if before.format != after.format {
                    add(
                        .headerChanged, pointer, here.appending("format"), wire: .breaking, swift: .none,
                        "header `\(after.name)`'s format changed", old: before.format.rawValue,
                        new: after.format.rawValue)
                }
                if before.mirrors != after.mirrors {
                    add(
                        .headerChanged, pointer, here.appending("mirrors"), wire: .breaking, swift: .none,
                        "header `\(after.name)` mirrors another body member", old: before.mirrors ?? "none",
                        new: after.mirrors ?? "none")
                }
                if before.description != after.description {
                    add(.descriptionChanged, pointer, here.appending("description"), wire: .safe, swift: .none,
                        "header `\(after.name)`'s description changed")
                }
            case (nil, nil):
                break
            }
        }
    }

    // MARK: Named types and events

    private mutating func compareTypes() {
        let before = Dictionary(old.types.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let after = Dictionary(new.types.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        for name in Set(before.keys).union(after.keys).sorted() {
            scope = .type(name)
            let places = Places(
                old: Place(file: before[name]?.source ?? old.file, path: "/types/" + JSONPointer.escape(name)),
                new: Place(file: after[name]?.source ?? new.file, path: "/types/" + JSONPointer.escape(name)))
            switch (before[name], after[name]) {
            case (nil, _?):
                add(.typeAdded, "", places, wire: .safe, swift: .additive, "type `\(name)` added")
            case (_?, nil):
                add(
                    .typeRemoved, "", places, side: .old, wire: .safe, swift: .sourceBreaking,
                    "type `\(name)` removed: its generated Swift type is gone")
            case (let before?, let after?):
                compareSchema(before.schema, after.schema, at: "", places, context: .value, depth: 0)
            case (nil, nil):
                break
            }
        }
    }

    private mutating func compareEvents() {
        let before = Dictionary(old.events.map { ($0.type, $0) }, uniquingKeysWith: { first, _ in first })
        let after = Dictionary(new.events.map { ($0.type, $0) }, uniquingKeysWith: { first, _ in first })
        let unionName = new.swiftName + "Event"
        for type in Set(before.keys).union(after.keys).sorted() {
            scope = .event(type)
            let places = Places(
                old: Place(file: before[type]?.source ?? old.file, path: ""),
                new: Place(file: after[type]?.source ?? new.file, path: ""))
            switch (before[type], after[type]) {
            case (nil, _?):
                add(
                    .eventAdded, "", places, wire: .breaking, swift: .sourceBreaking,
                    "event `\(type)` added: a receiver validating with the old schemas reports its deliveries as "
                        + "unknown events, and `\(unionName)` gains a case an exhaustive `switch` must handle")
            case (_?, nil):
                add(
                    .eventRemoved, "", places, side: .old, wire: .breaking, swift: .sourceBreaking,
                    "event `\(type)` removed: deliveries captured under the old schemas are unknown events now, and "
                        + "its struct and its case of `\(unionName)` are gone")
            case (let before?, let after?):
                if before.swiftName != after.swiftName {
                    add(
                        .swiftNameChanged, "", places.appending("swiftName"), wire: .safe, swift: .sourceBreaking,
                        "the event's Swift struct is renamed", old: before.swiftName, new: after.swiftName)
                }
                compareDocumentation(
                    before.description ?? before.body.description, after.description ?? after.body.description,
                    deprecated: (before.deprecated, after.deprecated), at: "", places)
                var oldBody = before.body
                var newBody = after.body
                // The event's own description and deprecation were compared above.
                oldBody.description = nil
                newBody.description = nil
                oldBody.deprecated = false
                newBody.deprecated = false
                compareSchema(oldBody, newBody, at: "", places, context: .eventBody, depth: 0)
            case (nil, nil):
                break
            }
        }
    }

    // MARK: Schemas

    /// Where the schema being compared sits, which decides its Swift type's shape.
    enum Context {
        /// A named type's value or a union member: `T`.
        case value
        /// An event's body: the event struct.
        case eventBody
        /// A member of an object: its presence (required, nullable) is compared by `compareField`.
        case member
        /// An array item or map value: `T?` when nullable.
        case element
    }

    private mutating func compareDocumentation(
        _ before: String?, _ after: String?, deprecated: (Bool, Bool), at pointer: String, _ places: Places
    ) {
        if before != after {
            add(
                .descriptionChanged, pointer, places.appending("description"), wire: .safe, swift: .none,
                before == nil ? "description added" : after == nil ? "description removed" : "description changed")
        }
        if deprecated.0 != deprecated.1 {
            add(
                deprecated.1 ? .deprecated : .undeprecated, pointer, places.appending("deprecated"), wire: .safe,
                swift: .none, deprecated.1 ? "marked deprecated" : "no longer deprecated")
        }
    }

    mutating func compareSchema(
        _ before: Schema, _ after: Schema, at pointer: String, _ places: Places, context: Context, depth: Int
    ) {
        if context != .eventBody {
            compareDocumentation(
                before.description, after.description, deprecated: (before.deprecated, after.deprecated), at: pointer,
                places)
        }
        if before.defaultValue != after.defaultValue {
            add(
                .defaultChanged, pointer, places.appending("default"), wire: .safe, swift: .none,
                "the documented default changed", old: before.defaultValue?.description ?? "none",
                new: after.defaultValue?.description ?? "none")
        }
        let resolvedBefore = old.resolve(before)
        let resolvedAfter = new.resolve(after)
        if context == .element || context == .value, resolvedBefore.nullable != resolvedAfter.nullable {
            let isAny = resolvedAfter.kind == .any && resolvedBefore.kind == .any
            add(
                resolvedAfter.nullable ? .becameNullable : .becameNonNullable, pointer,
                places.appending("nullable"), wire: .breaking, swift: isAny ? .none : .sourceBreaking,
                resolvedAfter.nullable
                    ? "may be `null` now: a receiver validating with the old schemas fails such deliveries"
                    : "may no longer be `null`: deliveries captured with `null` fail",
                old: resolvedBefore.nullable ? "nullable" : "not nullable",
                new: resolvedAfter.nullable ? "nullable" : "not nullable")
        }
        if before.const != after.const {
            add(
                .constChanged, pointer, places.appending("const"), wire: .breaking, swift: .none,
                before.const == nil
                    ? "now only `\(after.const!)`: deliveries captured with other values fail"
                    : after.const == nil
                        ? "no longer only `\(before.const!)`: a receiver validating with the old schemas fails other values"
                        : "the one accepted value changed", old: before.const?.description ?? "any",
                new: after.const?.description ?? "any")
        }
        compareKinds(before, after, at: pointer, places, context: context, depth: depth)
    }

    private mutating func compareKinds(
        _ before: Schema, _ after: Schema, at pointer: String, _ places: Places, context: Context, depth: Int
    ) {
        switch (before.kind, after.kind) {
        case (.ref(let oldName), .ref(let newName)) where oldName == newName:
            return  // compared once, as the named type
        case (.ref, _), (_, .ref):
            refChange(before, after, at: pointer, places, context: context, depth: depth)
        case (.string(let oldRules), .string(let newRules)):
            compareStrings(oldRules, newRules, at: pointer, places)
        case (.integer(let oldRules), .integer(let newRules)), (.number(let oldRules), .number(let newRules)):
            compareNumbers(oldRules, newRules, at: pointer, places)
        case (.boolean, .boolean), (.any, .any):
            return
        case (.enumeration(let oldRules), .enumeration(let newRules)):
            compareEnums(oldRules, newRules, at: pointer, places)
        case (.object(let oldRules), .object(let newRules)):
            compareObjects(oldRules, newRules, at: pointer, places, depth: depth)
        case (.array(let oldRules), .array(let newRules)):
            compareArrays(oldRules, newRules, at: pointer, places, depth: depth)
        case (.map(let oldRules), .map(let newRules)):
            compareMaps(oldRules, newRules, at: pointer, places, depth: depth)
        case (.union(let oldRules), .union(let newRules)):
            compareUnions(oldRules, newRules, at: pointer, places)
        case (.untaggedUnion(let oldRules), .untaggedUnion(let newRules)):
            compareUntaggedUnions(oldRules, newRules, at: pointer, places, depth: depth)
        case (.string(let rules), .enumeration(let enumRules)) where !enumRules.closed && !enumRules.integer
            && rules == StringRules():
            add(
                .typeChanged, pointer, places.appending("values"), wire: .drift, swift: .sourceBreaking,
                "a string became an open enum: deliveries captured with other values drift (unknown enum values), "
                    + "and the Swift property is an enum now", old: "string", new: "enum")
        case (.enumeration(let enumRules), .string(let rules)) where !enumRules.closed && !enumRules.integer
            && rules == StringRules():
            add(
                .typeChanged, pointer, places.appending("type"), wire: .drift, swift: .sourceBreaking,
                "an open enum became a string: a receiver validating with the old schemas sees values outside it as "
                    + "drift (unknown enum values), and the Swift property is a `String` now", old: "enum",
                new: "string")
        default:
            let oldSwift = swiftType(of: before, in: old, context: context)
            let newSwift = swiftType(of: after, in: new, context: context)
            add(
                .typeChanged, pointer, places.appending("type"), wire: .breaking,
                swift: oldSwift == newSwift ? .none : .sourceBreaking,
                "the type changed from \(describe(before)) to \(describe(after)): values of either fail the other",
                old: describe(before), new: describe(after))
        }
    }

    /// A `$ref` replaced by another `$ref`, or by an inline schema (or the other way): the values are compared
    /// through the references, and reported as one change.
    private mutating func refChange(
        _ before: Schema, _ after: Schema, at pointer: String, _ places: Places, context: Context, depth: Int
    ) {
        let oldSwift = swiftType(of: before, in: old, context: context)
        let newSwift = swiftType(of: after, in: new, context: context)
        var wire = WireVerdict.safe
        var changes = 0
        var details: [String] = []
        if depth < 16 {
            var scratch = self
            scratch.findings = []
            let resolvedBefore = old.resolve(before)
            let resolvedAfter = new.resolve(after)
            scratch.compareKinds(resolvedBefore, resolvedAfter, at: pointer, places, context: context, depth: depth + 1)
            let wireFindings = scratch.findings.filter { $0.wire > .safe }
            wire = wireFindings.map(\.wire).max() ?? .safe
            changes = wireFindings.count
            details = wireFindings.prefix(3).map { finding in
                let relative = finding.pointer.dropFirst(pointer.count)
                return "\(finding.kind.rawValue) \(relative.isEmpty ? "(here)" : String(relative))"
            }
        } else {
            wire = .breaking
        }
        var summary =
            changes == 0
            ? "the same values are accepted" : "\(changes) change\(changes == 1 ? "" : "s") to the accepted values"
        if !details.isEmpty {
            summary += ": " + details.joined(separator: ", ") + (changes > details.count ? ", …" : "")
        }
        add(
            .typeChanged, pointer, places.appending(after.isRef ? "$ref" : "type"), wire: wire,
            swift: oldSwift == newSwift ? .none : .sourceBreaking,
            "now \(describe(after)), was \(describe(before)) (\(summary))", old: describe(before),
            new: describe(after))
    }

    private mutating func compareStrings(_ before: StringRules, _ after: StringRules, at pointer: String, _ places: Places) {
        if before.format != after.format {
            let oldSwift = before.format == .datetime ? "Date" : "String"
            let newSwift = after.format == .datetime ? "Date" : "String"
            let direction =
                before.format == nil
                ? "deliveries captured under the old schemas may fail the new format"
                : after.format == nil
                    ? "a receiver validating with the old schemas fails values that are not \(before.format!.rawValue)"
                    : "values of either format fail the other"
            add(
                .formatChanged, pointer, places.appending("type"), wire: .breaking,
                swift: oldSwift == newSwift ? .none : .sourceBreaking, "the string format changed: \(direction)",
                old: before.format?.rawValue ?? "string", new: after.format?.rawValue ?? "string")
        }
        if before.pattern != after.pattern {
            let kind: DiffKind = before.pattern == nil ? .constraintTightened : after.pattern == nil ? .constraintLoosened : .constraintChanged
            constraint(kind, "pattern", at: pointer, places, old: before.pattern, new: after.pattern)
        }
        bound("minLength", before.minLength.map(Double.init), after.minLength.map(Double.init), lowerLimit: true, pointer, places)
        bound("maxLength", before.maxLength.map(Double.init), after.maxLength.map(Double.init), lowerLimit: false, pointer, places)
    }

    private mutating func compareNumbers(_ before: NumberRules, _ after: NumberRules, at pointer: String, _ places: Places) {
        bound("minimum", before.minimum, after.minimum, lowerLimit: true, pointer, places)
        bound("maximum", before.maximum, after.maximum, lowerLimit: false, pointer, places)
        bound("exclusiveMinimum", before.exclusiveMinimum, after.exclusiveMinimum, lowerLimit: true, pointer, places)
        bound("exclusiveMaximum", before.exclusiveMaximum, after.exclusiveMaximum, lowerLimit: false, pointer, places)
    }

    /// A lower or upper limit: added or raised (for a lower limit) tightens, removed or lowered loosens.
    private mutating func bound(
        _ key: String, _ before: Double?, _ after: Double?, lowerLimit: Bool, _ pointer: String, _ places: Places
    ) {
        guard before != after else { return }
        let tightened: Bool
        switch (before, after) {
        case (nil, _?): tightened = true
        case (_?, nil): tightened = false
        case (let before?, let after?): tightened = lowerLimit ? after > before : after < before
        case (nil, nil): return
        }
        constraint(
            tightened ? .constraintTightened : .constraintLoosened, key, at: pointer, places,
            old: before.map(Self.number), new: after.map(Self.number))
    }

    private static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }

    private mutating func constraint(
        _ kind: DiffKind, _ key: String, at pointer: String, _ places: Places, old before: String?, new after: String?
    ) {
        let why: String
        switch kind {
        case .constraintTightened: why = "deliveries captured under the old schemas may fail it"
        case .constraintLoosened: why = "a receiver validating with the old schemas fails values it now allows"
        default: why = "values allowed by either may fail the other"
        }
        add(
            kind, pointer, places.appending(key), side: after == nil ? .old : .new, wire: .breaking, swift: .none,
            "`\(key)` \(kind == .constraintTightened ? "tightened" : kind == .constraintLoosened ? "loosened" : "changed"): \(why)",
            old: before ?? "none", new: after ?? "none")
    }

    private mutating func compareEnums(_ before: EnumRules, _ after: EnumRules, at pointer: String, _ places: Places) {
        if before.integer != after.integer {
            add(
                .typeChanged, pointer, places.appending("type"), wire: .breaking, swift: .sourceBreaking,
                "the enum's values changed between strings and integers",
                old: before.integer ? "integer enum" : "string enum", new: after.integer ? "integer enum" : "string enum")
            return
        }
        if before.closed != after.closed {
            add(
                after.closed ? .enumClosed : .enumOpened, pointer, places.appending("closed"), wire: .breaking,
                swift: .sourceBreaking,
                after.closed
                    ? "the enum is closed now: unknown values that drifted fail, and its `unknown` case is gone"
                    : "the enum is open now: a receiver validating with the old schemas fails unknown values, and the "
                        + "Swift enum gains an `unknown` case",
                old: before.closed ? "closed" : "open", new: after.closed ? "closed" : "open")
        }
        let oldValues = Dictionary(before.values.enumerated().map { ($1.value, ($0, $1)) }, uniquingKeysWith: { a, _ in a })
        let newValues = Dictionary(after.values.enumerated().map { ($1.value, ($0, $1)) }, uniquingKeysWith: { a, _ in a })
        let open = !after.closed && !before.closed
        for value in after.values where oldValues[value.value] == nil {
            let index = newValues[value.value]!.0
            add(
                .enumValueAdded, pointer, places.appending("values", String(index)), wire: open ? .drift : .breaking,
                swift: .sourceBreaking,
                "value `\(value.value)` added: "
                    + (open
                        ? "drift (an unknown value of an open enum) for a receiver validating with the old schemas"
                        : "a receiver validating with the old schemas fails it (a closed enum)")
                    + "; an exhaustive `switch` must handle the new case", new: value.value)
        }
        for value in before.values where newValues[value.value] == nil {
            let index = oldValues[value.value]!.0
            add(
                .enumValueRemoved, pointer, places.appending("values", String(index)), side: .old,
                wire: open ? .drift : .breaking, swift: .sourceBreaking,
                "value `\(value.value)` removed: deliveries captured with it "
                    + (open ? "drift (an unknown value of an open enum)" : "fail (a closed enum)")
                    + "; its Swift case is gone", old: value.value)
        }
        for value in after.values {
            guard let (_, previous) = oldValues[value.value], let index = newValues[value.value]?.0 else { continue }
            let here = places.appending("values", String(index))
            let oldCase = previous.swiftName ?? caseName(previous.value, integer: before.integer)
            let newCase = value.swiftName ?? caseName(value.value, integer: after.integer)
            if oldCase != newCase {
                add(
                    .swiftNameChanged, pointer, here, wire: .safe, swift: .sourceBreaking,
                    "the Swift case of `\(value.value)` is renamed", old: oldCase, new: newCase)
            }
            compareDocumentation(
                previous.description, value.description, deprecated: (previous.deprecated, value.deprecated),
                at: pointer, Places(old: here.old, new: here.new))
        }
    }

    private func caseName(_ value: String, integer: Bool) -> String {
        integer ? "value\(value)" : SwiftNaming.memberName(value)
    }

    private mutating func compareObjects(
        _ before: ObjectRules, _ after: ObjectRules, at pointer: String, _ places: Places, depth: Int
    ) {
        let oldFields = Dictionary(before.fields.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let newFields = Dictionary(after.fields.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        for field in after.fields {
            let here = memberPlaces(field.name, at: pointer, places)
            let child = JSONPointer.appending(field.name, to: pointer)
            guard let previous = oldFields[field.name] else {
                add(
                    .memberAdded, child, here, wire: field.required ? .breaking : .drift, swift: .additive,
                    field.required
                        ? "required member `\(field.name)` added: deliveries captured without it fail, and a receiver "
                            + "validating with the old schemas sees an unknown member"
                        : "optional member `\(field.name)` added: drift (an unknown member) for a receiver validating "
                            + "with the old schemas", new: field.required ? "required" : "optional")
                continue
            }
            compareField(previous, field, at: child, here, depth: depth)
        }
        for field in before.fields where newFields[field.name] == nil {
            let here = memberPlaces(field.name, at: pointer, places)
            add(
                .memberRemoved, JSONPointer.appending(field.name, to: pointer), here, side: .old,
                wire: field.required ? .breaking : .drift, swift: .sourceBreaking,
                (field.required
                    ? "required member `\(field.name)` removed: a receiver validating with the old schemas fails "
                        + "deliveries without it"
                    : "optional member `\(field.name)` removed: deliveries captured with it drift (an unknown member)")
                    + "; its Swift property is gone", old: field.required ? "required" : "optional")
        }
        let oldChoices = Set(before.choices)
        let newChoices = Set(after.choices)
        for choice in after.choices where !oldChoices.contains(choice) {
            add(
                .choiceAdded, pointer, places.appending(choice.key), wire: .breaking, swift: .none,
                "\(choice.exactlyOne ? "exactly" : "at least") one of \(choice.members.map { "`\($0)`" }.joined(separator: ", ")) "
                    + "must be present now: deliveries captured under the old schemas may fail",
                new: choice.key + ": [" + choice.members.joined(separator: ", ") + "]")
        }
        for choice in before.choices where !newChoices.contains(choice) {
            add(
                .choiceRemoved, pointer, places.appending(choice.key), side: .old, wire: .breaking, swift: .none,
                "\(choice.exactlyOne ? "exactly" : "at least") one of \(choice.members.map { "`\($0)`" }.joined(separator: ", ")) "
                    + "no longer needs to be present: a receiver validating with the old schemas may fail deliveries",
                old: choice.key + ": [" + choice.members.joined(separator: ", ") + "]")
        }
    }

    /// Where a member is written: under `fields:` of its object, or for an event body's top level, in the event
    /// file's `fields:`, as its `payload:`, or in the provider's envelope.
    private func memberPlaces(_ name: String, at pointer: String, _ places: Places) -> Places {
        guard pointer.isEmpty, case .event(let type) = scope else { return places.appending("fields", name) }
        func place(_ base: Place, provider: Provider, sources: SchemaSourceMap) -> Place {
            // Decided from the provider's file alone, so that no event file is parsed for a member without a change.
            let file = provider.event(ofType: type)?.source ?? base.file
            if name == provider.payloadField { return Place(file: file, path: "/payload") }
            let envelope = Place(file: provider.file, path: "/envelope/fields/" + JSONPointer.escape(name))
            if sources.contains(file: provider.file, path: envelope.path) { return envelope }
            return Place(file: file, path: "/fields/" + JSONPointer.escape(name))
        }
        return Places(
            old: place(places.old, provider: old, sources: oldSources),
            new: place(places.new, provider: new, sources: newSources))
    }

    private mutating func compareField(_ before: Field, _ after: Field, at pointer: String, _ places: Places, depth: Int) {
        let oldResolved = old.resolve(before.schema)
        let newResolved = new.resolve(after.schema)
        let oldPresence = Presence(required: before.required, schema: oldResolved)
        let newPresence = Presence(required: after.required, schema: newResolved)
        let swift: SwiftVerdict = oldPresence.wrapper == newPresence.wrapper ? .none : .sourceBreaking
        if before.required != after.required {
            add(
                after.required ? .becameRequired : .becameOptional, pointer, places.appending("required"),
                wire: .breaking, swift: swift,
                after.required
                    ? "`\(after.name)` is required now: deliveries captured without it fail"
                    : "`\(after.name)` is optional now: a receiver validating with the old schemas fails deliveries without it",
                old: before.required ? "required" : "optional", new: after.required ? "required" : "optional")
        }
        if oldResolved.nullable != newResolved.nullable {
            add(
                newResolved.nullable ? .becameNullable : .becameNonNullable, pointer, places.appending("nullable"),
                wire: .breaking, swift: before.required != after.required ? .none : swift,
                newResolved.nullable
                    ? "`\(after.name)` may be `null` now: a receiver validating with the old schemas fails such deliveries"
                    : "`\(after.name)` may no longer be `null`: deliveries captured with `null` fail",
                old: oldResolved.nullable ? "nullable" : "not nullable",
                new: newResolved.nullable ? "nullable" : "not nullable")
        }
        let oldName = before.swiftName ?? SwiftNaming.memberName(before.name)
        let newName = after.swiftName ?? SwiftNaming.memberName(after.name)
        if oldName != newName {
            add(
                .swiftNameChanged, pointer, places.appending("swiftName"), wire: .safe, swift: .sourceBreaking,
                "the Swift property of `\(after.name)` is renamed", old: oldName, new: newName)
        }
        compareSchema(before.schema, after.schema, at: pointer, places, context: .member, depth: depth)
    }

    private mutating func compareArrays(_ before: ArrayRules, _ after: ArrayRules, at pointer: String, _ places: Places, depth: Int) {
        bound("minItems", before.minItems.map(Double.init), after.minItems.map(Double.init), lowerLimit: true, pointer, places)
        bound("maxItems", before.maxItems.map(Double.init), after.maxItems.map(Double.init), lowerLimit: false, pointer, places)
        if before.uniqueItems != after.uniqueItems {
            constraint(
                after.uniqueItems ? .constraintTightened : .constraintLoosened, "uniqueItems", at: pointer, places,
                old: before.uniqueItems ? "true" : nil, new: after.uniqueItems ? "true" : nil)
        }
        compareSchema(
            before.items, after.items, at: pointer + "/*", places.appending("items"), context: .element, depth: depth)
    }

    private mutating func compareMaps(_ before: MapRules, _ after: MapRules, at pointer: String, _ places: Places, depth: Int) {
        bound("minEntries", before.minEntries.map(Double.init), after.minEntries.map(Double.init), lowerLimit: true, pointer, places)
        bound("maxEntries", before.maxEntries.map(Double.init), after.maxEntries.map(Double.init), lowerLimit: false, pointer, places)
        bound("keyMinLength", before.keyMinLength.map(Double.init), after.keyMinLength.map(Double.init), lowerLimit: true, pointer, places)
        bound("keyMaxLength", before.keyMaxLength.map(Double.init), after.keyMaxLength.map(Double.init), lowerLimit: false, pointer, places)
        if before.keyPattern != after.keyPattern {
            let kind: DiffKind = before.keyPattern == nil ? .constraintTightened : after.keyPattern == nil ? .constraintLoosened : .constraintChanged
            constraint(kind, "keyPattern", at: pointer, places, old: before.keyPattern, new: after.keyPattern)
        }
        compareSchema(
            before.values, after.values, at: pointer + "/*", places.appending("values"), context: .element, depth: depth)
    }

    private mutating func compareUnions(_ before: UnionRules, _ after: UnionRules, at pointer: String, _ places: Places) {
        if before.discriminator != after.discriminator {
            add(
                .unionDiscriminatorChanged, pointer, places.appending("discriminator"), wire: .breaking,
                swift: .none, "the union is told apart by another member", old: before.discriminator,
                new: after.discriminator)
        }
        if before.closed != after.closed {
            add(
                after.closed ? .unionClosed : .unionOpened, pointer, places.appending("closed"), wire: .breaking,
                swift: .sourceBreaking,
                after.closed
                    ? "the union is closed now: unknown discriminator values that drifted fail, and its `unknown` case is gone"
                    : "the union is open now: a receiver validating with the old schemas fails unknown values, and the "
                        + "Swift enum gains an `unknown` case", old: before.closed ? "closed" : "open",
                new: after.closed ? "closed" : "open")
        }
        let oldMembers = Dictionary(before.mapping.map { ($0.value, $0.type) }, uniquingKeysWith: { a, _ in a })
        let newMembers = Dictionary(after.mapping.map { ($0.value, $0.type) }, uniquingKeysWith: { a, _ in a })
        let open = !before.closed && !after.closed
        for member in after.mapping {
            let here = places.appending("mapping", member.value)
            switch oldMembers[member.value] {
            case nil:
                add(
                    .unionMemberAdded, pointer, here, wire: open ? .drift : .breaking, swift: .sourceBreaking,
                    "member `\(member.value)` (`\(member.type)`) added: "
                        + (open ? "drift for a receiver validating with the old schemas" : "a receiver validating with the old schemas fails it")
                        + "; an exhaustive `switch` must handle the new case", new: member.type)
            case let type? where type != member.type:
                add(
                    .unionMemberTypeChanged, pointer, here, wire: .breaking, swift: .sourceBreaking,
                    "member `\(member.value)` is another type now", old: type, new: member.type)
            default:
                break
            }
        }
        for member in before.mapping where newMembers[member.value] == nil {
            add(
                .unionMemberRemoved, pointer, places.appending("mapping", member.value), side: .old,
                wire: open ? .drift : .breaking, swift: .sourceBreaking,
                "member `\(member.value)` (`\(member.type)`) removed: deliveries captured with it "
                    + (open ? "drift" : "fail") + "; its Swift case is gone", old: member.type)
        }
    }

    private mutating func compareUntaggedUnions(
        _ before: UntaggedUnionRules, _ after: UntaggedUnionRules, at pointer: String, _ places: Places, depth: Int
    ) {
        let oldKeys = before.members.map { memberKey($0.schema) }
        let newKeys = after.members.map { memberKey($0.schema) }
        var matched: [Int: Int] = [:]  // new index → old index
        var used: Set<Int> = []
        for (newIndex, key) in newKeys.enumerated() {
            if let oldIndex = oldKeys.indices.first(where: { !used.contains($0) && oldKeys[$0] == key }) {
                matched[newIndex] = oldIndex
                used.insert(oldIndex)
            }
        }
        for (newIndex, member) in after.members.enumerated() {
            let here = Places(
                old: places.old.appending("members", String(matched[newIndex] ?? newIndex)),
                new: places.new.appending("members", String(newIndex)))
            guard let oldIndex = matched[newIndex] else {
                add(
                    .unionMemberAdded, pointer, here, wire: .breaking, swift: .sourceBreaking,
                    "member \(describe(member.schema)) added: a receiver validating with the old schemas fails values "
                        + "only it matches; an exhaustive `switch` must handle the new case", new: describe(member.schema))
                continue
            }
            compareSchema(
                before.members[oldIndex].schema, member.schema, at: pointer, here, context: .value, depth: depth)
        }
        for (oldIndex, member) in before.members.enumerated() where !used.contains(oldIndex) {
            add(
                .unionMemberRemoved, pointer, Places(
                    old: places.old.appending("members", String(oldIndex)), new: places.new.appending("members")),
                side: .old, wire: .breaking, swift: .sourceBreaking,
                "member \(describe(member.schema)) removed: deliveries captured with values only it matched fail; its "
                    + "Swift case is gone", old: describe(member.schema))
        }
        let oldOrder = matched.sorted { $0.key < $1.key }.map(\.value)
        if oldOrder != oldOrder.sorted() {
            add(
                .unionMemberTypeChanged, pointer, places.appending("members"), wire: .breaking, swift: .none,
                "the members are in another order: a value that matches several is decoded as another member")
        }
    }

    /// What identifies an untagged union member across versions: its named type, or its kind.
    private func memberKey(_ schema: Schema) -> String {
        if case .ref(let name) = schema.kind { return "$ref:" + name }
        return describe(schema)
    }

    // MARK: Descriptions and Swift types

    /// `string`, `datetime`, `$ref: User`, `array of string`, `object`, `enum`, `union`…
    func describe(_ schema: Schema) -> String {
        switch schema.kind {
        case .string(let rules): return rules.format?.rawValue ?? "string"
        case .integer: return "integer"
        case .number: return "number"
        case .boolean: return "boolean"
        case .enumeration(let rules): return rules.integer ? "integer enum" : "enum"
        case .object: return "object"
        case .array(let rules): return "array of " + describe(rules.items)
        case .map(let rules): return "map of " + describe(rules.values)
        case .any: return "any"
        case .ref(let name): return "$ref: " + name
        case .union: return "union"
        case .untaggedUnion: return "untagged union"
        }
    }

    /// The shape of the Swift type the generator gives a value (its name for named types; `object`, `enum`, … for
    /// nested ones, whose own members are compared one by one).
    func swiftType(of schema: Schema, in provider: Provider, context: Context) -> String {
        let resolved = provider.resolve(schema)
        if case .string(let rules) = resolved.kind, rules.format == .datetime {
            return context == .member ? "Date" : "RFC3339Date"
        }
        let element: String
        switch schema.kind {
        case .string: element = "String"
        case .integer: element = "Int"
        case .number: element = "Double"
        case .boolean: element = "Bool"
        case .any: element = "JSONValue"
        case .ref(let name): element = provider.swiftName + "." + SwiftNaming.typeName(name)
        case .array(let rules): element = "[" + swiftType(of: rules.items, in: provider, context: .element) + "]"
        case .map(let rules): element = "[String: " + swiftType(of: rules.values, in: provider, context: .element) + "]"
        case .object: element = "struct"
        case .enumeration(let rules): element = rules.integer ? "Int enum" : "enum"
        case .union, .untaggedUnion: element = "enum"
        }
        if context == .element, resolved.nullable, resolved.kind != .any { return element + "?" }
        return element
    }
}

/// A member's presence, as the generator maps it to the property's type (see `Presence` in HookSchemaGenerator).
struct Presence {
    /// `T`, `T?` or `Nullable<T>?`.
    var wrapper: String

    init(required: Bool, schema: Schema) {
        if schema.kind == .any {
            wrapper = required ? "T" : "T?"
            return
        }
        switch (required, schema.nullable) {
        case (true, false): wrapper = "T"
        case (true, true), (false, false): wrapper = "T?"
        case (false, true): wrapper = "Nullable<T>?"
        }
    }
}

extension Schema {
    var isRef: Bool {
        if case .ref = kind { return true }
        return false
    }
}

extension String {
    var nonEmpty: String? { isEmpty ? nil : self }
}
