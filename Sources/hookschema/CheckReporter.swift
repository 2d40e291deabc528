import HookSchemaValidation

/// Prints `check`'s results in one of the output formats, as they come (json and junit keep the results in a
/// `Spool` until the summary, which comes first, is known). Formatters are classes: they own growing buffers,
/// which must be appended to in place, never copied.
protocol CheckFormatter: AnyObject {
    func add(_ result: CheckResult) throws
    func finish(_ summary: CheckSummary) throws
}

enum CheckReporter {
    static func make(_ format: CheckOutputFormat, strict: Bool) -> any CheckFormatter {
        switch format {
        case .text: return TextCheckFormatter()
        case .json: return JSONCheckFormatter()
        case .junit: return JUnitCheckFormatter(strict: strict)
        case .github: return GitHubCheckFormatter()
        }
    }
}

/// `source[:line]: severity: path: message`, one line per finding, then the summary. The whole body's path
/// (the empty pointer) is printed as `(body)`.
final class TextCheckFormatter: CheckFormatter {
    private var output = BufferedOutput()

    func add(_ result: CheckResult) {
        for finding in result.report.findings {
            let path = finding.path.isEmpty ? "(body)" : finding.path
            output.write("\(result.location): \(finding.severity.rawValue): \(path): \(finding.message)\n")
        }
    }

    func finish(_ summary: CheckSummary) {
        output.write(summary.line + "\n")
        output.flush()
    }
}

/// One JSON document: `{"summary": {…}, "results": [{"source", "line", "provider", "event", "verdict",
/// "findings"}, …]}`, a result per line.
final class JSONCheckFormatter: CheckFormatter {
    private var output = BufferedOutput()
    private var spool = Spool()
    private var count = 0

    func add(_ result: CheckResult) throws {
        var text = count == 0 ? "\n    {\"source\": " : ",\n    {\"source\": "
        JSONText.writeString(result.source, into: &text)
        text += ", \"line\": " + (result.line.map(String.init) ?? "null")
        text += ", \"provider\": "
        text += result.report.provider.map(JSONText.quoted) ?? "null"
        text += ", \"event\": "
        text += result.report.event.map(JSONText.quoted) ?? "null"
        text += ", \"verdict\": \"\(result.report.verdict.rawValue)\", \"findings\": ["
        for (position, finding) in result.report.findings.enumerated() {
            text += position == 0 ? "\n      " : ",\n      "
            finding.writeJSON(into: &text)
        }
        text += result.report.findings.isEmpty ? "]}" : "\n    ]}"
        count += 1
        try spool.write(text)
    }

    func finish(_ summary: CheckSummary) throws {
        output.write(
            "{\n  \"summary\": {\"payloads\": \(summary.payloads), \"pass\": \(summary.pass), "
                + "\"drift\": \(summary.drift), \"fail\": \(summary.fail)},\n  \"results\": [")
        try spool.drain(into: &output)
        output.write(count == 0 ? "]\n}\n" : "\n  ]\n}\n")
        output.flush()
    }
}
