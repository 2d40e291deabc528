"""The JSON Schema export against hookschema's own validator, on the cookbook's providers (Examples/providers).

`hookschema export jsonschema --help` promises: a body is valid against the tolerant export exactly when
`hookschema check` reports no error (warnings allowed), and against the strict export exactly when `check` reports
nothing. Schemas/README.md ("Unions without a discriminator") adds that the `if`/`then`/`else` chain written for an
untagged union makes a JSON Schema validator pick the member hookschema picks and report its errors at the same
paths. This file checks both, with python-jsonschema (Draft202012Validator, format checking on):

1. it exports Examples/providers in both modes (`<out>/<provider>/<eventType>.schema.json`, self-contained with
   `$defs`; a `/` in an event type, Shopify's `orders/create`, is written `.` as in the YAML file's name:
   `shopify/orders.create.schema.json`; plus `<out>/<provider>.schema.json`, which dispatches to the events, or for
   a provider that names events by a header, accepts a body valid as any of them);
2. its corpus is every example delivery (Examples/providers/*/deliveries/*.delivery.json) and, deterministically
   (no randomness), mutations of them at the places the exported schema itself shows to be interesting: found by
   walking each body alongside its event's exported schema, not hard-coded (test_the_walker_finds_the_new_constructs
   checks that the expected places were found):
   - an untagged union (the `if`/`then`/`else` chain ending in `anyOf`; GitHub's `Timestamp` at
     /repository/created_at and the nullable /repository/pushed_at, Discord's option value at
     /data/options/0/value): the value replaced by one of each JSON kind (an integer, 1.5, a date-time string, a plain
     string, true, null, {}, []) and by 1.0;
   - an integer enum (tolerant: `anyOf: [{enum: [ints]}, {type: integer}]`, strict: `type: integer, enum: [ints]`;
     Discord's /context and /data/type): each other known value, an unknown integer, a known value as a string
     ("1") and written as a float (1.0), true and null;
   - a value that is an object member of a union (the members of the examples' untagged unions are all scalars, so
     this is Slack's discriminated `InnerEvent` at /event; an untagged union with object members would be handled
     the same way): each required member of the chosen member deleted, and the discriminator (for a discriminated
     union) set to an unknown value;
3. every body is written back into a copy of its delivery file with the original headers (no --secret-env, so the
   signature is not checked) and all of them go through one `hookschema check --format json` call;
4. per body and mode, hookschema's verdict must be the export's (and the finding paths the validator's error paths,
   mapped as in Tests/Differential/validators.py), except for the documented differences of
   Tests/Differential/README.md ("Deliberate differences"): a body showing one of them (found the same way: an
   integral float where the schema takes only integers, an integer beyond 64 bits, a duplicated member) must get
   hookschema's documented finding, and the export's verdict must then be hookschema's without that finding;
5. the same comparison, per provider, against `<provider>.schema.json` (the file that dispatches to the events).

The test fails, with every disagreement (body, pointer and value, both verdicts, hookschema's findings and the
validator's errors), when the two disagree. Tests marked `hookschema` need the binary (HOOKSCHEMA; run.sh sets it).
"""

from __future__ import annotations

import ast
import copy
import json
import os
import subprocess
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import Draft202012Validator

ROOT = Path(__file__).resolve().parents[2]
SCHEMAS = ROOT / "Examples" / "providers"
KNOWN_DIFFERENCES_FILE = ROOT / "Tests" / "Differential" / "known_differences.py"
MODES = ("tolerant", "strict")

# The documented differences (Tests/Differential/README.md, "Deliberate differences", and the case names of
# Tests/Differential/known_differences.py) this corpus can show, with hookschema's documented finding.
INTEGRAL_FLOAT = "integral float for an integer"
BEYOND_64_BITS = "integer beyond 64 bits"
DUPLICATE_MEMBER = "duplicate member"
DOCUMENTED_FINDING = {
    INTEGRAL_FLOAT: "type_mismatch",
    BEYOND_64_BITS: "type_mismatch",
    DUPLICATE_MEMBER: "constraint_violation",
}

