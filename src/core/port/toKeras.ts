/**
 * PyTorch → Keras: writes a Keras model that computes the same function as a PyTorch model. Tensors keep PyTorch's
 * channels-first layout throughout (convolutions, pooling and BatchNormalization get `data_format="channels_first"`
 * or `axis=1`), so the ported model takes the same input as the original, `Flatten` sees the same element order
 * and outputs compare one to one; Keras 3 runs channels-first layers on CPU as well.
 */
import { PORT_ACTIVATIONS, findPortLayer, type PortLayer, type PortParam } from '../../knowledge/port';
import { leakyReluToLeakyRelu } from '../../knowledge/data/pairs';
import { argumentsByName, callText, isLiteral, rejectUnknownKeywords, sizeOf, sizeText, textOr } from './args';
import type { SourceLayer, SourceModel, SourceStatement } from './extract';
import { intsOf, numberOf, qualifiedOf, selfAttribute, type PyExpr } from './pyexpr';
import { TodoSignal, todo, type PortTodo, type WeightLink } from './types';
import { formatNumber, literalsEqual, quoteTodo, shortName } from './write';

/** A translated layer: the Keras constructors (a padding layer may precede the main one) and how to call it. */
interface KerasLayer {
  defs: Array<{ suffix: string; code: string; comment?: string }>;
  /** Index in `defs` of the layer that carries the weights. */
  main: number;
  link?: Omit<WeightLink, 'source' | 'target'>;
  /** Dropout, BatchNormalization and nested models take the training flag. */
  training: boolean;
  rnn?: { cell: 'lstm' | 'gru' | 'simpleRnn'; batchFirst: boolean };
  children?: KerasLayer[];
  todo?: PortTodo;
  original: string;
}

const DF = 'data_format="channels_first"';

export interface KerasPort {
  code: string;
  imports: Set<string>;
  todos: PortTodo[];
  weights: WeightLink[];
  targetModel: string;
}

/** Ports one PyTorch model; `torchSizes` is unused in this direction (Keras infers input sizes). */
export function portTorchToKeras(model: SourceModel, inputShape: number[] | undefined): KerasPort {
  const todos: PortTodo[] = [];
  const imports = new Set<string>(['import keras']);
  const weights: WeightLink[] = [];
  const layers = new Map<string, KerasLayer>();
  for (const layer of model.layers) layers.set(layer.key, translateLayer(layer, todos));

  if (model.form === 'sequential') {
    const lines = [`${model.name} = keras.Sequential(`, '    ['];
    if (inputShape) lines.push(`        keras.Input(shape=(${inputShape.join(', ')}${inputShape.length === 1 ? ',' : ''})),`);
    lines.push(...sequentialItems(model.layers.map((l) => layers.get(l.key) as KerasLayer), '        ', '', '.layers', weights));
    lines.push('    ]', ')');
    return { code: lines.join('\n'), imports, todos, weights, targetModel: model.name };
  }

  const lines: string[] = [];
  lines.push(`class ${model.name}(keras.Model):`);
  lines.push(`    def __init__(self${model.initParams.map((p) => `, ${p}`).join('')}, **kwargs):`);
  lines.push('        super().__init__(**kwargs)');
  for (const statement of model.initOther) {
    if (statement.copy) {
      lines.push(`        ${statement.text}`);
      continue;
    }
    lines.push(quoteTodo(statement.text, 'not a layer: port by hand', '        '));
    todos.push({ code: statement.text, reason: 'not a layer', construct: statementConstruct(statement.text) });
  }
  for (const source of model.layers) {
    const layer = layers.get(source.key) as KerasLayer;
    if (layer.todo) {
      lines.push(quoteTodo(layer.original, layer.todo.reason, '        '));
      continue;
    }
    if (layer.children) {
      lines.push(`        self.${source.key} = keras.Sequential(`, '            [');
      lines.push(...sequentialItems(layer.children, '                ', `.${source.key}`, `.${source.key}.layers`, weights, `.${source.key}`));
      lines.push('            ]', '        )');
      continue;
    }
    layer.defs.forEach((def, i) => {
      if (def.comment) lines.push(`        # ${def.comment}`);
      lines.push(`        self.${source.key}${def.suffix} = ${def.code}`);
      if (i === layer.main && layer.link) weights.push({ ...layer.link, source: `.${source.key}`, target: `.${source.key}` });
    });
  }
  lines.push('');
  const forward = model.forward;
  if (!forward) {
    lines.push('    # TODO(framework-guide): the PyTorch model has no forward method to port');
    todos.push({ code: model.name, reason: 'no forward method', construct: 'missing forward' });
  } else {
    lines.push(`    def call(self${forward.params.map((p) => `, ${p}`).join('')}, training=None):`);
    const translator = new ForwardToKeras(forward.self, layers, imports);
    for (const statement of forward.body) {
      for (const line of translator.statement(statement, todos)) for (const part of line.split('\n')) lines.push(`        ${part}`);
    }
  }
  return { code: lines.join('\n'), imports, todos, weights, targetModel: `${model.name}()` };
}

