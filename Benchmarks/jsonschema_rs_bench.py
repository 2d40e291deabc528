"""Times jsonschema-rs (orjson parse + iter_errors, every error collected) over an NDJSON corpus, one delivery per
line, each against the exported tolerant schema of the provider that declares its event type. Prints
`result jsonschema-rs <payloads> <bytes> <seconds>` (best of the rounds), the line Benchmarks/compare.sh reads.

Usage: python jsonschema_rs_bench.py EXPORT_DIR CORPUS.ndjson [ROUNDS]
"""

import json
import sys
import time

import jsonschema_rs
import orjson


def main():
    export_directory, corpus_path = sys.argv[1], sys.argv[2]
    rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 3
    validators = {}
    provider_of_event = {}
    for provider in ("extend", "plextera"):
        with open(f"{export_directory}/{provider}.schema.json", encoding="utf-8") as handle:
            schema = json.load(handle)
        validators[provider] = jsonschema_rs.validator_for(schema, validate_formats=True)
        for event_type in schema["properties"]["eventType"]["enum"]:
            provider_of_event[event_type] = provider
    with open(corpus_path, "rb") as handle:
        lines = [line for line in handle.read().split(b"\n") if line]
    total_bytes = sum(len(line) for line in lines)
    default = validators["extend"]

    def run():
        errors = 0
        for line in lines:
            instance = orjson.loads(line)
            event_type = instance.get("eventType") if isinstance(instance, dict) else None
            validator = validators.get(provider_of_event.get(event_type), default) if isinstance(
                event_type, str) else default
            errors += len(list(validator.iter_errors(instance)))
        return errors

    best = float("inf")
    checksum = None
    for _ in range(rounds):
        start = time.perf_counter()
        errors = run()
        best = min(best, time.perf_counter() - start)
        assert checksum in (None, errors)
        checksum = errors
    print(f"jsonschema-rs: {len(lines) / best:.1f} payloads/s, {total_bytes / best / 1e6:.1f} MB/s, "
          f"{checksum} errors (best of {rounds})")
    print(f"result jsonschema-rs {len(lines)} {total_bytes} {best}")


if __name__ == "__main__":
    main()
