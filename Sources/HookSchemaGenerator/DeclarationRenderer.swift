import HookSchemaModel

/// Prints declarations with one `CodePrinter`. Every generated type is `nonisolated`, so the code compiles
/// warning-free under Swift 6 strict concurrency and in targets whose default isolation is `MainActor`.
struct DeclarationRenderer {
    let options: GeneratorOptions

    /// `public ` / `package ` / `` (internal is written as nothing, as a person would).
    var access: String {
        options.accessLevel == .internal ? "" : options.accessLevel.rawValue + " "
    }

    func render(_ declaration: TypeDeclaration, into printer: inout CodePrinter) {
        switch declaration {
        case .structure(let structure): renderStruct(structure, into: &printer)
        case .enumeration(let enumeration): renderEnum(enumeration, into: &printer)
        case .union(let union): renderUnion(union, into: &printer)
        case .untaggedUnion(let union): renderUntaggedUnion(union, into: &printer)
        case .alias(let alias): renderAlias(alias, into: &printer)
        }
    }

    func renderAlias(_ alias: AliasDeclaration, into printer: inout CodePrinter) {
        printer.docComment(alias.documentation.lines)
        printer.print("\(access)typealias \(alias.name) = \(alias.target)")
        for companion in alias.companions {
            printer.blank()
            render(companion, into: &printer)
        }
    }

    func renderEnum(_ enumeration: EnumDeclaration, into printer: inout CodePrinter) {
        printer.docComment(enumeration.documentation.lines)
        let name = enumeration.name
        let rawType = enumeration.integer ? "Int" : "String"
        // An integer enum's raw values are written as they are; a string enum's as string literals.
        let literal = { (value: String) in enumeration.integer ? value : Self.literal(value) }
        if enumeration.closed {
            let conformances = "\(rawType), Codable, Hashable, Sendable, CaseIterable, TapeDecodable"
            printer.block("\(access)nonisolated enum \(name): \(conformances)") { printer in
                for enumCase in enumeration.cases {
                    printer.docComment(enumCase.documentation.lines)
                    let identifier = SwiftNaming.escaped(enumCase.name)
                    let raw =
                        enumCase.rawValue == enumCase.name && !enumeration.integer
                        ? "" : " = \(literal(enumCase.rawValue))"
                    printer.print("case \(identifier)\(raw)")
                }
            }
            return
        }
        printer.block("\(access)nonisolated enum \(name): OpenEnum") { printer in
            for enumCase in enumeration.cases {
                printer.docComment(enumCase.documentation.lines)
                printer.print("case \(SwiftNaming.escaped(enumCase.name))")
            }
            printer.docComment(["A value the schema does not list, kept as sent and written back unchanged."])
            printer.print("case unknown(\(rawType))")
            printer.blank()
            if enumeration.cases.isEmpty {
                printer.print("\(access)static let knownCases: [\(name)] = []")
            } else {
                printer.print("\(access)static let knownCases: [\(name)] = [")
                printer.indent()
                for enumCase in enumeration.cases {
                    printer.print(".\(SwiftNaming.escaped(enumCase.name)),")
                }
                printer.outdent()
                printer.print("]")
            }
            printer.blank()
            printer.block("\(access)init(rawValue: \(rawType))") { printer in
                printer.print("switch rawValue {")
                for enumCase in enumeration.cases {
                    printer.print(
                        "case \(literal(enumCase.rawValue)): self = .\(SwiftNaming.escaped(enumCase.name))"
                    )
                }
                printer.print("default: self = .unknown(rawValue)")
                printer.print("}")
            }
            printer.blank()
            printer.block("\(access)var rawValue: \(rawType)") { printer in
                printer.print("switch self {")
                for enumCase in enumeration.cases {
                    printer.print(
                        "case .\(SwiftNaming.escaped(enumCase.name)): return \(literal(enumCase.rawValue))"
                    )
                }
                printer.print("case .unknown(let rawValue): return rawValue")
                printer.print("}")
            }
        }
    }

    func renderUnion(_ union: UnionDeclaration, into printer: inout CodePrinter) {
        printer.docComment(union.documentation.lines)
        let conformances = "Codable, Hashable, Sendable, TapeDecodable"
        printer.block("\(access)nonisolated enum \(union.name): \(conformances)") { printer in
            for member in union.members {
                printer.docComment(member.documentation.lines)
                printer.print("case \(SwiftNaming.escaped(member.caseName))(\(member.typeName))")
            }
            if !union.closed {
                printer.docComment([
                    "A `\(union.discriminator)` the schema does not list, with the whole value as sent."
                ])
                printer.print("case unknown(JSONValue)")
            }
            printer.blank()
            renderUnionDecoder(union, flavor: .codable, into: &printer)
            printer.blank()
            renderCaseEncoder(union.members.map(\.caseName) + (union.closed ? [] : ["unknown"]), into: &printer)
            printer.blank()
            renderUnionDecoder(union, flavor: .tape, into: &printer)
        }
    }

