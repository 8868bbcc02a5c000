"""Baseline for bench/scan.ts: one CPython process that walks a tree, parses every .py/.ipynb with ast and walks it."""
import json
import os
import re
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from baseline_ast import analyse  # noqa: E402

# IPython lines (%magic, !shell) are not Python: blanked, as the extension's notebook join does.
IPYTHON_LINE = re.compile(r"^[ \t]*[%!].*$", re.MULTILINE)


def notebook_source(text):
    cells = json.loads(text).get("cells", [])
    code = ["".join(c["source"]) if isinstance(c.get("source"), list) else c.get("source", "") for c in cells if c.get("cell_type") == "code"]
    return IPYTHON_LINE.sub("", "\n".join(code))


def main():
    start = time.perf_counter()
    files = 0
    references = 0
    failures = 0
    for root, dirs, names in os.walk(sys.argv[1]):
        dirs.sort()
        for name in sorted(names):
            if not name.endswith((".py", ".ipynb")):
                continue
            with open(os.path.join(root, name), encoding="utf-8") as f:
                text = f.read()
            try:
                references += analyse(notebook_source(text) if name.endswith(".ipynb") else text)
            except SyntaxError:
                failures += 1
            files += 1
    json.dump({"files": files, "references": references, "syntax_errors": failures, "seconds": time.perf_counter() - start}, sys.stdout)


if __name__ == "__main__":
    main()