function statementConstruct(statement: string): string {
  const head = statement.split(/[\s(=]/)[0];
  return head.startsWith('self.') ? 'non-layer attribute' : `${head} statement`;
}

/** The items of a `keras.Sequential([...])` list, registering weight links with Keras accessors `.layers[i]`. */
function sequentialItems(items: KerasLayer[], indent: string, torchPrefix: string, kerasPrefix: string, weights: WeightLink[], sourcePrefix = ''): string[] {
  const lines: string[] = [];
  let index = 0;
  items.forEach((layer, torchIndex) => {
    if (layer.todo) {
      lines.push(quoteTodo(layer.original, layer.todo.reason, indent));
      return;
    }
    if (layer.children) {
      lines.push(`${indent}keras.Sequential(`, `${indent}    [`);
      lines.push(...sequentialItems(layer.children, `${indent}        `, '', `${kerasPrefix}[${index}].layers`, weights, `${sourcePrefix}[${torchIndex}]`));
      lines.push(`${indent}    ]`, `${indent}),`);
      index++;
      return;
    }
    layer.defs.forEach((def, i) => {
      if (def.comment) lines.push(`${indent}# ${def.comment}`);
      lines.push(`${indent}${def.code},`);
      if (i === layer.main && layer.link) weights.push({ ...layer.link, source: `${sourcePrefix || torchPrefix}[${torchIndex}]`, target: `${kerasPrefix}[${index}]` });
      index++;
    });
  });
  return lines;
}

function translateLayer(source: SourceLayer, todos: PortTodo[]): KerasLayer {
  const original = source.call.text;
  try {
    if (source.children) {
      const children = source.children.map((c) => translateLayer(c, todos));
      return { defs: [], main: 0, training: true, children, original };
    }
    return layerFor(source);
  } catch (error) {
    if (!(error instanceof TodoSignal)) throw error;
    const entry: PortTodo = { code: original, reason: error.reason, construct: error.construct };
    todos.push(entry);
    return { defs: [], main: 0, training: false, todo: entry, original };
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
      return weighted(code, call.text, { kind: 'linear' });
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
      return plain(callText(name, [kernel], [['strides', strideText], ['data_format', '"channels_first"']]), call.text);
    }
    case 'globalAvgPool':
    case 'globalMaxPool': {
      const rank = row.rank as 1 | 2;
      const size = sizeOf(values.get('output_size'), rank);
      if (!size || size.some((s) => s !== 1)) todo(construct, 'adaptive pooling to a size other than 1 has no Keras layer');
      const name = (row.kind === 'globalAvgPool' ? 'keras.layers.GlobalAveragePooling' : 'keras.layers.GlobalMaxPooling') + `${rank}D`;
      return plain(`${name}(${DF}, keepdims=True)`, call.text, 'keepdims=True keeps the (N, C, 1, 1) shape PyTorch adaptive pooling returns');
    }
    case 'batchNorm': {
      rejectUnknownKeywords(values, [...row.torchPositional, 'track_running_stats'], construct);
      if (!isLiteral(values, 'track_running_stats', 'True', 'True')) todo(construct, 'track_running_stats=False has no Keras equivalent');
      if (qn.startsWith('torch.nn.LazyBatchNorm') || values.get('momentum')?.text === 'None') {
        if (values.get('momentum')?.text === 'None') todo(construct, 'momentum=None (cumulative average) has no Keras equivalent');
      }
      const keywords: Array<[string, string | undefined]> = [['axis', '1'], ...mappedKeywords(row, values, ['eps', 'momentum'])];
      if (isLiteral(values, 'affine', 'False')) keywords.push(['center', 'False'], ['scale', 'False']);
      return {
        ...weighted(callText('keras.layers.BatchNormalization', [], keywords), call.text, { kind: 'batchNorm' }),
        training: true,
        defs: [{ suffix: '', code: callText('keras.layers.BatchNormalization', [], keywords), comment: 'axis=1: channels first as in PyTorch; Keras momentum = 1 - PyTorch momentum; epsilon as in PyTorch' }],
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
      return weighted(callText('keras.layers.LayerNormalization', [], keywords), call.text, { kind: 'layerNorm' }, 'epsilon as in PyTorch (Keras defaults to 1e-3)');
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
      return weighted(`keras.layers.Embedding(${count}, ${dim})`, call.text, { kind: 'embedding' }, comment);
    }
    case 'lstm':
    case 'gru':
    case 'simpleRnn': {
      rejectUnknownKeywords(values, [...row.torchPositional, 'bias', 'batch_first', 'dropout', 'bidirectional', 'nonlinearity', 'proj_size'], construct);
      if (!isLiteral(values, 'num_layers', '1', '1')) todo(construct, 'stacked recurrent layers (num_layers > 1): port as separate Keras layers');
      if (!isLiteral(values, 'bidirectional', 'False', 'False')) todo(construct, 'bidirectional: wrap in keras.layers.Bidirectional by hand');
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
      return { ...weighted(callText(name, [units], keywords), call.text, { kind: row.kind }, comment), rnn: { cell: row.kind, batchFirst } };
    }
    case 'flatten': {
      rejectUnknownKeywords(values, row.torchPositional, construct);
      if (!isLiteral(values, 'start_dim', '1', '1') || !(isLiteral(values, 'end_dim', '-1', '-1'))) todo(construct, 'flatten of other dimensions than 1..-1');
      return plain('keras.layers.Flatten()', call.text);
    }
    case 'identity':
      return plain('keras.layers.Identity()', call.text);
    default:
      return todo(construct, 'outside the porter’s supported layers');
  }
}

function plain(code: string, original: string, comment?: string): KerasLayer {
  return { defs: [{ suffix: '', code, ...(comment ? { comment } : {}) }], main: 0, training: false, original };
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
    return plain(`${layer}(axis=${dim.text})`, call.text);
  }
  const values = argumentsByName(call, [], construct);
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
      else padLayer = `keras.layers.ZeroPadding${rank}D(padding=${sizeText(pad)}, ${DF})`;
    }
  }
  const strideText = stride && stride.every((s) => s === 1) ? undefined : (values.get('stride')?.text ?? undefined);
  const dilationText = dilation && dilation.every((d) => d === 1) ? undefined : values.get('dilation')?.text;
  const keywords: Array<[string, string | undefined]> = [
    ['strides', strideText],
    ['padding', padding],
    ['dilation_rate', dilationText],
    ...mappedKeywords(row, values, ['groups', 'bias']),
    ['data_format', '"channels_first"'],
  ];
  const code = callText(`keras.layers.Conv${rank}D`, [filters, kernelExpr.text], keywords);
  const layer = weighted(code, original, { kind: 'conv', rank });
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
  const pad = sizeOf(values.get('padding'), rank, 0);
  if (!pad || pad.some((p) => p !== 0)) todo(construct, 'transposed convolution with padding: Keras has no cropping argument (add a Cropping layer by hand)');
  const outputPadding = sizeOf(values.get('output_padding'), rank, 0);
  const stride = sizeOf(values.get('stride'), rank, 1);
  const dilation = sizeOf(values.get('dilation'), rank, 1);
  const keywords: Array<[string, string | undefined]> = [
    ['strides', stride && stride.every((s) => s === 1) ? undefined : values.get('stride')?.text],
    ['output_padding', outputPadding && outputPadding.every((p) => p === 0) ? undefined : values.get('output_padding')?.text],
    ['dilation_rate', dilation && dilation.every((d) => d === 1) ? undefined : values.get('dilation')?.text],
    ...mappedKeywords(row, values, ['bias']),
    ['data_format', '"channels_first"'],
  ];
  return weighted(callText(`keras.layers.Conv${rank}DTranspose`, [filters, kernelExpr.text], keywords), original, { kind: 'convTranspose', rank });
}

