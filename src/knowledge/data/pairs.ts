/**
 * Cross-framework pairs with structured, checkable facts: which arguments correspond, with both real defaults,
 * the layouts and what the outputs mean. truth.test.ts holds every argument and default against the signatures of the
 * installed TensorFlow 2.21 / Keras 3.15.1 / PyTorch 2.13 (test/fixtures/truth); the notes say the same in words.
 */
import type { ApiRef } from '../types';

/*
 * What every pair of one kind differs in, written once and put into each pair's note (third audit of issue 30;
 * test/unit/knowledge/twins.test.ts checks each kind against the installed signatures).
 */

/** Every Keras loss is called (y_true, y_pred); PyTorch losses take the prediction first. */
export const KERAS_LOSS_ORDER = 'Keras takes (y_true, y_pred), PyTorch (input, target)';
/** tf.nn losses on logits take the labels first. */
export const TF_NN_LOSS_ORDER = 'TF takes (labels, logits), PyTorch (input, target)';
/** MSE, MAE and Huber give the same value with the arguments swapped (checked by running both orders). */
export const SYMMETRIC_LOSS = `${KERAS_LOSS_ORDER}; this loss gives the same value either way.`;
/** Keras and tf.nn cross-entropies read the classes on the last axis, PyTorch's on dim 1 of (N, C, ...). */
export const CLASS_AXIS = 'Keras and TF read the classes on the last axis (axis=-1), PyTorch on dim 1: move them there when the input has more than two dims';
export const CLASS_AXIS_NO_ARG = 'TF reads the classes on the last axis, PyTorch on dim 1';
/** Keras clips probabilities at epsilon 1e-7; torch.nn.functional.binary_cross_entropy clamps the log at -100. */
export const BCE_CLIPPING = 'Keras clips probabilities to [1e-7, 1 - 1e-7] where PyTorch clamps the log at -100: an output of exactly 1 with target 0 costs about 16 in Keras and 100 in PyTorch.';
/**
 * Keras layers start from glorot_uniform and zeros; PyTorch's reset_parameters draws weight and bias from
 * U(±1/√fan_in), with fan_in read from the weight (in/groups × kernel size; out/groups × kernel size for transposes).
 */
export const initialWeights = (fanIn: string, keras = 'Keras'): string =>
  `Initial weights differ: ${keras} starts from glorot_uniform and a zero bias, PyTorch draws weight and bias from U(±1/√fan_in), fan_in = ${fanIn}.`;
/** Keras recurrent layers start from glorot_uniform, orthogonal and zeros; PyTorch's from U(±1/√hidden_size) for every parameter. */
export const rnnInitialWeights = (lstm: boolean): string =>
  `Initial weights differ: Keras starts from glorot_uniform input kernels, orthogonal recurrent kernels and zero biases${lstm ? ' (the forget gate at 1: unit_forget_bias=True)' : ''}, PyTorch draws every weight and bias from U(±1/√hidden_size).`;
/** Keras dropout layers act by the call's training flag, PyTorch modules by their mode. */
export const DROPOUT_TRAINING = 'Keras follows the training flag of the call (fit sets it; a direct call does not drop), PyTorch the module mode (a new module trains until eval())';
/** keras.applications classes end in a softmax; torchvision's builders return logits. */
export const KERAS_APPLICATION_HEAD = 'The Keras model ends in a softmax (classifier_activation="softmax") and returns probabilities; torchvision models return logits.';

/** torch.nn.Linear -> keras.layers.Dense */
export const linearToDense: ApiRef = {
  name: 'keras.layers.Dense',
  note: 'Dense takes only units, infers the input size on first call, and has an activation argument. Its kernel is stored (in, out), PyTorch weight (out, in): transpose when copying weights. The initial weights differ: Linear draws weight and bias from U(-1/√in_features, 1/√in_features); Dense starts with kernel_initializer=\'glorot_uniform\' and bias_initializer=\'zeros\', so two freshly built models train differently until weights are copied.',
  params: [
    { ours: 'out_features', theirs: 'units' },
    { ours: 'in_features', note: 'Dense infers the input size when first called.' },
    { ours: 'bias', ourDefault: 'True', theirs: 'use_bias', theirDefault: 'True' },
  ],
  layout: { ours: 'weight (out_features, in_features)', theirs: 'kernel (input_dim, units)' },
};

