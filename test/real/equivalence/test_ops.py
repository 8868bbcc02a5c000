"""Tensor operations: tf.* (and keras.ops / keras.utils) against torch.* on the same NumPy inputs."""

import numpy as np
import pytest

from equiv import F, case, close, differ, keras, pair, randn, t, tf, to_np, torch

X = randn(3, 4)
Y = randn(3, 4, seed=1)
M = randn(4, 5, seed=2)
CUBE = randn(2, 3, 4, seed=3)
IDX = np.array([2, 0, 1, 0])
INTS = np.array([[3, 1, 2, 1], [0, 3, 3, 2]])


@pytest.mark.parametrize(
    "tf_fn, torch_fn",
    [
        # Elementwise
        case(lambda: tf.add(X, Y), lambda: torch.add(t(X), t(Y)), tensorflow="tensorflow.add", pytorch="torch.add"),
        case(lambda: tf.subtract(X, Y), lambda: torch.sub(t(X), t(Y)), tensorflow="tensorflow.subtract", pytorch="torch.sub"),
        case(lambda: tf.multiply(X, Y), lambda: torch.mul(t(X), t(Y)), tensorflow="tensorflow.multiply", pytorch="torch.mul"),
        case(lambda: tf.divide(X, Y), lambda: torch.div(t(X), t(Y)), tensorflow="tensorflow.divide", pytorch="torch.div"),
        case(lambda: tf.maximum(X, Y), lambda: torch.maximum(t(X), t(Y)), tensorflow="tensorflow.maximum", pytorch="torch.maximum"),
        case(lambda: tf.minimum(X, Y), lambda: torch.minimum(t(X), t(Y)), tensorflow="tensorflow.minimum", pytorch="torch.minimum"),
        case(lambda: tf.abs(X), lambda: torch.abs(t(X)), tensorflow="tensorflow.abs", pytorch="torch.abs"),
        case(lambda: tf.exp(X), lambda: torch.exp(t(X)), tensorflow="tensorflow.exp", pytorch="torch.exp"),
        case(lambda: tf.sqrt(np.abs(X)), lambda: torch.sqrt(t(np.abs(X))), tensorflow="tensorflow.sqrt", pytorch="torch.sqrt"),
        case(lambda: tf.square(X), lambda: torch.square(t(X)), tensorflow="tensorflow.square", pytorch="torch.square"),
        case(lambda: tf.pow(np.abs(X), Y), lambda: torch.pow(t(np.abs(X)), t(Y)), tensorflow="tensorflow.pow", pytorch="torch.pow"),
        case(lambda: tf.sigmoid(X), lambda: torch.sigmoid(t(X)), tensorflow="tensorflow.sigmoid", pytorch="torch.sigmoid"),
        case(lambda: tf.tanh(X), lambda: torch.tanh(t(X)), tensorflow="tensorflow.tanh", pytorch="torch.tanh"),
        case(lambda: tf.math.log(np.abs(X)), lambda: torch.log(t(np.abs(X))), tensorflow="tensorflow.math.log", pytorch="torch.log"),
        case(lambda: tf.math.log1p(np.abs(X)), lambda: torch.log1p(t(np.abs(X))), tensorflow="tensorflow.math.log1p", pytorch="torch.log1p"),
        case(lambda: tf.math.ceil(X), lambda: torch.ceil(t(X)), tensorflow="tensorflow.math.ceil", pytorch="torch.ceil"),
        case(lambda: tf.math.rsqrt(np.abs(X)), lambda: torch.rsqrt(t(np.abs(X))), tensorflow="tensorflow.math.rsqrt", pytorch="torch.rsqrt"),
        case(lambda: tf.math.reciprocal(X), lambda: torch.reciprocal(t(X)), tensorflow="tensorflow.math.reciprocal", pytorch="torch.reciprocal"),
        case(lambda: tf.math.erf(X), lambda: torch.erf(t(X)), tensorflow="tensorflow.math.erf", pytorch="torch.erf"),
        # Floor division and modulo round toward -inf in both (Python semantics), also for negative operands.
        case(lambda: tf.math.floordiv(X, Y), lambda: torch.floor_divide(t(X), t(Y)), tensorflow="tensorflow.math.floordiv", pytorch="torch.floor_divide", note="Floor division rounds toward minus infinity in both, negative operands included; equal."),
        case(lambda: tf.math.floormod(X, Y), lambda: torch.remainder(t(X), t(Y)), tensorflow="tensorflow.math.floormod", pytorch="torch.remainder", note="Modulo with the sign of the divisor in both (torch.remainder, not torch.fmod); equal."),
        case(lambda: tf.clip_by_value(X, -0.5, 0.5), lambda: torch.clamp(t(X), -0.5, 0.5), tensorflow="tensorflow.clip_by_value", pytorch="torch.clamp", note="Clipping to [-0.5, 0.5]; equal."),
        # Comparisons and logic
        case(lambda: tf.equal(INTS, 3), lambda: torch.eq(torch.tensor(INTS), 3), tensorflow="tensorflow.equal", pytorch="torch.eq"),
        case(lambda: tf.not_equal(INTS, 3), lambda: torch.ne(torch.tensor(INTS), 3), tensorflow="tensorflow.not_equal", pytorch="torch.ne"),
        case(lambda: tf.greater(X, Y), lambda: torch.gt(t(X), t(Y)), tensorflow="tensorflow.greater", pytorch="torch.gt"),
        case(lambda: tf.less(X, Y), lambda: torch.lt(t(X), t(Y)), tensorflow="tensorflow.less", pytorch="torch.lt"),
        case(lambda: tf.logical_and(X > 0, Y > 0), lambda: torch.logical_and(t(X) > 0, t(Y) > 0), tensorflow="tensorflow.logical_and", pytorch="torch.logical_and"),
        case(lambda: tf.logical_not(X > 0), lambda: torch.logical_not(t(X) > 0), tensorflow="tensorflow.logical_not", pytorch="torch.logical_not"),
        case(lambda: tf.math.is_nan(np.array([1.0, np.nan])), lambda: torch.isnan(torch.tensor([1.0, np.nan])), tensorflow="tensorflow.math.is_nan", pytorch="torch.isnan"),
        # Reductions with an axis
        case(lambda: tf.reduce_sum(CUBE, axis=1), lambda: torch.sum(t(CUBE), dim=1), tensorflow="tensorflow.reduce_sum", pytorch="torch.sum", note="Reduction over axis 1 vs dim 1; equal."),
        case(lambda: tf.reduce_mean(CUBE, axis=[0, 2]), lambda: torch.mean(t(CUBE), dim=(0, 2)), tensorflow="tensorflow.reduce_mean", pytorch="torch.mean", note="Reduction over axes [0, 2] vs dim (0, 2); equal."),
        case(lambda: tf.reduce_max(CUBE, axis=-1), lambda: torch.amax(t(CUBE), dim=-1), tensorflow="tensorflow.reduce_max", pytorch="torch.amax", note="tf.reduce_max returns values only, like torch.amax (torch.max with dim also returns indices); equal."),
        case(lambda: tf.reduce_min(CUBE, axis=0), lambda: torch.amin(t(CUBE), dim=0), tensorflow="tensorflow.reduce_min", pytorch="torch.amin", note="tf.reduce_min returns values only, like torch.amin; equal."),
        case(lambda: tf.reduce_prod(X, axis=1), lambda: torch.prod(t(X), dim=1), tensorflow="tensorflow.reduce_prod", pytorch="torch.prod"),
        case(lambda: tf.reduce_logsumexp(X, axis=1), lambda: torch.logsumexp(t(X), dim=1), tensorflow="tensorflow.reduce_logsumexp", pytorch="torch.logsumexp"),
        case(lambda: tf.reduce_any(X > 1, axis=1), lambda: torch.any(t(X) > 1, dim=1), tensorflow="tensorflow.reduce_any", pytorch="torch.any"),
        case(lambda: tf.reduce_all(X > -2, axis=0), lambda: torch.all(t(X) > -2, dim=0), tensorflow="tensorflow.reduce_all", pytorch="torch.all"),
        case(lambda: tf.cumsum(X, axis=1), lambda: torch.cumsum(t(X), dim=1), tensorflow="tensorflow.cumsum", pytorch="torch.cumsum", note="Cumulative sum over axis 1 vs dim 1; equal."),
        case(lambda: tf.argmin(X, axis=1), lambda: torch.argmin(t(X), dim=1), tensorflow="tensorflow.argmin", pytorch="torch.argmin", note="With an axis (axis=1 vs dim=1) the indices are equal."),
        case(lambda: tf.sort(X, axis=-1), lambda: torch.sort(t(X), dim=-1).values, tensorflow="tensorflow.sort", pytorch="torch.sort", note="Ascending sort on the last axis; torch.sort returns (values, indices), compared on values; equal."),
        case(lambda: tf.argsort(X, axis=-1), lambda: torch.argsort(t(X), dim=-1), tensorflow="tensorflow.argsort", pytorch="torch.argsort", note="Ascending argsort on the last axis (no ties in the input); equal."),
        # Products
        case(lambda: tf.matmul(X, M), lambda: torch.matmul(t(X), t(M)), tensorflow="tensorflow.matmul", pytorch="torch.matmul"),
        case(lambda: keras.ops.matmul(X, M), lambda: torch.matmul(t(X), t(M)), tensorflow="keras.ops.matmul", pytorch="torch.matmul"),
        case(lambda: tf.einsum("ij,jk->ik", X, M), lambda: torch.einsum("ij,jk->ik", t(X), t(M)), tensorflow="tensorflow.einsum", pytorch="torch.einsum"),
        case(lambda: tf.tensordot(CUBE, M, axes=[[2], [0]]), lambda: torch.tensordot(t(CUBE), t(M), dims=([2], [0])), tensorflow="tensorflow.tensordot", pytorch="torch.tensordot", note="axes=[[2], [0]] vs dims=([2], [0]); equal."),
        # Shapes and indexing
        case(lambda: tf.concat([X, Y], axis=0), lambda: torch.cat([t(X), t(Y)], dim=0), tensorflow="tensorflow.concat", pytorch="torch.cat", note="Concatenation on axis 0 vs dim 0; equal."),
        case(lambda: tf.stack([X, Y], axis=1), lambda: torch.stack([t(X), t(Y)], dim=1), tensorflow="tensorflow.stack", pytorch="torch.stack", note="Stacking on a new axis 1; equal."),
        case(lambda: tf.reshape(CUBE, (4, -1)), lambda: torch.reshape(t(CUBE), (4, -1)), tensorflow="tensorflow.reshape", pytorch="torch.reshape"),
        case(lambda: tf.transpose(CUBE, perm=[2, 0, 1]), lambda: torch.permute(t(CUBE), (2, 0, 1)), tensorflow="tensorflow.transpose", pytorch="torch.permute", note="perm=[2, 0, 1] vs permute(2, 0, 1); equal. torch.transpose swaps only two dims."),
        case(lambda: tf.squeeze(X[:, None, :]), lambda: torch.squeeze(t(X[:, None, :])), tensorflow="tensorflow.squeeze", pytorch="torch.squeeze", note="Without an axis both drop every size-1 axis; equal."),
        case(lambda: tf.expand_dims(X, 1), lambda: torch.unsqueeze(t(X), 1), tensorflow="tensorflow.expand_dims", pytorch="torch.unsqueeze", note="New axis at position 1; equal."),
        case(lambda: tf.tile(X, [2, 3]), lambda: torch.tile(t(X), (2, 3)), tensorflow="tensorflow.tile", pytorch="torch.tile", note="Multiples [2, 3] vs tile((2, 3)); equal."),
        case(lambda: tf.repeat(X, 2, axis=0), lambda: torch.repeat_interleave(t(X), 2, dim=0), tensorflow="tensorflow.repeat", pytorch="torch.repeat_interleave", note="Repeating each element twice along axis 0 is torch.repeat_interleave (Tensor.repeat tiles instead); equal."),
        case(lambda: tf.gather(M, IDX, axis=0), lambda: torch.index_select(t(M), 0, torch.tensor(IDX)), tensorflow="tensorflow.gather", pytorch="torch.index_select", note="Rows picked by an index vector on axis 0 vs index_select(0, idx); equal."),
        case(lambda: tf.where(X > 0, X, Y), lambda: torch.where(t(X) > 0, t(X), t(Y)), tensorflow="tensorflow.where", pytorch="torch.where", note="Three-argument select with a boolean condition; equal."),
        case(lambda: tf.boolean_mask(X, X > 0), lambda: torch.masked_select(t(X), t(X) > 0), tensorflow="tensorflow.boolean_mask", pytorch="torch.masked_select", note="Selecting elements where the mask holds gives the same flat vector; equal."),
        case(lambda: tf.one_hot(IDX, 4), lambda: F.one_hot(torch.tensor(IDX), 4), tensorflow="tensorflow.one_hot", pytorch="torch.nn.functional.one_hot", note="Same 0/1 values; tf.one_hot returns float32, F.one_hot int64."),
        case(lambda: keras.utils.to_categorical(IDX, 4), lambda: F.one_hot(torch.tensor(IDX), 4), tensorflow="keras.utils.to_categorical", pytorch="torch.nn.functional.one_hot", note="Same 0/1 values; to_categorical returns float, F.one_hot int64 (and needs a LongTensor)."),
        case(lambda: tf.roll(X, shift=1, axis=1), lambda: torch.roll(t(X), 1, dims=1), tensorflow="tensorflow.roll", pytorch="torch.roll", note="Shift 1 along axis 1; equal."),
        case(lambda: tf.reverse(X, axis=[1]), lambda: torch.flip(t(X), dims=[1]), tensorflow="tensorflow.reverse", pytorch="torch.flip", note="Reversing axis 1 vs flip(dims=[1]); equal."),
        case(lambda: tf.image.flip_left_right(CUBE[..., None]), lambda: torch.flip(t(CUBE[..., None]), dims=[2]), tensorflow="tensorflow.image.flip_left_right", pytorch="torch.flip", note="Flips the width axis: axis 2 of an NHWC batch, torch.flip with dims=[2] on the same array; equal."),
        case(lambda: tf.identity(X), lambda: torch.clone(t(X)), tensorflow="tensorflow.identity", pytorch="torch.clone"),
        case(lambda: tf.stop_gradient(X), lambda: t(X).requires_grad_().detach(), tensorflow="tensorflow.stop_gradient", pytorch="torch.Tensor.detach", note="Same values, cut from the gradient graph; equal."),
        case(lambda: tf.cast(X, tf.int32), lambda: t(X).to(torch.int32), tensorflow="tensorflow.cast", pytorch="torch.Tensor.to", note="float32 to int32 truncates toward zero in both; equal."),
        case(lambda: tf.size(CUBE), lambda: torch.tensor(torch.numel(t(CUBE))), tensorflow="tensorflow.size", pytorch="torch.numel", note="Element count: tf.size returns a tensor, torch.numel a Python int; equal values."),
        # Creation
        case(lambda: tf.zeros((2, 3)), lambda: torch.zeros(2, 3), tensorflow="tensorflow.zeros", pytorch="torch.zeros"),
        case(lambda: tf.ones((2, 3)), lambda: torch.ones(2, 3), tensorflow="tensorflow.ones", pytorch="torch.ones"),
        case(lambda: tf.zeros_like(X), lambda: torch.zeros_like(t(X)), tensorflow="tensorflow.zeros_like", pytorch="torch.zeros_like"),
        case(lambda: tf.ones_like(X), lambda: torch.ones_like(t(X)), tensorflow="tensorflow.ones_like", pytorch="torch.ones_like"),
        case(lambda: tf.fill((2, 3), 7.0), lambda: torch.full((2, 3), 7.0), tensorflow="tensorflow.fill", pytorch="torch.full"),
        case(lambda: tf.eye(3), lambda: torch.eye(3), tensorflow="tensorflow.eye", pytorch="torch.eye"),
        case(lambda: tf.range(1, 10, 2), lambda: torch.arange(1, 10, 2), tensorflow="tensorflow.range", pytorch="torch.arange", note="tf.range(1, 10, 2) vs torch.arange(1, 10, 2): end excluded in both; equal."),
        case(lambda: tf.linspace(0.0, 1.0, 5), lambda: torch.linspace(0.0, 1.0, 5), tensorflow="tensorflow.linspace", pytorch="torch.linspace", note="Five evenly spaced points with both ends included; equal."),
        case(lambda: tf.constant([[1.0, 2.0]]), lambda: torch.tensor([[1.0, 2.0]]), tensorflow="tensorflow.constant", pytorch="torch.tensor"),
        case(lambda: tf.convert_to_tensor(X), lambda: torch.as_tensor(X), tensorflow="tensorflow.convert_to_tensor", pytorch="torch.as_tensor", note="From a NumPy array, same values and dtype; equal."),
        case(lambda: keras.ops.convert_to_tensor(X), lambda: torch.as_tensor(X), tensorflow="keras.ops.convert_to_tensor", pytorch="torch.as_tensor", note="From a NumPy array, same values; equal."),
        # Linear algebra and FFT
        case(lambda: tf.linalg.inv(M[:4, :4]), lambda: torch.linalg.inv(t(M[:4, :4])), tensorflow="tensorflow.linalg.inv", pytorch="torch.linalg.inv"),
        case(lambda: tf.linalg.det(M[:4, :4]), lambda: torch.linalg.det(t(M[:4, :4])), tensorflow="tensorflow.linalg.det", pytorch="torch.linalg.det"),
        case(lambda: tf.linalg.solve(M[:4, :4], X.T), lambda: torch.linalg.solve(t(M[:4, :4]), t(X.T)), tensorflow="tensorflow.linalg.solve", pytorch="torch.linalg.solve"),
        case(lambda: tf.linalg.cholesky(M @ M.T + np.eye(4, dtype="float32")), lambda: torch.linalg.cholesky(t(M @ M.T + np.eye(4, dtype="float32"))), tensorflow="tensorflow.linalg.cholesky", pytorch="torch.linalg.cholesky"),
        case(lambda: tf.linalg.matrix_transpose(CUBE), lambda: torch.transpose(t(CUBE), -2, -1), tensorflow="tensorflow.linalg.matrix_transpose", pytorch="torch.transpose", note="Swaps the last two axes: torch.transpose(x, -2, -1); equal."),
        case(lambda: tf.linalg.trace(M[:4, :4]), lambda: torch.trace(t(M[:4, :4])), tensorflow="tensorflow.linalg.trace", pytorch="torch.trace"),
        case(lambda: tf.linalg.tensor_diag(X[0]), lambda: torch.diag(t(X[0])), tensorflow="tensorflow.linalg.tensor_diag", pytorch="torch.diag", note="Vector to diagonal matrix; equal."),
        case(lambda: tf.linalg.pinv(M), lambda: torch.linalg.pinv(t(M)), tensorflow="tensorflow.linalg.pinv", pytorch="torch.linalg.pinv"),
        case(lambda: tf.norm(X), lambda: torch.linalg.norm(t(X)), tensorflow="tensorflow.norm", pytorch="torch.linalg.norm", note="Default norm of a matrix: Euclidean norm of all entries (Frobenius) in both; equal."),
        case(lambda: tf.signal.fft(X.astype("complex64")), lambda: torch.fft.fft(t(X).to(torch.complex64)), tensorflow="tensorflow.signal.fft", pytorch="torch.fft.fft"),
        case(lambda: tf.signal.ifft(X.astype("complex64")), lambda: torch.fft.ifft(t(X).to(torch.complex64)), tensorflow="tensorflow.signal.ifft", pytorch="torch.fft.ifft"),
        case(lambda: tf.signal.rfft(X), lambda: torch.fft.rfft(t(X)), tensorflow="tensorflow.signal.rfft", pytorch="torch.fft.rfft"),
        case(lambda: tf.signal.irfft(to_np(torch.fft.rfft(t(X)))), lambda: torch.fft.irfft(torch.fft.rfft(t(X)), n=4), tensorflow="tensorflow.signal.irfft", pytorch="torch.fft.irfft", note="Inverse real FFT; torch given n=4 (the original length) so both return 4 samples; equal."),
        case(lambda: tf.signal.fftshift(X), lambda: torch.fft.fftshift(t(X)), tensorflow="tensorflow.signal.fftshift", pytorch="torch.fft.fftshift", note="Shifts every axis by default in both; equal."),
    ],
)
def test_op(tf_fn, torch_fn):
    close(tf_fn(), torch_fn())


