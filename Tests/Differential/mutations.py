"""Mutations of valid deliveries, one per finding kind, applied at a random depth of the delivery."""

import copy
import re

from generator import BAD_FORMATS, ODD_KEYS

# Values of each JSON type, for "change a type". Integral floats (2.0) are left out on purpose: JSON Schema
# counts them as integers, hookschema does not (a documented difference, checked in known_differences.py).
SAMPLES = {
    "string": ["text", "12", "", "null"],
    "integer": [7, -1, 0],
    "number": [1.5, -0.25, 3.75e-3],
    "boolean": [True, False],
    "object": [{}, {"k": 1}],
    "array": [[], [1, "a"]],
}


class Site:
    """One value of a delivery, with the schema that applies to it."""

    def __init__(self, path, schema, value):
        self.path = path
        self.schema = schema
        self.value = value


def sites(gen, schema, value, path=()):
    """Every value of `value` that has a schema, depth first."""
    resolved = gen.resolve(schema, value)
    found = [Site(path, resolved, value)]
    if isinstance(value, dict):
        properties = resolved.get("properties")
        if properties is not None or "required" in resolved:
            for name, member in value.items():
                if properties and name in properties:
                    found += sites(gen, properties[name], member, path + (name,))
        elif isinstance(resolved.get("additionalProperties"), dict):
            for name, member in value.items():
                found += sites(gen, resolved["additionalProperties"], member, path + (name,))
    elif isinstance(value, list) and isinstance(resolved.get("items"), dict):
        for index, item in enumerate(value):
            found += sites(gen, resolved["items"], item, path + (index,))
    return found


def replace(document, path, value):
    if not path:
        return value
    parent = document
    for token in path[:-1]:
        parent = parent[token]
    parent[path[-1]] = value
    return document


def candidates(gen, site):
    """The mutations that apply to a site: (name, function of the document returning the mutated document)."""
    schema, value, path, rng = site.schema, site.value, site.path, gen.rng
    found = []
    types = gen.types(schema)
    if types:
        others = [kind for kind in SAMPLES if kind not in types and not (kind == "integer" and "number" in types)]
        if others:
            kind = rng.choice(others)
            found.append(("type_mismatch", lambda d: replace(d, path, copy.deepcopy(rng.choice(SAMPLES[kind])))))
        if "null" not in types and value is not None:
            found.append(("null_not_allowed", lambda d: replace(d, path, None)))
    if isinstance(value, dict):
        present = [name for name in schema.get("required", []) if name in value]
        if present:
            name = rng.choice(present)
            found.append(("missing_required", lambda d: drop(d, path, name)))
        if "properties" in schema:
            extra = rng.choice([key for key in ODD_KEYS if key not in schema["properties"]])
            found.append(("unknown_field", lambda d: add(d, path, extra, gen.any_value(3))))
    if isinstance(value, str):
        if "enum" in schema:
            found.append(("unknown_enum_value", lambda d: replace(d, path, "BRAND_NEW_" + str(rng.randint(0, 99)))))
        if "const" in schema:
            found.append(("const_mismatch", lambda d: replace(d, path, value + "_other")))
        bad = BAD_FORMATS.get(schema.get("format"))
        if bad:
            found.append(("format_invalid", lambda d: replace(d, path, rng.choice(bad))))
    found += constraint_mutations(gen, site)
    return found


