import Foundation
import HookSchemaModel

/// `--format`: how `hookschema diff` prints its report.
public enum DiffFormat: String, Hashable, Sendable, CaseIterable {
    /// A readable summary grouped by provider, event and type.
    case text
    /// Stable and documented (Schemas/README.md, "Reviewing a schema change"): `version` 1.
    case json
    /// A pull-request comment.
    case markdown
    /// JUnit XML: a test case per event or type, a failure per finding that reaches `--fail-on`.
    case junit
    /// GitHub Actions workflow commands: an annotation on the YAML line of each change.
    case github
    /// SARIF 2.1.0, for code-scanning tools.
    case sarif
}

extension DiffReport {
    /// The report in `format`; `failOn` decides which findings are errors in the formats that have levels.
    public func rendered(as format: DiffFormat, failOn: FailLevel) -> String {
        switch format {
        case .text: return DiffText(report: self).render()
        case .json: return DiffJSON.render(self, failOn: failOn)
        case .markdown: return DiffMarkdown(report: self).render()
        case .junit: return DiffJUnit.render(self, failOn: failOn)
        case .github: return DiffGitHub.render(self, failOn: failOn)
        case .sarif: return DiffSARIF.render(self, failOn: failOn)
        }
    }

    /// Findings grouped by provider, then scope, in report order.
    var groups: [(provider: String, scope: DiffScope, findings: [DiffFinding])] {
        var result: [(provider: String, scope: DiffScope, findings: [DiffFinding])] = []
        for finding in findings {
            if let last = result.last, last.provider == finding.provider, last.scope == finding.scope {
                result[result.count - 1].findings.append(finding)
            } else {
                result.append((finding.provider, finding.scope, [finding]))
            }
        }
        return result
    }

    /// The events a type's change reaches, for a type scope.
    func events(using scope: DiffScope, provider: String) -> [String] {
        guard case .type(let name) = scope else { return [] }
        return usage[provider]?[name] ?? []
    }

    /// "3 changes: 2 breaking on the wire, 1 drift; 1 source-breaking, 1 additive".
    public var summary: String {
        guard !findings.isEmpty else { return "no changes" }
        func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)" }
        let wire = WireVerdict.allCases.reversed().compactMap { verdict -> String? in
            let n = findings.filter { $0.wire == verdict }.count
            guard n > 0, verdict != .safe else { return nil }
            return count(n, verdict == .breaking ? "breaking on the wire" : "drift")
        }
        let swift = SwiftVerdict.allCases.reversed().compactMap { verdict -> String? in
            let n = findings.filter { $0.swift == verdict }.count
            guard n > 0, verdict != .none else { return nil }
            return count(n, verdict.rawValue)
        }
        var parts: [String] = []
        if !wire.isEmpty { parts.append(wire.joined(separator: ", ")) }
        if !swift.isEmpty { parts.append(swift.joined(separator: ", ")) }
        let head = "\(findings.count) change\(findings.count == 1 ? "" : "s")"
        return parts.isEmpty ? head + " (all safe)" : head + ": " + parts.joined(separator: "; ")
    }
}

extension DiffFinding {
    /// `/pull_request/state` or `(whole)` for the root.
    var pointerText: String { pointer.isEmpty ? "(root)" : pointer }

    /// The headline: kind and where.
    var headline: String { "\(kind.rawValue) \(pointerText)" }
}

// MARK: text

struct DiffText {
    let report: DiffReport

    func render() -> String {
        var out = ""
        var provider: String?
        for group in report.groups {
            if group.provider != provider {
                provider = group.provider
                let count = report.findings.filter { $0.provider == group.provider }.count
                out += "\(group.provider): \(count) change\(count == 1 ? "" : "s")\n"
            }
            out += "  \(group.scope)\n"
            let events = report.events(using: group.scope, provider: group.provider)
            if !events.isEmpty {
                out += Self.wrapped(
                    "held by \(events.count) event\(events.count == 1 ? "" : "s"): " + events.joined(separator: ", "),
                    indent: "    ")
            }
            for finding in group.findings {
                out += "    \(finding.headline)  wire: \(finding.wire.rawValue)  swift: \(finding.swift.rawValue)\n"
                var detail = finding.message
                if let location = finding.location {
                    detail += " (\(location))"
                }
                out += Self.wrapped(detail, indent: "      ")
            }
        }
        out += report.summary + "\n"
        return out
    }

    /// `text` broken between words at 118 columns, each line indented.
    static func wrapped(_ text: String, indent: String) -> String {
        var out = ""
        var line = indent
        for word in text.split(separator: " ") {
            if line.count > indent.count && line.count + 1 + word.count > 118 {
                out += line + "\n"
                line = indent + "  "
            } else if line.count > indent.count {
                line += " "
            }
            line += word
        }
        return out + line + "\n"
    }
}