@pair("tensorflow.argmax", "torch.argmax", note="With an axis (axis=1 vs dim=1) the indices are equal.")
def test_argmax_with_axis():
    close(tf.argmax(X, axis=1), torch.argmax(t(X), dim=1))


@pair("tensorflow.argmax", "torch.argmax", result="documented-difference", variant="no-axis", note="Without an axis tf.argmax reduces axis 0 (one index per column); torch.argmax flattens and returns one index.")
def test_argmax_without_axis():
    no_axis = tf.argmax(X)
    assert tuple(no_axis.shape) == (4,)
    close(no_axis, torch.argmax(t(X), dim=0))
    flat = torch.argmax(t(X))
    assert flat.ndim == 0 and int(flat) == int(np.argmax(X))


@pair("tensorflow.argmin", "torch.argmin", result="documented-difference", variant="no-axis", note="Without an axis tf.argmin reduces axis 0 (one index per column); torch.argmin flattens and returns one index.")
def test_argmin_without_axis():
    no_axis = tf.argmin(X)
    assert tuple(no_axis.shape) == (4,)
    close(no_axis, torch.argmin(t(X), dim=0))
    flat = torch.argmin(t(X))
    assert flat.ndim == 0 and int(flat) == int(np.argmin(X))


@pair("tensorflow.split", "torch.split", result="documented-difference", note="An integer means the number of pieces to tf.split but the size of each piece to torch.split; torch.chunk takes the number of pieces. A list of sizes means the same to both.")
def test_split_integer_argument():
    v = np.arange(12, dtype="float32")
    assert len(tf.split(v, 3)) == 3 and [len(p) for p in torch.split(t(v), 3)] == [3, 3, 3, 3]
    for a, b in zip(tf.split(v, 3), torch.chunk(t(v), 3)):
        close(a, b)
    for a, b in zip(tf.split(v, [2, 10]), torch.split(t(v), [2, 10])):
        close(a, b)


