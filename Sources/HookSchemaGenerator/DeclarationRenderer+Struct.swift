import HookSchemaModel

extension DeclarationRenderer {
    func renderStruct(_ structure: StructDeclaration, into printer: inout CodePrinter) {
        printer.docComment(structure.documentation.lines)
        let conformance = structure.eventType == nil ? "Codable, Hashable, Sendable, TapeDecodable" : "WebhookEvent"
        printer.block("\(access)nonisolated struct \(structure.name): \(conformance)") { printer in
            if let eventType = structure.eventType {
                printer.docComment(["The discriminator value of this event."])
                printer.print("\(access)static let eventType: String = \(Self.literal(eventType))")
                printer.blank()
            }
            renderProperties(structure.properties, into: &printer)
            printer.blank()
            renderMemberwiseInit(structure.properties, into: &printer)
            for nested in structure.nested {
                printer.blank()
                render(nested, into: &printer)
            }
            printer.blank()
            renderCodingKeys(structure.properties, into: &printer)
            printer.blank()
            renderDecoder(structure.properties, flavor: .codable, into: &printer)
            printer.blank()
            renderEncoder(structure.properties, into: &printer)
            printer.blank()
            renderDecoder(structure.properties, flavor: .tape, into: &printer)
        }
    }

    /// Deprecated members are computed properties over private storage, so the generated coding code itself never
    /// uses a deprecated declaration (and compiles without warnings). Members whose type contains the struct itself
    /// are stored as `Indirect<T>` the same way.
    private func renderProperties(_ properties: [PropertyDeclaration], into printer: inout CodePrinter) {
        for property in properties {
            printer.docComment(property.documentation.lines)
            let name = SwiftNaming.escaped(property.name)
            guard hasStorage(property) else {
                printer.print("\(access)var \(name): \(property.declaredType)")
                continue
            }
            if property.documentation.deprecated {
                printer.print("@available(*, deprecated)")
            }
            printer.block("\(access)var \(name): \(property.declaredType)") { printer in
                printer.print("get { \(storedValue(property)) }")
                printer.print("set { \(storageName(property)) = \(storing(property, "newValue")) }")
            }
            printer.print("private var \(storageName(property)): \(storageType(property))")
        }
        printer.docComment(["Members the schema does not declare, kept so that encoding writes them back."])
        printer.print("\(access)var unknownFields: UnknownFields")
    }

    /// Whether the property is computed over private storage.
    private func hasStorage(_ property: PropertyDeclaration) -> Bool {
        property.documentation.deprecated || property.isIndirect
    }

    /// The stored property's name: the property itself, or its private storage.
    private func storageName(_ property: PropertyDeclaration) -> String {
        hasStorage(property) ? "_" + property.name : SwiftNaming.escaped(property.name)
    }

    private func storageType(_ property: PropertyDeclaration) -> String {
        property.isIndirect ? "Indirect<\(property.declaredType)>" : property.declaredType
    }

    /// The expression that stores `value` (of the declared type) into the storage.
    private func storing(_ property: PropertyDeclaration, _ value: String) -> String {
        property.isIndirect ? "Indirect(\(value))" : value
    }

    /// The stored value, of the declared type.
    private func storedValue(_ property: PropertyDeclaration) -> String {
        property.isIndirect ? storageName(property) + ".value" : storageName(property)
    }

    private func renderMemberwiseInit(_ properties: [PropertyDeclaration], into printer: inout CodePrinter) {
        guard !properties.isEmpty else {
            printer.block("\(access)init(unknownFields: UnknownFields = UnknownFields())") { printer in
                printer.print("self.unknownFields = unknownFields")
            }
            return
        }
        printer.print("\(access)init(")
        printer.indent()
        // A parameter named `self` (GitHub's `_links.self`) would hide `self` in the body: it gets an inner name.
        let inner = { (property: PropertyDeclaration) in
            property.name == "self" ? "selfValue" : SwiftNaming.escaped(property.name)
        }
        for property in properties {
            let defaultValue = property.presence == .required ? "" : " = nil"
            let label = property.name == "self" ? "`self` selfValue" : SwiftNaming.escaped(property.name)
            printer.print("\(label): \(property.declaredType)\(defaultValue),")
        }
        printer.print("unknownFields: UnknownFields = UnknownFields()")
        printer.outdent()
        printer.block(")") { printer in
            for property in properties {
                let value = storing(property, inner(property))
                printer.print("self.\(storageName(property)) = \(value)")
            }
            printer.print("self.unknownFields = unknownFields")
        }
    }