/** torch.nn.Conv2d -> keras.layers.Conv2D */
export const conv2dToConv2D: ApiRef = {
  name: 'keras.layers.Conv2D',
  note: 'PyTorch convolutions expect channels-first input (N, C, H, W); Keras defaults to channels-last. Conv2D takes filters and infers the input channels; padding defaults to "valid" (PyTorch 0); its kernel is (kh, kw, in, out), PyTorch weight (out, in, kh, kw). Initial weights differ too: PyTorch draws from U(±1/√fan_in), Keras starts with kernel_initializer=\'glorot_uniform\' and bias_initializer=\'zeros\'.',
  params: [
    { ours: 'out_channels', theirs: 'filters' },
    { ours: 'in_channels', note: 'Conv2D infers the input channels when first called.' },
    { ours: 'kernel_size', theirs: 'kernel_size' },
    { ours: 'stride', ourDefault: '1', theirs: 'strides', theirDefault: '(1, 1)' },
    { ours: 'padding', ourDefault: '0', theirs: 'padding', theirDefault: "'valid'", note: "padding=0 and 'valid' both mean no padding; 'same' exists on both sides." },
    { ours: 'dilation', ourDefault: '1', theirs: 'dilation_rate', theirDefault: '(1, 1)' },
    { ours: 'groups', ourDefault: '1', theirs: 'groups', theirDefault: '1' },
    { ours: 'bias', ourDefault: 'True', theirs: 'use_bias', theirDefault: 'True' },
  ],
  layout: { ours: 'input (N, C, H, W); weight (out_channels, in_channels/groups, kh, kw)', theirs: 'input (N, H, W, C) by default (data_format); kernel (kh, kw, in_channels/groups, filters)' },
};

/** torch.nn.BatchNorm2d -> keras.layers.BatchNormalization */
export const batchNormToBatchNormalization: ApiRef = {
  name: 'keras.layers.BatchNormalization',
  note: 'PyTorch momentum=0.1 weighs the new batch statistic; Keras momentum=0.99 weighs the running value (0.99 in Keras is 0.01 in PyTorch terms). Keras epsilon is 1e-3 (PyTorch 1e-5) and it normalises axis=-1 (channels-last).',
  params: [
    { ours: 'num_features', note: 'BatchNormalization infers the feature count when first called.' },
    { ours: 'eps', ourDefault: '1e-05', theirs: 'epsilon', theirDefault: '0.001' },
    { ours: 'momentum', ourDefault: '0.1', theirs: 'momentum', theirDefault: '0.99', note: 'theirs = 1 - ours' },
    { ours: 'affine', ourDefault: 'True', theirs: 'scale', theirDefault: 'True', note: 'Keras splits the affine part into scale (gamma) and center (beta).' },
  ],
  layout: { ours: 'normalises dim 1 of (N, C, H, W)', theirs: 'normalises axis=-1 of (N, H, W, C)' },
};

/** torch.nn.LayerNorm -> keras.layers.LayerNormalization */
export const layerNormToLayerNormalization: ApiRef = {
  name: 'keras.layers.LayerNormalization',
  note: 'LayerNorm needs normalized_shape and defaults eps to 1e-5; Keras epsilon defaults to 1e-3 and normalises over axis=-1.',
  params: [
    { ours: 'normalized_shape', theirs: 'axis', theirDefault: '-1', note: 'PyTorch names the trailing shape; Keras names the axes.' },
    { ours: 'eps', ourDefault: '1e-05', theirs: 'epsilon', theirDefault: '0.001' },
    { ours: 'elementwise_affine', ourDefault: 'True', theirs: 'scale', theirDefault: 'True' },
    { ours: 'bias', ourDefault: 'True', theirs: 'center', theirDefault: 'True' },
  ],
};

/** torch.nn.Dropout -> keras.layers.Dropout */
export const dropoutToDropout: ApiRef = {
  name: 'keras.layers.Dropout',
  note: 'Same meaning (drop probability, survivors scaled by 1/(1-p)). Keras rate has no default and follows the training flag instead of train()/eval().',
  params: [{ ours: 'p', ourDefault: '0.5', theirs: 'rate' }],
};

/** torch.nn.Dropout1d -> keras.layers.SpatialDropout1D */
export const dropout1dToSpatialDropout1D: ApiRef = {
  name: 'keras.layers.SpatialDropout1D',
  note: `Both drop whole channels, but SpatialDropout1D reads (batch, steps, channels) while Dropout1d reads (N, C, L): transpose, or the wrong axis is dropped. Keras rate has no default, and ${DROPOUT_TRAINING}.`,
  params: [{ ours: 'p', ourDefault: '0.5', theirs: 'rate' }],
  layout: { ours: '(N, C, L): channels first', theirs: '(batch, steps, channels): channels last' },
};

