"""Activations and losses: keras.activations / tf.nn / keras.losses against torch.nn.functional and torch.nn losses."""

import numpy as np
import pytest

from equiv import F, close, differ, keras, pair, randn, rng, t, tf, to_np, torch

X = randn(6, 7) * 3


@pytest.mark.parametrize(
    "tf_fn, torch_fn",
    [
        pytest.param(keras.activations.relu, F.relu, marks=pair("keras.activations.relu", "torch.nn.functional.relu")),
        pytest.param(keras.activations.elu, F.elu, marks=pair("keras.activations.elu", "torch.nn.functional.elu")),
        pytest.param(keras.activations.selu, F.selu, marks=pair("keras.activations.selu", "torch.nn.functional.selu")),
        pytest.param(keras.activations.gelu, F.gelu, marks=pair("keras.activations.gelu", "torch.nn.functional.gelu")),
        pytest.param(keras.activations.silu, F.silu, marks=pair("keras.activations.silu", "torch.nn.functional.silu")),
        pytest.param(keras.activations.sigmoid, torch.sigmoid, marks=pair("keras.activations.sigmoid", "torch.sigmoid")),
        pytest.param(keras.activations.tanh, torch.tanh, marks=pair("keras.activations.tanh", "torch.tanh")),
        pytest.param(keras.activations.softplus, F.softplus, marks=pair("keras.activations.softplus", "torch.nn.functional.softplus")),
        pytest.param(keras.activations.softmax, lambda x: F.softmax(x, dim=-1), marks=pair("keras.activations.softmax", "torch.nn.functional.softmax")),
        pytest.param(tf.nn.relu, F.relu, marks=pair("tensorflow.nn.relu", "torch.nn.functional.relu")),
        pytest.param(tf.nn.relu6, F.relu6, marks=pair("tensorflow.nn.relu6", "torch.nn.functional.relu6")),
        pytest.param(tf.nn.elu, F.elu, marks=pair("tensorflow.nn.elu", "torch.nn.functional.elu")),
        pytest.param(tf.nn.selu, F.selu, marks=pair("tensorflow.nn.selu", "torch.nn.functional.selu")),
        pytest.param(tf.nn.swish, F.silu, marks=pair("tensorflow.nn.swish", "torch.nn.functional.silu")),
        pytest.param(tf.nn.softplus, F.softplus, marks=pair("tensorflow.nn.softplus", "torch.nn.functional.softplus")),
        pytest.param(tf.nn.sigmoid, torch.sigmoid, marks=pair("tensorflow.nn.sigmoid", "torch.sigmoid")),
        pytest.param(tf.nn.softmax, lambda x: F.softmax(x, dim=-1), marks=pair("tensorflow.nn.softmax", "torch.nn.functional.softmax")),
        pytest.param(tf.nn.log_softmax, lambda x: F.log_softmax(x, dim=-1), marks=pair("tensorflow.nn.log_softmax", "torch.nn.functional.log_softmax")),
        pytest.param(tf.nn.gelu, F.gelu, marks=pair("tensorflow.nn.gelu", "torch.nn.functional.gelu")),
    ],
)
def test_activation(tf_fn, torch_fn):
    close(tf_fn(X), torch_fn(t(X)))


@pair("keras.activations.gelu", "torch.nn.functional.gelu", variant="tanh")
def test_gelu_tanh_approximation():
    # Both default to the exact (erf) form; approximate=True is PyTorch's approximate="tanh".
    close(keras.activations.gelu(X, approximate=True), F.gelu(t(X), approximate="tanh"))
    differ(keras.activations.gelu(X, approximate=True), F.gelu(t(X)), atol=1e-6)


@pair("tensorflow.nn.leaky_relu", "torch.nn.functional.leaky_relu", result="documented-difference")
def test_tf_leaky_relu_default_slope():
    # tf.nn.leaky_relu's alpha defaults to 0.2, PyTorch's negative_slope to 0.01 (and keras.layers.LeakyReLU to 0.3).
    differ(tf.nn.leaky_relu(X), F.leaky_relu(t(X)))
    close(tf.nn.leaky_relu(X), F.leaky_relu(t(X), negative_slope=0.2))


@pair("tensorflow.nn.l2_normalize", "torch.nn.functional.normalize")
def test_l2_normalize():
    close(tf.nn.l2_normalize(X, axis=-1), F.normalize(t(X), dim=-1))


# Losses. Keras losses take (y_true, y_pred); PyTorch losses (input, target).

LOGITS = randn(8, 5)
LABELS = rng(1).integers(0, 5, size=8)
PROBS = to_np(F.softmax(t(LOGITS), dim=-1))