// MARK: json

enum DiffJSON {
    struct Document: Encodable {
        var version = 1
        var summary: Summary
        var findings: [Entry]
    }

    struct Summary: Encodable {
        var changes: Int
        var wire: [String: Int]
        var swift: [String: Int]
        var failing: Int
    }

    struct Entry: Encodable {
        var kind: String
        var provider: String
        var scope: String
        var name: String
        var pointer: String
        var file: String?
        var line: Int?
        var column: Int?
        var wire: String
        var swift: String
        var message: String
        var old: String?
        var new: String?
        var events: [String]?
        var fails: Bool
    }

    static func render(_ report: DiffReport, failOn: FailLevel) -> String {
        let entries = report.findings.map { finding in
            let events = report.events(using: finding.scope, provider: finding.provider)
            return Entry(
                kind: finding.kind.rawValue, provider: finding.provider, scope: finding.scope.kind,
                name: finding.scope.name, pointer: finding.pointer, file: finding.location?.file,
                line: finding.location?.line, column: finding.location?.column, wire: finding.wire.rawValue,
                swift: finding.swift.rawValue, message: finding.message, old: finding.old, new: finding.new,
                events: events.isEmpty ? nil : events, fails: failOn.isReached(by: finding))
        }
        let summary = Summary(
            changes: report.findings.count,
            wire: Dictionary(uniqueKeysWithValues: WireVerdict.allCases.map { verdict in
                (verdict.rawValue, report.findings.filter { $0.wire == verdict }.count)
            }),
            swift: Dictionary(uniqueKeysWithValues: SwiftVerdict.allCases.map { verdict in
                (verdict.rawValue, report.findings.filter { $0.swift == verdict }.count)
            }),
            failing: report.findings.filter { failOn.isReached(by: $0) }.count)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(Document(summary: summary, findings: entries))) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}

// MARK: markdown

struct DiffMarkdown {
    let report: DiffReport

    func render() -> String {
        var out = "### hookschema diff\n\n"
        guard !report.findings.isEmpty else { return out + "No schema changes.\n" }
        out += report.summary.prefix(1).uppercased() + report.summary.dropFirst() + ".\n\n"
        out += "| | wire | swift |\n|---|---|---|\n"
        let wire = WireVerdict.allCases.reversed().map { v in "\(v.rawValue) \(report.findings.filter { $0.wire == v }.count)" }
        let swift = SwiftVerdict.allCases.reversed().map { v in "\(v.rawValue) \(report.findings.filter { $0.swift == v }.count)" }
        out += "| changes | \(wire.joined(separator: " · ")) | \(swift.joined(separator: " · ")) |\n\n"
        for group in report.groups {
            out += "<details\(group.findings.contains { $0.wire == .breaking || $0.swift == .sourceBreaking } ? " open" : "")>"
            out += "<summary><b>\(escape(group.provider)) · \(escape(group.scope.description))</b> — "
            out += "\(group.findings.count) change\(group.findings.count == 1 ? "" : "s")</summary>\n\n"
            let events = report.events(using: group.scope, provider: group.provider)
            if !events.isEmpty {
                out += "Held by \(events.count) event\(events.count == 1 ? "" : "s"): "
                out += events.prefix(10).map { "`\($0)`" }.joined(separator: ", ") + (events.count > 10 ? ", …" : "") + ".\n\n"
            }
            out += "| where | change | wire | swift | details |\n|---|---|---|---|---|\n"
            for finding in group.findings {
                let place = finding.location.map { "`\($0.file):\($0.line)`" } ?? ""
                out += "| `\(escape(finding.pointerText))` \(place) | \(finding.kind.rawValue) | \(badge(finding.wire.rawValue, bad: finding.wire == .breaking)) "
                out += "| \(badge(finding.swift.rawValue, bad: finding.swift == .sourceBreaking)) | \(escape(finding.message)) |\n"
            }
            out += "\n</details>\n\n"
        }
        return out
    }

    private func badge(_ text: String, bad: Bool) -> String {
        bad ? "**\(text)**" : text
    }

    private func escape(_ text: String) -> String {
        text.replacing("|", with: "\\|").replacing("\n", with: " ").replacing("<", with: "&lt;")
    }
}

// MARK: junit

