"""Generated instances of the source event schemas: hypothesis-jsonschema's valid ones, and deterministic mutations
of them.

Generation. hypothesis-jsonschema builds a strategy from the bundled event schema (bundle.py: every `$ref` inlined).
Its strategies are drawn directly, one `ConjectureData` per instance seeded with `random.Random(<seed>:<event>:<n>)`,
not through `@given`: Hypothesis' engine (its data tree and its 8 KiB choice budget) spends minutes per example on
GitHub's 25 kB bodies and drops most of them as overruns, while a direct draw takes about half a second. The same
seed gives the same instances. Two caches make it fast: hypothesis-jsonschema rebuilds (and re-canonicalises) the
strategy of every object member on every draw, so `_from_schema.__from_schema` and `merged_as_strategies` are
memoised on the identity of the (canonical, never mutated) schema dict they are given. An event schema that cannot
be generated from (a recursive `$ref`, a strategy hypothesis-jsonschema rejects, every draw failing its filters,
the time budget spent before the first instance) is skipped with its reason, counted and printed.

Mutations. Each generated instance also yields up to `--mutations` (default 3) mutated copies, one mutation each. A
kind is picked first, then a depth, then a place, by a `random.Random` seeded from the instance: delete a required
member, change a value's JSON type (null included), add an unknown member to an object, break a string's format
(`date-time`, `date`, `uri`, `email`, `uuid`, `uri-template`), replace an `enum` / `const` string with an unknown
one, break a constraint (`pattern`, `minLength`/`maxLength`, a bound, `minItems`/`maxItems`, `uniqueItems`), delete
a member that tells the member of a `oneOf` / `anyOf` the value matches from another ("union_member"). The places
are found by walking the instance alongside the bundled schema (the
schemas that apply to a value: itself, its `allOf` parts, and the `anyOf` / `oneOf` members it is valid against).
A mutation is only likely to make the instance invalid; the source validator decides (an unknown member is valid
where the source allows additional properties).
"""

from __future__ import annotations

import copy
import random
import re
import time

import hypothesis_jsonschema._from_schema as _from_schema
from hypothesis.control import BuildContext
from hypothesis.errors import HypothesisException, StopTest
from hypothesis.internal.conjecture.data import ConjectureData
from hypothesis_jsonschema import from_schema
from jsonschema import Draft202012Validator

# --- Memoising hypothesis-jsonschema (see the module's docstring) --------------------------------------------------

_ORIGINAL_FROM_SCHEMA = getattr(_from_schema, "__from_schema")
_ORIGINAL_MERGED = _from_schema.merged_as_strategies
_STRATEGIES = {}


def _memoised_from_schema(schema, *, alphabet, custom_formats):
    key = ("one", id(schema), id(alphabet), id(custom_formats))
    hit = _STRATEGIES.get(key)
    if hit is not None and hit[0] is schema:
        return hit[1]
    strategy = _ORIGINAL_FROM_SCHEMA(schema, alphabet=alphabet, custom_formats=custom_formats)
    _STRATEGIES[key] = (schema, strategy)  # the schema is kept alive, so its id is not reused
    return strategy


def _memoised_merged(schemas, *, alphabet, custom_formats):
    key = ("merged", tuple(map(id, schemas)), id(alphabet), id(custom_formats))
    hit = _STRATEGIES.get(key)
    if hit is not None and len(hit[0]) == len(schemas) and all(a is b for a, b in zip(hit[0], schemas)):
        return hit[1]
    strategy = _ORIGINAL_MERGED(schemas, alphabet=alphabet, custom_formats=custom_formats)
    _STRATEGIES[key] = (list(schemas), strategy)
    return strategy


setattr(_from_schema, "__from_schema", _memoised_from_schema)
_from_schema.merged_as_strategies = _memoised_merged

# Draws: at most this many choices per instance (Hypothesis' default budget, 8 KiB, overruns on GitHub's bodies).
MAX_LENGTH = 10 ** 7
# Draws that fail hypothesis-jsonschema's filters, per wanted instance, before the event is given up on.
ATTEMPTS = 5


def generate(schema, count, seed, budget):
    """Up to `count` instances of `schema` (bundled), within `budget` seconds: (instances, failed draws, reason to
    skip or None). Deterministic for a given seed (the time budget only cuts the list short)."""
    try:
        strategy = from_schema(schema)
    except (HypothesisException, ValueError, TypeError, AssertionError, RecursionError) as error:
        return [], 0, f"hypothesis-jsonschema rejects the schema: {type(error).__name__}: {str(error)[:160]}"
    instances = []
    failed = 0
    started = time.monotonic()
    attempt = 0
    while len(instances) < count and attempt < count * ATTEMPTS:
        if time.monotonic() - started > budget:
            break
        data = ConjectureData(random=random.Random(f"{seed}:{attempt}"))
        data.max_length = MAX_LENGTH
        attempt += 1
        try:
            with BuildContext(data, is_final=False, wrapped_test=lambda: None):
                instances.append(data.draw(strategy))
        except StopTest:
            failed += 1
        except (HypothesisException, RecursionError) as error:
            return instances, failed, f"hypothesis-jsonschema fails to draw: {type(error).__name__}: {str(error)[:160]}"
    if not instances:
        spent = time.monotonic() - started
        reason = (f"no instance within the time budget ({budget:.0f}s)" if spent > budget
                  else f"all {failed} draws failed hypothesis-jsonschema's filters")
        return [], failed, reason
    return instances, failed, None


