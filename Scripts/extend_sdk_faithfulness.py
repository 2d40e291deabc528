#!/usr/bin/env python3
"""Checks the bundled Extend schemas against Extend's official Python SDK (issue 13).

Prints one line per problem, to stdout:

    <schema file>:<line>: <Type.member or pointer>: required here, Optional in extend_ai.types.<module>.<Model>.<field>
    <schema file>:<line>: <Type or Type.member>: enum value <X> known to the SDK (<where>) is missing

and exits 1 when it printed any, 0 when it printed none. "Where the provider's SDKs disagree, take the tolerant
side": a member the SDK lets a delivery leave out must not be required here, and an enum value the SDK knows must be
one the schema knows (an unknown value of an open enum is only drift, but a delivery the SDK parses cleanly should
pass here cleanly too).

How the two sides are paired
----------------------------
* Every event file `Schemas/extend/<event>.yaml` is paired with the variant of the SDK's `WebhookEvent` union whose
  `eventType` Literal is `<event>` (`extend_ai.types.webhook_event.WebhookEvent_ExtractRunProcessed`, ...): the
  envelope's fields (provider.yaml `envelope.fields`) with that variant's fields, the event's `payload:` with the
  variant's `payload` annotation.
* From there the walk is recursive and follows both sides in step: an object's members are paired by their wire
  name (the pydantic alias, `logprobsConfidence`, never the Python name `logprobs_confidence`), an array's items with
  `List[T]`'s T, a map's values with `Dict[str, T]`'s T, an enum with the SDK's `Enum` class or `Literal[...]`, a
  union on `object`/`stepType` with the SDK model(s) whose discriminator Literal names the mapping's key. Inline
  objects are paired with the model the SDK annotation holds at the same place. `any` (free-form JSON) ends the walk.
* A schema object type is paired with the SDK model of the same class name, or with the one `SDK_MODEL_FOR` names
  below. A named type paired with a differently named model that is not in the table is a pairing error (exit 2),
  so that the table stays explicit.
* `SignedDataUrl` is not a pydantic model in the SDK: it is the `SignedDataUrlPayload` dataclass of
  `extend_ai.wrapper.webhooks`, which the SDK's `Webhooks.parse` builds when `payload.object` is `signed_data_url`.

What counts as "Optional in the SDK"
------------------------------------
A field whose annotation admits `None` (`Optional[T]`, `Union[..., None]`, `Any`), or that has the default `None`.
A field with a non-None default that is not Optional (the `object: Literal["extract_run"] = "extract_run"` and
`stepType` discriminators, `eventType`) is a constant the SDK fills in, not a member it lets a sender omit: the
schema keeps those required (a union's discriminator must be), so they are not reported.

Enum values the SDK knows are the members of its `Enum` classes (less the `_UNKNOWN` forward-compatibility member)
and the values of `Literal[...]` annotations. An SDK field typed as a plain `str` (the failure reasons) has no list
to compare: the schema's enum is then checked to be paired with a `str` (`SDK_PLAIN_STRING_ENUMS`).

Checks that the walk compared something
---------------------------------------
Every named type of provider.yaml and every event file must be paired (or be listed in one of the tables below, with
the reason); the SDK's discriminator literals must equal the schema's consts; and at least `MIN_PAIRED_TYPES` types
must be paired. Anything else exits 2 with a message, so a renamed SDK module or a reshaped schema never makes the
script silently compare nothing. A one-line summary of what was compared goes to stderr.

Event types and step types that the SDK knows and the schema has no event file or union member for are counted in
the summary and listed with --verbose (they would need new types, not a flag changed); `--coverage` makes them
problems too.

Usage: Scripts/extend_sdk_faithfulness.sh (creates the venv .venv-sdk with Scripts/requirements-sdk.txt) or, with
extend-ai and PyYAML importable, `python3 Scripts/extend_sdk_faithfulness.py [--schemas DIR] [--verbose]`.
"""

from __future__ import annotations

