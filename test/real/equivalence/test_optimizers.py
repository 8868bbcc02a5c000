"""One to three optimizer steps and learning-rate schedules: Keras/TF optimizers against torch.optim on the same gradients."""

import numpy as np
import pytest

from equiv import close, differ, keras, pair, randn, t, tf, to_np, torch

W0 = randn(5)
A, B = randn(5, 5, seed=1), randn(5, seed=2)


def grad(w):
    """Gradient of 0.5 * ||A w - b||^2, so every step sees a gradient that depends on the weights."""
    return (A.T @ (A @ w - B)).astype("float32")


def keras_steps(optimizer, steps=3):
    v = keras.Variable(W0.copy())
    for _ in range(steps):
        optimizer.apply_gradients([(grad(to_np(v)), v)])
    return to_np(v)


def tf1_steps(optimizer, steps=3):
    v = tf.Variable(W0.copy())
    for _ in range(steps):
        optimizer.apply_gradients([(tf.constant(grad(v.numpy())), v)])
    return v.numpy()


def torch_steps(cls, steps=3, **kwargs):
    p = torch.nn.Parameter(t(W0.copy()))
    optimizer = cls([p], **kwargs)
    for _ in range(steps):
        p.grad = t(grad(p.detach().numpy()))
        optimizer.step()
    return to_np(p)


@pair("keras.optimizers.SGD", "torch.optim.SGD", note="Keras keeps a velocity v = m*v - lr*g, PyTorch a buffer b = m*b + g scaled by lr: the same updates at a fixed lr.")
def test_sgd_momentum():
    close(keras_steps(keras.optimizers.SGD(0.05, momentum=0.9)), torch_steps(torch.optim.SGD, lr=0.05, momentum=0.9))


@pair("keras.optimizers.SGD", "torch.optim.SGD", variant="nesterov", note="Three Nesterov momentum steps (lr 0.05, momentum 0.9) on the same gradients; equal.")
def test_sgd_nesterov():
    close(keras_steps(keras.optimizers.SGD(0.05, momentum=0.9, nesterov=True)), torch_steps(torch.optim.SGD, lr=0.05, momentum=0.9, nesterov=True))


@pair("keras.optimizers.Adam", "torch.optim.Adam", note="Keras adds epsilon to sqrt(v) before bias correction, PyTorch after: with the same small epsilon the steps agree to float32 precision.")
def test_adam():
    close(keras_steps(keras.optimizers.Adam(0.01, epsilon=1e-8)), torch_steps(torch.optim.Adam, lr=0.01, eps=1e-8), atol=1e-6)


@pair("keras.optimizers.Adam", "torch.optim.Adam", result="documented-difference", variant="defaults", note="Defaults: both lr 1e-3 and betas (0.9, 0.999); epsilon is 1e-7 in Keras and 1e-8 in PyTorch.")
def test_adam_defaults():
    k, p = keras.optimizers.Adam(), torch.optim.Adam([torch.nn.Parameter(torch.zeros(1))])
    assert (float(k.learning_rate), k.beta_1, k.beta_2, k.epsilon) == (pytest.approx(1e-3), 0.9, 0.999, 1e-7)
    assert (p.defaults["lr"], p.defaults["betas"], p.defaults["eps"]) == (1e-3, (0.9, 0.999), 1e-8)


@pair("keras.optimizers.AdamW", "torch.optim.AdamW", note="Both decay the weights by lr * weight_decay * w per step, decoupled from the gradient.")
def test_adamw():
    keras_w = keras_steps(keras.optimizers.AdamW(0.01, weight_decay=0.1, epsilon=1e-8))
    close(keras_w, torch_steps(torch.optim.AdamW, lr=0.01, weight_decay=0.1, eps=1e-8), atol=1e-6)