/** Method names on tensors and the `torch.`/`F.` functions the forward translation knows, by what they compute. */
const TORCH_CONCAT = new Set(['torch.cat', 'torch.concat', 'torch.concatenate']);
const ELEMENTWISE: Record<string, string> = {
  'torch.exp': 'keras.ops.exp',
  'torch.log': 'keras.ops.log',
  'torch.sqrt': 'keras.ops.sqrt',
  'torch.abs': 'keras.ops.abs',
  'torch.matmul': 'keras.ops.matmul',
  'torch.bmm': 'keras.ops.matmul',
  'torch.add': 'keras.ops.add',
  'torch.mul': 'keras.ops.multiply',
  'torch.maximum': 'keras.ops.maximum',
  'torch.minimum': 'keras.ops.minimum',
};

/** Translates the statements of a PyTorch `forward` into the lines of a Keras `call`. */
class ForwardToKeras {
  constructor(
    private readonly self: string,
    private readonly layers: Map<string, KerasLayer>,
    private readonly imports: Set<string>,
  ) {}

  statement(statement: SourceStatement, todos: PortTodo[]): string[] {
    try {
      if (statement.kind === 'other') todo(statementConstruct(statement.text), 'only straight-line assignments and return are ported');
      if (statement.kind === 'return') return [`return ${this.expr(statement.value)}`];
      const rnn = this.rnnAssignment(statement.targets, statement.value);
      if (rnn) return rnn;
      if (statement.targets.t !== 'name') todo('tuple assignment', 'only a single target is ported');
      return [`${statement.targets.text} = ${this.expr(statement.value)}`];
    } catch (error) {
      if (!(error instanceof TodoSignal)) throw error;
      todos.push({ code: statement.text, reason: error.reason, construct: error.construct });
      return [quoteTodo(statement.text, error.reason)];
    }
  }