@pair("keras.losses.SparseCategoricalCrossentropy", "torch.nn.CrossEntropyLoss")
def test_sparse_cce_logits():
    keras_loss = keras.losses.SparseCategoricalCrossentropy(from_logits=True)(LABELS, LOGITS)
    close(keras_loss, torch.nn.CrossEntropyLoss()(t(LOGITS), torch.tensor(LABELS)))


@pair("keras.losses.SparseCategoricalCrossentropy", "torch.nn.CrossEntropyLoss", result="documented-difference", variant="default-from_logits")
def test_sparse_cce_default_expects_probabilities():
    # Keras's default from_logits=False reads y_pred as probabilities; CrossEntropyLoss always takes logits.
    differ(keras.losses.SparseCategoricalCrossentropy()(LABELS, LOGITS), torch.nn.CrossEntropyLoss()(t(LOGITS), torch.tensor(LABELS)))
    close(keras.losses.SparseCategoricalCrossentropy()(LABELS, PROBS), torch.nn.CrossEntropyLoss()(t(LOGITS), torch.tensor(LABELS)))


@pair("keras.losses.SparseCategoricalCrossentropy", "torch.nn.NLLLoss")
def test_sparse_cce_probabilities_nll():
    # Probabilities in Keras correspond to log-probabilities in NLLLoss.
    keras_loss = keras.losses.SparseCategoricalCrossentropy()(LABELS, PROBS)
    close(keras_loss, torch.nn.NLLLoss()(torch.log(t(PROBS)), torch.tensor(LABELS)))


@pair("keras.losses.CategoricalCrossentropy", "torch.nn.CrossEntropyLoss")
def test_categorical_cce_soft_targets():
    # CrossEntropyLoss accepts class probabilities as the target (PyTorch 1.10+), like one-hot or soft labels in Keras.
    targets = to_np(F.softmax(t(randn(8, 5, seed=3)), dim=-1))
    keras_loss = keras.losses.CategoricalCrossentropy(from_logits=True)(targets, LOGITS)
    close(keras_loss, torch.nn.CrossEntropyLoss()(t(LOGITS), t(targets)))


@pair("keras.losses.sparse_categorical_crossentropy", "torch.nn.functional.cross_entropy")
def test_sparse_cce_function_per_sample():
    per_sample = keras.losses.sparse_categorical_crossentropy(LABELS, LOGITS, from_logits=True)
    close(per_sample, F.cross_entropy(t(LOGITS), torch.tensor(LABELS), reduction="none"))


BIN_LOGITS = randn(8, 3, seed=4)
BIN_TARGETS = (rng(5).random((8, 3)) > 0.5).astype("float32")


@pair("keras.losses.BinaryCrossentropy", "torch.nn.BCEWithLogitsLoss")
def test_bce_logits():
    keras_loss = keras.losses.BinaryCrossentropy(from_logits=True)(BIN_TARGETS, BIN_LOGITS)
    close(keras_loss, torch.nn.BCEWithLogitsLoss()(t(BIN_LOGITS), t(BIN_TARGETS)))


@pair("keras.losses.BinaryCrossentropy", "torch.nn.BCELoss")
def test_bce_probabilities():
    probs = to_np(torch.sigmoid(t(BIN_LOGITS)))
    close(keras.losses.BinaryCrossentropy()(BIN_TARGETS, probs), torch.nn.BCELoss()(t(probs), t(BIN_TARGETS)), atol=1e-5)


PRED, TARGET = randn(8, 4), randn(8, 4, seed=6) * 2


@pair("keras.losses.MeanSquaredError", "torch.nn.MSELoss")
def test_mse():
    close(keras.losses.MeanSquaredError()(TARGET, PRED), torch.nn.MSELoss()(t(PRED), t(TARGET)))


@pair("keras.losses.MeanAbsoluteError", "torch.nn.L1Loss")
def test_mae():
    close(keras.losses.MeanAbsoluteError()(TARGET, PRED), torch.nn.L1Loss()(t(PRED), t(TARGET)))


@pair("keras.losses.Huber", "torch.nn.HuberLoss")
def test_huber():
    close(keras.losses.Huber()(TARGET, PRED), torch.nn.HuberLoss()(t(PRED), t(TARGET)))
    close(keras.losses.Huber(delta=2.0)(TARGET, PRED), torch.nn.HuberLoss(delta=2.0)(t(PRED), t(TARGET)))


@pair("keras.losses.Huber", "torch.nn.SmoothL1Loss", result="documented-difference")
def test_huber_vs_smooth_l1():
    # SmoothL1Loss(beta) is Huber(delta=beta) divided by beta: equal only at delta = beta = 1.
    close(keras.losses.Huber()(TARGET, PRED), torch.nn.SmoothL1Loss()(t(PRED), t(TARGET)))
    huber2 = keras.losses.Huber(delta=2.0)(TARGET, PRED)
    differ(huber2, torch.nn.SmoothL1Loss(beta=2.0)(t(PRED), t(TARGET)))
    close(to_np(huber2) / 2.0, torch.nn.SmoothL1Loss(beta=2.0)(t(PRED), t(TARGET)))


