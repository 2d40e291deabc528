import HookSchemaModel
import Testing

@Suite struct JSONPointerTests {
    @Test func escapesTildeAndSlash() {
        #expect(JSONPointer.appending("a/b~c", to: "/payload") == "/payload/a~1b~0c")
        #expect(JSONPointer.appending("0", to: "") == "/0")
    }

    @Test func tokensRoundTrip() {
        #expect(JSONPointer.tokens(of: "/payload/a~1b~0c/0") == ["payload", "a/b~c", "0"])
        #expect(JSONPointer.tokens(of: "") == [])
        #expect(JSONPointer.tokens(of: "/") == [""])
    }
}
