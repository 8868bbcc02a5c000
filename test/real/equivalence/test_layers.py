"""Keras layers against torch.nn modules: same weights and inputs, layouts transposed where they differ."""

import numpy as np
import pytest

from equiv import F, case, close, differ, keras, nchw, nhwc, pair, randn, t, tf, to_np, torch


def with_weights(layer, input_shape, weights):
    layer.build(input_shape)
    layer.set_weights(weights)
    return layer


# Dense / Linear


@pair("keras.layers.Dense", "torch.nn.Linear", note="Same input, kernel copied as weight.T and the same bias; outputs equal.")
def test_dense_linear():
    x, kernel, bias = randn(4, 6), randn(6, 3, seed=1), randn(3, seed=2)
    dense = with_weights(keras.layers.Dense(3), (None, 6), [kernel, bias])
    linear = torch.nn.Linear(6, 3)
    with torch.no_grad():
        linear.weight.copy_(t(kernel.T))
        linear.bias.copy_(t(bias))
    close(dense(x), linear(t(x)))


@pair("keras.layers.Dense", "torch.nn.Linear", result="documented-difference", variant="weight-layout", note="Dense.kernel is (in, out); Linear.weight is (out, in): transpose when porting weights.")
def test_dense_kernel_layout():
    dense = keras.layers.Dense(3)
    dense.build((None, 6))
    assert tuple(dense.kernel.shape) == (6, 3)  # (in, out)
    assert tuple(torch.nn.Linear(6, 3).weight.shape) == (3, 6)  # (out, in)


# Convolutions: Keras is channels-last with kernels (..., in, out); PyTorch channels-first with (out, in, ...).


@pair("keras.layers.Conv1D", "torch.nn.Conv1d", note="NWC input vs NCW, kernel (k, in, out) vs weight (out, in, k), padding=\"same\" on both; equal after transposing.")
def test_conv1d():
    x, k, b = randn(2, 10, 3), randn(3, 3, 4, seed=1), randn(4, seed=2)
    conv = with_weights(keras.layers.Conv1D(4, 3, padding="same"), (None, 10, 3), [k, b])
    tconv = torch.nn.Conv1d(3, 4, 3, padding="same")
    with torch.no_grad():
        tconv.weight.copy_(t(k.transpose(2, 1, 0)))
        tconv.bias.copy_(t(b))
    close(conv(x), nhwc(tconv(t(nchw(x)))))


@pair("keras.layers.Conv2D", "torch.nn.Conv2d", note="NHWC vs NCHW input, kernel (h, w, in, out) vs weight (out, in, h, w), stride 2, valid padding; equal after transposing.")
def test_conv2d():
    x, k, b = randn(2, 8, 8, 3), randn(3, 3, 3, 5, seed=1), randn(5, seed=2)
    conv = with_weights(keras.layers.Conv2D(5, 3, strides=2), (None, 8, 8, 3), [k, b])
    tconv = torch.nn.Conv2d(3, 5, 3, stride=2)
    with torch.no_grad():
        tconv.weight.copy_(t(k.transpose(3, 2, 0, 1)))
        tconv.bias.copy_(t(b))
    close(conv(x), nhwc(tconv(t(nchw(x)))))


@pair("keras.layers.Conv3D", "torch.nn.Conv3d", note="NDHWC vs NCDHW input, kernel (d, h, w, in, out) vs weight (out, in, d, h, w); equal after transposing.")
def test_conv3d():
    x, k, b = randn(1, 5, 6, 6, 2), randn(2, 3, 3, 2, 4, seed=1), randn(4, seed=2)
    conv = with_weights(keras.layers.Conv3D(4, (2, 3, 3)), (None, 5, 6, 6, 2), [k, b])
    tconv = torch.nn.Conv3d(2, 4, (2, 3, 3))
    with torch.no_grad():
        tconv.weight.copy_(t(k.transpose(4, 3, 0, 1, 2)))
        tconv.bias.copy_(t(b))
    close(conv(x), nhwc(tconv(t(nchw(x)))))


@pair("keras.layers.Conv1DTranspose", "torch.nn.ConvTranspose1d", note="Transposed kernels are (k, out, in) in Keras and (in, out, k) in PyTorch.")
def test_conv1d_transpose():
    x, k, b = randn(2, 6, 3), randn(3, 4, 3, seed=1), randn(4, seed=2)
    conv = with_weights(keras.layers.Conv1DTranspose(4, 3, strides=2), (None, 6, 3), [k, b])
    tconv = torch.nn.ConvTranspose1d(3, 4, 3, stride=2)
    with torch.no_grad():
        tconv.weight.copy_(t(k.transpose(2, 1, 0)))
        tconv.bias.copy_(t(b))
    close(conv(x), nhwc(tconv(t(nchw(x)))))


