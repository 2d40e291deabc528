#!/usr/bin/env python3
"""Fails when a public symbol of the given modules has no documentation.

Reads the symbol graphs swift-docc-plugin extracted (FOLDER/<Module>/*.symbols.json, the module's own and those of
its extensions to other modules). A symbol counts as documented when it has a doc comment of its own, or when it
implements a protocol requirement whose documentation DocC shows in its place (a `sourceOrigin` on its
relationship).
Members the compiler synthesizes have no source and are not counted.

    python3 Scripts/doc_coverage.py FOLDER MODULE...
"""
import json
import os
import pathlib
import sys


def main() -> int:
    folder = pathlib.Path(sys.argv[1])
    modules = sys.argv[2:]
    missing = []
    total = 0
    for module in modules:
        graphs = sorted((folder / module).glob("*.symbols.json"))
        if not graphs:
            print(f"error: no symbol graph for {module} in {folder}", file=sys.stderr)
            return 2
        seen = set()
        for graph in graphs:
            content = json.loads(graph.read_text())
            # A member that implements a protocol requirement carries the requirement's documentation in the
            # `sourceOrigin` of its relationship; DocC shows that documentation on the member's page.
            inherited = {
                relationship["source"]
                for relationship in content.get("relationships", [])
                if "sourceOrigin" in relationship
            }
            for symbol in content["symbols"]:
                if symbol.get("accessLevel") not in ("public", "open"):
                    continue
                identifier = symbol["identifier"]["precise"]
                if identifier in seen:
                    continue
                # Members the compiler synthesizes (`hash(into:)` of an enum, literal initialisers a protocol
                # provides) have no source to document; DocC shows the protocol's documentation for them.
                if "::SYNTHESIZED::" in identifier or "location" not in symbol:
                    continue
                seen.add(identifier)
                total += 1
                if "docComment" in symbol or "sourceOrigin" in symbol or identifier in inherited:
                    continue
                location = symbol.get("location", {})
                path = os.path.relpath(location.get("uri", "").removeprefix("file://"))
                line = location.get("position", {}).get("line", -1) + 1
                name = ".".join(symbol["pathComponents"])
                missing.append(f"{path}:{line}: error: {module}.{name} ({symbol['kind']['displayName']}) has no documentation comment")
    for line in missing:
        print(line, file=sys.stderr)
    print(f"{total - len(missing)} of {total} public symbols in {len(modules)} modules documented")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
