/**
 * The layer table the model porter (src/core/port) works from: which PyTorch module and which Keras layer are the
 * same layer, which of their arguments correspond and the default each side uses. Where src/knowledge/data/pairs.ts
 * already states an argument pair with both defaults, the row takes it from there (`fromPair`), so one fact lives in
 * one place; rows for layers pairs.ts does not cover state their own, checked against the installed signatures by
 * test/unit/knowledge/port.test.ts.
 */
import type { ApiRef, ParamMapping } from './types';
import {
  batchNormToBatchNormalization,
  conv2dToConv2D,
  dropoutToDropout,
  embeddingToEmbedding,
  gruToGru,
  layerNormToLayerNormalization,
  linearToDense,
  lstmToLstm,
} from './data/pairs';

/** What a layer does, independent of the framework; the porter's intermediate form speaks in these. */
export type PortLayerKind =
  | 'linear'
  | 'conv'
  | 'convTranspose'
  | 'maxPool'
  | 'avgPool'
  | 'globalAvgPool'
  | 'globalMaxPool'
  | 'batchNorm'
  | 'layerNorm'
  | 'dropout'
  | 'embedding'
  | 'lstm'
  | 'gru'
  | 'simpleRnn'
  | 'multiHeadAttention'
  | 'flatten'
  | 'activation'
  | 'identity';

/**
 * One corresponding argument. `torch` names the canonical argument; defaults are written as Python prints them
 * (`1e-05`, `True`); a missing default on a side that has the argument means it is required there.
 */
export interface PortParam {
  torch: string;
  torchDefault?: string;
  keras?: string;
  kerasDefault?: string;
  /** How a value converts: `oneMinus` for BatchNorm momentum (PyTorch weighs the batch, Keras the running value). */
  convert?: 'oneMinus';
}

export interface PortLayer {
  kind: PortLayerKind;
  /** Spatial rank for convolutions and pooling (1 or 2); unset for the others. */
  rank?: 1 | 2;
  /** Qualified PyTorch class names; the first is the one the porter writes. */
  torch: string[];
  /** Qualified Keras class names (`tensorflow.keras.*` is read as `keras.*`); the first is the one written. */
  keras: string[];
  /** Positional argument order of each side's constructor, as far as the porter reads them. */
  torchPositional: string[];
  kerasPositional: string[];
  params: PortParam[];
  /** The lazy PyTorch module written when the input size is not known (`nn.LazyLinear`). */
  torchLazy?: string;
  /** The argument PyTorch needs and Keras infers (`in_features`). */
  torchInput?: string;
}

/** An argument pair taken from a structured equivalence fact, renamed to this table's shape. */
function fromPair(pair: ApiRef, torchName: string, extra: Partial<PortParam> = {}): PortParam {
  const mapping: ParamMapping | undefined = pair.params?.find((p) => p.ours === torchName);
  if (!mapping) throw new Error(`${pair.name} has no structured argument ${torchName}`);
  const param: PortParam = { torch: mapping.ours };
  if (mapping.ourDefault !== undefined) param.torchDefault = mapping.ourDefault;
  if (mapping.theirs !== undefined) param.keras = mapping.theirs;
  if (mapping.theirDefault !== undefined) param.kerasDefault = mapping.theirDefault;
  return { ...param, ...extra };
}

function convParams(rank: 1 | 2): PortParam[] {
  const unit = rank === 1 ? '(1,)' : '(1, 1)';
  return [
    fromPair(conv2dToConv2D, 'out_channels'),
    { torch: 'kernel_size', keras: 'kernel_size' },
    { torch: 'stride', torchDefault: '1', keras: 'strides', kerasDefault: rank === 1 ? '1' : unit },
    { torch: 'padding', torchDefault: '0', keras: 'padding', kerasDefault: "'valid'" },
    { torch: 'dilation', torchDefault: '1', keras: 'dilation_rate', kerasDefault: rank === 1 ? '1' : unit },
    fromPair(conv2dToConv2D, 'groups'),
    fromPair(conv2dToConv2D, 'bias'),
  ];
}