P_TRUE = to_np(F.softmax(t(randn(8, 5, seed=7)), dim=-1))


@pair("keras.losses.KLDivergence", "torch.nn.KLDivLoss")
def test_kl_divergence():
    # KLDivLoss takes log-probabilities as input and needs reduction="batchmean" for the per-sample mean Keras returns.
    keras_loss = keras.losses.KLDivergence()(P_TRUE, PROBS)
    close(keras_loss, torch.nn.KLDivLoss(reduction="batchmean")(torch.log(t(PROBS)), t(P_TRUE)))


@pair("keras.losses.KLDivergence", "torch.nn.KLDivLoss", result="documented-difference", variant="default-reduction")
def test_kl_divergence_default_reduction():
    # KLDivLoss's default reduction="mean" averages over every element, i.e. divides the Keras value by the classes.
    keras_loss = keras.losses.KLDivergence()(P_TRUE, PROBS)
    default = torch.nn.KLDivLoss()(torch.log(t(PROBS)), t(P_TRUE))
    differ(keras_loss, default)
    close(to_np(keras_loss) / 5, default)


@pair("keras.losses.Poisson", "torch.nn.PoissonNLLLoss")
def test_poisson():
    # PoissonNLLLoss reads its input as a log-rate by default; log_input=False matches Keras's rate input.
    rate, counts = np.abs(PRED) + 0.1, np.abs(np.round(TARGET))
    close(keras.losses.Poisson()(counts, rate), torch.nn.PoissonNLLLoss(log_input=False)(t(rate), t(counts)))


@pair("keras.losses.CosineSimilarity", "torch.nn.CosineEmbeddingLoss", result="documented-difference")
def test_cosine_similarity_loss():
    # Keras returns the negated mean cosine similarity; CosineEmbeddingLoss with target 1 returns 1 - cosine.
    keras_loss = keras.losses.CosineSimilarity()(TARGET, PRED)
    torch_loss = torch.nn.CosineEmbeddingLoss()(t(PRED), t(TARGET), torch.ones(8))
    differ(keras_loss, torch_loss)
    close(to_np(keras_loss) + 1, torch_loss)


@pair("tensorflow.nn.softmax_cross_entropy_with_logits", "torch.nn.functional.cross_entropy")
def test_tf_softmax_cross_entropy():
    targets = to_np(F.one_hot(torch.tensor(LABELS), 5).float())
    close(tf.nn.softmax_cross_entropy_with_logits(targets, LOGITS), F.cross_entropy(t(LOGITS), t(targets), reduction="none"))


@pair("tensorflow.nn.sparse_softmax_cross_entropy_with_logits", "torch.nn.functional.cross_entropy")
def test_tf_sparse_softmax_cross_entropy():
    close(tf.nn.sparse_softmax_cross_entropy_with_logits(LABELS, LOGITS), F.cross_entropy(t(LOGITS), torch.tensor(LABELS), reduction="none"))


@pair("tensorflow.nn.sigmoid_cross_entropy_with_logits", "torch.nn.functional.binary_cross_entropy_with_logits")
def test_tf_sigmoid_cross_entropy():
    close(tf.nn.sigmoid_cross_entropy_with_logits(BIN_TARGETS, BIN_LOGITS), F.binary_cross_entropy_with_logits(t(BIN_LOGITS), t(BIN_TARGETS), reduction="none"))


@pair("tensorflow.nn.ctc_loss", "torch.nn.functional.ctc_loss")
def test_ctc_loss():
    # tf.nn.ctc_loss takes time-major logits and applies log-softmax itself; F.ctc_loss takes log-probabilities,
    # and its default reduction="mean" divides by target lengths, so compare per-sample losses. Blank is 0 in both.
    logits = randn(12, 2, 6)  # (time, batch, classes)
    labels = np.array([[1, 2, 3, 0], [4, 4, 5, 2]], dtype="int32")
    label_length, logit_length = np.array([3, 4], "int32"), np.array([12, 10], "int32")
    tf_loss = tf.nn.ctc_loss(labels, logits, label_length, logit_length)
    torch_loss = F.ctc_loss(F.log_softmax(t(logits), dim=-1), torch.tensor(labels, dtype=torch.long), torch.tensor(logit_length, dtype=torch.long), torch.tensor(label_length, dtype=torch.long), reduction="none")
    close(tf_loss, torch_loss, atol=1e-4)