import argparse
import dataclasses
import enum
import importlib
import inspect
import os
import sys
import types
import typing
from typing import Any, Iterable, Optional

import yaml

try:
    import pydantic
    import extend_ai
    import extend_ai.types.webhook_event as sdk_webhook_event
except ImportError as error:  # pragma: no cover - environment problem
    print(f"error: cannot import the Extend SDK ({error}); run Scripts/extend_sdk_faithfulness.sh", file=sys.stderr)
    sys.exit(2)

SDK_VERSION = "1.20.0"

# ---------------------------------------------------------------------------------------------------------------
# The explicit pairing tables.
# ---------------------------------------------------------------------------------------------------------------

# Schema object type -> SDK model(s), where the class names differ. A schema type may stand for several SDK models
# (the SDK has one `…StepRunStep` model per step type; the schema one WorkflowStep for all of them).
SDK_MODEL_FOR: dict[str, tuple[str, ...]] = {
    # The SDK's `output` is Union[ExtractOutputJson, Dict[str, ExtractionFieldResult]] (JSON output | legacy output);
    # the schema describes the JSON shape (see ExtractOutput's description in provider.yaml).
    "ExtractOutput": ("extend_ai.types.extract_output_json.ExtractOutputJson",),
    # Union[ExtractConfigJson, ExtractConfigLegacy]; the schema describes the JSON Schema config.
    "ExtractConfig": ("extend_ai.types.extract_config_json.ExtractConfigJson",),
    "ExtractOutputFieldMetadata": ("extend_ai.types.extract_output_metadata_value.ExtractOutputMetadataValue",),
    "ExtractOutputEdit": ("extend_ai.types.extract_output_edits.ExtractOutputEdits",),
    # Not a pydantic model: a dataclass of the SDK's webhook helper.
    "SignedDataUrl": ("extend_ai.wrapper.webhooks.SignedDataUrlPayload",),
    # The members of the StepRun union (SDK: extend_ai.types.step_run.StepRun, discriminated on step_type).
    "ParseStepRun": ("extend_ai.types.step_run.StepRun_Parse",),
    "ExtractStepRun": ("extend_ai.types.step_run.StepRun_Extract",),
    "ClassifyStepRun": ("extend_ai.types.step_run.StepRun_Classify",),
    "SplitStepRun": ("extend_ai.types.step_run.StepRun_Split",),
    "MergeExtractStepRun": ("extend_ai.types.step_run.StepRun_MergeExtract",),
    "ConditionalExtractStepRun": ("extend_ai.types.step_run.StepRun_ConditionalExtract",),
    "RuleValidationStepRun": ("extend_ai.types.step_run.StepRun_RuleValidation",),
    "ExternalDataValidationStepRun": ("extend_ai.types.step_run.StepRun_ExternalDataValidation",),
    # One schema type for the `step` of every step run.
    "WorkflowStep": (
        "extend_ai.types.parse_step_run_step.ParseStepRunStep",
        "extend_ai.types.extract_step_run_step.ExtractStepRunStep",
        "extend_ai.types.classify_step_run_step.ClassifyStepRunStep",
        "extend_ai.types.split_step_run_step.SplitStepRunStep",
        "extend_ai.types.merge_extract_step_run_step.MergeExtractStepRunStep",
        "extend_ai.types.conditional_extract_step_run_step.ConditionalExtractStepRunStep",
        "extend_ai.types.rule_validation_step_run_step.RuleValidationStepRunStep",
        "extend_ai.types.external_data_validation_step_run_step.ExternalDataValidationStepRunStep",
        "extend_ai.types.validation_step_run_step.ValidationStepRunStep",
        "extend_ai.types.router_step_run_step.RouterStepRunStep",
    ),
}

# Schema enum -> extra SDK sources of its values, beyond what the walk pairs it with. WorkflowStepType is "the same
# values as a step run's `stepType`" (provider.yaml): the SDK knows them as the discriminator literals of the
# StepRun union, including those of step types the schema's StepRun union has no member for.
SDK_ENUM_SOURCES: dict[str, tuple[str, ...]] = {
    "WorkflowStepType": ("union-discriminator:extend_ai.types.step_run.StepRun",),
}

