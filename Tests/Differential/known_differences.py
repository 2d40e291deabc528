"""The documented differences between hookschema and JSON Schema validators, each checked to behave exactly as
documented (README.md, "Deliberate differences"). The random deliveries avoid these shapes; if one of them changes
behaviour, the documentation must change with it, so the check fails.
"""

import json
import os
import subprocess
import tempfile

from validators import load_validators

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))


COVERAGE = {"id": "evt_1", "type": "thing.created", "sentAt": "2024-03-21T16:45:00Z",
            "data": {"title": "abc", "homepage": "https://x.io", "ref": None, "count": 1, "kind": "thing",
                     "status": "ACTIVE", "mode": "json"}}


def _coverage(**members):
    """A thing.created delivery of Tests/Differential/Schemas with `members` set in its payload."""
    body = json.loads(json.dumps(COVERAGE))
    body["data"].update(members)
    return json.dumps(body)


def _example(relative):
    with open(os.path.join(ROOT, "Examples", "payloads", relative), encoding="utf-8") as handle:
        return handle.read()


def _replace(text, old, new):
    assert old in text, old
    return text.replace(old, new, 1)


PY = "python-jsonschema"
RS = "jsonschema-rs"
BOTH = {PY, RS}


def cases():
    """(name, provider, body text, hookschema's finding as "kind path" or None for a pass, the validators that
    accept the body — in both modes — and optionally the pointers each validator reports)."""
    completed = _example("plextera/document-insights.extraction.completed.json")
    processed = _example("extend/extract_run.processed.json")
    size = '"sizeBytes": 184213'
    path = "/data/document/sizeBytes"
    created = '"createdAt": "2026-07-06T14:30:07Z"'
    return [
        # JSON Schema: an integer is any number with a zero fractional part; hookschema (like the generated Int64
        # properties and Swift's JSONDecoder) rejects a fraction or exponent in an integer.
        ("integral float for an integer", "plextera", _replace(completed, size, '"sizeBytes": 184213.0'),
         "type_mismatch " + path, BOTH),
        ("exponent for an integer", "plextera", _replace(completed, size, '"sizeBytes": 1.84213e5'),
         "type_mismatch " + path, BOTH),
        # JSON Schema integers are unbounded; hookschema's are 64-bit, like the generated types.
        ("integer beyond 64 bits", "plextera", _replace(completed, size, '"sizeBytes": 18446744073709551616'),
         "type_mismatch " + path, BOTH),
        # A number past the double range: Python reads it as infinity; python-jsonschema accepts that as a number,
        # jsonschema-rs (like hookschema) does not.
        ("number beyond a double", "extend", _replace(processed, '"credits": 4,', '"credits": 1e400,'),
         "type_mismatch /payload/usage/credits", {PY}),
        # RFC 8259 leaves duplicate names undefined; Python keeps the last one, hookschema reports the duplicate.
        ("duplicate member", "plextera",
         _replace(completed, '"apiVersion": "v1",', '"apiVersion": "v1", "apiVersion": "v1",'),
         "constraint_violation /apiVersion", BOTH),
        # A lone surrogate escape is not a Unicode string; Python's json module accepts it.
        ("lone surrogate escape", "plextera", _replace(completed, '"clinic": "north-campus"', '"clinic": "\\ud800"'),
         "malformed_json /data/tags/clinic", BOTH),
        # RFC 3339 date-times where python-jsonschema's reading (rfc3339-validator) differs from RFC 3339, and
        # hookschema agrees with jsonschema-rs: a leap second at 23:59:60 UTC, the year 0000, a trailing newline
        # (the validator's regular expression lets `$` match before it).
        ("leap second", "plextera", _replace(completed, created, '"createdAt": "2016-12-31T23:59:60Z"'), None, {RS}),
        ("leap second at another offset", "plextera",
         _replace(completed, created, '"createdAt": "2017-01-01T00:59:60+01:00"'), None, {RS}),
        ("year 0000", "plextera", _replace(completed, created, '"createdAt": "0000-01-01T00:00:00Z"'), None, {RS}),
        # jsonschema-rs leaves an empty member name out of an instance path: the error of the tag named "" is
        # reported at /data/tags, not /data/tags/ (python-jsonschema and hookschema agree on the latter; the key's
        # own propertyNames error, mapped from the key, is at /data/tags/).
        ("empty member name in a path", "plextera", _replace(completed, '"clinic": "north-campus"', '"": null'),
         "null_not_allowed /data/tags/", set(), {PY: {"/data/tags/"}, RS: {"/data/tags", "/data/tags/"}}),
        ("date 0000-01-01", "coverage", _coverage(due="0000-01-01"), None, {RS}),
        # `email`: the three readings differ. python-jsonschema only looks for an "@"; jsonschema-rs follows RFC 5321
        # closely; hookschema wants a non-empty local part, a domain with a dot inside it, and no spaces.
        ("email without a dot in the domain", "coverage", _coverage(contact="a@b"),
         "format_invalid /data/contact", BOTH),
        ("email with an empty local part", "coverage", _coverage(contact="@example.com"),
         "format_invalid /data/contact", {PY}),
        ("email with a quoted local part", "coverage", _coverage(contact='"a b"@c.d'),
         "format_invalid /data/contact", BOTH),
        ("email with two dots in a row", "coverage", _coverage(contact="a@b..c"), None, {PY}),
        ("trailing newline in a date-time", "plextera",
         _replace(completed, created, '"createdAt": "2026-07-06T14:30:07Z\\n"'),
         "format_invalid /data/createdAt", {PY}),
    ]


def check_known_differences(binary, exports):
    """Names of documented differences that no longer behave as documented (empty when all do). `exports` maps
    "bundled" and "coverage" to (schemas folder, exported JSON Schema folder)."""
    failures = []
    for set_name, (schemas, export_directory) in exports.items():
        selected = [case for case in cases() if (case[1] == "coverage") == (set_name == "coverage")]
        providers = sorted({case[1] for case in selected})
        with tempfile.NamedTemporaryFile("w", suffix=".ndjson", delete=False, encoding="utf-8") as handle:
            for _, _, text, *_ in selected:
                handle.write(text.replace("\n", " ") + "\n")
            path = handle.name
        try:
            process = subprocess.run([binary, "check", "--format", "json", "--schemas", schemas, path],
                                     capture_output=True, cwd=ROOT)
        finally:
            os.unlink(path)
        results = json.loads(process.stdout)["results"]
        validators = load_validators(export_directory, providers)
        for case, result in zip(selected, results):
            failures += _check(case, result, validators)
    return failures


def _check(case, result, validators):
    name, provider, text, finding, accepted_by, *paths = case
    paths = paths[0] if paths else {}
    found = {f"{f['kind']} {f['path']}" for f in result["findings"]}
    problems = []
    if (finding is None and found) or (finding is not None and finding not in found):
        problems.append(f"hookschema reported {sorted(found)}, documented {finding!r}")
    try:
        instance = json.loads(text)
    except ValueError as error:
        return [f"{name}: Python cannot read it: {error}"]
    for mode in ("tolerant", "strict"):
        for validator in validators[provider][mode]:
            accepts = validator.name in accepted_by
            pointers = validator.pointers(instance)
            if (not pointers) != accepts:
                problems.append(f"{validator.name} {mode} {'rejects' if accepts else 'accepts'} it")
            if validator.name in paths and pointers != paths[validator.name]:
                problems.append(f"{validator.name} {mode} reports {sorted(pointers)}")
    return [f"{name}: " + "; ".join(problems)] if problems else []
