import HookSchemaModel

/// One case of the provider enum.
struct EventCase: Hashable {
    var caseName: String
    var eventType: String
    /// The discriminator's or event header's value (`issues`), and the variant (`opened`) of a header-named event.
    var selector: String
    var variant: String?
    var typeName: String
    var documentation: Documentation
}

extension DeclarationRenderer {
    /// Above this many events, `switch self` gets a `default:` (never reached): without one, Swift 6.3 gives up
    /// proving a switch over ~1,000 cases exhaustive ("unable to check that this switch is exhaustive in reasonable
    /// time"); with one, it type-checks in milliseconds. Smaller enums keep plain exhaustive switches.
    static let exhaustivenessLimit = 500

    /// The provider enum (`ExtendEvent`): a case per event, decoded by the discriminator, and a case that keeps an
    /// unknown event type's raw body.
    func renderEventUnion(
        name: String,
        provider: Provider,
        cases: [EventCase],
        documentation: Documentation,
        into printer: inout CodePrinter
    ) {
        printer.docComment(documentation.lines)
        let conformance = options.embedSchema ? "WebhookEventUnion" : "Codable, Hashable, Sendable, TapeDecodable"
        printer.block("\(access)nonisolated enum \(name): \(conformance)") { printer in
            for eventCase in cases {
                printer.docComment(eventCase.documentation.lines)
                printer.print("case \(SwiftNaming.escaped(eventCase.caseName))(\(eventCase.typeName))")
            }
            printer.docComment(["An event type the schemas do not describe, with its raw body."])
            printer.print("case unknown(eventType: String, body: JSONValue)")
            printer.blank()
            printer.docComment([
                "The runtime version this code was generated for: an older HookSchemaRuntime fails the build here."
            ])
            printer.print("\(access)static let runtimeVersion: HookSchemaRuntimeVersion = .v3")
            if let header = provider.eventHeader {
                printer.blank()
                printer.docComment(["The header that names the event: deliveries decode with their headers."])
                printer.print("\(access)static let eventHeader: String? = \(Self.literal(header))")
            }
            if options.embedSchema {
                printer.blank()
                printer.docComment([
                    "The schema model these types were generated from, for validating deliveries at run time."
                ])
                printer.print("\(access)static let provider: Provider = EmbeddedSchema.provider(json: schemaJSON)")
            }
            printer.blank()
            if provider.eventHeader != nil {
                printer.docComment([
                    "The event's name: the `\(provider.eventHeader ?? "")` header"
                        + (provider.variantMember.map { " and the body's `\($0)` (`issues.opened`)" } ?? "") + "."
                ])
            } else {
                printer.docComment(["The value of `\(provider.discriminator)`."])
            }
            printer.block("\(access)var eventType: String") { printer in
                printer.print("switch self {")
                for eventCase in cases {
                    let caseName = SwiftNaming.escaped(eventCase.caseName)
                    printer.print("case .\(caseName): return \(Self.literal(eventCase.eventType))")
                }
                printer.print("case .unknown(let eventType, _): return eventType")
                if cases.count > Self.exhaustivenessLimit {
                    printer.print("default: preconditionFailure(\"unreachable: every case is listed above\")")
                }
                printer.print("}")
            }
            printer.blank()
            if provider.eventHeader != nil {
                renderHeaderNamedDecoders(provider: provider, cases: cases, flavor: .codable, into: &printer)
            } else {
                renderEventUnionDecoder(provider: provider, cases: cases, flavor: .codable, into: &printer)
            }
            printer.blank()
            printer.block("\(access)func encode(to encoder: any Encoder) throws") { printer in
                printer.print("switch self {")
                for eventCase in cases {
                    let caseName = SwiftNaming.escaped(eventCase.caseName)
                    printer.print("case .\(caseName)(let event): try event.encode(to: encoder)")
                }
                printer.print("case .unknown(_, let body): try body.encode(to: encoder)")
                if cases.count > Self.exhaustivenessLimit {
                    printer.print("default: preconditionFailure(\"unreachable: every case is listed above\")")
                }
                printer.print("}")
            }
            printer.blank()
            if provider.eventHeader != nil {
                renderHeaderNamedDecoders(provider: provider, cases: cases, flavor: .tape, into: &printer)
            } else {
                renderEventUnionDecoder(provider: provider, cases: cases, flavor: .tape, into: &printer)
            }
        }
    }

