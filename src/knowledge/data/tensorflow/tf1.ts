/**
 * The TF1 surface: names that left the TensorFlow 2 namespace in 2.0 (most still reachable as tf.compat.v1.X),
 * plus tf.contrib and tf.estimator, each with its TF2 replacement.
 */
import { defineGroup, docsUrl } from '../../define';
import type { EntrySpec } from '../../define';
import type { GraphMode, KnowledgeEntry, Replacement } from '../../types';
import graphModeFacts from './graph-mode.json';
import { initialWeights } from '../pairs';

const RENAMES = 'https://github.com/tensorflow/tensorflow/blob/master/tensorflow/tools/compatibility/renames_v2.py';
const MIGRATE = 'https://www.tensorflow.org/guide/migrate';
const REMOVED_2_0 = { state: 'removed' as const, since: '2.0', date: '2019-09', note: 'Gone from the TF2 namespace; tf.compat.v1 keeps the TF1 version.' };
const LAZY_LOADER = 'https://github.com/tensorflow/tensorflow/blob/v2.21.0/tensorflow/python/util/lazy_loader.py';
const KERAS3_STUB = { ...REMOVED_2_0, note: 'Gone from the TF2 namespace; in TensorFlow 2.21 with Keras 3 its tf.compat.v1 copy only raises AttributeError (not available with Keras 3).' };
const STUB_VERIFIED = 'TensorFlow 2.21.0 / Keras 3.15.1 installed: every tf.compat.v1.layers name raises AttributeError (scripts/truth/dump_api.py records it), 2026-12-08';

const defaults = {
  framework: 'tensorflow' as const,
  module: 'tensorflow',
  verified: 'tf_upgrade_v2 renames_v2.py and TF2 API golden files, read 2026-11-25; names, status and quoted defaults checked against TensorFlow 2.21.0 / Keras 3.15.1 installed (test/fixtures/truth), 2026-11-27',
  sources: [RENAMES, MIGRATE],
  status: REMOVED_2_0,
  docs: (name: string) => docsUrl.tf(name.replace(/^tensorflow\./, 'tensorflow.compat.v1.')),
};

const v1 = (key: string): string => `tensorflow.compat.v1.${key}`;

/** TF1 calls whose tf.compat.v1 copy raises under eager execution, by TF1 name (checked in test/real/migrations/test_graph_mode.py). */
const GRAPH_MODE = graphModeFacts.apis as Record<string, GraphMode>;

/** What a note says of the tf.compat.v1 copy: it keeps the TF1 behaviour, in graph mode only for the calls that need it. */
function compatKeeps(key: string): string {
  return GRAPH_MODE[`tensorflow.${key}`] ? `tf.compat.v1.${key} keeps the TF1 behaviour in graph mode only: call tf.compat.v1.disable_v2_behavior() first.` : `tf.compat.v1.${key} keeps the TF1 behaviour.`;
}

/** A TF1 name whose only TF2 home is tf.compat.v1: the rename is the safe step (same behaviour). */
function compatOnly(key: string, kind: EntrySpec['kind'], summary: string, note: string, extra: Partial<EntrySpec> = {}): EntrySpec {
  return { kind, summary, replacement: { name: v1(key), dropIn: true, note }, tags: ['training-loop'], ...extra };
}
/** A TF1 name with an idiomatic TF2 API; tf.compat.v1 still has the old one. */
function idiomatic(key: string, kind: EntrySpec['kind'], summary: string, target: string, note: string, extra: Partial<EntrySpec> = {}): EntrySpec {
  const replacement: Replacement = { name: target, note: `${note} ${compatKeeps(key)}` };
  return { kind, summary, replacement, ...extra };
}
/**
 * A TF1 layer name whose tf.compat.v1 copy is a Keras 2 stub: in TensorFlow 2.21 with Keras 3 (its default) every name
 * under tf.compat.v1.layers raises AttributeError ("not available with Keras 3"); TensorFlow's lazy loader routes them
 * to the tf_keras package (Keras 2) only when TF_USE_LEGACY_KERAS=1 is set. Checked per name in recommended.test.ts.
 */
function kerasStub(key: string, kind: EntrySpec['kind'], summary: string, target: string, note: string, extra: Partial<EntrySpec> = {}): EntrySpec {
  const replacement: Replacement = { name: target, note: `${note} tf.compat.v1.${key} only raises in TensorFlow 2.21 with Keras 3 (AttributeError: not available with Keras 3).` };
  return { kind, summary, replacement, status: KERAS3_STUB, verified: STUB_VERIFIED, sources: [RENAMES, MIGRATE, LAZY_LOADER], ...extra };
}

/**
 * A TF1 RNN function whose tf.compat.v1 copy runs, but with no cell TensorFlow 2.21 ships: under Keras 3 every class in
 * tf.compat.v1.nn.rnn_cell raises AttributeError and Keras 3 cells are refused (TypeError from get_initial_state), so
 * only a cell written by hand works (checked in the third audit of issue 30).
 */
const CELLS_RAISE = { ...REMOVED_2_0, note: 'Gone from the TF2 namespace; its tf.compat.v1 copy runs only with a cell you write yourself, since TensorFlow 2.21 with Keras 3 has no TF1 cell that works.' };
function needsCell(key: string, kind: EntrySpec['kind'], summary: string, target: string, note: string, extra: Partial<EntrySpec> = {}): EntrySpec {
  const replacement: Replacement = { name: target, note: `${note} tf.compat.v1.${key} still runs, but every cell class in tf.compat.v1.nn.rnn_cell raises AttributeError in TensorFlow 2.21 with Keras 3 (not available with Keras 3) and Keras 3 cells are refused (TypeError), so it takes only a cell you write yourself.` };
  return { kind, summary, replacement, status: CELLS_RAISE, ...extra };
}