    /// Decodes the member whose discriminator value matches; an unlisted value fails (closed) or is kept whole.
    private func renderUnionDecoder(_ union: UnionDeclaration, flavor: DecoderFlavor, into printer: inout CodePrinter) {
        printer.docComment(flavor.documentation)
        printer.block("\(access)\(flavor.signature)") { printer in
            printer.print(flavor.openMembers(mutable: true))
            printer.print("let discriminator = \(flavor.members).discriminator(\(Self.literal(union.discriminator)))")
            printer.print("switch discriminator {")
            for member in union.members {
                let caseName = SwiftNaming.escaped(member.caseName)
                let decode = "try \(member.typeName)\(flavor.sameValue)"
                printer.print("case \(Self.literal(member.value))?: self = .\(caseName)(\(decode))")
            }
            if union.closed {
                printer.print("default:")
                printer.indent()
                let name = Self.literal(union.discriminator)
                printer.print("throw \(flavor.members).unknownDiscriminator(\(name), discriminator)")
                printer.outdent()
            } else {
                printer.print("default: self = .unknown(try JSONValue\(flavor.sameValue))")
            }
            printer.print("}")
        }
    }

    /// `encode(to:)` of a union: each case encodes its value as the whole value.
    private func renderCaseEncoder(_ caseNames: [String], into printer: inout CodePrinter) {
        printer.block("\(access)func encode(to encoder: any Encoder) throws") { printer in
            printer.print("switch self {")
            for caseName in caseNames {
                printer.print("case .\(SwiftNaming.escaped(caseName))(let value): try value.encode(to: encoder)")
            }
            printer.print("}")
        }
    }

    /// A union without a discriminator: the first member whose shape the value has (see `UnionShape`).
    func renderUntaggedUnion(_ union: UntaggedUnionDeclaration, into printer: inout CodePrinter) {
        printer.docComment(
            union.documentation.lines + (union.documentation.lines.isEmpty ? [] : [""])
                + ["Decoded as the first member the value matches: its JSON kind, for a string its values (of a "
                    + "`const` or closed enum member) and, for an object, its required members."])
        let conformances = "Codable, Hashable, Sendable, TapeDecodable"
        printer.block("\(access)nonisolated enum \(union.name): \(conformances)") { printer in
            for member in union.members {
                printer.docComment(member.documentation.lines)
                printer.print("case \(SwiftNaming.escaped(member.caseName))(\(member.typeName))")
            }
            for declaration in union.nested {
                printer.blank()
                render(declaration, into: &printer)
            }
            printer.blank()
            renderUntaggedDecoder(union, flavor: .codable, into: &printer)
            printer.blank()
            renderCaseEncoder(union.members.map(\.caseName), into: &printer)
            printer.blank()
            renderUntaggedDecoder(union, flavor: .tape, into: &printer)
        }
    }

    private func renderUntaggedDecoder(
        _ union: UntaggedUnionDeclaration, flavor: DecoderFlavor, into printer: inout CodePrinter
    ) {
        printer.docComment(flavor.documentation)
        printer.block("\(access)\(flavor.signature)") { printer in
            printer.print("let shape = \(flavor.valueShape)")
            for (position, member) in union.members.enumerated() {
                var arguments = [Self.kinds(member.shape.kinds)]
                if !member.shape.requiredMembers.isEmpty {
                    arguments.append("requiring: [\(member.shape.requiredMembers.map(Self.literal).joined(separator: ", "))]")
                }
                if !member.shape.constants.isEmpty {
                    let pairs = member.shape.constants.map { "(\(Self.literal($0.member)), \(Self.literal($0.value)))" }
                    arguments.append("constants: [\(pairs.joined(separator: ", "))]")
                }
                if let strings = member.shape.strings {
                    arguments.append("strings: [\(strings.map(Self.literal).joined(separator: ", "))]")
                }
                let keyword = position == 0 ? "if" : "} else if"
                printer.print("\(keyword) shape.matches(\(arguments.joined(separator: ", "))) {")
                printer.indent()
                let type = member.typeName.hasSuffix("?") ? "Optional<\(member.typeName.dropLast())>" : member.typeName
                printer.print("self = .\(SwiftNaming.escaped(member.caseName))(try \(type)\(flavor.sameValue))")
                printer.outdent()
            }
            let expected = union.members.map { $0.shape.kinds.names.joined(separator: " or ") }
            var seen: Set<String> = []
            let description = expected.filter { seen.insert($0).inserted }.joined(separator: ", ")
            printer.print(union.members.isEmpty ? "do {" : "} else {")
            printer.indent()
            printer.print("throw shape.noMatch(Self.self, expected: \(Self.literal(description)))")
            printer.outdent()
            printer.print("}")
        }
    }

    /// `[.object]`, `[.integer, .string]`, `.all`: a `UnionShape.Kinds` literal.
    static func kinds(_ kinds: UnionShape.Kinds) -> String {
        if kinds == .all { return ".all" }
        var names: [String] = []
        if kinds.contains(.string) { names.append(".string") }
        if kinds.isSuperset(of: .number) {
            names.append(".number")
        } else if kinds.contains(.integer) {
            names.append(".integer")
        } else if kinds.contains(.fraction) {
            names.append(".fraction")
        }
        if kinds.contains(.boolean) { names.append(".boolean") }
        if kinds.contains(.object) { names.append(".object") }
        if kinds.contains(.array) { names.append(".array") }
        if kinds.contains(.null) { names.append(".null") }
        return "[" + names.joined(separator: ", ") + "]"
    }

    /// A Swift string literal for `text`.
    static func literal(_ text: String) -> String {
        "\"" + escape(text) + "\""
    }

    /// `text` escaped for use inside a Swift string literal.
    static func escape(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                result += "\\u{" + String(scalar.value, radix: 16) + "}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