@pair("tensorflow.unstack", "torch.unbind", note="Slices along axis 1 vs dim 1; equal.")
def test_unstack():
    for a, b in zip(tf.unstack(CUBE, axis=1), torch.unbind(t(CUBE), dim=1)):
        close(a, b)


@pair("tensorflow.unique", "torch.unique", result="documented-difference", note="tf.unique keeps first-appearance order and returns indices into it; torch.unique sorts by default.")
def test_unique_order():
    v = np.array([3, 1, 3, 2, 1])
    values, idx = tf.unique(v)
    assert to_np(values).tolist() == [3, 1, 2] and to_np(idx).tolist() == [0, 1, 0, 2, 1]
    assert torch.unique(torch.tensor(v)).tolist() == [1, 2, 3]


@pair("tensorflow.math.top_k", "torch.topk", note="k=2 on the last axis: values and indices equal (both sorted, largest first).")
def test_top_k():
    tf_values, tf_idx = tf.math.top_k(X, k=2)
    torch_values, torch_idx = torch.topk(t(X), 2)
    close(tf_values, torch_values)
    close(tf_idx, torch_idx)


@pair("tensorflow.math.reduce_variance", "torch.var", result="documented-difference", note="tf.math.reduce_variance is the population variance; torch.var divides by n - 1 unless correction=0.")
def test_variance_correction():
    differ(tf.math.reduce_variance(X, axis=1), torch.var(t(X), dim=1))
    close(tf.math.reduce_variance(X, axis=1), torch.var(t(X), dim=1, correction=0))