function convTransposeParams(rank: 1 | 2): PortParam[] {
  const unit = rank === 1 ? '1' : '(1, 1)';
  return [
    { torch: 'out_channels', keras: 'filters' },
    { torch: 'kernel_size', keras: 'kernel_size' },
    { torch: 'stride', torchDefault: '1', keras: 'strides', kerasDefault: unit },
    { torch: 'padding', torchDefault: '0', keras: 'padding', kerasDefault: "'valid'" },
    { torch: 'output_padding', torchDefault: '0', keras: 'output_padding', kerasDefault: 'None' },
    { torch: 'dilation', torchDefault: '1', keras: 'dilation_rate', kerasDefault: unit },
    { torch: 'bias', torchDefault: 'True', keras: 'use_bias', kerasDefault: 'True' },
  ];
}

/** Keras 3 MaxPooling defaults pool_size to 2; AveragePooling requires it. */
function poolParams(kerasPoolDefault?: string): PortParam[] {
  return [
    { torch: 'kernel_size', keras: 'pool_size', ...(kerasPoolDefault ? { kerasDefault: kerasPoolDefault } : {}) },
    { torch: 'stride', torchDefault: 'None', keras: 'strides', kerasDefault: 'None' },
    { torch: 'padding', torchDefault: '0', keras: 'padding', kerasDefault: "'valid'" },
  ];
}

function recurrentParams(pair: ApiRef | undefined): PortParam[] {
  const hidden: PortParam = pair ? fromPair(pair, 'hidden_size') : { torch: 'hidden_size', keras: 'units' };
  const bias: PortParam = pair ? fromPair(pair, 'bias') : { torch: 'bias', torchDefault: 'True', keras: 'use_bias', kerasDefault: 'True' };
  return [
    hidden,
    bias,
    { torch: 'batch_first', torchDefault: 'False' },
    { torch: 'num_layers', torchDefault: '1' },
    { torch: 'bidirectional', torchDefault: 'False' },
    { torch: 'dropout', torchDefault: '0.0' },
  ];
}

