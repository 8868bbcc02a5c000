"""Writes what the installed TensorFlow, Keras and PyTorch have, as one tree of names, for deciding that a name is absent.

The extension cannot import Python, so "does tf.nn.deconv2d exist in TensorFlow 2.21?" is answered from this file: every
module and class with its public names, taken from the API dumps (test/fixtures/truth, scripts/truth/dump_api.py), and
the modules the dumps do not walk (tensorflow.python, keras.src, torch.utils.model_zoo...) from the installed wheels'
own file trees. A name under a module whose names are all listed, and which is not among them, is absent; a name under
a function, a constant or a module whose names are not known is not judged. Output:
src/knowledge/data/generated/installed-names.json (format in scripts/truth/README.md).

    $FG_PYTHON scripts/truth/installed_names.py --out src/knowledge/data/generated/installed-names.json
"""
import argparse
import gzip
import importlib
import json
import os
import pkgutil
import re
import sys
import warnings

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
warnings.simplefilter("ignore")

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
TRUTH = os.path.join(ROOT, "test", "fixtures", "truth")
GENERATED = os.path.join(ROOT, "src", "knowledge", "data", "generated")
DUMPS = ("tensorflow", "keras", "torch")

# torch.FloatTensor, torch.cuda.sparse.LongTensor...: each repeats torch.Tensor's methods; their members are not listed.
LEGACY_TENSOR_TYPE = re.compile(r"^torch\.(cuda\.)?(sparse\.)?[A-Z]\w*Tensor$")
# Test code shipped inside the wheels is not an API anyone imports.
TEST_SEGMENT = re.compile(r"^(tests?|testing|.*_test|benchmarks?)$")
# A package with more names than this is listed by its submodules only (its other names are not judged): the mirrors
# of the public API (tensorflow._api.v2.raw_ops, 3,000 names) are walked under their public paths already.
MAX_PACKAGE_NAMES = 400
# A module with more names than this is not listed (its names are not judged): the largest namespace code calls into,
# torch, has 1,035; tf.raw_ops, 1,463 generated op wrappers public code hardly names, would cost a sixteenth of the file.
MAX_MODULE_NAMES = 1200
# Exceptions that mark a sentinel or an abstract placeholder (torch.library.fallthrough_kernel), not a removed API.
PLACEHOLDER_ERRORS = ("NotImplementedError", "AssertionError")


def load_dump(root):
    with gzip.open(os.path.join(TRUTH, root + ".json.gz"), "rt", encoding="utf-8") as f:
        return json.load(f)


def public_tree(dumps):
    """Nodes (module and class paths -> flag and names), aliases and raising names from the dumps."""
    nodes, aliases, raises = {}, {}, {}
    # Names with an underscore segment are never judged (the dumps leave private names out), so they are not listed.
    private = lambda name: any(part.startswith("_") for part in name.split("."))
    for dump in dumps.values():
        names = dump["names"]
        children = {}
        for name in names:
            if "." in name:
                parent, last = name.rsplit(".", 1)
                children.setdefault(parent, set()).add(last)
        for name, record in names.items():
            if private(name):
                continue
            target = names.get(record.get("sameAs"), record) if record.get("sameAs") else record
            message = target.get("raises")
            if message and not message.startswith(PLACEHOLDER_ERRORS):
                raises[name] = message
            if record.get("aliasOf") and record.get("others"):
                # The module again with a few names of its own (tf.compat.v2): listed whole, its submodules aliased.
                again = record["aliasOf"]
                nodes[name] = ("m", children.get(again, set()) | set(names[again].get("others", [])) | set(names[again].get("submodules", [])) | set(record["others"]))
                for child in children.get(again, set()):
                    if names.get(f"{again}.{child}", {}).get("kind") == "module":
                        aliases[f"{name}.{child}"] = f"{again}.{child}"
                continue
            if record.get("aliasOf"):
                aliases[name] = record["aliasOf"]
                continue
            if record["kind"] == "module":
                listed = children.get(name, set()) | set(record.get("others", [])) | set(record.get("submodules", []))
                flag = "d" if record.get("dynamic") or len(listed) > MAX_MODULE_NAMES else "r" if record.get("raises") else "m"
                nodes[name] = (flag, set() if flag == "d" else {n for n in listed if not n.startswith("_")})
            elif record["kind"] == "class" and not LEGACY_TENSOR_TYPE.match(name) and not record.get("sameAs") and not record.get("dynamic"):
                # A class reached again under another path (torch.nn.modules.conv.Conv2d) is a plain name there: its
                # members are judged under its first path only.
                members = {n for n in record.get("members", []) if not n.startswith("_")}
                properties = members & set(record.get("properties", []))
                data = members & set(record.get("data", []))
                groups = [sorted(members - properties - data), sorted(properties), sorted(data)]
                while len(groups) > 1 and not groups[-1]:
                    groups.pop()
                flag = "c:" + record["base"] if record.get("base") else "c"
                nodes[name] = (flag, groups)
    return nodes, aliases, raises


def module_files(package):
    """Every module path under a package in its installed file tree (no import), tests left out."""
    found = {}
    stack = [(package.__name__, list(package.__path__))]
    while stack:
        name, path = stack.pop()
        for info in pkgutil.iter_modules(path):
            if TEST_SEGMENT.match(info.name):
                continue
            full = f"{name}.{info.name}"
            found[full] = info.ispkg
            if info.ispkg:
                stack.append((full, [os.path.join(p, info.name) for p in path if os.path.isdir(os.path.join(p, info.name))]))
    return found


