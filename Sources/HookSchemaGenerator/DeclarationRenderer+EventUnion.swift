import HookSchemaModel

/// One case of the provider enum.
struct EventCase: Hashable {
    var caseName: String
    var eventType: String
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
            printer.print("\(access)static let runtimeVersion: HookSchemaRuntimeVersion = .v2")
            if options.embedSchema {
                printer.blank()
                printer.docComment([
                    "The schema model these types were generated from, for validating deliveries at run time."
                ])
                printer.print("\(access)static let provider: Provider = EmbeddedSchema.provider(json: schemaJSON)")
            }
            printer.blank()
            printer.docComment(["The value of `\(provider.discriminator)`."])
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
            renderEventUnionDecoder(provider: provider, cases: cases, flavor: .codable, into: &printer)
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
            renderEventUnionDecoder(provider: provider, cases: cases, flavor: .tape, into: &printer)
        }
    }

    /// Reads the discriminator, then decodes the same value as that event's struct.
    private func renderEventUnionDecoder(
        provider: Provider, cases: [EventCase], flavor: DecoderFlavor, into printer: inout CodePrinter
    ) {
        printer.docComment(flavor.documentation)
        printer.block("\(access)\(flavor.signature)") { printer in
            printer.print(flavor.openMembers(mutable: true))
            let key = Self.literal(provider.discriminator)
            printer.print("let eventType = try \(flavor.members).decodeMember(String.self, forKey: \(key))")
            printer.print("switch eventType {")
            for eventCase in cases {
                printer.print("case \(Self.literal(eventCase.eventType)):")
                printer.indent()
                let caseName = SwiftNaming.escaped(eventCase.caseName)
                printer.print("self = .\(caseName)(try \(eventCase.typeName)\(flavor.sameValue))")
                printer.outdent()
            }
            printer.print("default:")
            printer.indent()
            printer.print("self = .unknown(eventType: eventType, body: try JSONValue\(flavor.sameValue))")
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
