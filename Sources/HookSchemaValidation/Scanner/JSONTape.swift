import HookSchemaRuntime

/// The output of one pass of `JSONScanner` over a body: every JSON value as a fixed-size `JSONTapeToken`
/// (HookSchemaRuntime), in document order. The validator walks it for the drift report; generated types read
/// their values from it through `JSONTapeReader` (`TapeDecodable`).
struct JSONTape {
    typealias Token = JSONTapeToken

    /// The tokens, in document order (memory reused from body to body; see `ValidationBuffers`).
    let tokens: TrivialBuffer<Token>
}
