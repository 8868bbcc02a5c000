"""For bench/parserAgreement.ts: which .py files under the given folders CPython's own parser accepts.

Prints one JSON line per file: {"path": ..., "ok": true|false}; files that are not UTF-8 or fail ast.parse are "ok": false.
"""
import ast
import json
import os
import sys
import warnings


def main(roots):
    warnings.simplefilter("ignore")  # invalid escape sequences in old test files are warnings, not errors
    for root in roots:
        for folder, dirs, files in os.walk(root):
            dirs.sort()
            for name in sorted(files):
                if not name.endswith(".py"):
                    continue
                path = os.path.join(folder, name)
                try:
                    with open(path, "rb") as handle:
                        source = handle.read()
                    ast.parse(source.decode("utf-8"), filename=path)
                    ok = True
                except (SyntaxError, UnicodeDecodeError, ValueError):
                    ok = False
                print(json.dumps({"path": path, "ok": ok}))


if __name__ == "__main__":
    main(sys.argv[1:])
