"""How close `hookschema infer` gets to GitHub's official webhook schemas from GitHub's examples alone (issue 16),
with GenSON (PyPI `genson`) on the same samples as the baseline. Run it with Tests/Infer/run.sh.
bundled_comparison.py imports its reader of hookschema's YAML (HookSchemaSide), `walk` and Member's comparison.

The corpus is ../shared/corpora/github-webhooks (`--corpora DIR` overrides; nothing of it is copied into the repo):
`payload-schemas/api.github.com/<event>/<action>.schema.json` (JSON Schema draft-07; shared schemas in `common/`,
referenced across files by `$id`, so every file is put in a `referencing` registry under its `$id`, as
Tests/Import/catalogs.py does) and the examples `payload-examples/api.github.com/<event>/<name>.json`.

1. Each example becomes a captured delivery `<tmp>/deliveries/<event>.<name>.delivery.json`:
   `{"headers": {"X-GitHub-Event": "<event>"}, "body": "<the file's exact text>"}` (a real delivery carries that header).
2. `hookschema infer <tmp>/deliveries --provider github --output <tmp>/schemas`, then
   `hookschema check --schemas <tmp>/schemas <tmp>/deliveries --format json`: no delivery may fail (drift is allowed
   and counted).
3. The official schema of an example is `<event>/<action>.schema.json` (`action` read from the body), else
   `<event>/event.schema.json`, else the event folder's only schema; an example with none is skipped and counted.
   Walking the example, every object member reached is a place: (official schema file, JSON pointer with array
   indices written `*`). At a place each side's schema for the member is resolved:
   - JSON Schema (the official one and GenSON's): `$ref`s followed through the registry; `allOf` parts combined
     (properties, `required`, types and enums intersected); of a `oneOf`/`anyOf`, the first branch the value validates
     against (Draft7Validator with the registry; a null value takes the first branch with a non-null type); a member
     not in `properties` takes `additionalProperties` when it is a schema, else it is unconstrained.
   - hookschema's YAML: the event file (`event:` and `variant:` of `<event>.<action>.yaml` or `<event>.yaml`), its
     `fields:` after the envelope's (the variant member `action` is a required string `const`), `$ref` into
     provider.yaml's `types:`, array `items`, map `values`; a union with `discriminator`/`mapping` takes the member the
     value's discriminator names, an untagged union (`members:`) the first member whose shape the value has (JSON kind,
     an object's required members and string consts), as the validator does; a null value takes the first member.
     Below `any` everything is `any`; a member the object does not declare agrees on nothing but `required`.
   Four attributes are compared per place with the official one:
   - type: the set of non-null JSON types (`integer` and `number` distinct). hookschema's string formats, string
     enums and consts are `string`, an enum of integers `integer`, a map `object`; `any` agrees only where the
     official schema has no type (nor a non-null enum). A schema without type states none (the empty set).
   - required: in the parent object's `required` (hookschema: `required: true`).
   - nullable: null is allowed (JSON Schema: the member's schema validates null; hookschema: `nullable: true` on
     the field, the named type or the chosen member, or `any`).
   - enum/const: the official `enum` values or `const` without null, against hookschema's `values`/`const` (GenSON
     writes none): both absent agree, equal sets agree, anything else disagrees.
   A place agrees on an attribute when it agreed at every sample that reached it: each place counts once.
4. GenSON: one `SchemaBuilder` per official schema file, fed every example of that file with `add_object`, compared
   the same way (it writes `type` lists with "null", `required`, `anyOf`).
5. The table: places, agreement per attribute and overall (all four attributes of all places), for both; the check
   result; then `N passed, M failed` over the criteria (a) infer exits 0, (b) check fails no example, (c) hookschema's
   overall agreement is above GenSON's. Exit status 1 when a criterion failed. `--json FILE` writes the figures.
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from urllib.parse import urljoin

import genson
import yaml
from jsonschema import Draft7Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT7

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
ATTRIBUTES = ("type", "required", "nullable", "enum")
ANY, UNDECLARED = "any", "undeclared"          # hookschema's `any`; a member its object does not declare
STRING_TYPES = {"string", "datetime", "date", "uri", "uri-template", "email", "uuid"}


def canon(value):
    return json.dumps(value, sort_keys=True)


def kind(value):
    """The JSON type of a value, `integer` for a number without fraction."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    return {int: "integer", float: "number", str: "string", list: "array", dict: "object"}[type(value)]


