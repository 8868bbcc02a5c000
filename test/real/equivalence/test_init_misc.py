"""Initializers (by their distributions), gradient clipping, functional dropout and gather semantics."""

import numpy as np

from equiv import F, close, differ, keras, pair, randn, t, tf, to_np, torch

# A Keras kernel (in, out) and a PyTorch weight (out, in) with the same fan_in=256 and fan_out=512.
KERAS_SHAPE, TORCH_SHAPE = (256, 512), (512, 256)


def torch_init(fn, **kwargs):
    torch.manual_seed(0)
    w = torch.empty(TORCH_SHAPE)
    fn(w, **kwargs)
    return to_np(w)


def keras_init(initializer):
    return to_np(initializer(KERAS_SHAPE))


@pair("keras.initializers.GlorotUniform", "torch.nn.init.xavier_uniform_", note="Both draw uniformly from +-sqrt(6 / (fan_in + fan_out)), with fans read from (in, out) and (out, in) respectively: same bound and spread.")
def test_glorot_uniform():
    limit = np.sqrt(6 / (256 + 512))
    for w in (keras_init(keras.initializers.GlorotUniform(seed=0)), torch_init(torch.nn.init.xavier_uniform_)):
        assert np.abs(w).max() <= limit + 1e-7 and np.abs(w).max() > 0.99 * limit
        assert abs(w.std() - limit / np.sqrt(3)) < 0.02 * limit


@pair("keras.initializers.HeUniform", "torch.nn.init.kaiming_uniform_", note="Both draw uniformly from +-sqrt(6 / fan_in) (kaiming_uniform_ with its default a=0, i.e. ReLU gain): same bound.")
def test_he_uniform():
    limit = np.sqrt(6 / 256)
    for w in (keras_init(keras.initializers.HeUniform(seed=0)), torch_init(torch.nn.init.kaiming_uniform_)):
        assert np.abs(w).max() <= limit + 1e-7 and np.abs(w).max() > 0.99 * limit


@pair("keras.initializers.HeNormal", "torch.nn.init.kaiming_normal_", result="documented-difference", note="Same standard deviation sqrt(2 / fan_in), but Keras draws from a normal truncated at two (rescaled) standard deviations while kaiming_normal_ is not truncated.")
def test_he_normal():
    std = np.sqrt(2 / 256)
    k, p = keras_init(keras.initializers.HeNormal(seed=0)), torch_init(torch.nn.init.kaiming_normal_)
    assert abs(k.std() - std) < 0.03 * std and abs(p.std() - std) < 0.03 * std
    bound = 2 * std / 0.87962566103423978
    assert np.abs(k).max() <= bound + 1e-6 and np.abs(p).max() > bound


@pair("keras.initializers.GlorotNormal", "torch.nn.init.xavier_normal_", result="documented-difference", note="Same standard deviation sqrt(2 / (fan_in + fan_out)); Keras truncates the normal at two (rescaled) standard deviations, xavier_normal_ does not.")
def test_glorot_normal():
    std = np.sqrt(2 / (256 + 512))
    k, p = keras_init(keras.initializers.GlorotNormal(seed=0)), torch_init(torch.nn.init.xavier_normal_)
    assert abs(k.std() - std) < 0.03 * std and abs(p.std() - std) < 0.03 * std
    bound = 2 * std / 0.87962566103423978
    assert np.abs(k).max() <= bound + 1e-6 and np.abs(p).max() > bound


@pair("keras.initializers.RandomUniform", "torch.nn.init.uniform_", result="documented-difference", note="Default ranges differ: Keras [-0.05, 0.05], uniform_ [0, 1).")
def test_random_uniform_defaults():
    k, p = keras_init(keras.initializers.RandomUniform(seed=0)), torch_init(torch.nn.init.uniform_)
    assert k.min() >= -0.05 and k.max() <= 0.05 and k.min() < -0.04
    assert p.min() >= 0.0 and p.max() > 0.9


@pair("keras.initializers.RandomNormal", "torch.nn.init.normal_", result="documented-difference", note="Default standard deviation is 0.05 in Keras and 1.0 in normal_ (both mean 0).")
def test_random_normal_defaults():
    k, p = keras_init(keras.initializers.RandomNormal(seed=0)), torch_init(torch.nn.init.normal_)
    assert abs(k.std() - 0.05) < 0.002 and abs(p.std() - 1.0) < 0.02