/** torch.nn.Embedding -> keras.layers.Embedding */
export const embeddingToEmbedding: ApiRef = {
  name: 'keras.layers.Embedding',
  note: 'Keras uses input_dim/output_dim; mask_zero=True masks id 0 for downstream layers, while padding_idx keeps one row out of the gradient. Initialisation differs: PyTorch N(0, 1), Keras embeddings_initializer="uniform".',
  params: [
    { ours: 'num_embeddings', theirs: 'input_dim' },
    { ours: 'embedding_dim', theirs: 'output_dim' },
    { ours: 'padding_idx', ourDefault: 'None', theirs: 'mask_zero', theirDefault: 'False', note: 'Different effects: see the note.' },
  ],
};

/** torch.nn.LSTM -> keras.layers.LSTM */
export const lstmToLstm: ApiRef = {
  name: 'keras.layers.LSTM',
  note: `Keras is batch-first and returns only the last output unless return_sequences/return_state; nn.LSTM returns (output, (h_n, c_n)) and is sequence-first unless batch_first=True. Its dropout acts between stacked layers, Keras dropout on the inputs of one layer. ${rnnInitialWeights(true)}`,
  params: [
    { ours: 'hidden_size', theirs: 'units' },
    { ours: 'input_size', note: 'Keras infers the input size when first called.' },
    { ours: 'bias', ourDefault: 'True', theirs: 'use_bias', theirDefault: 'True' },
    { ours: 'batch_first', ourDefault: 'False', note: 'Keras is always batch-first (batch, time, features).' },
    { ours: 'dropout', ourDefault: '0.0', theirs: 'dropout', theirDefault: '0.0', note: 'Different places: between stacked layers vs on the inputs.' },
    { ours: 'num_layers', ourDefault: '1', note: 'Keras stacks separate LSTM layers.' },
    { ours: 'bidirectional', ourDefault: 'False', note: 'Keras wraps the layer in keras.layers.Bidirectional.' },
  ],
  layout: { ours: '(L, N, H_in) unless batch_first=True', theirs: '(batch, time, features)' },
  output: { ours: '(output, (h_n, c_n)), output for every step', theirs: 'last output only, unless return_sequences / return_state' },
};

/** torch.nn.GRU -> keras.layers.GRU */
export const gruToGru: ApiRef = {
  name: 'keras.layers.GRU',
  note: `Keras is batch-first and returns the last output unless return_sequences; nn.GRU returns (output, h_n) and is sequence-first unless batch_first=True. Keras reset_after=True applies the reset gate after the recurrent matmul like PyTorch, but weights are laid out differently. ${rnnInitialWeights(false)}`,
  params: [
    { ours: 'hidden_size', theirs: 'units' },
    { ours: 'bias', ourDefault: 'True', theirs: 'use_bias', theirDefault: 'True' },
    { ours: 'batch_first', ourDefault: 'False', note: 'Keras is always batch-first.' },
    { ours: 'dropout', ourDefault: '0.0', theirs: 'dropout', theirDefault: '0.0', note: 'Different places: between stacked layers vs on the inputs.' },
  ],
  layout: { ours: '(L, N, H_in) unless batch_first=True', theirs: '(batch, time, features)' },
  output: { ours: '(output, h_n), output for every step', theirs: 'last output only, unless return_sequences / return_state' },
};

/** torch.nn.PReLU -> keras.layers.PReLU */
export const preluToPrelu: ApiRef = {
  name: 'keras.layers.PReLU',
  note: 'Different defaults: PyTorch learns one slope shared by all channels, with initial value 0.25; Keras learns one slope per input unit (every non-batch position unless shared_axes), with initial value 0.',
  params: [
    { ours: 'init', ourDefault: '0.25', theirs: 'alpha_initializer', theirDefault: "'Zeros'" },
    { ours: 'num_parameters', ourDefault: '1', theirs: 'shared_axes', theirDefault: 'None', note: 'num_parameters=C gives one slope per channel; shared_axes lists the axes that share one slope.' },
  ],
};

/** torch.argmax -> tensorflow.argmax */
export const argmaxToArgmax: ApiRef = {
  name: 'tensorflow.argmax',
  note: 'Without an axis tf.argmax reduces axis 0; torch.argmax without dim returns the index into the flattened tensor. Pass the axis on both sides.',
  params: [{ ours: 'dim', theirs: 'axis', theirDefault: 'None', note: 'axis=None means axis 0 in TF.' }],
  output: { ours: 'int64 index; into the flattened tensor when dim is omitted', theirs: 'int64 indices along axis 0 when axis is omitted (output_type)' },
};

