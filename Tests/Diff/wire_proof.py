#!/usr/bin/env python3
"""The wire verdicts of `hookschema diff`, proven by the validator itself (issue 15, "Proof that the verdicts are
right").

For pairs of schema versions — hand-made cases (`cases.py`, one per kind of change) and random one-change mutations of
the coverage provider (Tests/Differential/Schemas), the bundled schemas and imported real catalogs — this script asks
`hookschema diff OLD NEW --format json` for its verdict, then generates random deliveries under each side (valid ones
and ones the differential suite's mutations make drift or fail, with Tests/Differential/generator.py from the side's
strict JSON Schema export) and checks each with `hookschema check` against both sides:

- a delivery *accepted* by its own side (verdict pass or drift) that the other side fails shows `breaking`;
- a delivery that *passes* its own side and only drifts on the other shows `drift`.

The observed verdict of a pair is the worst shown. A pair the diff calls `safe` must show nothing, one it calls
`drift` nothing breaking (soundness: every failure is printed and fails the run). A pair called `breaking` should
show a delivery that proves it; hand-made cases must (they are built so the random deliveries reach the change), and
for random mutations the share that did is printed (random deliveries do not always reach the one changed member).

Usage: wire_proof.py --hookschema PATH [--count N] [--seed S] [--deliveries D] [--keep DIR]
"""

import argparse
import copy
import json
import multiprocessing
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "Tests", "Differential"))

from generator import Generator  # noqa: E402
from mutations import mutate  # noqa: E402

import cases  # noqa: E402
import schema_mutations  # noqa: E402

ORDER = {"safe": 0, "drift": 1, "breaking": 2}


def run(binary, arguments, cwd=ROOT):
    return subprocess.run([binary] + arguments, capture_output=True, cwd=cwd)


class Side:
    """One version of the schemas: its folder, its strict export and a delivery generator per provider."""

    def __init__(self, binary, folder, work):
        self.folder = folder
        export = os.path.join(work, "strict")
        process = run(binary, ["export", "jsonschema", "--schemas", folder, "--mode", "strict", "--output", export])
        if process.returncode != 0:
            raise RuntimeError("export failed: " + process.stderr.decode()[:500])
        self.schemas = {}
        for entry in sorted(os.listdir(export)):
            if entry.endswith(".schema.json"):
                with open(os.path.join(export, entry), encoding="utf-8") as handle:
                    self.schemas[entry[: -len(".schema.json")]] = json.load(handle)

    def deliveries(self, rng, count, focus):
        """`count` bodies: about half valid, half mutated once or twice; `focus` events get three quarters."""
        generators = {name: Generator(schema, rng) for name, schema in self.schemas.items()}
        events = [(p, e) for p, gen in sorted(generators.items()) for e in sorted(gen.events)]
        focused = [(p, e) for p, e in events if (p, e) in focus] or events
        bodies = []
        for _ in range(count):
            provider, event = rng.choice(focused if rng.random() < 0.75 else events)
            gen = generators[provider]
            document = gen.delivery(event)
            if rng.random() < 0.5:
                document, _ = mutate(gen, gen.events[event], document, rng.choice([1, 1, 2]), [])
            bodies.append(json.dumps(document, separators=(",", ":")))
        return bodies


def verdicts(binary, folder, bodies, work, name):
    path = os.path.join(work, name + ".ndjson")
    with open(path, "w", encoding="utf-8") as handle:
        handle.write("\n".join(bodies) + "\n")
    process = run(binary, ["check", "--format", "json", "--schemas", folder, path])
    if process.returncode not in (0, 1):
        raise RuntimeError("check failed: " + process.stderr.decode()[:500])
    results = json.loads(process.stdout)["results"]
    assert len(results) == len(bodies), (len(results), len(bodies))
    return [result["verdict"] for result in results]


def observe(own, other):
    """The worst transition: accepted → fail is breaking, pass → drift is drift."""
    worst = "safe"
    witness = None
    for index, (before, after) in enumerate(zip(own, other)):
        shown = "safe"
        if before != "fail" and after == "fail":
            shown = "breaking"
        elif before == "pass" and after == "drift":
            shown = "drift"
        if ORDER[shown] > ORDER[worst]:
            worst, witness = shown, index
    return worst, witness


