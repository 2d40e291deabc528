import HookSchemaDiff
import HookSchemaLoader
import HookSchemaModel
import Testing

/// The rule table, one hand-made pair of schema versions per kind: each change's kind, pointer, line and verdicts.
@Suite struct SchemaDiffTests {
    static let provider = """
        provider: shop
        envelope:
          discriminator: type
          payload: data
          fields:
            id: { type: string, required: true }
            type: { type: string, required: true }
        types:
          Customer:
            type: object
            fields:
              email: { type: email, required: true }
              name: { type: string }
        """

    /// `shop/provider.yaml` and one event file whose payload is `payload` (YAML, indented under `payload:`).
    static func files(payload: String, provider: String = provider, extra: [String: String] = [:]) -> [String: String] {
        var files = [
            "shop/provider.yaml": provider,
            "shop/order.created.yaml": "event: order.created\npayload:\n" + payload,
        ]
        files.merge(extra) { $1 }
        return files
    }

    static let basePayload = """
          type: object
          fields:
            total: { type: integer, required: true, minimum: 0 }
            note: { type: string }
            status: { type: enum, values: [open, paid], required: true }
            customer: { $ref: Customer, required: true }
            tags: { type: array, items: string }
        """

    static func load(_ files: [String: String]) throws -> (SchemaSet, SchemaSourceMap) {
        let sources = files.keys.sorted().map {
            SchemaSource(path: "Schemas/" + $0, relativePath: $0, text: files[$0] ?? "")
        }
        let result = SchemaLoader.load(sources: sources)
        let schemaSet = try #require(result.schemaSet, "\(result.diagnostics)")
        return (schemaSet, SchemaSourceMap(sources: sources))
    }

    static func diff(_ old: [String: String], _ new: [String: String]) throws -> DiffReport {
        let (oldSet, oldMap) = try load(old)
        let (newSet, newMap) = try load(new)
        return SchemaDiff.compare(old: oldSet, new: newSet, oldSources: oldMap, newSources: newMap)
    }

    /// The one finding of a payload change (fails when there is not exactly one).
    static func only(_ oldPayload: String, _ newPayload: String) throws -> DiffFinding {
        let report = try diff(files(payload: oldPayload), files(payload: newPayload))
        #expect(report.findings.count == 1, "\(report.findings)")
        return try #require(report.findings.first)
    }

    @Test func identicalSchemasHaveNoFindings() throws {
        let report = try Self.diff(Self.files(payload: Self.basePayload), Self.files(payload: Self.basePayload))
        #expect(report.findings.isEmpty)
        #expect(report.summary == "no changes")
        #expect(!report.reaches(.any))
    }

    @Test func optionalMemberAddedIsDriftAndAdditive() throws {
        let finding = try Self.only(
            Self.basePayload, Self.basePayload + "\n    coupon: { type: string }")
        #expect(finding.kind == .memberAdded)
        #expect(finding.pointer == "/data/coupon")
        #expect(finding.scope == .event("order.created"))
        #expect(finding.wire == .drift)
        #expect(finding.swift == .additive)
        #expect(finding.location?.description == "Schemas/shop/order.created.yaml:10:5")
        #expect(!FailLevel.breaking.isReached(by: finding))
        #expect(FailLevel.drift.isReached(by: finding))
    }

    @Test func requiredMemberAddedIsBreaking() throws {
        let finding = try Self.only(
            Self.basePayload, Self.basePayload + "\n    coupon: { type: string, required: true }")
        #expect(finding.kind == .memberAdded)
        #expect(finding.wire == .breaking)
        #expect(finding.swift == .additive)
    }

    @Test func memberRemoved() throws {
        let optional = try Self.only(
            Self.basePayload, Self.basePayload.replacing("    note: { type: string }\n", with: ""))
        #expect(optional.kind == .memberRemoved)
        #expect(optional.pointer == "/data/note")
        #expect(optional.wire == .drift)
        #expect(optional.swift == .sourceBreaking)
        // A removal points at the old file's line.
        #expect(optional.location?.description == "Schemas/shop/order.created.yaml:6:5")
        let required = try Self.only(
            Self.basePayload,
            Self.basePayload.replacing("    total: { type: integer, required: true, minimum: 0 }\n", with: ""))
        #expect(required.wire == .breaking)
    }