@pair("keras.layers.Conv2DTranspose", "torch.nn.ConvTranspose2d", note="Stride 2, valid padding; kernel (h, w, out, in) vs weight (in, out, h, w), NHWC vs NCHW; equal after transposing.")
def test_conv2d_transpose():
    x, k, b = randn(2, 5, 5, 3), randn(3, 3, 4, 3, seed=1), randn(4, seed=2)
    conv = with_weights(keras.layers.Conv2DTranspose(4, 3, strides=2), (None, 5, 5, 3), [k, b])
    tconv = torch.nn.ConvTranspose2d(3, 4, 3, stride=2)
    with torch.no_grad():
        tconv.weight.copy_(t(k.transpose(3, 2, 0, 1)))
        tconv.bias.copy_(t(b))
    close(conv(x), nhwc(tconv(t(nchw(x)))))


@pair("keras.layers.Conv3DTranspose", "torch.nn.ConvTranspose3d", note="Stride 2; kernel (d, h, w, out, in) vs weight (in, out, d, h, w), channels-last vs channels-first; equal after transposing.")
def test_conv3d_transpose():
    x, k, b = randn(1, 3, 4, 4, 2), randn(2, 2, 2, 3, 2, seed=1), randn(3, seed=2)
    conv = with_weights(keras.layers.Conv3DTranspose(3, 2, strides=2), (None, 3, 4, 4, 2), [k, b])
    tconv = torch.nn.ConvTranspose3d(2, 3, 2, stride=2)
    with torch.no_grad():
        tconv.weight.copy_(t(k.transpose(4, 3, 0, 1, 2)))
        tconv.bias.copy_(t(b))
    close(conv(x), nhwc(tconv(t(nchw(x)))))


@pair("keras.layers.DepthwiseConv2D", "torch.nn.Conv2d", note="A depthwise kernel (kh, kw, in, multiplier) is a grouped Conv2d with groups=in and weight (in*multiplier, 1, kh, kw).")
def test_depthwise_conv2d():
    x, k, b = randn(2, 6, 6, 3), randn(3, 3, 3, 2, seed=1), randn(6, seed=2)
    conv = with_weights(keras.layers.DepthwiseConv2D(3, depth_multiplier=2), (None, 6, 6, 3), [k, b])
    tconv = torch.nn.Conv2d(3, 6, 3, groups=3)
    with torch.no_grad():
        tconv.weight.copy_(t(k.reshape(3, 3, 6).transpose(2, 0, 1)[:, None]))
        tconv.bias.copy_(t(b))
    close(conv(x), nhwc(tconv(t(nchw(x)))))


@pair("keras.layers.SeparableConv2D", "torch.nn.Conv2d", note="SeparableConv2D = depthwise Conv2d (groups=in) followed by a 1x1 Conv2d.")
def test_separable_conv2d():
    x, dk, pk, b = randn(2, 6, 6, 3), randn(3, 3, 3, 1, seed=1), randn(1, 1, 3, 4, seed=2), randn(4, seed=3)
    conv = with_weights(keras.layers.SeparableConv2D(4, 3), (None, 6, 6, 3), [dk, pk, b])
    depthwise = torch.nn.Conv2d(3, 3, 3, groups=3, bias=False)
    pointwise = torch.nn.Conv2d(3, 4, 1)
    with torch.no_grad():
        depthwise.weight.copy_(t(dk.reshape(3, 3, 3).transpose(2, 0, 1)[:, None]))
        pointwise.weight.copy_(t(pk.transpose(3, 2, 0, 1)))
        pointwise.bias.copy_(t(b))
    close(conv(x), nhwc(pointwise(depthwise(t(nchw(x))))))


# Pooling