# Schema enums whose SDK field is a plain `str` (values only in prose): nothing to compare. Each must be seen paired
# with a `str`; if a later SDK gives one an Enum or Literal type, the walk compares it and it should leave this list.
SDK_PLAIN_STRING_ENUMS: dict[str, str] = {
    "ExtractFailureReason": "ExtractRun.failure_reason: Optional[str]",
    "ProcessorRunFailureReason": "ClassifyRun/SplitRun.failure_reason: Optional[str]",
    "ParseRunFailureReason": "ParseRunStatus.failure_reason: Optional[str]",
    "EditRunFailureReason": "EditRun.failure_reason: Optional[str]",
    "WorkflowRunFailureReason": "WorkflowRun.failure_reason: Optional[str]",
}

# Named types of provider.yaml that no SDK model stands for (none today). Name -> reason.
UNPAIRED_SCHEMA_TYPES: dict[str, str] = {}

# Guard: at least this many distinct (schema type, SDK model) pairs; with 1.20.0 the walk makes 91.
MIN_PAIRED_TYPES = 60


# ---------------------------------------------------------------------------------------------------------------
# YAML with marks.
# ---------------------------------------------------------------------------------------------------------------


class Y:
    """A composed YAML node with the small API the walk needs; keeps its file and line."""

    def __init__(self, node: yaml.Node, file: str):
        self.node = node
        self.file = file

    @property
    def line(self) -> int:
        return self.node.start_mark.line + 1

    def is_map(self) -> bool:
        return isinstance(self.node, yaml.MappingNode)

    def is_seq(self) -> bool:
        return isinstance(self.node, yaml.SequenceNode)

    def is_scalar(self) -> bool:
        return isinstance(self.node, yaml.ScalarNode)

    @property
    def value(self) -> str:
        assert self.is_scalar(), f"{self.file}:{self.line}: expected a scalar"
        return self.node.value

    def items(self) -> Iterable[tuple[str, "Y", "Y"]]:
        """(key, key node, value node) of a mapping."""
        if not self.is_map():
            return []
        return [(k.value, Y(k, self.file), Y(v, self.file)) for k, v in self.node.value]

    def get(self, key: str) -> Optional["Y"]:
        for k, _, v in self.items():
            if k == key:
                return v
        return None

    def key_line(self, key: str) -> Optional[int]:
        for k, kn, _ in self.items():
            if k == key:
                return kn.line
        return None

    def seq(self) -> list["Y"]:
        return [Y(n, self.file) for n in self.node.value] if self.is_seq() else []

    def flag(self, key: str) -> bool:
        v = self.get(key)
        return v is not None and v.is_scalar() and v.value.lower() in ("true", "yes", "on")


def load_yaml(path: str, display: str) -> Y:
    with open(path, encoding="utf-8") as f:
        node = yaml.compose(f)
    if node is None:
        fail(f"{display}: empty YAML document")
    return Y(node, display)


# ---------------------------------------------------------------------------------------------------------------
# SDK introspection.
# ---------------------------------------------------------------------------------------------------------------

NoneType = type(None)


def qualname(tp: Any) -> str:
    return f"{tp.__module__}.{tp.__name__}"


def resolve_dotted(path: str) -> Any:
    module, _, name = path.rpartition(".")
    try:
        return getattr(importlib.import_module(module), name)
    except (ImportError, AttributeError) as error:
        fail(f"the pairing table names {path}, which extend-ai {SDK_VERSION} does not have ({error})")


def is_model(tp: Any) -> bool:
    return inspect.isclass(tp) and (issubclass(tp, pydantic.BaseModel) or dataclasses.is_dataclass(tp))


def is_enum(tp: Any) -> bool:
    return inspect.isclass(tp) and issubclass(tp, enum.Enum)


def strip_annotated(tp: Any) -> Any:
    while typing.get_origin(tp) is typing.Annotated:
        tp = typing.get_args(tp)[0]
    return tp


