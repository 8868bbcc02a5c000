/**
 * PyTorch → Keras, layer by layer: the table-driven translation of one PyTorch module into Keras layers, the layout
 * each layer reads, and the items of a keras.Sequential with the Permute layers its layout changes need.
 */
import { PORT_ACTIVATIONS, findPortLayer, type PortLayer, type PortParam } from '../../knowledge/port';
import { leakyReluToLeakyRelu } from '../../knowledge/data/pairs';
import { argumentsByName, callText, isLiteral, rejectUnknownKeywords, sizeOf, sizeText, textOr } from './args';
import type { SourceLayer } from './extract';
import { numberOf, type PyExpr } from './pyexpr';
import { TodoSignal, todo, type PortTodo, type WeightLink } from './types';
import { commentLines, formatNumber, literalsEqual, quoteTodo, shortName } from './write';

/** A translated layer: the Keras constructors (a padding layer may precede the main one) and how to call it. */
export interface KerasLayer {
  defs: Array<{ suffix: string; code: string; comment?: string }>;
  /** Index in `defs` of the layer that carries the weights. */
  main: number;
  link?: Omit<WeightLink, 'source' | 'target'>;
  /** Dropout, BatchNormalization and nested models take the training flag. */
  training: boolean;
  rnn?: { cell: 'lstm' | 'gru' | 'simpleRnn'; batchFirst: boolean; bidirectional: boolean };
  /** nn.MultiheadAttention: called (query, key, value), returns (output, weights). */
  attention?: boolean;
  children?: KerasLayer[];
  todo?: PortTodo;
  original: string;
  /** The layout the layer reads: PyTorch's axis order, channels-last (permuted), or either. */
  needs: (info: Info) => Needs;
  /** The input rank a channels-last layer implies (4 for Conv2d), used when the rank is not otherwise known. */
  inRank?: number;
  out: (info: Info) => Info;
}

export type Needs = 'plain' | 'permuted' | 'any';

/** What the porter knows about a tensor: its rank, and whether the Keras tensor is the PyTorch one permuted to channels-last. */
export interface Info {
  rank?: number;
  permuted: boolean;
  /** A Python number or a shape entry, not a tensor: never permuted. */
  scalar?: boolean;
}

export interface Value {
  code: string;
  info: Info;
}

export const PLAIN: Info = { permuted: false };
const same = (i: Info): Info => i;


