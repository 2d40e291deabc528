import HookSchemaLoader
import Testing

/// hookschema-config.yaml: every key, the defaults, and located errors.
@Suite struct GeneratorConfigTests {
    private func parse(_ marked: String) -> (GeneratorConfigResult, MarkedText) {
        let text = MarkedText(marked)
        return (GeneratorConfig.parse(text.text, path: "Sources/App/hookschema-config.yaml"), text)
    }

    @Test func readsEveryKey() throws {
        let (result, _) = parse(
            """
            accessLevel: package
            providers: [acme]
            events:
              - order.created
              - order.shipped
            typePrefix: Acme
            imports: [Foundation, Vapor]
            embedSchema: false
            """)
        #expect(result.diagnostics.isEmpty)
        #expect(
            result.config
                == GeneratorConfig(
                    accessLevel: "package", providers: ["acme"], events: ["order.created", "order.shipped"],
                    typePrefix: "Acme", imports: ["Foundation", "Vapor"], embedSchema: false
                ))
    }

    @Test func anEmptyOrCommentOnlyFileIsTheDefault() {
        for text in ["", "\n", "# Nothing set yet.\n"] {
            let result = GeneratorConfig.parse(text, path: "hookschema-config.yaml")
            #expect(result.diagnostics.isEmpty)
            #expect(result.config == GeneratorConfig())
        }
        #expect(GeneratorConfig().accessLevel == "internal")
        #expect(GeneratorConfig().embedSchema)
    }

    @Test func aSingleNameCountsAsAList() {
        let (result, _) = parse("providers: acme\nimports: Foundation\n")
        #expect(result.config?.providers == ["acme"])
        #expect(result.config?.imports == ["Foundation"])
    }

    @Test func unknownKeysAreErrorsWithASuggestion() {
        let (result, text) = parse("accessLevel: public\n1️⃣acessLevel: public\n2️⃣embed: true\n")
        let path = "Sources/App/hookschema-config.yaml"
        #expect(result.config == nil)
        #expect(
            result.diagnostics.map(\.description) == [
                "\(text.location("1️⃣", in: path)): error: unknown key `acessLevel` in a hookschema config file; "
                    + "did you mean `accessLevel`?",
                "\(text.location("2️⃣", in: path)): error: unknown key `embed` in a hookschema config file",
            ])
    }

    @Test func badValuesAreErrorsAtTheValue() {
        let (result, text) = parse(
            """
            accessLevel: 1️⃣publik
            typePrefix: 2️⃣My-Prefix
            imports: [Foundation, 3️⃣not a module]
            embedSchema: 4️⃣yes please
            providers: [acme, 5️⃣acme]
            events: 6️⃣{ a: b }
            """)
        let path = "Sources/App/hookschema-config.yaml"
        #expect(result.config == nil)
        #expect(
            result.diagnostics.map(\.description) == [
                "\(text.location("1️⃣", in: path)): error: `accessLevel` must be public, package or internal, not "
                    + "`publik`; did you mean `public`?",
                "\(text.location("2️⃣", in: path)): error: `typePrefix` must be a Swift identifier, not `My-Prefix`",
                "\(text.location("3️⃣", in: path)): error: `imports` lists `not a module`, which is not a module name",
                "\(text.location("4️⃣", in: path)): error: `embedSchema` must be true or false, not the string "
                    + "`yes please`",
                "\(text.location("5️⃣", in: path)): error: `providers` lists `acme` twice",
                "\(text.location("6️⃣", in: path)): error: `events` must be a list of strings, not a mapping",
            ])
    }

    @Test func malformedYAMLAndANonMappingAreLocated() {
        let (malformed, _) = parse("accessLevel: [public\n")
        #expect(malformed.config == nil)
        let first = malformed.diagnostics.first?.description ?? ""
        #expect(first.hasPrefix("Sources/App/hookschema-config.yaml:"))
        #expect(first.contains("error: malformed YAML"))
        let (list, _) = parse("- public\n")
        #expect(
            list.diagnostics.map(\.description) == [
                "Sources/App/hookschema-config.yaml:1:1: error: a hookschema config file must be a mapping, not a "
                    + "list"
            ])
    }
}