class Member:
    """One side's view of a member at a place: its non-null JSON types (or ANY, UNDECLARED), whether it is
    required, whether null is allowed, and its enum/const values (canonical JSON strings) or None."""

    def __init__(self, types, required, nullable, enum):
        self.types, self.required, self.nullable, self.enum = types, required, nullable, enum

    @staticmethod
    def types_agree(one, other):
        """`any` agrees with `any` and with a schema that states no type; anything else agrees when equal."""
        if one == ANY or other == ANY:
            return (one == ANY or not one) and (other == ANY or not other)
        return one == other

    def agreement(self, official):
        """{attribute: agreed} against another side's Member (the official one, or the bundled schema's)."""
        return {"type": self.types_agree(self.types, official.types), "required": self.required == official.required,
                "nullable": self.nullable == official.nullable, "enum": self.enum == official.enum}


# --- JSON Schema: the official schemas and GenSON's ----------------------------------------------------------------


class JSONSchemaSide:
    """A schema here is a list of conjuncts (schema, base URI); `registry` None for GenSON's self-contained schemas."""

    def __init__(self, registry=None):
        self.registry = registry
        self.validators, self.nullables = {}, {}

    def accepts(self, schema, base, value):
        key = (id(schema), base)
        if key not in self.validators:
            if self.registry is None:
                self.validators[key] = Draft7Validator(schema)
            else:   # a wrapper beside `base`, so relative `$ref`s resolve as they do in the file itself
                wrapper = {"$id": urljoin(base, "__probe__.json"), "allOf": [schema]}
                self.validators[key] = Draft7Validator(wrapper, registry=self.registry)
        return self.validators[key].is_valid(value)

    def types(self, schema, base):
        parts = self.expand([(schema, base)], None, pick=False)
        return {t for s, _ in parts for t in ([s["type"]] if isinstance(s.get("type"), str) else s.get("type", []))}

    def pick(self, branches, base, value):
        if value is None:
            return next(((b, base) for b in branches if self.types(b, base) - {"null"}), (branches[0], base))
        fitting = [b for b in branches if not self.types(b, base) or kind(value) in self.types(b, base)
                   or (kind(value) == "integer" and "number" in self.types(b, base))]
        if len(fitting) == 1:
            return fitting[0], base
        return next(((b, base) for b in fitting if self.accepts(b, base, value)), ((fitting or branches)[0], base))

    def expand(self, conjuncts, value, pick=True):
        """`$ref`s followed, `allOf` flattened, one branch of each `oneOf`/`anyOf`: the plain parts of a schema."""
        parts, work = [], list(conjuncts)
        while work:
            schema, base = work.pop(0)
            if not isinstance(schema, dict):
                continue
            if "$ref" in schema:    # draft-07: a `$ref`'s siblings are ignored
                target = urljoin(base, schema["$ref"])
                resolved = self.registry.resolver(base).lookup(schema["$ref"])
                work.insert(0, (resolved.contents, target.split("#")[0]))
                continue
            parts.append((schema, base))
            work.extend((part, base) for part in schema.get("allOf", []))
            for key in ("oneOf", "anyOf"):
                if key in schema and pick:
                    work.append(self.pick(schema[key], base, value))
        return parts

    def member(self, conjuncts, required, value):
        types, enum = None, None
        for schema, _ in self.expand(conjuncts, value):
            if "type" in schema:
                stated = {schema["type"]} if isinstance(schema["type"], str) else set(schema["type"])
                types = stated if types is None else types & stated
            values = schema["enum"] if "enum" in schema else [schema["const"]] if "const" in schema else None
            if values is not None:
                stated = {canon(v) for v in values}
                enum = stated if enum is None else enum & stated
        if types is None and enum is not None:
            types = {kind(json.loads(v)) for v in enum}
        enum = None if enum is None else frozenset(enum - {"null"}) or None
        for schema, base in conjuncts:
            if (id(schema), base) not in self.nullables:
                self.nullables[(id(schema), base)] = self.accepts(schema, base, None)
        nullable = all(self.nullables[(id(schema), base)] for schema, base in conjuncts)
        return Member(frozenset((types or set()) - {"null"}), required, nullable, enum)

    def children(self, conjuncts, value):
        """(name → (conjuncts, required), items conjuncts) of the schema, for `value`'s members or items."""
        properties, required, additional, items = defaultdict(list), set(), [], []
        for schema, base in self.expand(conjuncts, value):
            for name, sub in schema.get("properties", {}).items():
                properties[name].append((sub, base))
            required |= set(schema.get("required", []))
            if isinstance(schema.get("additionalProperties"), dict):
                additional.append((schema["additionalProperties"], base))
            if isinstance(schema.get("items"), dict):
                items.append((schema["items"], base))
        child = {name: (properties.get(name, additional), name in required) for name in
                 (value if isinstance(value, dict) else {})}
        return child, items


