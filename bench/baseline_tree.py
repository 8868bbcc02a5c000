"""Baseline for bench/cli.ts: one CPython process that walks folders, ast.parses every .py file and walks each tree once."""
import ast
import json
import os
import sys
import time

ROOTS = {"tensorflow", "keras", "tf_keras", "torch", "torchvision", "torchaudio"}
# The folders the CLI never enters (src/cli/files.ts), so both sides read the same files.
SKIPPED_DIRS = {".git", ".hg", ".svn", "node_modules", "venv", ".venv", "__pycache__", "site-packages", ".tox", ".mypy_cache", ".ipynb_checkpoints"}


def is_framework(name):
    return name.split(".", 1)[0] in ROOTS


def analyse(source):
    """One ast.walk: import bindings and the base name of every Name/Attribute chain; chains resolved afterwards."""
    tree = ast.parse(source)
    bindings = {}
    references = 0
    bases = []
    inner = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                bindings[alias.asname or alias.name.split(".")[0]] = alias.name if alias.asname else alias.name.split(".")[0]
                references += is_framework(alias.name)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            for alias in node.names:
                target = f"{node.module}.{alias.name}"
                bindings[alias.asname or alias.name] = target
                references += is_framework(target)
        elif isinstance(node, ast.Attribute):
            if id(node) in inner:
                inner.add(id(node.value))
                continue
            current = node.value
            while isinstance(current, ast.Attribute):
                inner.add(id(current))
                current = current.value
            if isinstance(current, ast.Name):
                inner.add(id(current))
                bases.append(current.id)
        elif isinstance(node, ast.Name) and id(node) not in inner:
            bases.append(node.id)
    for base in bases:
        target = bindings.get(base)
        if target and is_framework(target):
            references += 1
    return references


def main():
    start = time.perf_counter()
    files = references = failures = 0
    for given in sys.argv[1:]:
        for root, dirs, names in os.walk(given):
            dirs[:] = sorted(d for d in dirs if d not in SKIPPED_DIRS)
            for name in sorted(names):
                if not name.endswith((".py", ".pyi")):
                    continue
                with open(os.path.join(root, name), "rb") as f:
                    source = f.read()
                try:
                    references += analyse(source)
                except (SyntaxError, ValueError):
                    failures += 1
                files += 1
    json.dump({"files": files, "references": references, "syntax_errors": failures, "seconds": time.perf_counter() - start}, sys.stdout)


if __name__ == "__main__":
    main()
