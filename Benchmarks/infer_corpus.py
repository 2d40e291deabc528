#!/usr/bin/env python3
"""Writes an NDJSON stream of Extend and Plextera deliveries for Benchmarks/infer.sh: the bundled example bodies of
Examples/payloads, compacted to one line each and repeated round-robin until the file reaches --megabytes, every copy
with its own event id (a unique `eventId`), so the stream looks like captured traffic, not one body repeated."""
import argparse
import glob
import json
import os

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--megabytes", type=float, default=100)
    parser.add_argument("--output", required=True)
    args = parser.parse_args()
    bodies = []
    for provider in ("extend", "plextera"):
        for path in sorted(glob.glob(os.path.join(ROOT, "Examples", "payloads", provider, "*.json"))):
            with open(path, encoding="utf-8") as handle:
                bodies.append(json.load(handle))
    limit = int(args.megabytes * 1_000_000)
    written = 0
    count = 0
    with open(args.output, "w", encoding="utf-8") as out:
        while written < limit:
            body = dict(bodies[count % len(bodies)])
            body["eventId"] = "evt_%026d" % count
            line = json.dumps(body, separators=(",", ":"), ensure_ascii=False) + "\n"
            out.write(line)
            written += len(line.encode("utf-8"))
            count += 1
    print(f"{args.output}: {count} deliveries, {written / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