/** The supported layers. Order matters only for reading: the porter looks rows up by class name. */
export const PORT_LAYERS: readonly PortLayer[] = [
  {
    kind: 'linear',
    torch: ['torch.nn.Linear', 'torch.nn.LazyLinear'],
    keras: ['keras.layers.Dense'],
    torchPositional: ['in_features', 'out_features', 'bias'],
    kerasPositional: ['units', 'activation', 'use_bias'],
    params: [fromPair(linearToDense, 'out_features'), fromPair(linearToDense, 'bias')],
    torchLazy: 'torch.nn.LazyLinear',
    torchInput: 'in_features',
  },
  ...([1, 2] as const).map(
    (rank): PortLayer => ({
      kind: 'conv',
      rank,
      torch: [`torch.nn.Conv${rank}d`, `torch.nn.LazyConv${rank}d`],
      keras: [`keras.layers.Conv${rank}D`],
      torchPositional: ['in_channels', 'out_channels', 'kernel_size', 'stride', 'padding', 'dilation', 'groups', 'bias'],
      kerasPositional: ['filters', 'kernel_size', 'strides', 'padding', 'data_format', 'dilation_rate', 'groups', 'activation', 'use_bias'],
      params: convParams(rank),
      torchLazy: `torch.nn.LazyConv${rank}d`,
      torchInput: 'in_channels',
    }),
  ),
  ...([1, 2] as const).map(
    (rank): PortLayer => ({
      kind: 'convTranspose',
      rank,
      torch: [`torch.nn.ConvTranspose${rank}d`, `torch.nn.LazyConvTranspose${rank}d`],
      keras: [`keras.layers.Conv${rank}DTranspose`],
      torchPositional: ['in_channels', 'out_channels', 'kernel_size', 'stride', 'padding', 'output_padding', 'groups', 'bias', 'dilation'],
      kerasPositional: ['filters', 'kernel_size', 'strides', 'padding', 'output_padding', 'data_format', 'dilation_rate', 'activation', 'use_bias'],
      params: convTransposeParams(rank),
      torchLazy: `torch.nn.LazyConvTranspose${rank}d`,
      torchInput: 'in_channels',
    }),
  ),
  ...([1, 2] as const).flatMap((rank): PortLayer[] => [
    {
      kind: 'maxPool',
      rank,
      torch: [`torch.nn.MaxPool${rank}d`],
      keras: [`keras.layers.MaxPooling${rank}D`, `keras.layers.MaxPool${rank}D`],
      torchPositional: ['kernel_size', 'stride', 'padding'],
      kerasPositional: ['pool_size', 'strides', 'padding', 'data_format'],
      params: poolParams(rank === 1 ? '2' : '(2, 2)'),
    },
    {
      kind: 'avgPool',
      rank,
      torch: [`torch.nn.AvgPool${rank}d`],
      keras: [`keras.layers.AveragePooling${rank}D`, `keras.layers.AvgPool${rank}D`],
      torchPositional: ['kernel_size', 'stride', 'padding'],
      kerasPositional: ['pool_size', 'strides', 'padding', 'data_format'],
      params: poolParams(),
    },
    {
      kind: 'globalAvgPool',
      rank,
      torch: [`torch.nn.AdaptiveAvgPool${rank}d`],
      keras: [`keras.layers.GlobalAveragePooling${rank}D`, `keras.layers.GlobalAvgPool${rank}D`],
      torchPositional: ['output_size'],
      kerasPositional: ['data_format', 'keepdims'],
      params: [{ torch: 'output_size', keras: 'keepdims', kerasDefault: 'False' }],
    },
    {
      kind: 'globalMaxPool',
      rank,
      torch: [`torch.nn.AdaptiveMaxPool${rank}d`],
      keras: [`keras.layers.GlobalMaxPooling${rank}D`, `keras.layers.GlobalMaxPool${rank}D`],
      torchPositional: ['output_size'],
      kerasPositional: ['data_format', 'keepdims'],
      params: [{ torch: 'output_size', keras: 'keepdims', kerasDefault: 'False' }],
    },
  ]),
  {
    kind: 'batchNorm',
    torch: ['torch.nn.BatchNorm1d', 'torch.nn.BatchNorm2d', 'torch.nn.LazyBatchNorm1d', 'torch.nn.LazyBatchNorm2d'],
    keras: ['keras.layers.BatchNormalization'],
    torchPositional: ['num_features', 'eps', 'momentum', 'affine'],
    kerasPositional: ['axis', 'momentum', 'epsilon', 'center', 'scale'],
    params: [
      fromPair(batchNormToBatchNormalization, 'eps'),
      fromPair(batchNormToBatchNormalization, 'momentum', { convert: 'oneMinus' }),
      { torch: 'affine', torchDefault: 'True' },
    ],
    torchLazy: 'torch.nn.LazyBatchNorm',
    torchInput: 'num_features',
  },
  {
    kind: 'layerNorm',
    torch: ['torch.nn.LayerNorm'],
    keras: ['keras.layers.LayerNormalization'],
    torchPositional: ['normalized_shape', 'eps', 'elementwise_affine', 'bias'],
    kerasPositional: ['axis', 'epsilon', 'center', 'scale'],
    params: [fromPair(layerNormToLayerNormalization, 'eps'), fromPair(layerNormToLayerNormalization, 'elementwise_affine'), fromPair(layerNormToLayerNormalization, 'bias')],
    torchInput: 'normalized_shape',
  },
  {
    kind: 'dropout',
    torch: ['torch.nn.Dropout'],
    keras: ['keras.layers.Dropout'],
    torchPositional: ['p'],
    kerasPositional: ['rate'],
    params: [fromPair(dropoutToDropout, 'p')],
  },
  {
    kind: 'embedding',
    torch: ['torch.nn.Embedding'],
    keras: ['keras.layers.Embedding'],
    torchPositional: ['num_embeddings', 'embedding_dim', 'padding_idx'],
    kerasPositional: ['input_dim', 'output_dim'],
    params: [fromPair(embeddingToEmbedding, 'num_embeddings'), fromPair(embeddingToEmbedding, 'embedding_dim')],
  },
  {
    kind: 'lstm',
    torch: ['torch.nn.LSTM'],
    keras: ['keras.layers.LSTM'],
    torchPositional: ['input_size', 'hidden_size', 'num_layers'],
    kerasPositional: ['units'],
    params: recurrentParams(lstmToLstm),
    torchInput: 'input_size',
  },
  {
    kind: 'gru',
    torch: ['torch.nn.GRU'],
    keras: ['keras.layers.GRU'],
    torchPositional: ['input_size', 'hidden_size', 'num_layers'],
    kerasPositional: ['units'],
    params: recurrentParams(gruToGru),
    torchInput: 'input_size',
  },
  {
    kind: 'simpleRnn',
    torch: ['torch.nn.RNN'],
    keras: ['keras.layers.SimpleRNN'],
    torchPositional: ['input_size', 'hidden_size', 'num_layers'],
    kerasPositional: ['units'],
    params: recurrentParams(undefined),
    torchInput: 'input_size',
  },
  {
    // Same computation when Keras key_dim * num_heads equals the embedding size (PyTorch splits embed_dim over the heads).
    kind: 'multiHeadAttention',
    torch: ['torch.nn.MultiheadAttention'],
    keras: ['keras.layers.MultiHeadAttention'],
    torchPositional: ['embed_dim', 'num_heads', 'dropout', 'bias', 'add_bias_kv', 'add_zero_attn', 'kdim', 'vdim', 'batch_first'],
    kerasPositional: ['num_heads', 'key_dim', 'value_dim', 'dropout', 'use_bias', 'output_shape', 'attention_axes'],
    params: [
      { torch: 'num_heads', keras: 'num_heads' },
      { torch: 'dropout', torchDefault: '0.0', keras: 'dropout', kerasDefault: '0.0' },
      { torch: 'bias', torchDefault: 'True', keras: 'use_bias', kerasDefault: 'True' },
      { torch: 'add_bias_kv', torchDefault: 'False' },
      { torch: 'add_zero_attn', torchDefault: 'False' },
      { torch: 'kdim', torchDefault: 'None' },
      { torch: 'vdim', torchDefault: 'None' },
      { torch: 'batch_first', torchDefault: 'False' },
    ],
    torchInput: 'embed_dim',
  },
  {
    kind: 'flatten',
    torch: ['torch.nn.Flatten'],
    keras: ['keras.layers.Flatten'],
    torchPositional: ['start_dim', 'end_dim'],
    kerasPositional: ['data_format'],
    params: [
      { torch: 'start_dim', torchDefault: '1' },
      { torch: 'end_dim', torchDefault: '-1' },
    ],
  },
  {
    kind: 'identity',
    torch: ['torch.nn.Identity'],
    keras: ['keras.layers.Identity'],
    torchPositional: [],
    kerasPositional: [],
    params: [],
  },
];