@pair("tensorflow.math.reduce_std", "torch.std", result="documented-difference", note="tf.math.reduce_std is the population standard deviation; torch.std divides by n - 1 unless correction=0.")
def test_std_correction():
    differ(tf.math.reduce_std(X, axis=1), torch.std(t(X), dim=1))
    close(tf.math.reduce_std(X, axis=1), torch.std(t(X), dim=1, correction=0))


@pair("tensorflow.nn.moments", "torch.var_mean", result="documented-difference", note="tf.nn.moments returns (mean, population variance); torch.var_mean returns (unbiased variance, mean).")
def test_moments():
    mean, variance = tf.nn.moments(X, axes=[1])
    var, mu = torch.var_mean(t(X), dim=1)
    close(mean, mu)
    differ(variance, var)
    close(variance, torch.var_mean(t(X), dim=1, correction=0)[0])


@pair("tensorflow.pad", "torch.nn.functional.pad", note="tf.pad lists (before, after) per dimension from the first; F.pad lists pairs from the last dimension backwards.")
def test_pad():
    close(tf.pad(X, [[1, 0], [2, 3]]), F.pad(t(X), (2, 3, 1, 0)))
    close(tf.pad(X, [[1, 1], [1, 1]], mode="REFLECT"), F.pad(t(X)[None], (1, 1, 1, 1), mode="reflect")[0])


