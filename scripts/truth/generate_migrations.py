"""Derives the migration facts the rules use from the API dumps and TensorFlow's upgrade tables, into one JSON file.

Inputs: test/fixtures/truth/{tensorflow,keras,torch}.json.gz (dump_api.py) and src/knowledge/data/generated/tf-upgrade-v2.json
(extract_tf_upgrade.py), plus tf-upgrade-v1.json (the pre-1.0 renames of TF 1.0's upgrader). Output: src/knowledge/data/generated/migrations.json, read by src/knowledge/migrations.ts.

    python scripts/truth/generate_migrations.py     # any Python 3; no framework needed
"""
import argparse
import gzip
import json
import os
import re

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TRUTH = os.path.join(ROOT, "test", "fixtures", "truth")
GENERATED = os.path.join(ROOT, "src", "knowledge", "data", "generated")
V1 = "tensorflow.compat.v1."
# Reachable in TensorFlow 2.21 although the dump leaves them out (a plain set and a typing alias, which dump_api.py skips
# as not defined by the framework); test/real/migrations checks every generated name against the real module.
REACHABLE_UNDUMPED = {"tensorflow.dtypes.QUANTIZED_DTYPES", "tensorflow.types.experimental.TensorLike", "tensorflow.compat.v1.test.mock"}


def load(name):
    with gzip.open(os.path.join(TRUTH, name + ".json.gz"), "rt", encoding="utf-8") as f:
        return json.load(f)["names"]