/**
 * Activations by their Keras string name: the PyTorch module, the PyTorch functional forms and the Keras forms.
 * Only functions whose definitions agree on both sides are listed (Keras `hard_sigmoid` and PyTorch `hardsigmoid`
 * use different slopes, so neither is here).
 */
export interface PortActivation {
  keras: string;
  torchModule: string;
  /** Functional PyTorch names that compute it (`torch.relu`, `torch.nn.functional.relu`, the method `x.relu()`). */
  torchFunctions: string[];
  /** Keras layers that are this activation alone (`keras.layers.ReLU`). */
  kerasLayers: string[];
  /** Functional Keras names (`keras.activations.relu`, `keras.ops.relu`, `tensorflow.nn.relu`). */
  kerasFunctions: string[];
  /** The function the porter writes inside a Keras `call`. */
  kerasWrite: string;
  /** The argument that names the axis (softmax): PyTorch `dim`, Keras `axis`. */
  axis?: { torch: string; torchDefault?: string; keras: string; kerasDefault: string };
}

function activation(name: string, torchModule: string, torchFunctions: string[], kerasLayers: string[] = [], extra: Partial<PortActivation> = {}): PortActivation {
  return {
    keras: name,
    torchModule: `torch.nn.${torchModule}`,
    torchFunctions,
    kerasLayers,
    kerasFunctions: [`keras.activations.${name}`, `keras.ops.${name}`, `tensorflow.nn.${name}`, `tensorflow.math.${name}`],
    kerasWrite: `keras.ops.${name}`,
    ...extra,
  };
}