@pair("tensorflow.linalg.svd", "torch.linalg.svd", result="documented-difference", note="tf.linalg.svd returns (s, u, v) with v not transposed; torch.linalg.svd returns (U, S, Vh). Singular vectors are only defined up to sign, so compare the reconstruction.")
def test_svd():
    s, u, v = tf.linalg.svd(M)
    U, S, Vh = torch.linalg.svd(t(M), full_matrices=False)
    close(s, S)
    close(to_np(u) @ np.diag(to_np(s)) @ to_np(v).T, (U @ torch.diag(S) @ Vh), atol=1e-4)
    assert tuple(v.shape) == (5, 4) and tuple(Vh.shape) == (4, 5)


@pair("tensorflow.linalg.eigh", "torch.linalg.eigh", note="Symmetric matrix: eigenvalues equal (ascending in both), eigenvectors equal up to sign.")
def test_eigh():
    sym = M @ M.T
    tf_w, tf_v = tf.linalg.eigh(sym)
    torch_w, torch_v = torch.linalg.eigh(t(sym))
    close(tf_w, torch_w, atol=1e-4)
    close(np.abs(to_np(tf_v)), np.abs(to_np(torch_v)), atol=1e-4)


@pair("tensorflow.linalg.qr", "torch.linalg.qr", note="Reduced QR of a 4x5 matrix: Q and R equal up to the sign of each column/row.")
def test_qr():
    tf_q, tf_r = tf.linalg.qr(M)
    torch_q, torch_r = torch.linalg.qr(t(M))
    close(np.abs(to_np(tf_q)), np.abs(to_np(torch_q)), atol=1e-4)
    close(np.abs(to_np(tf_r)), np.abs(to_np(torch_r)), atol=1e-4)


