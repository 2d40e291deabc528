import HookSchemaModel

/// Collects the diagnostics of one load, so that every problem is reported in one run.
final class DiagnosticLog {
    private(set) var diagnostics: [Diagnostic] = []

    var hasErrors: Bool { diagnostics.hasErrors }

    func error(_ message: String, at location: SourceLocation?, note: String? = nil) {
        diagnostics.append(.error(message, at: location, note: note))
    }

    func append(contentsOf other: [Diagnostic]) {
        diagnostics.append(contentsOf: other)
    }

    func warning(_ message: String, at location: SourceLocation?, note: String? = nil) {
        diagnostics.append(Diagnostic(.warning, message, at: location, note: note))
    }
}

/// Did-you-mean suggestions by edit distance.
enum Suggestion {
    /// The candidate closest to `word` (case-insensitive edit distance, a swap of neighbours counting as one
    /// edit), if it is close enough to be a plausible typo; ties go to the earlier candidate.
    static func closest(to word: String, among candidates: some Sequence<String>) -> String? {
        let target = Array(word.lowercased().unicodeScalars)
        var best: (candidate: String, distance: Int)?
        for candidate in candidates where candidate != word {
            let other = Array(candidate.lowercased().unicodeScalars)
            let distance = editDistance(target, other)
            let limit = max(1, min(3, max(target.count, other.count) / 4))
            guard distance <= limit, distance < min(target.count, other.count) else { continue }
            if let current = best, current.distance <= distance { continue }
            best = (candidate, distance)
        }
        return best?.candidate
    }

    /// "; did you mean `x`?" or "".
    static func didYouMean(_ word: String, among candidates: some Sequence<String>) -> String {
        closest(to: word, among: candidates).map { "; did you mean `\($0)`?" } ?? ""
    }

    /// Optimal-string-alignment distance: insertions, deletions, substitutions and adjacent transpositions.
    static func editDistance(_ lhs: [Unicode.Scalar], _ rhs: [Unicode.Scalar]) -> Int {
        if lhs.isEmpty { return rhs.count }
        if rhs.isEmpty { return lhs.count }
        var table = [[Int]](repeating: [Int](repeating: 0, count: rhs.count + 1), count: lhs.count + 1)
        for i in 0...lhs.count { table[i][0] = i }
        for j in 0...rhs.count { table[0][j] = j }
        for i in 1...lhs.count {
            for j in 1...rhs.count {
                let cost = lhs[i - 1] == rhs[j - 1] ? 0 : 1
                var distance = Swift.min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, lhs[i - 1] == rhs[j - 2], lhs[i - 2] == rhs[j - 1] {
                    distance = Swift.min(distance, table[i - 2][j - 2] + 1)
                }
                table[i][j] = distance
            }
        }
        return table[lhs.count][rhs.count]
    }
}