def private_tree(walked):
    """Nodes for the packages the dumps do not walk: their submodules, and their names when the package is loaded."""
    import dump_api

    import keras  # noqa: F401 (loaded before tensorflow's lazy keras view is touched)
    import tensorflow
    import torch

    for name in dump_api.TORCH_SUBMODULES:
        dump_api.import_quietly(name)
    nodes = {}
    for package in (tensorflow, keras, torch):
        files = module_files(package)
        submodules = {}
        for name in files:
            parent, last = name.rsplit(".", 1)
            submodules.setdefault(parent, set()).add(last)
        for name, is_package in sorted(files.items()):
            if not is_package or any(part.startswith("_") for part in name.split(".")):
                continue
            listed = {n for n in submodules.get(name, ()) if not n.startswith("_")}
            if name in walked:
                # `from tensorflow.lite.python import util` imports the package on disk, though the attribute
                # tf.lite is another module (tensorflow._api.v2.lite): its submodules resolve by that path too.
                nodes[name] = ("+", listed)
                continue
            module = sys.modules.get(name)
            names = [n for n in vars(module) if not n.startswith("_")] if module is not None else None
            if names is not None and len(names) <= MAX_PACKAGE_NAMES:
                nodes[name] = ("m", listed | set(names))
            else:
                nodes[name] = ("p", listed)
    return nodes


def node_text(flag, names):
    """`m a b c` for a module; `c:base methods | properties | data` for a class (trailing empty groups left out)."""
    if flag.startswith("c"):
        return " | ".join([" ".join([flag, *names[0]]), *(" ".join(group) for group in names[1:])])
    return " ".join([flag, *sorted(names)])


def upgrade_successors():
    """For names TensorFlow's upgrade tables rename and the installed release lacks (or has only as a raising stub):
    the table's target, followed through both tables until a name that is usable now. Names already covered by the
    generated migration entries (migrations.json) are left out: those entries say it."""
    import private_paths

    def table(name):
        with open(os.path.join(GENERATED, name), encoding="utf-8") as f:
            return json.load(f)

    renames = {**table("tf-upgrade-v2.json")["symbolRenames"]}
    older = table("tf-upgrade-v1.json")["symbolRenames"]
    covered = table("migrations.json")["tensorflowRemoved"]
    successors = {}
    for name in sorted(set(renames) | set(older)):
        if not name.startswith("tensorflow.") or name in covered or private_paths.status_of(name)[0] == "present":
            continue
        target, hops = older.get(name) or renames.get(name), 0
        while target and private_paths.status_of(target)[0] != "present" and hops < 4:
            target, hops = older.get(target) or renames.get(target), hops + 1
        if target and private_paths.status_of(target)[0] == "present":
            successors[name] = target
    return successors


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=os.path.join(GENERATED, "installed-names.json"))
    args = parser.parse_args()
    dumps = {root: load_dump(root) for root in DUMPS}
    nodes, aliases, raises = public_tree(dumps)
    for name, node in private_tree(set(nodes) | set(aliases)).items():
        if node[0] != "+":
            nodes.setdefault(name, node)
        elif name in nodes and nodes[name][0] in ("m", "d", "r"):
            nodes[name] = (nodes[name][0], nodes[name][1] | node[1] if nodes[name][0] == "m" else nodes[name][1])
    # A class listed again elsewhere with the very same members (keras.layers.Dense in the tf.keras view) is an alias of
    # its first listing: a tenth of the file, and the same answers.
    first = {}
    for name in sorted(nodes, key=lambda n: (n.count("."), n)):
        flag, names = nodes[name]
        if not flag.startswith("c"):
            continue
        text = node_text(flag, names)
        if text in first:
            aliases[name] = first[text]
            del nodes[name]
        else:
            first[text] = name
    versions = dumps["tensorflow"]["meta"]["versions"] | dumps["keras"]["meta"]["versions"] | dumps["torch"]["meta"]["versions"]
    meta = {
        "versions": {"tensorflow": versions["tensorflow"], "keras": versions["keras"], "torch": versions["torch"]},
        "command": "python scripts/truth/installed_names.py --out src/knowledge/data/generated/installed-names.json",
    }
    lines = ["{", '"meta": ' + json.dumps(meta, sort_keys=True) + ","]
    lines.append('"raises": {' + ",".join("\n" + json.dumps(k) + ": " + json.dumps(raises[k]) for k in sorted(raises)) + "\n},")
    successors = upgrade_successors()
    lines.append('"successors": {' + ",".join("\n" + json.dumps(k) + ": " + json.dumps(successors[k]) for k in sorted(successors)) + "\n},")
    lines.append('"aliases": {' + ",".join("\n" + json.dumps(k) + ": " + json.dumps(aliases[k]) for k in sorted(aliases)) + "\n},")
    body = ",".join("\n" + json.dumps(k) + ": " + json.dumps(node_text(*nodes[k])) for k in sorted(nodes))
    lines.append('"nodes": {' + body + "\n}")
    lines.append("}")
    with open(args.out, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
