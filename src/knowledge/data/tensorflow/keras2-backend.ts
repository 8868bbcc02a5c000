/**
 * Keras 2 backend functions (`K.dot`, `K.mean`...) that Keras 3 removed from `keras.backend`, with their keras.ops
 * successors, and the same names under `tf.keras.backend`, where TensorFlow 2.16+ (the keras._tf_keras view) keeps them.
 */
import { defineGroup } from '../../define';
import type { EntrySpec } from '../../define';

const MIGRATION = 'https://keras.io/guides/migrating_to_keras_3/';
const BREAKING = 'https://github.com/keras-team/keras/issues/18467';
const GOLDEN_K2 = 'https://github.com/tensorflow/tensorflow/blob/0c45f4f0c7bf611dd035c68665647d3aeca34767/tensorflow/tools/api/golden/v2/tensorflow.keras.backend.pbtxt';
const KERAS_API = 'https://github.com/keras-team/keras/tree/master/keras/api';
const REMOVED = {
  state: 'removed' as const,
  since: '3.0',
  date: '2023-11',
  note: 'Keras 3 keeps only a few configuration helpers in keras.backend; the tf.keras view of TensorFlow 2.16+ and tf-keras (Keras 2) still have the old functions.',
};
/** Names Keras 2 had that neither Keras 3 nor the tf.keras view of TensorFlow 2.21 exports (checked per name in recommended.test.ts). */
const GONE_FROM_VIEW = {
  ...REMOVED,
  note: 'Keras 3 keeps only a few configuration helpers in keras.backend, and unlike K.mean or K.dot this one is not in the tf.keras view of TensorFlow 2.21 either; only Keras 2 (tf-keras) has it.',
};
const INSTALLED = 'TensorFlow 2.21.0 / Keras 3.15.1 installed (test/fixtures/truth), 2026-11-27';
/** The Keras 2 backend functions the tf.keras view re-exports (keras/_tf_keras/keras/backend imports them from here). */
const TRUTH = 'https://github.com/keras-team/keras/blob/master/keras/src/legacy/backend.py';

/** A removed K.* function whose keras.ops successor takes the same role (arguments may differ: check the docs). */
function toOps(what: string, op: string, extra = ''): EntrySpec {
  return {
    kind: 'function',
    summary: `Keras 2 backend ${what}; gone from keras.backend in Keras 3.`,
    status: REMOVED,
    replacement: { name: `keras.ops.${op}`, note: `keras.ops.${op} works on every Keras 3 backend.${extra}` },
  };
}

const backend = defineGroup(
  {
    framework: 'keras',
    module: 'keras.backend',
    verified: INSTALLED,
    sources: [GOLDEN_K2, KERAS_API, MIGRATION, BREAKING],
    docs: () => MIGRATION,
    status: REMOVED,
  },
  {
    dot: toOps('matrix product of two tensors', 'dot'),
    mean: toOps('mean over axes (axis, keepdims)', 'mean'),
    sum: toOps('sum over axes (axis, keepdims)', 'sum'),
    max: toOps('maximum over axes (axis, keepdims)', 'max'),
    concatenate: toOps('concatenation along an axis (default -1)', 'concatenate', ' Its default axis is 0, not -1: pass axis=-1 to keep the old behaviour.'),
    reshape: toOps('reshape', 'reshape'),
    expand_dims: toOps('insertion of a size-1 axis (default -1)', 'expand_dims', ' keras.ops.expand_dims has no default axis: pass axis=-1 to keep the old behaviour.'),
    cast: toOps('dtype conversion', 'cast'),
    stack: toOps('stacking along a new axis', 'stack'),
    transpose: toOps('transpose (reverses the axes)', 'transpose'),
    int_shape: { ...toOps('static shape as a tuple of ints', 'shape'), summary: 'Keras 2 helper returning the static shape as a tuple; gone from keras.backend in Keras 3, where x.shape or keras.ops.shape(x) serve.' },
    get_value: { ...toOps('read of a variable as a NumPy array', 'convert_to_numpy'), summary: 'Keras 2 helper that read a variable into NumPy; gone in Keras 3 (use keras.ops.convert_to_numpy(v) or v.numpy() on TensorFlow).' },
    set_value: { kind: 'function', summary: 'Keras 2 helper that assigned a NumPy value to a variable; gone in Keras 3, where variables have .assign(value).' },
    variable: { kind: 'function', summary: 'Keras 2 helper that created a backend variable; gone in Keras 3.', replacement: { name: 'keras.Variable', note: 'keras.Variable is the backend-neutral variable of Keras 3.' } },
    placeholder: { kind: 'function', status: GONE_FROM_VIEW, summary: 'Keras 2 symbolic placeholder for graph-mode code; gone in Keras 3.', replacement: { name: 'keras.Input', note: 'Declare model inputs with keras.Input; eager code takes plain tensors.' } },
    function: { kind: 'function', status: GONE_FROM_VIEW, summary: 'Keras 2 helper that compiled a backend function from symbolic inputs to outputs; gone in Keras 3.', replacement: { name: 'keras.Model', note: 'Build a keras.Model from the inputs to the outputs and call it, or predict().' } },
    learning_phase: { kind: 'function', status: GONE_FROM_VIEW, summary: 'Keras 2 global train/test flag; gone in Keras 3, where layers and models take a training= argument per call.' },
  },
);

