/// Accumulates Swift source line by line, with indentation: the one way the renderer writes code.
struct CodePrinter {
    private(set) var text = ""
    private var indentation = 0
    private var lastLineWasBlank = true

    static let indentUnit = 4
    static let lineLimit = 120

    /// The current indentation in columns.
    var column: Int { indentation * Self.indentUnit }

    /// Prints one line at the current indentation.
    mutating func print(_ line: String) {
        if line.isEmpty {
            blank()
            return
        }
        text += String(repeating: " ", count: column) + line + "\n"
        lastLineWasBlank = false
    }

    /// Prints one empty line, never two in a row and never at the start of a block.
    mutating func blank() {
        guard !lastLineWasBlank else { return }
        text += "\n"
        lastLineWasBlank = true
    }

    mutating func indent() {
        indentation += 1
        lastLineWasBlank = true
    }

    mutating func outdent() {
        indentation -= 1
        lastLineWasBlank = false
    }

    /// Prints `opening {`, the body one level deeper, and `}`.
    mutating func block(_ opening: String, closing: String = "}", _ body: (inout CodePrinter) -> Void) {
        print(opening + " {")
        indent()
        body(&self)
        outdent()
        // A block never ends with a blank line.
        if text.hasSuffix("\n\n") {
            text.removeLast()
        }
        print(closing)
    }

    /// Prints `///` doc comment lines, wrapping each paragraph to the line limit.
    mutating func docComment(_ lines: [String]) {
        let width = Self.lineLimit - column - 4
        for line in lines {
            if line.isEmpty {
                text += String(repeating: " ", count: column) + "///\n"
                continue
            }
            for wrapped in Self.wrap(line, width: width) {
                text += String(repeating: " ", count: column) + "/// " + wrapped + "\n"
            }
        }
        if !lines.isEmpty {
            lastLineWasBlank = false
        }
    }

    /// Splits `line` at spaces into pieces of at most `width` characters (a longer word stays whole).
    static func wrap(_ line: String, width: Int) -> [String] {
        var result: [String] = []
        var current = ""
        for word in line.split(separator: " ", omittingEmptySubsequences: true) {
            if current.isEmpty {
                current = String(word)
            } else if current.count + 1 + word.count <= width {
                current += " " + word
            } else {
                result.append(current)
                current = String(word)
            }
        }
        if !current.isEmpty {
            result.append(current)
        }
        return result
    }
}
