#!/usr/bin/env python3
"""Writes a multi-file OpenAPI tree as one JSON document, for tools that cannot follow references across files the
way vendors write them (schemathesis reads `description: {$ref: texts.yaml#/x}` as a mapping and fails). Every
reference into another file is replaced by what it points to; a target met a second time (or inside itself: a
recursive schema) becomes a local `$ref` to where it was first placed; other repeats are written again, as a
`$ref` is not allowed everywhere a vendor's tree puts one (`headers: {$ref: headers.yaml}`). Components are placed
first, so recursive schemas point into them. Test tooling only: Charter reads such trees directly.
Usage: bundle_spec.py ROOT.yaml > bundled.json"""
import json
import os
import sys

import yaml

files = {}


def load(path):
    path = os.path.normpath(path)
    if path not in files:
        with open(path) as f:
            files[path] = yaml.safe_load(f)
    return files[path]


def resolve(base_file, ref, depth=0):
    """The file, pointer and node a reference names; a pointer that passes through another reference follows it."""
    if depth > 32:
        raise ValueError(f"reference chain too long at {ref}")
    file_part, _, pointer = ref.partition("#")
    path = os.path.normpath(os.path.join(os.path.dirname(base_file), file_part)) if file_part else base_file
    node = load(path)
    tokens = [t.replace("~1", "/").replace("~0", "~") for t in pointer.split("/")[1:]] if pointer else []
    for i, token in enumerate(tokens):
        if isinstance(node, dict) and isinstance(node.get("$ref"), str):
            rest = "".join("/" + t.replace("~", "~0").replace("/", "~1") for t in tokens[i:])
            target_file, target_pointer, _ = resolve(path, node["$ref"], depth + 1)
            return resolve(target_file, "#" + target_pointer.rstrip("/") + rest, depth + 1)
        node = node[int(token)] if isinstance(node, list) else node[token]
    return path, "/" + "/".join(tokens) if tokens else "", node


root_file = os.path.normpath(sys.argv[1])
placed = {}  # (file, pointer) -> pointer in the bundled document where it was first written
inlining = set()  # targets being written (a reference back to one of them is a cycle)


def bundle(node, file, at):
    """`node` (read from `file`) as it appears at pointer `at` of the bundle."""
    if isinstance(node, dict) and isinstance(node.get("$ref"), str):
        target_file, pointer, target = resolve(file, node["$ref"])
        key = (target_file, pointer)
        if target_file == root_file:
            return {"$ref": "#" + pointer}
        if key in inlining:
            # A target inside itself (a recursive schema): a local reference to where it was placed.
            return {"$ref": "#" + placed[key]}
        placed.setdefault(key, at)
        inlining.add(key)
        result = bundle(target, target_file, at)
        inlining.discard(key)
        return result
    if isinstance(node, dict):
        return {k: bundle(v, file, at + "/" + str(k).replace("~", "~0").replace("/", "~1")) for k, v in node.items()}
    if isinstance(node, list):
        return [bundle(v, file, f"{at}/{i}") for i, v in enumerate(node)]
    return node


document = load(root_file)
ordered = {"components": document.get("components", {})}
ordered.update({k: v for k, v in document.items() if k != "components"})
out = {k: bundle(v, root_file, "/" + k) for k, v in ordered.items()}
json.dump({k: out[k] for k in document}, sys.stdout, indent=1, default=str)
