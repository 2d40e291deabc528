"""Random one-change mutations of real schema folders, for the wire proof.

The bases: the coverage provider (Tests/Differential/Schemas), the bundled schemas (Schemas/: Extend, Plextera), and
Resend imported from ../shared/corpora. Each is written back once through PyYAML (so that both sides of a
pair are in the same YAML spelling, comments dropped), and each mutation changes one thing in one file: a member
added (optional or required), removed, made required or optional, nullable or not, given another type or format, a
bound or length added or moved, an enum value added or removed, an enum opened or closed, a description changed.
"""

import os
import random
import shutil
import subprocess

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))


def dump(value):
    return yaml.safe_dump(value, sort_keys=False, allow_unicode=True, width=120, default_flow_style=None)


def round_trip(source, target):
    shutil.copytree(source, target)
    for folder, _, files in os.walk(target):
        for name in files:
            path = os.path.join(folder, name)
            if not name.endswith((".yaml", ".yml")):
                os.unlink(path)
                continue
            with open(path, encoding="utf-8") as handle:
                value = yaml.safe_load(handle)
            with open(path, "w", encoding="utf-8") as handle:
                handle.write(dump(value))


def bases(binary, work, corpora):
    """[(name, folder)]: every base, round-tripped; the imports are made with the binary under test."""
    found = []
    sources = [("coverage", os.path.join(ROOT, "Tests", "Differential", "Schemas")),
               ("bundled", os.path.join(ROOT, "Schemas"))]
    # Svix is left out: its ids have patterns (`^app_[A-Za-z0-9]{27}$`) the differential generator has no samples
    # for; GitHub names its events by a header, which the generator does not do.
    imports = [("resend", ["import", "openapi", os.path.join(corpora, "resend", "resend.yaml"), "--provider", "resend"])]
    for name, arguments in imports:
        output = os.path.join(work, "import-" + name)
        process = subprocess.run([binary] + arguments + ["--output", output], capture_output=True, cwd=ROOT)
        if process.returncode != 0:
            raise RuntimeError("import %s failed: %s" % (name, process.stderr.decode()[:500]))
        sources.append((name, output))
    for name, folder in sources:
        target = os.path.join(work, "base-" + name)
        round_trip(folder, target)
        found.append((name, target))
    return found


def sites(value, path, found):
    """Every `fields:` mapping and every enum schema below `value`: (kind, the mapping, its YAML path)."""
    if isinstance(value, dict):
        fields = value.get("fields")
        if isinstance(fields, dict):
            found.append(("fields", fields, path + ["fields"]))
        if value.get("type") == "enum" and isinstance(value.get("values"), list):
            found.append(("enum", value, path))
        for key, child in value.items():
            sites(child, path + [key], found)
    elif isinstance(value, list):
        for index, child in enumerate(value):
            sites(child, path + [index], found)
    return found


def expand(schema):
    """A field's schema as a mapping (`string` → `{type: string}`)."""
    if isinstance(schema, str):
        return {"type": schema}
    return dict(schema) if isinstance(schema, dict) else {"type": "any"}


def field_mutations(fields, name, rng):
    schema = expand(fields[name])
    kind = schema.get("type")
    options = [
        ("remove member `%s`" % name, lambda: fields.pop(name)),
        ("toggle required of `%s`" % name, lambda: fields.__setitem__(name, {**schema, "required": not schema.get("required", False)})),
        ("toggle nullable of `%s`" % name, lambda: fields.__setitem__(name, {**schema, "nullable": not schema.get("nullable", False)})),
        ("describe `%s`" % name, lambda: fields.__setitem__(name, {**schema, "description": "Mutated."})),
        ("`%s` becomes a boolean" % name, lambda: fields.__setitem__(
            name, {"type": "boolean", **({"required": True} if schema.get("required") else {})})),
    ]
    if kind in ("integer", "number"):
        options.append(("`%s` gets minimum 5" % name, lambda: fields.__setitem__(name, {**schema, "minimum": 5})))
        if "maximum" in schema:
            options.append(("`%s`'s maximum halves" % name, lambda: fields.__setitem__(
                name, {**schema, "maximum": schema["maximum"] / 2 if kind == "number" else int(schema["maximum"]) // 2})))
    if kind in ("string", "uri", "email", "uuid", "date", "datetime", "uri-template"):
        options.append(("`%s` gets maxLength 6" % name, lambda: fields.__setitem__(name, {**schema, "maxLength": 6})))
        options.append(("`%s` becomes a datetime" % name, lambda: fields.__setitem__(name, {**schema, "type": "datetime"})))
        if kind != "string":
            options.append(("`%s` loses its format" % name, lambda: fields.__setitem__(name, {**schema, "type": "string"})))
    return options


def enum_mutations(schema, rng):
    values = schema["values"]
    options = [
        ("enum gains a value", lambda: schema.__setitem__("values", values + ["zz_new_value"])),
        ("enum is %s" % ("opened" if schema.get("closed") else "closed"),
         lambda: schema.__setitem__("closed", not schema.get("closed", False))),
    ]
    if len(values) > 1:
        options.append(("enum loses a value", lambda: schema.__setitem__("values", values[:-1])))
    return options


def mutate_folder(base, target, rng):
    """Copies `base` to `target` with one random change; returns what it did."""
    shutil.copytree(base, target)
    files = []
    for folder, _, names in os.walk(target):
        files += [os.path.join(folder, name) for name in names if name.endswith((".yaml", ".yml"))]
    files.sort()
    # 50 random picks first (the sequence earlier runs drew); then, only if none had anything to mutate, every file
    # once from a random starting point, so a base must run out of places, not of luck, to fail.
    start = None
    for attempt in range(50 + len(files)):
        if attempt < 50:
            path = rng.choice(files)
        else:
            start = rng.randrange(len(files)) if start is None else start
            path = files[(start + attempt - 50) % len(files)]
        with open(path, encoding="utf-8") as handle:
            document = yaml.safe_load(handle)
        found = sites(document, [], [])
        if not found:
            continue
        kind, node, where = rng.choice(found)
        if kind == "fields":
            roll = rng.random()
            if roll < 0.1 or not node:
                required = rng.random() < 0.5
                node["zz_added"] = {"type": "string", **({"required": True} if required else {})}
                description = "add %s member `zz_added`" % ("required" if required else "optional")
            else:
                name = rng.choice(sorted(node))
                description, apply = rng.choice(field_mutations(node, name, rng))
                apply()
        else:
            description, apply = rng.choice(enum_mutations(node, rng))
            apply()
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(dump(document))
        relative = os.path.relpath(path, target)
        return "%s at %s:/%s" % (description, relative, "/".join(str(token) for token in where))
    raise RuntimeError("no place to mutate in " + base)


def random_pairs(binary, work, corpora, count, seed):
    """[(name, old folder, new folder)]: `count` one-change mutations, spread evenly over the bases."""
    found = bases(binary, work, corpora)
    rng = random.Random(seed)
    pairs = []
    for index in range(count):
        base_name, base = found[index % len(found)]
        mutated = os.path.join(work, "mutation-%d" % index)
        description = mutate_folder(base, mutated, rng)
        pairs.append(("%s #%d: %s" % (base_name, index, description), base, mutated))
    return pairs