def union_members(tp: Any) -> list[Any]:
    """The alternatives of a (possibly Optional/Annotated) union, without None; [tp] for anything else."""
    tp = strip_annotated(tp)
    origin = typing.get_origin(tp)
    if origin is typing.Union or (hasattr(types, "UnionType") and origin is types.UnionType):
        out: list[Any] = []
        for arg in typing.get_args(tp):
            if arg is not NoneType:
                out.extend(union_members(arg))
        return out
    return [tp]


def admits_none(tp: Any) -> bool:
    tp = strip_annotated(tp)
    if tp is Any or tp is NoneType:
        return True
    origin = typing.get_origin(tp)
    if origin is typing.Union or (hasattr(types, "UnionType") and origin is types.UnionType):
        return any(admits_none(a) for a in typing.get_args(tp))
    return False


@dataclasses.dataclass
class SdkField:
    python_name: str
    wire_name: str
    annotation: Any
    optional: bool  # Optional[T] or default None: a sender may leave it out


def sdk_fields(model: Any) -> dict[str, SdkField]:
    """The model's fields keyed by their wire (JSON) name."""
    out: dict[str, SdkField] = {}
    if inspect.isclass(model) and issubclass(model, pydantic.BaseModel):
        for name, info in model.model_fields.items():
            wire = info.alias or name
            has_none_default = (not info.is_required()) and info.default is None and info.default_factory is None
            out[wire] = SdkField(name, wire, info.annotation, admits_none(info.annotation) or has_none_default)
    elif dataclasses.is_dataclass(model):
        hints = typing.get_type_hints(model)
        for f in dataclasses.fields(model):
            annotation = hints.get(f.name, Any)
            has_none_default = f.default is None
            # Dataclass fields carry no alias: SignedDataUrlPayload's names are the wire names.
            out[f.name] = SdkField(f.name, f.name, annotation, admits_none(annotation) or has_none_default)
    return out


def enum_values(tp: Any) -> Optional[list[str]]:
    """The values an SDK annotation enumerates (an Enum class, a Literal or a union of those), or None."""
    values: list[str] = []
    found = False
    for member in union_members(tp):
        if is_enum(member):
            found = True
            values.extend(str(m.value) for m in member if not m.name.startswith("_"))
        elif typing.get_origin(member) is typing.Literal:
            found = True
            values.extend(str(v) for v in typing.get_args(member))
    return values if found else None


def enum_source(tp: Any, where: str) -> str:
    for member in union_members(tp):
        if is_enum(member):
            return qualname(member)
    return where


def literal_value(model: Any, wire_name: str) -> Optional[str]:
    field = sdk_fields(model).get(wire_name)
    if field is None:
        return None
    values = enum_values(field.annotation)
    if values and len(values) == 1:
        return values[0]
    return None


def is_plain_str(tp: Any) -> bool:
    return all(m is str for m in union_members(tp))


def sdk_event_variants() -> dict[str, Any]:
    """eventType literal -> WebhookEvent_* model."""
    union = strip_annotated(sdk_webhook_event.WebhookEvent)
    out: dict[str, Any] = {}
    for variant in typing.get_args(union):
        value = literal_value(variant, "eventType")
        if value is None:
            fail(f"{qualname(variant)} has no eventType Literal")
        out[value] = variant
    if len(out) < 10:
        fail(f"extend_ai.types.webhook_event.WebhookEvent has only {len(out)} variants")
    return out


# ---------------------------------------------------------------------------------------------------------------
# The walk.
# ---------------------------------------------------------------------------------------------------------------


def fail(message: str) -> typing.NoReturn:
    print(f"error: {message}", file=sys.stderr)
    sys.exit(2)