# The places of the examples where the new constructs are (test_the_walker_finds_the_new_constructs: the walker
# must find at least these, so that a walker bug cannot silently shrink the corpus).
EXPECTED_SITES = {
    ("github", "issues.opened", "union", "/repository/created_at"),
    ("github", "issues.opened", "union", "/repository/pushed_at"),
    ("github", "ping", "union", "/repository/created_at"),
    ("github", "ping", "union", "/repository/pushed_at"),
    ("discord", "2", "union", "/data/options/0/value"),
    ("discord", "2", "integer enum", "/context"),
    ("discord", "2", "integer enum", "/data/type"),
    ("slack", "event_callback", "object union member", "/event"),
}


# --- JSON pointers -----------------------------------------------------------------------------------------------


def escape(token: Any) -> str:
    return str(token).replace("~", "~0").replace("/", "~1")


def pointer(path) -> str:
    return "".join("/" + escape(token) for token in path)


def unescape(token: str) -> str:
    return token.replace("~1", "/").replace("~0", "~")


def tokens(json_pointer: str) -> list[str]:
    return [unescape(token) for token in json_pointer.split("/")[1:]] if json_pointer else []


def replaced(body: Any, json_pointer: str, value: Any, delete: bool = False) -> Any:
    """A deep copy of `body` with the value at `json_pointer` replaced (or deleted)."""
    result = copy.deepcopy(body)
    *parents, last = tokens(json_pointer)
    container = result
    for token in parents:
        container = container[int(token)] if isinstance(container, list) else container[token]
    key = int(last) if isinstance(container, list) else last
    if delete:
        del container[key]
    else:
        container[key] = value
    return result


