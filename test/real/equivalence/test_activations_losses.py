"""Activations and losses: keras.activations / tf.nn / keras.losses against torch.nn.functional and torch.nn losses."""

import numpy as np
import pytest

from equiv import F, case, close, differ, keras, pair, randn, rng, t, tf, to_np, torch

X = randn(6, 7) * 3


@pytest.mark.parametrize(
    "tf_fn, torch_fn",
    [
        case(keras.activations.relu, F.relu, tensorflow="keras.activations.relu", pytorch="torch.nn.functional.relu"),
        case(keras.activations.elu, F.elu, tensorflow="keras.activations.elu", pytorch="torch.nn.functional.elu"),
        case(keras.activations.selu, F.selu, tensorflow="keras.activations.selu", pytorch="torch.nn.functional.selu"),
        case(keras.activations.gelu, F.gelu, tensorflow="keras.activations.gelu", pytorch="torch.nn.functional.gelu", note="Both default to the exact (erf) GELU; equal."),
        case(keras.activations.silu, F.silu, tensorflow="keras.activations.silu", pytorch="torch.nn.functional.silu"),
        case(keras.activations.sigmoid, torch.sigmoid, tensorflow="keras.activations.sigmoid", pytorch="torch.sigmoid"),
        case(keras.activations.tanh, torch.tanh, tensorflow="keras.activations.tanh", pytorch="torch.tanh"),
        case(keras.activations.softplus, F.softplus, tensorflow="keras.activations.softplus", pytorch="torch.nn.functional.softplus"),
        case(keras.activations.softmax, lambda x: F.softmax(x, dim=-1), tensorflow="keras.activations.softmax", pytorch="torch.nn.functional.softmax", note="Softmax over the last axis (Keras default axis=-1; F.softmax given dim=-1); equal."),
        case(tf.nn.relu, F.relu, tensorflow="tensorflow.nn.relu", pytorch="torch.nn.functional.relu"),
        case(tf.nn.relu6, F.relu6, tensorflow="tensorflow.nn.relu6", pytorch="torch.nn.functional.relu6"),
        case(tf.nn.elu, F.elu, tensorflow="tensorflow.nn.elu", pytorch="torch.nn.functional.elu"),
        case(tf.nn.selu, F.selu, tensorflow="tensorflow.nn.selu", pytorch="torch.nn.functional.selu"),
        case(tf.nn.swish, F.silu, tensorflow="tensorflow.nn.swish", pytorch="torch.nn.functional.silu", note="swish(x) = x * sigmoid(x) = silu(x); equal."),
        case(tf.nn.softplus, F.softplus, tensorflow="tensorflow.nn.softplus", pytorch="torch.nn.functional.softplus"),
        case(tf.nn.sigmoid, torch.sigmoid, tensorflow="tensorflow.nn.sigmoid", pytorch="torch.sigmoid"),
        case(tf.nn.softmax, lambda x: F.softmax(x, dim=-1), tensorflow="tensorflow.nn.softmax", pytorch="torch.nn.functional.softmax", note="Softmax over the last axis (TF default; F.softmax given dim=-1); equal."),
        case(tf.nn.log_softmax, lambda x: F.log_softmax(x, dim=-1), tensorflow="tensorflow.nn.log_softmax", pytorch="torch.nn.functional.log_softmax", note="Log-softmax over the last axis; equal."),
        case(tf.nn.gelu, F.gelu, tensorflow="tensorflow.nn.gelu", pytorch="torch.nn.functional.gelu", note="tf.nn.gelu defaults to approximate=False, the exact form PyTorch uses by default; equal."),
    ],
)
def test_activation(tf_fn, torch_fn):
    close(tf_fn(X), torch_fn(t(X)))


@pair("keras.activations.gelu", "torch.nn.functional.gelu", variant="tanh", note="Both default to the exact (erf) form; approximate=True is PyTorch's approximate=\"tanh\".")
def test_gelu_tanh_approximation():
    close(keras.activations.gelu(X, approximate=True), F.gelu(t(X), approximate="tanh"))
    differ(keras.activations.gelu(X, approximate=True), F.gelu(t(X)), atol=1e-6)