    /// Members are coded with `DynamicCodingKey` and their wire names as string literals; the struct lists those
    /// names once, for `UnknownFields` to skip. A `private enum CodingKeys: String, CodingKey` per struct cost
    /// about 15% of type-checking large schema sets (its synthesized conformances and the `.member` lookups).
    private func renderCodingKeys(_ properties: [PropertyDeclaration], into printer: inout CodePrinter) {
        guard !properties.isEmpty else {
            printer.print("private typealias CodingKeys = NoCodingKeys")
            return
        }
        printer.docComment(["The wire names of the declared members."])
        printer.print("private static let codingKeyNames: Set<String> = [")
        printer.indent()
        for property in properties {
            printer.print("\(Self.literal(property.wireName)),")
        }
        printer.outdent()
        printer.print("]")
    }

    /// Plain members use the runtime's `decodeMember`/`encodeMember` family rather than `decode`/`encode`: those
    /// are overloaded per scalar type, and resolving the overloads for every member dominated type-checking large
    /// schema sets (see MemberCoding.swift in HookSchemaRuntime). The tape initialiser calls the same names on
    /// `TapeMembers`.
    private func renderDecoder(
        _ properties: [PropertyDeclaration], flavor: DecoderFlavor, into printer: inout CodePrinter
    ) {
        printer.docComment(flavor.documentation)
        printer.block("\(access)\(flavor.signature)") { printer in
            if !properties.isEmpty || flavor == .tape {
                printer.print(flavor.openMembers(mutable: !properties.isEmpty))
            }
            for property in properties {
                let expression = "try \(flavor.members)." + memberRead(property)
                printer.print("self.\(storageName(property)) = \(storing(property, expression))")
            }
            let unknownFields: String
            switch (flavor, properties.isEmpty) {
            case (.codable, true): unknownFields = "UnknownFields(from: decoder, excluding: CodingKeys.self)"
            case (.codable, false): unknownFields = "UnknownFields(from: decoder, excludingNames: Self.codingKeyNames)"
            case (.tape, true): unknownFields = "members.unknownFields()"
            case (.tape, false): unknownFields = "members.unknownFields(excludingNames: Self.codingKeyNames)"
            }
            printer.print("self.unknownFields = try \(unknownFields)")
        }
    }

    /// The call that reads one member (after `container.` or `members.`), by its presence.
    private func memberRead(_ property: PropertyDeclaration) -> String {
        let arguments = "(\(property.codingType).self, forKey: \(Self.literal(property.wireName)))"
        switch property.presence {
        case .required:
            return "decodeMember" + arguments + (property.isDate ? ".date" : "")
        case .optional:
            return "decodeMemberIfPresent" + arguments + (property.isDate ? "?.date" : "")
        case .requiredNullable:
            return "decodeNullable" + arguments + (property.isDate ? "?.date" : "")
        case .optionalNullable:
            return "decodeNullableIfPresent" + arguments + (property.isDate ? "?.map(\\.date)" : "")
        case .optionalJSON:
            return "decodeKeepingNullIfPresent" + arguments
        }
    }

    private func renderEncoder(_ properties: [PropertyDeclaration], into printer: inout CodePrinter) {
        printer.block("\(access)func encode(to encoder: any Encoder) throws") { printer in
            if !properties.isEmpty {
                printer.print("var container = encoder.container(keyedBy: DynamicCodingKey.self)")
            }
            for property in properties {
                let key = Self.literal(property.wireName)
                let value = storedValue(property)
                let statement: String
                switch property.presence {
                case .required:
                    let wrapped = property.isDate ? "RFC3339Date(\(value))" : value
                    statement = "try container.encodeMember(\(wrapped), forKey: \(key))"
                case .optional, .optionalJSON:
                    let wrapped = property.isDate ? "\(value).map(RFC3339Date.init(_:))" : value
                    statement = "try container.encodeMemberIfPresent(\(wrapped), forKey: \(key))"
                case .requiredNullable:
                    let wrapped = property.isDate ? "\(value).map(RFC3339Date.init(_:))" : value
                    statement = "try container.encodeNullable(\(wrapped), forKey: \(key))"
                case .optionalNullable:
                    let wrapped = property.isDate ? "\(value)?.map(RFC3339Date.init(_:))" : value
                    statement = "try container.encodeNullableIfPresent(\(wrapped), forKey: \(key))"
                }
                printer.print(statement)
            }
            printer.print("try unknownFields.encode(to: encoder)")
        }
    }
}
