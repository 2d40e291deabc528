"""How the schemas `hookschema infer` writes from the bundled examples differ from the bundled, hand-written schemas
of Extend and Plextera (issue 16). Run it with Tests/Infer/run.sh (after github_agreement.py).

For each provider P of extend and plextera:

1. `hookschema infer Examples/payloads/P/*.json --provider P --output <tmp>`: the bare bodies only (infer would also
   read the `drift/` and `deliveries/` subfolders of a folder: the drift examples are not what the provider sends
   today, the deliveries repeat bodies already there), then `hookschema check --schemas <tmp>
   Examples/payloads/P --format json`: no example of the folder (subfolders included) may fail; drift is counted.
2. Every body of `Examples/payloads/P/*.json` is walked against both the bundled schema (Schemas/P) and the inferred
   one, with github_agreement.py's reader of the YAML language (HookSchemaSide, `walk`): the event is the envelope's
   discriminator member (`eventType`), a place is (event type, JSON pointer with array indices written `*`), and the
   four attributes (type, required, nullable, enum/const) are compared as there, the bundled schema in the official
   schema's place (`any` agrees with `any`). A place agrees on an attribute when it agreed at every sample that
   reached it: each place counts once.
3. Each disagreement (place, attribute) gets a kind (`required in the bundled schema, optional when inferred`, …);
   the kinds are printed with their counts and the first examples, with what the samples showed: how many of the
   samples of the enclosing object had the member (k of n), how many values and distinct values a string had, and
   the inferred named type holding the member (a named type is the merge of every place it stands for).
4. A table (places, agreement per attribute, overall), then `N passed, M failed` over the criteria: per provider,
   infer exits 0 and check fails no example. Exit status 1 when a criterion failed. `--json FILE` writes the figures.
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from github_agreement import (ANY, ATTRIBUTES, REPO, UNDECLARED, HookSchemaSide,  # noqa: E402
                              check_deliveries, finish, kind, walk)

PROVIDERS = ("extend", "plextera")
EXAMPLES_SHOWN = 3


class TracingSide(HookSchemaSide):
    """HookSchemaSide that also says, for each member, which named type declares it (`owner`; None when it is
    declared inline or in the event file) and which named types its own schema goes through (`refs`)."""

    def children(self, node, value):
        child, items = super().children(node, value)
        owner = None
        if node is not None and node is not ANY:
            refs = self.resolve_refs(node, value)[2]
            owner = refs[-1] if refs else None
        tagged = {}
        for name, (field, required) in child.items():
            if field is not ANY and isinstance(field, (dict, str)):   # ANY (below an `any`) is the string "any"
                field = {"type": field} if isinstance(field, str) else field
                field = {**field, "_owner": owner}
            tagged[name] = (field, required)
        return tagged, items

    def member(self, node, required, value):
        found = super().member(node, required, value)
        found.below_any = node is ANY                       # a member below an `any`, not the `any` itself
        found.owner = node.get("_owner") if isinstance(node, dict) else None
        found.refs = self.resolve_refs(node, value)[2] if isinstance(node, dict) else []
        return found


def shown(member, attribute):
    """An attribute of a Member as the report writes it."""
    if attribute == "type":
        if member.types in (ANY, UNDECLARED):
            return "`any`" if member.types == ANY else "not declared"
        return "/".join(sorted(member.types)) or "no type"
    if attribute == "required":
        return "required" if member.required else "optional"
    if attribute == "nullable":
        return "nullable" if member.nullable else "not nullable"
    if member.enum is None:
        return "none"
    values = sorted(json.loads(v) for v in member.enum)
    text = ", ".join(str(v) for v in values[:6]) + (", …" if len(values) > 6 else "")
    return f"const {text}" if len(values) == 1 else f"enum [{text}] ({len(values)} values)"


def disagreement_kind(attribute, bundled, inferred):
    """The kind of a disagreement: where one side is free-form or does not declare the member, that alone (every
    attribute of the place follows from it); else the attribute and the direction."""
    if bundled.types == UNDECLARED and inferred.types != UNDECLARED:
        return "not declared in the bundled schema, declared when inferred"
    if inferred.types == UNDECLARED and bundled.types != UNDECLARED:
        return "declared in the bundled schema, not declared when inferred"
    if bundled.types == ANY and inferred.types != ANY:
        return ("below a free-form member (`any`) of the bundled schema, typed when inferred" if bundled.below_any
                else "free-form (`any`) in the bundled schema, typed when inferred")
    if inferred.types == ANY and bundled.types != ANY:
        return "typed in the bundled schema, `any` when inferred"
    if attribute == "type":
        return f"type: {shown(bundled, 'type')} in the bundled schema, {shown(inferred, 'type')} when inferred"
    if attribute == "required":
        return ("required in the bundled schema, optional when inferred" if bundled.required
                else "optional in the bundled schema, required when inferred")
    if attribute == "nullable":
        return ("nullable in the bundled schema, not nullable when inferred" if bundled.nullable
                else "not nullable in the bundled schema, nullable when inferred")
    what = {None: "none", 1: "a const"}
    b = what.get(None if bundled.enum is None else min(len(bundled.enum), 2), "an enum")
    i = what.get(None if inferred.enum is None else min(len(inferred.enum), 2), "an enum")
    if b == i:
        return f"enum/const: {b} in both, other values"
    return f"enum/const: {b} in the bundled schema, {i} when inferred"


def parent(pointer):
    return pointer.rsplit("/", 1)[0]


def observe(value, pointer, event, seen):
    """Count, per (event, pointer), the objects, the members present, their JSON kinds and each string value."""
    if isinstance(value, dict):
        seen["objects"][(event, pointer)] += 1
        for key, child in value.items():
            place = pointer + "/" + key.replace("~", "~0").replace("/", "~1")
            seen["members"][(event, place)] += 1
            seen["kinds"][(event, place)][kind(child)] += 1
            if isinstance(child, str):
                seen["strings"][(event, place)][child] += 1
            observe(child, place, event, seen)
    elif isinstance(value, list):
        for item in value:
            observe(item, pointer + "/*", event, seen)


def compare(provider, bodies, bundled, inferred):
    """The places, what agreed, and one example of every disagreement (place, attribute)."""
    discriminator = bundled.envelope.get("discriminator")
    sides = {"bundled": bundled, "inferred": inferred}
    agreed = defaultdict(lambda: dict.fromkeys(ATTRIBUTES, True))
    first = {}                                              # (place, attribute) → (bundled, inferred, example)
    holders = defaultdict(set)                              # inferred named type → the places whose member it holds
    seen = {"objects": Counter(), "members": Counter(), "kinds": defaultdict(Counter), "strings": defaultdict(Counter)}
    missing, free_form = [], set()                         # free_form: places at or below a bundled `any`
    for path, body in bodies:
        event = str(body.get(discriminator)) if isinstance(body, dict) else None
        roots = {name: side.root(event) for name, side in sides.items()}
        absent = [name for name, root in roots.items() if root is None]
        if absent:
            missing.append((os.path.basename(path), event, absent))
            continue
        observe(body, "", event, seen)

        def record(pointer, found):
            place = (event, pointer)
            if found["inferred"].owner:
                holders[found["inferred"].owner].add(place)
            tally = agreed[place]
            if found["bundled"].types == ANY:
                free_form.add(place)
            for attribute, ok in found["inferred"].agreement(found["bundled"]).items():
                if not ok:
                    tally[attribute] = False
                    first.setdefault((place, attribute), (found["bundled"], found["inferred"], path))

        walk(body, "", sides, roots, record)
    return {"agreed": agreed, "first": first, "holders": holders, "missing": missing, "free_form": free_form,
            **seen}


def evidence(result, place, attribute, bundled, inferred):
    """What the samples showed about a disagreement, in a few words."""
    event, pointer = place
    present, of = result["members"][place], result["objects"][(event, parent(pointer))]
    kinds = result["kinds"][place]
    notes = []
    if attribute == "required":
        notes.append(f"present in {present} of {of} samples")
    elif attribute == "nullable":
        notes.append(f"null in {kinds['null']} of {present} samples")
    elif attribute == "type":
        notes.append("seen: " + ", ".join(f"{name} ×{count}" for name, count in sorted(kinds.items())))
    elif attribute == "enum":
        values = result["strings"].get(place, Counter())
        notes.append(f"{count(sum(values.values()), 'string')}, {len(values)} distinct")
    owner = inferred.owner
    if owner:
        places = result["holders"][owner]
        objects = {(e, parent(p)) for e, p in places}
        events = {e for e, _ in places}
        note = (f"inferred in `{owner}`: one type for {len(objects)} object place{plural(objects)} in "
                f"{len(events)} event{plural(events)}")
        if attribute == "enum" and len(objects) > 1:
            name = pointer.rsplit("/", 1)[1]
            values = Counter()
            for other in places:
                if other[1].rsplit("/", 1)[1] == name:
                    values += result["strings"].get(other, Counter())
            note += f", {count(sum(values.values()), 'string')} there, {len(values)} distinct"
        notes.append(note)
    return "; ".join(notes)


def plural(items):
    return "" if len(items) == 1 else "s"


def count(number, noun):
    return f"{number} {noun}{'' if number == 1 else 's'}"


def report(provider, result):
    """Print the disagreements grouped by kind; return {kind: count}."""
    by_kind = defaultdict(list)
    for (place, attribute), (bundled, inferred, path) in result["first"].items():
        by_kind[disagreement_kind(attribute, bundled, inferred)].append((place, attribute, bundled, inferred))
    counts = {}
    print(f"\n{provider}: disagreements by kind (place × attribute)")
    for name, items in sorted(by_kind.items(), key=lambda item: (-len(item[1]), item[0])):
        places = {place for place, *_ in items}
        counts[name] = {"disagreements": len(items), "places": len(places)}
        print(f"  {len(items):4} at {len(places)} place{'s' if len(places) != 1 else ''}: {name}")
        shown_places = []
        for place, attribute, bundled, inferred in sorted(items, key=lambda item: (item[0], item[1])):
            if place in shown_places:
                continue
            if len(shown_places) == EXAMPLES_SHOWN:
                break
            shown_places.append(place)
            attributes = [a for p, a, *_ in items if p == place]
            what = "; ".join(f"{a}: bundled says {shown(bundled, a)}, inferred says {shown(inferred, a)}"
                             for p, a, bundled, inferred in items if p == place)
            note = evidence(result, place, attributes[0], bundled, inferred)
            print(f"       {place[1]} [{place[0]}]: {what}" + (f" ({note})" if note else ""))
    if not by_kind:
        print("  none")
    return counts


def figures_of(places):
    agreed = {a: sum(p[a] for p in places.values()) for a in ATTRIBUTES}
    total = len(places) or 1
    row = {"places": len(places), **{a: 100.0 * n / total for a, n in agreed.items()}}
    row["overall"] = 100.0 * sum(agreed.values()) / (len(ATTRIBUTES) * total)
    return row


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--hookschema", required=True, help="the hookschema binary")
    parser.add_argument("--json", help="write the figures to this file")
    parser.add_argument("--keep", help="write the inferred schemas into this folder and keep it (default: a "
                                       "temporary folder, removed)")
    args = parser.parse_args()
    started = time.monotonic()
    args.json, args.keep = (os.path.abspath(p) if p else None for p in (args.json, args.keep))
    os.chdir(REPO)
    work = args.keep or tempfile.mkdtemp(prefix="hookschema-bundled-")
    os.makedirs(work, exist_ok=True)
    figures, criteria, rows = {}, [], {}
    for provider in PROVIDERS:
        folder = os.path.join("Examples", "payloads", provider)
        paths = sorted(glob.glob(os.path.join(folder, "*.json")))
        print(f"$ {args.hookschema} infer {folder}/*.json --provider {provider} --output {work}", flush=True)
        inferred_run = subprocess.run([args.hookschema, "infer", *paths, "--provider", provider, "--output", work],
                                      capture_output=True, text=True)
        sys.stdout.write(inferred_run.stdout + inferred_run.stderr)
        infer_ok = inferred_run.returncode == 0
        check = check_deliveries(args.hookschema, work, folder) if infer_ok else {"ran": False, "failures": []}
        entry = {"examples": len(paths), "infer_exit": inferred_run.returncode, "check": check}
        if check["ran"]:
            print(f"check: {check['payloads']} payloads (drift/ and deliveries/ too), {check['pass']} pass, "
                  f"{check['drift']} drift, {check['fail']} fail")
            for failure in check["failures"]:
                for pointer, finding, message in failure["findings"]:
                    print(f"  FAIL {failure['delivery']} ({failure['event']}) {pointer}: {finding}: {message}")
        else:
            print("check: not run (infer wrote nothing)" if not infer_ok else "check: its output was not JSON")
        if infer_ok:
            bodies = []
            for path in paths:
                with open(path, encoding="utf-8") as handle:
                    bodies.append((path, json.load(handle)))
            bundled = TracingSide(os.path.join("Schemas", provider))
            inferred = TracingSide(os.path.join(work, provider))
            result = compare(provider, bodies, bundled, inferred)
            for name, event, absent in result["missing"]:
                print(f"  {name}: event {event!r} not in the {' and '.join(absent)} schema; not compared")
            entry["events"] = len({event for event, _ in result["agreed"]})
            entry["places"] = len(result["agreed"])
            entry["inferred_events"], entry["inferred_types"] = len(inferred.events), len(inferred.types)
            entry["bundled_events"], entry["bundled_types"] = len(bundled.events), len(bundled.types)
            entry["not_compared"] = len(result["missing"])
            entry["agreement"] = rows[provider] = figures_of(result["agreed"])
            entry["agreement_typed"] = rows[provider + ", typed"] = figures_of(
                {place: agreed for place, agreed in result["agreed"].items() if place not in result["free_form"]})
            entry["disagreements"] = report(provider, result)
        criteria += [(f"{provider}: infer exits 0", infer_ok),
                     (f"{provider}: check fails no example", check["ran"] and check["fail"] == 0)]
        figures[provider] = entry
    if not args.keep:
        shutil.rmtree(work)

    print()
    print(f"{'':16}{'examples':>9}{'events':>7}{'places':>7}{'type':>8}{'required':>10}{'nullable':>10}"
          f"{'enum/const':>12}{'overall':>9}")
    for provider in PROVIDERS:
        entry = figures[provider]
        for label in (provider, provider + ", typed"):
            row = rows.get(label)
            cells = [f"{row[a]:.1f}%" for a in (*ATTRIBUTES, "overall")] if row else ["-"] * 5
            examples, events = (entry["examples"], entry.get("events", "-")) if label == provider else ("", "")
            print(f"{label:16}{examples:>9}{events:>7}{row['places'] if row else '-':>7}"
                  f"{cells[0]:>8}{cells[1]:>10}{cells[2]:>10}{cells[3]:>12}{cells[4]:>9}")
    print("(a place: event type and member pointer; agreement of the inferred schema with the bundled one; "
          "\"typed\": without the places at or below a bundled `any`)")
    return finish(criteria, figures, started, args.json)


if __name__ == "__main__":
    sys.exit(main())
