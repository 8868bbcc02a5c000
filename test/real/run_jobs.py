"""Runs many Python jobs (snippets, panel examples) in one interpreter, each in a fresh namespace and directory.

Importing TensorFlow costs seconds, so the mocha suites hand every job of one framework to a single
process instead of starting one per job. Each job still gets its own globals, working directory, patches
(everything started with unittest.mock is stopped afterwards) and result line, so a failure stays
attributable to the job that caused it.

Usage: python run_jobs.py JOBS.json RESULTS.jsonl
JOBS.json: [{"id": str, "source": str, "teardown": str (optional), "timeout": seconds (optional)}]
RESULTS.jsonl: one JSON object per finished job, written and flushed as soon as the job ends, so a crash
of the interpreter still leaves the results of the jobs before it.
"""

import contextlib
import io
import json
import logging
import os
import shutil
import signal
import sys
import tempfile
import time
import traceback
import unittest.mock
import warnings


class JobTimeout(Exception):
    pass


def _on_alarm(signum, frame):
    raise JobTimeout("job exceeded its time limit")


class _Records(logging.Handler):
    """Collects log records (TensorFlow logs its deprecation notices through `logging`)."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.lines = []

    def emit(self, record):
        self.lines.append(f"{record.name}: {record.getMessage()}")


def run_job(job):
    workdir = tempfile.mkdtemp(prefix="fg-job-")
    home = os.getcwd()
    output = io.StringIO()
    records = _Records()
    logging.getLogger().addHandler(records)
    namespace = {"__name__": "__main__", "__builtins__": __builtins__}
    started = time.monotonic()
    error = None
    signal.signal(signal.SIGALRM, _on_alarm)
    signal.alarm(int(job.get("timeout", 300)))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            os.chdir(workdir)
            with contextlib.redirect_stdout(output), contextlib.redirect_stderr(output):
                try:
                    exec(compile(job["source"], f"<{job['id']}>", "exec"), namespace)
                finally:
                    if job.get("teardown"):
                        exec(compile(job["teardown"], f"<{job['id']} teardown>", "exec"), namespace)
        except BaseException:  # noqa: BLE001 - every failure, SystemExit included, belongs to the job
            error = traceback.format_exc()
        finally:
            signal.alarm(0)
            unittest.mock.patch.stopall()
            logging.getLogger().removeHandler(records)
            os.chdir(home)
            shutil.rmtree(workdir, ignore_errors=True)
    return {
        "id": job["id"],
        "ok": error is None,
        "error": error,
        "output": output.getvalue()[-20000:],
        "warnings": list(dict.fromkeys(f"{w.category.__name__}: {w.message} ({w.filename}:{w.lineno})" for w in caught))[:50],
        "logs": records.lines,
        "seconds": round(time.monotonic() - started, 2),
    }


def main():
    jobs_path, results_path = sys.argv[1], sys.argv[2]
    with open(jobs_path, encoding="utf-8") as f:
        jobs = json.load(f)
    with open(results_path, "w", encoding="utf-8") as out:
        for job in jobs:
            out.write(json.dumps(run_job(job)) + "\n")
            out.flush()


if __name__ == "__main__":
    main()
