"""Runs TensorFlow's own tf_upgrade_v2 (from the installed wheel) over the .py files of a corpus, one file at a time so a
file it cannot parse does not stop the rest, and writes its symbol-level results as JSON for bench/coverage.ts.

    $FG_PYTHON bench/tf_upgrade_report.py ${TMPDIR:-/tmp}/fg-corpus ${TMPDIR:-/tmp}/fg-tf-upgrade.json
"""
import json
import os
import re
import sys
import tempfile

from tensorflow.tools.compatibility import ast_edits, tf_upgrade_v2

RENAMED = re.compile(r"^(\d+):(\d+): INFO: Renamed '([\w.]+)' to '([\w.]+)'")
MODULE = re.compile(r"^(\d+):(\d+): (?:ERROR|WARNING): Using member ([\w.]+) in deprecated module ([\w.]+)")


def main():
    corpus, out = sys.argv[1], sys.argv[2]
    upgrader = ast_edits.ASTCodeUpgrader(tf_upgrade_v2.TFAPIChangeSpec())
    results, failed, files = [], [], 0
    for root, _, names in sorted(os.walk(corpus)):
        for name in sorted(names):
            if not name.endswith(".py"):
                continue
            path = os.path.join(root, name)
            with open(path, encoding="utf-8", errors="replace") as f:
                if "tensorflow" not in f.read():
                    continue
            files += 1
            with tempfile.NamedTemporaryFile(suffix=".py") as tmp:
                try:
                    _, report, _ = upgrader.process_file(path, tmp.name)
                except Exception as err:  # the tool's own parser (pasta) fails on some files
                    failed.append({"file": os.path.relpath(path, corpus), "error": type(err).__name__})
                    continue
            for line in report.splitlines():
                m = RENAMED.match(line)
                if m:
                    results.append({"file": os.path.relpath(path, corpus), "line": int(m[1]), "old": m[3], "new": m[4], "kind": "rename"})
                    continue
                m = MODULE.match(line)
                if m:
                    results.append({"file": os.path.relpath(path, corpus), "line": int(m[1]), "old": m[3], "new": None, "kind": "module"})
    with open(out, "w", encoding="utf-8") as f:
        json.dump({"files": files, "failed": failed, "results": results}, f, indent=0)
    print(json.dumps({"files": files, "failed": len(failed), "results": len(results)}))


if __name__ == "__main__":
    main()