@pair("keras.optimizers.AdamW", "torch.optim.AdamW", result="documented-difference", variant="defaults", note="Default weight_decay is 0.004 in Keras and 0.01 in PyTorch, so default runs diverge.")
def test_adamw_default_weight_decay():
    assert keras.optimizers.AdamW().weight_decay == 0.004
    assert torch.optim.AdamW([torch.nn.Parameter(torch.zeros(1))]).defaults["weight_decay"] == 0.01
    differ(keras_steps(keras.optimizers.AdamW(0.01, epsilon=1e-8)), torch_steps(torch.optim.AdamW, lr=0.01, eps=1e-8), atol=1e-7)


@pair("keras.optimizers.RMSprop", "torch.optim.RMSprop", note="Keras's rho is PyTorch's alpha; Keras adds epsilon inside the square root, PyTorch outside.")
def test_rmsprop():
    close(keras_steps(keras.optimizers.RMSprop(0.01, rho=0.9, epsilon=1e-10)), torch_steps(torch.optim.RMSprop, lr=0.01, alpha=0.9, eps=1e-10), atol=1e-6)


@pair("keras.optimizers.RMSprop", "torch.optim.RMSprop", result="documented-difference", variant="defaults", note="Defaults: Keras rho 0.9, epsilon 1e-7, lr 1e-3; PyTorch alpha 0.99, eps 1e-8, lr 1e-2. Same lr with other defaults gives other steps.")
def test_rmsprop_defaults():
    k, p = keras.optimizers.RMSprop(), torch.optim.RMSprop([torch.nn.Parameter(torch.zeros(1))])
    assert (k.rho, k.epsilon) == (0.9, 1e-7) and (p.defaults["alpha"], p.defaults["eps"], p.defaults["lr"]) == (0.99, 1e-8, 1e-2)
    differ(keras_steps(keras.optimizers.RMSprop(0.01)), torch_steps(torch.optim.RMSprop, lr=0.01))


@pair("keras.optimizers.Adagrad", "torch.optim.Adagrad", result="documented-difference", note="Keras starts the accumulator at 0.1, PyTorch at 0: equal once initial_accumulator_value matches.")
def test_adagrad():
    keras_w = keras_steps(keras.optimizers.Adagrad(0.1, epsilon=1e-10))
    close(keras_w, torch_steps(torch.optim.Adagrad, lr=0.1, initial_accumulator_value=0.1, eps=1e-10), atol=1e-6)
    differ(keras_w, torch_steps(torch.optim.Adagrad, lr=0.1, eps=1e-10))


@pair("keras.optimizers.Adadelta", "torch.optim.Adadelta", result="documented-difference", note="Defaults differ (Keras lr 0.001, rho 0.95, epsilon 1e-7; PyTorch lr 1.0, rho 0.9, eps 1e-6); equal when set alike.")
def test_adadelta():
    close(keras_steps(keras.optimizers.Adadelta(1.0, rho=0.9, epsilon=1e-6)), torch_steps(torch.optim.Adadelta, lr=1.0, rho=0.9, eps=1e-6), atol=1e-6)
    k, p = keras.optimizers.Adadelta(), torch.optim.Adadelta([torch.nn.Parameter(torch.zeros(1))])
    assert (float(k.learning_rate), k.rho, k.epsilon) == (pytest.approx(1e-3), 0.95, 1e-7)
    assert (p.defaults["lr"], p.defaults["rho"], p.defaults["eps"]) == (1.0, 0.9, 1e-6)


@pair("keras.optimizers.Adamax", "torch.optim.Adamax", note="Three steps with lr 0.01 and epsilon 1e-8 on the same gradients; equal.")
def test_adamax():
    close(keras_steps(keras.optimizers.Adamax(0.01, epsilon=1e-8)), torch_steps(torch.optim.Adamax, lr=0.01, eps=1e-8), atol=1e-6)