@pytest.mark.parametrize(
    "keras_layer, torch_layer, rank",
    [
        case("MaxPooling1D", "MaxPool1d", 1, tensorflow="keras.layers.MaxPooling1D", pytorch="torch.nn.MaxPool1d", note="Window 2 (strides default to the window in both), channels-last vs channels-first; equal."),
        case("MaxPooling2D", "MaxPool2d", 2, tensorflow="keras.layers.MaxPooling2D", pytorch="torch.nn.MaxPool2d", note="Window 2 (strides default to the window in both), NHWC vs NCHW; equal."),
        case("MaxPooling3D", "MaxPool3d", 3, tensorflow="keras.layers.MaxPooling3D", pytorch="torch.nn.MaxPool3d", note="Window 2 (strides default to the window in both), NDHWC vs NCDHW; equal."),
        case("AveragePooling1D", "AvgPool1d", 1, tensorflow="keras.layers.AveragePooling1D", pytorch="torch.nn.AvgPool1d", note="Window 2, valid padding, channels-last vs channels-first; equal."),
        case("AveragePooling2D", "AvgPool2d", 2, tensorflow="keras.layers.AveragePooling2D", pytorch="torch.nn.AvgPool2d", note="Window 2, valid padding, NHWC vs NCHW; equal."),
        case("AveragePooling3D", "AvgPool3d", 3, tensorflow="keras.layers.AveragePooling3D", pytorch="torch.nn.AvgPool3d", note="Window 2, valid padding, NDHWC vs NCDHW; equal."),
    ],
)
def test_pooling(keras_layer, torch_layer, rank):
    x = randn(2, *([6] * rank), 3)
    pooled = getattr(keras.layers, keras_layer)(pool_size=2)(x)  # strides default to pool_size in both
    close(pooled, nhwc(getattr(torch.nn, torch_layer)(2)(t(nchw(x)))))


@pytest.mark.parametrize(
    "keras_layer, torch_layer, rank",
    [
        case("GlobalAveragePooling1D", "AdaptiveAvgPool1d", 1, tensorflow="keras.layers.GlobalAveragePooling1D", pytorch="torch.nn.AdaptiveAvgPool1d", note="Keras returns (N, C); AdaptiveAvgPool1d(1) returns (N, C, 1): equal after flattening."),
        case("GlobalAveragePooling2D", "AdaptiveAvgPool2d", 2, tensorflow="keras.layers.GlobalAveragePooling2D", pytorch="torch.nn.AdaptiveAvgPool2d", note="Keras returns (N, C); AdaptiveAvgPool2d(1) returns (N, C, 1, 1): equal after flattening."),
        case("GlobalMaxPooling2D", "AdaptiveMaxPool2d", 2, tensorflow="keras.layers.GlobalMaxPooling2D", pytorch="torch.nn.AdaptiveMaxPool2d", note="Keras returns (N, C); AdaptiveMaxPool2d(1) returns (N, C, 1, 1): equal after flattening."),
    ],
)
def test_global_pooling(keras_layer, torch_layer, rank):
    # Keras drops the pooled axes, (N, C); the adaptive pools keep them as size 1, (N, C, 1, ...).
    x = randn(2, *([5] * rank), 3)
    out = getattr(torch.nn, torch_layer)(1)(t(nchw(x)))
    assert tuple(out.shape) == (2, 3) + (1,) * rank
    close(getattr(keras.layers, keras_layer)()(x), out.flatten(1))


@pair("tensorflow.nn.max_pool", "torch.nn.functional.max_pool2d", note="3x3 window, stride 2, VALID padding on NHWC vs NCHW; equal.")
def test_tf_max_pool():
    x = randn(2, 6, 6, 3)
    close(tf.nn.max_pool(x, ksize=3, strides=2, padding="VALID"), nhwc(F.max_pool2d(t(nchw(x)), 3, 2)))


@pair("tensorflow.nn.avg_pool", "torch.nn.functional.avg_pool2d", note="2x2 window, stride 2, VALID padding on NHWC vs NCHW; equal.")
def test_tf_avg_pool():
    x = randn(2, 6, 6, 3)
    close(tf.nn.avg_pool(x, ksize=2, strides=2, padding="VALID"), nhwc(F.avg_pool2d(t(nchw(x)), 2, 2)))


# Normalisation


def _batchnorm_pair(channels, momentum_keras=0.99, eps=1e-3):
    gamma, beta = randn(channels, seed=3), randn(channels, seed=4)
    mean, var = randn(channels, seed=5), np.abs(randn(channels, seed=6)) + 0.5
    bn = keras.layers.BatchNormalization(momentum=momentum_keras, epsilon=eps)
    bn.build((None, 4, 4, channels))
    bn.set_weights([gamma, beta, mean, var])
    tbn = torch.nn.BatchNorm2d(channels, eps=eps, momentum=1 - momentum_keras)
    with torch.no_grad():
        tbn.weight.copy_(t(gamma))
        tbn.bias.copy_(t(beta))
        tbn.running_mean.copy_(t(mean))
        tbn.running_var.copy_(t(var))
    return bn, tbn


@pair("keras.layers.BatchNormalization", "torch.nn.BatchNorm2d", variant="eval", note="Inference mode with the same gamma, beta, moving mean and variance and the same epsilon; equal.")
def test_batchnorm_eval():
    x = randn(4, 4, 4, 3)
    bn, tbn = _batchnorm_pair(3)
    close(bn(x, training=False), nhwc(tbn.eval()(t(nchw(x)))))