# --- hookschema's YAML -------------------------------------------------------------------------------------------


class YAMLLoader(yaml.SafeLoader):
    """YAML as hookschema reads it: no timestamps, and only true/false are booleans (`off` is a string)."""


YAMLLoader.yaml_implicit_resolvers = {
    key: [(tag, rx) for tag, rx in resolvers if tag not in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool")]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}
YAMLLoader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
                                list("tTfF"))


def load_yaml(path):
    with open(path, encoding="utf-8") as handle:
        return yaml.load(handle, Loader=YAMLLoader)  # noqa: S506 (a SafeLoader subclass)


class HookSchemaSide:
    """A schema here is a field's YAML node (a dict, or a type name shorthand), ANY below `any`, None: undeclared.
    Reads any provider folder in hookschema's language (inferred, imported or hand-written, as Schemas/extend)."""

    def __init__(self, folder):
        provider = load_yaml(os.path.join(folder, "provider.yaml"))
        self.types = provider.get("types") or {}
        self.envelope = provider.get("envelope") or {}
        self.events = {}
        for path in glob.glob(os.path.join(folder, "*.yaml")):
            if os.path.basename(path) != "provider.yaml":
                document = load_yaml(path)
                self.events[(str(document["event"]), document.get("variant"))] = document

    def root(self, event, action=None):
        """The body's schema for an event (and variant): the envelope's fields, the discriminator a `const` of the
        event type, the variant member a `const`, the event's `fields:`, the payload member its `payload:`."""
        document = self.events.get((event, action)) or self.events.get((event, None))
        if document is None:
            return None
        fields = dict(self.envelope.get("fields") or {})
        discriminator = self.envelope.get("discriminator")
        if discriminator:   # a body member names the event (Extend's eventType); GitHub's header-named ones have none
            declared = fields.get(discriminator) or {}
            declared = {"type": declared} if isinstance(declared, str) else declared
            fields[discriminator] = {**declared, "required": True, "const": document["event"]}
            fields[discriminator].setdefault("type", "string")
        if document.get("variant") is not None and self.envelope.get("variant"):
            fields[self.envelope["variant"]] = {"type": "string", "required": True, "const": document["variant"]}
        fields.update(document.get("fields") or {})
        if self.envelope.get("payload") and "payload" in document:
            payload = document["payload"]
            payload = {"type": payload} if isinstance(payload, str) else payload
            fields[self.envelope["payload"]] = {**payload, "required": True}
        return {"type": "object", "fields": fields}

    def kinds(self, node, shape=True):
        """The JSON types of a schema: as a value's shape (a `number` takes integers), else as stated."""
        node = self.named(node)
        kind_of = node.get("type", "any")
        if kind_of in STRING_TYPES:
            return {"string"}
        if kind_of == "enum":
            return {self.enum_kind(node)}
        if kind_of == "union":
            members = node.get("members") or list(node.get("mapping", {}).values())
            return set().union(*(self.kinds(m, shape) for m in members))
        return {"map": {"object"}, "number": {"integer", "number"} if shape else {"number"},
                "any": {"string", "integer", "number", "boolean", "object", "array"}}.get(kind_of, {kind_of})

    def named(self, node):
        node = {"type": node} if isinstance(node, str) else node
        return self.named(self.types[node["$ref"]]) if "$ref" in node else node

    @staticmethod
    def enum_kind(node):
        values = [v.get("value") if isinstance(v, dict) else v for v in node.get("values", [])]
        return "integer" if values and all(type(v) is int for v in values) else "string"

    def has_shape(self, member, value):
        """The untagged union's rule: the JSON kind, and for an object its required members and string consts."""
        node = self.named(member)
        if kind(value) not in self.kinds(node) and value is not None:
            return False
        if isinstance(value, str) and ("const" in node or (node.get("type") == "enum" and node.get("closed"))):
            accepted = [node["const"]] if "const" in node else node["values"]
            return value in [str(v.get("value") if isinstance(v, dict) else v) for v in accepted]
        if isinstance(value, dict) and node.get("type") == "object":
            for name, field in (node.get("fields") or {}).items():
                field = {"type": field} if isinstance(field, str) else field
                if field.get("required") and (name not in value or ("const" in field and isinstance(
                        field["const"], str) and value[name] != field["const"])):
                    return False
        return True

    def resolve(self, node, value):
        """Follow `$ref`s and unions to the schema `value` is checked against; whether null was allowed on the way."""
        node, nullable, _ = self.resolve_refs(node, value)
        return node, nullable

    def resolve_refs(self, node, value):
        """`resolve`, and the named types followed on the way (outermost first)."""
        nullable, refs = False, []
        while True:
            node = {"type": node} if isinstance(node, str) else node
            nullable |= bool(node.get("nullable"))
            if "$ref" in node:
                refs.append(node["$ref"])
                node = self.types[node["$ref"]]
            elif node.get("type") == "union" and "mapping" in node:
                mapping = node["mapping"]
                tag = value.get(node.get("discriminator")) if isinstance(value, dict) else None
                chosen = mapping.get(tag, next(iter(mapping.values())))
                node = {"$ref": chosen} if isinstance(chosen, str) else chosen
            elif node.get("type") == "union":
                members = node.get("members") or [{"type": "any"}]
                node = next((m for m in members if value is not None and self.has_shape(m, value)), members[0])
            else:
                return node, nullable or node.get("type", "any") == "any", refs

    def member(self, node, required, value):
        if node is None:
            return Member(UNDECLARED, required, False, None)
        if node is ANY:
            return Member(ANY, required, True, None)
        resolved, _ = self.resolve(node, value)
        _, nullable = self.resolve(node, None)
        kind_of = resolved.get("type", "any")
        types = ANY if kind_of == "any" else frozenset(self.kinds(resolved, shape=False))
        enum = None
        if kind_of == "enum":
            values = [v.get("value") if isinstance(v, dict) else v for v in resolved.get("values", [])]
            enum = frozenset(canon(v if self.enum_kind(resolved) == "integer" else str(v)) for v in values)
        elif "const" in resolved:
            constant = resolved["const"]
            enum = frozenset([canon(str(constant) if kind_of in STRING_TYPES else constant)])
        return Member(types, required, nullable, enum)

    def children(self, node, value):
        if node is None or node is ANY:
            return {name: (node, False) for name in (value if isinstance(value, dict) else {})}, node
        resolved, _ = self.resolve(node, value)
        kind_of = resolved.get("type", "any")
        if kind_of == "any":
            return {name: (ANY, False) for name in (value if isinstance(value, dict) else {})}, ANY
        fields = resolved.get("fields") or {}
        child = {}
        for name in value if isinstance(value, dict) else {}:
            if kind_of == "map":
                child[name] = (resolved.get("values", {"type": "any"}), False)
            else:
                field = fields.get(name)
                field = {"type": field} if isinstance(field, str) else field
                child[name] = (field, bool(field and field.get("required")))
        return child, resolved.get("items")


# --- the comparison ----------------------------------------------------------------------------------------------


def walk(value, pointer, sides, schemas, record):
    """Record every object member below `value` (each side's schema in `schemas`) as a place: `record(pointer,
    {side name: Member})`, the pointer with array indices written `*`. `sides` maps a name to a side (HookSchemaSide,
    JSONSchemaSide), `schemas` the name to that side's schema of `value` (a side's `root`)."""
    below = {name: side.children(schemas[name], value) for name, side in sides.items()}
    if isinstance(value, dict):
        for key, child in value.items():
            place = pointer + "/" + key.replace("~", "~0").replace("/", "~1")
            members = {name: sides[name].member(*below[name][0][key], child) for name in sides}
            record(place, members)
            walk(child, place, sides, {name: below[name][0][key][0] for name in sides}, record)
    elif isinstance(value, list):
        for item in value:
            walk(item, pointer + "/*", sides, {name: below[name][1] for name in sides}, record)


def load_corpus(corpora):
    schemas_root = os.path.join(corpora, "github-webhooks", "payload-schemas", "api.github.com")
    examples_root = os.path.join(corpora, "github-webhooks", "payload-examples", "api.github.com")
    resources, documents = [], {}
    for path in sorted(glob.glob(os.path.join(schemas_root, "**", "*.schema.json"), recursive=True)):
        with open(path, encoding="utf-8") as handle:
            document = json.load(handle)
        relative = os.path.relpath(path, schemas_root)
        uri = document.get("$id", relative)
        resources.append((uri, Resource.from_contents(document, default_specification=DRAFT7)))
        documents[relative[: -len(".schema.json")]] = (document, uri)
    examples = []
    for path in sorted(glob.glob(os.path.join(examples_root, "*", "*.json"))):
        event = os.path.basename(os.path.dirname(path))
        name = os.path.basename(path)[: -len(".json")]
        name = name[: -len(".payload")] if name.endswith(".payload") else name
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
        body = json.loads(text)
        action = body.get("action") if isinstance(body, dict) else None
        in_folder = [key for key in documents if key.startswith(event + "/")]
        official = next((key for key in (f"{event}/{action}", f"{event}/event") if key in documents),
                        in_folder[0] if len(in_folder) == 1 else None)
        examples.append({"event": event, "name": name, "text": text, "body": body, "action": action,
                         "official": official})
    return Registry().with_resources(resources), documents, examples


def run(command):
    print("$ " + " ".join(command), flush=True)
    return subprocess.run(command, capture_output=True, text=True)


def check_deliveries(binary, schemas, deliveries):
    result = run([binary, "check", "--schemas", schemas, deliveries, "--format", "json"])
    try:
        report = json.loads(result.stdout)
    except json.JSONDecodeError:
        sys.stdout.write(result.stdout + result.stderr)
        return {"ran": False, "exit": result.returncode, "failures": []}
    failures = [{"delivery": os.path.basename(r["source"]), "event": r.get("event"),
                 "findings": [(f.get("path"), f.get("kind"), f.get("message")) for f in r["findings"]
                              if f.get("severity") == "error"]}
                for r in report["results"] if r["verdict"] == "fail"]
    return {"ran": True, "exit": result.returncode, **report["summary"], "failures": failures}


def compare(examples, documents, official, hookschema):
    """{(schema file, pointer): {side: {attribute: agreed at every sample}}} for GenSON and, if given, hookschema."""
    by_file = defaultdict(list)
    for example in examples:
        if example["official"]:
            by_file[example["official"]].append(example)
    baseline = JSONSchemaSide()
    places = defaultdict(lambda: defaultdict(lambda: dict.fromkeys(ATTRIBUTES, True)))
    for key, group in sorted(by_file.items()):
        builder = genson.SchemaBuilder()
        for example in group:
            builder.add_object(example["body"])
        document, uri = documents[key]
        sides = {"official": official, "GenSON": baseline, "hookschema": hookschema}
        roots = {"official": [(document, uri)], "GenSON": [(builder.to_schema(), None)]}
        if hookschema is None:
            del sides["hookschema"]
        for example in group:
            if hookschema:
                roots["hookschema"] = hookschema.root(example["event"], example["action"])

            def record(pointer, members):
                for side in set(sides) - {"official"}:
                    agreed = members[side].agreement(members["official"])
                    tally = places[(key, pointer)][side]
                    for attribute in ATTRIBUTES:
                        tally[attribute] &= agreed[attribute]

            walk(example["body"], "", sides, roots, record)
    return places, len(by_file)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--hookschema", required=True, help="the hookschema binary")
    parser.add_argument("--corpora", default=os.path.join(os.path.dirname(REPO), "shared", "corpora"))
    parser.add_argument("--json", help="write the figures to this file")
    parser.add_argument("--keep", help="work in this folder and keep it (default: a temporary folder, removed)")
    args = parser.parse_args()
    started = time.monotonic()

    registry, documents, examples = load_corpus(args.corpora)
    work = args.keep or tempfile.mkdtemp(prefix="hookschema-infer-")
    deliveries, schemas = os.path.join(work, "deliveries"), os.path.join(work, "schemas")
    os.makedirs(deliveries, exist_ok=True)
    for example in examples:
        delivery = {"headers": {"X-GitHub-Event": example["event"]}, "body": example["text"]}
        with open(os.path.join(deliveries, f"{example['event']}.{example['name']}.delivery.json"), "w",
                  encoding="utf-8") as handle:
            json.dump(delivery, handle, ensure_ascii=False)

    inferred = run([args.hookschema, "infer", deliveries, "--provider", "github", "--output", schemas])
    sys.stdout.write(inferred.stdout + inferred.stderr)
    infer_ok = inferred.returncode == 0
    check = check_deliveries(args.hookschema, schemas, deliveries) if infer_ok else {"ran": False, "failures": []}
    hookschema = HookSchemaSide(os.path.join(schemas, "github")) if infer_ok else None
    places, files = compare(examples, documents, JSONSchemaSide(registry), hookschema)
    if not args.keep:
        shutil.rmtree(work)

    figures = {"examples": len(examples), "without_official_schema": sum(not e["official"] for e in examples),
               "official_schemas": files, "places": len(places), "infer_exit": inferred.returncode, "check": check}
    for side in ("hookschema", "GenSON"):
        agreed = {a: sum(p[side][a] for p in places.values()) for a in ATTRIBUTES}
        figures[side] = {a: 100.0 * n / len(places) for a, n in agreed.items()}
        figures[side]["overall"] = 100.0 * sum(agreed.values()) / (len(ATTRIBUTES) * len(places))
    if not infer_ok:
        figures["hookschema"] = None

    print(f"\n{len(examples)} examples ({figures['without_official_schema']} without an official schema), "
          f"{files} official schema files, {len(places)} places (schema file, member pointer) compared")
    print(f"{'':12}{'type':>9}{'required':>10}{'nullable':>10}{'enum/const':>12}{'overall':>9}")
    for side in ("hookschema", "GenSON"):
        row = figures[side]
        cells = [f"{row[a]:.1f}%" for a in (*ATTRIBUTES, "overall")] if row else ["-"] * 5
        print(f"{side:12}{cells[0]:>9}{cells[1]:>10}{cells[2]:>10}{cells[3]:>12}{cells[4]:>9}")
    if check["ran"]:
        print(f"check: {check['payloads']} deliveries, {check['pass']} pass, {check['drift']} drift, "
              f"{check['fail']} fail")
        for failure in check["failures"]:
            for pointer, finding, message in failure["findings"]:
                print(f"  FAIL {failure['delivery']} ({failure['event']}) {pointer}: {finding}: {message}")
    else:
        print("check: not run (infer wrote nothing)" if not infer_ok else "check: its output was not JSON")

    criteria = [("infer exits 0", infer_ok),
                ("check fails no example", check["ran"] and check["fail"] == 0),
                ("hookschema's overall agreement > GenSON's",
                 bool(figures["hookschema"]) and figures["hookschema"]["overall"] > figures["GenSON"]["overall"])]
    return finish(criteria, figures, started, args.json)


def finish(criteria, figures, started, json_path):
    """Prints one PASS/FAIL line per criterion and the closing `N passed, M failed` line, writes the figures to
    `json_path` if given, and returns the exit status (shared with bundled_comparison.py)."""
    for name, ok in criteria:
        print(f"{'PASS' if ok else 'FAIL'}: {name}")
    figures["criteria"] = {name: ok for name, ok in criteria}
    figures["seconds"] = round(time.monotonic() - started, 1)
    if json_path:
        with open(json_path, "w", encoding="utf-8") as handle:
            json.dump(figures, handle, indent=2)
    passed = sum(ok for _, ok in criteria)
    print(f"({figures['seconds']} s)")
    print(f"{passed} passed, {len(criteria) - passed} failed")
    return 0 if passed == len(criteria) else 1


if __name__ == "__main__":
    sys.exit(main())