def constraint_mutations(gen, site):
    schema, value, path, rng = site.schema, site.value, site.path, gen.rng
    found = []
    if isinstance(value, str) and "format" not in schema and "const" not in schema and "enum" not in schema:
        if schema.get("minLength", 0) > 0:
            short = "😀" * (schema["minLength"] - 1)
            found.append(("minLength", lambda d: replace(d, path, short)))
        if "maxLength" in schema:
            long = "é" * (schema["maxLength"] + rng.randint(1, 3))
            found.append(("maxLength", lambda d: replace(d, path, long)))
        if "pattern" in schema:
            bad = [text for text in ("#", "-- --", "😀😀😀", "0", "ZZZZZZ", "zzzz")
                   if not re.search(schema["pattern"], text)]
            if bad:
                found.append(("pattern", lambda d: replace(d, path, rng.choice(bad))))
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        integer = "integer" in (gen.types(schema) or [])
        step = 1 if integer else rng.choice([1, 0.5])
        for key, sign in (("minimum", -1), ("maximum", 1), ("exclusiveMinimum", 0), ("exclusiveMaximum", 0)):
            if key in schema:
                limit = schema[key]
                bad = limit + sign * step
                bad = int(bad) if integer else bad
                found.append((key, lambda d, bad=bad: replace(d, path, bad)))
    if isinstance(value, list):
        if "maxItems" in schema:
            found.append(("maxItems", lambda d: replace(d, path, value + [value[0] if value else None] * (
                schema["maxItems"] + 1 - len(value)))))
        if schema.get("minItems", 0) > 0:
            found.append(("minItems", lambda d: replace(d, path, value[: schema["minItems"] - 1])))
    if isinstance(value, dict) and isinstance(schema.get("additionalProperties"), dict):
        names = schema.get("propertyNames", {})
        if "maxProperties" in schema:
            def overfill(d):
                grown = dict(value)
                sample = next(iter(value.values())) if value else gen.value(schema["additionalProperties"])
                for index in range(schema["maxProperties"] + 1 - len(value)):
                    grown["k%d" % index] = copy.deepcopy(sample)
                return replace(d, path, grown)
            found.append(("maxProperties", overfill))
        if "pattern" in names:
            key = rng.choice(["A", "9", "a-b", "a/b"])
            found.append(("propertyNames", lambda d: add(d, path, key, gen.value(schema["additionalProperties"]))))
        if "minProperties" in schema and len(value) >= schema["minProperties"]:
            found.append(("minProperties", lambda d: replace(d, path, {})))
        if "maxLength" in names:
            key = "k" * (names["maxLength"] + 1)
            found.append(("propertyNames", lambda d: add(d, path, key, gen.value(schema["additionalProperties"]))))
        if names.get("minLength", 0) > 0:
            found.append(("propertyNames", lambda d: add(d, path, "", gen.value(schema["additionalProperties"]))))
    return found


def drop(document, path, name):
    target = document
    for token in path:
        target = target[token]
    del target[name]
    return document


def add(document, path, name, value):
    target = document
    for token in path:
        target = target[token]
    target[name] = value
    return document


def root_mutations(gen, document, legacy):
    """Mutations of the whole body: event type unknown, legacy, missing or not a string; body not an object."""
    discriminator = gen.discriminator
    rng = gen.rng
    found = [
        ("unknown_event", lambda d: add(d, (), discriminator, "brand.new.event")),
        ("missing_required", lambda d: drop(d, (), discriminator)),
        ("type_mismatch", lambda d: add(d, (), discriminator, rng.choice([3, None, ["x"], {"a": 1}, True]))),
        ("type_mismatch", lambda d: rng.choice([[d], "text", 12, None])),
    ]
    if legacy:
        found.append(("unknown_event", lambda d: add(d, (), discriminator, rng.choice(legacy))))
    return found


def mutate(gen, event_schema, document, count, legacy):
    """Applies `count` mutations at random depths; returns the document and the names of the mutations."""
    applied = []
    for _ in range(count):
        if not isinstance(document, dict) or gen.discriminator not in document:
            break
        if gen.rng.random() < 0.06:
            name, function = gen.rng.choice(root_mutations(gen, document, legacy))
        else:
            # A finding kind first (so rare kinds are not drowned by common ones), then a depth, then a site.
            by_kind = {}
            for site in sites(gen, event_schema, document):
                if site.path[:1] == (gen.discriminator,):
                    continue
                for name, function in candidates(gen, site):
                    by_kind.setdefault(name, []).append((len(site.path), function))
            if not by_kind:
                continue
            name = gen.rng.choice(sorted(by_kind))
            depth = gen.rng.choice(sorted({depth for depth, _ in by_kind[name]}))
            function = gen.rng.choice([function for d, function in by_kind[name] if d == depth])
        document = function(document)
        applied.append(name)
    return document, applied