@pair("keras.layers.BatchNormalization", "torch.nn.BatchNorm2d", result="documented-difference", variant="train", note="Training-mode outputs agree (batch statistics, biased variance), and so does the moving mean once Keras momentum m is PyTorch momentum 1 - m. The moving variance differs: PyTorch stores the unbiased batch variance.")
def test_batchnorm_train():
    x = randn(4, 4, 4, 3)
    bn, tbn = _batchnorm_pair(3, momentum_keras=0.9)
    close(bn(x, training=True), nhwc(tbn.train()(t(nchw(x)))), atol=1e-4)
    close(bn.moving_mean, tbn.running_mean)
    n = x.size // 3
    batch_var = x.reshape(-1, 3).var(axis=0)
    close(bn.moving_variance, 0.9 * to_np(_batchnorm_pair(3)[0].moving_variance) + 0.1 * batch_var)
    close(tbn.running_var, 0.9 * to_np(_batchnorm_pair(3)[1].running_var) + 0.1 * batch_var * n / (n - 1))
    differ(bn.moving_variance, tbn.running_var, atol=1e-6)


@pair("keras.layers.BatchNormalization", "torch.nn.BatchNorm2d", result="documented-difference", variant="defaults", note="Defaults: Keras momentum 0.99 and epsilon 1e-3 (momentum weights the old average); PyTorch momentum 0.1 and eps 1e-5 (momentum weights the new batch). Keras m is PyTorch 1 - m.")
def test_batchnorm_defaults():
    bn, tbn = keras.layers.BatchNormalization(), torch.nn.BatchNorm2d(3)
    assert (bn.momentum, bn.epsilon) == (0.99, 1e-3)  # weight kept for the old moving average
    assert (tbn.momentum, tbn.eps) == (0.1, 1e-5)  # weight given to the new batch statistic


@pair("keras.layers.BatchNormalization", "torch.nn.BatchNorm1d", note="(N, C) features in inference mode with the same statistics and epsilon 1e-5; equal.")
def test_batchnorm1d_eval():
    x = randn(8, 5)
    gamma, beta, mean, var = randn(5, seed=1), randn(5, seed=2), randn(5, seed=3), np.abs(randn(5, seed=4)) + 0.5
    bn = with_weights(keras.layers.BatchNormalization(epsilon=1e-5), (None, 5), [gamma, beta, mean, var])
    tbn = torch.nn.BatchNorm1d(5).eval()
    with torch.no_grad():
        for p, v in ((tbn.weight, gamma), (tbn.bias, beta), (tbn.running_mean, mean), (tbn.running_var, var)):
            p.copy_(t(v))
    close(bn(x, training=False), tbn(t(x)))


@pair("keras.layers.LayerNormalization", "torch.nn.LayerNorm", note="Last-axis normalisation with the same gamma, beta and epsilon 1e-5; equal.")
def test_layernorm():
    x, gamma, beta = randn(4, 6), randn(6, seed=1), randn(6, seed=2)
    ln = with_weights(keras.layers.LayerNormalization(epsilon=1e-5), (None, 6), [gamma, beta])
    tln = torch.nn.LayerNorm(6)
    with torch.no_grad():
        tln.weight.copy_(t(gamma))
        tln.bias.copy_(t(beta))
    close(ln(x), tln(t(x)))


@pair("keras.layers.LayerNormalization", "torch.nn.LayerNorm", result="documented-difference", variant="defaults", note="Default epsilon is 1e-3 in Keras and 1e-5 in PyTorch; on low-variance inputs the outputs differ.")
def test_layernorm_defaults():
    x = randn(4, 6) * 0.05  # small variance makes the epsilon visible
    assert keras.layers.LayerNormalization().epsilon == 1e-3 and torch.nn.LayerNorm(6).eps == 1e-5
    differ(keras.layers.LayerNormalization()(x), torch.nn.LayerNorm(6)(t(x)), atol=1e-3)


@pair("keras.layers.GroupNormalization", "torch.nn.GroupNorm", note="3 groups over 6 channels, same gamma and beta, epsilon set to 1e-5 (Keras default 1e-3); equal after NHWC/NCHW transposition.")
def test_groupnorm():
    x, gamma, beta = randn(2, 4, 4, 6), randn(6, seed=1), randn(6, seed=2)
    gn = with_weights(keras.layers.GroupNormalization(groups=3, epsilon=1e-5), (None, 4, 4, 6), [gamma, beta])
    tgn = torch.nn.GroupNorm(3, 6)
    with torch.no_grad():
        tgn.weight.copy_(t(gamma))
        tgn.bias.copy_(t(beta))
    close(gn(x), nhwc(tgn(t(nchw(x)))), atol=1e-4)
    assert keras.layers.GroupNormalization().epsilon == 1e-3 and tgn.eps == 1e-5


