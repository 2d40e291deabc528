import Foundation
import Testing

@testable import HookSchemaLearn

/// `UnifiedDiff` against what `diff -u` prints, and the YAML text positions the edits are computed from.
@Suite struct UnifiedDiffTests {
    let old = (1...20).map { "line \($0)" }.joined(separator: "\n") + "\n"

    @Test func equalTextsHaveNoDiff() {
        #expect(UnifiedDiff.render(original: old, edited: old, oldLabel: "a/x", newLabel: "b/x") == "")
    }

    @Test func oneInsertionHasThreeLinesOfContext() {
        let new = old.replacingOccurrences(of: "line 10\n", with: "line 10\ninserted\n")
        #expect(
            UnifiedDiff.render(original: old, edited: new, oldLabel: "a/x", newLabel: "b/x") == """
                --- a/x
                +++ b/x
                @@ -8,6 +8,7 @@
                 line 8
                 line 9
                 line 10
                +inserted
                 line 11
                 line 12
                 line 13

                """)
    }

    @Test func nearbyChangesShareAHunkAndCountsOfOneAreBare() {
        let new = old.replacingOccurrences(of: "line 1\n", with: "first\n")
            .replacingOccurrences(of: "line 5\n", with: "")
            .replacingOccurrences(of: "line 20\n", with: "line 20\nlast\n")
        #expect(
            UnifiedDiff.render(original: old, edited: new, oldLabel: "a/x", newLabel: "b/x") == """
                --- a/x
                +++ b/x
                @@ -1,8 +1,7 @@
                -line 1
                +first
                 line 2
                 line 3
                 line 4
                -line 5
                 line 6
                 line 7
                 line 8
                @@ -18,3 +17,4 @@
                 line 18
                 line 19
                 line 20
                +last

                """)
        let one = UnifiedDiff.render(original: "a\n", edited: "b\n", oldLabel: "a/x", newLabel: "b/x")
        #expect(one == "--- a/x\n+++ b/x\n@@ -1 +1 @@\n-a\n+b\n")
        let fromEmpty = UnifiedDiff.render(original: "", edited: "a\n", oldLabel: "a/x", newLabel: "b/x")
        #expect(fromEmpty == "--- a/x\n+++ b/x\n@@ -0,0 +1 @@\n+a\n")
    }

    @Test func aMissingFinalNewlineIsMarked() {
        let diff = UnifiedDiff.render(original: "a\nb", edited: "a\nb\nc\n", oldLabel: "a/x", newLabel: "b/x")
        #expect(diff == "--- a/x\n+++ b/x\n@@ -1,2 +1,3 @@\n a\n-b\n\\ No newline at end of file\n+b\n+c\n")
    }

    /// Random edits of a text, compared with `/usr/bin/diff -u` where it is installed.
    @Test func matchesDiffU() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/diff") else { return }
        var generator = SystemRandomNumberGenerator()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("learn-diff-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for _ in 0..<30 {
            var lines = (1...60).map { "l\($0 % 7)" }
            for _ in 0..<Int.random(in: 1...6, using: &generator) {
                let index = Int.random(in: 0..<lines.count, using: &generator)
                switch Int.random(in: 0..<3, using: &generator) {
                case 0: lines.remove(at: index)
                case 1: lines.insert("new \(index)", at: index)
                default: lines[index] = "changed \(index)"
                }
            }
            let original = (1...60).map { "l\($0 % 7)" }.joined(separator: "\n") + "\n"
            let edited = lines.joined(separator: "\n") + "\n"
            try original.write(to: folder.appendingPathComponent("old"), atomically: true, encoding: .utf8)
            try edited.write(to: folder.appendingPathComponent("new"), atomically: true, encoding: .utf8)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/diff")
            process.arguments = ["-u", "--label", "a/x", "--label", "b/x", "old", "new"]
            process.currentDirectoryURL = folder
            let pipe = Pipe()
            process.standardOutput = pipe
            try process.run()
            let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            let ours = UnifiedDiff.render(original: original, edited: edited, oldLabel: "a/x", newLabel: "b/x")
            // Equal-cost scripts may differ in which of two equal lines they keep; the hunks then differ too. Applying
            // ours must give the edited text, and when diff's script has our size, the output is the same.
            #expect(apply(ours, to: original) == edited)
            if changedLines(ours) == changedLines(output) {
                #expect(ours == output, "\(original)\n→\n\(edited)")
            }
        }
    }

    private func changedLines(_ diff: String) -> Int {
        diff.split(separator: "\n").filter {
            ($0.hasPrefix("+") || $0.hasPrefix("-")) && !$0.hasPrefix("+++") && !$0.hasPrefix("---")
        }.count
    }

    /// Applies a unified diff (of texts ending with a newline) to `text`.
    private func apply(_ diff: String, to text: String) -> String {
        var old = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
        var offset = 0
        var lines = diff.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)[2...]
        while let header = lines.first {
            lines = lines.dropFirst()
            let numbers = header.split(separator: " ")[1].dropFirst().split(separator: ",")
            var position = Int(numbers[0])! - (numbers.count > 1 && numbers[1] == "0" ? 0 : 1) + offset
            while let line = lines.first, !line.hasPrefix("@@") {
                lines = lines.dropFirst()
                switch line.first {
                case "-":
                    old.remove(at: position)
                    offset -= 1
                case "+":
                    old.insert(String(line.dropFirst()), at: position)
                    position += 1
                    offset += 1
                default: position += 1
                }
            }
        }
        return old.joined(separator: "\n") + "\n"
    }
}

@Suite struct YAMLTextTests {
    @Test func flowCloseSkipsQuotesAndComments() throws {
        let text = YAMLText("a: { b: \"}\", c: '}''', d: [1, 2], # }\n  e: f } # x\n")
        let (close, last) = try #require(text.flowClose(from: 3))
        #expect(text.bytes[close] == UInt8(ascii: "}"))
        #expect(close == text.bytes.count - 6)
        #expect(text.bytes[last] == UInt8(ascii: "f"))
    }

    @Test func aBlockEndsAtTheFirstLineIndentedNoFurther() {
        let text = YAMLText(
            """
            a:
              b: |
                # not a comment: block scalar text

                more
              # a comment of a
            # a comment at the left
              c: d
            e: f
            """)
        #expect(text.lastLine(ofBlockStartingAt: 1, column: 2) == 4)
        #expect(text.lastLine(ofBlockStartingAt: 0, column: 0) == 7)
    }

    @Test func marksAreUnicodeScalarColumns() {
        let text = YAMLText("é: ü\nx: y\n")
        #expect(text.offset(line: 1, column: 4) == 4)
        #expect(text.offset(line: 2, column: 1) == 7)
        #expect(text.lineIndex(of: 7) == 1)
    }
}
