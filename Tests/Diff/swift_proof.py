#!/usr/bin/env python3
"""The Swift verdicts of `hookschema diff`, proven by the compiler (issue 15, "Proof that the verdicts are right").

For the hand-made cases of `cases.py` and random one-change mutations (`schema_mutations.py`), this script generates
OLD's Swift with a usage file (`hookschema generate --api-usage`: every property of every struct read into a constant
of its declared type, a `switch` over every case of every enum without `default`), generates NEW's Swift, and
type-checks OLD's usage file with NEW's generated files (`swiftc -typecheck`, against the HookSchemaRuntime module of
the build). The usage file must compile exactly when the diff reports no `source-breaking` finding; it is also
checked to compile with OLD's own files, so that a failure is the change's.

Usage: swift_proof.py --hookschema PATH --modules DIR [--count N] [--seed S]
"""

import argparse
import glob
import json
import multiprocessing
import os
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, HERE)

import cases  # noqa: E402
import schema_mutations  # noqa: E402


def run(command, cwd=ROOT):
    return subprocess.run(command, capture_output=True, cwd=cwd)


def generate(binary, schemas, output, usage=None):
    command = [binary, "generate", "--schemas", schemas, "--output", output]
    if usage:
        command += ["--api-usage", usage]
    process = run(command)
    if process.returncode != 0:
        raise RuntimeError("generate failed for %s: %s" % (schemas, process.stderr.decode()[:500]))
    return sorted(glob.glob(os.path.join(output, "**", "*.swift"), recursive=True))


def typecheck(modules, files):
    process = run(["swiftc", "-typecheck", "-swift-version", "6", "-module-name", "Proof", "-I", modules] + files)
    errors = [line for line in process.stderr.decode().splitlines() if ": error: " in line]
    return process.returncode == 0, errors


def prove(task):
    name, old, new, binary, modules = task
    work = tempfile.mkdtemp(prefix="hookschema-swift-")
    try:
        lint = run([binary, "lint", "--schemas", new])
        if lint.returncode != 0:
            return {"name": name, "skipped": True}
        diff = run([binary, "diff", old, new, "--format", "json", "--fail-on", "none"])
        if diff.returncode != 0:
            return {"name": name, "error": "diff exited %d: %s" % (diff.returncode, diff.stderr.decode()[:300])}
        findings = json.loads(diff.stdout)["findings"]
        breaking = [f for f in findings if f["swift"] == "source-breaking"]
        usage = os.path.join(work, "Usage.swift")
        old_files = generate(binary, old, os.path.join(work, "old"), usage)
        new_files = generate(binary, new, os.path.join(work, "new"))
        own, own_errors = typecheck(modules, old_files + [usage])
        if not own:
            return {"name": name, "error": "OLD's usage file does not compile with OLD: %s" % own_errors[:3]}
        compiles, errors = typecheck(modules, new_files + [usage])
        return {"name": name, "claimed": "source-breaking" if breaking else "compiles", "compiles": compiles,
                "errors": errors[:3], "kinds": sorted({f["kind"] for f in findings}),
                "breaking": sorted({f["kind"] + " " + f["pointer"] for f in breaking})[:3]}
    except Exception as error:  # noqa: BLE001 — reported per pair
        return {"name": name, "error": repr(error)[:500]}
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--hookschema", required=True)
    parser.add_argument("--modules", required=True, help="the build's Modules folder (HookSchemaRuntime)")
    parser.add_argument("--count", type=int, default=60, help="random one-change pairs (default 60)")
    parser.add_argument("--seed", type=int, default=20261202)
    parser.add_argument("--corpora", default=os.path.join(ROOT, "..", "shared", "corpora"))
    arguments = parser.parse_args()
    if not shutil.which("swiftc"):
        sys.exit("error: swiftc not found on PATH")
    binary = os.path.abspath(arguments.hookschema)
    modules = os.path.abspath(arguments.modules)
    started = time.monotonic()
    work = tempfile.mkdtemp(prefix="hookschema-swift-pairs-")
    try:
        tasks = [("case " + name, old, new, binary, modules) for name, old, new in cases.write(work)]
        for name, old, new in schema_mutations.random_pairs(binary, work, arguments.corpora, arguments.count,
                                                            arguments.seed):
            tasks.append((name, old, new, binary, modules))
        with multiprocessing.Pool(2) as pool:
            results = pool.map(prove, tasks, chunksize=1)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    wrong = [r for r in results if "claimed" in r and (r["claimed"] == "compiles") != r["compiles"]]
    errors = [r for r in results if "error" in r]
    skipped = [r for r in results if r.get("skipped")]
    proven = [r for r in results if "claimed" in r]
    breaking = sum(1 for r in proven if r["claimed"] == "source-breaking")
    print("%d pairs (%d hand-made, %d random), %d proven (%d source-breaking, %d not), %d skipped (did not lint), "
          "%d errors, %.0f s" % (len(results), len(cases.CASES), arguments.count, len(proven), breaking,
                                 len(proven) - breaking, len(skipped), len(errors), time.monotonic() - started))
    for result in wrong:
        if result["compiles"]:
            print("WRONG %s: diff says source-breaking (%s), OLD's usage compiles with NEW"
                  % (result["name"], ", ".join(result["breaking"])))
        else:
            print("WRONG %s: diff says no source-breaking change (%s), the compiler says: %s"
                  % (result["name"], ", ".join(result["kinds"]) or "no findings", " | ".join(result["errors"])))
    for result in errors:
        print("ERROR %s: %s" % (result["name"], result["error"]))
    failed = bool(wrong or errors)
    print("FAIL" if failed else "PASS")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