@pair("tensorflow.linalg.lstsq", "torch.linalg.lstsq", note="Overdetermined 6x3 system: least-squares solutions equal (torch returns a named tuple, read .solution).")
def test_lstsq():
    a, b = randn(6, 3, seed=9), randn(6, 2, seed=10)
    close(tf.linalg.lstsq(a, b), torch.linalg.lstsq(t(a), t(b)).solution, atol=1e-4)


@pair("tensorflow.image.resize", "torch.nn.functional.interpolate", note="TF 2 resizes with half-pixel centres, which is PyTorch's align_corners=False; neither antialiases by default.")
def test_resize_bilinear():
    images = randn(2, 5, 7, 3)
    close(tf.image.resize(images, (10, 9)), np.moveaxis(to_np(F.interpolate(t(np.moveaxis(images, -1, 1)), size=(10, 9), mode="bilinear", align_corners=False)), 1, -1), atol=1e-5)


@pair("tensorflow.image.resize", "torch.nn.functional.interpolate", result="documented-difference", variant="nearest", note="TF's \"nearest\" rounds half-pixel centres, which is PyTorch's \"nearest-exact\"; PyTorch's \"nearest\" floors.")
def test_resize_nearest():
    images = randn(1, 5, 5, 1)
    tf_out = tf.image.resize(images, (3, 3), method="nearest")
    as_nchw = t(np.moveaxis(images, -1, 1))
    close(tf_out, np.moveaxis(to_np(F.interpolate(as_nchw, size=(3, 3), mode="nearest-exact")), 1, -1))
    differ(tf_out, np.moveaxis(to_np(F.interpolate(as_nchw, size=(3, 3), mode="nearest")), 1, -1))