def is_integer(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


# --- The providers, as provider.yaml and the event files say (independent of hookschema) -------------------------


@dataclass(frozen=True)
class ProviderInfo:
    name: str
    discriminator: str | None
    event_header: str | None
    variant: str | None
    events: tuple[str, ...]

    def event_of(self, body: Any, headers: dict[str, str]) -> str | None:
        """The event type of a delivery, read as Schemas/README.md says ("Events named by a header")."""
        if self.discriminator is not None:
            value = body.get(self.discriminator) if isinstance(body, dict) else None
            return None if value is None else str(value)
        wanted = self.event_header.lower()
        header = next((value for name, value in headers.items() if name.lower() == wanted), None)
        if header is None:
            return None
        if self.variant and isinstance(body, dict) and isinstance(body.get(self.variant), str):
            candidate = f"{header}.{body[self.variant]}"
            if candidate in self.events:
                return candidate
        return header


@lru_cache(maxsize=None)
def provider_info(name: str) -> ProviderInfo:
    folder = SCHEMAS / name
    envelope = yaml.safe_load((folder / "provider.yaml").read_text(encoding="utf-8"))["envelope"]
    events = []
    for path in sorted(folder.glob("*.yaml")):
        if path.name == "provider.yaml":
            continue
        event = yaml.safe_load(path.read_text(encoding="utf-8"))
        events.append(f"{event['event']}.{event['variant']}" if event.get("variant") else str(event["event"]))
    return ProviderInfo(name, envelope.get("discriminator"), envelope.get("eventHeader"), envelope.get("variant"),
                        tuple(events))


def provider_names() -> list[str]:
    return sorted(path.parent.name for path in SCHEMAS.glob("*/provider.yaml"))


def example_deliveries() -> list[Path]:
    return sorted(SCHEMAS.glob("*/deliveries/*.delivery.json"))


# --- Walking a body alongside its exported schema ----------------------------------------------------------------


@dataclass
class Site:
    kind: str  # "union", "integer enum", "object union member"
    pointer: str
    value: Any
    known: tuple = ()  # integer enum: the known values
    required: tuple = ()  # object union member: the chosen member's required members
    discriminator: str | None = None  # object union member of a discriminated union


class SchemaWalker:
    """Reads an exported schema the way the exporter writes it (resolving `$ref`s into `$defs`) and walks a body
    alongside it: it finds the places of the constructs under test and the shapes of the documented differences."""

    def __init__(self, root: dict):
        self.root = root
        self._definitions = root.get("$defs", {})

    def resolve(self, node: Any) -> Any:
        for _ in range(100):
            if not (isinstance(node, dict) and "$ref" in node):
                return node
            reference = node["$ref"]
            assert reference.startswith("#/$defs/"), reference
            node = self._definitions[unescape(reference[len("#/$defs/"):])]
        raise AssertionError("a $ref cycle")

    def matches(self, schema: dict, value: Any) -> bool:
        """Whether `value` is valid against `schema` (an `if`), with the root's `$defs` in reach."""
        return Draft202012Validator({**schema, "$defs": self._definitions}).is_valid(value)

    @staticmethod
    def nullable_wrapper(node: dict) -> bool:
        """`{if: {type: null}, else: S}`: a nullable `$ref` (or union)."""
        return node.get("if") == {"type": "null"} and "else" in node and "then" not in node

    def untagged_members(self, node: dict) -> list[tuple[dict, Any]] | None:
        """The (shape, member) pairs of an untagged union's `if`/`then`/`else` chain, which ends in an `anyOf`."""
        members = []
        while isinstance(node, dict) and {"if", "then", "else"} <= node.keys():
            members.append((node["if"], node["then"]))
            node = node["else"]
        return members if members and isinstance(node, dict) and "anyOf" in node else None

    @staticmethod
    def integer_enum(node: dict) -> tuple | None:
        """The known values of an integer enum: strict `{type: integer, enum: [...]}`, tolerant
        `{anyOf: [{enum: [...]}, {type: integer}]}` (either with `null` for a nullable one)."""
        values = node.get("enum")
        if values is None and len(node.get("anyOf", [])) == 2 and "enum" in node["anyOf"][0]:
            values = node["anyOf"][0]["enum"]
        if not values:
            return None
        known = [value for value in values if value is not None]
        return tuple(known) if known and all(is_integer(value) for value in known) else None

    def numeric(self, node: Any) -> set[str]:
        """Which of `integer` and `number` a schema takes."""
        node = self.resolve(node)
        if not isinstance(node, dict):
            return set()
        if self.nullable_wrapper(node):
            return self.numeric(node["else"])
        members = self.untagged_members(node)
        if members is not None:
            return set().union(*(self.numeric(member) for _, member in members))
        if self.integer_enum(node) is not None:
            return {"integer"}
        kinds = node.get("type")
        kinds = set(kinds) if isinstance(kinds, list) else {kinds}
        if "number" in kinds:
            return {"integer", "number"}
        return {"integer"} if "integer" in kinds else set()

    def walk(self, body: Any) -> tuple[list[Site], list[tuple[str, str]]]:
        """The sites of `body` and the documented differences it shows, as (name, pointer)."""
        sites: dict[tuple[str, str], Site] = {}
        differences: list[tuple[str, str]] = []
        self._visit(body, self.root, "", sites, differences)
        return list(sites.values()), sorted(set(differences))

    def _visit(self, value, node, at, sites, differences, member_of_union: bool = False) -> None:
        node = self.resolve(node)
        if not isinstance(node, dict):
            return
        # A union's member is not checked on its own: which numbers the union takes decides (Discord's option value
        # takes 1.0 as a `number` in hookschema, as an `integer` in JSON Schema: both accept it).
        if not member_of_union:
            if is_integer(value) and not -(2**63) <= value < 2**63 and "integer" in self.numeric(node):
                differences.append((BEYOND_64_BITS, at))
            if isinstance(value, float) and value.is_integer() and self.numeric(node) == {"integer"}:
                differences.append((INTEGRAL_FLOAT, at))
        if self.nullable_wrapper(node):
            if value is not None:
                self._visit(value, node["else"], at, sites, differences)
            return
        members = self.untagged_members(node)
        if members is not None:
            sites.setdefault(("union", at), Site("union", at, value))
            for shape, member in members:
                if self.matches(shape, value):
                    chosen = self.resolve(member)
                    if isinstance(value, dict) and isinstance(chosen, dict) and chosen.get("required"):
                        sites.setdefault(("object union member", at),
                                         Site("object union member", at, value, required=tuple(chosen["required"])))
                    self._visit(value, member, at, sites, differences, member_of_union=True)
                    break
            return
        known = self.integer_enum(node)
        if known is not None:
            sites.setdefault(("integer enum", at), Site("integer enum", at, value, known=known))
            return
        for branch in node.get("allOf", []):  # a discriminated union: `if` the discriminator's const, `then` a member
            if {"if", "then"} <= branch.keys() and self.matches(branch["if"], value):
                chosen = self.resolve(branch["then"])
                if isinstance(value, dict) and isinstance(chosen, dict):
                    discriminator = next(iter(branch["if"].get("properties", {})), None)
                    sites.setdefault(("object union member", at),
                                     Site("object union member", at, value, required=tuple(chosen.get("required", ())),
                                          discriminator=discriminator))
                self._visit(value, branch["then"], at, sites, differences)
        if isinstance(value, dict):
            properties = node.get("properties", {})
            additional = node.get("additionalProperties")
            for name, member in value.items():
                if name in properties:
                    self._visit(member, properties[name], f"{at}/{escape(name)}", sites, differences)
                elif isinstance(additional, dict):
                    self._visit(member, additional, f"{at}/{escape(name)}", sites, differences)
        elif isinstance(value, list) and isinstance(node.get("items"), dict):
            for index, item in enumerate(value):
                self._visit(item, node["items"], f"{at}/{index}", sites, differences)


def duplicate_members(text: str) -> list[tuple[str, str]]:
    """(DUPLICATE_MEMBER, pointer) for every member name an object of `text` repeats."""
    repeated: dict[int, list[str]] = {}

    def hook(pairs):
        result, names = {}, []
        for name, value in pairs:
            if name in result:
                names.append(name)
            result[name] = value
        if names:
            repeated[id(result)] = names
        return result

    def find(value, at, found):
        if isinstance(value, dict):
            for name in repeated.get(id(value), []):
                found.append((DUPLICATE_MEMBER, f"{at}/{escape(name)}"))
            for name, member in value.items():
                find(member, f"{at}/{escape(name)}", found)
        elif isinstance(value, list):
            for index, item in enumerate(value):
                find(item, f"{at}/{index}", found)
        return found

    return find(json.loads(text, object_pairs_hook=hook), "", [])


# --- The corpus --------------------------------------------------------------------------------------------------


@dataclass
class Body:
    number: int
    provider: str
    event: str
    delivery: Path
    headers: dict[str, str]
    text: str
    mutation: str  # "original" or what was changed
    pointer: str | None = None
    value: Any = None
    differences: list[tuple[str, str]] = field(default_factory=list)

    @property
    def instance(self) -> Any:
        return json.loads(self.text)

    def label(self) -> str:
        where = self.delivery.relative_to(ROOT)
        if self.mutation == "original":
            return f"#{self.number} {where} (as captured)"
        return f"#{self.number} {where}: {self.mutation} at {self.pointer}" + (
            "" if self.mutation.endswith("delete a required member") else f" = {json.dumps(self.value)}")


# One value of each JSON kind for a union member (and 1.0, an integer in JSON Schema, a number in hookschema).
UNION_VALUES = [("an integer", 1768471200), ("a number", 1.5), ("a date-time string", "2026-01-15T10:00:00Z"),
                ("a plain string", "not a date"), ("a boolean", True), ("null", None), ("an object", {}),
                ("an array", []), ("an integral float", 1.0)]
UNKNOWN_INTEGER = 99
UNKNOWN_DISCRIMINATOR = "hookschema_unknown_member"


def mutations(site: Site) -> list[tuple[str, str, Any, bool]]:
    """(description, pointer, value, delete) for one site; deterministic."""
    result = []
    if site.kind == "union":
        for kind, value in UNION_VALUES:
            result.append((f"untagged union: {kind}", site.pointer, value, False))
    elif site.kind == "integer enum":
        for value in site.known:
            if value != site.value:
                result.append(("integer enum: another known value", site.pointer, value, False))
        result.append(("integer enum: unknown integer", site.pointer, max(site.known) + UNKNOWN_INTEGER, False))
        result.append(("integer enum: known value as a string", site.pointer, str(site.known[0]), False))
        result.append(("integer enum: known value written as a float", site.pointer, float(site.known[0]), False))
        result.append(("integer enum: boolean", site.pointer, True, False))
        result.append(("integer enum: null", site.pointer, None, False))
    elif site.kind == "object union member":
        for name in site.required:
            if isinstance(site.value, dict) and name in site.value:
                result.append(("union member: delete a required member", f"{site.pointer}/{escape(name)}",
                               None, True))
        if site.discriminator is not None:
            result.append(("union member: unknown discriminator value", f"{site.pointer}/{escape(site.discriminator)}",
                           UNKNOWN_DISCRIMINATOR, False))
    return result


class Corpus:
    def __init__(self, exported: Path):
        self.exported = exported
        self.bodies: list[Body] = []
        self.sites: set[tuple[str, str, str, str]] = set()
        self._schemas: dict[tuple[str, str, str], dict] = {}
        seen: set[tuple[str, str]] = set()
        for delivery in example_deliveries():
            provider = delivery.parent.parent.name
            captured = json.loads(delivery.read_text(encoding="utf-8"))
            headers, text = captured["headers"], captured["body"]
            body = json.loads(text)
            info = provider_info(provider)
            event = info.event_of(body, headers)
            assert event in info.events, f"{delivery}: event {event!r} is not one of {info.events}"
            self._add(provider, event, delivery, headers, text, "original", seen)
            sites, _ = SchemaWalker(self.schema("tolerant", provider, event)).walk(body)
            for site in sites:
                self.sites.add((provider, event, site.kind, site.pointer))
                for description, at, value, delete in mutations(site):
                    mutated = json.dumps(replaced(body, at, value, delete), ensure_ascii=False)
                    self._add(provider, event, delivery, headers, mutated, description, seen, at, value)

    def _add(self, provider, event, delivery, headers, text, mutation, seen, at=None, value=None):
        if (str(delivery), text) in seen:
            return
        seen.add((str(delivery), text))
        body = Body(len(self.bodies), provider, event, delivery, headers, text, mutation, at, value)
        _, differences = SchemaWalker(self.schema("tolerant", provider, event)).walk(body.instance)
        body.differences = sorted(set(differences) | set(duplicate_members(text)))
        self.bodies.append(body)

    def schema(self, mode: str, provider: str, event: str | None = None) -> dict:
        """The exported event schema (`<provider>/<event>.schema.json`), or with no event the provider's."""
        key = (mode, provider, event or "")
        if key not in self._schemas:
            stem = event.replace("/", ".") if event else ""
            path = self.exported / mode / (f"{provider}/{stem}.schema.json" if event else f"{provider}.schema.json")
            self._schemas[key] = json.loads(path.read_text(encoding="utf-8"))
        return self._schemas[key]


# --- The validators ----------------------------------------------------------------------------------------------


@lru_cache(maxsize=None)
def _validator(schema_text: str) -> Draft202012Validator:
    schema = json.loads(schema_text)
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def validator(schema: dict) -> Draft202012Validator:
    return _validator(json.dumps(schema, sort_keys=True))


def error_pointers(errors) -> set[str]:
    """The instance pointers of python-jsonschema's errors, mapped to hookschema's finding paths exactly as
    Tests/Differential/validators.py (PythonJSONSchema.pointers) does: `required` to the missing member's pointer,
    `additionalProperties: false` to each unknown member's, `propertyNames` to the key's."""
    found = set()
    for error in errors:
        base = pointer(error.absolute_path)
        schema_path = list(error.schema_path)
        if error.validator == "required" and isinstance(error.instance, dict):
            for name in error.validator_value:
                if name not in error.instance:
                    found.add(base + "/" + escape(name))
        elif error.validator == "additionalProperties" and error.validator_value is False:
            declared = error.schema.get("properties", {})
            for name in error.instance:
                if name not in declared:
                    found.add(base + "/" + escape(name))
        elif len(schema_path) >= 2 and schema_path[-2] == "propertyNames":
            found.add(base + "/" + escape(error.instance))
        else:
            found.add(base)
    return found


# --- Fixtures ----------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def binary() -> str:
    binary = os.environ.get("HOOKSCHEMA")
    if not binary:
        pytest.skip("HOOKSCHEMA is not set (Tests/Cookbook/run.sh sets it)")
    assert os.access(binary, os.X_OK), f"HOOKSCHEMA={binary} is not an executable"
    return binary


def run(binary: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([binary, *args], capture_output=True, text=True, cwd=ROOT, timeout=120, check=False)


@pytest.fixture(scope="module")
def exported(binary: str, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("jsonschema")
    for mode in MODES:
        result = run(binary, "export", "jsonschema", "--schemas", str(SCHEMAS), "--output", str(out / mode),
                     "--mode", mode)
        assert result.returncode == 0, f"export --mode {mode} failed ({result.returncode}): {result.stderr}"
    return out


@pytest.fixture(scope="module")
def corpus(exported: Path) -> Corpus:
    return Corpus(exported)


@pytest.fixture(scope="module")
def checked(binary: str, corpus: Corpus, tmp_path_factory) -> dict[int, dict]:
    """hookschema's result for every body of the corpus, from one `check` run over copies of the deliveries."""
    folder = tmp_path_factory.mktemp("bodies")
    paths = {}
    for body in corpus.bodies:
        path = folder / f"{body.number:04d}-{body.provider}.delivery.json"
        path.write_text(json.dumps({"headers": body.headers, "body": body.text}, ensure_ascii=False), encoding="utf-8")
        paths[str(path)] = body.number
    result = run(binary, "check", "--schemas", str(SCHEMAS), "--format", "json", *paths)
    assert result.returncode in (0, 1), f"check failed ({result.returncode}): {result.stderr}"
    results = json.loads(result.stdout)["results"]
    by_number = {}
    for entry in results:
        source = str(Path(entry["source"]) if os.path.isabs(entry["source"]) else ROOT / entry["source"])
        assert source in paths, f"check reported an unexpected source {entry['source']!r}"
        by_number[paths[source]] = entry
    assert len(by_number) == len(corpus.bodies), f"check reported {len(by_number)} of {len(corpus.bodies)} bodies"
    return by_number


# --- Comparing ---------------------------------------------------------------------------------------------------


def finding_text(finding: dict) -> str:
    return f"{finding['severity']} {finding['kind']} {finding['path']}: {finding['message']}"


def implied(body: Body, result: dict, schemas: dict[str, dict]) -> list[str]:
    """For a header-named provider's `anyOf` schema: a body hookschema accepts (in a mode) is valid there too."""
    documented = {(DOCUMENTED_FINDING[name], at) for name, at in body.differences}
    problems = []
    for mode in MODES:
        counted = [
            finding for finding in result["findings"]
            if (mode == "strict" or finding["severity"] == "error") and (finding["kind"], finding["path"]) not in documented
        ]
        errors = list(validator(schemas[mode]).iter_errors(body.instance))
        if not counted and errors:
            problems.append(f"{mode}: hookschema accepts the body, the provider's anyOf rejects it: {errors[0].message}")
    return problems


def compare(body: Body, result: dict, schemas: dict[str, dict], what: str) -> list[str]:
    """The disagreements of one body (empty when hookschema and the export agree, in both modes)."""
    findings = result["findings"]
    problems = []
    if result.get("event") != body.event:
        problems.append(f"hookschema read the event {result.get('event')!r}, provider.yaml says {body.event!r}")
    headers = [finding for finding in findings if finding["path"].startswith("/headers/")]
    if headers:
        problems.append("header findings (the corpus never changes headers): " + "; ".join(map(finding_text, headers)))
    # The documented differences: hookschema must report the documented finding; the export is then compared with
    # hookschema's verdict without it.
    documented = []
    for name, at in body.differences:
        expected_kind = DOCUMENTED_FINDING[name]
        match = [finding for finding in findings if finding["kind"] == expected_kind and finding["path"] == at]
        if not match:
            problems.append(f"documented difference {name!r} at {at}: hookschema should report {expected_kind} "
                            f"there (Tests/Differential/README.md)")
        documented += match
    remaining = [finding for finding in findings if finding not in documented and finding not in headers]
    instance = body.instance
    for mode in MODES:
        counted = [finding for finding in remaining if mode == "strict" or finding["severity"] == "error"]
        hookschema_valid = not counted
        errors = sorted(validator(schemas[mode]).iter_errors(instance), key=lambda error: list(error.absolute_path))
        export_valid = not errors
        paths = error_pointers(errors)
        expected_paths = {finding["path"] for finding in counted}
        if hookschema_valid != export_valid or paths != expected_paths:
            kind = "verdicts" if hookschema_valid != export_valid else "paths"
            problems.append(
                f"{mode} {what}: {kind} disagree: hookschema {'valid' if hookschema_valid else 'invalid'} "
                f"(verdict {result['verdict']}; findings: {'; '.join(map(finding_text, findings)) or 'none'}), "
                f"JSON Schema {'valid' if export_valid else 'invalid'} (errors: "
                + ("; ".join(f"{pointer(error.absolute_path) or '/'} [{'/'.join(map(str, error.schema_path))}] "
                             f"{error.message[:160]}" for error in errors) or "none")
                + f"); hookschema paths {sorted(expected_paths)}, JSON Schema paths {sorted(paths)}")
    return problems


# --- Tests -------------------------------------------------------------------------------------------------------


@pytest.mark.hookschema
def test_export_layout(exported: Path):
    """One file per event at `<provider>/<eventType>.schema.json` (a `/` in the type written `.`), one per provider,
    and nothing else; every file is a valid draft 2020-12 schema with its named types in `$defs`."""
    expected = set()
    for name in provider_names():
        expected.add(f"{name}.schema.json")
        expected |= {f"{name}/{event.replace('/', '.')}.schema.json" for event in provider_info(name).events}
    assert "shopify/orders.create.schema.json" in expected
    for mode in MODES:
        found = {path.relative_to(exported / mode).as_posix() for path in (exported / mode).rglob("*.schema.json")}
        assert found == expected, f"{mode}: missing {sorted(expected - found)}, unexpected {sorted(found - expected)}"
        for relative in sorted(found):
            schema = json.loads((exported / mode / relative).read_text(encoding="utf-8"))
            Draft202012Validator.check_schema(schema)
            references = set()

            def collect(node):
                if isinstance(node, dict):
                    if isinstance(node.get("$ref"), str):
                        references.add(node["$ref"])
                    for member in node.values():
                        collect(member)
                elif isinstance(node, list):
                    for member in node:
                        collect(member)

            collect(schema)
            local = {"#/$defs/" + escape(name) for name in schema.get("$defs", {})}
            assert references <= local, f"{mode}/{relative}: not self-contained: {sorted(references - local)}"


@pytest.mark.hookschema
def test_the_walker_finds_the_new_constructs(corpus: Corpus):
    """The untagged unions and integer enums of the examples are found in the exported schemas (not hard-coded)."""
    missing = EXPECTED_SITES - corpus.sites
    assert not missing, f"the walker missed {sorted(missing)} (found {sorted(corpus.sites)})"


def test_known_differences_are_the_documented_ones():
    """The differences this file allows are cases of Tests/Differential/known_differences.py, by name."""
    tree = ast.parse(KNOWN_DIFFERENCES_FILE.read_text(encoding="utf-8"))
    names = {
        node.elts[0].value
        for node in ast.walk(tree)
        if isinstance(node, ast.Tuple) and node.elts and isinstance(node.elts[0], ast.Constant)
        and isinstance(node.elts[0].value, str)
    }
    assert set(DOCUMENTED_FINDING) <= names, f"not in {KNOWN_DIFFERENCES_FILE}: {set(DOCUMENTED_FINDING) - names}"


@pytest.mark.hookschema
def test_event_schemas_agree_with_check(corpus: Corpus, checked: dict[int, dict], capsys):
    """Every body: `<provider>/<event>.schema.json` (tolerant and strict) says what `hookschema check` says."""
    disagreements = []
    verdicts = {"pass": 0, "drift": 0, "fail": 0}
    documented = 0
    for body in corpus.bodies:
        result = checked[body.number]
        verdicts[result["verdict"]] += 1
        documented += bool(body.differences)
        schemas = {mode: corpus.schema(mode, body.provider, body.event) for mode in MODES}
        problems = compare(body, result, schemas, f"{body.provider}/{body.event}.schema.json")
        if problems:
            disagreements.append(body.label() + "\n    " + "\n    ".join(problems))
    originals = sum(body.mutation == "original" for body in corpus.bodies)
    summary = (
        f"JSON Schema export vs hookschema check: {len(corpus.bodies)} bodies ({originals} example deliveries, "
        f"{len(corpus.bodies) - originals} mutations at {len(corpus.sites)} sites; hookschema: "
        f"{verdicts['pass']} pass, {verdicts['drift']} drift, {verdicts['fail']} fail; {documented} showing a "
        f"documented difference), "
        f"{len(corpus.bodies) - len(disagreements)} agree in both modes, {len(disagreements)} disagree"
    )
    with capsys.disabled():
        print("\n" + summary)
    assert not disagreements, summary + "\n" + "\n".join(disagreements)


@pytest.mark.hookschema
@pytest.mark.parametrize("provider", provider_names())
def test_provider_schema_agrees_with_check(provider: str, corpus: Corpus, checked: dict[int, dict]):
    """`<provider>.schema.json`, which dispatches to the events, says what `hookschema check` says about every body
    of the provider, as the event's own schema does."""
    disagreements = []
    bodies = [body for body in corpus.bodies if body.provider == provider]
    header_named = provider_info(provider).event_header is not None
    for body in bodies:
        schemas = {mode: corpus.schema(mode, provider) for mode in MODES}
        if header_named:
            # The event is in a header, which a body-only schema cannot see: `<provider>.schema.json` is an `anyOf` of
            # the events, so it accepts every body hookschema accepts as its own event (and may accept more).
            problems = implied(body, checked[body.number], schemas)
        else:
            problems = compare(body, checked[body.number], schemas, f"{provider}.schema.json")
        if problems:
            disagreements.append(body.label() + "\n    " + "\n    ".join(problems))
    shown = disagreements[:5]
    assert not disagreements, (
        f"{provider}.schema.json: {len(disagreements)} of {len(bodies)} bodies disagree"
        + (f" (the first {len(shown)})" if len(shown) < len(disagreements) else "") + "\n" + "\n".join(shown))
