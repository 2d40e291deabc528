"""Self-contained copies of the source event schemas, for hypothesis-jsonschema (which resolves no `$ref` across
files) and for the mutations' walk.

The choice: every `$ref` is resolved with the catalog's `referencing` registry (the same one the source validator
uses) and *inlined*, its target's own `$ref`s resolved against the target's base URI. A reference that comes back
to a schema already being inlined on the same branch (a recursive schema) is inlined again up to `DEPTH` times; past
that the event schema is skipped for generation with the reason "recursive $ref" (counted and printed), never
truncated into a different schema. Inlined targets are shared (the same dict for every use of a target at a given
base), so the result is a DAG, not an exponential copy.

What is dropped: `$id` and `$schema` of inlined targets (the base they set is already applied), `definitions` /
`$defs` (their members were inlined where used), and OpenAPI's annotations (`example`, `discriminator`, `xml`,
`externalDocs`, `x-*`), which validate nothing. A `$ref` with sibling keywords is a draft-07 `$ref` (the siblings
are ignored, as draft-07 says) for GitHub, and `allOf: [<target>, <siblings>]` for OpenAPI 3.1 (2020-12 applies
both).
"""

from __future__ import annotations

DEPTH = 3
INT64 = (-(2 ** 63), 2 ** 63 - 1)
ANNOTATIONS = {"$id", "$schema", "definitions", "$defs", "example", "examples", "discriminator", "xml",
               "externalDocs", "$comment", "tsAdditionalProperties", "readOnly", "writeOnly"}
DATA_KEYWORDS = {"enum", "const", "default", "required"}
SCHEMA_MAPS = {"properties", "patternProperties", "dependentSchemas"}


class RecursiveReference(Exception):
    pass


def bundle(schema, resolver, siblings_apply, bound_integers=False):
    """`schema` with every `$ref` inlined (see the module's docstring). `resolver`: a referencing Resolver at the
    schema's base URI. `bound_integers`: give every `integer` without bounds the 64-bit ones, so that generated
    instances stay clear of a documented difference (hookschema's integers are 64-bit, JSON Schema's unbounded;
    Tests/Differential/README.md); it narrows only what is generated, never what the source validator accepts."""
    cache = {}

    def walk(node, resolver, stack):
        if isinstance(node, list):
            return [walk(item, resolver, stack) for item in node]
        if not isinstance(node, dict):
            return node
        if "$ref" in node:
            resolved = resolver.lookup(node["$ref"])
            key = id(resolved.contents)
            if stack.count(key) >= DEPTH:
                raise RecursiveReference(node["$ref"])
            if key not in cache or key in stack:
                target = walk(resolved.contents, resolved.resolver, stack + [key])
                if key not in stack:
                    cache[key] = target
            else:
                target = cache[key]
            rest = {k: v for k, v in node.items() if k != "$ref" and k not in ANNOTATIONS
                    and not k.startswith("x-") and k not in ("description", "title")}
            if siblings_apply and rest:
                return {"allOf": [target, walk(rest, resolver, stack)]}
            return target
        result = {}
        for key, value in node.items():
            if key in ANNOTATIONS or key.startswith("x-"):
                continue
            if key in DATA_KEYWORDS:
                result[key] = value
            elif key in SCHEMA_MAPS and isinstance(value, dict):
                result[key] = {name: walk(member, resolver, stack) for name, member in value.items()}
            elif key in ("description", "title"):
                continue
            else:
                result[key] = walk(value, resolver, stack)
        kind = result.get("type")
        if bound_integers and (kind == "integer" or (isinstance(kind, list) and "integer" in kind)):
            result.setdefault("minimum", INT64[0])
            result.setdefault("maximum", INT64[1])
        return result

    return walk(schema, resolver, [])
