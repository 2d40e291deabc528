#!/usr/bin/env python3
"""Every relative link in the repository's Markdown files (README, Documentation/, Schemas/, Benchmarks/, Tests/…)
points at a file that exists, and a `#anchor` at a heading of that file (GitHub's anchor rules: lower case, spaces
to hyphens, punctuation dropped). Links inside code blocks are not links. Exit 1 listing each broken link as
`file: link`."""
import os
import re
import subprocess
import sys


def anchors(path):
    found, fence = set(), False
    with open(path, encoding="utf-8") as text:
        for line in text:
            if line.startswith("```"):
                fence = not fence
            if not fence and line.startswith("#"):
                title = line.lstrip("#").strip().lower()
                found.add(re.sub(r"[^\w\- ]", "", title).replace(" ", "-"))
    return found


def main():
    files = subprocess.run(["git", "ls-files", "*.md"], capture_output=True, text=True, check=True).stdout.split()
    broken = []
    for name in files:
        with open(name, encoding="utf-8") as text:
            body = re.sub(r"```.*?```", "", text.read(), flags=re.S)
        for match in re.finditer(r"\]\(([^)\s]+)\)", body):
            link = match.group(1)
            if link.startswith(("http://", "https://", "mailto:", "doc:")):
                continue
            path, _, anchor = link.partition("#")
            target = os.path.normpath(os.path.join(os.path.dirname(name), path)) if path else name
            if not os.path.exists(target):
                broken.append(f"{name}: {link} (no such file)")
            elif anchor and target.endswith(".md") and anchor not in anchors(target):
                broken.append(f"{name}: {link} (no such heading)")
    for line in broken:
        print(line, file=sys.stderr)
    print(f"{len(files)} Markdown files: {len(broken)} broken relative links")
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main())
