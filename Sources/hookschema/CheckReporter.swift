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

/// One JSON document: `{"summary": {…}, "results": [{"source", "line", "provider", "event", "dedupeKey"
/// (only when the delivery has one), "verdict", "findings"}, …]}`, a result per line. Written as UTF-8 bytes; the `"source": …` part is encoded once per source.
final class JSONCheckFormatter: CheckFormatter {
    private var output = BufferedOutput()
    private var spool = Spool()
    private var count = 0
    /// One result's text, reused.
    private var text: [UInt8] = []
    /// The last source and its encoded `{"source": "…", "line": ` prefix.
    private var source: (name: String, prefix: [UInt8])?

    func add(_ result: CheckResult) throws {
        text.removeAll(keepingCapacity: true)
        text.append(contentsOf: (count == 0 ? "\n    " : ",\n    ").utf8)
        if source?.name != result.source {
            var prefix = Array("{\"source\": ".utf8)
            JSONText.writeString(result.source, into: &prefix)
            prefix.append(contentsOf: ", \"line\": ".utf8)
            source = (result.source, prefix)
        }
        text.append(contentsOf: source?.prefix ?? [])
        if let line = result.line {
            JSONText.writeInteger(Int64(line), into: &text)
        } else {
            text.append(contentsOf: "null".utf8)
        }
        text.append(contentsOf: ", \"provider\": ".utf8)
        writeOptional(result.report.provider)
        text.append(contentsOf: ", \"event\": ".utf8)
        writeOptional(result.report.event)
        if let key = result.report.dedupeKey {
            text.append(contentsOf: ", \"dedupeKey\": ".utf8)
            JSONText.writeString(key, into: &text)
        }
        text.append(contentsOf: ", \"verdict\": \"".utf8)
        text.append(contentsOf: result.report.verdict.rawValue.utf8)
        text.append(contentsOf: "\", \"findings\": [".utf8)
        for (position, finding) in result.report.findings.enumerated() {
            text.append(contentsOf: (position == 0 ? "\n      " : ",\n      ").utf8)
            finding.writeJSON(into: &text)
        }
        text.append(contentsOf: (result.report.findings.isEmpty ? "]}" : "\n    ]}").utf8)
        count += 1
        try spool.write(text)
    }

    private func writeOptional(_ string: String?) {
        if let string {
            JSONText.writeString(string, into: &text)
        } else {
            text.append(contentsOf: "null".utf8)
        }
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