@pair("tensorflow.nn.embedding_lookup", "torch.nn.functional.embedding", note="Argument order differs (params, ids) vs (input ids, weight); results equal.")
def test_embedding_lookup():
    close(tf.nn.embedding_lookup(M, INTS), F.embedding(torch.tensor(INTS), t(M)))


@pair("tensorflow.nn.depth_to_space", "torch.nn.functional.pixel_shuffle", result="documented-difference", note="Beyond the NHWC/NCHW transposition the channel order differs: TF reads input channel (i*r + j)*C + c for output channel c at block offset (i, j), pixel_shuffle reads c*r*r + i*r + j. Equal for one output channel, or after reordering the input channels.")
def test_depth_to_space():
    r, c_out = 2, 2
    x = randn(1, 2, 3, r * r * c_out)
    tf_out = tf.nn.depth_to_space(x, r)
    shuffle = lambda a: np.moveaxis(to_np(F.pixel_shuffle(t(np.moveaxis(a, -1, 1)), r)), 1, -1)  # noqa: E731
    differ(tf_out, shuffle(x))
    order = [s * c_out + c for c in range(c_out) for s in range(r * r)]
    close(tf_out, shuffle(x[..., order]))
    close(tf.nn.depth_to_space(x[..., :4], r), shuffle(x[..., :4]))