export function statementConstruct(statement: string): string {
  const head = statement.split(/[\s(=]/)[0];
  return head.startsWith('self.') ? 'non-layer attribute' : `${head} statement`;
}

/** Permutation between PyTorch's channels-first and Keras' channels-last order, for `keras.ops.transpose` (with batch) or `keras.layers.Permute` (without). */
export function permutation(rank: number, toLast: boolean, withBatch: boolean): string {
  const order = rank === 3 ? [0, 2, 1] : rank === 4 ? (toLast ? [0, 2, 3, 1] : [0, 3, 1, 2]) : todo('layout change', `rank ${rank} tensors are not permuted by the porter`);
  const axes = withBatch ? order : order.slice(1);
  return `(${axes.join(', ')})`;
}

interface BodyOptions {
  indent: string;
  /** Accessor prefix of the PyTorch Sequential (`''` for the model itself, `.features`). */
  source: string;
  /** Accessor prefix of the Keras layer list (`.layers`, `.features.layers`). */
  target: string;
  weights: WeightLink[];
  todos: PortTodo[];
  toPlainAtEnd: boolean;
}

/**
 * The items of a `keras.Sequential([...])` list for a PyTorch nn.Sequential, with `keras.layers.Permute` layers
 * where the layout changes, registering weight links with Keras accessors `.layers[i]`.
 */
export function sequentialBody(items: KerasLayer[], start: Info, options: BodyOptions): { lines: string[]; info: Info; permuted: boolean } {
  const { indent, weights } = options;
  const lines: string[] = [];
  let info = start;
  let index = 0;
  let permuted = false;
  const permute = (toLast: boolean, rankHint: number | undefined): void => {
    permuted = true;
    const rank = info.rank ?? rankHint ?? todo('layout change', 'the input rank is unknown: give the input shape');
    lines.push(`${indent}keras.layers.Permute(${permutation(rank, toLast, false)}),  # ${toLast ? 'to channels-last for Keras' : "back to PyTorch's channels-first order"}`);
    info = { rank, permuted: toLast };
    index++;
  };
  items.forEach((layer, torchIndex) => {
    if (layer.todo) {
      lines.push(quoteTodo(layer.original, layer.todo.reason, indent));
      info = PLAIN;
      return;
    }
    if (layer.children) {
      const nested = sequentialBody(layer.children, info, { ...options, indent: `${indent}        `, source: `${options.source}[${torchIndex}]`, target: `${options.target}[${index}].layers`, toPlainAtEnd: false });
      lines.push(`${indent}keras.Sequential(`, `${indent}    [`, ...nested.lines, `${indent}    ]`, `${indent}),`);
      info = nested.info;
      permuted ||= nested.permuted;
      index++;
      return;
    }
    try {
      const needs = layer.needs(info);
      if (needs === 'permuted' && !info.permuted) permute(true, layer.inRank);
      if (needs === 'plain' && info.permuted) permute(false, undefined);
    } catch (error) {
      if (!(error instanceof TodoSignal)) throw error;
      options.todos.push({ code: layer.original, reason: error.reason, construct: error.construct });
      lines.push(quoteTodo(layer.original, error.reason, indent));
      info = PLAIN;
      return;
    }
    layer.defs.forEach((def, i) => {
      if (def.comment) lines.push(commentLines(def.comment, indent));
      lines.push(`${indent}${def.code},`);
      if (i === layer.main && layer.link) weights.push({ ...layer.link, source: `${options.source}[${torchIndex}]`, target: `${options.target}[${index}]` });
      index++;
    });
    info = layer.out(info);
  });
  if (options.toPlainAtEnd && info.permuted) permute(false, undefined);
  return { lines, info, permuted };
}

export function translateLayer(source: SourceLayer, todos: PortTodo[]): KerasLayer {
  const original = source.call.text;
  try {
    if (source.children) {
      const children = source.children.map((c) => translateLayer(c, todos));
      return { defs: [], main: 0, training: true, children, original, needs: () => 'any', out: same };
    }
    return layerFor(source);
  } catch (error) {
    if (!(error instanceof TodoSignal)) throw error;
    const entry: PortTodo = { code: original, reason: error.reason, construct: error.construct };
    todos.push(entry);
    return { defs: [], main: 0, training: false, todo: entry, original, needs: () => 'any', out: same };
  }
}

function layerFor(source: SourceLayer): KerasLayer {
  const call = source.call;
  const qn = source.qualifiedName;
  const construct = qn ? shortName(qn) : call.text.split('(')[0];
  if (call.t !== 'call' || !qn) todo(construct, 'not a layer constructor');
  const activation = PORT_ACTIVATIONS.find((a) => a.torchModule === qn);
  if (activation) return activationLayer(call, activation.keras, activation.axis !== undefined, construct);
  if (qn === 'torch.nn.LeakyReLU') {
    const values = argumentsByName(call, ['negative_slope'], construct);
    const pair = leakyReluToLeakyRelu.params?.[0];
    const slope = textOr(values, 'negative_slope', pair?.ourDefault);
    return plain(`keras.layers.LeakyReLU(negative_slope=${slope})`, call.text);
  }
  const found = findPortLayer(qn);
  if (!found || found.side !== 'torch') todo(construct, 'outside the porter’s supported layers');
  const row = found.layer;
  const values = argumentsByName(call, row.torchPositional, construct);
  switch (row.kind) {
    case 'linear': {
      rejectUnknownKeywords(values, row.torchPositional, construct);
      const units = textOr(values, 'out_features', undefined) ?? todo(construct, 'out_features missing');
      const code = callText('keras.layers.Dense', [units], mappedKeywords(row, values, ['bias']));
      return { ...weighted(code, call.text, { kind: 'linear' }), needs: () => 'plain' };
    }
    case 'conv':
      return convLayer(row, values, construct, call.text);
    case 'convTranspose':
      return convTransposeLayer(row, values, construct, call.text);
    case 'maxPool':
    case 'avgPool': {
      rejectUnknownKeywords(values, [...row.torchPositional, 'ceil_mode', 'count_include_pad', 'dilation', 'return_indices', 'divisor_override'], construct);
      const rank = row.rank as 1 | 2;
      if (!isLiteral(values, 'ceil_mode', 'False', 'False')) todo(construct, 'ceil_mode=True has no Keras equivalent');
      if (!isLiteral(values, 'dilation', '1', '1')) todo(construct, 'pooling dilation has no Keras equivalent');
      if (!isLiteral(values, 'return_indices', 'False', 'False')) todo(construct, 'return_indices has no Keras equivalent');
      if (values.has('divisor_override')) todo(construct, 'divisor_override has no Keras equivalent');
      const padding = sizeOf(values.get('padding'), rank, 0);
      if (!padding || padding.some((p) => p !== 0)) todo(construct, 'pooling with padding differs from Keras "same" padding');
      const kernel = textOr(values, 'kernel_size', undefined) ?? todo(construct, 'kernel_size missing');
      const stride = values.get('stride');
      const strideText = stride && stride.text !== 'None' && !sameSizes(stride, values.get('kernel_size'), rank) ? stride.text : undefined;
      const name = (row.kind === 'maxPool' ? 'keras.layers.MaxPooling' : 'keras.layers.AveragePooling') + `${rank}D`;
      return spatial(plain(callText(name, [kernel], [['strides', strideText]]), call.text), rank);
    }
    case 'globalAvgPool':
    case 'globalMaxPool': {
      const rank = row.rank as 1 | 2;
      const size = sizeOf(values.get('output_size'), rank);
      if (!size || size.some((s) => s !== 1)) todo(construct, 'adaptive pooling to a size other than 1 has no Keras layer');
      const name = (row.kind === 'globalAvgPool' ? 'keras.layers.GlobalAveragePooling' : 'keras.layers.GlobalMaxPooling') + `${rank}D`;
      return spatial(plain(`${name}(keepdims=True)`, call.text, 'keepdims=True keeps the size-1 spatial axes PyTorch adaptive pooling returns'), rank);
    }
    case 'batchNorm': {
      rejectUnknownKeywords(values, [...row.torchPositional, 'track_running_stats'], construct);
      if (!isLiteral(values, 'track_running_stats', 'True', 'True')) todo(construct, 'track_running_stats=False has no Keras equivalent');
      if (qn.startsWith('torch.nn.LazyBatchNorm') || values.get('momentum')?.text === 'None') {
        if (values.get('momentum')?.text === 'None') todo(construct, 'momentum=None (cumulative average) has no Keras equivalent');
      }
      const keywords: Array<[string, string | undefined]> = [...mappedKeywords(row, values, ['eps', 'momentum'])];
      if (isLiteral(values, 'affine', 'False')) keywords.push(['center', 'False'], ['scale', 'False']);
      const featureMaps = qn.endsWith('2d') ? 4 : undefined;
      return {
        ...weighted(callText('keras.layers.BatchNormalization', [], keywords), call.text, { kind: 'batchNorm' }),
        training: true,
        defs: [{ suffix: '', code: callText('keras.layers.BatchNormalization', [], keywords), comment: 'Keras momentum = 1 - PyTorch momentum; epsilon as in PyTorch (Keras defaults to 1e-3)' }],
        // BatchNormalization normalises the last axis: channels-last for feature maps, the features of (N, C) as they are.
        needs: (info) => {
          const rank = info.rank ?? featureMaps;
          if (rank === undefined && !info.permuted) return todo(construct, 'the input rank is unknown: give the input shape');
          return rank === 2 ? 'any' : 'permuted';
        },
        ...(featureMaps ? { inRank: featureMaps } : {}),
      };
    }
    case 'layerNorm': {
      rejectUnknownKeywords(values, row.torchPositional, construct);
      const shape = values.get('normalized_shape') ?? todo(construct, 'normalized_shape missing');
      const dims = shape.t === 'tuple' || shape.t === 'list' ? shape.items.length : 1;
      const axis = dims === 1 ? '-1' : `[${Array.from({ length: dims }, (_, i) => -dims + i).join(', ')}]`;
      const keywords: Array<[string, string | undefined]> = [['axis', axis], ...mappedKeywords(row, values, ['eps'])];
      if (isLiteral(values, 'elementwise_affine', 'False')) keywords.push(['center', 'False'], ['scale', 'False']);
      else if (isLiteral(values, 'bias', 'False')) keywords.push(['center', 'False']);
      return { ...weighted(callText('keras.layers.LayerNormalization', [], keywords), call.text, { kind: 'layerNorm' }, 'epsilon as in PyTorch (Keras defaults to 1e-3)'), needs: () => 'plain' };
    }
    case 'dropout': {
      rejectUnknownKeywords(values, row.torchPositional, construct);
      const rate = textOr(values, 'p', row.params[0].torchDefault);
      return { ...plain(`keras.layers.Dropout(${rate})`, call.text), training: true };
    }
    case 'embedding': {
      rejectUnknownKeywords(values, [...row.torchPositional, 'sparse', 'scale_grad_by_freq'], construct);
      const count = textOr(values, 'num_embeddings', undefined) ?? todo(construct, 'num_embeddings missing');
      const dim = textOr(values, 'embedding_dim', undefined) ?? todo(construct, 'embedding_dim missing');
      const comment = values.has('padding_idx') ? 'padding_idx only zeroes one row at init and its gradient in PyTorch; the copied weights carry the row' : undefined;
      return { ...weighted(`keras.layers.Embedding(${count}, ${dim})`, call.text, { kind: 'embedding' }, comment), needs: () => 'plain', out: (i) => ({ permuted: false, rank: (i.rank ?? 2) + 1 }) };
    }
    case 'lstm':
    case 'gru':
    case 'simpleRnn': {
      rejectUnknownKeywords(values, [...row.torchPositional, 'bias', 'batch_first', 'dropout', 'bidirectional', 'nonlinearity', 'proj_size'], construct);
      if (!isLiteral(values, 'num_layers', '1', '1')) todo(construct, 'stacked recurrent layers (num_layers > 1): port as separate Keras layers');
      if (values.has('proj_size') && !isLiteral(values, 'proj_size', '0')) todo(construct, 'proj_size has no Keras equivalent');
      const units = textOr(values, 'hidden_size', undefined) ?? todo(construct, 'hidden_size missing');
      const name = row.kind === 'lstm' ? 'keras.layers.LSTM' : row.kind === 'gru' ? 'keras.layers.GRU' : 'keras.layers.SimpleRNN';
      const keywords: Array<[string, string | undefined]> = [];
      const nonlinearity = values.get('nonlinearity');
      if (nonlinearity && nonlinearity.t === 'str' && nonlinearity.value !== 'tanh') keywords.push(['activation', nonlinearity.text]);
      keywords.push(...mappedKeywords(row, values, ['bias']), ['return_sequences', 'True'], ['return_state', 'True']);
      const comment =
        'return_sequences and return_state give the per-step output and final state PyTorch returns' + (row.kind === 'gru' ? '; reset_after=True (the Keras default) matches PyTorch’s GRU' : '');
      const batchFirst = isLiteral(values, 'batch_first', 'True');
      const bidirectional = isLiteral(values, 'bidirectional', 'True');
      // Keras Bidirectional concatenates [forward, backward] per step, as PyTorch does, and returns each direction's states.
      const code = bidirectional ? `keras.layers.Bidirectional(${callText(name, [units], keywords)})` : callText(name, [units], keywords);
      const link = { kind: row.kind, ...(bidirectional ? { bidirectional: true } : {}) };
      return { ...weighted(code, call.text, link, comment), rnn: { cell: row.kind, batchFirst, bidirectional }, needs: () => 'plain', out: () => ({ permuted: false, rank: 3 }) };
    }
    case 'flatten': {
      rejectUnknownKeywords(values, row.torchPositional, construct);
      if (!isLiteral(values, 'start_dim', '1', '1') || !(isLiteral(values, 'end_dim', '-1', '-1'))) todo(construct, 'flatten of other dimensions than 1..-1');
      return { ...plain('keras.layers.Flatten()', call.text), needs: () => 'plain', out: () => ({ permuted: false, rank: 2 }) };
    }
    case 'multiHeadAttention': {
      rejectUnknownKeywords(values, row.torchPositional, construct);
      for (const flag of ['add_bias_kv', 'add_zero_attn']) if (!isLiteral(values, flag, 'False', 'False')) todo(construct, `${flag}=True has no Keras equivalent`);
      for (const dim of ['kdim', 'vdim']) if (!isLiteral(values, dim, 'None', 'None')) todo(construct, `${dim} other than embed_dim is not ported`);
      if (!isLiteral(values, 'batch_first', 'True')) todo(construct, 'sequence-first attention (batch_first=False) is not ported: Keras attention is batch-first');
      const embed = values.get('embed_dim') ?? todo(construct, 'embed_dim missing');
      const heads = values.get('num_heads') ?? todo(construct, 'num_heads missing');
      const e = numberOf(embed);
      const h = numberOf(heads);
      const keyDim = e !== undefined && h !== undefined ? String(e / h) : `${embed.text} // ${heads.text}`;
      const code = callText('keras.layers.MultiHeadAttention', [], [['num_heads', heads.text], ['key_dim', keyDim], ...mappedKeywords(row, values, ['dropout', 'bias'])]);
      const layer = weighted(code, call.text, { kind: 'multiHeadAttention' }, 'key_dim = embed_dim / num_heads: PyTorch splits the embedding over the heads');
      return { ...layer, attention: true, training: true, needs: () => 'plain' };
    }
    case 'identity':
      return plain('keras.layers.Identity()', call.text);
    default:
      return todo(construct, 'outside the porter’s supported layers');
  }
}

function plain(code: string, original: string, comment?: string): KerasLayer {
  return { defs: [{ suffix: '', code, ...(comment ? { comment } : {}) }], main: 0, training: false, original, needs: () => 'any', out: same };
}

/** A layer over feature maps: reads and returns channels-last tensors of rank `rank + 2`. */
function spatial(layer: KerasLayer, rank: 1 | 2): KerasLayer {
  return { ...layer, needs: () => 'permuted', inRank: rank + 2, out: () => ({ permuted: true, rank: rank + 2 }) };
}

function weighted(code: string, original: string, link: Omit<WeightLink, 'source' | 'target'>, comment?: string): KerasLayer {
  return { ...plain(code, original, comment), link };
}

function activationLayer(call: PyExpr & { t: 'call' }, keras: string, hasAxis: boolean, construct: string): KerasLayer {
  if (hasAxis) {
    const values = argumentsByName(call, ['dim'], construct);
    const dim = values.get('dim') ?? todo(construct, 'softmax without dim picks an axis implicitly; pass dim');
    const layer = keras === 'softmax' ? 'keras.layers.Softmax' : undefined;
    if (!layer) todo(construct, `${construct} as a module has no Keras layer`);
    return { ...plain(`${layer}(axis=${dim.text})`, call.text), needs: () => 'plain' };
  }
  // ReLU(True) is inplace=True, which changes nothing once ported.
  const values = argumentsByName(call, ['relu', 'relu6', 'selu', 'silu', 'sigmoid', 'tanh'].includes(keras) ? ['inplace'] : [], construct);
  rejectUnknownKeywords(values, [], construct);
  return plain(`keras.layers.Activation("${keras}")`, call.text);
}

/** Keyword arguments for the params named in `torchNames`, written only where the value differs from the Keras default. */
function mappedKeywords(row: PortLayer, values: Map<string, PyExpr>, torchNames: string[]): Array<[string, string | undefined]> {
  const out: Array<[string, string | undefined]> = [];
  for (const name of torchNames) {
    const param = row.params.find((p) => p.torch === name) as PortParam;
    if (!param.keras) continue;
    let text = textOr(values, name, param.torchDefault);
    if (text === undefined) continue;
    if (param.convert === 'oneMinus') {
      const n = numberOf(values.get(name)) ?? (param.torchDefault !== undefined ? Number(param.torchDefault) : undefined);
      text = n === undefined ? `1 - ${text}` : formatNumber(1 - n);
    }
    if (param.kerasDefault !== undefined && literalsEqual(text, param.kerasDefault)) continue;
    out.push([param.keras, text]);
  }
  return out;
}

function sameSizes(a: PyExpr | undefined, b: PyExpr | undefined, rank: number): boolean {
  const x = sizeOf(a, rank);
  const y = sizeOf(b, rank);
  return !!x && !!y && x.every((v, i) => v === y[i]);
}

function convLayer(row: PortLayer, values: Map<string, PyExpr>, construct: string, original: string): KerasLayer {
  rejectUnknownKeywords(values, [...row.torchPositional, 'padding_mode'], construct);
  const rank = row.rank as 1 | 2;
  if (values.has('padding_mode') && !isLiteral(values, 'padding_mode', "'zeros'") && !isLiteral(values, 'padding_mode', '"zeros"')) todo(construct, 'padding_mode other than zeros');
  const filters = textOr(values, 'out_channels', undefined) ?? todo(construct, 'out_channels missing');
  const kernelExpr = values.get('kernel_size') ?? todo(construct, 'kernel_size missing');
  const kernel = sizeOf(kernelExpr, rank);
  const stride = sizeOf(values.get('stride'), rank, 1);
  const dilation = sizeOf(values.get('dilation'), rank, 1);
  const paddingExpr = values.get('padding');
  let padding: string | undefined;
  let padLayer: string | undefined;
  if (paddingExpr && paddingExpr.t === 'str') {
    if (paddingExpr.value === 'same') padding = '"same"';
    else if (paddingExpr.value !== 'valid') todo(construct, `padding=${paddingExpr.text}`);
  } else {
    const pad = sizeOf(paddingExpr, rank, 0) ?? todo(construct, 'padding is not a literal size');
    if (pad.some((p) => p !== 0)) {
      const sameAsKeras = stride?.every((s) => s === 1) && dilation?.every((d) => d === 1) && kernel?.every((k, i) => k === 2 * pad[i] + 1);
      if (sameAsKeras) padding = '"same"';
      else padLayer = `keras.layers.ZeroPadding${rank}D(padding=${sizeText(pad)})`;
    }
  }
  const strideText = stride && stride.every((s) => s === 1) ? undefined : (values.get('stride')?.text ?? undefined);
  const dilationText = dilation && dilation.every((d) => d === 1) ? undefined : values.get('dilation')?.text;
  const keywords: Array<[string, string | undefined]> = [
    ['strides', strideText],
    ['padding', padding],
    ['dilation_rate', dilationText],
    ...mappedKeywords(row, values, ['groups', 'bias']),
  ];
  const code = callText(`keras.layers.Conv${rank}D`, [filters, kernelExpr.text], keywords);
  const layer = spatial(weighted(code, original, { kind: 'conv', rank }), rank);
  if (padLayer) {
    layer.defs.unshift({ suffix: '_pad', code: padLayer, comment: 'PyTorch pads both sides equally; Keras "same" would pad more at the end when striding' });
    layer.main = 1;
  }
  return layer;
}

function convTransposeLayer(row: PortLayer, values: Map<string, PyExpr>, construct: string, original: string): KerasLayer {
  rejectUnknownKeywords(values, [...row.torchPositional, 'padding_mode'], construct);
  const rank = row.rank as 1 | 2;
  if (!isLiteral(values, 'groups', '1', '1')) todo(construct, 'grouped transposed convolution has no Keras equivalent');
  const filters = textOr(values, 'out_channels', undefined) ?? todo(construct, 'out_channels missing');
  const kernelExpr = values.get('kernel_size') ?? todo(construct, 'kernel_size missing');
  const pad = sizeOf(values.get('padding'), rank, 0) ?? todo(construct, 'padding is not a literal size');
  const outputPadding = sizeOf(values.get('output_padding'), rank, 0);
  const stride = sizeOf(values.get('stride'), rank, 1);
  const dilation = sizeOf(values.get('dilation'), rank, 1);
  const kernel = sizeOf(kernelExpr, rank);
  let padding: string | undefined;
  if (pad.some((p) => p !== 0)) {
    // PyTorch crops `padding` from both ends of the full output; Keras "same" crops (k - s) split evenly, the odd one at the end.
    const sameAsKeras = kernel && stride && outputPadding?.every((p) => p === 0) && dilation?.every((d) => d === 1) && kernel.every((k, i) => k - stride[i] === 2 * pad[i]);
    if (!sameAsKeras) todo(construct, 'transposed convolution with padding other than (kernel_size - stride) / 2: Keras has no cropping argument (add a Cropping layer by hand)');
    padding = '"same"';
  }
  const keywords: Array<[string, string | undefined]> = [
    ['strides', stride && stride.every((s) => s === 1) ? undefined : values.get('stride')?.text],
    ['padding', padding],
    ['output_padding', outputPadding && outputPadding.every((p) => p === 0) ? undefined : values.get('output_padding')?.text],
    ['dilation_rate', dilation && dilation.every((d) => d === 1) ? undefined : values.get('dilation')?.text],
    ...mappedKeywords(row, values, ['bias']),
  ];
  return spatial(weighted(callText(`keras.layers.Conv${rank}DTranspose`, [filters, kernelExpr.text], keywords), original, { kind: 'convTranspose', rank }), rank);
}
