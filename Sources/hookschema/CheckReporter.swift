import HookSchemaValidation

/// Prints `check`'s results in one of the output formats, as they come (json and junit keep the results in a
/// `Spool` until the summary, which comes first, is known).
enum CheckReporter {
    case text(TextCheckFormatter)
    case json(JSONCheckFormatter)
    case junit(JUnitCheckFormatter)
    case github(GitHubCheckFormatter)

    static func make(_ format: CheckOutputFormat, strict: Bool) -> CheckReporter {
        switch format {
        case .text: return .text(TextCheckFormatter())
        case .json: return .json(JSONCheckFormatter())
        case .junit: return .junit(JUnitCheckFormatter(strict: strict))
        case .github: return .github(GitHubCheckFormatter())
        }
    }

    mutating func add(_ result: CheckResult) throws {
        switch self {
        case .text(var formatter):
            formatter.add(result)
            self = .text(formatter)
        case .json(var formatter):
            try formatter.add(result)
            self = .json(formatter)
        case .junit(var formatter):
            try formatter.add(result)
            self = .junit(formatter)
        case .github(var formatter):
            formatter.add(result)
            self = .github(formatter)
        }
    }

    mutating func finish(_ summary: CheckSummary) throws {
        switch self {
        case .text(var formatter): formatter.finish(summary)
        case .json(var formatter): try formatter.finish(summary)
        case .junit(var formatter): try formatter.finish(summary)
        case .github(var formatter): formatter.finish(summary)
        }
    }
}

/// `source[:line]: severity: path: message`, one line per finding, then the summary. The whole body's path
/// (the empty pointer) is printed as `(body)`.
struct TextCheckFormatter {
    private var output = BufferedOutput()

    mutating func add(_ result: CheckResult) {
        for finding in result.report.findings {
            let path = finding.path.isEmpty ? "(body)" : finding.path
            output.write("\(result.location): \(finding.severity.rawValue): \(path): \(finding.message)\n")
        }
    }

    mutating func finish(_ summary: CheckSummary) {
        output.write(summary.line + "\n")
        output.flush()
    }
}

/// One JSON document: `{"summary": {…}, "results": [{"source", "line", "provider", "event", "verdict",
/// "findings"}, …]}`, a result per line.
struct JSONCheckFormatter {
    private var output = BufferedOutput()
    private var spool = Spool()
    private var count = 0

    mutating func add(_ result: CheckResult) throws {
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

    mutating func finish(_ summary: CheckSummary) throws {
        output.write(
            "{\n  \"summary\": {\"payloads\": \(summary.payloads), \"pass\": \(summary.pass), "
                + "\"drift\": \(summary.drift), \"fail\": \(summary.fail)},\n  \"results\": [")
        try spool.drain(into: &output)
        output.write(count == 0 ? "]\n}\n" : "\n  ]\n}\n")
        output.flush()
    }
}