/** The keras.ops successors the entries above point to. */
const ops = defineGroup(
  {
    framework: 'keras',
    module: 'keras.ops',
    verified: INSTALLED,
    sources: [KERAS_API],
    docs: () => 'https://keras.io/api/ops/',
  },
  {
    dot: { kind: 'function', summary: 'Dot product of two tensors, NumPy-style, on any Keras backend.', tags: ['tensors'] },
    mean: { kind: 'function', summary: 'Mean over the given axes (axis, keepdims), NumPy-style, on any Keras backend.', tags: ['tensors'] },
    sum: { kind: 'function', summary: 'Sum over the given axes (axis, keepdims), NumPy-style, on any Keras backend.', tags: ['tensors'] },
    max: { kind: 'function', summary: 'Maximum over the given axes (axis, keepdims), NumPy-style, on any Keras backend.', tags: ['tensors'] },
    concatenate: { kind: 'function', summary: 'Joins tensors along an existing axis (default 0), NumPy-style, on any Keras backend.', tags: ['tensors'] },
    reshape: { kind: 'function', summary: 'Gives a tensor a new shape with the same number of elements, on any Keras backend.', tags: ['tensors'] },
    expand_dims: { kind: 'function', summary: 'Inserts a size-1 axis at the given position, on any Keras backend.', tags: ['tensors'] },
    cast: { kind: 'function', summary: 'Converts a tensor to another dtype, on any Keras backend.', tags: ['tensors'] },
    stack: { kind: 'function', summary: 'Joins tensors along a new axis, on any Keras backend.', tags: ['tensors'] },
    transpose: { kind: 'function', summary: 'Permutes the axes of a tensor (reverses them by default), on any Keras backend.', tags: ['tensors'] },
    shape: { kind: 'function', summary: 'The shape of a tensor as a tuple, with None or symbolic sizes where they are not known yet.', tags: ['tensors'] },
  },
);

/** The functions TF 2.21's tf.keras view still exports (read from the installed keras._tf_keras.keras.backend). */
const KEPT_IN_TF_KERAS: Record<string, string> = {
  cast: 'cast',
  concatenate: 'concatenate',
  dot: 'dot',
  expand_dims: 'expand_dims',
  get_value: 'convert_to_numpy',
  int_shape: 'shape',
  max: 'max',
  mean: 'mean',
  reshape: 'reshape',
  set_value: '',
  stack: 'stack',
  sum: 'sum',
  transpose: 'transpose',
  variable: '',
};

/**
 * `tf.keras.backend.mean` and its siblings are real, working names in TF 2.16+: the tf.keras view keeps the Keras 2
 * backend functions. Exact entries stop the tf.keras -> keras alias from reporting them as removed.
 */
const tfKerasView = defineGroup(
  {
    framework: 'keras',
    module: 'tensorflow.keras.backend',
    verified: INSTALLED,
    sources: [TRUTH, MIGRATION],
    docs: () => MIGRATION,
  },
  Object.fromEntries(
    Object.entries(KEPT_IN_TF_KERAS).map(([name, op]): [string, EntrySpec] => [
      name,
      {
        kind: 'function',
        summary: `Keras 2 backend function still exported by tf.keras in TensorFlow 2.16+ (the keras._tf_keras view); \`import keras\` (Keras 3) has no keras.backend.${name}.${op ? ` keras.ops.${op} is the portable form.` : ''}`,
        tags: ['tensors'],
      },
    ]),
  ),
);

const tfKerasBackend = defineGroup(
  { framework: 'keras', module: '', verified: INSTALLED, sources: [TRUTH, MIGRATION], docs: () => MIGRATION },
  {
    'tensorflow.keras.backend': {
      kind: 'module',
      summary: 'The backend module of the tf.keras view: in TensorFlow 2.16+ it keeps many Keras 2 backend functions (K.mean, K.cast...) that Keras 3\'s own keras.backend dropped.',
    },
  },
);

export default [...backend, ...ops, ...tfKerasBackend, ...tfKerasView];
