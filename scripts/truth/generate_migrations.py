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


# TF1 keywords whose TF 2 name takes another form of value, so a rename alone breaks the call (checked on TF 2.21 by
# test/real/test_reorder_fix.py): space_to_batch's block_size=2 is block_shape=[2, 2] in TF 2.
SPACE_TO_BATCH = "block_shape= takes one block size per spatial dimension (a list): a single number raises in TF 2.21"
VALUE_CHANGES = {
    "tensorflow.space_to_batch": {"block_size": SPACE_TO_BATCH},
    "tensorflow.nn.space_to_batch": {"block_size": SPACE_TO_BATCH},
}


def ordered_parameters(signature):
    """(name, kind) of each parameter of a signature string, in order; kind is "" for a parameter a call may pass by
    position or keyword, "*"/"**" for *args/**kwargs, "kw" after a bare `*`, "pos" before a `/`."""
    if not signature or not signature.startswith("("):
        return None
    inner, depth, quote, parts, current = signature[1:signature.rfind(")")], 0, None, [], ""
    for ch in inner:
        if quote:
            quote = None if ch == quote else quote
        elif ch in "'\"":
            quote = ch
        elif ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
        elif ch == "," and depth == 0:
            parts.append(current.strip())
            current = ""
            continue
        current += ch
    if current.strip():
        parts.append(current.strip())
    out, keyword_only = [], False
    for part in parts:
        name = re.match(r"(\**)([A-Za-z_][A-Za-z0-9_]*)?", part)
        stars, ident = name.group(1), name.group(2)
        if part == "*":
            keyword_only = True
        elif part == "/":
            out = [(n, "pos") for n, _ in out]
        elif stars:
            out.append((ident, stars))
            keyword_only = keyword_only or stars == "*"
        elif ident:
            out.append((ident, "kw" if keyword_only else ""))
    return out


def argument_reorders(tf, tf2, upgrade, removed):
    """tf_upgrade_v2's reorder table joined with the TF 2.21 signatures: for each TF1 function whose positional order
    TF 2 changed, the TF1 parameter names, how many leading positions still mean the same, the TF 2.21 function a call
    should target (the same name, or the successor of a removed one) with the keywords it takes, and the keyword renames."""

    def record(name):
        seen = set()
        while name in tf and name not in seen:
            seen.add(name)
            r = tf[name]
            if "sameAs" not in r:
                return r
            name = r["sameAs"]
        return None

    out = {}
    for name, table in sorted(upgrade["reorders"].items()):
        # Only names the rules know (TF 2.21 has them, or they are removed ones); tf.contrib answers as a whole.
        if name not in tf2 and name not in removed:
            continue
        # TF1 took no positional arguments here (a `keyword_required` guard first): no call depends on the order.
        if "keyword_required" in table:
            continue
        target = name if name in tf2 else upgrade["symbolRenames"].get(name)
        if target and target.startswith("tensorflow.compat.v2."):
            target = "tensorflow." + target[len("tensorflow.compat.v2."):]
        # A successor in tf.compat.v1 keeps the TF1 order: nothing to reorder.
        if not target or target.startswith("tensorflow.compat.") or target not in tf2:
            continue
        params = ordered_parameters((record(target) or {}).get("signature"))
        if params is None:
            continue
        v1 = ordered_parameters((record("tensorflow.compat.v1." + name[len("tensorflow."):]) or {}).get("signature")) or []
        positional = [n for n, kind in params if kind in ("", "pos")]
        keywords = [n for n, kind in params if kind in ("", "kw")]
        renames = {k: v for k, v in sorted(upgrade["keywordRenames"].get(name, {}).items())}
        tf1 = []
        for i, entry in enumerate(table):
            # None: the tool leaves that position alone (same name, same place); take the name from a signature.
            tf1.append(entry or (v1[i][0] if i < len(v1) else positional[i] if i < len(positional) else None))
        if None in tf1:
            continue
        agree = 0
        while agree < len(tf1) and agree < len(positional) and renames.get(tf1[agree], tf1[agree]) == positional[agree]:
            agree += 1
        if agree == len(tf1):
            continue
        out[name] = {"tf1": tf1, "agree": agree, "target": target, "keywords": keywords, "renames": renames}
        if name in VALUE_CHANGES:
            out[name]["valueChanges"] = VALUE_CHANGES[name]
    return out


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

    def raises(name):
        """Dumped as a stub that raises when used (tf.compat.v1.layers under Keras 3): no successor, as if absent."""
        record = tf.get(name) or {}
        return bool(record.get("raises") or (tf.get(record.get("sameAs")) or {}).get("raises"))

    def exists(name):
        """In TF 2.21 and usable: dumped (not as a raising stub), a member of a dumped class, or reachable though undumped."""
        if name in tf:
            return not raises(name)
        if name in REACHABLE_UNDUMPED:
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
        if successor is None and compat in tf and not raises(compat):
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

    reorders = argument_reorders(tf, tf2, upgrade, removed)

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
        "tensorflowReorders": reorders,
        "tensorflowKeywordValueChanges": {k: v for k, v in VALUE_CHANGES.items() if k in keywords or k in reorders},
        "keras2Removed": keras2,
        "torchLegacyReduction": torch_reduction,
    }
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump(out, f, indent=0)
        f.write("\n")
    print(json.dumps({"tensorflowRemoved": len(removed), "dropIn": sum(1 for r in removed.values() if r["dropIn"]),
                      "tensorflowKeywordFunctions": len(keywords), "keywordRenames": sum(len(v) for v in keywords.values()),
                      "tensorflowReorders": len(reorders),
                      "keras2Removed": len(keras2), "torchLegacyReduction": len(torch_reduction)}))


if __name__ == "__main__":
    main()
