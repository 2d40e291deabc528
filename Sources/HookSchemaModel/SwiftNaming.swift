/// How wire names become Swift names. Shared by the loader (to derive and check names up front, so that two
/// names that collide in Swift are a schema diagnostic, not a compile error) and by the renderer.
public enum SwiftNaming {
    /// `extract_run.failed` → `ExtractRunFailed`; `document-insights.extraction.completed` →
    /// `DocumentInsightsExtractionCompleted`; `PDF` → `PDF`.
    public static func typeName(_ wire: String) -> String {
        let words = self.words(wire)
        guard !words.isEmpty else { return "Value" }
        var name = words.map(capitalizedWord).joined()
        if let first = name.unicodeScalars.first, ("0"..."9").contains(first) {
            name = "_" + name
        }
        return name
    }

    /// `failureReason` → `failureReason`; `X-Plextera-Event-Id` → `xPlexteraEventId`; `parse_run_id` →
    /// `parseRunId`; `FAILED_TO_PROCESS_FILE` → `failedToProcessFile`. Swift keywords come back in backticks
    /// where a bare identifier is not allowed (use `isKeyword` to tell).
    public static func memberName(_ wire: String) -> String {
        let words = self.words(wire)
        guard let first = words.first else { return "value" }
        var name = lowercasedWord(first) + words.dropFirst().map(capitalizedWord).joined()
        if let firstScalar = name.unicodeScalars.first, ("0"..."9").contains(firstScalar) {
            name = "_" + name
        }
        return name
    }

    /// The name escaped for use as a declaration or member reference.
    public static func escaped(_ identifier: String) -> String {
        keywords.contains(identifier) ? "`\(identifier)`" : identifier
    }

    public static func isKeyword(_ identifier: String) -> Bool {
        keywords.contains(identifier)
    }

    /// Splits on anything that is not a letter or digit, and at lower→upper case changes
    /// (`extractRunId` → extract, Run, Id). A run of capitals stays one word (`URLPath` → URL, Path).
    static func words(_ wire: String) -> [String] {
        var words: [String] = []
        var current: [Unicode.Scalar] = []
        let scalars = Array(wire.unicodeScalars)
        func flush() {
            if !current.isEmpty {
                words.append(String(String.UnicodeScalarView(current)))
                current = []
            }
        }
        for (index, scalar) in scalars.enumerated() {
            // Only ASCII letters and digits make words.
            guard isASCIILetter(scalar) || isDigit(scalar) else {
                flush()
                continue
            }
            if let previous = current.last {
                let upper = isASCIIUppercase(scalar)
                let previousLower = isLowercase(previous) || isDigit(previous)
                let nextLower = index + 1 < scalars.count && isLowercase(scalars[index + 1])
                if upper && (previousLower || (isASCIIUppercase(previous) && nextLower)) {
                    flush()
                }
            }
            current.append(scalar)
        }
        flush()
        // SHOUTING_CASE (`FAILED_TO_PROCESS_FILE`, `PDF`): no lower-case letter anywhere, so the capitals carry
        // no word structure; lower-case every word.
        if !scalars.contains(where: isLowercase) {
            return words.map { $0.lowercased() }
        }
        return words
    }

    // ASCII tests without Unicode property lookups (which dominated naming at a thousand events); `isLowercase`
    // asks Unicode only for non-ASCII scalars, so that the result is the same as `properties.isLowercase`.
    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 0x30 && scalar.value <= 0x39
    }

    private static func isASCIIUppercase(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 0x41 && scalar.value <= 0x5A
    }

    private static func isASCIILetter(_ scalar: Unicode.Scalar) -> Bool {
        isASCIIUppercase(scalar) || (scalar.value >= 0x61 && scalar.value <= 0x7A)
    }

    private static func isLowercase(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? scalar.value >= 0x61 && scalar.value <= 0x7A : scalar.properties.isLowercase
    }

    private static func capitalizedWord(_ word: String) -> String {
        word.prefix(1).uppercased() + word.dropFirst()
    }

    private static func lowercasedWord(_ word: String) -> String {
        let isAllUpper = word.unicodeScalars.allSatisfy { !$0.properties.isLowercase }
        return isAllUpper ? word.lowercased() : word.prefix(1).lowercased() + word.dropFirst()
    }

    private static let keywords: Set<String> = [
        "associatedtype", "class", "deinit", "enum", "extension", "fileprivate", "func", "import", "init",
        "inout", "internal", "let", "open", "operator", "private", "precedencegroup", "protocol", "public",
        "rethrows", "static", "struct", "subscript", "typealias", "var", "break", "case", "catch", "continue",
        "default", "defer", "do", "else", "fallthrough", "for", "guard", "if", "in", "repeat", "return", "throw",
        "switch", "where", "while", "Any", "as", "false", "is", "nil", "self", "Self", "super", "throws", "true",
        "try", "Type", "Protocol",
    ]
}
