"""Names tf_upgrade_v2 rewrites to tf.compat.v1 although TensorFlow 2.21 still has them, and that we leave unflagged:
for the call forms public code uses (bench/coverage.md lists them), the TF 2.21 name computes what its tf.compat.v1
twin does. A failure here means one of those forms changed behaviour and deserves a finding."""
import numpy as np
import pytest
import tensorflow as tf

v1 = tf.compat.v1


def graph_values(make):
    """Runs `make()` in a TF1 graph and session (as TF1-era code does) and returns its evaluated value."""
    graph = tf.Graph()
    with graph.as_default():
        out = make()
        with v1.Session(graph=graph) as session:
            session.run(v1.global_variables_initializer())
            return session.run(out)


@pytest.mark.parametrize(
    "tf2,compat",
    [
        (lambda: tf.constant_initializer(0.5), lambda: v1.constant_initializer(0.5)),
        (lambda: tf.constant_initializer([0.1, -0.2, -0.1]), lambda: v1.constant_initializer([0.1, -0.2, -0.1])),
        (lambda: tf.zeros_initializer(), lambda: v1.zeros_initializer()),
        (lambda: tf.ones_initializer(), lambda: v1.ones_initializer()),
    ],
    ids=["constant", "constant-list", "zeros", "ones"],
)
def test_constant_initializers_in_get_variable_give_the_compat_values(tf2, compat):
    new = graph_values(lambda: v1.get_variable("w", [3], initializer=tf2()))
    old = graph_values(lambda: v1.get_variable("w", [3], initializer=compat()))
    np.testing.assert_array_equal(new, old)


@pytest.mark.parametrize(
    "make,mean,std",
    [
        (lambda: tf.random_normal_initializer(stddev=0.01), 0.0, 0.01),
        (lambda: tf.random_normal_initializer(0.0, 0.02), 0.0, 0.02),
        (lambda: tf.random_normal_initializer(1.0, 0.02), 1.0, 0.02),
        (lambda: tf.random_uniform_initializer(-3e-3, 3e-3), 0.0, 6e-3 / np.sqrt(12)),
        (lambda: tf.random_uniform_initializer(minval=-1.0, maxval=1.0), 0.0, 2.0 / np.sqrt(12)),
    ],
    ids=["normal-stddev", "normal-positional", "normal-mean-1", "uniform-positional", "uniform-keywords"],
)
def test_random_initializers_with_explicit_parameters_keep_their_distribution(make, mean, std):
    # Explicit parameters, as the corpus passes them: the TF 2 defaults (stddev 0.05, range ±0.05 instead of TF1's
    # 1.0 and [0, 1)) never apply. Seeded streams differ between the two implementations, so the check is statistical.
    values = graph_values(lambda: v1.get_variable("w", [200_000], initializer=make()))
    assert values.dtype == np.float32
    assert abs(values.mean() - mean) < 4 * std / np.sqrt(values.size) + 1e-6
    assert abs(values.std() - std) / std < 0.02


def test_random_initializer_defaults_did_change():
    # Why calls without those parameters would need a finding: the defaults really differ between the two.
    assert tf.random_normal_initializer().get_config()["stddev"] == 0.05
    assert v1.random_normal_initializer().get_config()["stddev"] == 1.0


def test_variance_scaling_defaults_match_the_tf1_ones():
    new = tf.initializers.variance_scaling().get_config()
    old = v1.initializers.variance_scaling().get_config()
    for key in ("scale", "mode", "distribution"):
        assert new[key] == old[key], key


def test_name_scope_with_a_name_gives_the_tf1_names():
    def names(scope):
        graph = tf.Graph()
        with graph.as_default():
            with scope("Model"):
                a = tf.constant(1.0, name="x")
            with scope("Model"):
                b = tf.constant(1.0, name="x")
        return a.name, b.name

    assert names(tf.name_scope) == names(v1.name_scope) == ("Model/x:0", "Model_1/x:0")


def test_max_pool_with_keyword_window_matches_tf1():
    x = tf.reshape(tf.range(2 * 6 * 6 * 3, dtype=tf.float32), [2, 6, 6, 3])
    kwargs = dict(ksize=[1, 2, 2, 1], strides=[1, 2, 2, 1], padding="SAME")
    np.testing.assert_array_equal(tf.nn.max_pool(x, **kwargs).numpy(), v1.nn.max_pool(x, **kwargs).numpy())


@pytest.mark.parametrize(
    "args",
    [
        lambda: (tf.constant([[True, False], [False, True]]),),
        lambda: (tf.constant([1.0, -2.0, 3.0]) >= 0.0, tf.constant([1.0, -2.0, 3.0]), tf.zeros(3)),
    ],
    ids=["one-argument", "same-shapes"],
)
def test_where_with_same_shaped_arguments_matches_tf1(args):
    a = args()
    np.testing.assert_array_equal(tf.where(*a).numpy(), v1.where(*a).numpy())


def test_where_with_a_vector_condition_is_the_form_that_differs():
    # TF1 picks rows with a vector condition; TF 2 broadcasts it against the last axis. A scanner cannot see shapes,
    # so this form is not flagged; the test keeps the difference on record.
    cond = tf.constant([True, False])
    x = tf.ones([2, 2])
    y = tf.zeros([2, 2])
    np.testing.assert_array_equal(v1.where(cond, x, y).numpy(), [[1.0, 1.0], [0.0, 0.0]])
    np.testing.assert_array_equal(tf.where(cond, x, y).numpy(), [[1.0, 0.0], [1.0, 0.0]])