  private layerOf(expr: PyExpr): { key: string; layer: KerasLayer } | undefined {
    if (expr.t !== 'call') return undefined;
    const key = selfAttribute(expr.fn, this.self);
    const layer = key ? this.layers.get(key) : undefined;
    return key && layer ? { key, layer } : undefined;
  }

  /** `out, (h, c) = self.lstm(x)` → `out, h, c = self.lstm(x)` with PyTorch's (num_layers, N, H) state shape kept. */
  private rnnAssignment(targets: PyExpr, value: PyExpr): string[] | undefined {
    const found = this.layerOf(value);
    if (!found?.layer.rnn) return undefined;
    const { cell, batchFirst } = found.layer.rnn;
    if (targets.t !== 'tuple' || targets.items.length !== 2) todo('recurrent layer output', 'unpack it as `output, state = ...`');
    const [output, state] = targets.items;
    const names = [output.text];
    if (cell === 'lstm') {
      if (state.t === 'tuple' && state.items.length === 2) names.push(state.items[0].text, state.items[1].text);
      else if (state.text === '_') names.push('_', '_');
      else todo('LSTM state', 'unpack the state as (h, c)');
    } else names.push(state.text);
    const lines = [`${names.join(', ')} = ${this.layerCall(found.key, found.layer, (value as PyExpr & { t: 'call' }).args)}`];
    if (!batchFirst) lines.push(`${output.text} = keras.ops.transpose(${output.text}, (1, 0, 2))  # back to PyTorch's (L, N, H) layout`);
    for (const name of names.slice(1)) if (name !== '_') lines.push(`${name} = keras.ops.expand_dims(${name}, 0)  # PyTorch states are (num_layers, N, H)`);
    return lines;
  }

