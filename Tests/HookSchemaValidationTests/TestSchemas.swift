import HookSchemaLoader
import HookSchemaModel
import HookSchemaValidation

/// Two small providers that share the discriminator name `eventType`, with a schema of every kind, so that each
/// finding kind has a payload that triggers it.
enum TestSchemas {
    static let acme = Provider(
        name: "acme",
        swiftName: "Acme",
        discriminator: "eventType",
        payloadField: "data",
        headers: [
            Header(name: "X-Acme-Event-Id", required: true, mirrors: "/eventId"),
            Header(name: "X-Acme-Occurred-At", required: true, format: .datetime, mirrors: "/occurredAt"),
            Header(name: "X-Acme-Attempt", format: .integer),
        ],
        types: [
            NamedType(
                name: "Step",
                schema: Schema(
                    .union(
                        UnionRules(
                            discriminator: "kind",
                            mapping: [UnionMember(value: "PARSE", type: "ParseStep")]))),
                source: "acme/provider.yaml"),
            NamedType(
                name: "ParseStep",
                schema: Schema(
                    .object(
                        ObjectRules(fields: [
                            Field(name: "kind", schema: Schema(.string(.init()), const: .string("PARSE")), required: true),
                            Field(name: "pages", schema: Schema(.integer(.init(minimum: 1))), required: true),
                        ]))),
                source: "acme/provider.yaml"),
            NamedType(
                name: "Status",
                schema: Schema(.enumeration(EnumRules(values: [EnumValue("QUEUED"), EnumValue("DONE")])))
                , source: "acme/provider.yaml"),
        ],
        events: [
            Event(
                type: "job.done", swiftName: "JobDoneEvent",
                body: envelope(
                    eventType: "job.done",
                    data: Schema(
                        .object(
                            ObjectRules(fields: [
                                Field(name: "id", schema: Schema(.string(.init(pattern: "^job_", minLength: 5, maxLength: 12))), required: true),
                                Field(name: "status", schema: Schema(.ref("Status")), required: true),
                                Field(name: "mode", schema: Schema(.enumeration(EnumRules(values: [EnumValue("fast"), EnumValue("slow")], closed: true))), required: false),
                                Field(name: "object", schema: Schema(.string(.init()), const: .string("job")), required: true),
                                Field(name: "pages", schema: Schema(.integer(.init(minimum: 0, maximum: 1000))), required: false),
                                Field(name: "score", schema: Schema(.number(.init(exclusiveMaximum: 1))), required: false),
                                Field(name: "reviewed", schema: Schema(.boolean), required: true),
                                Field(name: "note", schema: Schema(.string(.init()), nullable: true), required: true),
                                Field(name: "dueOn", schema: Schema(.string(.init(format: .date))), required: false),
                                Field(name: "link", schema: Schema(.string(.init(format: .uri))), required: false),
                                Field(name: "tags", schema: Schema(.map(MapRules(values: Schema(.string(.init(minLength: 1))), maxEntries: 3, keyMaxLength: 8))), required: false),
                                Field(name: "steps", schema: Schema(.array(ArrayRules(items: Schema(.ref("Step")), maxItems: 4))), required: false),
                                Field(name: "extra", schema: Schema(.any, nullable: true), required: false),
                                Field(name: "next", schema: Schema(.ref("Status"), nullable: true), required: false),
                            ])))),
                source: "acme/job.done.yaml"),
        ],
        legacyEvents: [LegacyEvent(type: "job.finished", replacedBy: "job.done")]
    )

    static let globex = Provider(
        name: "globex",
        swiftName: "Globex",
        discriminator: "eventType",
        events: [
            Event(
                type: "invoice.paid", swiftName: "InvoicePaidEvent",
                body: Schema(
                    .object(
                        ObjectRules(fields: [
                            Field(name: "eventType", schema: Schema(.string(.init()), const: .string("invoice.paid")), required: true),
                            Field(name: "invoiceId", schema: Schema(.string(.init())), required: true),
                            Field(name: "amount", schema: Schema(.integer(.init())), required: true),
                        ]))),
                source: "globex/invoice.paid.yaml"),
        ]
    )

    static let set = SchemaSet(providers: [acme, globex])
    static let validator = SchemaValidator(schemas: set)

    static func envelope(eventType: String, data: Schema) -> Schema {
        Schema(
            .object(
                ObjectRules(fields: [
                    Field(name: "eventId", schema: Schema(.string(.init())), required: true),
                    Field(name: "eventType", schema: Schema(.string(.init()), const: .string(eventType)), required: true),
                    Field(name: "occurredAt", schema: Schema(.string(.init(format: .datetime))), required: true),
                    Field(name: "data", schema: data, required: true),
                ])))
    }

    /// A `job.done` delivery that passes; tests change one member at a time.
    static let validJob = """
        {"eventId": "evt_1", "eventType": "job.done", "occurredAt": "2026-04-07T10:18:00Z",
         "data": {"id": "job_42", "status": "DONE", "mode": "fast", "object": "job", "pages": 3, "score": 0.5,
                  "reviewed": false, "note": null, "dueOn": "2026-04-30", "link": "https://acme.test/jobs/42",
                  "tags": {"team": "ops"}, "steps": [{"kind": "PARSE", "pages": 2}], "extra": {"any": [1, 2]},
                  "next": null}}
        """

    /// `validJob` with `data.<member>` replaced by the JSON text `value` (or removed when nil).
    static func job(_ member: String, _ value: String?) -> String {
        let data = #/"data": \{/#
        var body = validJob
        guard let range = body.firstRange(of: data) else { return body }
        // Rebuild the member list: simple, since every member value in validJob is on known text.
        let members = [
            ("id", "\"job_42\""), ("status", "\"DONE\""), ("mode", "\"fast\""), ("object", "\"job\""),
            ("pages", "3"), ("score", "0.5"), ("reviewed", "false"), ("note", "null"), ("dueOn", "\"2026-04-30\""),
            ("link", "\"https://acme.test/jobs/42\""), ("tags", "{\"team\": \"ops\"}"),
            ("steps", "[{\"kind\": \"PARSE\", \"pages\": 2}]"), ("extra", "{\"any\": [1, 2]}"), ("next", "null"),
        ]
        var text: [String] = []
        var replaced = false
        for (name, original) in members {
            if name == member {
                replaced = true
                if let value { text.append("\"\(name)\": \(value)") }
            } else {
                text.append("\"\(name)\": \(original)")
            }
        }
        if !replaced, let value { text.append("\"\(member)\": \(value)") }
        body = String(body[..<range.lowerBound])
            + "\"data\": {" + text.joined(separator: ", ") + "}}"
        return body
    }
}

extension SchemaValidator {
    func validate(_ text: String, headers: [(name: String, value: String)]? = nil) -> DriftReport {
        validate(body: Array(text.utf8), headers: headers)
    }
}

extension TestSchemas {
    /// Schema files as a user writes them (path under `Schemas/` → YAML), loaded; a diagnostic stops the test run.
    static func loaded(_ files: [String: String]) -> SchemaSet {
        let sources = files.keys.sorted().map {
            SchemaSource(path: "Schemas/" + $0, relativePath: $0, text: files[$0] ?? "")
        }
        let result = SchemaLoader.load(sources: sources)
        precondition(result.schemaSet != nil, "\(result.diagnostics)")
        return result.schemaSet!
    }
}
