"""Random webhook deliveries for the differential suite: valid ones, and ones mutated by every finding kind.

Deliveries are generated from the exported *strict* JSON Schemas (JSONSchema/strict/<provider>.schema.json), which
hold every rule of the YAML schemas: types, formats, constraints, enum values, required members. A rule the
exporter dropped would show up as a disagreement, because the generator then produces values that break it.
"""

import copy
import re
import string

# Strings that exercise length counting (non-BMP scalars, combining marks) and pointer escaping ("/" and "~").
ALPHABET = list(string.ascii_letters + string.digits + "_-. ") + ["é", "ß", "✓", "😀", "e\u0301", "/", "~", "\"", "\\"]
ODD_KEYS = ["x-new", "a/b", "t~1", "~", "", "😀", "new field", "id2"]

VALID_DATETIMES = [
    "2024-03-21T16:45:00Z", "2024-02-29T00:00:00Z", "2024-03-21T16:45:00.123Z", "2024-03-21T16:45:00.123456789Z",
    "2024-03-21T16:45:00+05:30", "2024-03-21T16:45:00-08:00", "1999-12-31T23:59:59Z", "2024-03-21T16:45:00.5+00:00",
    # Edge cases all three readings accept: lower-case separators, "-00:00", long fractions, extreme offsets.
    "2024-03-21t16:45:00z", "2024-03-21T16:45:00-00:00", "2024-03-21T16:45:00.1234567890123Z",
    "2024-03-21T16:45:00+23:59", "2000-02-29T00:00:00Z", "9999-12-31T23:59:59Z",
]
# Clearly invalid date-times: every RFC 3339 reading rejects these.
BAD_DATETIMES = [
    "2024-03-21", "16:45:00Z", "2024-03-21T16:45:00", "2024-13-01T00:00:00Z", "2024-03-32T00:00:00Z",
    "2023-02-29T00:00:00Z", "2024-03-21T24:00:01Z", "2024-03-21T16:61:00Z", "2024-03-21T16:45:00+0530",
    "2024-03-21 16:45:00Z", "March 21, 2024", "", "2024-03-21T16:45:00.Z", "2024-3-21T16:45:00Z",
    "2024-03-21T16:45:00+24:00", "20240321T164500Z", "2024-03-21T16:45Z", "yesterday",
    # Edge cases all three readings reject: a leap second outside 23:59 UTC, padding, other digits and separators.
    "2024-03-21T12:59:60Z", "2024-03-21T23:59:60+01:00", " 2024-03-21T16:45:00Z", "2024-03-21T16:45:00+05:30 ",
    "2024-03-21T16:45:00\u00a0Z", "\uff12\uff10\uff12\uff14-03-21T16:45:00Z", "2024-03-21T16:45:00,5Z",
    "2024-03-21T16:45:00+05:60", "1900-02-29T00:00:00Z", "2024-04-31T00:00:00Z", "2024-03-21T16:45:00.+05:00",
]
VALID_DATES = ["2024-03-21", "2024-02-29", "1999-12-31"]
BAD_DATES = ["2024-02-30", "2024-3-21", "21/03/2024", "2024-03-21T00:00:00Z", "", "2023-02-29"]
VALID_URIS = [
    "https://example.com/a?b=c#d", "urn:isbn:0451450523", "mailto:a@example.com", "https://x.io/%20", "HTTP://X.IO",
    "https://[::1]:80/", "a:b:c", "file:///etc/passwd", "https://user:pw@host:8080/p", "https://x.io/?q=a/b?c",
]
BAD_URIS = [
    "not a uri", "/relative/path", "https://exa mple.com", "://missing-scheme", "1http://x", "http://%zz",
    # Found by this suite: hookschema accepted them while checking characters only (fixed in URIFormat.swift).
    "https://x.io/#frag#frag2", "https://user@host:port/", "https://x.io:abc/", "https://x.io/?a=[1]",
]
VALID_EMAILS = ["someone@example.com", "first.last+tag@sub.example.org", "a@[127.0.0.1]"]
# Only strings without "@" are invalid for all three readings of `email` (see README.md, deliberate differences).
BAD_EMAILS = ["no-at-sign", "example.com", ""]
VALID_UUIDS = ["123e4567-e89b-12d3-a456-426614174000", "00000000-0000-0000-0000-000000000000"]
BAD_UUIDS = ["123e4567e89b12d3a456426614174000", "123e4567-e89b-12d3-a456-42661417400", "zzzzzzzz-e89b-12d3-a456-426614174000"]
VALID_FORMATS = {"date-time": VALID_DATETIMES, "date": VALID_DATES, "uri": VALID_URIS, "email": VALID_EMAILS,
                 "uuid": VALID_UUIDS}
BAD_FORMATS = {"date-time": BAD_DATETIMES, "date": BAD_DATES, "uri": BAD_URIS, "email": BAD_EMAILS, "uuid": BAD_UUIDS}

# Strings for the patterns of the schemas under test; others are found by trying random text.
PATTERN_SAMPLES = {
    "^evt_[A-Za-z0-9]+$": ["evt_1", "evt_AbC9", "evt_0123456789abcdef"],
    "^[A-Z]{3}$": ["USD", "EUR", "JPY"],
    "^[a-z]+$": ["a", "ab", "abc", "tags", "zz"],
}


def pointer(path):
    return "".join("/" + str(token).replace("~", "~0").replace("/", "~1") for token in path)