@pair("tensorflow.nn.leaky_relu", "torch.nn.functional.leaky_relu", result="documented-difference", note="tf.nn.leaky_relu's alpha defaults to 0.2, PyTorch's negative_slope to 0.01 (and keras.layers.LeakyReLU to 0.3).")
def test_tf_leaky_relu_default_slope():
    differ(tf.nn.leaky_relu(X), F.leaky_relu(t(X)))
    close(tf.nn.leaky_relu(X), F.leaky_relu(t(X), negative_slope=0.2))


@pair("tensorflow.nn.l2_normalize", "torch.nn.functional.normalize", note="Rows scaled to unit L2 norm; TF axis=-1 is dim=-1; equal.")
def test_l2_normalize():
    close(tf.nn.l2_normalize(X, axis=-1), F.normalize(t(X), dim=-1))


# Losses. Keras losses take (y_true, y_pred); PyTorch losses (input, target).

LOGITS = randn(8, 5)
LABELS = rng(1).integers(0, 5, size=8)
PROBS = to_np(F.softmax(t(LOGITS), dim=-1))


@pair("keras.losses.SparseCategoricalCrossentropy", "torch.nn.CrossEntropyLoss", note="Integer labels and logits; Keras with from_logits=True equals CrossEntropyLoss (mean over the batch). Argument order (y_true, y_pred) vs (input, target).")
def test_sparse_cce_logits():
    keras_loss = keras.losses.SparseCategoricalCrossentropy(from_logits=True)(LABELS, LOGITS)
    close(keras_loss, torch.nn.CrossEntropyLoss()(t(LOGITS), torch.tensor(LABELS)))


@pair("keras.losses.SparseCategoricalCrossentropy", "torch.nn.CrossEntropyLoss", result="documented-difference", variant="default-from_logits", note="Keras's default from_logits=False reads y_pred as probabilities; CrossEntropyLoss always takes logits.")
def test_sparse_cce_default_expects_probabilities():
    differ(keras.losses.SparseCategoricalCrossentropy()(LABELS, LOGITS), torch.nn.CrossEntropyLoss()(t(LOGITS), torch.tensor(LABELS)))
    close(keras.losses.SparseCategoricalCrossentropy()(LABELS, PROBS), torch.nn.CrossEntropyLoss()(t(LOGITS), torch.tensor(LABELS)))


@pair("keras.losses.SparseCategoricalCrossentropy", "torch.nn.NLLLoss", note="Probabilities in Keras correspond to log-probabilities in NLLLoss.")
def test_sparse_cce_probabilities_nll():
    keras_loss = keras.losses.SparseCategoricalCrossentropy()(LABELS, PROBS)
    close(keras_loss, torch.nn.NLLLoss()(torch.log(t(PROBS)), torch.tensor(LABELS)))


@pair("keras.losses.CategoricalCrossentropy", "torch.nn.CrossEntropyLoss", note="CrossEntropyLoss accepts class probabilities as the target (PyTorch 1.10+), like one-hot or soft labels in Keras.")
def test_categorical_cce_soft_targets():
    targets = to_np(F.softmax(t(randn(8, 5, seed=3)), dim=-1))
    keras_loss = keras.losses.CategoricalCrossentropy(from_logits=True)(targets, LOGITS)
    close(keras_loss, torch.nn.CrossEntropyLoss()(t(LOGITS), t(targets)))


@pair("keras.losses.sparse_categorical_crossentropy", "torch.nn.functional.cross_entropy", note="Per-sample losses: the Keras function with from_logits=True equals F.cross_entropy with reduction=\"none\".")
def test_sparse_cce_function_per_sample():
    per_sample = keras.losses.sparse_categorical_crossentropy(LABELS, LOGITS, from_logits=True)
    close(per_sample, F.cross_entropy(t(LOGITS), torch.tensor(LABELS), reduction="none"))


