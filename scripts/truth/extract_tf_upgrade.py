"""Extracts the upgrade tables shipped in the installed TensorFlow wheel (tensorflow/tools/compatibility) into one JSON data file.

The tables are facts from TensorFlow's own tf_upgrade_v2 tool: symbol renames, keyword renames, argument reorders and
module deprecations. They are Apache-2.0, copyright the TensorFlow authors; the output records the version read.

    $FG_PYTHON scripts/truth/extract_tf_upgrade.py --out src/knowledge/data/generated/tf-upgrade-v2.json
"""
import argparse
import json
import sys

import tensorflow as tf
from tensorflow.tools.compatibility import ast_edits, module_deprecations_v2, tf_upgrade_v2


def canonical(name):
    """`tf.foo` as the knowledge base writes it: `tensorflow.foo`."""
    return "tensorflow" + name[2:] if name.startswith("tf.") else name


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    spec = tf_upgrade_v2.TFAPIChangeSpec()
    levels = {ast_edits.INFO: "info", ast_edits.WARNING: "warning", ast_edits.ERROR: "error"}
    data = {
        "meta": {
            "source": "tensorflow/tools/compatibility (tf_upgrade_v2) in the installed TensorFlow wheel",
            "tensorflow": tf.__version__,
            "license": "Apache-2.0, Copyright The TensorFlow Authors",
            "command": "python scripts/truth/extract_tf_upgrade.py --out src/knowledge/data/generated/tf-upgrade-v2.json",
        },
        # Old name -> new name, both canonical; applied by tf_upgrade_v2 after keyword renames and reorders.
        "symbolRenames": {canonical(k): canonical(v) for k, v in sorted(spec.symbol_renames.items())},
        # Old function name -> {old keyword: new keyword, or null when the keyword was dropped}.
        "keywordRenames": {canonical(k): dict(sorted(v.items())) for k, v in sorted(spec.function_keyword_renames.items())},
        # Old function name -> its positional parameter names in order (positional calls become keyword calls).
        "reorders": {canonical(k): list(v) for k, v in sorted(spec.function_reorders.items())},
        # Functions the tool rewrites by hand-written code or flags for a manual check: a rename alone is not enough.
        "manualReview": sorted({canonical(k) for k in list(spec.function_transformers) + list(spec.function_warnings)}),
        # Module -> the level tf_upgrade_v2 reports its uses at (the tool's message text is not copied).
        "moduleDeprecations": {canonical(k): levels[v[0]] for k, v in sorted(module_deprecations_v2.MODULE_DEPRECATIONS.items())},
    }
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump(data, f, indent=0, sort_keys=False)
        f.write("\n")
    counts = {k: len(v) for k, v in data.items() if k != "meta"}
    print(json.dumps(counts), file=sys.stderr)


if __name__ == "__main__":
    main()