class Generator:
    """Builds random values for a provider's strict schema (a dict loaded from JSON)."""

    def __init__(self, provider_schema, rng):
        self.root = provider_schema
        self.defs = provider_schema.get("$defs", {})
        self.rng = rng
        self.discriminator = provider_schema["required"][0]
        self.events = {}
        for branch in provider_schema.get("allOf", []):
            value = branch["if"]["properties"][self.discriminator]["const"]
            self.events[value] = self.defs[branch["then"]["$ref"].split("/")[-1]]

    # MARK: Resolution

    def resolve(self, schema, value=None):
        """The schema that applies to `value`: follows `$ref`, nullable-ref `if/else` and union `allOf` dispatch."""
        while True:
            if "$ref" in schema:
                schema = self.defs[schema["$ref"].split("/")[-1]]
            elif "else" in schema and schema.get("if") == {"type": "null"}:
                if value is None:
                    return {"type": "null"}
                schema = schema["else"]
            elif "allOf" in schema and isinstance(value, dict):
                for branch in schema["allOf"]:
                    member = branch["if"]["required"][0]
                    if value.get(member) == branch["if"]["properties"][member]["const"]:
                        return self.resolve(branch["then"], value)
                return schema
            else:
                return schema

    @staticmethod
    def types(schema):
        kind = schema.get("type")
        if kind is None:
            return None
        return kind if isinstance(kind, list) else [kind]

    # MARK: Valid values

    def value(self, schema, depth=0):
        if depth > 12:
            depth = 12
        if "$ref" in schema:
            return self.value(self.defs[schema["$ref"].split("/")[-1]], depth)
        if schema.get("if") == {"type": "null"}:
            return None if self.rng.random() < 0.2 else self.value(schema["else"], depth)
        if "allOf" in schema:  # a union: pick a member type
            branch = self.rng.choice(schema["allOf"])
            return self.value(branch["then"], depth)
        if "const" in schema:
            return copy.deepcopy(schema["const"])
        if "enum" in schema:
            return copy.deepcopy(self.rng.choice(schema["enum"]))
        types = self.types(schema)
        if types is None:
            return self.any_value(depth)
        kind = self.rng.choice(types) if "null" not in types or self.rng.random() < 0.15 else \
            self.rng.choice([t for t in types if t != "null"])
        if kind == "null":
            return None
        if kind == "string":
            return self.string(schema)
        if kind in ("integer", "number"):
            return self.number(schema, kind)
        if kind == "boolean":
            return self.rng.random() < 0.5
        if kind == "array":
            low = schema.get("minItems", 0)
            high = low if depth > 6 else min(schema.get("maxItems", low + 3), low + 3)
            items = schema.get("items", {})
            return [self.value(items, depth + 1) for _ in range(self.rng.randint(low, high))]
        if kind == "object":
            return self.object(schema, depth)
        raise ValueError(f"cannot generate {schema}")

    def object(self, schema, depth):
        if "properties" in schema or "required" in schema:
            result = {}
            required = set(schema.get("required", []))
            for name, member in schema.get("properties", {}).items():
                if name in required or (depth <= 6 and self.rng.random() < 0.6):
                    result[name] = self.value(member, depth + 1)
            return result
        # A map: string keys, one value schema.
        values = schema.get("additionalProperties", {})
        names = schema.get("propertyNames", {})
        low = schema.get("minProperties", 0)
        high = min(schema.get("maxProperties", low + 3), low + 3)
        result = {}
        for _ in range(self.rng.randint(low, high)):
            key = self.matching(names.get("pattern"), max(names.get("minLength", 1), 1), min(names.get("maxLength", 12), 12))
            result[key] = self.value(values, depth + 1)
        return result

    def string(self, schema):
        fmt = schema.get("format")
        if fmt in VALID_FORMATS:
            return self.rng.choice(VALID_FORMATS[fmt])
        low = schema.get("minLength", 0)
        high = schema.get("maxLength", low + 16)
        return self.matching(schema.get("pattern"), low, min(high, low + 16))

    def matching(self, pattern, low, high):
        """Random text of `low` to `high` scalars that matches `pattern` (if any)."""
        if pattern is None:
            return self.text(low, high)
        samples = [text for text in PATTERN_SAMPLES.get(pattern, []) if low <= len(text) <= high]
        if samples:
            return self.rng.choice(samples)
        for _ in range(500):
            text = self.text(low, high)
            if re.search(pattern, text):
                return text
        raise ValueError(f"no sample for the pattern {pattern!r}; add one to PATTERN_SAMPLES")

    def text(self, low, high):
        return "".join(self.rng.choice(ALPHABET) for _ in range(self.rng.randint(low, max(low, high))))

    def number(self, schema, kind):
        low = schema.get("minimum", schema.get("exclusiveMinimum", -1000))
        high = schema.get("maximum", schema.get("exclusiveMaximum", 1000))
        if kind == "integer":
            lo = int(low) + (1 if "exclusiveMinimum" in schema and "minimum" not in schema else 0)
            hi = int(high) - (1 if "exclusiveMaximum" in schema and "maximum" not in schema else 0)
            return self.rng.randint(lo, max(lo, hi))
        if self.rng.random() < 0.3:
            return self.rng.randint(int(low) + 1, max(int(low) + 1, int(high) - 1))
        return round(self.rng.uniform(low, high), self.rng.randint(0, 6)) or float(low + high) / 2

    def any_value(self, depth):
        """Free-form JSON, of random shape and depth."""
        roll = self.rng.random()
        if depth > 6 or roll < 0.5:
            return self.rng.choice([None, True, False, 0, -7, 3.25, 1e-7, "text", "😀", "", 12345678901234])
        if roll < 0.75:
            return [self.any_value(depth + 1) for _ in range(self.rng.randint(0, 3))]
        return {self.rng.choice(ODD_KEYS + ["k"]) + str(i): self.any_value(depth + 1)
                for i in range(self.rng.randint(0, 3))}

    def delivery(self, event_type):
        return self.value(self.events[event_type])