export const PORT_ACTIVATIONS: readonly PortActivation[] = [
  activation('relu', 'ReLU', ['torch.relu', 'torch.nn.functional.relu', 'relu'], ['keras.layers.ReLU']),
  activation('sigmoid', 'Sigmoid', ['torch.sigmoid', 'torch.nn.functional.sigmoid', 'sigmoid']),
  activation('tanh', 'Tanh', ['torch.tanh', 'torch.nn.functional.tanh', 'tanh']),
  activation('gelu', 'GELU', ['torch.nn.functional.gelu']),
  activation('elu', 'ELU', ['torch.nn.functional.elu'], ['keras.layers.ELU']),
  activation('selu', 'SELU', ['torch.selu', 'torch.nn.functional.selu']),
  activation('softplus', 'Softplus', ['torch.nn.functional.softplus']),
  activation('silu', 'SiLU', ['torch.nn.functional.silu'], [], { kerasFunctions: ['keras.activations.silu', 'keras.activations.swish', 'keras.ops.silu', 'tensorflow.nn.silu', 'tensorflow.nn.swish'] }),
  activation('relu6', 'ReLU6', ['torch.nn.functional.relu6']),
  activation('softmax', 'Softmax', ['torch.softmax', 'torch.nn.functional.softmax', 'softmax'], ['keras.layers.Softmax'], {
    axis: { torch: 'dim', keras: 'axis', kerasDefault: '-1' },
  }),
  activation('log_softmax', 'LogSoftmax', ['torch.log_softmax', 'torch.nn.functional.log_softmax', 'log_softmax'], [], {
    axis: { torch: 'dim', keras: 'axis', kerasDefault: '-1' },
  }),
];

/** The layer row for a qualified class name of either framework, with `tensorflow.keras.` read as `keras.`. */
export function findPortLayer(qualifiedName: string): { layer: PortLayer; side: 'torch' | 'keras' } | undefined {
  const name = normaliseKerasName(qualifiedName);
  for (const layer of PORT_LAYERS) {
    if (layer.torch.includes(name)) return { layer, side: 'torch' };
    if (layer.keras.includes(name)) return { layer, side: 'keras' };
  }
  return undefined;
}

/** `tensorflow.keras.layers.Dense` and `tf_keras.layers.Dense` are `keras.layers.Dense`. */
export function normaliseKerasName(qualifiedName: string): string {
  for (const prefix of ['tensorflow.keras.', 'tf_keras.', 'keras.src.']) {
    if (qualifiedName.startsWith(prefix)) return `keras.${qualifiedName.slice(prefix.length)}`;
  }
  if (qualifiedName.startsWith('tensorflow.python.keras.')) return `keras.${qualifiedName.slice('tensorflow.python.keras.'.length)}`;
  return qualifiedName;
}
