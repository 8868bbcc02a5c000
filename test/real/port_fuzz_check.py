"""Reads ported sources as CPython does and reports what is wrong with each: a syntax error, or a marker name in code.

The porter's write-safety fuzz (port_fuzz.test.ts) ports hostile variants of models whose strings and comments hold
a call to a marker name around line breaks; CPython's own parser is the judge of what in the port is code.

Usage: python port_fuzz_check.py PORTS.json MARKER   (PORTS.json: [{"id": str, "code": str}])
Prints one JSON line per port with a problem: {"id": ..., "problem": ...}; exits 0 when it could read them all.
"""

import ast
import json
import sys


def problem(code, marker):
    try:
        tree = ast.parse(code)
    except SyntaxError as error:
        return f"SyntaxError: {error.msg} (line {error.lineno})"
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and node.id == marker:
            return f"the marker is a name in code at line {node.lineno}"
        if isinstance(node, ast.Attribute) and node.attr == marker:
            return f"the marker is an attribute in code at line {node.lineno}"
    return None


def main():
    with open(sys.argv[1], encoding="utf-8") as handle:
        ports = json.load(handle)
    marker = sys.argv[2]
    for port in ports:
        found = problem(port["code"], marker)
        if found:
            print(json.dumps({"id": port["id"], "problem": found}), flush=True)
    print(json.dumps({"checked": len(ports)}), flush=True)


if __name__ == "__main__":
    main()