class Checker:
    def __init__(self, schemas_dir: str, display_root: str, verbose: bool):
        self.verbose = verbose
        self.dir = schemas_dir
        self.display_root = display_root
        provider_path = os.path.join(schemas_dir, "provider.yaml")
        self.provider = load_yaml(provider_path, self.display(provider_path))
        types_node = self.provider.get("types")
        if types_node is None:
            fail(f"{self.provider.file}: no `types:`")
        self.types: dict[str, Y] = {name: node for name, _, node in types_node.items()}
        self.problems: dict[tuple[str, int, str], str] = {}  # deduplicated, kept in discovery order
        self.notes: list[str] = []
        self.coverage: dict[tuple[str, int, str], None] = {}  # an ordered set
        self.paired_types: set[tuple[str, str]] = set()  # (schema type name or inline pointer, SDK model)
        self.paired_named: set[str] = set()
        self.members_compared = 0
        self.enums_compared: set[tuple[int, str]] = set()
        self.visited: set[tuple[int, Any]] = set()
        # schema enum node id -> (schema Y, display name, {value: where}, seen str?)
        self.enum_sdk: dict[int, tuple[Y, str, dict[str, str]]] = {}
        self.plain_string_enums_seen: set[str] = set()
        self.events_paired = 0

    def display(self, path: str) -> str:
        relative = os.path.relpath(os.path.abspath(path), self.display_root)
        return os.path.abspath(path) if relative.startswith("..") else relative

    def note(self, message: str) -> None:
        self.notes.append(message)

    def problem(self, where: Y, line: int, message: str) -> None:
        self.problems.setdefault((where.file, line, message), f"{where.file}:{line}: {message}")

    # -- schema helpers --------------------------------------------------------------------------------------------

    def named(self, name: str, at: Y) -> tuple[str, Y, Optional[str]]:
        target = self.types.get(name)
        if target is None:
            fail(f"{at.file}:{at.line}: {name} is not a type of provider.yaml")
        kind, body, _ = self.schema_type(target)
        return kind, body, name

    def schema_type(self, node: Y) -> tuple[str, Y, Optional[str]]:
        """(kind, the node that carries the kind's keys, the named type's name if it went through a $ref)."""
        if node.is_scalar():  # `name: string` shorthand
            return node.value, node, None
        ref = node.get("$ref")
        if ref is not None:
            return self.named(ref.value, ref)
        t = node.get("type")
        if t is None:
            return "any", node, None
        return t.value, node, None

    # -- pairing ---------------------------------------------------------------------------------------------------

    def compare(self, node: Y, annotation: Any, label: str, where: str, ref: bool = False) -> None:
        """Compares a schema node with the SDK annotation at the same place. `label` names the schema place
        (Type.member or a pointer), `where` the SDK place (module.Model.field). `ref`: the node is a bare type name
        (a union mapping's member)."""
        kind, body, named = self.named(node.value, node) if ref else self.schema_type(node)
        display = named or label
        if kind == "any":
            return
        if kind == "object":
            self.compare_object_at(body, annotation, display, where, named)
        elif kind == "array":
            items = body.get("items")
            inner = [typing.get_args(strip_annotated(m)) for m in union_members(annotation)
                     if typing.get_origin(strip_annotated(m)) in (list, typing.List)]
            if items is not None and inner and inner[0]:
                self.compare(items, inner[0][0], f"{display}[]", where)
            elif items is not None and not inner:
                self.note(f"{display}: array here, {annotation!r} in {where}")
        elif kind == "map":
            values = body.get("values")
            inner = [typing.get_args(strip_annotated(m)) for m in union_members(annotation)
                     if typing.get_origin(strip_annotated(m)) in (dict, typing.Dict)]
            if values is not None and inner and len(inner[0]) == 2:
                self.compare(values, inner[0][1], f"{display}{{}}", where)
            elif values is not None and not inner:
                self.note(f"{display}: map here, {annotation!r} in {where}")
        elif kind == "enum":
            self.compare_enum(body, annotation, display, where, named)
        elif kind == "union":
            self.compare_union(body, annotation, display, where)
        elif kind in ("string", "uri", "email", "uuid") and body.is_map() and body.get("const") is not None:
            expected = literal_value_of_annotation(annotation)
            const = body.get("const").value
            if expected is not None and expected != const:
                fail(f"{body.file}:{body.line}: {display}: const {const!r}, but {where} is Literal[{expected!r}]: "
                     "the pairing is wrong")

    def candidates(self, annotation: Any) -> list[Any]:
        return [m for m in union_members(annotation) if is_model(m)]

    def compare_object_at(self, body: Y, annotation: Any, display: str, where: str, named: Optional[str]) -> None:
        models = self.candidates(annotation)
        if not models:
            self.note(f"{display}: object here, {annotation!r} in {where}; not compared")
            return
        if named is not None and named in SDK_MODEL_FOR:
            wanted = {resolve_dotted(p) for p in SDK_MODEL_FOR[named]}
            chosen = [m for m in models if m in wanted]
            if not chosen:
                fail(f"{body.file}:{body.line}: {named} is paired with "
                     f"{', '.join(qualname(m) for m in SDK_MODEL_FOR[named])} in SDK_MODEL_FOR, but {where} holds "
                     f"{', '.join(qualname(m) for m in models)}")
        elif named is not None:
            chosen = [m for m in models if m.__name__ == named]
            if not chosen:
                fail(f"{body.file}:{body.line}: {named} meets {', '.join(qualname(m) for m in models)} at {where}; "
                     "add the pairing to SDK_MODEL_FOR (or fix the schema)")
        else:
            if len(models) > 1:
                fail(f"{body.file}:{body.line}: the inline object {display} meets several SDK models at {where}: "
                     f"{', '.join(qualname(m) for m in models)}")
            chosen = models
        for model in chosen:
            self.compare_object(body, model, display, named)

    def compare_object(self, body: Y, model: Any, display: str, named: Optional[str]) -> None:
        key = (id(body.node), model)
        if key in self.visited:
            return
        self.visited.add(key)
        self.paired_types.add((named or f"{body.file}:{body.line}", qualname(model)))
        if named is not None:
            self.paired_named.add(named)
        fields = body.get("fields")
        if fields is None:
            return
        sdk = sdk_fields(model)
        for name, key_node, field in fields.items():
            label = f"{display}.{name}"
            sdk_field = sdk.get(name)
            if sdk_field is None:
                self.note(f"{field.file}:{key_node.line}: {label}: not in {qualname(model)}")
                continue
            self.members_compared += 1
            where = f"{qualname(model)}.{sdk_field.python_name}"
            if field.is_map() and field.flag("required") and sdk_field.optional:
                line = field.key_line("required") or key_node.line
                self.problem(field, line, f"{label}: required here, Optional in {where}")
            if sdk_field.optional and field.is_map() and not field.flag("nullable") \
                    and admits_none(sdk_field.annotation):
                kind, _, _ = self.schema_type(field)
                if kind != "any":
                    self.note(f"{field.file}:{key_node.line}: {label}: not nullable here, {where} accepts None")
            self.compare(field, sdk_field.annotation, label, where)

    def compare_enum(self, body: Y, annotation: Any, display: str, where: str, named: Optional[str]) -> None:
        values = enum_values(annotation)
        if values is None:
            if is_plain_str(annotation):
                if named is not None:
                    self.plain_string_enums_seen.add(named)
                if named not in SDK_PLAIN_STRING_ENUMS:
                    self.note(f"{body.file}:{body.line}: {display}: enum here, plain str in {where}; not compared")
            else:
                self.note(f"{body.file}:{body.line}: {display}: enum here, {annotation!r} in {where}")
            return
        if named is not None:
            self.paired_named.add(named)
        self.enums_compared.add((id(body.node), enum_source(annotation, where)))
        entry = self.enum_sdk.setdefault(id(body.node), (body, display, {}))
        source = enum_source(annotation, where)
        for value in values:
            entry[2].setdefault(value, source)

    def compare_union(self, body: Y, annotation: Any, display: str, where: str) -> None:
        discriminator = body.get("discriminator").value
        mapping = {k: (kn, v) for k, kn, v in body.get("mapping").items()}
        models = self.candidates(annotation)
        # Discriminator value -> the SDK models with that Literal. Several models share one value when the member is
        # itself a union (`workflow_step_run` -> every StepRun_* model, told apart by `stepType`).
        sdk_by_value: dict[str, list[Any]] = {}
        for model in models:
            value = literal_value(model, discriminator)
            if value is None:
                fail(f"{body.file}:{body.line}: {display}: {qualname(model)} (at {where}) has no Literal "
                     f"`{discriminator}`")
            sdk_by_value.setdefault(value, []).append(model)
        for value, group in sdk_by_value.items():
            if value not in mapping:
                for model in group:
                    self.coverage[(body.file, body.key_line("mapping") or body.line,
                                   f"{display}: {discriminator} {value} known to the SDK ({qualname(model)}) has no "
                                   "member here")] = None
                continue
            annotation_here = group[0] if len(group) == 1 else typing.Union[tuple(group)]
            self.compare(mapping[value][1], annotation_here, f"{display}[{value}]",
                         ", ".join(qualname(m) for m in group), ref=True)
        # Mapping members the SDK annotation does not hold (SignedDataUrl): paired through SDK_MODEL_FOR.
        for value, (_, member) in mapping.items():
            if value in sdk_by_value:
                continue
            _, member_body, member_name = self.named(member.value, member)
            if member_name in SDK_MODEL_FOR:
                for path in SDK_MODEL_FOR[member_name]:
                    model = resolve_dotted(path)
                    self.compare_object(member_body, model, member_name, member_name)
            else:
                self.note(f"{body.file}:{body.line}: {display}: member {value} has no SDK model at {where}")

    # -- entry points ----------------------------------------------------------------------------------------------

    def run(self) -> None:
        variants = sdk_event_variants()
        envelope = self.provider.get("envelope")
        envelope_fields = envelope.get("fields") if envelope else None
        payload_member = envelope.get("payload").value if envelope and envelope.get("payload") else "payload"
        schema_events: set[str] = set()
        for file_name in sorted(os.listdir(self.dir)):
            if not file_name.endswith(".yaml") or file_name == "provider.yaml":
                continue
            path = os.path.join(self.dir, file_name)
            event_file = load_yaml(path, self.display(path))
            event = event_file.get("event").value
            schema_events.add(event)
            variant = variants.get(event)
            if variant is None:
                fail(f"{event_file.file}:{event_file.get('event').line}: event {event} is not a variant of "
                     "extend_ai.types.webhook_event.WebhookEvent")
            self.events_paired += 1
            sdk = sdk_fields(variant)
            if envelope_fields is not None:
                # The envelope mapping carries `fields:` like an object schema does.
                self.compare_object(envelope, variant, "envelope", None)
            payload = event_file.get("payload")
            if payload is not None:
                self.compare(payload, sdk[payload_member].annotation, f"{event}/{payload_member}",
                             f"{qualname(variant)}.{sdk[payload_member].python_name}")
        for event, variant in sorted(variants.items()):
            if event not in schema_events:
                self.coverage[(self.provider.file, envelope.key_line("discriminator") or envelope.line,
                               f"envelope.eventType: event {event} known to the SDK ({qualname(variant)}) has no "
                               "event file here")] = None
        # Extra enum sources (WorkflowStepType <- the StepRun union's discriminator literals).
        for name, sources in SDK_ENUM_SOURCES.items():
            node = self.types.get(name)
            if node is None:
                fail(f"SDK_ENUM_SOURCES names {name}, which provider.yaml does not have")
            for source in sources:
                kind, _, path = source.partition(":")
                assert kind == "union-discriminator", source
                union = strip_annotated(resolve_dotted(path))
                for model in typing.get_args(union):
                    value = literal_value(model, "stepType")
                    if value is None:
                        fail(f"{qualname(model)} has no stepType Literal")
                    entry = self.enum_sdk.setdefault(id(node.node), (node, name, {}))
                    entry[2].setdefault(value, f"{path} discriminator, {qualname(model)}")
                self.enums_compared.add((id(node.node), path))
                self.paired_named.add(name)
        # Enum values the SDK knows and the schema does not.
        for body, display, sdk_values in self.enum_sdk.values():
            schema_values = set()
            for item in body.get("values").seq():
                schema_values.add(item.value if item.is_scalar() else item.get("value").value)
            line = body.key_line("values") or body.line
            for value, source in sdk_values.items():
                if value not in schema_values:
                    self.problem(body, line, f"{display}: enum value {value} known to the SDK ({source}) is missing")
        self.check_coverage_of_the_walk()

    def check_coverage_of_the_walk(self) -> None:
        for name, node in self.types.items():
            kind, _, _ = self.schema_type(node)
            if kind == "union":
                continue  # unions are not paired themselves; their members are
            if name in UNPAIRED_SCHEMA_TYPES:
                continue
            if name in SDK_PLAIN_STRING_ENUMS:
                if name not in self.plain_string_enums_seen and name not in self.paired_named:
                    fail(f"{node.file}:{node.line}: {name} is listed in SDK_PLAIN_STRING_ENUMS but was never paired "
                         "with an SDK field")
                continue
            if name not in self.paired_named:
                fail(f"{node.file}:{node.line}: the named type {name} was paired with no SDK model or enum; pair it "
                     "(SDK_MODEL_FOR) or list it in UNPAIRED_SCHEMA_TYPES with the reason")
        if len(self.paired_types) < MIN_PAIRED_TYPES:
            fail(f"only {len(self.paired_types)} schema/SDK type pairs were compared (expected at least "
                 f"{MIN_PAIRED_TYPES}): the pairing is broken")