/** A pure rename that tf_upgrade_v2 applies: same function, new module. */
function moved(kind: EntrySpec['kind'], summary: string, target: string, extra: Partial<EntrySpec> = {}): EntrySpec {
  return { kind, summary, replacement: { name: target, dropIn: true, note: 'Same op under its TF2 name.' }, tags: ['tensors'], ...extra };
}

/** What the truth fixtures were dumped from; entries re-checked against them say so. */
const INSTALLED = 'TensorFlow 2.21.0 / Keras 3.15.1 installed (test/fixtures/truth), 2026-11-27';
const TF_SOURCE = 'https://github.com/tensorflow/tensorflow/tree/v2.21.0/tensorflow/python';

const SESSION_NOTE = 'In TF2 code runs eagerly; wrap hot code in tf.function instead of building a graph and calling session.run.';

/** The entries, each graph-mode TF1 API with its fact attached (one source: graph-mode.json). */
const entries: KnowledgeEntry[] = [
  ...defineGroup({ ...defaults, module: '', status: { state: 'current' } }, {
    'tensorflow.compat.v1': { kind: 'module', summary: 'The TF1 API kept inside TensorFlow 2 for legacy code; new code should use the TF2 names.', docs: docsUrl.tf('tensorflow.compat.v1'), sources: [MIGRATE], section: 'changes-since-2023' },
    'tensorflow.compat': { kind: 'module', summary: 'Compatibility helpers and the v1/v2 API namespaces.', docs: docsUrl.tf('tensorflow.compat'), sources: [MIGRATE] },
  }),
  // tf.compat.v1 names whose TF1 signature differs in a way that inverts meaning get their own entry, so the
  // compat.v1 alias does not show the TF2 note for them (tf.compat.v1.nn.dropout's 2nd argument is keep_prob).
  ...defineGroup({ ...defaults, module: '', status: { state: 'current' }, verified: INSTALLED, sources: [MIGRATE, TF_SOURCE] }, {
    'tensorflow.compat.v1.nn': { kind: 'module', summary: 'The TF1 tf.nn ops kept in TensorFlow 2; some keep TF1 arguments (dropout keep_prob, conv2d filter, softmax dim).', docs: docsUrl.tf('tensorflow.compat.v1.nn') },
    'tensorflow.compat.v1.nn.dropout': {
      kind: 'function',
      summary: 'TF1 dropout: dropout(x, keep_prob=None, noise_shape=None, seed=None, name=None, rate=None). The second positional argument is keep_prob, the probability to keep; TF2 tf.nn.dropout takes rate, the probability to drop.',
      docs: docsUrl.tf('tensorflow.compat.v1.nn.dropout'),
      tags: ['tensors'],
      keywords: {
        keep_prob: {
          status: { state: 'deprecated', note: "TensorFlow's deprecated_args decorator on this function asks for rate instead." },
          note: 'Pass rate=1 - keep_prob instead; moving to tf.nn.dropout keeps the same number only if you convert it, or the drop rate inverts.',
        },
      },
      equivalents: [{ name: 'torch.nn.functional.dropout', note: 'F.dropout takes p, the probability to drop (like rate, unlike keep_prob), and is active only when training=True.' }],
    },
  }),
  ...defineGroup({ ...defaults, module: '' }, {
    'tensorflow.contrib': { kind: 'module', summary: 'TF1 home of experimental and community code; not shipped with TensorFlow 2 and not convertible by tf_upgrade_v2.', docs: 'https://www.tensorflow.org/guide/migrate', sources: ['https://github.com/tensorflow/tensorflow/blob/master/tensorflow/tools/compatibility/tf_upgrade_v2_safety_test.py', MIGRATE], status: { state: 'removed', since: '2.0', date: '2019-09', note: 'No tf.compat.v1 copy exists: each piece moved into core TF, Keras or a separate project, or was dropped.' }, section: 'changes-since-2023' },
    'tensorflow.contrib.slim': {
      kind: 'module',
      summary: 'TF-Slim, the TF1 high-level layers, arg_scope and training helpers that lived in tf.contrib.',
      docs: 'https://www.tensorflow.org/guide/migrate',
      sources: ['https://pypi.org/project/tf-slim/', MIGRATE],
      status: { state: 'removed', since: '2.0', date: '2019-09', note: 'Left TensorFlow with the rest of tf.contrib; no tf.compat.v1 copy.' },
      replacement: { name: 'tf_slim', external: true, note: 'TF-Slim continues as the separate tf-slim package: pip install tf-slim, then import tf_slim as slim. For new code use Keras layers.' },
    },
    'tensorflow.python_io': { kind: 'module', summary: 'TF1 home of TFRecord reading and writing helpers.', replacement: { name: 'tensorflow.io', note: 'TFRecordWriter and TFRecordOptions moved to tf.io; reading goes through tf.data.TFRecordDataset.' }, tags: ['data-pipeline'] },
    'tensorflow.saved_model.loader': { kind: 'module', summary: 'TF1 SavedModel loading into a session.', replacement: { name: 'tensorflow.saved_model.load', note: 'tf.compat.v1.saved_model.loader keeps the session-based loader.' }, tags: ['export'] },
    'tensorflow.saved_model.builder': { kind: 'module', summary: 'TF1 SavedModelBuilder for session graphs.', replacement: { name: 'tensorflow.saved_model.save', note: 'tf.compat.v1.saved_model.builder keeps the builder in graph mode only: call tf.compat.v1.disable_v2_behavior() first.' }, tags: ['export'] },
    'tensorflow.saved_model.tag_constants': { kind: 'module', summary: 'TF1 module of SavedModel tag constants.', replacement: { name: 'tensorflow.saved_model.SERVING', note: 'The tags are top-level constants of tf.saved_model in TF2.' }, tags: ['export'] },
    'tensorflow.layers': {
      kind: 'module',
      summary: 'TF1 functional layers (dense, conv2d...) that create variables in graph scopes.',
      status: KERAS3_STUB,
      verified: STUB_VERIFIED,
      sources: [RENAMES, MIGRATE, LAZY_LOADER],
      replacement: { name: 'keras.layers', note: 'Keras layers own their weights. tf.compat.v1.layers only raises in TensorFlow 2.21 with Keras 3 (every name: AttributeError, not available with Keras 3); TensorFlow routes it to the tf_keras package (Keras 2) only when TF_USE_LEGACY_KERAS=1 is set.' },
      tags: ['sequential-model'],
    },
    'tensorflow.logging': { kind: 'module', summary: 'TF1 logging helpers (info, warning, set_verbosity).', replacement: { name: 'tensorflow.get_logger', note: 'Use tf.get_logger() or the Python logging module; tf.compat.v1.logging keeps the old calls.' } },
    'tensorflow.app': { kind: 'module', summary: 'TF1 wrapper around absl app and flags.', replacement: { name: 'absl.app', external: true, note: 'Use absl-py directly (absl.app.run, absl.flags); tf.compat.v1.app keeps the wrapper.' } },
    'tensorflow.estimator': { kind: 'module', summary: 'High-level Estimator API (model_fn, input_fn, train_and_evaluate) from TF1.', docs: 'https://github.com/tensorflow/tensorflow/releases/tag/v2.16.1', sources: ['https://github.com/tensorflow/tensorflow/releases/tag/v2.16.1'], status: { state: 'removed', since: '2.16', date: '2024-03', note: 'Removed from TensorFlow 2.16 together with the switch to Keras 3.' }, replacement: { name: 'keras.Model', note: 'Rewrite model_fn as a Keras model with compile/fit, or a custom loop with tf.distribute.' }, equivalents: [{ name: 'torch.nn.Module', note: 'PyTorch has no Estimator; training loops are written directly.' }], section: 'changes-since-2023' },
  }),
  ...defineGroup(defaults, {
    Session: compatOnly('Session', 'class', 'Runs a TF1 graph: sess.run(fetches, feed_dict).', `Renaming keeps TF1 graph behaviour (needs graph mode). ${SESSION_NOTE}`, { section: 'changes-since-2023' }),
    InteractiveSession: compatOnly('InteractiveSession', 'class', 'A Session that installs itself as the default, for notebooks.', SESSION_NOTE),
    get_default_session: compatOnly('get_default_session', 'function', 'Returns the Session installed as default.', SESSION_NOTE),
    get_default_graph: compatOnly('get_default_graph', 'function', 'Returns the global default graph.', 'TF2 has no global graph; tf.function builds its own.'),
    reset_default_graph: compatOnly('reset_default_graph', 'function', 'Clears the global default graph.', 'In TF2 use keras.backend.clear_session() to reset Keras state.'),
    placeholder: idiomatic('placeholder', 'function', 'A graph input fed through feed_dict at session.run.', 'keras.Input', 'Pass tensors as function arguments (optionally with tf.function input_signature), or declare keras.Input for Keras models.', { tags: ['sequential-model', 'mnist-mlp'], section: 'changes-since-2023' }),
    placeholder_with_default: compatOnly('placeholder_with_default', 'function', 'A placeholder that falls back to a default value when not fed.', 'In TF2 use a Python default argument.'),
    sparse_placeholder: compatOnly('sparse_placeholder', 'function', 'A placeholder for SparseTensor inputs.', 'In TF2 pass a tf.sparse.SparseTensor as an argument.'),
    global_variables_initializer: compatOnly('global_variables_initializer', 'function', 'An op that initialises all global variables, run once in a Session.', 'TF2 variables are initialised when created, so simply delete the call in TF2 code.'),
    initialize_all_variables: {
      kind: 'function',
      summary: 'Older name of global_variables_initializer; its own deprecation notice (removal date 2017-03-02) points to global_variables_initializer.',
      replacement: { name: 'tensorflow.compat.v1.global_variables_initializer', dropIn: true, note: 'Same op under its TF1 successor name. In TF2 code delete the call: variables initialise when created.' },
      tags: ['training-loop'],
      verified: INSTALLED,
      sources: [RENAMES, MIGRATE, TF_SOURCE],
    },
    local_variables_initializer: compatOnly('local_variables_initializer', 'function', 'Initialises local variables (e.g. TF1 metric counters).', 'Not needed in TF2.'),
    variables_initializer: compatOnly('variables_initializer', 'function', 'Initialises a given list of variables.', 'Not needed in TF2.'),
    tables_initializer: compatOnly('tables_initializer', 'function', 'Initialises lookup tables in a graph.', 'TF2 lookup tables initialise eagerly.'),
    variable_scope: compatOnly('variable_scope', 'context-manager', 'Scopes variable names and controls reuse for get_variable.', 'TF2 code shares variables through objects (Keras layers, tf.Module), not name scopes.', { tags: ['custom-layer'] }),
    get_variable_scope: compatOnly('get_variable_scope', 'function', 'Returns the current variable scope.', 'No TF2 equivalent; variables belong to objects.'),
    AUTO_REUSE: compatOnly('AUTO_REUSE', 'constant', 'Reuse mode that creates variables if missing and reuses them otherwise.', 'No TF2 equivalent; reuse an object to reuse its variables.'),
    get_variable: idiomatic('get_variable', 'function', 'Creates or reuses a variable by name inside a variable_scope.', 'tensorflow.Variable', 'Create tf.Variable objects owned by a layer or tf.Module (add_weight inside Keras layers).', { tags: ['custom-layer'] }),
    global_variables: compatOnly('global_variables', 'function', 'Lists variables in the GLOBAL_VARIABLES collection.', 'In TF2 read model.variables or module.variables.'),
    trainable_variables: compatOnly('trainable_variables', 'function', 'Lists variables in the TRAINABLE_VARIABLES collection.', 'In TF2 read model.trainable_variables.'),
    get_collection: compatOnly('get_collection', 'function', 'Reads a graph collection by key.', 'TF2 removed collections; track state on objects.'),
    add_to_collection: compatOnly('add_to_collection', 'function', 'Adds a value to a graph collection.', 'TF2 removed collections.'),
    GraphKeys: compatOnly('GraphKeys', 'class', 'Standard names of graph collections.', 'TF2 removed collections.'),
    ConfigProto: compatOnly('ConfigProto', 'class', 'Session configuration (GPU options, threads, placement logging).', 'In TF2 use tf.config (e.g. tf.config.experimental.set_memory_growth).'),
    disable_eager_execution: compatOnly('disable_eager_execution', 'function', 'Switches TensorFlow 2 back to graph mode for TF1-style code.', 'Only for legacy code paths.'),
    disable_v2_behavior: compatOnly('disable_v2_behavior', 'function', 'Turns off all TF2 behaviours (eager, resource variables, v2 control flow).', 'Only for legacy code paths.'),
    enable_eager_execution: compatOnly('enable_eager_execution', 'function', 'Opt-in eager mode in TF 1.x.', 'Eager is the default in TF2; delete the call.'),
    set_random_seed: idiomatic('set_random_seed', 'function', 'Sets the graph-level random seed.', 'keras.utils.set_random_seed', 'In TF2 use tf.random.set_seed or keras.utils.set_random_seed (also seeds Python and NumPy).'),
    make_template: compatOnly('make_template', 'function', 'Wraps a function so its variables are shared across calls.', 'In TF2 use a Keras layer or tf.Module.'),
    Print: idiomatic('Print', 'function', 'Identity op that prints tensors as a side effect when run.', 'tensorflow.print', 'tf.print prints directly (and works inside tf.function).'),
    py_func: idiomatic('py_func', 'function', 'Wraps a NumPy Python function as a graph op.', 'tensorflow.numpy_function', 'tf.numpy_function is the same idea; tf.py_function passes eager tensors.'),
    to_float: idiomatic('to_float', 'function', 'Casts a tensor to float32.', 'tensorflow.cast', 'Write tf.cast(x, tf.float32).'),
    to_int32: idiomatic('to_int32', 'function', 'Casts a tensor to int32.', 'tensorflow.cast', 'Write tf.cast(x, tf.int32).'),
    to_int64: idiomatic('to_int64', 'function', 'Casts a tensor to int64.', 'tensorflow.cast', 'Write tf.cast(x, tf.int64).'),
    to_double: idiomatic('to_double', 'function', 'Casts a tensor to float64.', 'tensorflow.cast', 'Write tf.cast(x, tf.float64).'),
    assign: compatOnly('assign', 'function', 'Assigns a value to a variable as a graph op.', 'In TF2 call variable.assign(value).'),
    assign_add: compatOnly('assign_add', 'function', 'Adds to a variable as a graph op.', 'In TF2 call variable.assign_add(delta).'),
    div: idiomatic('div', 'function', 'TF1 Python-2-style division (floor for integers).', 'tensorflow.divide', 'Use tf.divide or tf.math.floordiv depending on the intended semantics.'),
    random_normal: moved('function', 'Normal random values (TF1 name).', 'tensorflow.random.normal'),
    random_uniform: moved('function', 'Uniform random values (TF1 name).', 'tensorflow.random.uniform'),
    truncated_normal: moved('function', 'Truncated normal random values (TF1 name).', 'tensorflow.random.truncated_normal'),
    random_shuffle: moved('function', 'Shuffles along the first dimension (TF1 name).', 'tensorflow.random.shuffle'),
    random_crop: moved('function', 'Random crop (TF1 name).', 'tensorflow.image.random_crop', { tags: ['augmentation'] }),
    log: moved('function', 'Natural logarithm (TF1 name).', 'tensorflow.math.log'),
    log1p: moved('function', 'log(1 + x) (TF1 name).', 'tensorflow.math.log1p'),
    ceil: moved('function', 'Element-wise ceiling (TF1 name).', 'tensorflow.math.ceil'),
    floordiv: moved('function', 'Floor division (TF1 name).', 'tensorflow.math.floordiv'),
    mod: moved('function', 'Floor modulo (TF1 name).', 'tensorflow.math.floormod'),
    div_no_nan: moved('function', 'Safe division returning 0 for x/0 (TF1 name).', 'tensorflow.math.divide_no_nan'),
    squared_difference: moved('function', 'Squared difference (TF1 name).', 'tensorflow.math.squared_difference'),
    rsqrt: moved('function', 'Reciprocal square root (TF1 name).', 'tensorflow.math.rsqrt'),
    reciprocal: moved('function', 'Reciprocal (TF1 name).', 'tensorflow.math.reciprocal'),
    erf: moved('function', 'Error function (TF1 name).', 'tensorflow.math.erf'),
    is_nan: moved('function', 'NaN test (TF1 name).', 'tensorflow.math.is_nan'),
    check_numerics: moved('function', 'NaN/Inf check (TF1 name).', 'tensorflow.debugging.check_numerics'),
    lin_space: moved('function', 'Evenly spaced values (TF1 name).', 'tensorflow.linspace'),
    svd: moved('function', 'Singular value decomposition (TF1 name).', 'tensorflow.linalg.svd'),
    matrix_inverse: moved('function', 'Matrix inverse (TF1 name).', 'tensorflow.linalg.inv'),
    matrix_determinant: moved('function', 'Determinant (TF1 name).', 'tensorflow.linalg.det'),
    matrix_solve: moved('function', 'Linear solve (TF1 name).', 'tensorflow.linalg.solve'),
    matrix_transpose: moved('function', 'Transpose of the last two dims (TF1 name).', 'tensorflow.linalg.matrix_transpose'),
    cholesky: moved('function', 'Cholesky decomposition (TF1 name).', 'tensorflow.linalg.cholesky'),
    trace: moved('function', 'Matrix trace (TF1 name).', 'tensorflow.linalg.trace'),
    diag: moved('function', 'Diagonal tensor from values (TF1 name).', 'tensorflow.linalg.tensor_diag'),
    fft: moved('function', '1-D fast Fourier transform (TF1 name).', 'tensorflow.signal.fft'),
    string_join: moved('function', 'Joins strings (TF1 name).', 'tensorflow.strings.join'),
    sparse_tensor_to_dense: moved('function', 'SparseTensor to dense (TF1 name).', 'tensorflow.sparse.to_dense'),
    read_file: moved('function', 'Reads a file (TF1 name).', 'tensorflow.io.read_file', { tags: ['data-pipeline'] }),
    write_file: moved('function', 'Writes a file (TF1 name).', 'tensorflow.io.write_file'),
    FixedLenFeature: moved('class', 'Fixed-length feature spec (TF1 name).', 'tensorflow.io.FixedLenFeature', { tags: ['data-pipeline'] }),
    VarLenFeature: moved('class', 'Variable-length feature spec (TF1 name).', 'tensorflow.io.VarLenFeature', { tags: ['data-pipeline'] }),
    FIFOQueue: moved('class', 'FIFO queue (TF1 name).', 'tensorflow.queue.FIFOQueue', { tags: ['data-pipeline'] }),
    'python_io.TFRecordWriter': moved('class', 'TFRecord writer (TF1 location).', 'tensorflow.io.TFRecordWriter', { tags: ['data-pipeline'] }),
    'image.resize_image_with_crop_or_pad': moved('function', 'Crop-or-pad resize (TF1 name).', 'tensorflow.image.resize_with_crop_or_pad', { tags: ['augmentation'] }),
    'image.resize_bilinear': idiomatic('image.resize_bilinear', 'function', 'Bilinear image resize (TF1).', 'tensorflow.image.resize', 'Use tf.image.resize(images, size, method="bilinear"); TF2 resize has no align_corners and uses half-pixel centres.', { tags: ['augmentation'] }),
    'image.resize_nearest_neighbor': idiomatic('image.resize_nearest_neighbor', 'function', 'Nearest-neighbour image resize (TF1).', 'tensorflow.image.resize', 'Use tf.image.resize(images, size, method="nearest").', { tags: ['augmentation'] }),
    'layers.dense': kerasStub('layers.dense', 'function', 'Functional fully connected layer that creates its variables in the current scope.', 'keras.layers.Dense', 'Create a keras.layers.Dense once and call it; weights live on the layer.', { tags: ['sequential-model', 'mnist-mlp'], equivalents: [{ name: 'torch.nn.Linear', note: `Linear needs in_features and has no activation argument; its weight is (out, in), the TF1 kernel variable (in, out), as in keras.layers.Dense. ${initialWeights('in_features', 'the TF1 layer')}` }] }),
    'layers.conv2d': kerasStub('layers.conv2d', 'function', 'Functional 2-D convolution layer (TF1).', 'keras.layers.Conv2D', 'Use keras.layers.Conv2D.', { tags: ['sequential-model'], equivalents: [{ name: 'torch.nn.Conv2d', note: `NCHW in PyTorch with a weight (out, in, kh, kw); the TF1 kernel variable is (kh, kw, in, out), as in keras.layers.Conv2D. ${initialWeights('in × kh × kw', 'the TF1 layer')}` }] }),
    'layers.conv1d': kerasStub('layers.conv1d', 'function', 'Functional 1-D convolution layer (TF1).', 'keras.layers.Conv1D', 'Use keras.layers.Conv1D.'),
    'layers.conv2d_transpose': kerasStub('layers.conv2d_transpose', 'function', 'Functional transposed convolution (TF1).', 'keras.layers.Conv2DTranspose', 'Use keras.layers.Conv2DTranspose.'),
    'layers.max_pooling2d': kerasStub('layers.max_pooling2d', 'function', 'Functional 2-D max pooling (TF1).', 'keras.layers.MaxPooling2D', 'Use keras.layers.MaxPooling2D.'),
    'layers.average_pooling2d': kerasStub('layers.average_pooling2d', 'function', 'Functional 2-D average pooling (TF1).', 'keras.layers.AveragePooling2D', 'Use keras.layers.AveragePooling2D.'),
    'layers.batch_normalization': kerasStub('layers.batch_normalization', 'function', 'Functional batch norm (TF1); moving averages were updated through UPDATE_OPS.', 'keras.layers.BatchNormalization', 'Keras BatchNormalization updates its statistics itself when training=True.'),
    'layers.dropout': kerasStub('layers.dropout', 'function', 'Functional dropout with a training flag (TF1).', 'keras.layers.Dropout', 'Use keras.layers.Dropout; rate means the drop probability in both.'),
    'layers.flatten': kerasStub('layers.flatten', 'function', 'Functional flatten (TF1).', 'keras.layers.Flatten', 'Use keras.layers.Flatten.'),
    'layers.separable_conv2d': kerasStub('layers.separable_conv2d', 'function', 'Functional separable convolution (TF1).', 'keras.layers.SeparableConv2D', 'Use keras.layers.SeparableConv2D.'),
    'layers.Dense': kerasStub('layers.Dense', 'class', 'TF1 Dense layer class (tf.layers).', 'keras.layers.Dense', 'Use keras.layers.Dense.'),
    'layers.Conv2D': kerasStub('layers.Conv2D', 'class', 'TF1 Conv2D layer class (tf.layers).', 'keras.layers.Conv2D', 'Use keras.layers.Conv2D.'),
    'layers.BatchNormalization': kerasStub('layers.BatchNormalization', 'class', 'TF1 batch norm layer class.', 'keras.layers.BatchNormalization', 'Use keras.layers.BatchNormalization.'),
    'layers.Dropout': kerasStub('layers.Dropout', 'class', 'TF1 dropout layer class.', 'keras.layers.Dropout', 'Use keras.layers.Dropout.'),
    'layers.Flatten': kerasStub('layers.Flatten', 'class', 'TF1 flatten layer class.', 'keras.layers.Flatten', 'Use keras.layers.Flatten.'),
    'layers.MaxPooling2D': kerasStub('layers.MaxPooling2D', 'class', 'TF1 max pooling layer class.', 'keras.layers.MaxPooling2D', 'Use keras.layers.MaxPooling2D.'),
    'nn.dynamic_rnn': needsCell('nn.dynamic_rnn', 'function', 'Runs an RNN cell over a batch of sequences in a graph loop.', 'keras.layers.RNN', 'Use keras.layers.RNN with a cell, or LSTM/GRU layers directly.', { equivalents: [{ name: 'torch.nn.LSTM', note: 'dynamic_rnn defaults to batch-major input (time_major=False: batch, time, features); nn.LSTM defaults to sequence-first (batch_first=False: time, batch, features).' }] }),
    'nn.bidirectional_dynamic_rnn': needsCell('nn.bidirectional_dynamic_rnn', 'function', 'Bidirectional dynamic RNN (TF1).', 'keras.layers.Bidirectional', 'Wrap a Keras recurrent layer in Bidirectional: keras.layers.Bidirectional(keras.layers.RNN(cell)) for a Keras cell.'),
    'nn.static_rnn': needsCell('nn.static_rnn', 'function', 'Unrolled RNN over a Python list of time steps (TF1).', 'keras.layers.RNN', 'Use keras.layers.RNN (unroll=True if needed).'),
    'nn.xw_plus_b': idiomatic('nn.xw_plus_b', 'function', 'Computes matmul(x, w) + b.', 'keras.layers.Dense', 'Use a Dense layer or tf.matmul plus tf.nn.bias_add.'),
    'train.AdamOptimizer': idiomatic('train.AdamOptimizer', 'class', 'TF1 Adam optimizer; epsilon 1e-8 by default.', 'keras.optimizers.Adam', 'Keras Adam defaults epsilon to 1e-7; pass epsilon=1e-8 to match.', { tags: ['training-loop', 'mnist-mlp'], equivalents: [{ name: 'torch.optim.Adam', note: 'PyTorch eps is 1e-8, like TF1.' }], section: 'changes-since-2023' }),
    'train.GradientDescentOptimizer': idiomatic('train.GradientDescentOptimizer', 'class', 'TF1 plain gradient descent optimizer.', 'keras.optimizers.SGD', 'Use keras.optimizers.SGD(learning_rate=...).', { tags: ['training-loop'], equivalents: [{ name: 'torch.optim.SGD' }] }),
    'train.MomentumOptimizer': idiomatic('train.MomentumOptimizer', 'class', 'TF1 SGD with momentum (momentum is required).', 'keras.optimizers.SGD', 'Use keras.optimizers.SGD(learning_rate, momentum=..., nesterov=...).', { tags: ['training-loop'], equivalents: [{ name: 'torch.optim.SGD' }] }),
    'train.RMSPropOptimizer': idiomatic('train.RMSPropOptimizer', 'class', 'TF1 RMSProp; decay 0.9 and epsilon 1e-10 by default.', 'keras.optimizers.RMSprop', 'Keras names decay rho and defaults epsilon to 1e-7.', { tags: ['training-loop'], equivalents: [{ name: 'torch.optim.RMSprop', note: 'TF1 decay is PyTorch alpha, but TF1 starts the mean square at 1 and PyTorch at 0, so the first steps are much smaller in TF1.' }] }),
    'train.AdagradOptimizer': idiomatic('train.AdagradOptimizer', 'class', 'TF1 Adagrad optimizer.', 'keras.optimizers.Adagrad', 'Use keras.optimizers.Adagrad.', { tags: ['training-loop'], equivalents: [{ name: 'torch.optim.Adagrad', note: 'TF1 starts the accumulator at 0.1 (initial_accumulator_value), PyTorch at 0, and PyTorch adds eps 1e-10 to the square root of the accumulator.' }] }),
    'train.AdadeltaOptimizer': idiomatic('train.AdadeltaOptimizer', 'class', 'TF1 Adadelta optimizer.', 'keras.optimizers.Adadelta', 'Keras Adadelta defaults epsilon to 1e-7 (TF1 1e-8), which makes its first steps about three times larger: pass epsilon=1e-8 to match.', { tags: ['training-loop'] }),
    'train.FtrlOptimizer': idiomatic('train.FtrlOptimizer', 'class', 'TF1 FTRL optimizer for wide sparse models.', 'keras.optimizers.Ftrl', 'Use keras.optimizers.Ftrl.', { tags: ['training-loop'] }),
    'train.Optimizer': idiomatic('train.Optimizer', 'class', 'Base class of TF1 optimizers (minimize, compute_gradients, apply_gradients).', 'keras.optimizers.Optimizer', 'Keras optimizers use apply_gradients with gradients from tf.GradientTape.', { tags: ['training-loop'] }),
    'train.SyncReplicasOptimizer': idiomatic('train.SyncReplicasOptimizer', 'class', 'TF1 synchronous multi-replica optimizer wrapper.', 'tensorflow.distribute.MultiWorkerMirroredStrategy', 'Use a tf.distribute strategy.', { tags: ['distributed'] }),
    'train.Saver': idiomatic('train.Saver', 'class', 'TF1 name-based checkpointing of graph variables.', 'tensorflow.train.Checkpoint', 'tf.train.Checkpoint saves by object structure; Checkpoint.restore also loads name-based Saver checkpoints (matching variables by name), so re-save them with Checkpoint.save.', { tags: ['checkpoints'], equivalents: [{ name: 'torch.save' }], verified: INSTALLED, sources: [RENAMES, MIGRATE, TF_SOURCE] }),
    'train.MonitoredTrainingSession': idiomatic('train.MonitoredTrainingSession', 'class', 'TF1 session with hooks, checkpointing and summaries for distributed training.', 'keras.Model', 'Use model.fit with callbacks, or a custom loop with tf.distribute and tf.train.CheckpointManager.', { tags: ['training-loop'] }),
    'train.Supervisor': compatOnly('train.Supervisor', 'class', 'Old TF1 training supervisor.', 'Superseded even in TF1 by MonitoredTrainingSession.'),
    'train.Server': moved('class', 'In-process cluster server (TF1 location).', 'tensorflow.distribute.Server', { tags: ['distributed'] }),
    'train.exponential_decay': idiomatic('train.exponential_decay', 'function', 'TF1 exponential learning-rate decay driven by global_step.', 'keras.optimizers.schedules.ExponentialDecay', 'Pass the schedule object as learning_rate.', { tags: ['lr-schedule'], equivalents: [{ name: 'torch.optim.lr_scheduler.ExponentialLR' }] }),
    'train.piecewise_constant': idiomatic('train.piecewise_constant', 'function', 'TF1 piecewise constant learning rate.', 'keras.optimizers.schedules.PiecewiseConstantDecay', 'Pass the schedule object as learning_rate.', { tags: ['lr-schedule'], equivalents: [{ name: 'torch.optim.lr_scheduler.MultiStepLR' }] }),
    'train.polynomial_decay': idiomatic('train.polynomial_decay', 'function', 'TF1 polynomial learning-rate decay.', 'keras.optimizers.schedules.PolynomialDecay', 'Pass the schedule object as learning_rate.', { tags: ['lr-schedule'] }),
    'train.cosine_decay': idiomatic('train.cosine_decay', 'function', 'TF1 cosine learning-rate decay.', 'keras.optimizers.schedules.CosineDecay', 'Pass the schedule object as learning_rate.', { tags: ['lr-schedule'], equivalents: [{ name: 'torch.optim.lr_scheduler.CosineAnnealingLR' }] }),
    'train.get_or_create_global_step': compatOnly('train.get_or_create_global_step', 'function', 'Returns the graph\u2019s global step variable, creating it if needed.', 'In TF2 optimizers count steps in optimizer.iterations.'),
    'train.get_global_step': compatOnly('train.get_global_step', 'function', 'Returns the global step variable.', 'In TF2 read optimizer.iterations.'),
    'train.import_meta_graph': compatOnly('train.import_meta_graph', 'function', 'Recreates a saved graph from a MetaGraphDef.', 'In TF2 export with tf.saved_model.save and load with tf.saved_model.load.', { tags: ['checkpoints'] }),
    'train.shuffle_batch': idiomatic('train.shuffle_batch', 'function', 'Queue-based shuffled batching (TF1).', 'tensorflow.data.Dataset', 'Use dataset.shuffle(buffer).batch(n).', { tags: ['data-pipeline'], equivalents: [{ name: 'torch.utils.data.DataLoader' }] }),
    'train.batch': idiomatic('train.batch', 'function', 'Queue-based batching (TF1).', 'tensorflow.data.Dataset', 'Use dataset.batch(n).', { tags: ['data-pipeline'] }),
    'train.string_input_producer': idiomatic('train.string_input_producer', 'function', 'Queue of file names for TF1 input pipelines.', 'tensorflow.data.Dataset', 'Use tf.data.Dataset.list_files or from_tensor_slices(filenames).', { tags: ['data-pipeline'] }),
    'train.start_queue_runners': idiomatic('train.start_queue_runners', 'function', 'Starts the threads of TF1 queue runners; deprecated even in tf.compat.v1 in favour of tf.data.', 'tensorflow.data.Dataset', 'Build the input pipeline with tf.data; no threads to start.', { tags: ['data-pipeline'], verified: INSTALLED, sources: [RENAMES, MIGRATE, TF_SOURCE] }),
    'train.QueueRunner': compatOnly('train.QueueRunner', 'class', 'Holds threads that fill a TF1 queue.', 'Not needed with tf.data.', { tags: ['data-pipeline'] }),
    'train.init_from_checkpoint': compatOnly('train.init_from_checkpoint', 'function', 'Initialises variables from a checkpoint by name mapping.', 'In TF2 restore with tf.train.Checkpoint on the same object structure.', { tags: ['checkpoints', 'transfer-learning'] }),
    'train.write_graph': moved('function', 'Writes a graph proto (TF1 location).', 'tensorflow.io.write_graph'),
    'summary.FileWriter': idiomatic('summary.FileWriter', 'class', 'TF1 event-file writer fed with serialized summaries.', 'tensorflow.summary.create_file_writer', 'Create a writer and log inside writer.as_default(); or use the keras.callbacks.TensorBoard callback.', { tags: ['training-loop'], equivalents: [{ name: 'torch.utils.tensorboard.SummaryWriter' }] }),
    'summary.merge_all': idiomatic('summary.merge_all', 'function', 'Merges all TF1 summary ops of the graph into one op to run.', 'tensorflow.summary.create_file_writer', 'TF2 has nothing to merge: each tf.summary call writes at once to the writer made default with writer.as_default(), with an explicit step. Delete the merge and the session.run of its result.', { verified: INSTALLED }),
    'summary.merge': idiomatic('summary.merge', 'function', 'Merges a list of TF1 summary ops.', 'tensorflow.summary.create_file_writer', 'TF2 has nothing to merge: summaries write at once inside writer.as_default().', { verified: INSTALLED }),
    'logging.set_verbosity': idiomatic('logging.set_verbosity', 'function', 'Sets TF1 log verbosity.', 'tensorflow.get_logger', 'Call tf.get_logger().setLevel(...).'),
    'logging.info': idiomatic('logging.info', 'function', 'Logs an info message through TF1 logging.', 'tensorflow.get_logger', 'Use tf.get_logger().info or the logging module.'),
    'logging.warning': idiomatic('logging.warning', 'function', 'Logs a warning through TF1 logging.', 'tensorflow.get_logger', 'Use tf.get_logger().warning.'),
    'logging.INFO': idiomatic('logging.INFO', 'constant', 'TF1 logging level constant.', 'tensorflow.get_logger', 'Use logging.INFO from the standard library.'),
    'app.run': idiomatic('app.run', 'function', 'Parses flags and runs main (TF1 wrapper).', 'tensorflow.get_logger', 'Call absl.app.run(main) from absl-py.', { replacement: { name: 'absl.app.run', external: true, note: 'absl-py provides app.run and flags; tf.compat.v1.app.run keeps the wrapper.' } }),
    'losses.softmax_cross_entropy': idiomatic('losses.softmax_cross_entropy', 'function', 'TF1 loss: softmax cross-entropy on one-hot labels and logits, added to the LOSSES collection.', 'keras.losses.CategoricalCrossentropy', 'Use CategoricalCrossentropy(from_logits=True).', { tags: ['loss-metrics'], equivalents: [{ name: 'torch.nn.CrossEntropyLoss' }] }),
    'losses.sparse_softmax_cross_entropy': idiomatic('losses.sparse_softmax_cross_entropy', 'function', 'TF1 loss on integer labels and logits.', 'keras.losses.SparseCategoricalCrossentropy', 'Use SparseCategoricalCrossentropy(from_logits=True); its default is from_logits=False.', { tags: ['loss-metrics', 'mnist-mlp'], equivalents: [{ name: 'torch.nn.CrossEntropyLoss' }] }),
    'losses.sigmoid_cross_entropy': idiomatic('losses.sigmoid_cross_entropy', 'function', 'TF1 sigmoid cross-entropy on logits.', 'keras.losses.BinaryCrossentropy', 'Use BinaryCrossentropy(from_logits=True).', { tags: ['loss-metrics'], equivalents: [{ name: 'torch.nn.BCEWithLogitsLoss' }] }),
    'losses.mean_squared_error': idiomatic('losses.mean_squared_error', 'function', 'TF1 mean squared error loss (labels, predictions, weights) with a SUM_BY_NONZERO_WEIGHTS reduction, added to the LOSSES collection.', 'keras.losses.MeanSquaredError', "Use keras.losses.MeanSquaredError() or the function keras.losses.mean_squared_error(y_true, y_pred). TF 2.21's tf.losses is the Keras losses view and has MeanSquaredError and mse, but no mean_squared_error.", { tags: ['loss-metrics'], equivalents: [{ name: 'torch.nn.MSELoss' }], verified: INSTALLED, sources: [RENAMES, MIGRATE, TF_SOURCE] }),
    'losses.huber_loss': idiomatic('losses.huber_loss', 'function', 'TF1 Huber loss added to the LOSSES collection.', 'keras.losses.Huber', 'Use keras.losses.Huber.', { tags: ['loss-metrics'] }),
    'losses.absolute_difference': idiomatic('losses.absolute_difference', 'function', 'TF1 absolute-error loss.', 'keras.losses.MeanAbsoluteError', 'Use keras.losses.MeanAbsoluteError.', { tags: ['loss-metrics'] }),
    'metrics.accuracy': idiomatic('metrics.accuracy', 'function', 'TF1 streaming accuracy returning (value, update_op).', 'keras.metrics.Accuracy', 'Keras metrics are objects with update_state/result.', { tags: ['loss-metrics'] }),
    'metrics.auc': idiomatic('metrics.auc', 'function', 'TF1 streaming AUC returning (value, update_op).', 'keras.metrics.AUC', 'Use keras.metrics.AUC.', { tags: ['loss-metrics'] }),
    'metrics.precision': idiomatic('metrics.precision', 'function', 'TF1 streaming precision.', 'keras.metrics.Precision', 'Use keras.metrics.Precision.', { tags: ['loss-metrics'] }),
    'metrics.recall': idiomatic('metrics.recall', 'function', 'TF1 streaming recall.', 'keras.metrics.Recall', 'Use keras.metrics.Recall.', { tags: ['loss-metrics'] }),
    'metrics.mean': idiomatic('metrics.mean', 'function', 'TF1 streaming mean returning (value, update_op).', 'keras.metrics.Mean', 'Use keras.metrics.Mean.', { tags: ['loss-metrics'] }),
    'data.make_one_shot_iterator': idiomatic('data.make_one_shot_iterator', 'function', 'TF1 iterator over a dataset, used with get_next() in a session.', 'tensorflow.data.Dataset', 'Iterate the dataset directly: for batch in dataset.', { tags: ['data-pipeline'] }),
    'data.make_initializable_iterator': idiomatic('data.make_initializable_iterator', 'function', 'TF1 re-initialisable dataset iterator.', 'tensorflow.data.Dataset', 'Iterate the dataset in a Python loop; re-iterate for each epoch.', { tags: ['data-pipeline'] }),
    'saved_model.simple_save': idiomatic('saved_model.simple_save', 'function', 'TF1 one-call SavedModel export from a session.', 'tensorflow.saved_model.save', 'Use tf.saved_model.save(obj, path) or Keras model.export(path).', { tags: ['export'] }),
    'saved_model.loader.load': idiomatic('saved_model.loader.load', 'function', 'Loads a SavedModel into a TF1 session.', 'tensorflow.saved_model.load', 'tf.saved_model.load returns an object with callable signatures.', { tags: ['export', 'inference'] }),
    'saved_model.builder.SavedModelBuilder': idiomatic('saved_model.builder.SavedModelBuilder', 'class', 'TF1 builder for multi-graph SavedModels.', 'tensorflow.saved_model.save', 'Use tf.saved_model.save with signatures.', { tags: ['export'] }),
    'saved_model.tag_constants.SERVING': moved('constant', 'Serving tag constant (TF1 location).', 'tensorflow.saved_model.SERVING', { tags: ['export'] }),
  }),
];

export default entries.map((e) => (GRAPH_MODE[e.name] ? { ...e, graphMode: GRAPH_MODE[e.name] } : e));
