/// A place in a source file: 1-based line and column.
public struct SourceLocation: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String { "\(file):\(line):\(column)" }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }
}

/// One problem found in a schema or config file, rendered compiler-style (`path:line:column: error: message`)
/// so that editors, `swift build` and CI annotate the line.
public struct Diagnostic: Hashable, Sendable, Error, CustomStringConvertible {
    public enum Severity: String, Hashable, Sendable, Codable {
        case error
        case warning
        case note
    }

    public var severity: Severity
    public var message: String
    public var location: SourceLocation?
    /// A follow-up hint, printed on its own `note:` line at the same location.
    public var note: String?

    public init(_ severity: Severity, _ message: String, at location: SourceLocation?, note: String? = nil) {
        self.severity = severity
        self.message = message
        self.location = location
        self.note = note
    }

    public static func error(_ message: String, at location: SourceLocation?, note: String? = nil) -> Diagnostic {
        Diagnostic(.error, message, at: location, note: note)
    }

    public var description: String {
        let prefix = location.map { "\($0): " } ?? ""
        var text = "\(prefix)\(severity.rawValue): \(message)"
        if let note {
            text += "\n\(prefix)note: \(note)"
        }
        return text
    }
}

extension Array where Element == Diagnostic {
    public var hasErrors: Bool { contains { $0.severity == .error } }

    /// Sorted by location (file, line, column), then message: a stable order for output and tests.
    public func sortedByLocation() -> [Diagnostic] {
        sorted { lhs, rhs in
            switch (lhs.location, rhs.location) {
            case let (l?, r?) where l != r: return l < r
            case (nil, _?): return true
            case (_?, nil): return false
            default: return lhs.message < rhs.message
            }
        }
    }
}

/// Problems that stopped a pipeline stage, all of them.
public struct DiagnosticsError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}
