"""The generated migration data against the real frameworks: the committed tables match what the installed wheel and
dumps give, TF1-only names are really gone from TF 2 and kept by tf.compat.v1, and the PyTorch stubs really raise."""
import importlib
import json
import os
import subprocess
import sys

import pytest

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
GENERATED = os.path.join(ROOT, "src", "knowledge", "data", "generated")


def load(name):
    with open(os.path.join(GENERATED, name), encoding="utf-8") as f:
        return json.load(f)


def resolve(name):
    """The object a dotted name denotes, or None when some part is missing."""
    parts = name.split(".")
    obj = importlib.import_module(parts[0])
    for part in parts[1:]:
        try:
            obj = getattr(obj, part)
        except AttributeError:
            return None
    return obj


@pytest.mark.parametrize(
    "script,output",
    [("extract_tf_upgrade.py", "tf-upgrade-v2.json"), ("generate_migrations.py", "migrations.json"), ("private_paths.py", "private-paths.json"), ("installed_names.py", "installed-names.json")],
)
def test_committed_tables_are_regenerated_identically(tmp_path, script, output):
    out = tmp_path / output
    subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "truth", script), "--out", str(out)], check=True, capture_output=True)
    assert out.read_text(encoding="utf-8") == open(os.path.join(GENERATED, output), encoding="utf-8").read()


def test_tf1_only_names_are_gone_from_tf2_and_their_successors_exist():
    import tensorflow as tf  # noqa: F401 (loads the lazy modules)

    removed = load("migrations.json")["tensorflowRemoved"]
    present, missing_compat = [], []
    for name, fact in removed.items():
        if fact.get("since") or fact["kind"] == "module":
            continue
        if resolve(name) is not None:
            present.append(name)
        if fact["successor"] and fact["successor"].startswith("tensorflow.") and resolve(fact["successor"]) is None:
            missing_compat.append(fact["successor"])
    assert present == []
    assert missing_compat == []


@pytest.mark.parametrize("name", ["solve", "symeig", "lstsq", "eig", "matrix_rank"])
def test_torch_stubs_raise_now_removed(name):
    import torch

    with pytest.raises(RuntimeError, match="now removed"):
        getattr(torch, name)(torch.eye(2), torch.eye(2)) if name in ("solve", "lstsq") else getattr(torch, name)(torch.eye(2))


class Box:
    """A plain object: not on the weights_only allow-list."""


def test_torch_load_defaults_to_weights_only_since_2_6(tmp_path):
    import torch

    path = tmp_path / "box.pt"
    torch.save({"box": Box()}, path)
    with pytest.raises(Exception, match="weights_only"):
        torch.load(path)
    assert isinstance(torch.load(path, weights_only=False)["box"], Box)


def test_keras2_names_are_absent_from_keras3_and_present_in_the_tf_keras_view():
    import tensorflow as tf  # noqa: F401

    removed = load("migrations.json")["keras2Removed"]
    assert [p for p in removed if resolve("keras." + p) is not None] == []
    assert [p for p in removed if resolve("tensorflow.keras." + p) is None] == []


def test_reorder_data_matches_the_real_signatures():
    """Each reorder record: the TF1 names are tf.compat.v1's parameters, and its target takes the keywords listed, in order."""
    import inspect

    import tensorflow as tf  # noqa: F401 (loads the lazy modules)

    for name, order in load("migrations.json")["tensorflowReorders"].items():
        target = resolve(order["target"])
        params = inspect.signature(target).parameters.values()
        keywords = [p.name for p in params if p.kind in (p.POSITIONAL_OR_KEYWORD, p.KEYWORD_ONLY)]
        assert keywords == order["keywords"], name
        v1 = resolve("tensorflow.compat.v1." + name[len("tensorflow."):])
        if v1 is not None:
            assert list(inspect.signature(v1).parameters)[: len(order["tf1"])] == order["tf1"], name


# The Keras 3 optimizers whose entries carry the lr= rule (src/knowledge/data/tensorflow/keras-training.ts).
LR_OPTIMIZERS = ["Adam", "AdamW", "SGD", "RMSprop", "Adagrad", "Adadelta", "Adamax", "Nadam", "Ftrl", "Lion"]


@pytest.mark.parametrize("name", LR_OPTIMIZERS)
def test_keras3_optimizers_reject_lr_and_take_learning_rate(name):
    import keras
    import tensorflow as tf

    optimizer = getattr(keras.optimizers, name)
    assert getattr(tf.keras.optimizers, name) is optimizer
    with pytest.raises(ValueError, match="not recognized"):
        optimizer(lr=0.1)
    assert float(optimizer(learning_rate=0.1).learning_rate) == pytest.approx(0.1)
