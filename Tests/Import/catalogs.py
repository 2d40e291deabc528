"""The three real catalogs of ../shared/corpora (README.md there), read as their providers publish them: how each is
imported, its event schemas with a validator for each (python-jsonschema 4.26 with format checking, `$ref`s resolved
with a `referencing` registry), and its examples.

- GitHub (`github-webhooks/payload-schemas/api.github.com`, JSON Schema draft-07, one file per `<event>/<action>`,
  shared schemas in `common/` referenced across files by `$id`): every file is a registry resource under its `$id`;
  an event schema is validated with Draft7Validator. The event name travels in the `X-GitHub-Event` header, so its
  bodies are checked with `--event <event folder>`.
- Svix (`svix/lib-openapi.json`) and Resend (`resend/resend.yaml`), OpenAPI 3.1: the whole document is one resource
  (Draft 2020-12, OpenAPI 3.1's dialect), so the body schema `{"$ref": "<doc>#/components/schemas/X"}` resolves
  every `#/components/schemas/...` inside it. Both write OpenAPI 3.0's `nullable: true` inside a 3.1 document
  (Svix 500 times, Resend 10), which a 3.1 validator would ignore; what the provider means is "null is also a value",
  so before validating, `nullable: true` is translated (see `translate_nullable`): `type: T` becomes
  `type: [T, "null"]` (and `null` joins an `enum`); a schema without `type` (a `$ref`, `allOf`, `oneOf`, `anyOf`)
  becomes `anyOf: [<the schema>, {type: null}]`. The importer reads `nullable` the same way (Schemas/README.md).
"""

from __future__ import annotations

import copy
import glob
import json
import os
from dataclasses import dataclass, field
from typing import Any, Optional

import yaml
from jsonschema import Draft7Validator, Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT7, DRAFT202012

# Keywords whose values are data, not schemas: never walked as schemas.
DATA_KEYWORDS = {"enum", "const", "default", "example", "examples", "required"}
# Keywords whose value is a map of names to schemas.
SCHEMA_MAPS = {"properties", "patternProperties", "definitions", "$defs", "dependentSchemas"}


@dataclass
class SourceEvent:
    """One event schema of the source, and the event hookschema imports it as."""

    name: str                      # how reports name it (`issues/opened`, `message.attempt.exhausted`)
    event_type: str                # hookschema's event type (`issues.opened`), the export's file name
    header: Optional[str]          # the `--event` value for a header-named provider (GitHub: the folder)
    schema: Any                    # the source schema (a `$ref` into the registry for OpenAPI)
    base_uri: str                  # where its `$ref`s resolve from
    validator: Any = None


@dataclass
class Example:
    label: str                     # a file (GitHub) or a JSON pointer into the document (Svix)
    event: SourceEvent
    body: Any
    path: Optional[str] = None     # the file, when the example is one


@dataclass
class Catalog:
    name: str                      # the provider id hookschema imports it as
    source: str                    # what `hookschema import` reads
    kind: str                      # `jsonschema` or `openapi`
    registry: Registry
    validator_class: Any
    events: list = field(default_factory=list)
    examples: list = field(default_factory=list)
    # The figures shared/corpora/README.md states, reproduced by the run: (examples, valid by the source).
    known: Optional[tuple] = None

    def import_command(self, binary, output):
        return [binary, "import", self.kind, self.source, "--provider", self.name, "--output", output]

    def make_validator(self, schema):
        cls = self.validator_class
        return cls(schema, registry=self.registry, format_checker=cls.FORMAT_CHECKER)


