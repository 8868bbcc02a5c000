"""Checks names public code uses outside the dumped public API against the installed frameworks, into one JSON file.

Input: scripts/truth/private-paths.txt (one dotted name a line). For each name, the installed TensorFlow, Keras and
PyTorch say whether it exists and, when it does, whether it is the very object (`is`) of a dumped public name:
`sameAs` maps a private path to that public name (tensorflow.python.util.nest.map_structure is tf.nest.map_structure),
`present` gives the kind letter (m, c, f, k) of a name that exists with no public twin (torch._foreach_add_), and
`absent` lists the names the installed releases do not have. Also from the dumps, each checked on the real modules:
`tfKerasMissing`, the Keras 3 names the tf.keras view of TensorFlow lacks (tf.keras.losses.mean_squared_error), which
the tf.keras -> keras alias would otherwise claim. Output: src/knowledge/data/generated/private-paths.json.

    $FG_PYTHON scripts/truth/private_paths.py --out src/knowledge/data/generated/private-paths.json
"""
import argparse
import gzip
import importlib
import inspect
import json
import os
import sys
import types
import warnings

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
warnings.simplefilter("ignore")

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
TRUTH = os.path.join(ROOT, "test", "fixtures", "truth")
GENERATED = os.path.join(ROOT, "src", "knowledge", "data", "generated")
DUMPS = {"tensorflow": "tensorflow", "keras": "keras", "torch": "torch"}
MISSING = object()


def resolve(name):
    """The object a dotted name denotes (importing the longest importable module prefix first), or MISSING."""
    parts = name.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            obj = importlib.import_module(".".join(parts[:cut]))
        except Exception:  # noqa: BLE001 (a missing or failing module: try a shorter prefix)
            continue
        for part in parts[cut:]:
            try:
                obj = getattr(obj, part)
            except Exception:  # noqa: BLE001 (AttributeError, or a lazy loader's own error: the name is not there)
                return MISSING
        return obj
    return MISSING


def status_of(name):
    """("present", object), ("absent", None) or ("raises", first line of the error) for a dotted name in the installed
    frameworks: it resolves, it does not, or it resolves to something that raises when used (a lazy module whose every
    attribute read raises, as tf.compat.v1.layers under Keras 3; a function or class whose call raises before doing
    anything else, as torch.solve). Raising is found as scripts/truth/dump_api.py finds it, so the two agree, and a name
    read from something that raises counts as raising too (installed.ts judges names the same way)."""
    import dump_api

    parts = name.split(".")
    try:
        obj = importlib.import_module(parts[0])
    except Exception:  # noqa: BLE001 (not installed)
        return "absent", None
    # Attribute reads from the root, as `import tensorflow as tf; tf.compat.v1.layers.conv1d` does; a submodule that
    # nothing has imported yet (tensorflow.python.framework.ops) is imported where a read does not find it.
    for index, part in enumerate(parts[1:], start=1):
        raised = raising_use(obj, dump_api)
        if raised is not None:
            return "raises", raised.replace("<name>", part)
        try:
            obj = getattr(obj, part)
            continue
        except Exception:  # noqa: BLE001 (AttributeError, or a lazy loader's own error: maybe a submodule not yet imported)
            pass
        try:
            obj = importlib.import_module(".".join(parts[: index + 1]))
        except Exception:  # noqa: BLE001 (neither an attribute nor an importable module)
            return "absent", None
    raised = dump_api.raising_call(obj, dump_api.kind_of(obj))
    return ("raises", raised) if raised is not None else ("present", obj)


def raising_use(obj, dump_api):
    """What reading an attribute of `obj` raises, for lazy modules that fail to load and for raising stubs."""
    if isinstance(obj, types.ModuleType) and type(obj) is not types.ModuleType and hasattr(type(obj), "_load"):
        return dump_api.lazy_failure(obj)
    return dump_api.raising_call(obj, dump_api.kind_of(obj))


def kind_letter(obj):
    if isinstance(obj, types.ModuleType):
        return "m"
    if inspect.isclass(obj):
        return "c"
    if callable(obj):
        return "f"
    return "k"


def load_dump(root):
    with gzip.open(os.path.join(TRUTH, DUMPS[root] + ".json.gz"), "rt", encoding="utf-8") as f:
        return json.load(f)["names"]


def public_twin(name, obj, dump):
    """The dumped public name bound to this very object, found among the names sharing its last segment."""
    if not (inspect.isclass(obj) or inspect.isroutine(obj)):
        return None
    last = {name.rsplit(".", 1)[1], getattr(obj, "__name__", None)}
    # The TF2 name first; a TF1 object may only have its tf.compat.v1 name. The tf.keras view is Keras's, not TensorFlow's.
    candidates = sorted(n for n in dump if n.rsplit(".", 1)[-1] in last and n != name and not n.startswith(("tensorflow.keras.", "tensorflow.compat.v2.")))
    for candidate in sorted(candidates, key=lambda n: n.startswith("tensorflow.compat.v1.")):
        record = dump[candidate]
        if record.get("kind") == "module":
            continue
        canonical = record.get("sameAs") or candidate
        if canonical != name and resolve(canonical) is obj:
            return canonical
    return None