    /// A header-named provider: the plain initialiser needs the header's value from elsewhere (the decoder's
    /// `userInfo`; the tape has none), and one taking it reads the event, then its variant from the body.
    private func renderHeaderNamedDecoders(
        provider: Provider, cases: [EventCase], flavor: DecoderFlavor, into printer: inout CodePrinter
    ) {
        let header = provider.eventHeader ?? ""
        switch flavor {
        case .codable:
            printer.docComment(["Why a body cannot be decoded without the value of its `\(header)` header."])
            printer.print("static let missingEventHeader =")
            printer.indent()
            printer.print(
                Self.literal("\(header) names the event: decode with the delivery's headers (decode(validating:headers:))"))
            printer.outdent()
            printer.blank()
            printer.docComment([
                "Decodes with the `\(header)` header's value in `decoder.userInfo[.webhookEventType]`."
            ])
            printer.block("\(access)init(from decoder: any Decoder) throws") { printer in
                printer.print("guard let eventType = decoder.userInfo[.webhookEventType] as? String else {")
                printer.indent()
                printer.print("let context = DecodingError.Context(")
                printer.indent()
                printer.print("codingPath: decoder.codingPath,")
                printer.print("debugDescription: Self.missingEventHeader + \" or set userInfo[.webhookEventType]\")")
                printer.outdent()
                printer.print("throw DecodingError.dataCorrupted(context)")
                printer.outdent()
                printer.print("}")
                printer.print("try self.init(eventType: eventType, from: decoder)")
            }
            printer.blank()
            printer.docComment(["Decodes a delivery whose `\(header)` header is `eventType`."])
            printer.block("\(access)init(eventType: String, from decoder: any Decoder) throws") { printer in
                renderHeaderNamedSwitch(provider: provider, cases: cases, flavor: flavor, into: &printer)
            }
        case .tape:
            printer.docComment(["Fails: the event type is in the `\(header)` header (see `init(tape:at:eventType:)`)."])
            printer.block("\(access)\(flavor.signature)") { printer in
                printer.print("throw TapeDecodingError(index: index, Self.missingEventHeader)")
            }
            printer.blank()
            printer.docComment([
                "Reads the value from a scanned body's tape, `eventType` being the `\(header)` header's value."
            ])
            let signature = "init(tape: JSONTapeReader, at index: Int, eventType: String?) throws(TapeDecodingError)"
            printer.block("\(access)\(signature)") { printer in
                printer.print("guard let eventType else {")
                printer.indent()
                printer.print("throw TapeDecodingError(index: index, Self.missingEventHeader)")
                printer.outdent()
                printer.print("}")
                renderHeaderNamedSwitch(provider: provider, cases: cases, flavor: flavor, into: &printer)
            }
        }
    }

