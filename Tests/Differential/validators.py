"""The independent validators (python-jsonschema with format checking, jsonschema-rs with validate_formats) and
the mapping of their errors to JSON pointers comparable with hookschema's finding paths.

Mapping (documented in README.md): JSON Schema reports a missing member (`required`) and an unknown member
(`additionalProperties: false`) at the *object's* instance path, and a bad map key (`propertyNames`) at the map's
path; hookschema reports the member's own pointer (for a missing member, the pointer it would have). Each such error
is mapped to the member pointers it names, so the sets are compared, not dropped.
"""

import json

import jsonschema
import jsonschema_rs


def escape(token):
    return str(token).replace("~", "~0").replace("/", "~1")


def pointer(path):
    return "".join("/" + escape(token) for token in path)


class PythonJSONSchema:
    name = "python-jsonschema"

    def __init__(self, schema):
        cls = jsonschema.Draft202012Validator
        cls.check_schema(schema)
        self.validator = cls(schema, format_checker=cls.FORMAT_CHECKER)

    def pointers(self, instance):
        found = set()
        for error in self.validator.iter_errors(instance):
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


class RustJSONSchema:
    name = "jsonschema-rs"

    def __init__(self, schema):
        self.validator = jsonschema_rs.validator_for(schema, validate_formats=True)

    def pointers(self, instance):
        found = set()
        kinds = jsonschema_rs.ValidationErrorKind
        for error in self.validator.iter_errors(instance):
            base = pointer(error.instance_path)
            kind = error.kind
            if isinstance(kind, kinds.Required):
                found.add(base + "/" + escape(kind.property))
            elif isinstance(kind, kinds.AdditionalProperties):
                for name in kind.unexpected:
                    found.add(base + "/" + escape(name))
            elif isinstance(kind, kinds.PropertyNames):
                found.add(base + "/" + escape(kind.error.instance))
            else:
                found.add(base)
        return found


def load_validators(export_directory, providers):
    """{provider: {mode: [validator, …]}} for the exported `<mode>/<provider>.schema.json` files."""
    validators = {}
    for provider in providers:
        validators[provider] = {}
        for mode in ("tolerant", "strict"):
            with open(f"{export_directory}/{mode}/{provider}.schema.json", encoding="utf-8") as handle:
                schema = json.load(handle)
            validators[provider][mode] = [PythonJSONSchema(schema), RustJSONSchema(schema)]
    return validators
