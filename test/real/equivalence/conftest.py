"""Keeps the equivalence checks and src/knowledge/data/checked-equivalences.json in step.

Every check carries a `pair` marker (see equiv.py). After a full run of this folder the session fails when a pair
listed in the JSON did not run and pass, when a check that ran is missing from the JSON, or when the two disagree
on names or result. A partial run (-k, -m, single files) reports that the comparison was not made. After editing checks, regenerate
the JSON with `FG_WRITE_CHECKED_EQUIVALENCES=1 pytest test/real/equivalence` and review the diff.
"""

import json
import os
import pathlib

import pytest

HERE = pathlib.Path(__file__).resolve().parent
CHECKED = HERE.parents[2] / "src" / "knowledge" / "data" / "checked-equivalences.json"

_pairs = {}  # pair id -> marker kwargs
_passed = set()
_deselected = []
_collected_files = set()


FIELDS = ("tensorflow", "pytorch", "result", "note")


def pytest_configure(config):
    config.addinivalue_line("markers", "pair(id, tensorflow, pytorch, result): one checked cross-framework pair")
    # NumPy 2 warns about Keras's own tensor conversion; it says nothing about the checks.
    config.addinivalue_line("filterwarnings", "ignore:__array__ implementation doesn't accept a copy keyword:DeprecationWarning")


def pytest_collection_modifyitems(session, config, items):
    for item in items:
        marker = item.get_closest_marker("pair")
        if marker is None:
            continue
        _collected_files.add(pathlib.Path(str(item.fspath)).resolve())
        pair_id = marker.kwargs["id"]
        if pair_id in _pairs and _pairs[pair_id]["nodeid"] != item.nodeid:
            raise pytest.UsageError(f"pair id {pair_id} is used by {_pairs[pair_id]['nodeid']} and {item.nodeid}")
        _pairs[pair_id] = {**marker.kwargs, "nodeid": item.nodeid}
        item.user_properties.append(("pair", pair_id))


def pytest_deselected(items):
    _deselected.extend(items)


def pytest_runtest_logreport(report):
    if report.when != "call" or not report.passed:
        return
    for key, value in report.user_properties:
        if key == "pair":
            _passed.add(value)


def sync_problems(listed, ran, passed):
    """What keeps the JSON (`listed`) and the checks that ran (`ran`: id -> marker kwargs) apart."""
    problems = []
    by_id = {}
    for entry in listed:
        if entry["test"] in by_id:
            problems.append(f"{entry['test']}: listed twice in checked-equivalences.json")
        by_id[entry["test"]] = entry
    for pair_id, entry in by_id.items():
        if pair_id not in ran:
            problems.append(f"{pair_id}: listed in checked-equivalences.json but no check has this pair id")
        elif pair_id not in passed:
            problems.append(f"{pair_id}: listed in checked-equivalences.json but its check did not pass")
        else:
            marker = ran[pair_id]
            for field in FIELDS:
                if entry.get(field) != marker[field]:
                    problems.append(f"{pair_id}: {field} is {entry.get(field)!r} in the JSON, {marker[field]!r} in the check")
    for pair_id in sorted(set(ran) - set(by_id)):
        problems.append(f"{pair_id}: checked by {ran[pair_id]['nodeid']} but missing from checked-equivalences.json")
    return problems


def _full_run(session):
    every_file = {p.resolve() for p in HERE.glob("test_*.py")}
    return not _deselected and every_file <= _collected_files and not session.config.option.keyword and not session.config.option.markexpr


_report = []  # lines for the terminal summary
_failed_sync = []


def pytest_sessionfinish(session, exitstatus):
    if not _pairs:
        return
    if not _full_run(session):
        _report.append("checked-equivalences.json: not compared (partial run of test/real/equivalence)")
        return
    if os.environ.get("FG_WRITE_CHECKED_EQUIVALENCES") == "1" and _passed == set(_pairs):
        entries = [{"tensorflow": m["tensorflow"], "pytorch": m["pytorch"], "test": pair_id, "result": m["result"], "note": m["note"]} for pair_id, m in sorted(_pairs.items())]
        CHECKED.write_text(json.dumps(entries, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    listed = json.loads(CHECKED.read_text(encoding="utf-8"))
    problems = sync_problems(listed, _pairs, _passed)
    if problems:
        _failed_sync.extend(problems)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
    else:
        equal = sum(1 for e in listed if e["result"] == "equal")
        names = len({(e["tensorflow"], e["pytorch"]) for e in listed})
        _report.append(f"checked-equivalences.json: {len(listed)} checks of {names} name pairs in step ({equal} equal, {len(listed) - equal} documented differences)")


def pytest_terminal_summary(terminalreporter):
    if _failed_sync:
        terminalreporter.section("checked-equivalences.json out of step", sep="=", red=True)
        for line in _failed_sync:
            terminalreporter.write_line(line)
    for line in _report:
        terminalreporter.write_line(line)