def literal_value_of_annotation(annotation: Any) -> Optional[str]:
    values = enum_values(annotation)
    if values and len(values) == 1 and all(typing.get_origin(m) is typing.Literal for m in union_members(annotation)):
        return values[0]
    return None


def main() -> int:
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--schemas", default=os.path.join(root, "Schemas", "extend"),
                        help="the Extend schema folder (default: Schemas/extend of this checkout)")
    parser.add_argument("--verbose", action="store_true", help="also print the walk's notes to stderr")
    parser.add_argument("--coverage", action="store_true",
                        help="also report, as problems, SDK event types and step types the schema has no type for")
    args = parser.parse_args()

    installed = getattr(getattr(extend_ai, "version", None), "__version__", None)
    if installed is None:
        try:
            from importlib.metadata import version
            installed = version("extend-ai")
        except Exception:  # pragma: no cover
            installed = "?"
    if installed != SDK_VERSION:
        print(f"warning: extend-ai {installed} is installed; the pairing tables were written for {SDK_VERSION}",
              file=sys.stderr)

    checker = Checker(args.schemas, root, args.verbose)
    checker.run()

    lines = [checker.problems[key] for key in sorted(checker.problems)]
    coverage_lines = [f"{file}:{line}: {message}" for file, line, message in sorted(checker.coverage)]
    if args.coverage:
        lines.extend(coverage_lines)
    for line in lines:
        print(line)
    if args.verbose and not args.coverage:
        for line in coverage_lines:
            print(f"note: {line}", file=sys.stderr)
    if args.verbose:
        for note in checker.notes:
            print(f"note: {note}", file=sys.stderr)
    named_objects = sum(1 for name in checker.paired_named if checker.schema_type(checker.types[name])[0] == "object")
    print(
        f"extend_sdk_faithfulness: extend-ai {installed}: {checker.events_paired} events, "
        f"{len(checker.paired_types)} schema/SDK type pairs ({named_objects} named object types), "
        f"{checker.members_compared} members, {len(checker.enums_compared)} enum pairings compared; "
        f"{len(lines)} problem{'s' if len(lines) != 1 else ''}"
        + ("" if args.coverage or not coverage_lines else
           f" ({len(coverage_lines)} SDK event/step types have no schema type: --verbose lists them)"),
        file=sys.stderr,
    )
    return 1 if lines else 0


if __name__ == "__main__":
    sys.exit(main())