BIN_LOGITS = randn(8, 3, seed=4)
BIN_TARGETS = (rng(5).random((8, 3)) > 0.5).astype("float32")


@pair("keras.losses.BinaryCrossentropy", "torch.nn.BCEWithLogitsLoss", note="Multi-label logits and 0/1 targets; Keras with from_logits=True equals BCEWithLogitsLoss.")
def test_bce_logits():
    keras_loss = keras.losses.BinaryCrossentropy(from_logits=True)(BIN_TARGETS, BIN_LOGITS)
    close(keras_loss, torch.nn.BCEWithLogitsLoss()(t(BIN_LOGITS), t(BIN_TARGETS)))


@pair("keras.losses.BinaryCrossentropy", "torch.nn.BCELoss", note="Probabilities in (0, 1): the Keras default (from_logits=False) equals BCELoss.")
def test_bce_probabilities():
    probs = to_np(torch.sigmoid(t(BIN_LOGITS)))
    close(keras.losses.BinaryCrossentropy()(BIN_TARGETS, probs), torch.nn.BCELoss()(t(probs), t(BIN_TARGETS)), atol=1e-5)


PRED, TARGET = randn(8, 4), randn(8, 4, seed=6) * 2


@pair("keras.losses.MeanSquaredError", "torch.nn.MSELoss", note="Mean squared error over all elements; equal.")
def test_mse():
    close(keras.losses.MeanSquaredError()(TARGET, PRED), torch.nn.MSELoss()(t(PRED), t(TARGET)))


@pair("keras.losses.MeanAbsoluteError", "torch.nn.L1Loss", note="Mean absolute error over all elements; equal.")
def test_mae():
    close(keras.losses.MeanAbsoluteError()(TARGET, PRED), torch.nn.L1Loss()(t(PRED), t(TARGET)))


@pair("keras.losses.Huber", "torch.nn.HuberLoss", note="Huber with delta 1 (both defaults) and delta 2; equal.")
def test_huber():
    close(keras.losses.Huber()(TARGET, PRED), torch.nn.HuberLoss()(t(PRED), t(TARGET)))
    close(keras.losses.Huber(delta=2.0)(TARGET, PRED), torch.nn.HuberLoss(delta=2.0)(t(PRED), t(TARGET)))


@pair("keras.losses.Huber", "torch.nn.SmoothL1Loss", result="documented-difference", note="SmoothL1Loss(beta) is Huber(delta=beta) divided by beta: equal only at delta = beta = 1.")
def test_huber_vs_smooth_l1():
    close(keras.losses.Huber()(TARGET, PRED), torch.nn.SmoothL1Loss()(t(PRED), t(TARGET)))
    huber2 = keras.losses.Huber(delta=2.0)(TARGET, PRED)
    differ(huber2, torch.nn.SmoothL1Loss(beta=2.0)(t(PRED), t(TARGET)))
    close(to_np(huber2) / 2.0, torch.nn.SmoothL1Loss(beta=2.0)(t(PRED), t(TARGET)))


P_TRUE = to_np(F.softmax(t(randn(8, 5, seed=7)), dim=-1))


@pair("keras.losses.KLDivergence", "torch.nn.KLDivLoss", note="KLDivLoss takes log-probabilities as input and needs reduction=\"batchmean\" for the per-sample mean Keras returns.")
def test_kl_divergence():
    keras_loss = keras.losses.KLDivergence()(P_TRUE, PROBS)
    close(keras_loss, torch.nn.KLDivLoss(reduction="batchmean")(torch.log(t(PROBS)), t(P_TRUE)))


