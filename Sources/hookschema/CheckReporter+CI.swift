import Foundation
import HookSchemaModel
import HookSchemaValidation

/// JUnit XML: one `<testcase>` per payload (class name: the provider, name: the source and event), a `<failure>`
/// listing the errors of a failing payload (and the warnings of a drifting one, under `--strict`).
final class JUnitCheckFormatter: CheckFormatter {
    let strict: Bool
    private var output = BufferedOutput()
    private var spool = Spool()
    private var failures = 0

    init(strict: Bool) {
        self.strict = strict
    }

    func add(_ result: CheckResult) throws {
        let report = result.report
        let failing = report.findings.filter { $0.severity == .error || strict }
        let name = result.location + (report.event.map { " (\($0))" } ?? "")
        var text = "    <testcase classname=\"\(escape(report.provider ?? "unknown"))\" name=\"\(escape(name))\""
        let listed = report.findings.map { "\($0.severity.rawValue): \($0.kind.rawValue) at \($0.path.isEmpty ? "(body)" : $0.path): \($0.message)" }
        if failing.isEmpty {
            if listed.isEmpty {
                text += "/>\n"
            } else {
                text += ">\n      <system-out>\(escape(listed.joined(separator: "\n"), inAttribute: false))</system-out>\n    </testcase>\n"
            }
        } else {
            failures += 1
            let message = "\(failing.count) finding\(failing.count == 1 ? "" : "s"): \(failing[0].message)"
            text += ">\n      <failure type=\"\(report.verdict.rawValue)\" message=\"\(escape(message))\">"
            text += escape(listed.joined(separator: "\n"), inAttribute: false)
            text += "</failure>\n    </testcase>\n"
        }
        try spool.write(text)
    }

    func finish(_ summary: CheckSummary) throws {
        let counts = "tests=\"\(summary.payloads)\" failures=\"\(failures)\" errors=\"0\""
        output.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        output.write("<testsuites name=\"hookschema check\" \(counts)>\n")
        output.write("  <testsuite name=\"hookschema check\" \(counts) skipped=\"0\">\n")
        try spool.drain(into: &output)
        output.write("  </testsuite>\n</testsuites>\n")
        output.flush()
    }

    private func escape(_ text: String, inAttribute: Bool = true) -> String {
        CIText.xml(text, inAttribute: inAttribute)
    }
}

/// GitHub Actions workflow commands: `::error file=…,line=…,title=…::message` per finding (`::warning` for
/// drift), then the summary as a plain line.
final class GitHubCheckFormatter: CheckFormatter {
    private var output = BufferedOutput()

    func add(_ result: CheckResult) {
        for finding in result.report.findings {
            var properties = "file=\(escapeProperty(result.source))"
            if let line = result.line {
                properties += ",line=\(line)"
            }
            let path = finding.path.isEmpty ? "(body)" : finding.path
            properties += ",title=\(escapeProperty("\(finding.kind.rawValue) at \(path)"))"
            let command = finding.severity == .error ? "error" : "warning"
            output.write("::\(command) \(properties)::\(escapeData("\(path): \(finding.message)"))\n")
        }
    }

    func finish(_ summary: CheckSummary) {
        output.write(summary.line + "\n")
        output.flush()
    }

    private func escapeData(_ text: String) -> String {
        CIText.githubData(text)
    }

    private func escapeProperty(_ text: String) -> String {
        CIText.githubProperty(text)
    }
}