@pair("tensorflow.nn.batch_normalization", "torch.nn.functional.batch_norm", note="Given mean, variance, offset, scale and epsilon: equal. TF orders (mean, variance, offset, scale), PyTorch (running_mean, running_var, weight, bias).")
def test_batch_normalization_function():
    x, mean, var = randn(6, 4), randn(4, seed=1), np.abs(randn(4, seed=2)) + 0.5
    gamma, beta = randn(4, seed=3), randn(4, seed=4)
    close(tf.nn.batch_normalization(x, mean, var, beta, gamma, 1e-5), F.batch_norm(t(x), t(mean), t(var), t(gamma), t(beta), eps=1e-5))


@pair("tensorflow.nn.conv2d", "torch.nn.functional.conv2d", note="Filters are (h, w, in, out) in TF and (out, in, h, w) in PyTorch; data NHWC vs NCHW.")
def test_conv2d_function():
    x, k = randn(2, 6, 6, 3), randn(3, 3, 3, 4, seed=1)
    out = F.conv2d(t(np.moveaxis(x, -1, 1)), t(k.transpose(3, 2, 0, 1)), padding=1)
    close(tf.nn.conv2d(x, k, strides=1, padding="SAME"), np.moveaxis(to_np(out), 1, -1))


@pair("tensorflow.nn.conv1d", "torch.nn.functional.conv1d", note="NWC vs NCW data, filters (k, in, out) vs (out, in, k), VALID padding; equal.")
def test_conv1d_function():
    x, k = randn(2, 9, 3), randn(3, 3, 4, seed=1)
    close(tf.nn.conv1d(x, k, stride=1, padding="VALID"), np.moveaxis(to_np(F.conv1d(t(np.moveaxis(x, -1, 1)), t(k.transpose(2, 1, 0)))), 1, -1))


@pair("tensorflow.nn.conv3d", "torch.nn.functional.conv3d", note="NDHWC vs NCDHW data, filters (d, h, w, in, out) vs (out, in, d, h, w); equal.")
def test_conv3d_function():
    x, k = randn(1, 4, 5, 5, 2), randn(2, 2, 2, 2, 3, seed=1)
    out = F.conv3d(t(np.moveaxis(x, -1, 1)), t(k.transpose(4, 3, 0, 1, 2)))
    close(tf.nn.conv3d(x, k, strides=[1, 1, 1, 1, 1], padding="VALID"), np.moveaxis(to_np(out), 1, -1))


@pair("tensorflow.nn.conv2d_transpose", "torch.nn.functional.conv_transpose2d", note="TF takes the output shape explicitly and filters (h, w, out, in); PyTorch weights are (in, out, h, w).")
def test_conv2d_transpose_function():
    x, k = randn(2, 4, 4, 3), randn(3, 3, 5, 3, seed=1)
    tf_out = tf.nn.conv2d_transpose(x, k, output_shape=[2, 9, 9, 5], strides=2, padding="VALID")
    torch_out = F.conv_transpose2d(t(np.moveaxis(x, -1, 1)), t(k.transpose(3, 2, 0, 1)), stride=2)
    close(tf_out, np.moveaxis(to_np(torch_out), 1, -1))


@pair("tensorflow.nn.depthwise_conv2d", "torch.nn.functional.conv2d", note="Depthwise filter (h, w, in, multiplier) as grouped conv2d weight (in*multiplier, 1, h, w) with groups=in; equal.")
def test_depthwise_conv2d_function():
    x, k = randn(2, 5, 5, 3), randn(3, 3, 3, 2, seed=1)
    tf_out = tf.nn.depthwise_conv2d(x, k, strides=[1, 1, 1, 1], padding="VALID")
    weight = t(k.reshape(3, 3, 6).transpose(2, 0, 1)[:, None])
    close(tf_out, np.moveaxis(to_np(F.conv2d(t(np.moveaxis(x, -1, 1)), weight, groups=3)), 1, -1))


@pair("keras.layers.Discretization", "torch.bucketize", result="documented-difference", note="A value equal to a boundary goes to the upper bin in Keras; torch.bucketize needs right=True for that.")
def test_discretization():
    values = np.array([[0.0, 1.0, 1.5, 2.0, 3.0]], dtype="float32")
    keras_bins = keras.layers.Discretization(bin_boundaries=[1.0, 2.0])(values)
    close(keras_bins, torch.bucketize(t(values), t([1.0, 2.0]), right=True))
    differ(keras_bins, torch.bucketize(t(values), t([1.0, 2.0])))