@pytest.mark.filterwarnings("ignore:reduction. 'mean' divides the total loss:UserWarning")  # the difference under test
@pair("keras.losses.KLDivergence", "torch.nn.KLDivLoss", result="documented-difference", variant="default-reduction", note="KLDivLoss's default reduction=\"mean\" averages over every element, i.e. divides the Keras value by the classes.")
def test_kl_divergence_default_reduction():
    keras_loss = keras.losses.KLDivergence()(P_TRUE, PROBS)
    default = torch.nn.KLDivLoss()(torch.log(t(PROBS)), t(P_TRUE))
    differ(keras_loss, default)
    close(to_np(keras_loss) / 5, default)


@pair("keras.losses.Poisson", "torch.nn.PoissonNLLLoss", note="PoissonNLLLoss reads its input as a log-rate by default; log_input=False matches Keras's rate input.")
def test_poisson():
    rate, counts = np.abs(PRED) + 0.1, np.abs(np.round(TARGET))
    close(keras.losses.Poisson()(counts, rate), torch.nn.PoissonNLLLoss(log_input=False)(t(rate), t(counts)))


@pair("keras.losses.CosineSimilarity", "torch.nn.CosineEmbeddingLoss", result="documented-difference", note="Keras returns the negated mean cosine similarity; CosineEmbeddingLoss with target 1 returns 1 - cosine.")
def test_cosine_similarity_loss():
    keras_loss = keras.losses.CosineSimilarity()(TARGET, PRED)
    torch_loss = torch.nn.CosineEmbeddingLoss()(t(PRED), t(TARGET), torch.ones(8))
    differ(keras_loss, torch_loss)
    close(to_np(keras_loss) + 1, torch_loss)


@pair("tensorflow.nn.softmax_cross_entropy_with_logits", "torch.nn.functional.cross_entropy", note="One-hot targets and logits, per-sample (F.cross_entropy reduction=\"none\" with probability targets); equal.")
def test_tf_softmax_cross_entropy():
    targets = to_np(F.one_hot(torch.tensor(LABELS), 5).float())
    close(tf.nn.softmax_cross_entropy_with_logits(targets, LOGITS), F.cross_entropy(t(LOGITS), t(targets), reduction="none"))


@pair("tensorflow.nn.sparse_softmax_cross_entropy_with_logits", "torch.nn.functional.cross_entropy", note="Integer labels and logits, per-sample losses (reduction=\"none\"); equal.")
def test_tf_sparse_softmax_cross_entropy():
    close(tf.nn.sparse_softmax_cross_entropy_with_logits(LABELS, LOGITS), F.cross_entropy(t(LOGITS), torch.tensor(LABELS), reduction="none"))


@pair("tensorflow.nn.sigmoid_cross_entropy_with_logits", "torch.nn.functional.binary_cross_entropy_with_logits", note="Element-wise sigmoid cross-entropy from logits (reduction=\"none\"); equal. TF takes (labels, logits), PyTorch (input, target).")
def test_tf_sigmoid_cross_entropy():
    close(tf.nn.sigmoid_cross_entropy_with_logits(BIN_TARGETS, BIN_LOGITS), F.binary_cross_entropy_with_logits(t(BIN_LOGITS), t(BIN_TARGETS), reduction="none"))


@pair("tensorflow.nn.ctc_loss", "torch.nn.functional.ctc_loss", note="tf.nn.ctc_loss takes time-major logits and applies log-softmax itself; F.ctc_loss takes log-probabilities, and its default reduction=\"mean\" divides by target lengths, so compare per-sample losses. Blank is 0 in both.")
def test_ctc_loss():
    logits = randn(12, 2, 6)  # (time, batch, classes)
    labels = np.array([[1, 2, 3, 0], [4, 4, 5, 2]], dtype="int32")
    label_length, logit_length = np.array([3, 4], "int32"), np.array([12, 10], "int32")
    tf_loss = tf.nn.ctc_loss(labels, logits, label_length, logit_length)
    torch_loss = F.ctc_loss(F.log_softmax(t(logits), dim=-1), torch.tensor(labels, dtype=torch.long), torch.tensor(logit_length, dtype=torch.long), torch.tensor(label_length, dtype=torch.long), reduction="none")
    close(tf_loss, torch_loss, atol=1e-4)