    @Test func presenceAndNullability() throws {
        let optional = try Self.only(
            Self.basePayload,
            Self.basePayload.replacing("total: { type: integer, required: true,", with: "total: { type: integer,"))
        #expect(optional.kind == .becameOptional)
        #expect(optional.wire == .breaking)
        #expect(optional.swift == .sourceBreaking)  // Int → Int?
        let required = try Self.only(
            Self.basePayload, Self.basePayload.replacing("note: { type: string }", with: "note: { type: string, required: true }"))
        #expect(required.kind == .becameRequired)
        #expect(required.swift == .sourceBreaking)  // String? → String
        let nullable = try Self.only(
            Self.basePayload,
            Self.basePayload.replacing("total: { type: integer, required: true,", with: "total: { type: integer, required: true, nullable: true,"))
        #expect(nullable.kind == .becameNullable)
        #expect(nullable.wire == .breaking)
        #expect(nullable.swift == .sourceBreaking)  // Int → Int?
        // Optional (`String?`) to required and nullable (`String?`): the Swift type stays.
        let report = try Self.diff(
            Self.files(payload: Self.basePayload),
            Self.files(payload: Self.basePayload.replacing(
                "note: { type: string }", with: "note: { type: string, required: true, nullable: true }")))
        #expect(report.findings.map(\.kind) == [.becameNullable, .becameRequired])
        #expect(report.findings.allSatisfy { $0.wire == .breaking && $0.swift == .none })
    }

    @Test func enumValues() throws {
        let added = try Self.only(
            Self.basePayload, Self.basePayload.replacing("values: [open, paid]", with: "values: [open, paid, refunded]"))
        #expect(added.kind == .enumValueAdded)
        #expect(added.pointer == "/data/status")
        #expect(added.wire == .drift)  // open enum: an unknown value is a warning
        #expect(added.swift == .sourceBreaking)  // an exhaustive switch misses the new case
        #expect(added.new == "refunded")
        let closedAdded = try Self.diff(
            Self.files(payload: Self.basePayload.replacing("values: [open, paid]", with: "closed: true, values: [open, paid]")),
            Self.files(payload: Self.basePayload.replacing("values: [open, paid]", with: "closed: true, values: [open, paid, refunded]")))
        #expect(closedAdded.findings.map(\.kind) == [.enumValueAdded])
        #expect(closedAdded.findings.first?.wire == .breaking)
        let removed = try Self.only(
            Self.basePayload, Self.basePayload.replacing("values: [open, paid]", with: "values: [open]"))
        #expect(removed.kind == .enumValueRemoved)
        #expect(removed.wire == .drift)
        #expect(removed.swift == .sourceBreaking)
        let closed = try Self.only(
            Self.basePayload, Self.basePayload.replacing("values: [open, paid]", with: "closed: true, values: [open, paid]"))
        #expect(closed.kind == .enumClosed)
        #expect(closed.wire == .breaking)
    }

    @Test func typesAndFormats() throws {
        let type = try Self.only(
            Self.basePayload, Self.basePayload.replacing("total: { type: integer,", with: "total: { type: string,")
                .replacing(", minimum: 0", with: ""))
        #expect(type.kind == .typeChanged)
        #expect(type.wire == .breaking)
        #expect(type.swift == .sourceBreaking)
        let uri = try Self.only(
            Self.basePayload, Self.basePayload.replacing("note: { type: string }", with: "note: { type: uri }"))
        #expect(uri.kind == .formatChanged)
        #expect(uri.wire == .breaking)
        #expect(uri.swift == .none)  // both `String`
        let date = try Self.only(
            Self.basePayload, Self.basePayload.replacing("note: { type: string }", with: "note: { type: datetime }"))
        #expect(date.swift == .sourceBreaking)  // String → Date
    }