enum DiffJUnit {
    static func render(_ report: DiffReport, failOn: FailLevel) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        let failures = report.findings.filter { failOn.isReached(by: $0) }.count
        out += "<testsuites name=\"hookschema diff\" tests=\"\(report.groups.count)\" failures=\"\(failures)\">\n"
        let providers = Dictionary(grouping: report.groups, by: \.provider)
        for provider in providers.keys.sorted() {
            let groups = providers[provider] ?? []
            let failing = groups.flatMap(\.findings).filter { failOn.isReached(by: $0) }.count
            out += "  <testsuite name=\"\(xml(provider))\" tests=\"\(groups.count)\" failures=\"\(failing)\">\n"
            for group in groups {
                out += "    <testcase classname=\"\(xml(provider))\" name=\"\(xml(group.scope.description))\""
                if let file = group.findings.compactMap(\.location).first?.file {
                    out += " file=\"\(xml(file))\""
                }
                out += ">\n"
                for finding in group.findings where failOn.isReached(by: finding) {
                    out += "      <failure type=\"\(finding.kind.rawValue)\" message=\"\(xml(finding.headline + ": " + finding.message))\">"
                    out += xml(detail(finding), inAttribute: false) + "</failure>\n"
                }
                let passing = group.findings.filter { !failOn.isReached(by: $0) }
                if !passing.isEmpty {
                    out += "      <system-out>" + xml(passing.map(detail).joined(separator: "\n"), inAttribute: false)
                        + "</system-out>\n"
                }
                out += "    </testcase>\n"
            }
            out += "  </testsuite>\n"
        }
        out += "</testsuites>\n"
        return out
    }

    private static func detail(_ finding: DiffFinding) -> String {
        var text = "\(finding.headline) (wire: \(finding.wire.rawValue), swift: \(finding.swift.rawValue)): \(finding.message)"
        if let location = finding.location {
            text += " at \(location)"
        }
        return text
    }

    static func xml(_ text: String, inAttribute: Bool = true) -> String {
        CIText.xml(text, inAttribute: inAttribute)
    }
}

// MARK: github

enum DiffGitHub {
    /// `::error file=…,line=…,col=…,title=…::message` per finding: errors for what reaches `--fail-on`, warnings
    /// for the rest of the wire drift and source-breaking changes, notices for safe ones; then the summary.
    static func render(_ report: DiffReport, failOn: FailLevel) -> String {
        var out = ""
        for finding in report.findings {
            let level =
                failOn.isReached(by: finding)
                ? "error" : (finding.wire > .safe || finding.swift == .sourceBreaking) ? "warning" : "notice"
            var properties: [String] = []
            if let location = finding.location {
                properties.append("file=" + property(location.file))
                properties.append("line=\(location.line)")
                properties.append("col=\(location.column)")
            }
            let title = "\(finding.kind.rawValue) (wire: \(finding.wire.rawValue), swift: \(finding.swift.rawValue))"
            properties.append("title=" + property(title))
            let message = "\(finding.provider) \(finding.scope) \(finding.pointerText): \(finding.message)"
            out += "::\(level) \(properties.joined(separator: ","))::\(data(message))\n"
        }
        out += report.summary + "\n"
        return out
    }

    static func data(_ text: String) -> String {
        CIText.githubData(text)
    }

    static func property(_ text: String) -> String {
        CIText.githubProperty(text)
    }
}

// MARK: sarif

enum DiffSARIF {
    static func render(_ report: DiffReport, failOn: FailLevel) -> String {
        let kinds = DiffKind.allCases
        let rules: [[String: Any]] = kinds.map { kind in
            [
                "id": kind.rawValue,
                "name": kind.rawValue.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(),
                "shortDescription": ["text": kind.title.prefix(1).uppercased() + kind.title.dropFirst()],
                "helpUri": "https://github.com/hookschema/hookschema/blob/main/Schemas/README.md#reviewing-a-schema-change",
            ]
        }
        let results: [[String: Any]] = report.findings.map { finding in
            let level =
                failOn.isReached(by: finding)
                ? "error" : (finding.wire > .safe || finding.swift == .sourceBreaking) ? "warning" : "note"
            var result: [String: Any] = [
                "ruleId": finding.kind.rawValue,
                "ruleIndex": kinds.firstIndex(of: finding.kind) ?? 0,
                "level": level,
                "message": ["text": "\(finding.provider) \(finding.scope) \(finding.pointerText): \(finding.message)"],
                "properties": [
                    "wire": finding.wire.rawValue, "swift": finding.swift.rawValue, "provider": finding.provider,
                    "scope": finding.scope.kind, "name": finding.scope.name, "pointer": finding.pointer,
                ],
            ]
            if let location = finding.location {
                result["locations"] = [
                    [
                        "physicalLocation": [
                            "artifactLocation": ["uri": location.file],
                            "region": ["startLine": location.line, "startColumn": location.column],
                        ]
                    ]
                ]
            }
            return result
        }
        let document: [String: Any] = [
            "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
            "version": "2.1.0",
            "runs": [
                [
                    "tool": [
                        "driver": [
                            "name": "hookschema",
                            "informationUri": "https://github.com/hookschema/hookschema",
                            "rules": rules,
                        ]
                    ],
                    "results": results,
                ]
            ],
        ]
        let data =
            (try? JSONSerialization.data(
                withJSONObject: document, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
