import Foundation

/// A schema `pattern`, compiled once. JSON Schema semantics: a match anywhere in the string (unanchored) decides;
/// anchor with `^…$` to match the whole value. ICU syntax (via `NSRegularExpression`), which agrees with
/// ECMA-262 on the constructs schemas use (classes, anchors, quantifiers, groups, alternation).
final class Pattern: @unchecked Sendable {
    // NSRegularExpression is immutable after creation and documented as safe to use from several threads.
    let source: String
    private let expression: NSRegularExpression?
    /// A pattern that is only `^` and literal characters: a byte prefix test, no regex engine.
    private let literalPrefix: [UInt8]?

    init(_ source: String) {
        self.source = source
        self.literalPrefix = Pattern.literalPrefix(of: source)
        self.expression = literalPrefix == nil ? try? NSRegularExpression(pattern: source) : nil
    }

    /// Whether the pattern could be compiled (the loader checks patterns; this guards generated models).
    var isValid: Bool { literalPrefix != nil || expression != nil }

    func matches(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if let literalPrefix {
            return bytes.count >= literalPrefix.count && zip(literalPrefix, bytes).allSatisfy { $0 == $1 }
        }
        guard let expression else { return true }
        let string = String(decoding: bytes, as: UTF8.self)
        let range = NSRange(string.startIndex..<string.endIndex, in: string)
        return expression.firstMatch(in: string, options: [], range: range) != nil
    }

    private static func literalPrefix(of source: String) -> [UInt8]? {
        guard source.hasPrefix("^") else { return nil }
        let rest = source.utf8.dropFirst()
        let special = Set("\\^$.|?*+()[]{}".utf8)
        guard !rest.contains(where: { special.contains($0) }) else { return nil }
        return Array(rest)
    }
}