def exists_in_dump(name, dump, depth=0):
    """Dumped, reached through a module alias of a prefix, or a member of a dumped class (as apiSurface.ts finds names)."""
    if depth > 8:
        return False
    if name in dump:
        return True
    parts = name.split(".")
    for cut in range(len(parts) - 1, 0, -1):
        prefix = ".".join(parts[:cut])
        record = dump.get(prefix)
        if not record:
            continue
        if record.get("kind") == "module" and record.get("aliasOf"):
            return exists_in_dump(".".join([record["aliasOf"]] + parts[cut:]), dump, depth + 1)
        if record.get("sameAs"):
            prefix = record["sameAs"]
        at, hops = prefix, 0
        while cut == len(parts) - 1 and at and hops < 20 and at in dump:
            if parts[-1] in dump[at].get("members", []):
                return True
            at, hops = dump[at].get("base"), hops + 1
        return False
    return False


def tf_keras_missing(dumps):
    """Keras 3 names (keras.X) whose tf.keras.X the TensorFlow dump lacks, confirmed on the real modules."""
    missing = []
    for name, record in sorted(dumps["keras"].items()):
        if record.get("kind") == "module" or exists_in_dump("tensorflow." + name, dumps["tensorflow"]):
            continue
        if resolve("tensorflow." + name) is MISSING and resolve(name) is not MISSING:
            missing.append(name)
    return missing


def check_candidates(path, out):
    """The bench's question, for every name in a file (one a line): present, absent, or the first line of what it raises."""
    with open(path, encoding="utf-8") as f:
        names = sorted({line.strip() for line in f if line.strip() and not line.startswith("#")})
    import keras  # noqa: F401 (loaded before tensorflow's lazy keras view is touched)
    import tensorflow  # noqa: F401
    import torch  # noqa: F401

    answers = {}
    for name in names:
        state, detail = status_of(name)
        answers[name] = f"raises {detail}" if state == "raises" else state
    with open(out, "w", encoding="utf-8") as f:
        json.dump(answers, f, indent=0, sort_keys=True)
        f.write("\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=os.path.join(GENERATED, "private-paths.json"))
    parser.add_argument("--candidates", help="a file of dotted names to check instead (one a line); answers go to --answers")
    parser.add_argument("--answers", help="where --candidates writes {name: present | absent | raises <error>}")
    args = parser.parse_args()
    # absl's flags (tf.compat.v1.flags.FLAGS) parse sys.argv when read: this script's own options are not theirs.
    sys.argv = sys.argv[:1]
    if args.candidates:
        if not args.answers:
            parser.error("--candidates needs --answers")
        check_candidates(args.candidates, args.answers)
        return
    with open(os.path.join(ROOT, "scripts", "truth", "private-paths.txt"), encoding="utf-8") as f:
        names = sorted({line.strip() for line in f if line.strip() and not line.startswith("#")})
    import keras  # noqa: F401 (loaded before tensorflow's lazy keras view is touched)
    import tensorflow
    import torch

    dumps = {root: load_dump(root) for root in DUMPS}
    same_as, present, absent, raises = {}, {}, [], {}
    for name in names:
        if exists_in_dump(name, dumps[name.split(".")[0]]):
            continue  # a public name after all (tf.raw_ops, not in installed-names.json): the baseline has it
        state, obj = status_of(name)
        if state == "absent":
            absent.append(name)
            continue
        if state == "raises":
            raises[name] = obj
            continue
        twin = public_twin(name, obj, dumps[name.split(".")[0]])
        if twin:
            same_as[name] = twin
        else:
            present[name] = kind_letter(obj)
    keras_missing = tf_keras_missing(dumps)
    versions = {"tensorflow": tensorflow.__version__, "keras": keras.__version__, "torch": torch.__version__}
    meta = {
        "versions": versions,
        "python": ".".join(map(str, sys.version_info[:2])),
        "command": "python scripts/truth/private_paths.py --out src/knowledge/data/generated/private-paths.json",
    }
    lines = ["{", '"meta": ' + json.dumps(meta, sort_keys=True) + ","]
    lines.append('"sameAs": {' + ",".join("\n" + json.dumps(k) + ": " + json.dumps(v) for k, v in same_as.items()) + "\n},")
    lines.append('"present": {' + ",".join("\n" + json.dumps(k) + ": " + json.dumps(v) for k, v in present.items()) + "\n},")
    lines.append('"absent": [' + ",".join("\n" + json.dumps(n) for n in absent) + "\n],")
    lines.append('"raises": {' + ",".join("\n" + json.dumps(k) + ": " + json.dumps(v) for k, v in raises.items()) + "\n},")
    lines.append('"tfKerasMissing": [' + ",".join("\n" + json.dumps(n) for n in keras_missing) + "\n]")
    lines.append("}")
    with open(args.out, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