def parameters(signature):
    """Parameter names of a signature string, enough to tell whether a keyword still exists."""
    if not signature:
        return None
    inner = signature[1:signature.rfind(")")] if signature.startswith("(") else signature
    return {m.group(1) for m in re.finditer(r"(?:^|,\s*)\**([A-Za-z_][A-Za-z0-9_]*)", inner)}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=os.path.join(GENERATED, "migrations.json"))
    args = parser.parse_args()
    tf = load("tensorflow")
    keras = load("keras")
    with open(os.path.join(GENERATED, "tf-upgrade-v2.json"), encoding="utf-8") as f:
        upgrade = json.load(f)
    tf2 = {n for n in tf if not n.startswith(("tensorflow.compat.v1.", "tensorflow.compat.v2."))} | REACHABLE_UNDUMPED
    # Keras names belong to the Keras rules (tf.keras is Keras 3 now); tf.estimator left TensorFlow in 2.16, not 2.0.
    skipped = ("tensorflow.keras", "tensorflow.estimator", "tensorflow.compat", "tensorflow.contrib")
    renames = upgrade["symbolRenames"]
    manual = set(upgrade["manualReview"]) | set(upgrade["reorders"]) | set(upgrade["keywordRenames"])

    def kind_of(name):
        record = tf.get(name)
        return record["kind"] if record else None

    removed = {}

    def exists(name):
        """In TF 2.21: dumped, a member of a dumped class, or reachable though undumped."""
        if name in tf or name in REACHABLE_UNDUMPED:
            return True
        owner, _, member = name.rpartition(".")
        return member in (tf.get(owner) or {}).get("members", [])

    def add(old, kind):
        successor = renames.get(old)
        if successor and successor.startswith("tensorflow.compat.v2."):
            successor = "tensorflow." + successor[len("tensorflow.compat.v2."):]
        # tf_upgrade_v2 predates Keras 3: its tf.compat.v1 targets built on Keras 2 (tf.compat.v1.layers.*,
        # tf.compat.v1.nn.rnn_cell.*) raise AttributeError in TF 2.21, so they are no successor.
        if successor and not exists(successor):
            successor = None
        compat = V1 + old[len("tensorflow."):]
        if successor is None and compat in tf:
            successor = compat
        # Safe to rewrite only when the target exists in TF 2.21 and the tool itself does nothing more than rename.
        # A fix writes only names the dump confirms; the undumped ones are checked by test/real but offered as advice.
        drop_in = successor is not None and old not in manual and successor not in REACHABLE_UNDUMPED
        removed[old] = {"kind": kind, "successor": successor, "dropIn": drop_in}

    # A name tf.compat.v1 keeps but the TF 2 namespace lacks is TF1-only.
    for name in sorted(tf):
        if not name.startswith(V1):
            continue
        old = "tensorflow." + name[len(V1):]
        if old not in tf2 and not old.startswith(skipped):
            add(old, tf[name]["kind"])
    # Names the upgrade tool renames that TF 2.21 no longer has (pre-1.0 and contrib paths included only under tensorflow.).
    for old in sorted(renames):
        if old.startswith("tensorflow.") and not old.startswith(skipped) and old not in tf2 and old not in removed:
            add(old, kind_of(V1 + old[len("tensorflow."):]) or ("class" if old.rsplit(".", 1)[1][:1].isupper() else "function"))
    # Parent modules of removed names that TF 2.21 lacks too (tf.nn.rnn_cell).
    for old in list(removed):
        parts = old.split(".")
        for cut in range(2, len(parts)):
            parent = ".".join(parts[:cut])
            if parent not in tf2 and parent not in removed and not parent.startswith(skipped):
                compat = V1 + parent[len("tensorflow."):]
                removed[parent] = {"kind": "module", "successor": compat if exists(compat) else None, "dropIn": exists(compat)}
    # Pre-1.0 names (tf.scalar_summary): TF 1.0's upgrader renamed them; follow that name into TF 2 as above.
    with open(os.path.join(GENERATED, "tf-upgrade-v1.json"), encoding="utf-8") as f:
        pre_1_0 = json.load(f)["symbolRenames"]
    for old, renamed in sorted(pre_1_0.items()):
        if old in tf2 or old in removed:
            continue
        later = removed.get(renamed)
        successor = later["successor"] if later else renames.get(renamed) or (renamed if renamed in tf2 else None)
        if successor and not exists(successor):
            successor = None
        kind = kind_of(V1 + renamed[len("tensorflow."):]) or kind_of(renamed) or ("constant" if old.rsplit(".", 1)[1].isupper() else "function")
        removed[old] = {"kind": kind, "successor": successor,
                        "dropIn": False, "since": "1.0"}
    for module, level in upgrade["moduleDeprecations"].items():
        if module not in tf2 and module not in removed and not module.startswith(skipped):
            removed[module] = {"kind": "module", "successor": None, "dropIn": False}

    # Keyword renames whose old keyword the TF 2.21 function no longer accepts.
    keywords = {}
    for fn, table in upgrade["keywordRenames"].items():
        record = tf.get(fn)
        if not record or fn not in tf2:
            continue
        params = parameters(record.get("signature"))
        if params is None or "kwargs" in params:
            continue
        gone = {old: new for old, new in table.items() if old not in params and (new is None or new in params)}
        if gone:
            keywords[fn] = gone

    # Keras 2 names: kept by the tf.keras view (keras._tf_keras), absent from Keras 3 (`import keras`). A backend
    # function's successor is the keras.ops function of the same name, when Keras 3 has one.
    keras2 = {}
    prefix = "tensorflow.keras."
    for name in sorted(tf):
        if not name.startswith(prefix):
            continue
        tail = name[len(prefix):]
        if "keras." + tail in keras:
            continue
        leaf = tail.rsplit(".", 1)[-1]
        op = "keras.ops." + leaf
        successor = op if tail.startswith("backend.") and op in keras else None
        keras2[tail] = {"kind": tf[name]["kind"], "successor": successor}

    # PyTorch losses whose 2.13 signatures still take the deprecated size_average= and reduce= (docstrings: "see reduction").
    torch = load("torch")
    torch_reduction = sorted(
        n for n, r in torch.items()
        if n.startswith("torch.nn.") and not r.get("sameAs") and {"size_average", "reduce", "reduction"} <= (parameters(r.get("signature")) or set())
    )

    out = {
        "meta": {
            "inputs": ["test/fixtures/truth/tensorflow.json.gz", "test/fixtures/truth/keras.json.gz", "test/fixtures/truth/torch.json.gz", "src/knowledge/data/generated/tf-upgrade-v2.json"],
            "command": "python scripts/truth/generate_migrations.py",
            "tensorflow": "2.21.0",
            "keras": "3.15.1",
        },
        "tensorflowRemoved": dict(sorted(removed.items())),
        "tensorflowKeywords": dict(sorted(keywords.items())),
        "keras2Removed": keras2,
        "torchLegacyReduction": torch_reduction,
    }
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump(out, f, indent=0)
        f.write("\n")
    print(json.dumps({"tensorflowRemoved": len(removed), "dropIn": sum(1 for r in removed.values() if r["dropIn"]),
                      "tensorflowKeywordFunctions": len(keywords), "keywordRenames": sum(len(v) for v in keywords.values()),
                      "keras2Removed": len(keras2), "torchLegacyReduction": len(torch_reduction)}))


if __name__ == "__main__":
    main()