# --- Mutations ----------------------------------------------------------------------------------------------------

SAMPLES = {
    "string": "text",
    "integer": 7,
    "number": 1.5,
    "boolean": True,
    "object": {"k": 1},
    "array": [1, "a"],
    "null": None,
}
BAD_FORMATS = {
    "date-time": "2018-04-25 20:42:10",
    "date": "2024-13-45",
    "uri": "not a uri",
    "email": "no-at-sign",
    "uuid": "not-a-uuid",
    "uri-template": "{unclosed",
}
# Strings for "break a pattern": the first that the pattern does not match is used.
PATTERN_BREAKERS = ["", "#", "-- --", "\U0001F600\U0001F600\U0001F600", "0", "ZZZZZZ", "zzzz", "a_b.c"]
UNKNOWN_MEMBER = "zz_unknown_member"
UNKNOWN_VALUE = "BRAND_NEW_VALUE"


class Walker:
    """The places of an instance and the schemas that apply at each (see the module's docstring)."""

    def __init__(self):
        self._validators = {}

    def _valid(self, schema, value):
        key = id(schema)
        if key not in self._validators:
            self._validators[key] = (schema, Draft202012Validator(schema))
        return self._validators[key][1].is_valid(value)

    def applicable(self, schema, value):
        if not isinstance(schema, dict):
            return []
        found = [schema]
        for part in schema.get("allOf", []):
            found += self.applicable(part, value)
        for key in ("anyOf", "oneOf"):
            for member in schema.get(key, []):
                if self._valid(member, value):
                    found += self.applicable(member, value)
        return found

    def unions(self, schemas, value):
        """For each `oneOf` / `anyOf` among `schemas`: (the members `value` is valid against, the others)."""
        found = []
        for schema in schemas:
            for key in ("anyOf", "oneOf"):
                members = schema.get(key, [])
                if len(members) > 1:
                    matched = [m for m in members if isinstance(m, dict) and self._valid(m, value)]
                    others = [m for m in members if isinstance(m, dict) and not any(m is n for n in matched)]
                    found.append((matched, others))
        return found

    def sites(self, schema, value, path=()):
        schemas = self.applicable(schema, value)
        found = [(path, schemas, value)]
        if isinstance(value, dict):
            for name, member in value.items():
                for applied in schemas:
                    properties = applied.get("properties", {})
                    if name in properties:
                        found += self.sites(properties[name], member, path + (name,))
                    elif isinstance(applied.get("additionalProperties"), dict):
                        found += self.sites(applied["additionalProperties"], member, path + (name,))
        elif isinstance(value, list):
            for applied in schemas:
                if isinstance(applied.get("items"), dict):
                    for index, item in enumerate(value):
                        found += self.sites(applied["items"], item, path + (index,))
        # The same place reached through two schemas: keep every schema, one site.
        merged = {}
        for site_path, site_schemas, site_value in found:
            if site_path in merged:
                merged[site_path][1].extend(site_schemas)
            else:
                merged[site_path] = (site_path, list(site_schemas), site_value)
        return list(merged.values())


def _types(schemas):
    found = set()
    for schema in schemas:
        kind = schema.get("type")
        if isinstance(kind, str):
            found.add(kind)
        elif isinstance(kind, list):
            found.update(kind)
    return found


def _required(walker, schema, value):
    return {name for part in walker.applicable(schema, value) for name in part.get("required", [])}


def _takes_objects(walker, schema, value):
    parts = walker.applicable(schema, value)
    return any("properties" in part or "required" in part or part.get("type") == "object" for part in parts)


