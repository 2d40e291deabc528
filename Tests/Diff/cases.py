"""Hand-made pairs of schema versions for the wire proof: one change each, on the coverage provider
(Tests/Differential/Schemas/coverage), with the verdict the diff must give and a delivery must show.

Each case: (name, the verdict, {file: [(old text, new text), ...]}); a new file is written with old text None.
"""

import os
import shutil

HERE = os.path.dirname(os.path.abspath(__file__))
COVERAGE = os.path.join(HERE, "..", "Differential", "Schemas")

CREATED = "coverage/thing.created.yaml"
UPDATED = "coverage/thing.updated.yaml"
PROVIDER = "coverage/provider.yaml"

CASES = [
    ("optional member added", "drift",
     {CREATED: [("    extra: { type: any }", "    extra: { type: any }\n    coupon: { type: string }")]}),
    ("required member added", "breaking",
     {CREATED: [("    extra: { type: any }", "    extra: { type: any }\n    coupon: { type: string, required: true }")]}),
    ("optional member removed", "drift", {CREATED: [("    contact: { type: email }\n", "")]}),
    ("required member removed", "breaking",
     {CREATED: [("    count: { type: integer, minimum: 0, maximum: 100, required: true }\n", "")]}),
    ("became optional", "breaking",
     {CREATED: [("maximum: 100, required: true }", "maximum: 100 }")]}),
    ("became required", "breaking", {CREATED: [("contact: { type: email }", "contact: { type: email, required: true }")]}),
    ("became nullable", "breaking",
     {CREATED: [("homepage: { type: uri, required: true }", "homepage: { type: uri, required: true, nullable: true }")]}),
    ("became non-nullable", "breaking",
     {CREATED: [("ref: { type: uuid, required: true, nullable: true }", "ref: { type: uuid, required: true }")]}),
    ("open enum value added", "drift",
     {PROVIDER: [("values: [ACTIVE, PAUSED, {", "values: [ACTIVE, PAUSED, ARCHIVED, {")]}),
    ("open enum value removed", "drift", {PROVIDER: [("values: [ACTIVE, PAUSED, {", "values: [ACTIVE, {")]}),
    ("closed enum value added", "breaking", {PROVIDER: [("values: [json, url]", "values: [json, url, pdf]")]}),
    ("closed enum value removed", "breaking", {PROVIDER: [("values: [json, url]", "values: [json]")]}),
    ("maximum lowered", "breaking", {CREATED: [("minimum: 0, maximum: 100,", "minimum: 0, maximum: 50,")]}),
    ("maximum raised", "breaking", {CREATED: [("minimum: 0, maximum: 100,", "minimum: 0, maximum: 400,")]}),
    ("maxLength lowered", "breaking", {CREATED: [("minLength: 2, maxLength: 12,", "minLength: 2, maxLength: 4,")]}),
    ("type changed", "breaking",
     {CREATED: [("count: { type: integer, minimum: 0, maximum: 100, required: true }",
                 "count: { type: string, required: true }")]}),
    ("format dropped", "breaking", {CREATED: [("homepage: { type: uri,", "homepage: { type: string,")]}),
    ("format added", "breaking", {UPDATED: [("values: { type: string, maxLength: 6 }", "values: { type: date }")]}),
    ("array item constraint tightened", "breaking",
     {UPDATED: [("items: { type: string, minLength: 1 }", "items: { type: string, minLength: 3 }")]}),
    ("maxItems lowered", "breaking", {UPDATED: [("items: { $ref: Step }, maxItems: 4", "items: { $ref: Step }, maxItems: 1")]}),
    ("named type member added (required)", "breaking",
     {PROVIDER: [("      currency: { type: string, required: true, pattern: \"^[A-Z]{3}$\" }",
                  "      currency: { type: string, required: true, pattern: \"^[A-Z]{3}$\" }\n"
                  "      cents: { type: integer, required: true }")]}),
    ("union member added (open)", "drift",
     {PROVIDER: [("  Step:\n    type: union\n    discriminator: kind\n    mapping:\n      PARSE: ParseStep\n",
                  "  Step:\n    type: union\n    discriminator: kind\n    mapping:\n      PARSE: ParseStep\n"
                  "      MERGE: MergeStep\n"),
                 ("legacyEvents:", "  MergeStep:\n    type: object\n    fields:\n"
                  "      kind: { type: string, const: MERGE, required: true }\n\nlegacyEvents:")]}),
    ("envelope constraint tightened", "breaking",
     {PROVIDER: [("minLength: 5, maxLength: 40 }", "minLength: 5, maxLength: 9 }")]}),
    ("event added", "breaking",
     {"coverage/thing.deleted.yaml": [(None, "event: thing.deleted\npayload:\n  type: object\n  fields:\n"
                                             "    reason: { type: string, required: true }\n")]}),
    ("const removed", "breaking", {CREATED: [("ratio: { type: number, const: 0.5 }", "ratio: { type: number }")]}),
    ("const added", "breaking",
     {CREATED: [("score: { type: number, minimum: -1.5, maximum: 1.5 }", "score: { type: number, const: 1 }")]}),
    ("closed enum opened", "breaking", {PROVIDER: [("    closed: true\n    values: [json, url]", "    values: [json, url]")]}),
    ("choice added", "breaking",
     {CREATED: [("payload:\n  type: object\n", "payload:\n  type: object\n  exactlyOne: [contact, due]\n")]}),
    ("array item became nullable", "breaking",
     {UPDATED: [("when: { type: array, items: { type: datetime } }",
                 "when: { type: array, items: { type: datetime, nullable: true } }")]}),
    ("map value loosened", "breaking",
     {UPDATED: [("values: { type: string, maxLength: 6 }", "values: { type: string, maxLength: 20 }")]}),
    ("description changed", "safe",
     {CREATED: [("description: Scalars, formats, enums, consts and constraints.", "description: Changed.")]}),
    ("swift name changed", "safe", {CREATED: [("due: { type: date }", "due: { type: date, swiftName: dueDate }")]}),
    ("deprecated", "safe", {CREATED: [("due: { type: date }", "due: { type: date, deprecated: true }")]}),
]


def write(work):
    """Writes every case's OLD (the coverage provider, shared) and NEW folders; yields (name, old, new)."""
    old = os.path.join(work, "cases-old")
    shutil.copytree(COVERAGE, old)
    for index, (name, _, edits) in enumerate(CASES):
        new = os.path.join(work, "case-%d" % index)
        shutil.copytree(COVERAGE, new)
        for relative, replacements in edits.items():
            path = os.path.join(new, relative)
            text = open(path, encoding="utf-8").read() if os.path.exists(path) else ""
            for before, after in replacements:
                if before is None:
                    text = after
                else:
                    assert before in text, "case %r: %r is not in %s" % (name, before, relative)
                    text = text.replace(before, after, 1)
            with open(path, "w", encoding="utf-8") as handle:
                handle.write(text)
        yield name, old, new


def expected(name):
    return next(verdict for case, verdict, _ in CASES if case == name)