    private func renderHeaderNamedSwitch(
        provider: Provider, cases: [EventCase], flavor: DecoderFlavor, into printer: inout CodePrinter
    ) {
        let bySelector = Dictionary(grouping: cases, by: \.selector)
        let hasVariants = cases.contains { $0.variant != nil }
        if hasVariants {
            printer.print(flavor.openMembers(mutable: true))
        }
        let unknownBody = "try JSONValue\(flavor.sameValue)"
        printer.print("switch eventType {")
        for selector in bySelector.keys.sorted() {
            let group = bySelector[selector] ?? []
            printer.print("case \(Self.literal(selector)):")
            printer.indent()
            let variants = group.filter { $0.variant != nil }
            let plain = group.first { $0.variant == nil }
            if variants.isEmpty, let plain {
                printer.print("self = .\(SwiftNaming.escaped(plain.caseName))(try \(plain.typeName)\(flavor.sameValue))")
            } else {
                let member = Self.literal(provider.variantMember ?? "")
                printer.print("let variant = \(flavor.members).discriminator(\(member))")
                printer.print("switch variant {")
                for eventCase in variants {
                    let caseName = SwiftNaming.escaped(eventCase.caseName)
                    printer.print(
                        "case \(Self.literal(eventCase.variant ?? ""))?: "
                            + "self = .\(caseName)(try \(eventCase.typeName)\(flavor.sameValue))")
                }
                printer.print("default:")
                printer.indent()
                if let plain {
                    printer.print("self = .\(SwiftNaming.escaped(plain.caseName))(try \(plain.typeName)\(flavor.sameValue))")
                } else {
                    printer.print("let name = variant.map { \(Self.literal(selector + ".")) + $0 } ?? \(Self.literal(selector))")
                    printer.print("self = .unknown(eventType: name, body: \(unknownBody))")
                }
                printer.outdent()
                printer.print("}")
            }
            printer.outdent()
        }
        printer.print("default:")
        printer.indent()
        printer.print("self = .unknown(eventType: eventType, body: \(unknownBody))")
        printer.outdent()
        printer.print("}")
    }

    /// Reads the discriminator, then decodes the same value as that event's struct.
    private func renderEventUnionDecoder(
        provider: Provider, cases: [EventCase], flavor: DecoderFlavor, into printer: inout CodePrinter
    ) {
        printer.docComment(flavor.documentation)
        printer.block("\(access)\(flavor.signature)") { printer in
            printer.print(flavor.openMembers(mutable: true))
            let key = Self.literal(provider.discriminator)
            // An integer discriminator (Discord's `type: 1`) is read as an `Int`; its event types are its decimal text.
            let integer = provider.discriminatorIsInteger
            let valueType = integer ? "Int" : "String"
            printer.print("let eventType = try \(flavor.members).decodeMember(\(valueType).self, forKey: \(key))")
            printer.print("switch eventType {")
            for eventCase in cases {
                printer.print("case \(integer ? eventCase.eventType : Self.literal(eventCase.eventType)):")
                printer.indent()
                let caseName = SwiftNaming.escaped(eventCase.caseName)
                printer.print("self = .\(caseName)(try \(eventCase.typeName)\(flavor.sameValue))")
                printer.outdent()
            }
            printer.print("default:")
            printer.indent()
            let name = integer ? "String(eventType)" : "eventType"
            printer.print("self = .unknown(eventType: \(name), body: try JSONValue\(flavor.sameValue))")
            printer.outdent()
            printer.print("}")
        }
    }

    /// The embedded schema: one raw string literal holding the provider model as compact JSON (one literal
    /// compiles fast, however many events there are).
    func renderEmbeddedSchema(unionName: String, json: String, into printer: inout CodePrinter) {
        let hashes = String(repeating: "#", count: Self.longestHashRun(in: json) + 1)
        printer.block("extension \(unionName)") { printer in
            printer.docComment(["The schema model, as compact JSON; decoded once, by `provider`."])
            printer.print("static let schemaJSON: String = \(hashes)\"\(json)\"\(hashes)")
        }
    }

    /// The longest run of `#` right after a `"` or `\` in `text`: a raw string literal needs one `#` more than
    /// that (one pass over the bytes, however large the schema is).
    static func longestHashRun(in text: String) -> Int {
        var longest = 0
        var run: Int?
        for byte in text.utf8 {
            if byte == UInt8(ascii: "#"), let current = run {
                run = current + 1
                longest = max(longest, current + 1)
            } else {
                run = byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") ? 0 : nil
            }
        }
        return longest
    }
}
