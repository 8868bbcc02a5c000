"""Baseline for bench/analyze.ts: CPython's ast.parse plus a walk resolving framework names through imports."""
import ast
import json
import sys
import time

ROOTS = {"tensorflow", "keras", "tf_keras", "torch", "torchvision", "torchaudio"}


def is_framework(name):
    return name.split(".", 1)[0] in ROOTS


def analyse(source):
    """Module-level import bindings, then every Name/Attribute chain whose base resolves to a framework."""
    tree = ast.parse(source)
    bindings = {}
    references = 0
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.asname:
                    bindings[alias.asname] = alias.name
                else:
                    base = alias.name.split(".")[0]
                    bindings[base] = base
                references += is_framework(alias.name)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            for alias in node.names:
                target = f"{node.module}.{alias.name}"
                bindings[alias.asname or alias.name] = target
                references += is_framework(target)
    chain_parts = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and id(node) not in chain_parts:
            parts = []
            current = node
            while isinstance(current, ast.Attribute):
                chain_parts.add(id(current))
                parts.append(current.attr)
                current = current.value
            if isinstance(current, ast.Name):
                chain_parts.add(id(current))
                target = bindings.get(current.id)
                if target and is_framework(target):
                    references += 1
        elif isinstance(node, ast.Name) and id(node) not in chain_parts:
            target = bindings.get(node.id)
            if target and is_framework(target):
                references += 1
    return references


def main():
    results = []
    for path in sys.argv[1:]:
        with open(path, encoding="utf-8") as f:
            source = f.read()
        # Steady state, as on the TypeScript side: >= 0.2 s warm-up, then >= 5 runs lasting >= 0.3 s.
        warm_until = time.perf_counter() + 0.2
        while True:
            analyse(source)
            if time.perf_counter() >= warm_until:
                break
        runs = 0
        start = time.perf_counter()
        while True:
            references = analyse(source)
            runs += 1
            if runs >= 5 and time.perf_counter() - start >= 0.3:
                break
        seconds = (time.perf_counter() - start) / runs
        results.append({"path": path, "bytes": len(source.encode("utf-8")), "seconds": seconds, "references": references})
    json.dump(results, sys.stdout)


if __name__ == "__main__":
    main()