@pair("keras.optimizers.Nadam", "torch.optim.NAdam", result="documented-difference", note="The momentum schedule differs: Keras uses beta_1 * (1 - 0.5 * 0.96**t), PyTorch 0.96**(t * momentum_decay) with momentum_decay=0.004. With momentum_decay=1 the updates agree.")
def test_nadam():
    keras_w = keras_steps(keras.optimizers.Nadam(0.01, epsilon=1e-8))
    close(keras_w, torch_steps(torch.optim.NAdam, lr=0.01, eps=1e-8, momentum_decay=1.0), atol=1e-6)
    differ(keras_w, torch_steps(torch.optim.NAdam, lr=0.01, eps=1e-8), atol=1e-6)


# TF1 optimizers (tf.compat.v1.train) still run eagerly in TF 2.


@pair("tensorflow.train.GradientDescentOptimizer", "torch.optim.SGD", note="tf.compat.v1.train optimizer run eagerly: three plain SGD steps, lr 0.05; equal.")
def test_tf1_gradient_descent():
    close(tf1_steps(tf.compat.v1.train.GradientDescentOptimizer(0.05)), torch_steps(torch.optim.SGD, lr=0.05))


@pair("tensorflow.train.MomentumOptimizer", "torch.optim.SGD", note="tf.compat.v1 MomentumOptimizer (accumulator m*a + g) vs SGD(momentum=0.9); three steps equal.")
def test_tf1_momentum():
    close(tf1_steps(tf.compat.v1.train.MomentumOptimizer(0.05, momentum=0.9)), torch_steps(torch.optim.SGD, lr=0.05, momentum=0.9))


@pair("tensorflow.train.AdamOptimizer", "torch.optim.Adam", note="tf.compat.v1 AdamOptimizer vs Adam with epsilon 1e-8 on both; three steps equal.")
def test_tf1_adam():
    close(tf1_steps(tf.compat.v1.train.AdamOptimizer(0.01, epsilon=1e-8)), torch_steps(torch.optim.Adam, lr=0.01, eps=1e-8), atol=1e-6)


@pair("tensorflow.train.RMSPropOptimizer", "torch.optim.RMSprop", result="documented-difference", note="TF1's decay is PyTorch's alpha, but TF1 starts the mean square at 1 where PyTorch starts at 0, so early steps are much smaller in TF1. Seeding PyTorch's square_avg with ones reproduces TF1.")
def test_tf1_rmsprop():
    tf1_w = tf1_steps(tf.compat.v1.train.RMSPropOptimizer(0.01, decay=0.9, epsilon=1e-10))
    differ(tf1_w, torch_steps(torch.optim.RMSprop, lr=0.01, alpha=0.9, eps=1e-10))
    p = torch.nn.Parameter(t(W0.copy()))
    optimizer = torch.optim.RMSprop([p], lr=0.01, alpha=0.9, eps=1e-10)
    optimizer.state[p] = {"step": torch.tensor(0.0), "square_avg": torch.ones_like(p.detach())}
    for _ in range(3):
        p.grad = t(grad(p.detach().numpy()))
        optimizer.step()
    close(tf1_w, p, atol=1e-6)


@pair("tensorflow.train.AdagradOptimizer", "torch.optim.Adagrad", note="TF1 Adagrad starts its accumulator at 0.1: equal to torch Adagrad with initial_accumulator_value=0.1 and eps=0.")
def test_tf1_adagrad():
    close(tf1_steps(tf.compat.v1.train.AdagradOptimizer(0.1)), torch_steps(torch.optim.Adagrad, lr=0.1, initial_accumulator_value=0.1, eps=0.0), atol=1e-6)


# Learning-rate schedules: Keras schedules are functions of the step; PyTorch schedulers advance with scheduler.step().


def torch_lrs(make_scheduler, steps, lr=1.0):
    optimizer = torch.optim.SGD([torch.nn.Parameter(torch.zeros(1))], lr=lr)
    scheduler = make_scheduler(optimizer)
    lrs = []
    for _ in range(steps):
        lrs.append(optimizer.param_groups[0]["lr"])
        optimizer.step()
        scheduler.step()
    return np.array(lrs, dtype="float32")