# Dropout


@pair("keras.layers.Dropout", "torch.nn.Dropout", variant="eval", note="training=False vs module.eval(): both return the input unchanged.")
def test_dropout_eval():
    x = randn(4, 10)
    close(keras.layers.Dropout(0.5)(x, training=False), torch.nn.Dropout(0.5).eval()(t(x)))
    close(x, torch.nn.Dropout(0.5).eval()(t(x)))


@pair("keras.layers.Dropout", "torch.nn.Dropout", variant="train-scaling", note="Both zero a fraction `rate`/`p` and scale survivors by 1 / (1 - rate).")
def test_dropout_train_scaling():
    x = np.ones((64, 64), dtype="float32")
    k, p = to_np(keras.layers.Dropout(0.25)(x, training=True)), to_np(torch.nn.Dropout(0.25).train()(t(x)))
    close(np.unique(k), np.unique(p))
    assert abs((k == 0).mean() - 0.25) < 0.05 and abs((p == 0).mean() - 0.25) < 0.05


@pair("keras.layers.SpatialDropout2D", "torch.nn.Dropout2d", variant="eval", note="Inference mode: both return the input unchanged.")
def test_spatial_dropout2d_eval():
    x = randn(2, 4, 4, 3)
    close(keras.layers.SpatialDropout2D(0.5)(x, training=False), nhwc(torch.nn.Dropout2d(0.5).eval()(t(nchw(x)))))


@pair("keras.layers.SpatialDropout1D", "torch.nn.Dropout1d", result="documented-difference", note="On the same (N, L, C) array Keras drops channels (columns over L); Dropout1d reads dim 1 as channels and drops rows.")
def test_spatial_dropout1d_layout():
    x = np.ones((2, 50, 40), dtype="float32")
    k = to_np(keras.layers.SpatialDropout1D(0.5)(x, training=True))
    p = to_np(torch.nn.Dropout1d(0.5).train()(t(x)))
    assert (k == k[:, :1, :]).all() and not (k == k[:, :, :1]).all()
    assert (p == p[:, :, :1]).all() and not (p == p[:, :1, :]).all()


@pair("keras.layers.AlphaDropout", "torch.nn.AlphaDropout", variant="eval", note="Inference mode: both return the input unchanged.")
def test_alpha_dropout_eval():
    x = randn(4, 6)
    close(keras.layers.AlphaDropout(0.3)(x, training=False), torch.nn.AlphaDropout(0.3).eval()(t(x)))


# Embeddings, reshaping, padding, upsampling


@pair("keras.layers.Embedding", "torch.nn.Embedding", note="Same table and integer ids; the looked-up vectors are equal.")
def test_embedding():
    table, ids = randn(10, 4), np.array([[1, 2, 9], [0, 0, 5]])
    emb = with_weights(keras.layers.Embedding(10, 4), (None, 3), [table])
    temb = torch.nn.Embedding(10, 4)
    with torch.no_grad():
        temb.weight.copy_(t(table))
    close(emb(ids), temb(torch.tensor(ids)))


@pair("keras.layers.Flatten", "torch.nn.Flatten", note="On the same array both keep the batch axis and flatten the rest in row-major order; equal.")
def test_flatten_same_array():
    x = randn(2, 3, 4, 5)
    close(keras.layers.Flatten()(x), torch.nn.Flatten()(t(x)))


@pair("keras.layers.Flatten", "torch.nn.Flatten", result="documented-difference", variant="native-layouts", note="The same image flattened in each framework's own layout gives the features in another order (h, w, c vs c, h, w), so Dense weights after a Flatten need permuting when ported.")
def test_flatten_native_layouts():
    x = randn(2, 3, 4, 5)
    k, p = keras.layers.Flatten()(x), torch.nn.Flatten()(t(nchw(x)))
    differ(k, p)
    close(np.sort(to_np(k), axis=1), np.sort(to_np(p), axis=1))


@pair("keras.layers.Reshape", "torch.nn.Unflatten", note="Reshape((3, 4)) vs Unflatten(1, (3, 4)) on (N, 12); equal.")
def test_reshape_unflatten():
    x = randn(2, 12)
    close(keras.layers.Reshape((3, 4))(x), torch.nn.Unflatten(1, (3, 4))(t(x)))