/** torch.argmin -> tensorflow.argmin: the same difference as argmax. */
export const argminToArgmin: ApiRef = {
  name: 'tensorflow.argmin',
  note: 'Without an axis tf.argmin reduces axis 0; torch.argmin without dim returns the index into the flattened tensor. Pass the axis on both sides.',
  // torch.argmin's docstring signature writes dim=None, where torch.argmax's writes a bare dim.
  params: [{ ours: 'dim', ourDefault: 'None', theirs: 'axis', theirDefault: 'None', note: 'axis=None means axis 0 in TF; dim=None flattens in PyTorch.' }],
  output: { ours: 'int64 index; into the flattened tensor when dim is omitted', theirs: 'int64 indices along axis 0 when axis is omitted (output_type)' },
};

/** torch.chunk -> tensorflow.split */
export const chunkToSplit: ApiRef = {
  name: 'tensorflow.split',
  note: 'tf.split with an int needs the axis length to divide evenly and returns exactly that many pieces; torch.chunk accepts uneven lengths (the last chunk is smaller) and may return fewer chunks.',
  params: [
    { ours: 'chunks', theirs: 'num_or_size_splits' },
    { ours: 'dim', ourDefault: '0', theirs: 'axis', theirDefault: '0' },
  ],
  output: { ours: 'up to chunks tensors; the last may be smaller', theirs: 'exactly num_or_size_splits equal tensors, else an error' },
};

/** keras.losses.SparseCategoricalCrossentropy -> torch.nn.CrossEntropyLoss */
export const sparseCceToCrossEntropy: ApiRef = {
  name: 'torch.nn.CrossEntropyLoss',
  note: `CrossEntropyLoss always takes logits (it applies log-softmax itself): use from_logits=True on the Keras side for the same model. Targets are int64 class indices; ignore_index defaults to -100. ${KERAS_LOSS_ORDER}; ${CLASS_AXIS}.`,
  params: [
    { ours: 'from_logits', ourDefault: 'False', note: 'CrossEntropyLoss always expects logits.' },
    { ours: 'ignore_class', ourDefault: 'None', theirs: 'ignore_index', theirDefault: '-100' },
    { ours: 'reduction', ourDefault: "'sum_over_batch_size'", theirs: 'reduction', theirDefault: "'mean'" },
  ],
  output: { ours: 'probabilities expected unless from_logits=True', theirs: 'logits expected' },
};

/** keras.losses.CategoricalCrossentropy -> torch.nn.CrossEntropyLoss */
export const cceToCrossEntropy: ApiRef = {
  name: 'torch.nn.CrossEntropyLoss',
  note: `CrossEntropyLoss takes logits and accepts class-probability targets of shape (N, C); use from_logits=True on the Keras side for the same model. ${KERAS_LOSS_ORDER}; ${CLASS_AXIS}.`,
  params: [
    { ours: 'from_logits', ourDefault: 'False', note: 'CrossEntropyLoss always expects logits.' },
    { ours: 'label_smoothing', ourDefault: '0.0', theirs: 'label_smoothing', theirDefault: '0.0' },
    { ours: 'reduction', ourDefault: "'sum_over_batch_size'", theirs: 'reduction', theirDefault: "'mean'" },
  ],
  output: { ours: 'probabilities expected unless from_logits=True', theirs: 'logits expected' },
};

/** keras.losses.BinaryCrossentropy -> torch.nn.BCEWithLogitsLoss */
export const bceToBceWithLogits: ApiRef = {
  name: 'torch.nn.BCEWithLogitsLoss',
  note: `BCEWithLogitsLoss takes logits, like from_logits=True; torch.nn.BCELoss takes probabilities, like the Keras default from_logits=False. ${KERAS_LOSS_ORDER}. Against BCELoss: ${BCE_CLIPPING}`,
  params: [
    { ours: 'from_logits', ourDefault: 'False', note: 'BCEWithLogitsLoss always expects logits.' },
    { ours: 'label_smoothing', ourDefault: '0.0', note: 'No PyTorch argument: smooth the targets yourself.' },
    { ours: 'reduction', ourDefault: "'sum_over_batch_size'", theirs: 'reduction', theirDefault: "'mean'" },
  ],
  output: { ours: 'probabilities expected unless from_logits=True', theirs: 'logits expected' },
};