def prove(task):
    """One pair: (name, old folder, new folder, seed, deliveries, keep) → a result dict."""
    name, old, new, seed, count, binary, keep = task
    rng = random.Random(seed)
    work = tempfile.mkdtemp(prefix="hookschema-wire-")
    try:
        lint = run(binary, ["lint", "--schemas", new])
        if lint.returncode != 0:
            return {"name": name, "skipped": "the mutated schemas do not lint: "
                    + lint.stderr.decode().strip().splitlines()[0][:200]}
        diff = run(binary, ["diff", old, new, "--format", "json", "--fail-on", "none"])
        if diff.returncode != 0:
            return {"name": name, "error": "diff exited %d: %s" % (diff.returncode, diff.stderr.decode()[:300])}
        findings = json.loads(diff.stdout)["findings"]
        claimed = max((f["wire"] for f in findings), key=ORDER.get, default="safe")
        focus = set()
        for finding in findings:
            if finding["scope"] == "event":
                focus.add((finding["provider"], finding["name"]))
            for event in finding.get("events") or []:
                focus.add((finding["provider"], event))
        old_side = Side(binary, old, os.path.join(work, "old"))
        new_side = Side(binary, new, os.path.join(work, "new"))
        from_new = new_side.deliveries(rng, count, focus)
        from_old = old_side.deliveries(rng, count, focus)
        bodies = from_new + from_old
        under_old = verdicts(binary, old, bodies, work, "old")
        under_new = verdicts(binary, new, bodies, work, "new")
        n = len(from_new)
        forward, forward_witness = observe(under_new[:n], under_old[:n])   # NEW's traffic, a receiver on OLD
        backward, backward_witness = observe(under_old[n:], under_new[n:])  # OLD's captures, CI on NEW
        observed = max(forward, backward, key=ORDER.get)
        witness = None
        if observed != "safe":
            if ORDER[forward] >= ORDER[backward]:
                witness = {"direction": "new traffic checked with OLD", "body": from_new[forward_witness],
                           "own": under_new[forward_witness], "other": under_old[forward_witness]}
            else:
                witness = {"direction": "old capture checked with NEW", "body": from_old[backward_witness],
                           "own": under_old[n + backward_witness], "other": under_new[n + backward_witness]}
        result = {"name": name, "claimed": claimed, "observed": observed, "witness": witness,
                  "kinds": sorted({f["kind"] for f in findings})}
        if keep and ORDER[observed] > ORDER[claimed]:
            target = os.path.join(keep, name.replace("/", "_"))
            shutil.copytree(new, os.path.join(target, "new"), dirs_exist_ok=True)
            shutil.copytree(old, os.path.join(target, "old"), dirs_exist_ok=True)
        return result
    except Exception as error:  # noqa: BLE001 — reported per pair, the run goes on
        return {"name": name, "error": repr(error)[:500]}
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--hookschema", required=True)
    parser.add_argument("--count", type=int, default=300, help="random one-change pairs (default 300)")
    parser.add_argument("--seed", type=int, default=20261202)
    parser.add_argument("--deliveries", type=int, default=150, help="deliveries generated per side and pair")
    parser.add_argument("--keep", help="write the pairs whose verdict was wrong here")
    parser.add_argument("--corpora", default=os.path.join(ROOT, "..", "shared", "corpora"))
    arguments = parser.parse_args()
    binary = os.path.abspath(arguments.hookschema)
    started = time.monotonic()
    work = tempfile.mkdtemp(prefix="hookschema-wire-pairs-")
    try:
        tasks = []
        for index, (name, old, new) in enumerate(cases.write(work)):
            tasks.append(("case " + name, old, new, arguments.seed + index, arguments.deliveries, binary,
                          arguments.keep))
        pairs = schema_mutations.random_pairs(binary, work, arguments.corpora, arguments.count, arguments.seed)
        for index, (name, old, new) in enumerate(pairs):
            tasks.append((name, old, new, arguments.seed * 7 + index, arguments.deliveries, binary, arguments.keep))
        with multiprocessing.Pool(max(1, min(4, os.cpu_count() or 1))) as pool:
            results = pool.map(prove, tasks, chunksize=1)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    unsound, missed_cases, errors, skipped, wrong = [], [], [], [], []
    random_breaking = random_breaking_shown = 0
    by_claim = {}
    for result in results:
        if "error" in result:
            errors.append(result)
            continue
        if "skipped" in result:
            skipped.append(result)
            continue
        by_claim.setdefault(result["claimed"], []).append(result)
        if result["name"].startswith("case "):
            wanted = cases.expected(result["name"][len("case "):])
            if result["claimed"] != wanted:
                wrong.append((result, wanted))
        if ORDER[result["observed"]] > ORDER[result["claimed"]]:
            unsound.append(result)
        if result["claimed"] == "breaking":
            if result["name"].startswith("case "):
                if result["observed"] != "breaking":
                    missed_cases.append(result)
            else:
                random_breaking += 1
                random_breaking_shown += result["observed"] == "breaking"
    proven = len(results) - len(errors) - len(skipped)
    print("%d pairs (%d hand-made, %d random one-change mutations), %d proven, %d skipped (the mutation did not "
          "lint), %d errors, %.0f s" % (len(results), len(cases.CASES), arguments.count, proven, len(skipped),
                                        len(errors), time.monotonic() - started))
    for claim in ("safe", "drift", "breaking"):
        group = by_claim.get(claim, [])
        shown = {level: sum(1 for r in group if r["observed"] == level) for level in ORDER}
        print("  claimed %-8s %4d pairs; observed: safe %d, drift %d, breaking %d"
              % (claim, len(group), shown["safe"], shown["drift"], shown["breaking"]))
    if random_breaking:
        print("  random pairs called breaking with a delivery that shows it: %d of %d (%.0f%%)"
              % (random_breaking_shown, random_breaking, 100.0 * random_breaking_shown / random_breaking))
    for result in unsound:
        print("UNSOUND %s: diff says %s (%s), a delivery shows %s: %s"
              % (result["name"], result["claimed"], ", ".join(result["kinds"]) or "no findings", result["observed"],
                 json.dumps(result["witness"])[:600]))
    for result in missed_cases:
        print("NO WITNESS %s: diff says breaking (%s), no generated delivery showed it"
              % (result["name"], ", ".join(result["kinds"])))
    for result, wanted in wrong:
        print("WRONG VERDICT %s: diff says %s (%s), the case expects %s"
              % (result["name"], result["claimed"], ", ".join(result["kinds"]), wanted))
    for result in errors:
        print("ERROR %s: %s" % (result["name"], result["error"]))
    failed = bool(unsound or missed_cases or errors or wrong)
    print("FAIL" if failed else "PASS")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
