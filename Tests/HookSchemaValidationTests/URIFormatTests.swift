import HookSchemaModel
import HookSchemaValidation
import Testing

/// `format: uri` is RFC 3986's `URI` grammar, not only its characters. The rejected cases were found by the
/// differential suite (Tests/Differential): python-jsonschema and jsonschema-rs both reject them, and hookschema
/// accepted them when it checked characters alone.
@Suite struct URIFormatTests {
    static let validator = SchemaValidator(
        schemas: SchemaSet(providers: [
            Provider(
                name: "links", swiftName: "Links", discriminator: "type",
                events: [
                    Event(
                        type: "link", swiftName: "LinkEvent",
                        body: Schema(
                            .object(
                                ObjectRules(fields: [
                                    Field(
                                        name: "type", schema: Schema(.string(.init()), const: .string("link")),
                                        required: true),
                                    Field(name: "url", schema: Schema(.string(.init(format: .uri))), required: true),
                                ]))),
                        source: "links/link.yaml")
                ])
        ]))

    static func verdict(_ url: String) -> Verdict {
        let escaped = url.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        return validator.validate(body: Array("{\"type\": \"link\", \"url\": \"\(escaped)\"}".utf8)).verdict
    }

    @Test(arguments: [
        "https://example.com/a?b=c#d", "HTTP://X.IO", "urn:isbn:0451450523", "mailto:a@example.com", "a:", "a:b:c",
        "x+y-z.w:rest", "https://x.io/%20", "https://[::1]:80/", "https://[2001:db8::7]/", "https://[::ffff:1.2.3.4]/",
        "https://[v7.fe:80]/", "https://user:pw@host:8080/p", "https://x.io:99999/", "file:///etc/passwd",
        "https://x.io/?q=a/b?c", "https://x.io/#a/b?c", "http://-x.io", "tag:example.com,2024:x",
    ])
    func accepts(_ url: String) {
        #expect(Self.verdict(url) == .pass, "\(url)")
    }

    @Test(arguments: [
        "https://x.io/#frag#frag2", "https://user@host:port/", "https://x.io:abc/", "https://x.io/?a=[1]",
        "https://x.io/a b", "https://x.io/ä", "https://x.io/%2", "https://x.io/{a}", "https://x.io/a|b",
        "https://x.io/^", "urn:ex:\\", "h%41ttp://x", "not a uri", "/relative/path", "://missing-scheme", "1http://x",
        "https://[::1/", "https://[1:2]/", "https://[::1::2]/", "https://[12345::]/", "https://[::1.2.3.256]/",
        "https://a@b@c/", "",
    ])
    func rejects(_ url: String) {
        #expect(Self.verdict(url) == .fail, "\(url)")
    }
}