def keras_lrs(schedule, steps):
    return np.array([float(schedule(step)) for step in range(steps)], dtype="float32")


@pair("keras.optimizers.schedules.ExponentialDecay", "torch.optim.lr_scheduler.ExponentialLR", note="decay_steps=1 and decay_rate 0.8 vs gamma 0.8: learning rates over 10 steps equal.")
def test_exponential_decay():
    close(keras_lrs(keras.optimizers.schedules.ExponentialDecay(1.0, decay_steps=1, decay_rate=0.8), 10), torch_lrs(lambda o: torch.optim.lr_scheduler.ExponentialLR(o, gamma=0.8), 10))


@pair("keras.optimizers.schedules.CosineDecay", "torch.optim.lr_scheduler.CosineAnnealingLR", note="decay_steps=10 vs T_max=10: learning rates at steps 0-10 equal.")
def test_cosine_decay():
    close(keras_lrs(keras.optimizers.schedules.CosineDecay(1.0, decay_steps=10), 11), torch_lrs(lambda o: torch.optim.lr_scheduler.CosineAnnealingLR(o, T_max=10), 11))


@pair("keras.optimizers.schedules.CosineDecay", "torch.optim.lr_scheduler.CosineAnnealingLR", result="documented-difference", variant="after-T_max", note="After decay_steps Keras holds the final rate; CosineAnnealingLR keeps following the cosine back up.")
def test_cosine_decay_after_end():
    keras_tail = keras_lrs(keras.optimizers.schedules.CosineDecay(1.0, decay_steps=10), 16)[11:]
    torch_tail = torch_lrs(lambda o: torch.optim.lr_scheduler.CosineAnnealingLR(o, T_max=10), 16)[11:]
    close(keras_tail, np.zeros(5))
    assert (np.diff(torch_tail) > 0).all()


@pair("keras.optimizers.schedules.PiecewiseConstantDecay", "torch.optim.lr_scheduler.MultiStepLR", result="documented-difference", note="Keras keeps values[0] while step <= boundary; MultiStepLR switches at the milestone: boundary b is milestone b + 1.")
def test_piecewise_constant_decay():
    keras_seq = keras_lrs(keras.optimizers.schedules.PiecewiseConstantDecay([3, 6], [1.0, 0.1, 0.01]), 10)
    close(keras_seq, torch_lrs(lambda o: torch.optim.lr_scheduler.MultiStepLR(o, milestones=[4, 7], gamma=0.1), 10))
    differ(keras_seq, torch_lrs(lambda o: torch.optim.lr_scheduler.MultiStepLR(o, milestones=[3, 6], gamma=0.1), 10))


@pair("keras.optimizers.schedules.PolynomialDecay", "torch.optim.lr_scheduler.PolynomialLR", note="Keras decays to end_learning_rate (default 1e-4); PolynomialLR to 0.")
def test_polynomial_decay():
    keras_seq = keras_lrs(keras.optimizers.schedules.PolynomialDecay(1.0, decay_steps=8, end_learning_rate=0.0, power=2.0), 9)
    close(keras_seq, torch_lrs(lambda o: torch.optim.lr_scheduler.PolynomialLR(o, total_iters=8, power=2.0), 9))


@pair("keras.optimizers.schedules.CosineDecayRestarts", "torch.optim.lr_scheduler.CosineAnnealingWarmRestarts", note="Keras's t_mul defaults to 2.0, PyTorch's T_mult to 1.")
def test_cosine_decay_restarts():
    keras_seq = keras_lrs(keras.optimizers.schedules.CosineDecayRestarts(1.0, first_decay_steps=4), 20)
    close(keras_seq, torch_lrs(lambda o: torch.optim.lr_scheduler.CosineAnnealingWarmRestarts(o, T_0=4, T_mult=2), 20), atol=1e-5)