    @Test func constraints() throws {
        let raised = try Self.only(
            Self.basePayload, Self.basePayload.replacing("minimum: 0", with: "minimum: 1"))
        #expect(raised.kind == .constraintTightened)
        #expect(raised.wire == .breaking)
        #expect(raised.swift == .none)
        #expect(raised.old == "0")
        #expect(raised.new == "1")
        let dropped = try Self.only(
            Self.basePayload, Self.basePayload.replacing(", minimum: 0", with: ""))
        #expect(dropped.kind == .constraintLoosened)
        #expect(dropped.wire == .breaking)
        let items = try Self.only(
            Self.basePayload, Self.basePayload.replacing("items: string", with: "items: { type: string, maxLength: 20 }"))
        #expect(items.pointer == "/data/tags/*")
        #expect(items.kind == .constraintTightened)
    }

    @Test func documentationIsSafe() throws {
        let finding = try Self.only(
            Self.basePayload, Self.basePayload.replacing("note: { type: string }", with: "note: { type: string, description: A note. }"))
        #expect(finding.kind == .descriptionChanged)
        #expect(finding.wire == .safe)
        #expect(finding.swift == .none)
        #expect(!FailLevel.drift.isReached(by: finding))
        #expect(FailLevel.any.isReached(by: finding))
    }

    @Test func swiftNameChangeIsSourceBreakingOnly() throws {
        let finding = try Self.only(
            Self.basePayload, Self.basePayload.replacing("note: { type: string }", with: "note: { type: string, swiftName: remark }"))
        #expect(finding.kind == .swiftNameChanged)
        #expect(finding.wire == .safe)
        #expect(finding.swift == .sourceBreaking)
        #expect(finding.old == "note")
        #expect(finding.new == "remark")
    }

    @Test func namedTypeChangeIsReportedOnceWithTheEventsThatHoldIt() throws {
        let newProvider = Self.provider.replacing("name: { type: string }", with: "name: { type: string }\n      phone: { type: string }")
        let report = try Self.diff(
            Self.files(payload: Self.basePayload), Self.files(payload: Self.basePayload, provider: newProvider))
        #expect(report.findings.count == 1)
        let finding = try #require(report.findings.first)
        #expect(finding.scope == .type("Customer"))
        #expect(finding.pointer == "/phone")
        #expect(finding.location?.description == "Schemas/shop/provider.yaml:14:7")
        #expect(report.usage["shop"]?["Customer"] == ["order.created"])
    }

    @Test func eventsAddedAndRemoved() throws {
        let extra = ["shop/order.paid.yaml": "event: order.paid\npayload:\n  type: object\n  fields: {}\n"]
        let added = try Self.diff(
            Self.files(payload: Self.basePayload), Self.files(payload: Self.basePayload, extra: extra))
        #expect(added.findings.map(\.kind) == [.eventAdded])
        #expect(added.findings.first?.wire == .breaking)  // unknown_event for a receiver on the old schemas
        #expect(added.findings.first?.swift == .sourceBreaking)  // ShopEvent gains a case
        #expect(added.findings.first?.location?.description == "Schemas/shop/order.paid.yaml:1:1")
        let removed = try Self.diff(
            Self.files(payload: Self.basePayload, extra: extra), Self.files(payload: Self.basePayload))
        #expect(removed.findings.map(\.kind) == [.eventRemoved])
    }

    @Test func envelopeMembersPointIntoProviderYAML() throws {
        let newProvider = Self.provider.replacing(
            "id: { type: string, required: true }", with: "id: { type: string, required: true, minLength: 3 }")
        let report = try Self.diff(
            Self.files(payload: Self.basePayload), Self.files(payload: Self.basePayload, provider: newProvider))
        let finding = try #require(report.findings.first)
        #expect(finding.pointer == "/id")
        #expect(finding.location?.file == "Schemas/shop/provider.yaml")
        #expect(finding.location?.line == 6)
    }

    @Test func headersAndSignature() throws {
        let signed = Self.provider + """

            headers:
              X-Shop-Signature: { required: true }
            signature:
              header: X-Shop-Signature
              format: plain
              signedContent: "{body}"
              encoding: hex
              secret: utf8
            """
        let report = try Self.diff(
            Self.files(payload: Self.basePayload), Self.files(payload: Self.basePayload, provider: signed))
        #expect(report.findings.map(\.kind) == [.signatureChanged, .headerAdded])
        #expect(report.findings.allSatisfy { $0.wire == .breaking && $0.swift == .none })
        #expect(report.findings.map(\.pointer) == ["/headers", "/headers/X-Shop-Signature"])
    }
}