@pair("keras.layers.UpSampling2D", "torch.nn.Upsample", note="Nearest-neighbour upsampling by 2 (Keras default interpolation), NHWC vs NCHW; equal.")
def test_upsampling2d():
    x = randn(2, 3, 3, 2)
    close(keras.layers.UpSampling2D(2)(x), nhwc(torch.nn.Upsample(scale_factor=2, mode="nearest")(t(nchw(x)))))


@pair("keras.layers.ZeroPadding2D", "torch.nn.ZeroPad2d", note="Keras takes ((top, bottom), (left, right)); ZeroPad2d takes (left, right, top, bottom).")
def test_zero_padding2d():
    x = randn(1, 3, 3, 2)
    close(keras.layers.ZeroPadding2D(((1, 2), (3, 0)))(x), nhwc(torch.nn.ZeroPad2d((3, 0, 1, 2))(t(nchw(x)))))


@pair("keras.layers.Concatenate", "torch.cat", note="Concatenation on the last axis (Keras default axis=-1, torch needs dim=-1); equal.")
def test_concatenate():
    a, b = randn(2, 3), randn(2, 4, seed=1)
    close(keras.layers.Concatenate()([a, b]), torch.cat([t(a), t(b)], dim=-1))


@pair("keras.layers.Identity", "torch.nn.Identity", note="Both return the input.")
def test_identity():
    x = randn(3, 3)
    close(keras.layers.Identity()(x), torch.nn.Identity()(t(x)))


# Activation layers


@pair("keras.layers.ReLU", "torch.nn.ReLU", note="Default ReLU layers on the same input; equal.")
def test_relu_layer():
    x = randn(4, 5)
    close(keras.layers.ReLU()(x), torch.nn.ReLU()(t(x)))


@pair("keras.layers.Activation", "torch.nn.ReLU", note="Activation(\"relu\") vs nn.ReLU(); equal.")
def test_activation_layer():
    x = randn(4, 5)
    close(keras.layers.Activation("relu")(x), torch.nn.ReLU()(t(x)))


@pair("keras.layers.LeakyReLU", "torch.nn.LeakyReLU", result="documented-difference", note="Default negative slope is 0.3 in Keras and 0.01 in PyTorch; equal once negative_slope=0.01 is passed to Keras.")
def test_leaky_relu_layer_defaults():
    x = randn(4, 5)
    assert keras.layers.LeakyReLU().negative_slope == 0.3 and torch.nn.LeakyReLU().negative_slope == 0.01
    differ(keras.layers.LeakyReLU()(x), torch.nn.LeakyReLU()(t(x)))
    close(keras.layers.LeakyReLU(negative_slope=0.01)(x), torch.nn.LeakyReLU()(t(x)))


@pair("keras.layers.PReLU", "torch.nn.PReLU", result="documented-difference", note="Keras: one slope per input element (all axes but the batch), starting at 0; PyTorch: one shared slope at 0.25.")
def test_prelu():
    x = randn(2, 4, 4, 3)
    prelu = keras.layers.PReLU()
    y = prelu(x)
    assert tuple(prelu.alpha.shape) == (4, 4, 3) and float(np.abs(to_np(prelu.alpha)).max()) == 0.0
    tprelu = torch.nn.PReLU()
    assert tprelu.weight.numel() == 1 and float(tprelu.weight.detach()) == 0.25
    differ(y, nhwc(tprelu(t(nchw(x)))))
    # Per-channel slopes agree: Keras with shared_axes over H and W, PyTorch with num_parameters=C.
    slopes = randn(3, seed=1)
    shared = keras.layers.PReLU(shared_axes=[1, 2])
    shared.build((None, 4, 4, 3))
    shared.set_weights([slopes.reshape(1, 1, 3)])
    per_channel = torch.nn.PReLU(3)
    with torch.no_grad():
        per_channel.weight.copy_(t(slopes))
    close(shared(x), nhwc(per_channel(t(nchw(x)))))


@pair("keras.layers.ELU", "torch.nn.ELU", note="alpha 1.0 in both; equal.")
def test_elu_layer():
    x = randn(4, 5)
    close(keras.layers.ELU()(x), torch.nn.ELU()(t(x)))


@pair("keras.layers.Softmax", "torch.nn.Softmax", note="Softmax over the last axis (Keras default; PyTorch needs dim=-1); equal.")
def test_softmax_layer():
    x = randn(4, 5)
    close(keras.layers.Softmax()(x), torch.nn.Softmax(dim=-1)(t(x)))


# Recurrent layers: Keras kernels are (in, gates*units); PyTorch weight_ih (gates*hidden, in), batch_first=True here.


