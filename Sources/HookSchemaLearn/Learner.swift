import Foundation
import HookSchemaLoader
import HookSchemaModel
import HookSchemaRuntime
import HookSchemaValidation

/// One delivery to learn from: its body's bytes and, for a captured delivery, its headers.
public struct LearnDelivery: Sendable {
    /// Where it came from, for messages: `path` or `path:line` for a line of an NDJSON file.
    public var source: String
    public var body: [UInt8]
    public var headers: [(name: String, value: String)]?
    /// The event type of a bare body of a provider that names its events in a header (`check --event`).
    public var eventType: String?

    public init(
        source: String, body: [UInt8], headers: [(name: String, value: String)]? = nil, eventType: String? = nil
    ) {
        self.source = source
        self.body = body
        self.headers = headers
        self.eventType = eventType
    }
}

/// A finding `learn` leaves for a person: an error (a wrong type, a const or format violation, a missing header,
/// an unknown event, …), or drift it cannot place in the YAML.
public struct NotLearned: Hashable, Sendable, CustomStringConvertible {
    public var source: String
    public var finding: Finding
    /// Why drift of a kind `learn` folds was left alone; nil for findings it never learns.
    public var reason: String?

    /// `file: pointer: not learned: message`, the reason in parentheses.
    public var description: String {
        let pointer = finding.path.isEmpty ? "/" : finding.path
        return "\(source): \(pointer): not learned: \(finding.message)" + (reason.map { " (\($0))" } ?? "")
    }
}

/// One change made to a schema file.
public struct LearnedChange: Hashable, Sendable {
    /// The schema file's path relative to the schemas folder (`extend/provider.yaml`).
    public var file: String
    /// The 1-based line of the original file the change is at.
    public var line: Int
    /// `FileSummary: new optional member checksum`.
    public var summary: String
}

/// A schema file with its text before and after `learn`.
public struct LearnedFile: Hashable, Sendable {
    /// As `SchemaSource.path` (the schemas folder joined with the relative path).
    public var path: String
    public var relativePath: String
    public var original: String
    public var edited: String
}

/// What `learn` made of some deliveries: the edited files, every change, and what it left alone.
public struct LearnResult: Sendable {
    /// Only the files that change, in path order.
    public var files: [LearnedFile]
    /// In file and line order.
    public var changes: [LearnedChange]
    /// In delivery order.
    public var notLearned: [NotLearned]

    /// `sources` with the edited files' new texts.
    public func applied(to sources: [SchemaSource]) -> [SchemaSource] {
        let edited = Dictionary(files.map { ($0.relativePath, $0.edited) }, uniquingKeysWith: { first, _ in first })
        return sources.map { source in
            SchemaSource(
                path: source.path, relativePath: source.relativePath, text: edited[source.relativePath] ?? source.text)
        }
    }
}

/// `hookschema learn`: folds the drift `check` reports into the schemas' YAML, editing the text in place so that
/// every comment, key order and formatting it does not change stays as it was.
///
/// It learns three kinds of drift, all of which the generated types already tolerate or can be made to:
/// - an undeclared member (`unknown_field`) becomes an optional member, typed from every value seen there (as
///   `hookschema infer` types a member);
/// - an unknown value of an open enum (`unknown_enum_value`) is appended to its `values:`;
/// - a required member that was missing (`missing_required`) becomes optional.
///
/// Everything else stays a finding for a person (`NotLearned`): a wrong type, a const, format or constraint
/// violation, null where it is not allowed, a closed enum's or a union's unknown value, a missing header, an unknown
/// event, malformed JSON.
public struct Learner {
    private let schemas: SchemaSet
    private let validator: SchemaValidator
    private let sources: [String: SchemaSource]
    private var documents: [String: YAMLDocument] = [:]
    private var plan = EditPlan()
    private var notLearned: [NotLearned] = []
    private var buffers = ValidationBuffers()

    /// A learner for the schema files' texts (`sources`) and the model they load to (`schemas`).
    public init(sources: [SchemaSource], schemas: SchemaSet) {
        self.schemas = schemas
        validator = SchemaValidator(schemas: schemas)
        self.sources = Dictionary(sources.map { ($0.relativePath, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The edits for `deliveries`. Pure: the caller reads and writes files.
    public static func learn(sources: [SchemaSource], schemas: SchemaSet, deliveries: [LearnDelivery]) -> LearnResult {
        var learner = Learner(sources: sources, schemas: schemas)
        for delivery in deliveries { learner.add(delivery) }
        return learner.result()
    }

    /// Validates one delivery and notes what its findings would change (nothing of the delivery is kept, so a long
    /// NDJSON stream can be learned from one line at a time).
    public mutating func add(_ delivery: LearnDelivery) {
        let report = delivery.body.withUnsafeBufferPointer {
            validator.validate(body: $0, headers: delivery.headers, eventType: delivery.eventType, reusing: &buffers)
        }
        guard !report.findings.isEmpty else { return }
        func leave(_ finding: Finding, _ reason: String? = nil) {
            notLearned.append(NotLearned(source: delivery.source, finding: finding, reason: reason))
        }
        guard let provider = report.provider.flatMap({ schemas.provider(named: $0) }),
            let event = report.event.flatMap({ provider.event(ofType: $0) }),
            let body = try? JSONDecoder().decode(JSONValue.self, from: Data(delivery.body))
        else {
            report.findings.forEach { leave($0) }
            return
        }
        for file in [event.source, SchemaLocator.providerFile(of: event)] where documents[file] == nil {
            guard let source = sources[file], let document = try? YAMLDocument(source.text) else { continue }
            documents[file] = document
        }
        let locator = SchemaLocator(documents: documents, provider: provider, event: event)
        for finding in report.findings {
            do {
                try plan.add(finding, body: body, locator: locator)
            } catch {
                switch error {
                case .notLearnable: leave(finding)
                case .unplaced(let reason): leave(finding, reason)
                }
            }
        }
    }

    /// The edited files, every change, and what was left alone, for the deliveries added so far.
    public func result() -> LearnResult {
        var files: [LearnedFile] = []
        var changes: [LearnedChange] = []
        for (file, edits) in plan.edits(documents: documents).sorted(by: { $0.key < $1.key }) {
            guard let source = sources[file], let document = documents[file] else { continue }
            let edited = TextEdit.apply(edits.map(\.edit), to: document.text.bytes)
            files.append(LearnedFile(path: source.path, relativePath: file, original: source.text, edited: edited))
            for planned in edits.sorted(by: { $0.edit.range.lowerBound < $1.edit.range.lowerBound }) {
                let line = document.text.lineNumber(at: planned.edit.range.lowerBound)
                changes.append(LearnedChange(file: file, line: line, summary: planned.summary))
            }
        }
        return LearnResult(files: files, changes: changes, notLearned: notLearned)
    }
}