def _yaml(path):
    """YAML as JSON would read it: no timestamps or other YAML-only types (an `example: 2023-10-06` stays text)."""

    class Loader(yaml.SafeLoader):
        pass

    Loader.yaml_implicit_resolvers = {
        key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    with open(path, encoding="utf-8") as handle:
        return yaml.load(handle, Loader=Loader)  # noqa: S506 (a SafeLoader subclass)


# --- GitHub -------------------------------------------------------------------------------------------------------


def github(corpora):
    root = os.path.join(corpora, "github-webhooks", "payload-schemas", "api.github.com")
    examples_root = os.path.join(corpora, "github-webhooks", "payload-examples", "api.github.com")
    resources = []
    documents = {}
    for path in sorted(glob.glob(os.path.join(root, "**", "*.schema.json"), recursive=True)):
        with open(path, encoding="utf-8") as handle:
            document = json.load(handle)
        relative = os.path.relpath(path, root)
        uri = document.get("$id", relative)
        documents[relative] = (uri, document)
        resources.append((uri, Resource.from_contents(document, default_specification=DRAFT7)))
    catalog = Catalog("github", root, "jsonschema", Registry().with_resources(resources), Draft7Validator,
                      known=(273, 270))
    by_file = {}
    for relative, (uri, document) in sorted(documents.items()):
        folder, file = relative.split(os.sep)
        if folder == "common":
            continue
        stem = file[: -len(".schema.json")]
        event = SourceEvent(name=f"{folder}/{stem}", event_type=folder if stem == "event" else f"{folder}.{stem}",
                            header=folder, schema=document, base_uri=uri)
        event.validator = catalog.make_validator(document)
        catalog.events.append(event)
        by_file[(folder, stem)] = event
    for path in sorted(glob.glob(os.path.join(examples_root, "*", "*.json"))):
        folder = os.path.basename(os.path.dirname(path))
        with open(path, encoding="utf-8") as handle:
            body = json.load(handle)
        # The example's schema: `<event>/<action>.schema.json`, the action read from the body (the file names
        # write `closed-by-user` for the action `closed_by_user`), else `<event>/event.schema.json`.
        stem = os.path.basename(path).split(".")[0]
        action = body.get("action") if isinstance(body, dict) else None
        event = next((by_file[(folder, name)] for name in (action, stem, stem.replace("-", "_"), "event")
                      if (folder, name) in by_file), None)
        if event is None:
            raise SystemExit(f"{path}: no schema {folder}/{stem}.schema.json or {folder}/event.schema.json")
        catalog.examples.append(Example(os.path.relpath(path, examples_root), event, body, path))
    return catalog


# --- OpenAPI ------------------------------------------------------------------------------------------------------


def translate_nullable(node):
    """OpenAPI 3.0's `nullable: true`, as the provider means it, in JSON Schema 2020-12 (the module's docstring)."""
    if isinstance(node, list):
        return [translate_nullable(item) for item in node]
    if not isinstance(node, dict):
        return node
    result = {}
    for key, value in node.items():
        if key in DATA_KEYWORDS:
            result[key] = value
        elif key in SCHEMA_MAPS and isinstance(value, dict):
            result[key] = {name: translate_nullable(schema) for name, schema in value.items()}
        else:
            result[key] = translate_nullable(value)
    if result.get("nullable") is True:
        del result["nullable"]
        kind = result.get("type")
        if isinstance(kind, str):
            result["type"] = [kind, "null"]
            if isinstance(result.get("enum"), list) and None not in result["enum"]:
                result["enum"] = result["enum"] + [None]
        elif isinstance(kind, list):
            if "null" not in kind:
                result["type"] = kind + ["null"]
        else:
            # A schema without `type`: a `$ref`, `allOf`, `oneOf`, `anyOf` (or nothing, which takes null already).
            annotations = {k: result.pop(k) for k in ("description", "title", "example", "deprecated")
                           if k in result}
            if result:
                result = {**annotations, "anyOf": [result, {"type": "null"}]}
            else:
                result = annotations
    return result


def _component_events(catalog, document, uri, name_prefix=""):
    examples = []
    for key, item in document.get("webhooks", {}).items():
        operation = item.get("post") or next(iter(item.values()))
        content = operation["requestBody"]["content"]["application/json"]
        reference = content["schema"]["$ref"]
        schema = {"$ref": uri + reference}
        event = SourceEvent(name=key, event_type=key, header=None, schema=schema, base_uri=uri)
        event.validator = catalog.make_validator(schema)
        event.component = reference
        catalog.events.append(event)
        if "example" in content:
            label = "/webhooks/" + key.replace("~", "~0").replace("/", "~1") + \
                "/post/requestBody/content/application~1json/example"
            examples.append(Example(label, event, content["example"]))
    catalog.examples.extend(examples)


def openapi(corpora, name, relative, known=None):
    path = os.path.join(corpora, relative)
    document = _yaml(path) if path.endswith((".yaml", ".yml")) else json.load(open(path, encoding="utf-8"))
    uri = f"urn:hookschema-faithfulness:{name}"
    translated = translate_nullable(copy.deepcopy(document))
    registry = Registry().with_resource(uri, Resource.from_contents(translated, default_specification=DRAFT202012))
    catalog = Catalog(name, path, "openapi", registry, Draft202012Validator, known=known)
    catalog.document = translated
    _component_events(catalog, document, uri)
    return catalog


def catalogs(corpora, names=None):
    makers = {
        "github": lambda: github(corpora),
        "svix": lambda: openapi(corpora, "svix", os.path.join("svix", "lib-openapi.json"), known=(14, 12)),
        "resend": lambda: openapi(corpora, "resend", os.path.join("resend", "resend.yaml")),
    }
    return [makers[name]() for name in (names or makers)]
