import HookSchemaModel
import Testing

@testable import HookSchemaLoader

/// Problems inside one schema: keys, value types, types, constraints, names.
@Suite struct SchemaDiagnosticsTests {
    /// An event file `acme/e.yaml` whose payload is `yaml` (indented under `payload:`).
    static func payload(_ yaml: String) -> Fixture {
        let indented = yaml.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }
        return .event("e", "event: e\npayload:\n" + indented.joined(separator: "\n") + "\n")
    }

    static let file = "acme/e.yaml"

    @Test func unknownKeysSuggestTheClosestKnownKey() {
        expectErrors(
            Self.payload(
                """
                type: object
                fields:
                  id: { type: string, 1️⃣requird: true }
                  name: { type: string, 2️⃣maxLenght: 3 }
                  other: { type: string, 3️⃣color: blue }
                """),
            [
                ExpectedError("1️⃣", in: Self.file, "unknown key `requird`; did you mean `required`?"),
                ExpectedError("2️⃣", in: Self.file, "unknown key `maxLenght`; did you mean `maxLength`?"),
                ExpectedError("3️⃣", in: Self.file, "unknown key `color`"),
            ]
        )
    }

    @Test func valuesOfTheWrongKindAreReported() {
        expectErrors(
            Self.payload(
                """
                type: object
                fields:
                  id: { type: string, required: 1️⃣yes please }
                  n: { type: integer, minimum: 2️⃣low }
                  s: { type: string, maxLength: 3️⃣-1 }
                  d: { type: string, description: 4️⃣[a, b] }
                """),
            [
                ExpectedError("1️⃣", in: Self.file, "`required` must be true or false, not the string `yes please`"),
                ExpectedError("2️⃣", in: Self.file, "`minimum` must be a number, not the string `low`"),
                ExpectedError("3️⃣", in: Self.file, "`maxLength` must be a non-negative integer, not the integer -1"),
                ExpectedError("4️⃣", in: Self.file, "`description` must be a string, not a list"),
            ]
        )
    }

    @Test func unknownTypesSuggestTheClosestType() {
        expectErrors(
            Self.payload(
                """
                type: object
                fields:
                  a: { type: 1️⃣strng }
                  b: 2️⃣intger
                  c: { type: 3️⃣Thing }
                """),
            [
                ExpectedError("1️⃣", in: Self.file, "unknown type `strng`; did you mean `string`?"),
                ExpectedError("2️⃣", in: Self.file, "unknown type `intger`; did you mean `integer`?"),
                ExpectedError("3️⃣", in: Self.file, "unknown type `Thing`"),
            ]
        )
    }

    @Test func aNamedTypeUsedAsATypeSuggestsARef() {
        expectErrors(
            Fixture([
                "acme/provider.yaml": minimalProvider + "\ntypes:\n  Thing: { type: object }\n",
                "acme/e.yaml": "event: e\npayload: { type: 1️⃣Thing }\n",
            ]),
            [ExpectedError("1️⃣", in: Self.file, "unknown type `Thing`; to use the named type, write `$ref: Thing`")]
        )
    }

    @Test func keysThatDoNotApplyToTheTypeAreReported() {
        var fixture = Self.payload(
            """
            type: object
            1️⃣required: true
            fields:
              a: { type: string, 2️⃣items: string }
              b: { $ref: Thing, 3️⃣minLength: 1 }
              c: { type: object, 4️⃣const: x }
              d: { 5️⃣fields: {} }
              e: { type: string, 6️⃣$ref: Thing }
            """)
        fixture.files["acme/provider.yaml"] = MarkedText(minimalProvider + "\ntypes:\n  Thing: { type: object }\n")
        expectErrors(
            fixture,
            [
                ExpectedError("1️⃣", in: Self.file, "`required` applies only to fields of an object"),
                ExpectedError("2️⃣", in: Self.file, "`items` does not apply to type `string`"),
                ExpectedError(
                    "3️⃣",
                    in: Self.file,
                    "`minLength` does not apply to a `$ref` (a `$ref` may carry only `description`, `deprecated`, "
                        + "`nullable`, `required` and `swiftName`)"
                ),
                ExpectedError("4️⃣", in: Self.file, "`const` does not apply to type `object`"),
                ExpectedError(
                    "5️⃣",
                    in: Self.file,
                    "`fields` does not apply to type `any` (a schema without `type` is `any`; add `type: object`?)"
                ),
                ExpectedError("6️⃣", in: Self.file, "a schema has either `type` or `$ref`, not both"),
            ]
        )
    }

    @Test func constAndDefaultMustMatchTheSchema() {
        expectErrors(
            Self.payload(
                """
                type: object
                fields:
                  a: { type: string, const: 1️⃣42 }
                  b: { type: integer, default: 2️⃣1.5 }
                  c: { type: boolean, const: 3️⃣"true" }
                  d: { type: enum, values: [A, B], default: 4️⃣C }
                  e: { type: number, const: 5️⃣null }
                  f: { type: number, nullable: true, const: null, default: 2 }
                  g: { type: datetime, default: 2024-03-21T16:45:00Z }
                """),
            [
                ExpectedError(
                    "1️⃣",
                    in: Self.file,
                    "`const` must be a string for this schema, not the integer 42 (quote it to make it a string)"
                ),
                ExpectedError("2️⃣", in: Self.file, "`default` must be an integer for this schema, not the number 1.5"),
                ExpectedError(
                    "3️⃣",
                    in: Self.file,
                    "`const` must be true or false for this schema, not the string `true`"
                ),
                ExpectedError("4️⃣", in: Self.file, "`default` `C` is not one of the enum's values"),
                ExpectedError("5️⃣", in: Self.file, "`const` is null, but the schema is not nullable"),
            ]
        )
    }

    @Test func minimumsAboveMaximumsAreReported() {
        expectErrors(
            Self.payload(
                """
                type: object
                fields:
                  a: { type: string, minLength: 1️⃣5, maxLength: 3 }
                  b: { type: number, minimum: 2️⃣10, maximum: 1.5 }
                  c: { type: array, items: string, minItems: 3️⃣2, maxItems: 1 }
                  d: { type: map, values: string, minEntries: 4️⃣9, maxEntries: 0 }
                  e: { type: map, values: string, keys: { minLength: 5️⃣4, maxLength: 2 } }
                """),
            [
                ExpectedError("1️⃣", in: Self.file, "`minLength` (5) is greater than `maxLength` (3)"),
                ExpectedError("2️⃣", in: Self.file, "`minimum` (10.0) is greater than `maximum` (1.5)"),
                ExpectedError("3️⃣", in: Self.file, "`minItems` (2) is greater than `maxItems` (1)"),
                ExpectedError("4️⃣", in: Self.file, "`minEntries` (9) is greater than `maxEntries` (0)"),
                ExpectedError("5️⃣", in: Self.file, "`minLength` (4) is greater than `maxLength` (2)"),
            ]
        )
    }

    @Test func invalidRegularExpressionsAreReported() {
        expectErrors(
            Self.payload(
                """
                type: object
                fields:
                  a: { type: string, pattern: 1️⃣"^(exr_" }
                  b: { type: map, values: any, keys: { pattern: 2️⃣"[a-" } }
                  c: { type: string, pattern: "^exr_[a-z0-9]+$" }
                """),
            [
                ExpectedError("1️⃣", in: Self.file, "`pattern` is not a valid regular expression: `^(exr_`"),
                ExpectedError("2️⃣", in: Self.file, "`pattern` is not a valid regular expression: `[a-`"),
            ]
        )
    }

    @Test func duplicateEnumValuesAreReportedAtTheRepetition() {
        expectErrors(
            Self.payload(
                """
                type: enum
                values:
                  - PENDING
                  - 1️⃣PENDING
                  - { value: 2️⃣in-progress }
                  - 3️⃣IN_PROGRESS
                """),
            [
                ExpectedError("1️⃣", in: Self.file, "duplicate enum value `PENDING`"),
                ExpectedError(
                    "3️⃣",
                    in: Self.file,
                    "enum values `in-progress` and `IN_PROGRESS` both become the Swift case `inProgress`"
                ),
            ]
        )
    }

    @Test func fieldsWhoseSwiftNamesCollideAreReported() {
        expectErrors(
            Self.payload(
                """
                type: object
                fields:
                  file_id: string
                  1️⃣fileId: string
                  url: { type: string, swiftName: link }
                  2️⃣link: string
                  other: { type: string, swiftName: 3️⃣not-an-identifier }
                """),
            [
                ExpectedError(
                    "1️⃣",
                    in: Self.file,
                    "fields `file_id` and `fileId` both become the Swift property `fileId`; give one a different "
                        + "`swiftName`"
                ),
                ExpectedError(
                    "2️⃣",
                    in: Self.file,
                    "fields `url` and `link` both become the Swift property `link`; give one a different `swiftName`"
                ),
                ExpectedError("3️⃣", in: Self.file, "`swiftName` must be a Swift identifier, not `not-an-identifier`"),
            ]
        )
    }

    @Test func typesThatNeedMoreThanANameAreReported() {
        expectErrors(
            Self.payload(
                """
                type: object
                fields:
                  a: 1️⃣array
                  b: 2️⃣{ type: array }
                  c: { type: enum, values: 3️⃣[] }
                  d: { type: string, format: 4️⃣datetim }
                  e: { type: date, format: 5️⃣uri }
                """),
            [
                ExpectedError("1️⃣", in: Self.file, "type `array` needs a mapping with its `items`"),
                ExpectedError("2️⃣", in: Self.file, "an array is missing `items`"),
                ExpectedError("3️⃣", in: Self.file, "an enum needs at least one value"),
                ExpectedError(
                    "4️⃣",
                    in: Self.file,
                    "unknown format `datetim`; did you mean `datetime`? (known: datetime, date, uri, uri-template, email, uuid)"
                ),
                ExpectedError("5️⃣", in: Self.file, "`format: uri` contradicts `type: date`"),
            ]
        )
    }
}

@Suite struct SuggestionTests {
    @Test(arguments: [
        ("strng", "string"), ("tpye", "type"), ("maxLenght", "maxLength"), ("requird", "required"),
        ("datetim", "datetime"),
    ])
    func typosFindTheIntendedWord(typo: String, intended: String) {
        let candidates = ["string", "type", "maxLength", "required", "datetime", "integer", "items"]
        #expect(Suggestion.closest(to: typo, among: candidates) == intended)
    }

    @Test(arguments: ["Thing", "C", "color", "x"])
    func unrelatedWordsGetNoSuggestion(word: String) {
        #expect(Suggestion.closest(to: word, among: ["string", "A", "B", "closed", "items"]) == nil)
    }
}
