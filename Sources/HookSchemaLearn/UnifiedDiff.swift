/// A unified diff of two texts, as `diff -u` prints it: `--- a/path` / `+++ b/path`, then `@@ -l,s +l,s @@` hunks
/// with 3 lines of context (a count of 1 written without `,1`, as GNU diff does), `\ No newline at end of file`
/// where it applies. Lines are compared with Myers' O(ND) algorithm, after the common head and tail are set aside.
public enum UnifiedDiff {
    /// The diff, or the empty string when the texts are equal.
    public static func render(
        original: String, edited: String, oldLabel: String, newLabel: String, context: Int = 3
    ) -> String {
        guard original != edited else { return "" }
        let old = Lines(original)
        let new = Lines(edited)
        // Compared as printed, so that a last line without a newline differs from the same line with one.
        let operations = diff(
            old.lines.indices.map { Substring(old.line($0)) }, new.lines.indices.map { Substring(new.line($0)) })
        var output = "--- \(oldLabel)\n+++ \(newLabel)\n"
        for hunk in hunks(operations, context: context) {
            output += hunkHeader(hunk, operations: operations)
            for operation in operations[hunk] {
                switch operation {
                case .equal(let oldIndex, _): output += " " + old.line(oldIndex)
                case .delete(let oldIndex): output += "-" + old.line(oldIndex)
                case .insert(let newIndex): output += "+" + new.line(newIndex)
                }
            }
        }
        return output
    }

    enum Operation: Equatable {
        case equal(Int, Int)
        case delete(Int)
        case insert(Int)
    }

    /// A text's lines (without their newlines) and whether the last one ends with a newline.
    struct Lines {
        var lines: [Substring]
        var lastHasNewline: Bool

        init(_ text: String) {
            var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            lastHasNewline = text.hasSuffix("\n") || text.isEmpty
            if lines.last == "" { lines.removeLast() }
            self.lines = lines
        }

        /// The line with its newline, or with the marker diff prints for a missing final newline.
        func line(_ index: Int) -> String {
            if index == lines.count - 1, !lastHasNewline {
                return lines[index] + "\n\\ No newline at end of file\n"
            }
            return lines[index] + "\n"
        }
    }

    /// The shortest edit script turning `old` into `new`: Myers' greedy algorithm on the middle part.
    static func diff(_ old: [Substring], _ new: [Substring]) -> [Operation] {
        var head = 0
        while head < old.count, head < new.count, old[head] == new[head] { head += 1 }
        var tail = 0
        while tail < old.count - head, tail < new.count - head, old[old.count - 1 - tail] == new[new.count - 1 - tail] {
            tail += 1
        }
        var operations = (0..<head).map { Operation.equal($0, $0) }
        operations += middle(Array(old[head..<(old.count - tail)]), Array(new[head..<(new.count - tail)])).map {
            switch $0 {
            case .equal(let a, let b): return .equal(a + head, b + head)
            case .delete(let a): return .delete(a + head)
            case .insert(let b): return .insert(b + head)
            }
        }
        operations += (0..<tail).map { .equal(old.count - tail + $0, new.count - tail + $0) }
        return operations
    }

    private static func middle(_ a: [Substring], _ b: [Substring]) -> [Operation] {
        let n = a.count
        let m = b.count
        if n == 0 { return (0..<m).map { .insert($0) } }
        if m == 0 { return (0..<n).map { .delete($0) } }
        let maximum = n + m
        let offset = maximum + 1
        var v = [Int](repeating: 0, count: 2 * maximum + 3)
        var trace: [[Int]] = []
        search: for d in 0...maximum {
            trace.append(v)
            for k in stride(from: -d, through: d, by: 2) {
                var x =
                    k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])
                    ? v[offset + k + 1] : v[offset + k - 1] + 1
                var y = x - k
                while x < n, y < m, a[x] == b[y] {
                    x += 1
                    y += 1
                }
                v[offset + k] = x
                if x >= n, y >= m { break search }
            }
        }
        // Walk back through the saved frontiers from (n, m) to (0, 0).
        var operations: [Operation] = []
        var x = n
        var y = m
        for d in stride(from: trace.count - 1, through: 0, by: -1) {
            let v = trace[d]
            let k = x - y
            let previousK = k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]) ? k + 1 : k - 1
            let previousX = d == 0 ? 0 : v[offset + previousK]
            let previousY = d == 0 ? 0 : previousX - previousK
            while x > previousX, y > previousY {
                x -= 1
                y -= 1
                operations.append(.equal(x, y))
            }
            if d > 0 {
                if x == previousX {
                    operations.append(.insert(previousY))
                } else {
                    operations.append(.delete(previousX))
                }
            }
            x = previousX
            y = previousY
        }
        return operations.reversed()
    }

    /// Ranges of `operations` to print: every change with up to `context` equal lines around it, hunks closer than
    /// twice the context merged.
    static func hunks(_ operations: [Operation], context: Int) -> [Range<Int>] {
        var hunks: [Range<Int>] = []
        for (index, operation) in operations.enumerated() {
            if case .equal = operation { continue }
            let start = max(0, index - context)
            let end = min(operations.count, index + context + 1)
            if let last = hunks.last, start <= last.upperBound {
                hunks[hunks.count - 1] = last.lowerBound..<max(last.upperBound, end)
            } else {
                hunks.append(start..<end)
            }
        }
        return hunks
    }

    private static func hunkHeader(_ hunk: Range<Int>, operations: [Operation]) -> String {
        var oldStart: Int?
        var newStart: Int?
        var oldCount = 0
        var newCount = 0
        var oldBefore = 0
        var newBefore = 0
        for operation in operations[..<hunk.lowerBound] {
            switch operation {
            case .equal:
                oldBefore += 1
                newBefore += 1
            case .delete: oldBefore += 1
            case .insert: newBefore += 1
            }
        }
        for operation in operations[hunk] {
            switch operation {
            case .equal(let a, let b):
                oldStart = oldStart ?? a
                newStart = newStart ?? b
                oldCount += 1
                newCount += 1
            case .delete(let a):
                oldStart = oldStart ?? a
                oldCount += 1
            case .insert(let b):
                newStart = newStart ?? b
                newCount += 1
            }
        }
        func range(_ start: Int?, _ count: Int, before: Int) -> String {
            // An empty range names the line before it (0 at the top), as diff does.
            if count == 0 { return "\(before),0" }
            let first = (start ?? before) + 1
            return count == 1 ? "\(first)" : "\(first),\(count)"
        }
        return
            "@@ -\(range(oldStart, oldCount, before: oldBefore)) +\(range(newStart, newCount, before: newBefore)) @@\n"
    }
}
