#!/usr/bin/env python3
"""Differential test: hookschema against python-jsonschema and jsonschema-rs on the exported JSON Schemas.

Generates random deliveries for every bundled event (valid ones and ones mutated by every finding kind, at random
depths), runs them all through `hookschema check --format json` (one NDJSON file) and through both validators with
the exported tolerant and strict schemas, and checks for every delivery:

- hookschema's verdict is `fail` exactly when the tolerant schema rejects it, and not `pass` exactly when the
  strict schema rejects it (both validators);
- the JSON pointers of hookschema's findings (errors only, for tolerant) equal the instance paths the validator
  reports, mapped as described in validators.py.

Then checks the documented differences (known_differences.py) still behave as documented. Exits 1 on any
disagreement. Usage: differential.py [--count N] [--seed S] [--large] [--hookschema PATH] [--keep DIR]
"""

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
from collections import Counter

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from generator import Generator  # noqa: E402
from known_differences import check_known_differences  # noqa: E402
from mutations import mutate  # noqa: E402
from validators import load_validators  # noqa: E402

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))


class SchemaSet:
    """A schemas folder and its exported JSON Schemas (`<export>/<mode>/<provider>.schema.json`)."""

    def __init__(self, name, schemas, export):
        self.name = name
        self.schemas = schemas
        self.export = export
        self.providers = sorted(entry[: -len(".schema.json")] for entry in os.listdir(os.path.join(export, "strict"))
                                if entry.endswith(".schema.json"))


def legacy_events(schemas, provider):
    """The `legacyEvents:` names of <schemas>/<provider>/provider.yaml (top-level keys of that block)."""
    with open(os.path.join(schemas, provider, "provider.yaml"), encoding="utf-8") as handle:
        text = handle.read()
    block = re.search(r"^legacyEvents:\n((?:[ #].*\n|\n)*)", text, re.MULTILINE)
    return re.findall(r"^  ([^\s:#][^:]*):", block.group(1), re.MULTILINE) if block else []


def generate(count, rng, schema_set):
    """[(provider, event, mutations, text)] — about a quarter valid, the rest with 1 to 3 mutations."""
    generators = {}
    for provider in schema_set.providers:
        with open(f"{schema_set.export}/strict/{provider}.schema.json", encoding="utf-8") as handle:
            generators[provider] = Generator(json.load(handle), rng)
    legacy = {provider: legacy_events(schema_set.schemas, provider) for provider in schema_set.providers}
    events = [(provider, event) for provider in schema_set.providers for event in sorted(generators[provider].events)]
    deliveries = []
    for _ in range(count):
        provider, event = rng.choice(events)
        gen = generators[provider]
        document = gen.delivery(event)
        applied = []
        if rng.random() < 0.75:
            document, applied = mutate(gen, gen.events[event], document, rng.choice([1, 1, 2, 3]), legacy[provider])
        separators = rng.choice([(",", ":"), (", ", ": ")])
        text = json.dumps(document, ensure_ascii=rng.random() < 0.3, separators=separators)
        deliveries.append((provider, event, applied, text))
    return deliveries


def run_hookschema(binary, deliveries, schemas):
    """hookschema's results, in input order: [{"verdict", "findings": [...]}]."""
    with tempfile.NamedTemporaryFile("w", suffix=".ndjson", delete=False, encoding="utf-8") as handle:
        for _, _, _, text in deliveries:
            handle.write(text + "\n")
        path = handle.name
    try:
        started = time.monotonic()
        process = subprocess.run([binary, "check", "--format", "json", "--schemas", schemas, path],
                                 capture_output=True, cwd=ROOT)
        elapsed = time.monotonic() - started
    finally:
        os.unlink(path)
    if process.returncode not in (0, 1):
        sys.exit(f"hookschema check exited {process.returncode}: {process.stderr.decode()[:2000]}")
    results = json.loads(process.stdout)["results"]
    if len(results) != len(deliveries):
        sys.exit(f"hookschema reported {len(results)} results for {len(deliveries)} deliveries")
    return results, elapsed


def export(binary, schemas, directory):
    """Exports `schemas` in both modes into `directory`/<mode>, with the binary under test."""
    for mode in ("tolerant", "strict"):
        process = subprocess.run([binary, "export", "jsonschema", "--schemas", schemas, "--mode", mode,
                                  "--output", os.path.join(directory, mode)], capture_output=True, cwd=ROOT)
        if process.returncode != 0:
            sys.exit(f"hookschema export failed for {schemas}: {process.stderr.decode()[:2000]}")


_VALIDATORS = None


def _init_worker(schema_sets):
    global _VALIDATORS
    _VALIDATORS = {}
    for name, export_directory, providers in schema_sets:
        for provider, validators in load_validators(export_directory, providers).items():
            _VALIDATORS[(name, provider)] = validators


def _validate(item):
    provider, text = item
    instance = json.loads(text)
    return {mode: [(v.name, sorted(v.pointers(instance))) for v in _VALIDATORS[provider][mode]]
            for mode in ("tolerant", "strict")}


def without_empty_tokens(pointer):
    return "".join("/" + token for token in pointer.split("/")[1:] if token)