/** torch.optim.Adam -> keras.optimizers.Adam */
export const adamToAdam: ApiRef = {
  name: 'keras.optimizers.Adam',
  note: 'Keras epsilon defaults to 1e-7 vs 1e-8 here; learning_rate 1e-3 and beta_1/beta_2 match. PyTorch weight_decay is L2 added to the gradient, Keras weight_decay is decoupled.',
  params: [
    { ours: 'lr', ourDefault: '0.001', theirs: 'learning_rate', theirDefault: '0.001' },
    { ours: 'betas', ourDefault: '(0.9, 0.999)', theirs: 'beta_1', theirDefault: '0.9', note: 'Keras splits betas into beta_1 and beta_2 (0.999).' },
    { ours: 'eps', ourDefault: '1e-08', theirs: 'epsilon', theirDefault: '1e-07' },
    { ours: 'weight_decay', ourDefault: '0', theirs: 'weight_decay', theirDefault: 'None', note: 'Coupled L2 in PyTorch Adam, decoupled in Keras.' },
    { ours: 'amsgrad', ourDefault: 'False', theirs: 'amsgrad', theirDefault: 'False' },
  ],
};

/** torch.optim.AdamW -> keras.optimizers.AdamW */
export const adamWToAdamW: ApiRef = {
  name: 'keras.optimizers.AdamW',
  note: 'Keras weight_decay defaults to 0.004 (PyTorch 0.01) and epsilon to 1e-7 (PyTorch eps 1e-8).',
  params: [
    { ours: 'lr', ourDefault: '0.001', theirs: 'learning_rate', theirDefault: '0.001' },
    { ours: 'weight_decay', ourDefault: '0.01', theirs: 'weight_decay', theirDefault: '0.004' },
    { ours: 'eps', ourDefault: '1e-08', theirs: 'epsilon', theirDefault: '1e-07' },
  ],
};

/** torch.optim.SGD -> keras.optimizers.SGD */
export const sgdToSgd: ApiRef = {
  name: 'keras.optimizers.SGD',
  note: 'Keras defaults learning_rate=0.01 (PyTorch lr 0.001); momentum formulations differ slightly, so results are not bit-identical.',
  params: [
    { ours: 'lr', ourDefault: '0.001', theirs: 'learning_rate', theirDefault: '0.01' },
    { ours: 'momentum', ourDefault: '0', theirs: 'momentum', theirDefault: '0.0' },
    { ours: 'nesterov', ourDefault: 'False', theirs: 'nesterov', theirDefault: 'False' },
    { ours: 'dampening', ourDefault: '0', note: 'Keras has no dampening.' },
  ],
};

/** torch.nn.LeakyReLU -> keras.layers.LeakyReLU */
export const leakyReluToLeakyRelu: ApiRef = {
  name: 'keras.layers.LeakyReLU',
  note: 'Keras 3 names the argument negative_slope too, with default 0.3 (PyTorch 0.01).',
  params: [{ ours: 'negative_slope', ourDefault: '0.01', theirs: 'negative_slope', theirDefault: '0.3' }],
};

/** torch.nn.Softmax -> keras.layers.Softmax */
export const softmaxToSoftmax: ApiRef = {
  name: 'keras.layers.Softmax',
  note: 'Keras normalises the last axis by default; give nn.Softmax its dim explicitly (dim=None falls back to a legacy choice and warns).',
  params: [{ ours: 'dim', ourDefault: 'None', theirs: 'axis', theirDefault: '-1' }],
};

/** torch.nn.MaxPool2d -> keras.layers.MaxPooling2D */
export const maxPool2dToMaxPooling2D: ApiRef = {
  name: 'keras.layers.MaxPooling2D',
  note: 'PyTorch pools (N, C, H, W) input, Keras (N, H, W, C) by default. Keras calls the window pool_size and defaults it to (2, 2); PyTorch needs kernel_size. Both default the stride to the window.',
  params: [
    { ours: 'kernel_size', theirs: 'pool_size', theirDefault: '(2, 2)' },
    { ours: 'stride', ourDefault: 'None', theirs: 'strides', theirDefault: 'None', note: 'None means the window size on both sides.' },
    { ours: 'padding', ourDefault: '0', theirs: 'padding', theirDefault: "'valid'" },
  ],
  layout: { ours: '(N, C, H, W)', theirs: '(N, H, W, C) unless data_format="channels_first"' },
};

