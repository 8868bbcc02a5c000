"""The argument-reorder quick fix keeps behaviour: TF1-order calls run against tf.compat.v1 (the TF1 signatures TensorFlow
2.21 keeps) give what the fixed keyword calls give against TensorFlow 2.21, and, as written, TF 2.21 reads them otherwise.

The calls are test/fixtures/python/reorder/reorder_calls.py; the fixed file is what the extension's fix writes
(test/unit/core/rules/reorder.test.ts holds the two in step).
"""
import ast
import pathlib

import numpy as np
import pytest
import tensorflow as tf

FIXTURES = pathlib.Path(__file__).resolve().parents[1] / "fixtures" / "python" / "reorder"
TF2_IMPORT = "import tensorflow as tf\n"
TF1_IMPORT = "import tensorflow.compat.v1 as tf\n"


def statements(name):
    """(setup source, [(target, call source)]) of a fixture: the calls are the assignments after the last constant."""
    source = (FIXTURES / name).read_text()
    tree = ast.parse(source)
    body = [s for s in tree.body if isinstance(s, ast.Assign)]
    calls = body[-16:]
    setup_end = calls[0].lineno - 1
    setup = "".join(source.splitlines(keepends=True)[:setup_end])
    return setup, [(c.targets[0].id, ast.get_source_segment(source, c)) for c in calls]


def run(setup, code, import_line):
    namespace = {}
    exec(compile(setup.replace(TF2_IMPORT, import_line), "setup", "exec"), namespace)
    exec(compile(code, "call", "exec"), namespace)
    return namespace


def flat(value):
    """Comparable leaves of a result: (dtype, array) per tensor, in order."""
    if isinstance(value, (list, tuple)):
        return [leaf for item in value for leaf in flat(item)]
    if isinstance(value, tf.sparse.SparseTensor):
        value = tf.sparse.to_dense(value)
    array = np.asarray(value)
    return [(str(array.dtype), array.tolist())]


def test_fixture_pairs_line_up():
    setup_before, before = statements("reorder_calls.py")
    setup_after, after = statements("reorder_calls.fixed.py")
    assert setup_before.splitlines()[1:] == setup_after.splitlines()[1:]
    assert [t for t, _ in before] == [t for t, _ in after]
    assert len(before) == 16


@pytest.mark.parametrize("index", range(16))
def test_fixed_call_on_tf2_equals_tf1_call_on_compat_v1(index):
    setup, before = statements("reorder_calls.py")
    _, after = statements("reorder_calls.fixed.py")
    target, tf1_call = before[index]
    _, fixed_call = after[index]
    expected = run(setup, tf1_call, TF1_IMPORT)[target]
    actual = run(setup, fixed_call, TF2_IMPORT)[target]
    assert flat(actual) == flat(expected), f"{tf1_call}  vs  {fixed_call}"


# As written, TF 2.21 reads these calls with another meaning: it raises, or computes something else.
@pytest.mark.parametrize("index", range(16))
def test_tf1_call_as_written_fails_or_differs_on_tf2(index):
    setup, before = statements("reorder_calls.py")
    target, tf1_call = before[index]
    expected = run(setup, tf1_call, TF1_IMPORT)[target]
    try:
        actual = run(setup, tf1_call, TF2_IMPORT)[target]
    except (AttributeError, TypeError, ValueError, tf.errors.InvalidArgumentError):
        return
    assert flat(actual) != flat(expected), f"TF 2.21 runs {tf1_call} with the same result"


def test_space_to_batch_block_size_is_not_a_rename():
    """Why the fix is refused for space_to_batch's block_size (VALUE_CHANGES in generate_migrations.py)."""
    x = tf.reshape(tf.range(16.0), [1, 4, 4, 1])
    tf.compat.v1.space_to_batch(x, [[0, 0], [0, 0]], 2)
    for space_to_batch in (tf.space_to_batch, tf.nn.space_to_batch):
        with pytest.raises(tf.errors.InvalidArgumentError):
            space_to_batch(x, paddings=[[0, 0], [0, 0]], block_shape=2)
        space_to_batch(x, paddings=[[0, 0], [0, 0]], block_shape=[2, 2])