def compare(deliveries, results, outcomes):
    """Disagreements, as printable records."""
    disagreements = []
    for index, ((provider, event, applied, text), result, outcome) in enumerate(zip(deliveries, results, outcomes)):
        provider = "/".join(provider)
        verdict = result["verdict"]
        errors = {f["path"] for f in result["findings"] if f["severity"] == "error"}
        everything = {f["path"] for f in result["findings"]}
        for mode, expected_reject, expected_paths in (
            ("tolerant", verdict == "fail", errors),
            ("strict", verdict != "pass", everything),
        ):
            for name, paths in outcome[mode]:
                paths = set(paths)
                if name == "jsonschema-rs":
                    # jsonschema-rs leaves empty member names out of instance paths (README.md, "Deliberate
                    # differences"); compare both sides without them.
                    paths = {without_empty_tokens(p) for p in paths}
                    expected_paths = {without_empty_tokens(p) for p in expected_paths}
                rejects = bool(paths)
                if rejects != expected_reject or paths != expected_paths:
                    disagreements.append({
                        "line": index + 1, "provider": provider, "event": event, "mutations": applied,
                        "mode": mode, "validator": name, "hookschema_verdict": verdict,
                        "hookschema_paths": sorted(expected_paths), "validator_paths": sorted(paths),
                        "findings": result["findings"], "delivery": text,
                    })
    return disagreements


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=20000,
                        help="deliveries for the bundled schemas (default 20000)")
    parser.add_argument("--coverage-count", type=int,
                        help="deliveries for Tests/Differential/Schemas, which uses every schema feature "
                             "(default: a quarter of --count)")
    parser.add_argument("--large", action="store_true", help="a larger run: 200,000 + 50,000 deliveries")
    parser.add_argument("--seed", type=int, default=20261123, help="random seed (default fixed, so runs repeat)")
    parser.add_argument("--hookschema", help="the hookschema binary (default: .build/debug/hookschema)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--keep", help="write the deliveries and disagreements into this folder")
    args = parser.parse_args()
    count = 200000 if args.large else args.count
    coverage_count = 50000 if args.large else (args.coverage_count if args.coverage_count is not None else count // 4)
    binary = args.hookschema or os.path.join(ROOT, ".build", "debug", "hookschema")

    started = time.monotonic()
    scratch = tempfile.mkdtemp(prefix="hookschema-differential-")
    # Both sets are exported afresh by the binary under test (the committed JSONSchema/ has its own up-to-date
    # check), so the schemas compared are always the ones hookschema reads.
    bundled_schemas = os.path.join(ROOT, "Schemas")
    coverage_schemas = os.path.join(ROOT, "Tests", "Differential", "Schemas")
    export(binary, bundled_schemas, os.path.join(scratch, "bundled"))
    export(binary, coverage_schemas, os.path.join(scratch, "coverage"))
    schema_sets = [
        (SchemaSet("bundled", bundled_schemas, os.path.join(scratch, "bundled")), count),
        (SchemaSet("coverage", coverage_schemas, os.path.join(scratch, "coverage")), coverage_count),
    ]
    rng = random.Random(args.seed)
    deliveries, results = [], []
    hookschema_time = 0.0
    for schema_set, number in schema_sets:
        generated = generate(number, rng, schema_set)
        checked, elapsed = run_hookschema(binary, generated, schema_set.schemas)
        hookschema_time += elapsed
        deliveries += [((schema_set.name, provider), event, applied, text)
                       for provider, event, applied, text in generated]
        results += checked
    generated_at = time.monotonic()
    worker_sets = [(s.name, s.export, s.providers) for s, _ in schema_sets]
    with multiprocessing.Pool(args.jobs, initializer=_init_worker, initargs=(worker_sets,)) as pool:
        outcomes = pool.map(_validate, [(p, t) for p, _, _, t in deliveries], chunksize=200)
    validated = time.monotonic()
    disagreements = compare(deliveries, results, outcomes)

    verdicts = Counter(result["verdict"] for result in results)
    kinds = Counter(finding["kind"] for result in results for finding in result["findings"])
    mutations = Counter(name for _, _, applied, _ in deliveries for name in applied)
    print(f"seed {args.seed}: {count} deliveries for Schemas/, {coverage_count} for Tests/Differential/Schemas; "
          f"generated and checked by hookschema in {generated_at - started:.1f}s (check {hookschema_time:.1f}s); "
          f"both validators x 2 modes in {validated - generated_at:.1f}s")
    print("verdicts: " + ", ".join(f"{k} {v}" for k, v in sorted(verdicts.items())))
    print("mutations: " + ", ".join(f"{k} {v}" for k, v in sorted(mutations.items())))
    print("finding kinds: " + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())))

    known_failures = check_known_differences(binary, {
        "bundled": (bundled_schemas, os.path.join(scratch, "bundled")),
        "coverage": (coverage_schemas, os.path.join(scratch, "coverage")),
    })

    if args.keep:
        os.makedirs(args.keep, exist_ok=True)
        with open(os.path.join(args.keep, "deliveries.ndjson"), "w", encoding="utf-8") as handle:
            handle.writelines(text + "\n" for _, _, _, text in deliveries)
        with open(os.path.join(args.keep, "disagreements.json"), "w", encoding="utf-8") as handle:
            json.dump(disagreements, handle, indent=2, ensure_ascii=False)
    shutil.rmtree(scratch, ignore_errors=True)
    for record in disagreements[:10]:
        print("DISAGREEMENT " + json.dumps(record, ensure_ascii=False), file=sys.stderr)
    lines = {record["line"] for record in disagreements}
    print(f"{len(deliveries)} deliveries, {len(lines)} disagreements"
          + (f" ({len(disagreements)} validator/mode pairs)" if disagreements else "")
          + f"; documented differences: {'all as documented' if not known_failures else known_failures}")
    return 1 if disagreements or known_failures else 0


if __name__ == "__main__":
    sys.exit(main())