  private layerCall(key: string, layer: KerasLayer, args: PyExpr[]): string {
    if (layer.todo) todo(layer.todo.construct, 'its layer was not ported');
    if (args.length !== 1) todo('layer call', 'layers called with several inputs are not ported');
    let input = this.expr(args[0]);
    if (layer.rnn && !layer.rnn.batchFirst) input = `keras.ops.transpose(${input}, (1, 0, 2))`;
    const training = layer.training ? ', training=training' : '';
    if (layer.children) return `self.${key}(${input}${training})`;
    let code = input;
    layer.defs.forEach((def) => {
      code = `self.${key}${def.suffix}(${code}${training})`;
    });
    return code;
  }

  expr(e: PyExpr): string {
    switch (e.t) {
      case 'name':
      case 'num':
      case 'str':
      case 'const':
        return e.text;
      case 'bin':
        return `${this.operand(e.a)} ${e.op} ${this.operand(e.b)}`;
      case 'unary':
        return `${e.op}${this.operand(e.a)}`;
      case 'tuple':
        return `(${e.items.map((i) => this.expr(i)).join(', ')}${e.items.length === 1 ? ',' : ''})`;
      case 'list':
        return `[${e.items.map((i) => this.expr(i)).join(', ')}]`;
      case 'sub': {
        const found = this.layerOf(e.obj);
        if (found?.layer.rnn) {
          if (e.index.trim() !== '0') todo('recurrent layer output', 'only [0] (the outputs) is ported');
          const call = `${this.layerCall(found.key, found.layer, (e.obj as PyExpr & { t: 'call' }).args)}[0]`;
          return found.layer.rnn.batchFirst ? call : `keras.ops.transpose(${call}, (1, 0, 2))`;
        }
        if (e.obj.t === 'attr' && e.obj.name === 'shape') return `${this.expr(e.obj)}[${e.index}]`;
        return `${this.expr(e.obj)}[${e.index}]`;
      }
      case 'attr': {
        if (e.qn) todo(shortName(e.qn), 'framework constant not ported');
        if (e.name === 'shape') return `${this.expr(e.obj)}.shape`;
        if (e.obj.t === 'name' && e.obj.id === this.self && !this.layers.has(e.name)) return e.text;
        return todo(e.text, 'attribute access not ported');
      }
      case 'call':
        return this.call(e);
      default:
        return todo(e.text.split('(')[0], 'expression not ported');
    }
  }

  private operand(e: PyExpr): string {
    const text = this.expr(e);
    return e.t === 'bin' ? `(${text})` : text;
  }