def _copy_rnn(module, suffix, kernel, recurrent, bias_ih, bias_hh):
    with torch.no_grad():
        getattr(module, f"weight_ih{suffix}").copy_(t(kernel.T))
        getattr(module, f"weight_hh{suffix}").copy_(t(recurrent.T))
        getattr(module, f"bias_ih{suffix}").copy_(t(bias_ih))
        getattr(module, f"bias_hh{suffix}").copy_(t(bias_hh))


@pair("keras.layers.SimpleRNN", "torch.nn.RNN", note="tanh RNN, batch_first=True, kernel.T as weight_ih, recurrent_kernel.T as weight_hh, bias as bias_ih with bias_hh zero; sequences equal.")
def test_simple_rnn():
    x, k, r, b = randn(2, 5, 3), randn(3, 4, seed=1), randn(4, 4, seed=2) * 0.5, randn(4, seed=3)
    rnn = with_weights(keras.layers.SimpleRNN(4, return_sequences=True), (None, 5, 3), [k, r, b])
    trnn = torch.nn.RNN(3, 4, batch_first=True)
    _copy_rnn(trnn, "_l0", k, r, b, np.zeros(4, "float32"))
    close(rnn(x), trnn(t(x))[0])


@pair("keras.layers.LSTM", "torch.nn.LSTM", note="Gate order is input, forget, cell, output in both; Keras has one bias, PyTorch two (set the second to zero).")
def test_lstm():
    x, k, r, b = randn(2, 5, 3), randn(3, 16, seed=1), randn(4, 16, seed=2), randn(16, seed=3)
    lstm = with_weights(keras.layers.LSTM(4, return_sequences=True), (None, 5, 3), [k, r, b])
    tlstm = torch.nn.LSTM(3, 4, batch_first=True)
    _copy_rnn(tlstm, "_l0", k, r, b, np.zeros(16, "float32"))
    close(lstm(x), tlstm(t(x))[0])


def _gru_to_torch(block):
    """Keras GRU gate blocks (update z, reset r, candidate) -> PyTorch order (reset r, update z, new n), last axis."""
    z, r, h = np.split(block, 3, axis=-1)
    return np.concatenate([r, z, h], axis=-1)


@pair("keras.layers.GRU", "torch.nn.GRU", note="Keras's default reset_after=True is PyTorch's formulation: reset gate applied after the recurrent matmul, with separate input and recurrent biases (Keras bias shape (2, 3*units)).")
def test_gru_reset_after():
    x, k, r, b = randn(2, 5, 3), randn(3, 12, seed=1), randn(4, 12, seed=2), randn(2, 12, seed=3)
    gru = with_weights(keras.layers.GRU(4, return_sequences=True), (None, 5, 3), [k, r, b])
    tgru = torch.nn.GRU(3, 4, batch_first=True)
    _copy_rnn(tgru, "_l0", _gru_to_torch(k), _gru_to_torch(r), _gru_to_torch(b[0]), _gru_to_torch(b[1]))
    close(gru(x), tgru(t(x))[0])


@pair("keras.layers.GRU", "torch.nn.GRU", result="documented-difference", variant="reset_after=False", note="reset_after=False (the TF1 formulation) resets the state before the recurrent matmul and has one bias: no weight mapping reproduces it in nn.GRU.")
def test_gru_reset_before():
    x, k, r, b = randn(2, 5, 3), randn(3, 12, seed=1), randn(4, 12, seed=2), randn(12, seed=3)
    gru = with_weights(keras.layers.GRU(4, return_sequences=True, reset_after=False), (None, 5, 3), [k, r, b])
    tgru = torch.nn.GRU(3, 4, batch_first=True)
    _copy_rnn(tgru, "_l0", _gru_to_torch(k), _gru_to_torch(r), _gru_to_torch(b), np.zeros(12, "float32"))
    differ(gru(x), tgru(t(x))[0], atol=1e-4)


@pair("keras.layers.Bidirectional", "torch.nn.LSTM", note="Bidirectional(LSTM) concatenates forward and backward outputs, as nn.LSTM(bidirectional=True) does.")
def test_bidirectional_lstm():
    x = randn(2, 5, 3)
    fw = [randn(3, 16, seed=1), randn(4, 16, seed=2), randn(16, seed=3)]
    bw = [randn(3, 16, seed=4), randn(4, 16, seed=5), randn(16, seed=6)]
    bi = keras.layers.Bidirectional(keras.layers.LSTM(4, return_sequences=True))
    bi.build((None, 5, 3))
    bi.set_weights(fw + bw)
    tlstm = torch.nn.LSTM(3, 4, batch_first=True, bidirectional=True)
    zeros = np.zeros(16, "float32")
    _copy_rnn(tlstm, "_l0", fw[0], fw[1], fw[2], zeros)
    _copy_rnn(tlstm, "_l0_reverse", bw[0], bw[1], bw[2], zeros)
    close(bi(x), tlstm(t(x))[0])


