"""Runs Framework Guide port check scripts in one interpreter (TensorFlow and PyTorch load once) and prints one JSON line each.

Usage: python port_checks.py CHECK.py [CHECK.py ...]
Each line: {"path": ..., "ok": bool, "message": "..."}; a failed assertion, a SystemExit or any exception counts as a failure.
"""
import contextlib
import io
import json
import os
import runpy
import sys
import traceback

os.environ.setdefault("KERAS_BACKEND", "tensorflow")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")


def run(path):
    out = io.StringIO()
    try:
        with contextlib.redirect_stdout(out):
            runpy.run_path(path, run_name="__main__")
    except SystemExit as exit_:
        return {"path": path, "ok": False, "message": str(exit_.code)}
    except BaseException:  # a check that raises is a failed check, reported with its last traceback line
        lines = traceback.format_exc().strip().splitlines()
        return {"path": path, "ok": False, "message": lines[-1] if lines else "error"}
    text = out.getvalue().strip().splitlines()
    last = text[-1] if text else ""
    return {"path": path, "ok": last.startswith("framework-guide check: ok"), "message": last}


def main():
    for path in sys.argv[1:]:
        print(json.dumps(run(path)), flush=True)


if __name__ == "__main__":
    main()