  private call(e: PyExpr & { t: 'call' }): string {
    const found = this.layerOf(e);
    if (found) {
      if (found.layer.rnn) todo('recurrent layer output', 'unpack it as `output, state = ...` or index [0]');
      return this.layerCall(found.key, found.layer, e.args);
    }
    const qn = qualifiedOf(e.fn);
    const method = !qn && e.fn.t === 'attr' ? e.fn.name : undefined;
    const receiver = method && e.fn.t === 'attr' ? e.fn.obj : undefined;
    // Functional form: torch.relu(x) / F.relu(x); method form: x.relu().
    const args = receiver ? [receiver, ...e.args] : e.args;
    const kw = (name: string, position: number): PyExpr | undefined => e.kwargs.find((k) => k.name === name)?.value ?? args[position];
    const name = qn ?? (method ? `.${method}` : undefined);
    if (!name) return todo(e.text.split('(')[0], 'call not ported');

    const activation = PORT_ACTIVATIONS.find((a) => (qn && a.torchFunctions.includes(qn)) || (method && a.torchFunctions.includes(method)));
    if (activation) {
      const x = this.expr(args[0]);
      if (activation.axis) {
        const dim = kw('dim', 1) ?? todo(name, 'softmax without dim picks an axis implicitly; pass dim');
        return `${activation.kerasWrite}(${x}, axis=${dim.text})`;
      }
      if (activation.keras === 'gelu' && kw('approximate', 1) && !['"none"', "'none'"].includes((kw('approximate', 1) as PyExpr).text)) return `keras.ops.gelu(${x}, approximate=True)`;
      if (activation.keras === 'gelu') return `keras.ops.gelu(${x}, approximate=False)`;
      return `${activation.kerasWrite}(${x})`;
    }
    if (qn === 'torch.nn.functional.leaky_relu') {
      const slope = kw('negative_slope', 1)?.text ?? leakyReluToLeakyRelu.params?.[0].ourDefault ?? '0.01';
      return `keras.ops.leaky_relu(${this.expr(args[0])}, negative_slope=${slope})`;
    }
    if (qn && TORCH_CONCAT.has(qn)) {
      const dim = kw('dim', 1)?.text ?? '0';
      return `keras.ops.concatenate(${this.expr(args[0])}, axis=${dim})`;
    }
    if (qn === 'torch.stack') return `keras.ops.stack(${this.expr(args[0])}, axis=${kw('dim', 1)?.text ?? '0'})`;
    if (qn && ELEMENTWISE[qn]) return `${ELEMENTWISE[qn]}(${args.map((a) => this.expr(a)).join(', ')})`;
    if (qn === 'torch.flatten' || method === 'flatten') {
      const start = kw('start_dim', 1)?.text ?? '0';
      const end = kw('end_dim', 2)?.text ?? '-1';
      if (end !== '-1') todo(name, 'flatten up to a dimension other than -1');
      const x = this.expr(args[0]);
      this.imports.add('import math');
      if (start === '1') return `keras.ops.reshape(${x}, (-1, math.prod(${x}.shape[1:])))`;
      if (start === '0') return `keras.ops.reshape(${x}, (-1,))`;
      return todo(name, `flatten from dimension ${start}`);
    }
    if (method === 'view' || method === 'reshape' || qn === 'torch.reshape') {
      const x = this.expr(args[0]);
      const dims = qn ? (args[1]?.t === 'tuple' || args[1]?.t === 'list' ? args[1].items : [args[1]]) : args.slice(1);
      if (dims.length === 1 && (dims[0]?.t === 'tuple' || dims[0]?.t === 'list')) return this.reshape(x, (dims[0] as { items: PyExpr[] }).items);
      return this.reshape(x, dims.filter((d): d is PyExpr => d !== undefined));
    }
    if (method === 'size') {
      if (e.args.length !== 1) todo(name, 'size() without a dimension');
      return `keras.ops.shape(${this.expr(args[0])})[${e.args[0].text}]`;
    }
    if (method === 'contiguous' || method === 'clone') return this.expr(args[0]);
    if (method === 'permute' || qn === 'torch.permute') {
      const dims = qn ? args[1] : undefined;
      const order = dims ? (dims.t === 'tuple' || dims.t === 'list' ? dims.items : [dims]) : e.args.length === 1 && (e.args[0].t === 'tuple' || e.args[0].t === 'list') ? e.args[0].items : e.args;
      return `keras.ops.transpose(${this.expr(args[0])}, (${order.map((d) => d.text).join(', ')}))`;
    }
    if (method === 'transpose' || qn === 'torch.transpose') return `keras.ops.swapaxes(${this.expr(args[0])}, ${args[1]?.text}, ${args[2]?.text})`;
    if (method === 'unsqueeze' || qn === 'torch.unsqueeze') return `keras.ops.expand_dims(${this.expr(args[0])}, ${kw('dim', 1)?.text})`;
    if (method === 'squeeze' || qn === 'torch.squeeze') {
      const dim = kw('dim', 1);
      return dim ? `keras.ops.squeeze(${this.expr(args[0])}, axis=${dim.text})` : `keras.ops.squeeze(${this.expr(args[0])})`;
    }
    if (method === 'mean' || method === 'sum' || qn === 'torch.mean' || qn === 'torch.sum') {
      const op = (method ?? (qn as string).slice('torch.'.length)) === 'mean' ? 'keras.ops.mean' : 'keras.ops.sum';
      const dim = kw('dim', 1);
      const keep = e.kwargs.find((k) => k.name === 'keepdim')?.value ?? args[2];
      return callText(op, [this.expr(args[0])], [
        ['axis', dim?.text],
        ['keepdims', keep?.text],
      ]);
    }
    if (qn === 'torch.nn.functional.max_pool2d' || qn === 'torch.nn.functional.avg_pool2d' || qn === 'torch.nn.functional.max_pool1d' || qn === 'torch.nn.functional.avg_pool1d') {
      const isMax = qn.includes('max');
      if (e.args.length > 3 || e.kwargs.some((k) => !['kernel_size', 'stride'].includes(k.name))) todo(shortName(qn), 'pooling arguments beyond kernel_size and stride');
      const kernel = kw('kernel_size', 1) ?? todo(shortName(qn), 'kernel_size missing');
      const stride = kw('stride', 2);
      return callText(isMax ? 'keras.ops.max_pool' : 'keras.ops.average_pool', [this.expr(args[0]), kernel.text], [
        ['strides', stride && stride.text !== 'None' ? stride.text : undefined],
        ['data_format', '"channels_first"'],
      ]);
    }
    if (qn === 'torch.nn.functional.adaptive_avg_pool2d' || qn === 'torch.nn.functional.adaptive_avg_pool1d') {
      const size = intsOf(kw('output_size', 1));
      if (!size || size.some((s) => s !== 1)) todo(shortName(qn), 'adaptive pooling to a size other than 1');
      const axes = qn.endsWith('2d') ? '(2, 3)' : '(2,)';
      return `keras.ops.mean(${this.expr(args[0])}, axis=${axes}, keepdims=True)`;
    }
    return todo(qn ? shortName(qn) : `.${method}()`, 'call not ported');
  }

  private reshape(x: string, dims: PyExpr[]): string {
    // `x.view(x.size(0), -1)` is a flatten: written with the static trailing sizes so symbolic Keras tensors work too.
    const batchDim = dims[0] && ((dims[0].t === 'call' && dims[0].fn.t === 'attr' && dims[0].fn.name === 'size') || (dims[0].t === 'sub' && dims[0].obj.t === 'attr' && dims[0].obj.name === 'shape'));
    if (dims.length === 2 && batchDim && numberOf(dims[1]) === -1) {
      this.imports.add('import math');
      return `keras.ops.reshape(${x}, (-1, math.prod(${x}.shape[1:])))`;
    }
    return `keras.ops.reshape(${x}, (${dims.map((d) => this.expr(d)).join(', ')}))`;
  }
}
