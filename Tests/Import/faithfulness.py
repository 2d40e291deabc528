#!/usr/bin/env python3
"""Faithfulness of `hookschema import`, measured against the source schema (issue 14), on the three real catalogs
of ../shared/corpora: GitHub (JSON Schema draft-07 folder), Svix and Resend (OpenAPI 3.1).

For each catalog:

1. import it into a temporary folder (`hookschema import jsonschema|openapi … --provider NAME`) and lint it;
2. its published examples (GitHub's payload-examples, Svix's inline `example`s; Resend has none): each is
   validated against its SOURCE schema (python-jsonschema 4.26 with format checking, catalogs.py says how refs and
   OpenAPI's `nullable` are read), then checked by `hookschema check --schemas <imported> --format json`
   (GitHub's bare bodies with `--event <event folder>`, one call per event);
3. generated instances: hypothesis-jsonschema instances of every source event schema, and mutations of each
   (instances.py), checked the same way;
4. every body is also validated with the tolerant JSON Schema export of the imported provider
   (`hookschema export jsonschema --mode tolerant`, `<provider>/<event type, / as .>.schema.json`).

Criteria, per body: source-valid ⇒ hookschema's verdict is not `fail`; source-invalid ⇒ the verdict is not `pass`
and some finding's `path` is the JSON pointer of one of the source's errors or its immediate parent (a `required`
error counts at the missing member's pointer as well as at the object, an `additionalProperties: false` error at
each unknown member's, as in Tests/Differential/validators.py; an `anyOf`/`oneOf` error also at the pointers of its
branches' errors, which say why no branch matched: counted apart as "via a branch"); a finding only at a higher
ancestor is counted apart, and fails. The tolerant export accepts a body exactly when the verdict is not `fail`.

Bodies showing a documented difference between hookschema and JSON Schema validators (Tests/Differential/README.md,
"Deliberate differences": a leap second, year 0000) are left out of the criteria, counted. Integers beyond 64 bits
(another) are kept out of typed members by generating from 64-bit bounds (bundle.py); in members the schema leaves
open (unknown members, `{}`) hookschema does not type them, so they stay.

Output: per catalog the counts (valid/invalid by the source, agreements), every disagreement (body, pointer, both
sides' messages), the skipped event schemas with their reasons; then one line per catalog × criterion, and last
`N passed, M failed` counting catalog × criterion pairs. Exit status 1 when any criterion fails.
Usage: faithfulness.py [--count N] [--seed S] [--catalog NAME …] [--hookschema PATH] [--corpora DIR] [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
import warnings
from collections import Counter, defaultdict
from concurrent.futures import ThreadPoolExecutor

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from jsonschema import Draft202012Validator, FormatChecker  # noqa: E402

import bundle  # noqa: E402
import decoding  # noqa: E402
import catalogs as catalog_module  # noqa: E402

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
DEFAULT_CORPORA = os.path.normpath(os.path.join(ROOT, "..", "shared", "corpora"))
# Formats python-jsonschema checks only with a package besides rfc3339-validator: shared/corpora/README.md measured
# its figures with rfc3339-validator alone, so these were not checked there.
NOT_CHECKED_IN_README = {"uri", "uri-reference", "iri", "iri-reference", "uri-template", "color", "hostname",
                         "idn-hostname", "json-pointer", "relative-json-pointer", "duration"}
DETAILS_SHOWN = 25


# --- JSON pointers ------------------------------------------------------------------------------------------------


def escape(token):
    return str(token).replace("~", "~0").replace("/", "~1")


def pointer(path):
    return "".join("/" + escape(token) for token in path)


def tokens(json_pointer):
    return json_pointer.split("/")[1:] if json_pointer else []


def parent(json_pointer):
    return json_pointer[: json_pointer.rfind("/")] if json_pointer else None


def is_ancestor(candidate, json_pointer):
    """`candidate` is a proper ancestor of `json_pointer` (the root `""` is everyone's)."""
    return len(tokens(candidate)) < len(tokens(json_pointer)) and \
        tokens(json_pointer)[: len(tokens(candidate))] == tokens(candidate)


# --- The source's errors ------------------------------------------------------------------------------------------


def error_pointers(error):
    """The pointers an error stands for (see the module's docstring)."""
    base = pointer(error.absolute_path)
    found = {base}
    if error.validator == "required" and isinstance(error.instance, dict):
        found.update(base + "/" + escape(name) for name in error.validator_value if name not in error.instance)
    elif error.validator == "additionalProperties" and error.validator_value is False \
            and isinstance(error.instance, dict):
        declared = error.schema.get("properties", {})
        patterns = error.schema.get("patternProperties", {})
        found.update(base + "/" + escape(name) for name in error.instance
                     if name not in declared and not any(re.search(p, name) for p in patterns))
    return found


def branch_pointers(error):
    found = set()
    for sub in error.context or []:
        found |= error_pointers(sub) | branch_pointers(sub)
    return found


def source_errors(validator, instance):
    return [{"pointers": sorted(error_pointers(e)), "branches": sorted(branch_pointers(e)),
             "keyword": e.validator, "message": e.message[:300]}
            for e in validator.iter_errors(instance)]


def documented_difference(value):
    """The documented difference (Tests/Differential/README.md) a body shows, or None."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int):
        return None
    if isinstance(value, str):
        if re.match(r"^\d{4}-\d\d-\d\d[Tt ]\d\d:\d\d:60", value):
            return "leap second"
        if re.match(r"^0000-\d\d-\d\d", value):
            return "year 0000"
        return None
    children = value.values() if isinstance(value, dict) else value if isinstance(value, list) else []
    for child in children:
        reason = documented_difference(child)
        if reason:
            return reason
    return None


# --- Bodies -------------------------------------------------------------------------------------------------------


class Body:
    def __init__(self, catalog, event, origin, label, value, mutation=None, path=None):
        self.catalog = catalog
        self.event = event
        self.origin = origin            # "example", "generated", "mutated"
        self.label = label
        self.value = value
        self.mutation = mutation
        self.path = path                # an example's file, checked as it is
        self.errors = None              # the source's errors ([] when valid)
        self.result = None              # hookschema's result
        self.export_errors = None       # the tolerant export's error pointers ([] when valid)
        self.decoded = None             # what the generated types made of it (decoding.py), source-valid only
        self.excluded = documented_difference(value)

    @property
    def text(self):
        return json.dumps(self.value, ensure_ascii=False, separators=(",", ":"))


# --- Generation, in worker processes --------------------------------------------------------------------------

_WORKER = {}


def _init_worker(corpora, names):
    warnings.simplefilter("ignore")
    import instances  # noqa: F401 (installs the memoisation)
    _WORKER["catalogs"] = {c.name: c for c in catalog_module.catalogs(corpora, names)}


def _generate(task):
    """(catalog, event index, count, mutations, seed, budget) → dict with the event's instances, mutations and source
    errors."""
    import instances

    name, index, count, mutations, seed, budget = task
    catalog = _WORKER["catalogs"][name]
    event = catalog.events[index]
    started = time.monotonic()
    outcome = {"catalog": name, "index": index, "bodies": [], "skip": None, "failed_draws": 0}
    try:
        # The mutations walk the source's own rules; the generator gets 64-bit bounds on integers (bundle.py).
        schema = bundle.bundle(event.schema, catalog.registry.resolver(event.base_uri),
                               siblings_apply=catalog.kind == "openapi")
        bounded = bundle.bundle(event.schema, catalog.registry.resolver(event.base_uri),
                                siblings_apply=catalog.kind == "openapi", bound_integers=True)
    except bundle.RecursiveReference as error:
        outcome["skip"] = f"recursive $ref ({error}) deeper than {bundle.DEPTH}"
        return outcome
    generated, failed, reason = instances.generate(bounded, count, f"{seed}:{name}:{event.name}", budget)
    outcome["failed_draws"] = failed
    if reason:
        outcome["skip"] = reason
        return outcome
    walker = instances.Walker()
    for number, value in enumerate(generated):
        outcome["bodies"].append(("generated", f"{event.name} #{number}", value, None,
                                  source_errors(event.validator, value)))
        rng = random.Random(f"{seed}:{name}:{event.name}:{number}:mutation")
        for body, description in instances.mutate(walker, schema, value, rng, mutations):
            outcome["bodies"].append(("mutated", f"{event.name} #{number}", body, description,
                                      source_errors(event.validator, body)))
    outcome["seconds"] = time.monotonic() - started
    return outcome


# --- hookschema ---------------------------------------------------------------------------------------------------


def run(command, **options):
    return subprocess.run(command, capture_output=True, text=True, cwd=ROOT, **options)


def check(binary, schemas, bodies, scratch, jobs):
    """Fills each body's `result`: one `check --format json` call per header value (GitHub's event folder), bare
    example files as they are, generated bodies as NDJSON."""
    groups = defaultdict(list)
    for body in bodies:
        groups[(body.event.header, body.path is not None)].append(body)

    def one(item):
        (header, files), members = item
        command = [binary, "check", "--schemas", schemas, "--format", "json"]
        if header:
            command += ["--event", header]
        if files:
            command += [body.path for body in members]
        else:
            handle, path = tempfile.mkstemp(suffix=".ndjson", dir=scratch)
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                out.writelines(body.text + "\n" for body in members)
            command.append(path)
        process = run(command)
        if process.returncode not in (0, 1):
            raise SystemExit(f"{' '.join(command[:8])} … exited {process.returncode}: {process.stderr[:2000]}")
        results = json.loads(process.stdout)["results"]
        if len(results) != len(members):
            raise SystemExit(f"hookschema reported {len(results)} results for {len(members)} bodies")
        for body, result in zip(members, results):
            body.result = result

    with ThreadPoolExecutor(max(1, jobs)) as pool:
        list(pool.map(one, sorted(groups.items(), key=lambda item: (str(item[0][0]), item[0][1]))))


class Exports:
    """Validators of the tolerant export's per-event schemas."""

    def __init__(self, directory, provider):
        self.directory = os.path.join(directory, provider)
        self.validators = {}

    def errors(self, event_type, value):
        if event_type not in self.validators:
            path = os.path.join(self.directory, event_type.replace("/", ".") + ".schema.json")
            if not os.path.exists(path):
                self.validators[event_type] = None
            else:
                with open(path, encoding="utf-8") as handle:
                    schema = json.load(handle)
                self.validators[event_type] = Draft202012Validator(
                    schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
        validator = self.validators[event_type]
        if validator is None:
            return None
        return sorted({pointer(e.absolute_path) for e in validator.iter_errors(value)})


# --- Criteria -----------------------------------------------------------------------------------------------------


def judge(body):
    """(check outcome, export agrees): outcome is "agree", "agree via a branch", or a disagreement's name."""
    verdict = body.result["verdict"]
    findings = [f["path"] for f in body.result["findings"]]
    if not body.errors:
        outcome = "agree" if verdict != "fail" else "source-valid, hookschema fails"
    elif verdict == "pass":
        outcome = "source-invalid, hookschema passes"
    else:
        own = {p for e in body.errors for p in e["pointers"]}
        branches = {p for e in body.errors for p in e["branches"]}
        if any(f == p or f == parent(p) for f in findings for p in own):
            outcome = "agree"
        elif any(f == p or f == parent(p) for f in findings for p in branches):
            outcome = "agree via a branch"
        elif any(is_ancestor(f, p) for f in findings for p in own | branches):
            outcome = "source-invalid, hookschema flags only a higher ancestor"
        else:
            outcome = "source-invalid, hookschema flags elsewhere"
    export = None if body.export_errors is None else (not body.export_errors) == (verdict != "fail")
    return outcome, export


def shown(text, limit=200):
    """`text` on one line: control characters escaped, cut at `limit`."""
    return json.dumps(str(text), ensure_ascii=False)[1:-1][:limit]


def describe(body):
    result = body.result
    lines = [f"    {body.origin} {body.label}" + (f" [{shown(body.mutation, 300)}]" if body.mutation else "")
             + f" — source: {'valid' if not body.errors else 'invalid'}; hookschema: {result['verdict']}"
             + f" as {result.get('event')}"]
    for error in (body.errors or [])[:4]:
        lines.append(f"      source {error['keyword']} at {shown(', '.join(error['pointers']))}: "
                     f"{shown(error['message'])}")
    for finding in result["findings"][:4]:
        lines.append(f"      hookschema {finding['severity']} {finding['kind']} at {shown(finding['path'])}: "
                     f"{shown(finding['message'])}")
    if len(result["findings"]) > 4:
        lines.append(f"      … {len(result['findings']) - 4} more findings")
    if body.export_errors is not None:
        lines.append("      tolerant export: " + ("valid" if not body.export_errors
                                               else "rejects at " + shown(", ".join(body.export_errors[:4]))))
    if body.decoded is not None:
        lines.append(f"      generated types: Codable {shown(body.decoded['codable'])}; one-pass "
                     f"{shown(body.decoded['onePass'])}")
    return "\n".join(lines)


def readme_figures(catalog):
    """The examples valid by the source with formats checked as shared/corpora/README.md measured them."""
    cls = catalog.validator_class
    checker = FormatChecker([name for name in cls.FORMAT_CHECKER.checkers if name not in NOT_CHECKED_IN_README])
    valid = 0
    for example in catalog.examples:
        validator = cls(example.event.schema, registry=catalog.registry, format_checker=checker)
        valid += validator.is_valid(example.body)
    return len(catalog.examples), valid


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=300,
                        help="generated instances per catalog, spread over its event schemas (default 300; the "
                             "full run is --count 10000)")
    parser.add_argument("--mutations", type=int, default=3,
                        help="mutated copies of each generated instance, one mutation each (default 3)")
    parser.add_argument("--seed", type=int, default=20261202, help="random seed (default fixed, so runs repeat)")
    parser.add_argument("--catalog", action="append", choices=["github", "svix", "resend"],
                        help="only this catalog (repeatable; default all three)")
    parser.add_argument("--hookschema", help="the hookschema binary (default: .build/debug/hookschema)")
    parser.add_argument("--corpora", default=DEFAULT_CORPORA, help="the corpora folder (default ../shared/corpora)")
    parser.add_argument("--budget", type=float, default=60.0,
                        help="seconds of generation per event schema at most (default 60)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--no-decode", action="store_true",
                        help="skip compiling the generated types and decoding the source-valid bodies with them")
    parser.add_argument("--keep", help="write every body, the source's errors and hookschema's result here")
    args = parser.parse_args()
    binary = args.hookschema or os.path.join(ROOT, ".build", "debug", "hookschema")
    if not os.path.isdir(args.corpora):
        sys.exit(f"error: no corpora folder at {args.corpora}")
    warnings.simplefilter("ignore")
    started = time.monotonic()
    scratch = tempfile.mkdtemp(prefix="hookschema-import-faithfulness-")
    schemas = os.path.join(scratch, "schemas")
    exported = os.path.join(scratch, "export")
    names = args.catalog or ["github", "svix", "resend"]
    catalogs = catalog_module.catalogs(args.corpora, names)
    criteria = []  # (catalog, criterion, passed, detail)
    every_body = []

    # 1. Import and lint.
    imported = {}
    for catalog in catalogs:
        process = run(catalog.import_command(binary, schemas))
        warnings_count = sum(": warning: " in line for line in process.stderr.splitlines())
        criteria.append((catalog.name, "import exits 0", process.returncode == 0,
                         f"exit {process.returncode}, {warnings_count} warnings"
                         + ("" if process.returncode == 0 else ": " + process.stderr[-1500:])))
        imported[catalog.name] = process.returncode == 0
    lint = run([binary, "lint", "--schemas", schemas])
    for catalog in catalogs:
        criteria.append((catalog.name, "lint --schemas passes", lint.returncode == 0 and imported[catalog.name],
                         (lint.stdout + lint.stderr).strip().splitlines()[-1] if (lint.stdout + lint.stderr).strip()
                         else f"exit {lint.returncode}"))
    export = run([binary, "export", "jsonschema", "--schemas", schemas, "--output", exported, "--mode", "tolerant"])
    if export.returncode != 0:
        sys.exit(f"hookschema export jsonschema failed: {export.stderr[:2000]}")
    print(f"imported {', '.join(c.name for c in catalogs)} into {schemas}; lint exit {lint.returncode}; "
          f"tolerant export in {exported}")

    # 2. Examples.
    for catalog in catalogs:
        for example in catalog.examples:
            body = Body(catalog, example.event, "example", example.label, example.body, path=example.path)
            body.errors = source_errors(example.event.validator, example.body)
            every_body.append(body)

    # 3. Generated instances, spread evenly over each catalog's event schemas.
    tasks = []
    for catalog in catalogs:
        events = len(catalog.events)
        for index in range(events):
            share = args.count // events + (1 if index < args.count % events else 0)
            if share:
                tasks.append((catalog.name, index, share, args.mutations, args.seed, args.budget))
    skipped = defaultdict(list)
    failed_draws = Counter()
    generation_started = time.monotonic()
    by_name = {c.name: c for c in catalogs}
    with multiprocessing.Pool(max(1, args.jobs), initializer=_init_worker, initargs=(args.corpora, names)) as pool:
        outcomes = []
        for done, outcome in enumerate(pool.imap_unordered(_generate, tasks), 1):
            outcomes.append(outcome)
            if done % max(1, len(tasks) // 10) == 0 or done == len(tasks):
                elapsed = time.monotonic() - generation_started
                print(f"  generated {done} of {len(tasks)} event schemas ({elapsed:.0f}s)", file=sys.stderr,
                      flush=True)
    order = {(task[0], task[1]): number for number, task in enumerate(tasks)}
    outcomes.sort(key=lambda outcome: order[(outcome["catalog"], outcome["index"])])
    for outcome in outcomes:
        catalog = by_name[outcome["catalog"]]
        event = catalog.events[outcome["index"]]
        failed_draws[catalog.name] += outcome["failed_draws"]
        if outcome["skip"]:
            skipped[catalog.name].append((event.name, outcome["skip"]))
        for origin, label, value, mutation, errors in outcome["bodies"]:
            body = Body(catalog, event, origin, label, value, mutation=mutation)
            body.errors = errors
            every_body.append(body)
    generation_seconds = time.monotonic() - generation_started

    # hookschema check, and the tolerant export.
    checked = [body for body in every_body if not body.excluded]
    check_started = time.monotonic()
    check(binary, schemas, checked, scratch, args.jobs)
    check_seconds = time.monotonic() - check_started
    exports = {c.name: Exports(exported, c.name) for c in catalogs}
    for body in checked:
        body.export_errors = exports[body.catalog.name].errors(body.event.event_type, body.value)

    # The generated types decode every source-valid body (Codable and the one-pass decode).
    decode_notes = []
    if not args.no_decode:
        for catalog in catalogs:
            if not imported[catalog.name]:
                continue
            executable, seconds, lines = decoding.build(binary, schemas, catalog.name, scratch)
            valid = [b for b in checked if b.catalog is catalog and not b.errors]
            decoding.decode(executable, valid)
            decode_notes.append(f"{catalog.name}: {lines:,} lines of Swift compiled in {seconds:.1f}s, "
                                f"{len(valid)} bodies decoded")

    # Report.
    for catalog in catalogs:
        print(f"\n=== {catalog.name} ({catalog.source}) ===")
        if catalog.known:
            total, valid = readme_figures(catalog)
            expected_total, expected_valid = catalog.known
            ok = (total, valid) == (expected_total, expected_valid)
            full_valid = sum(1 for b in every_body if b.catalog is catalog and b.origin == "example" and not b.errors)
            criteria.append((catalog.name, "examples: shared/corpora/README.md's figure reproduced", ok,
                             f"{valid} of {total} valid with formats checked as the README measured them "
                             f"(README: {expected_valid} of {expected_total}); {full_valid} of {total} with "
                             f"format-nongpl's checkers (uri, color too)"))
        for origin_group, origins in (("examples", ("example",)), ("generated", ("generated", "mutated"))):
            bodies = [b for b in every_body if b.catalog is catalog and b.origin in origins]
            if origin_group == "generated":
                print(f"generated: {sum(b.origin == 'generated' for b in bodies)} instances of "
                      f"{len(catalog.events) - len(skipped[catalog.name])} of {len(catalog.events)} event schemas, "
                      f"{sum(b.origin == 'mutated' for b in bodies)} mutations; {failed_draws[catalog.name]} draws "
                      f"failed hypothesis-jsonschema's filters")
                for event_name, reason in skipped[catalog.name]:
                    print(f"  skipped {event_name}: {reason}")
                reasons = Counter(reason for _, reason in skipped[catalog.name])
                if reasons:
                    print("  skip reasons: " + "; ".join(f"{n} × {r}" for r, n in reasons.most_common()))
            if not bodies:
                print(f"{origin_group}: none")
                continue
            excluded = [b for b in bodies if b.excluded]
            bodies = [b for b in bodies if not b.excluded]
            valid = [b for b in bodies if not b.errors]
            invalid = [b for b in bodies if b.errors]
            judged = [(b, *judge(b)) for b in bodies]
            outcomes = Counter(outcome for _, outcome, _ in judged)
            print(f"{origin_group}: {len(bodies)} bodies, {len(valid)} valid and {len(invalid)} invalid by the "
                  f"source" + (f" ({len(excluded)} left out, documented differences: "
                               + ", ".join(f"{n} {r}" for r, n in Counter(b.excluded for b in excluded).items())
                               + ")" if excluded else ""))
            print(f"  hookschema verdicts: "
                  + ", ".join(f"{k} {v}" for k, v in sorted(Counter(b.result["verdict"] for b in bodies).items())))
            print("  outcomes: " + ", ".join(f"{k} {v}" for k, v in outcomes.most_common()))
            if origin_group == "generated":
                kinds = Counter((b.mutation or "").split(":")[0] for b in bodies if b.origin == "mutated")
                print("  mutations: " + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())))
            valid_bad = [b for b, o, _ in judged if not b.errors and o != "agree"]
            invalid_bad = [b for b, o, _ in judged if b.errors and not o.startswith("agree")]
            ancestor_only = [b for b, o, _ in judged if o.endswith("higher ancestor")]
            decode_bad = [b for b in valid if b.decoded is not None and not decoding.decodes(b)]
            export_bad = [b for b, _, e in judged if e is False]
            export_missing = [b for b, _, e in judged if e is None]
            criteria.append((catalog.name, f"{origin_group}: source-valid ⇒ verdict not fail", not valid_bad,
                             f"{len(valid) - len(valid_bad)} of {len(valid)}"))
            criteria.append((catalog.name, f"{origin_group}: source-invalid ⇒ not pass, finding at the pointer or "
                             f"its parent", not invalid_bad,
                             f"{len(invalid) - len(invalid_bad)} of {len(invalid)}"
                             + (f" ({outcomes['agree via a branch']} via a branch)"
                                if outcomes["agree via a branch"] else "")
                             + (f"; {len(ancestor_only)} only at a higher ancestor" if ancestor_only else "")))
            criteria.append((catalog.name, f"{origin_group}: tolerant export valid ⇔ verdict not fail",
                             not export_bad and not export_missing,
                             f"{len(bodies) - len(export_bad) - len(export_missing)} of {len(bodies)}"
                             + (f"; {len(export_missing)} without an exported event schema" if export_missing
                                else "")))
            if not args.no_decode:
                criteria.append((catalog.name, f"{origin_group}: source-valid ⇒ the generated types decode it",
                                 not decode_bad and all(b.decoded is not None for b in valid),
                                 f"{len(valid) - len(decode_bad)} of {len(valid)} (Codable and one-pass)"))
            for title, group in (("source-valid, hookschema fails", valid_bad),
                                 ("source-invalid, not flagged at the pointer or its parent", invalid_bad),
                                 ("tolerant export disagrees with the verdict", export_bad),
                                 ("source-valid, the generated types do not decode it", decode_bad)):
                if not group:
                    continue
                print(f"  DISAGREEMENTS: {title}: {len(group)}")
                for body in group[:DETAILS_SHOWN]:
                    print(describe(body))
                if len(group) > DETAILS_SHOWN:
                    print(f"    … {len(group) - DETAILS_SHOWN} more (--keep DIR writes them all)")

    if args.keep:
        os.makedirs(args.keep, exist_ok=True)
        with open(os.path.join(args.keep, "bodies.json"), "w", encoding="utf-8") as handle:
            json.dump([{"catalog": b.catalog.name, "event": b.event.name, "origin": b.origin, "label": b.label,
                        "mutation": b.mutation, "excluded": b.excluded, "body": b.value, "source_errors": b.errors,
                        "hookschema": b.result, "export_errors": b.export_errors,
                        "outcome": judge(b)[0] if b.result else None} for b in every_body],
                      handle, ensure_ascii=False, indent=1)
        shutil.copytree(schemas, os.path.join(args.keep, "schemas"), dirs_exist_ok=True)
    shutil.rmtree(scratch, ignore_errors=True)

    for note in decode_notes:
        print(f"decoding: {note}")
    print(f"\ngeneration {generation_seconds:.1f}s, hookschema check {check_seconds:.1f}s, "
          f"total {time.monotonic() - started:.1f}s; seed {args.seed}, --count {args.count}")
    print("criteria (catalog × criterion):")
    for name, criterion, passed, detail in criteria:
        print(f"  {'PASS' if passed else 'FAIL'} {name}: {criterion} — {detail}")
    passed = sum(1 for c in criteria if c[2])
    failed = len(criteria) - passed
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