@pair("keras.initializers.TruncatedNormal", "torch.nn.init.trunc_normal_", result="documented-difference", note="Keras defaults to stddev 0.05 and cuts at two standard deviations; trunc_normal_ defaults to std 1 and cuts at the absolute values a=-2, b=2.")
def test_truncated_normal_defaults():
    k, p = keras_init(keras.initializers.TruncatedNormal(seed=0)), torch_init(torch.nn.init.trunc_normal_)
    assert np.abs(k).max() <= 0.1 + 1e-6 and np.abs(k).max() > 0.09
    assert np.abs(p).max() <= 2.0 and np.abs(p).max() > 1.9


@pair("keras.initializers.Orthogonal", "torch.nn.init.orthogonal_", note="Both give matrices with orthonormal rows or columns (gain 1): W W^T = I for the wide shape.")
def test_orthogonal():
    k = to_np(keras.initializers.Orthogonal(seed=0)((64, 128)))
    p = to_np(torch.nn.init.orthogonal_(torch.empty(64, 128)))
    close(k @ k.T, np.eye(64), atol=1e-4)
    close(p @ p.T, np.eye(64), atol=1e-4)


@pair("keras.initializers.Constant", "torch.nn.init.constant_", note="Every element set to the given value; equal.")
def test_constant():
    close(keras.initializers.Constant(0.7)((3, 4)), torch.nn.init.constant_(torch.empty(3, 4), 0.7))


@pair("keras.initializers.Zeros", "torch.nn.init.zeros_", note="All zeros; equal.")
def test_zeros():
    close(keras.initializers.Zeros()((3, 4)), torch.nn.init.zeros_(torch.empty(3, 4)))


@pair("keras.initializers.Ones", "torch.nn.init.ones_", note="All ones; equal.")
def test_ones():
    close(keras.initializers.Ones()((3, 4)), torch.nn.init.ones_(torch.empty(3, 4)))


@pair("tensorflow.clip_by_global_norm", "torch.nn.utils.clip_grad_norm_", note="Gradients of two tensors rescaled so their joint L2 norm is at most 1; both report the norm before clipping. TF returns new tensors, PyTorch rescales .grad in place (dividing by norm + 1e-6).")
def test_clip_by_global_norm():
    grads = [randn(3, 4), randn(5, seed=1)]
    clipped, norm = tf.clip_by_global_norm(grads, 1.0)
    params = [torch.nn.Parameter(torch.zeros(3, 4)), torch.nn.Parameter(torch.zeros(5))]
    for p, g in zip(params, grads):
        p.grad = t(g)
    total = torch.nn.utils.clip_grad_norm_(params, 1.0)
    close(norm, total)
    for c, p in zip(clipped, params):
        close(c, p.grad)


@pair("tensorflow.clip_by_norm", "torch.nn.utils.clip_grad_norm_", note="For a single tensor, clip_by_norm to 1.0 equals clip_grad_norm_ on one parameter's gradient.")
def test_clip_by_norm():
    g = randn(3, 4) * 3
    p = torch.nn.Parameter(torch.zeros(3, 4))
    p.grad = t(g)
    torch.nn.utils.clip_grad_norm_([p], 1.0)
    close(tf.clip_by_norm(g, 1.0), p.grad)


@pair("tensorflow.nn.dropout", "torch.nn.functional.dropout", note="TF 2 takes the drop probability `rate` (TF1's compat.v1 form took keep_prob); with rate = p both zero about that fraction and scale survivors by 1 / (1 - p).")
def test_functional_dropout():
    x = np.ones((128, 128), dtype="float32")
    k, p = to_np(tf.nn.dropout(x, rate=0.25, seed=1)), to_np(F.dropout(t(x), p=0.25, training=True))
    close(np.unique(k), np.unique(p))
    assert abs((k == 0).mean() - 0.25) < 0.02 and abs((p == 0).mean() - 0.25) < 0.02


@pair("tensorflow.gather", "torch.gather", result="documented-difference", note="tf.gather picks whole slices along an axis (torch.index_select); torch.gather picks one element per index position and needs an index tensor of the output's shape.")
def test_gather_semantics():
    x, idx = randn(3, 4), np.array([2, 0])
    columns = tf.gather(x, idx, axis=1)
    assert tuple(columns.shape) == (3, 2)
    per_element = torch.gather(t(x), 1, torch.tensor(idx).expand(3, 2))
    close(columns, per_element)
    row_wise = torch.gather(t(x), 1, torch.tensor([[2], [0], [1]]))
    assert tuple(row_wise.shape) == (3, 1)
    differ(tf.gather(x, [2, 0, 1], axis=1), row_wise)
