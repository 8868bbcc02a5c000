"""Runs TensorFlow's own tf_upgrade_v2 (from the installed wheel) over the .py files of a corpus that mention
tensorflow, one file at a time so a file it cannot parse does not stop the rest, and writes its symbol-level results as
JSON for bench/coverage.ts. File paths in the output are relative to the corpus folder.

    $FG_PYTHON bench/tf_upgrade_report.py CORPUS_DIR OUT.json [--files LIST]

Without --files every .py file under CORPUS_DIR is read; with it, only the paths LIST names (one a line, relative to
CORPUS_DIR), and the output records the list's SHA-256 so a reader can tell which list it answers.
"""
import hashlib
import json
import os
import re
import sys
import tempfile

from tensorflow.tools.compatibility import ast_edits, tf_upgrade_v2

RENAMED = re.compile(r"^(\d+):(\d+): INFO: Renamed '([\w.]+)' to '([\w.]+)'")
MODULE = re.compile(r"^(\d+):(\d+): (?:ERROR|WARNING): Using member ([\w.]+) in deprecated module ([\w.]+)")


def corpus_files(corpus, listing):
    if listing is None:
        for root, _, names in sorted(os.walk(corpus)):
            for name in sorted(names):
                if name.endswith(".py"):
                    yield os.path.relpath(os.path.join(root, name), corpus)
        return
    for line in listing.splitlines():
        if line.endswith(".py"):
            yield line


def main():
    args = sys.argv[1:]
    listing = None
    if "--files" in args:
        at = args.index("--files")
        with open(args[at + 1], encoding="utf-8") as f:
            listing = f.read()
        del args[at : at + 2]
    corpus, out = args
    upgrader = ast_edits.ASTCodeUpgrader(tf_upgrade_v2.TFAPIChangeSpec())
    results, failed, scanned = [], [], []
    for relative in corpus_files(corpus, listing):
        path = os.path.join(corpus, relative)
        if not os.path.exists(path):
            continue
        with open(path, encoding="utf-8", errors="replace") as f:
            if "tensorflow" not in f.read():
                continue
        scanned.append(relative)
        with tempfile.NamedTemporaryFile(suffix=".py") as tmp:
            try:
                _, report, _ = upgrader.process_file(path, tmp.name)
            except Exception as err:  # the tool's own parser (pasta) fails on some files
                failed.append({"file": relative, "error": type(err).__name__})
                continue
        for line in report.splitlines():
            m = RENAMED.match(line)
            if m:
                results.append({"file": relative, "line": int(m[1]), "old": m[3], "new": m[4], "kind": "rename"})
                continue
            m = MODULE.match(line)
            if m:
                results.append({"file": relative, "line": int(m[1]), "old": m[3], "new": None, "kind": "module"})
    report = {"files": len(scanned), "scanned": scanned, "failed": failed, "results": results}
    if listing is not None:
        report["list_sha256"] = hashlib.sha256(listing.encode("utf-8")).hexdigest()
    with open(out, "w", encoding="utf-8") as f:
        json.dump(report, f, indent=0)
    print(json.dumps({"files": len(scanned), "failed": len(failed), "results": len(results)}))


if __name__ == "__main__":
    main()
