"""Shared pieces of the equivalence checks: the `pair` marker, the frameworks imported once, and comparisons.

Each check builds the TensorFlow/Keras side and the PyTorch side from the same NumPy inputs and weights and
asserts equal outputs, or asserts the difference the knowledge base documents. NumPy is the bridge; Keras is
Keras 3 on the TensorFlow backend.
"""

import os

os.environ.setdefault("CUDA_VISIBLE_DEVICES", "")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
os.environ.setdefault("KERAS_BACKEND", "tensorflow")

import keras  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
import tensorflow as tf  # noqa: E402
import torch  # noqa: E402
import torch.nn.functional as F  # noqa: E402

RESULTS = ("equal", "documented-difference")


SAME_RESULT = "Same inputs on both sides; the results are equal (float32 tolerance)."


def pair(tensorflow, pytorch, result="equal", variant=None, note=None):
    """Marks a check of one cross-framework pair; its id is `tensorflow~pytorch`, plus `[variant]` when given.

    `note` says what was compared or what differs; it is copied into checked-equivalences.json. A documented
    difference must say what the difference is.
    """
    assert result in RESULTS, result
    assert note or result == "equal", f"{tensorflow}~{pytorch}: a documented difference needs a note"
    pair_id = f"{tensorflow}~{pytorch}" + (f"[{variant}]" if variant else "")
    return pytest.mark.pair(id=pair_id, tensorflow=tensorflow, pytorch=pytorch, result=result, note=note or SAME_RESULT)


def case(*values, tensorflow, pytorch, result="equal", variant=None, note=None):
    """A parametrize case of one pair, with the pair id as its pytest id."""
    mark = pair(tensorflow, pytorch, result, variant, note)
    return pytest.param(*values, marks=mark, id=mark.kwargs["id"])


def rng(seed=0):
    return np.random.default_rng(seed)


def randn(*shape, seed=0):
    return rng(seed).standard_normal(shape).astype("float32")


def to_np(x):
    """A NumPy array from a TF tensor, Keras tensor or variable, or a torch tensor."""
    if isinstance(x, torch.Tensor):
        return x.detach().cpu().numpy()
    return keras.ops.convert_to_numpy(x)


def close(actual_tf, actual_torch, atol=1e-5, rtol=1e-4):
    """Asserts both sides hold the same numbers (within float32 round-off)."""
    a, b = to_np(actual_tf), to_np(actual_torch)
    assert a.shape == b.shape, (a.shape, b.shape)
    np.testing.assert_allclose(a, b, atol=atol, rtol=rtol)


def differ(actual_tf, actual_torch, atol=1e-5):
    """Asserts the two sides do not agree (used with the documented reason in the check)."""
    a, b = to_np(actual_tf), to_np(actual_torch)
    assert a.shape != b.shape or not np.allclose(a, b, atol=atol), "expected a difference, got equal values"


def nchw(x):
    """Channels-last (Keras default) to channels-first (PyTorch) for any rank: (N, ..., C) -> (N, C, ...)."""
    return np.moveaxis(x, -1, 1)


def nhwc(x):
    """Channels-first back to channels-last."""
    return np.moveaxis(to_np(x), 1, -1)


def t(x, dtype=torch.float32):
    return torch.tensor(np.asarray(x), dtype=dtype)