def _candidates(path, schemas, value, walker=None):
    """[(kind, description, function of a copy of the instance)] at one place."""
    found = []
    if walker is not None and isinstance(value, dict):
        # "union_member": delete a member that the union member the value matches requires and another member
        # does not (GitHub's pull_request.review_requested: `requested_reviewer` or `requested_team`).
        names = set()
        for matched, others in walker.unions(schemas, value):
            # Only the other members that take objects (not the `{type: null}` of a nullable reference).
            others = [other for other in others if _takes_objects(walker, other, value)]
            required_elsewhere = [_required(walker, other, value) for other in others]
            for member in matched:
                names |= {name for name in _required(walker, member, value)
                          if name in value and any(name not in other for other in required_elsewhere)}
        for name in sorted(names):
            found.append(("union_member", f"delete {_pointer(path + (name,))}",
                          lambda d, name=name: _delete(d, path, name)))
    types = _types(schemas)
    if path and types:
        others = [kind for kind in SAMPLES if kind not in types and not (kind == "integer" and "number" in types)]
        for kind in others:
            found.append(("type_mismatch", f"{kind} at {_pointer(path)}",
                          lambda d, kind=kind: _replace(d, path, copy.deepcopy(SAMPLES[kind]))))
    if isinstance(value, dict):
        required = sorted({name for schema in schemas for name in schema.get("required", []) if name in value})
        for name in required:
            found.append(("missing_required", f"delete {_pointer(path + (name,))}",
                          lambda d, name=name: _delete(d, path, name)))
        if any("properties" in schema for schema in schemas) and UNKNOWN_MEMBER not in value:
            found.append(("unknown_member", f"add {_pointer(path + (UNKNOWN_MEMBER,))}",
                          lambda d: _add(d, path, UNKNOWN_MEMBER, "x")))
    if isinstance(value, str) and path:
        formats = sorted({schema["format"] for schema in schemas if schema.get("format") in BAD_FORMATS})
        for name in formats:
            found.append(("format_invalid", f"{name} {BAD_FORMATS[name]!r} at {_pointer(path)}",
                          lambda d, name=name: _replace(d, path, BAD_FORMATS[name])))
        if any("enum" in schema or "const" in schema for schema in schemas):
            found.append(("enum_value", f"{UNKNOWN_VALUE!r} at {_pointer(path)}",
                          lambda d: _replace(d, path, UNKNOWN_VALUE)))
    found += _constraint_candidates(path, schemas, value)
    return found


def _constraint_candidates(path, schemas, value):
    """"constraint": break a `pattern`, a length, a bound, an item count or `uniqueItems` of the value."""
    found = []
    if not path:
        return found

    def add(description, replacement):
        found.append(("constraint", f"{description} at {_pointer(path)}",
                      lambda d: _replace(d, path, copy.deepcopy(replacement))))

    for schema in schemas:
        if isinstance(value, str):
            if "pattern" in schema:
                try:
                    breaker = next((text for text in PATTERN_BREAKERS if not re.search(schema["pattern"], text)),
                                   None)
                except re.error:
                    breaker = None
                if breaker is not None:
                    add(f"pattern {schema['pattern']!r} broken by {breaker!r}", breaker)
            if isinstance(schema.get("maxLength"), int):
                add(f"maxLength {schema['maxLength']}", "x" * (schema["maxLength"] + 1))
            if isinstance(schema.get("minLength"), int) and schema["minLength"] > 0:
                add(f"minLength {schema['minLength']}", "x" * (schema["minLength"] - 1))
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            integer = isinstance(value, int)
            for key, sign in (("minimum", -1), ("maximum", 1), ("exclusiveMinimum", 0), ("exclusiveMaximum", 0)):
                limit = schema.get(key)
                if isinstance(limit, (int, float)) and not isinstance(limit, bool):
                    bad = limit + sign if integer or sign else limit
                    add(f"{key} {limit}", int(bad) if integer and bad == int(bad) else bad)
        elif isinstance(value, list):
            if isinstance(schema.get("maxItems"), int):
                add(f"maxItems {schema['maxItems']}", (value or [None])[:1] * (schema["maxItems"] + 1))
            if isinstance(schema.get("minItems"), int) and schema["minItems"] > 0:
                add(f"minItems {schema['minItems']}", value[: schema["minItems"] - 1])
            if schema.get("uniqueItems") is True and value:
                add("uniqueItems", value + value[:1])
    return found


def mutate(walker, schema, instance, rng, count):
    """Up to `count` mutated copies, each [(copy, "kind: description")]: a kind first (so rare kinds are not drowned
    by common ones), then a depth (so the few places near the root are not drowned by the many deep ones), then a
    place; never the same mutation twice."""
    by_kind = {}
    for path, schemas, value in walker.sites(schema, instance):
        for kind, description, function in _candidates(path, schemas, value, walker):
            by_kind.setdefault(kind, {}).setdefault(len(path), []).append((description, function))
    mutated = []
    seen = set()
    for _ in range(count * 3):
        if len(mutated) == count or not by_kind:
            break
        kind = rng.choice(sorted(by_kind))
        depth = rng.choice(sorted(by_kind[kind]))
        description, function = rng.choice(by_kind[kind][depth])
        if description in seen:
            continue
        seen.add(description)
        mutated.append((function(copy.deepcopy(instance)), f"{kind}: {description}"))
    return mutated


def _escape(token):
    return str(token).replace("~", "~0").replace("/", "~1")


def _pointer(path):
    return "".join("/" + _escape(token) for token in path)


def _parent(document, path):
    for token in path[:-1]:
        document = document[token]
    return document


def _replace(document, path, value):
    _parent(document, path)[path[-1]] = value
    return document


def _delete(document, path, name):
    target = _parent(document, path + (name,))
    del target[name]
    return document


def _add(document, path, name, value):
    _parent(document, path + (name,))[name] = value
    return document
