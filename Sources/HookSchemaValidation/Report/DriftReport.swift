import HookSchemaRuntime

/// How one delivery compares with its schema: the provider and event it matched, a verdict, and every finding.
public struct DriftReport: Hashable, Sendable {
    /// The provider the delivery was matched to by its discriminator (`extend`), nil when it could not be told.
    public var provider: String?
    /// The event type (the discriminator's value, `extract_run.failed`), nil when the body has none.
    public var event: String?
    /// `fail` if any finding is an error, else `drift` if any is a warning, else `pass`.
    public var verdict: Verdict { Verdict(findings: findings) }
    /// In document order; a missing member is reported after the other members of its object.
    public var findings: [Finding]
    /// The delivery's stable event id, from where the provider's `dedupeKey` says (a header or a body member): the
    /// key to deduplicate retried deliveries on. Nil when the provider declares none, or the delivery lacks it (a
    /// header key needs the delivery's headers).
    public var dedupeKey: String?

    /// A report from its parts (the validator makes reports; tests and tools may make their own).
    ///
    /// - Parameters:
    ///   - provider: The provider the delivery was matched to.
    ///   - event: The event type.
    ///   - findings: Every finding, in document order.
    ///   - dedupeKey: The delivery's stable event id.
    public init(provider: String? = nil, event: String? = nil, findings: [Finding] = [], dedupeKey: String? = nil) {
        self.provider = provider
        self.event = event
        self.findings = findings
        self.dedupeKey = dedupeKey
    }
}

/// The outcome for one delivery.
public enum Verdict: String, Hashable, Sendable, Codable, CaseIterable {
    /// No findings.
    case pass
    /// Warnings only: drift the generated types tolerate (an unknown member or open-enum value).
    case drift
    /// At least one error: the delivery breaks its schema.
    case fail

    /// The verdict for a list of findings.
    ///
    /// - Parameter findings: The findings of one delivery.
    public init(findings: [Finding]) {
        if findings.contains(where: { $0.severity == .error }) {
            self = .fail
        } else if findings.isEmpty {
            self = .pass
        } else {
            self = .drift
        }
    }
}

/// One difference between a delivery and its schema.
public struct Finding: Hashable, Sendable {
    /// What kind of difference this is.
    public var kind: FindingKind
    /// Whether the delivery breaks its schema (`error`) or drifts in a way the generated types tolerate
    /// (`warning`).
    public var severity: Severity
    /// An RFC 6901 JSON pointer into the body (`/payload/failureReason`); for a missing member, the pointer it
    /// would have. Header findings use `/headers/<Header-Name>`, the header's pointer in a captured delivery
    /// document (`{"headers": {…}, "body": "…"}`). The whole body is `""`.
    public var path: String
    /// What is wrong, in one sentence for a person (`"EXPIRED" is not one of the known values`).
    public var message: String
    /// What the schema allows, where that is a value: the `const`, the enum values, the type or format name, the
    /// limit that was crossed. Nil when it does not apply.
    public var expected: JSONValue?
    /// What the delivery holds, where that is small enough to show: the scalar value, the JSON type name of a
    /// container, a length or count. Nil when it does not apply.
    public var actual: JSONValue?

    /// A finding from its parts.
    ///
    /// - Parameters:
    ///   - kind: What kind of difference this is.
    ///   - severity: The severity; nil for the kind's `defaultSeverity`.
    ///   - path: The RFC 6901 JSON pointer of the value.
    ///   - message: What is wrong, in words.
    ///   - expected: What the schema allows, when that is a value.
    ///   - actual: What the delivery holds, when that is small enough to show.
    public init(
        kind: FindingKind,
        severity: Severity? = nil,
        path: String,
        message: String,
        expected: JSONValue? = nil,
        actual: JSONValue? = nil
    ) {
        self.kind = kind
        self.severity = severity ?? kind.defaultSeverity
        self.path = path
        self.message = message
        self.expected = expected
        self.actual = actual
    }

    /// How serious a finding is.
    public enum Severity: String, Hashable, Sendable, Codable, CaseIterable {
        /// The delivery breaks the contract.
        case error
        /// Drift the generated types tolerate.
        case warning
    }
}

/// What kind of difference a finding is. The raw values are the vocabulary of the reports and CI output.
public enum FindingKind: String, Hashable, Sendable, Codable, CaseIterable {
    /// Not readable JSON: bad syntax, truncation, invalid UTF-8, a lone surrogate escape, nesting past the depth
    /// limit, a body past the size limit. The message gives line:column and the byte offset.
    case malformedJSON = "malformed_json"
    /// The discriminator names no event the schemas know (the message names the replacement of a legacy name).
    case unknownEvent = "unknown_event"
    /// A required member is absent (the path is the pointer it would have).
    case missingRequired = "missing_required"
    /// The wrong JSON type, including a number that does not fit the declared type (`1.5` or `1e3` for an
    /// integer, an integer beyond 64 bits) and a top-level value that is not an object.
    case typeMismatch = "type_mismatch"
    /// `null` where the schema does not allow it.
    case nullNotAllowed = "null_not_allowed"
    /// A value other than the `const` the schema declares.
    case constMismatch = "const_mismatch"
    /// A `datetime`, `date`, `uri`, `email` or `uuid` string that is not one.
    case formatInvalid = "format_invalid"
    /// A pattern, length, range, item-count or entry-count rule, or a duplicated member.
    case constraintViolation = "constraint_violation"
    /// A member the schema does not declare (a warning: the generated types keep it).
    case unknownField = "unknown_field"
    /// A value outside an enum (or a union's discriminator values): a warning for an open enum, an error for a
    /// closed one.
    case unknownEnumValue = "unknown_enum_value"
    /// A header the provider requires is absent (only when headers are given).
    case missingHeader = "missing_header"
    /// A header disagrees with the body member it mirrors (`X-Plextera-Event-Type` ↔ `eventType`).
    case headerMismatch = "header_mismatch"
    /// A captured delivery's signature does not verify (`hookschema check --secret-env`; the validator itself
    /// never reports it).
    case signatureInvalid = "signature_invalid"

    /// `warning` for `unknown_field` and `unknown_enum_value` (a closed enum's unknown value is raised to an
    /// error by the validator), `error` for everything else.
    public var defaultSeverity: Finding.Severity {
        switch self {
        case .unknownField, .unknownEnumValue: return .warning
        default: return .error
        }
    }
}