@pair("keras.layers.SimpleRNNCell", "torch.nn.RNNCell", note="One step from the same state with the RNN weight mapping; equal.")
def test_simple_rnn_cell():
    x, h, k, r, b = randn(2, 3), randn(2, 4, seed=9), randn(3, 4, seed=1), randn(4, 4, seed=2), randn(4, seed=3)
    cell = with_weights(keras.layers.SimpleRNNCell(4), (None, 3), [k, r, b])
    tcell = torch.nn.RNNCell(3, 4)
    _copy_rnn(tcell, "", k, r, b, np.zeros(4, "float32"))
    close(cell(x, [h])[0], tcell(t(x), t(h)))


@pair("keras.layers.LSTMCell", "torch.nn.LSTMCell", note="One step from the same (h, c) with the LSTM weight mapping (gate order i, f, c/g, o in both); h and c equal.")
def test_lstm_cell():
    x, h, c = randn(2, 3), randn(2, 4, seed=8), randn(2, 4, seed=9)
    k, r, b = randn(3, 16, seed=1), randn(4, 16, seed=2), randn(16, seed=3)
    cell = with_weights(keras.layers.LSTMCell(4), (None, 3), [k, r, b])
    tcell = torch.nn.LSTMCell(3, 4)
    _copy_rnn(tcell, "", k, r, b, np.zeros(16, "float32"))
    out, (h1, c1) = cell(x, [h, c])
    th, tc = tcell(t(x), (t(h), t(c)))
    close(h1, th)
    close(c1, tc)


@pair("keras.layers.GRUCell", "torch.nn.GRUCell", note="One step with reset_after=True; gate blocks reordered from (z, r, h) to (r, z, n), bias[0] as bias_ih and bias[1] as bias_hh; equal.")
def test_gru_cell():
    x, h = randn(2, 3), randn(2, 4, seed=9)
    k, r, b = randn(3, 12, seed=1), randn(4, 12, seed=2), randn(2, 12, seed=3)
    cell = with_weights(keras.layers.GRUCell(4), (None, 3), [k, r, b])
    tcell = torch.nn.GRUCell(3, 4)
    _copy_rnn(tcell, "", _gru_to_torch(k), _gru_to_torch(r), _gru_to_torch(b[0]), _gru_to_torch(b[1]))
    close(cell(x, [h])[0], tcell(t(x), t(h)))


# Attention


@pair("keras.layers.MultiHeadAttention", "torch.nn.MultiheadAttention", note="Keras keeps per-head projection kernels (d, heads, key_dim); PyTorch one packed in_proj_weight (3d, d).")
def test_multi_head_attention():
    d, heads = 8, 2
    q, v = randn(2, 5, d), randn(2, 6, d, seed=1)
    mha = keras.layers.MultiHeadAttention(num_heads=heads, key_dim=d // heads)
    mha(q, v)
    weights = [randn(*w.shape, seed=10 + i) * 0.3 for i, w in enumerate(mha.get_weights())]
    mha.set_weights(weights)
    wq, bq, wk, bk, wv, bv, wo, bo = weights
    tmha = torch.nn.MultiheadAttention(d, heads, batch_first=True)
    with torch.no_grad():
        tmha.in_proj_weight.copy_(t(np.concatenate([w.reshape(d, d).T for w in (wq, wk, wv)])))
        tmha.in_proj_bias.copy_(t(np.concatenate([b.reshape(d) for b in (bq, bk, bv)])))
        tmha.out_proj.weight.copy_(t(wo.reshape(d, d).T))
        tmha.out_proj.bias.copy_(t(bo))
    close(mha(q, v), tmha(t(q), t(v), t(v), need_weights=False)[0])


@pair("keras.layers.Attention", "torch.nn.functional.scaled_dot_product_attention", result="documented-difference", note="keras.layers.Attention does not scale the scores by default (use_scale=False); SDPA divides them by sqrt(d).")
def test_dot_product_attention_scale():
    q, k, v = randn(2, 4, 8), randn(2, 5, 8, seed=1), randn(2, 5, 8, seed=2)
    keras_out = keras.layers.Attention()([q, v, k])
    differ(keras_out, F.scaled_dot_product_attention(t(q), t(k), t(v)))
    close(keras_out, F.scaled_dot_product_attention(t(q), t(k), t(v), scale=1.0))
