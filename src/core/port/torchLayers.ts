/**
 * Keras → PyTorch, layer by layer: the table-driven translation of one Keras layer into PyTorch modules, with the
 * layout each module reads and the shape it returns (used for the input sizes PyTorch needs).
 */
import { PORT_ACTIVATIONS, findPortLayer, type PortLayer, type PortParam } from '../../knowledge/port';
import { argumentsByName, callText, rejectUnknownKeywords, sizeOf, TRAINING_ONLY_KEYWORDS } from './args';
import type { SourceLayer } from './extract';
import { intsOf, numberOf, qualifiedOf, type PyExpr } from './pyexpr';
import { todo, type PortTodo, type WeightLink } from './types';
import { stringLiteral } from '../python/literals';
import { formatNumber, literalsEqual, shortName } from './write';

/** What the porter knows about a tensor: its Keras shape (no batch) and whether the PyTorch tensor is permuted to channels-first. */
export interface Info {
  shape?: Array<number | undefined>;
  rank?: number;
  /** The PyTorch tensor holds the channels-last Keras tensor permuted to channels-first. */
  permuted: boolean;
}

export const UNKNOWN: Info = { permuted: false };

export interface Value {
  code: string;
  info: Info;
}

/** A translated layer: its PyTorch modules and how a call applies them. */
export interface TorchLayer {
  modules: Array<{ suffix: string; code: string; comment?: string }>;
  main: number;
  link?: Omit<WeightLink, 'source' | 'target'>;
  /** Input layout the layer needs: the Keras tensor as is, permuted to channels-first, or either. */
  needs: 'plain' | 'permuted' | 'any';
  apply(input: string, attr: (suffix: string) => string, info: Info): string;
  out(info: Info): Info;
  /** The modules for an nn.Sequential, when the layer is just its modules applied in order. */
  sequential?: string[];
  lazy: boolean;
  original: string;
  /** The input rank a channels-first layer implies (4 for Conv2D), used when the rank is not otherwise known. */
  inRank?: number;
  /** A training-only argument (a regulariser) left out, reported as a TODO. */
  trainingTodo?: PortTodo;
  /** A nested keras.Sequential: its weight links, relative to the Keras container (`.layers[i]`) and the nn.Sequential (`[j]`). */
  nested?: Array<Omit<WeightLink, 'source' | 'target'> & { source: string; target: string }>;
}


function rankOf(info: Info): number | undefined {
  return info.shape ? info.shape.length + 1 : info.rank;
}

export function atom(code: string): string {
  return /^[\w.]+(\([^()]*(\([^()]*\))*[^()]*\))?(\[[^\]]*\])?$/.test(code) || /^[\w.]+$/.test(code) ? code : `(${code})`;
}

export function toPermuted(value: Value, rankHint?: number): Value {
  if (value.info.permuted) return value;
  const rank = rankOf(value.info) ?? rankHint;
  if (rank === 3) return { code: `${atom(value.code)}.permute(0, 2, 1)`, info: { ...value.info, rank, permuted: true } };
  if (rank === 4) return { code: `${atom(value.code)}.permute(0, 3, 1, 2)`, info: { ...value.info, rank, permuted: true } };
  return todo('channels-last input', 'the input rank is unknown: give the input shape so the porter can permute to channels-first');
}

export function toPlain(value: Value): Value {
  if (!value.info.permuted) return value;
  const rank = rankOf(value.info);
  const code = rank === 3 ? `${atom(value.code)}.permute(0, 2, 1)` : `${atom(value.code)}.permute(0, 2, 3, 1)`;
  return { code, info: { ...value.info, permuted: false } };
}

export function withLayout(value: Value, needs: TorchLayer['needs'], rankHint?: number): Value {
  if (needs === 'plain') return toPlain(value);
  if (needs === 'permuted') return toPermuted(value, rankHint);
  return value;
}

export function activationFor(name: string): (typeof PORT_ACTIVATIONS)[number] | undefined {
  return PORT_ACTIVATIONS.find((a) => a.keras === name || (name === 'swish' && a.keras === 'silu'));
}

/** Keras activation argument → PyTorch module and function text; undefined for none/'linear'. */
function activationArg(expr: PyExpr | undefined, construct: string): { module: string; fn: (x: string) => string } | undefined {
  if (!expr || expr.text === 'None') return undefined;
  let name: string | undefined;
  if (expr.t === 'str') name = expr.value;
  else {
    const qn = qualifiedOf(expr);
    if (qn) name = qn.split('.').pop();
  }
  if (name === 'linear') return undefined;
  const activation = name ? activationFor(name) : undefined;
  if (!activation) return todo(construct, `activation ${expr.text} is not ported`);
  const module = `nn.${activation.torchModule.split('.').pop()}`;
  if (activation.axis) return { module: `${module}(dim=-1)`, fn: (x) => `torch.${activation.keras}(${x}, dim=-1)` };
  const fn = activation.torchFunctions.find((f) => f.startsWith('torch.') && !f.startsWith('torch.nn.')) ?? activation.torchFunctions[0];
  return { module: `${module}()`, fn: (x) => `${fn.replace('torch.nn.functional.', 'F.')}(${x})` };
}

function convOut(n: number | undefined, k: number, s: number, d: number, same: boolean): number | undefined {
  if (n === undefined) return undefined;
  if (same) return Math.ceil(n / s);
  return Math.floor((n - d * (k - 1) - 1) / s) + 1;
}

/** Default Keras layer names, which the ported attributes reuse (`conv2d`, `dense_1`). */
export const KERAS_AUTONAME: Record<string, string> = {
  linear: 'dense',
  conv: 'conv',
  convTranspose: 'conv_transpose',
  maxPool: 'max_pooling',
  avgPool: 'average_pooling',
  globalAvgPool: 'global_average_pooling',
  globalMaxPool: 'global_max_pooling',
  batchNorm: 'batch_normalization',
  layerNorm: 'layer_normalization',
  dropout: 'dropout',
  embedding: 'embedding',
  lstm: 'lstm',
  gru: 'gru',
  simpleRnn: 'simple_rnn',
  flatten: 'flatten',
  activation: 'activation',
  identity: 'identity',
};

/** A nested keras.Sequential as an nn.Sequential, when each of its layers is one module chain in PyTorch's layout. */
function nestedSequential(children: SourceLayer[], info: Info, num: (e: PyExpr | undefined) => number | undefined, original: string): TorchLayer {
  let current: Info = { ...info, permuted: false };
  const modules: string[] = [];
  const nested: NonNullable<TorchLayer['nested']> = [];
  children.forEach((child, i) => {
    const layer = buildLayer(child, current, num);
    if (!layer.sequential || layer.needs === 'permuted') todo(child.qualifiedName ? shortName(child.qualifiedName) : 'layer', 'inside a nested keras.Sequential only layers that read the last axis are ported');
    if (layer.link) nested.push({ ...layer.link, source: `.layers[${i}]`, target: `[${modules.length + layer.main}]` });
    modules.push(...layer.sequential);
    current = layer.out(current);
  });
  const out = current;
  const code = `nn.Sequential(\n${modules.map((m) => `            ${m},`).join('\n')}\n        )`;
  return { modules: [{ suffix: '', code }], main: 0, needs: 'plain', apply: (x, attr) => `${attr('')}(${x})`, out: () => out, lazy: false, original, nested };
}

export const MERGE_LAYERS: Record<string, string> = {
  'keras.layers.Add': '+',
  'keras.layers.Subtract': '-',
  'keras.layers.Multiply': '*',
  'keras.layers.Concatenate': 'cat',
};

function mapped(row: PortLayer, values: Map<string, PyExpr>, kerasName: string): [string, string | undefined] {
  const param = row.params.find((p) => p.keras === kerasName) as PortParam;
  let text = values.get(kerasName)?.text ?? param.kerasDefault;
  if (text === undefined) return [param.torch, undefined];
  if (param.convert === 'oneMinus') {
    const n = numberOf(values.get(kerasName)) ?? Number(param.kerasDefault);
    text = Number.isFinite(n) ? formatNumber(1 - n) : `1 - ${text}`;
  }
  if (param.torchDefault !== undefined && literalsEqual(text, param.torchDefault)) return [param.torch, undefined];
  return [param.torch, text];
}

export function buildLayer(source: SourceLayer, info: Info, num: (e: PyExpr | undefined) => number | undefined, bidirectional = false): TorchLayer {
  const call = source.call;
  const qn = source.qualifiedName;
  const construct = qn ? shortName(qn) : call.text.split('(')[0];
  if (call.t !== 'call' || !qn) todo(construct, 'not a layer constructor');
  const original = call.text;
  if (source.children) return nestedSequential(source.children, info, num, original);
  const simple = (module: string, needs: TorchLayer['needs'], out: (i: Info) => Info = (i) => i): TorchLayer => ({
    modules: [{ suffix: '', code: module }],
    main: 0,
    needs,
    apply: (x, attr) => `${attr('')}(${x})`,
    out,
    sequential: [module],
    lazy: false,
    original,
  });
  if (qn === 'keras.layers.Activation') {
    const act = activationArg(call.args[0] ?? call.kwargs.find((k) => k.name === 'activation')?.value, construct);
    if (!act) return simple('nn.Identity()', 'any');
    return simple(act.module, act.module.includes('dim=') ? 'plain' : 'any');
  }
  if (qn === 'keras.layers.ReLU') {
    if (call.args.length || call.kwargs.some((k) => k.name !== 'name')) todo(construct, 'ReLU with max_value/threshold/negative_slope');
    return simple('nn.ReLU()', 'any');
  }
  if (qn === 'keras.layers.Softmax') {
    const axis = call.kwargs.find((k) => k.name === 'axis')?.value.text ?? call.args[0]?.text ?? '-1';
    return simple(`nn.Softmax(dim=${axis})`, 'plain');
  }
  if (qn === 'keras.layers.LeakyReLU') {
    const slope = call.kwargs.find((k) => k.name === 'negative_slope' || k.name === 'alpha')?.value.text ?? call.args[0]?.text ?? '0.3';
    return simple(`nn.LeakyReLU(negative_slope=${slope})`, 'any');
  }
  if (qn === 'keras.layers.ZeroPadding2D') {
    const pad = call.kwargs.find((k) => k.name === 'padding')?.value ?? call.args[0];
    const ints = pad ? intsOf(pad) : [1];
    if (!ints) todo(construct, 'asymmetric padding tuples are not ported');
    const [h, w] = ints.length === 1 ? [ints[0], ints[0]] : ints;
    const module = `nn.ZeroPad2d((${w}, ${w}, ${h}, ${h}))`;
    return {
      ...simple(module, 'permuted', (i) => ({ ...i, shape: i.shape ? [i.shape[0] !== undefined ? i.shape[0] + 2 * h : undefined, i.shape[1] !== undefined ? i.shape[1] + 2 * w : undefined, i.shape[2]] : undefined })),
      sequential: undefined,
      inRank: 4,
    };
  }
  if (qn === 'keras.layers.Reshape') {
    const target = call.kwargs.find((k) => k.name === 'target_shape')?.value ?? call.args[0];
    const ints = intsOf(target) ?? todo(construct, 'target_shape is not a literal');
    return {
      modules: [],
      main: 0,
      needs: 'plain',
      apply: (x) => `torch.reshape(${x}, (-1, ${ints.join(', ')}))`,
      out: () => ({ shape: ints.every((n) => n > 0) ? ints : undefined, rank: ints.length + 1, permuted: false }),
      lazy: false,
      original,
    };
  }
  if (qn === 'keras.layers.Bidirectional') {
    // Keras concatenates [forward, backward] like PyTorch's bidirectional output; its last output pairs both final states.
    const inner = call.args[0] ?? call.kwargs.find((k) => k.name === 'layer')?.value;
    const innerName = inner?.t === 'call' ? qualifiedOf(inner.fn) : undefined;
    if (!inner || !innerName || !['keras.layers.LSTM', 'keras.layers.GRU', 'keras.layers.SimpleRNN'].includes(innerName)) return todo(construct, 'only a wrapped LSTM, GRU or SimpleRNN is ported');
    for (const kw of call.kwargs) if (kw.name !== 'layer' && kw.name !== 'name' && !(kw.name === 'merge_mode' && kw.value.t === 'str' && kw.value.value === 'concat')) todo(construct, `argument ${kw.name} is not ported`);
    return buildLayer({ key: source.key, call: inner, qualifiedName: innerName }, info, num, true);
  }
  const found = findPortLayer(qn);
  if (!found || found.side !== 'keras') todo(construct, 'outside the porter’s supported layers');
  const row = found.layer;
  const values = argumentsByName(call, row.kerasPositional, construct);
  // Regularisers and constraints act only in training: said in a comment on the module, not carried over.
  const trainingOnly = [...TRAINING_ONLY_KEYWORDS].filter((key) => key !== 'dropout' && values.has(key));
  const trainingNote = trainingOnly.length ? `${trainingOnly.map((k) => `${k}=${values.get(k)?.text}`).join(', ')} only acts in training and is not ported: add the penalty to the loss` : undefined;
  for (const key of trainingOnly) values.delete(key);
  const channelsFirst = values.get('data_format')?.t === 'str' && (values.get('data_format') as { value: string }).value === 'channels_first';
  const shape = info.shape;
  const channels = shape ? (channelsFirst ? shape[0] : shape[shape.length - 1]) : undefined;
  const act = activationArg(values.get('activation'), construct);
  const withActivation = (layer: TorchLayer): TorchLayer => {
    if (!act) return layer;
    return {
      ...layer,
      apply: (x, attr, i) => act.fn(layer.apply(x, attr, i)),
      sequential: layer.sequential ? [...layer.sequential, act.module] : undefined,
      needs: act.module.includes('dim=') && layer.needs === 'permuted' ? todo(construct, 'softmax activation on a channels-last feature map') : layer.needs,
    };
  };
  const layer = ((): TorchLayer => {
    switch (row.kind) {
      case 'linear': {
        rejectUnknownKeywords(values, row.kerasPositional, construct);
        const units = values.get('units')?.text ?? todo(construct, 'units missing');
        const bias = mapped(row, values, 'use_bias');
        const inFeatures = shape ? shape[shape.length - 1] : undefined;
        const module = inFeatures !== undefined ? callText('nn.Linear', [String(inFeatures), units], [bias]) : callText('nn.LazyLinear', [units], [bias]);
        const unitsN = num(values.get('units'));
        return withActivation({
          ...simple(module, 'plain', (i) => ({ permuted: false, ...(i.shape ? { shape: [...i.shape.slice(0, -1), unitsN] } : i.rank ? { rank: i.rank } : {}) })),
          link: { kind: 'linear' },
          lazy: inFeatures === undefined,
        });
      }
      case 'conv':
      case 'convTranspose': {
        rejectUnknownKeywords(values, [...row.kerasPositional, 'output_padding'], construct);
        const rank = row.rank as 1 | 2;
        const filters = values.get('filters')?.text ?? todo(construct, 'filters missing');
        const kernel = sizeOf(values.get('kernel_size'), rank) ?? todo(construct, 'kernel_size is not a literal');
        const strides = sizeOf(values.get('strides'), rank, 1) ?? todo(construct, 'strides is not a literal');
        const dilation = sizeOf(values.get('dilation_rate'), rank, 1) ?? todo(construct, 'dilation_rate is not a literal');
        const paddingExpr = values.get('padding');
        const padding = paddingExpr?.t === 'str' ? paddingExpr.value : 'valid';
        const keywords: Array<[string, string | undefined]> = [];
        const same = padding === 'same';
        const spatialIn = shape ? (channelsFirst ? shape.slice(1) : shape.slice(0, -1)) : undefined;
        let padModule: string | undefined;
        let crop: Array<[number, number]> | undefined;
        if (strides.some((s) => s !== 1)) keywords.push(['stride', values.get('strides')?.text]);
        if (row.kind === 'conv') {
          if (padding === 'same' && strides.some((s) => s !== 1)) {
            // Keras "same" with strides pads (kernel - 1) - (n - 1) % stride in total, the odd one at the end: pad explicitly.
            const pads = samePads(spatialIn, kernel, strides, dilation) ?? todo(construct, 'padding="same" with strides > 1 pads unevenly; give the input shape so the porter can pad explicitly');
            padModule = padModuleFor(pads, '0.0');
          } else if (padding === 'same') keywords.push(['padding', '"same"']);
          else if (padding !== 'valid') todo(construct, `padding=${stringLiteral(padding)} is not ported`);
          if (dilation.some((d) => d !== 1)) keywords.push(['dilation', values.get('dilation_rate')?.text]);
          const groups = mapped(row, values, 'groups');
          keywords.push(groups);
        } else {
          if (dilation.some((d) => d !== 1)) todo(construct, 'dilated transposed convolution is not ported');
          const outputPadding = sizeOf(values.get('output_padding'), rank);
          if (padding === 'same') {
            // Keras "same" crops k - s from the full output, the odd one at the end; PyTorch crops `padding` from both ends.
            const total = kernel.map((k, i) => k - strides[i]);
            if (outputPadding || total.some((c) => c < 0)) todo(construct, 'padding="same" with kernel_size < strides or output_padding is not ported');
            if (total.every((c) => c % 2 === 0)) keywords.push(['padding', total.every((c) => c === total[0]) ? String(total[0] / 2) : `(${total.map((c) => c / 2).join(', ')})`]);
            else {
              if (!spatialIn || spatialIn.some((n) => n === undefined)) todo(construct, 'padding="same" where kernel_size - strides is odd crops unevenly; give the input shape so the porter can slice the output');
              crop = total.map((c, i) => [Math.floor(c / 2), (spatialIn?.[i] as number) * strides[i]]);
            }
          } else if (padding !== 'valid') todo(construct, `padding=${stringLiteral(padding)} is not ported`);
          // Keras "valid" transposed output is n*s + max(k - s, 0); PyTorch's is (n-1)*s + k + output_padding.
          const extra = padding === 'same' ? [0] : (outputPadding ?? kernel.map((k, i) => Math.max(strides[i] - k, 0)));
          if (extra.some((p) => p !== 0)) keywords.push(['output_padding', extra.length === 1 || extra.every((p) => p === extra[0]) ? String(extra[0]) : `(${extra.join(', ')})`]);
        }
        keywords.push(mapped(row, values, 'use_bias'));
        const torchName = row.kind === 'conv' ? `Conv${rank}d` : `ConvTranspose${rank}d`;
        const kernelText = values.get('kernel_size')?.text as string;
        const module =
          channels !== undefined ? callText(`nn.${torchName}`, [String(channels), filters, kernelText], keywords) : callText(`nn.Lazy${torchName}`, [filters, kernelText], keywords);
        const filtersN = num(values.get('filters'));
        const out = (i: Info): Info => {
          if (!i.shape) return { permuted: i.permuted, rank: rank + 2 };
          const spatial = channelsFirst ? i.shape.slice(1) : i.shape.slice(0, -1);
          const next = spatial.map((n, d) =>
            row.kind === 'conv'
              ? convOut(n, kernel[d], strides[d], dilation[d], same)
              : n === undefined
                ? undefined
                : same
                  ? n * strides[d]
                  : (n - 1) * strides[d] + kernel[d] + (sizeOf(values.get('output_padding'), rank)?.[d] ?? Math.max(strides[d] - kernel[d], 0)),
          );
          return { permuted: i.permuted, shape: channelsFirst ? [filtersN, ...next] : [...next, filtersN] };
        };
        const layer = simple(module, channelsFirst ? 'plain' : 'permuted', out);
        if (padModule) {
          layer.modules.unshift({ suffix: '_pad', code: padModule, comment: 'Keras "same" padding with strides puts the odd padding row at the end' });
          layer.main = 1;
          layer.apply = (x, attr) => `${attr('')}(${attr('_pad')}(${x}))`;
          layer.sequential = [padModule, module];
        }
        if (crop) {
          const slices = crop.map(([start, length]) => `${start}:${start + length}`).join(', ');
          layer.modules[0].comment = 'Keras "same" crops kernel_size - strides from the output, the odd row at the end: forward slices it';
          layer.apply = (x, attr) => `${attr('')}(${x})[:, :, ${slices}]`;
          layer.sequential = undefined;
        }
        return withActivation({ ...layer, link: { kind: row.kind, rank }, lazy: channels === undefined, sequential: channelsFirst ? layer.sequential : undefined, inRank: rank + 2 });
      }
      case 'maxPool':
      case 'avgPool': {
        rejectUnknownKeywords(values, row.kerasPositional, construct);
        const rank = row.rank as 1 | 2;
        const pool = sizeOf(values.get('pool_size'), rank, 2) ?? todo(construct, 'pool_size is not a literal');
        const stridesExpr = values.get('strides');
        const strides = stridesExpr && stridesExpr.text !== 'None' ? (sizeOf(stridesExpr, rank) ?? todo(construct, 'strides is not a literal')) : pool;
        const padding = values.get('padding');
        const same = padding?.t === 'str' && padding.value === 'same';
        if (padding && padding.t === 'str' && !['valid', 'same'].includes(padding.value)) todo(construct, `padding=${padding.text} is not ported`);
        if (same && row.kind === 'avgPool') todo(construct, 'average pooling with padding="same" leaves the padding out of the average; PyTorch has no such mode');
        const spatialIn = shape ? (channelsFirst ? shape.slice(1) : shape.slice(0, -1)) : undefined;
        // Keras "same" max pooling never picks the padding: pad with -inf, the odd row at the end.
        const pads = same ? (samePads(spatialIn, pool, strides, pool.map(() => 1)) ?? todo(construct, 'padding="same" pads unevenly; give the input shape so the porter can pad explicitly')) : undefined;
        const poolText = values.get('pool_size')?.text ?? '2';
        const strideKw: [string, string | undefined] = ['stride', stridesExpr && stridesExpr.text !== 'None' ? stridesExpr.text : undefined];
        const module = callText(`nn.${row.kind === 'maxPool' ? 'MaxPool' : 'AvgPool'}${rank}d`, [poolText], [strideKw]);
        const out = (i: Info): Info => {
          if (!i.shape) return { permuted: i.permuted, rank: rank + 2 };
          const spatial = channelsFirst ? i.shape.slice(1) : i.shape.slice(0, -1);
          const next = spatial.map((n, d) => convOut(n, pool[d], strides[d], 1, same));
          const c = channelsFirst ? i.shape[0] : i.shape[i.shape.length - 1];
          return { permuted: i.permuted, shape: channelsFirst ? [c, ...next] : [...next, c] };
        };
        const layer = simple(module, channelsFirst ? 'plain' : 'permuted', out);
        if (pads && pads.some(([a, b]) => a + b > 0)) {
          const padModule = padModuleFor(pads, 'float("-inf")');
          layer.modules.unshift({ suffix: '_pad', code: padModule, comment: 'Keras "same" max pooling: pad with -inf, the odd row at the end' });
          layer.main = 1;
          layer.apply = (x, attr) => `${attr('')}(${attr('_pad')}(${x}))`;
          layer.sequential = [padModule, module];
        }
        return { ...layer, sequential: channelsFirst ? layer.sequential : undefined, inRank: rank + 2 };
      }
      case 'globalAvgPool':
      case 'globalMaxPool': {
        rejectUnknownKeywords(values, row.kerasPositional, construct);
        const rank = row.rank as 1 | 2;
        const keep = values.get('keepdims')?.text === 'True';
        const op = row.kind === 'globalAvgPool' ? 'torch.mean' : 'torch.amax';
        return { modules: [], main: 0, lazy: false, original, ...globalPool(op, rank, keep, channelsFirst) };
      }
      case 'batchNorm': {
        rejectUnknownKeywords(values, row.kerasPositional, construct);
        const axis = values.get('axis')?.text ?? '-1';
        const rank = rankOf(info);
        const axisIsChannels = axis === '-1' || (rank !== undefined && axis === String(rank - 1)) || (channelsFirstAxis(axis) && rank !== undefined && rank > 2);
        if (!axisIsChannels) todo(construct, `axis=${axis} is not ported`);
        if (rank === undefined) todo(construct, 'the input rank is unknown: give the input shape');
        const keywords: Array<[string, string | undefined]> = [mapped(row, values, 'epsilon'), mapped(row, values, 'momentum')];
        const center = values.get('center')?.text ?? 'True';
        const scale = values.get('scale')?.text ?? 'True';
        if (center !== scale) todo(construct, 'center and scale differ; PyTorch has one affine flag');
        if (center === 'False') keywords.push(['affine', 'False']);
        const dims = rank === 4 ? '2d' : '1d';
        const chan = axis === '1' ? info.shape?.[0] : channels;
        const module = chan !== undefined ? callText(`nn.BatchNorm${dims}`, [String(chan)], keywords) : callText(`nn.LazyBatchNorm${dims}`, [], keywords);
        const needs: TorchLayer['needs'] = rank === 2 || axis === '1' ? 'plain' : 'permuted';
        const layer = simple(module, needs);
        layer.modules[0].comment = 'PyTorch momentum = 1 - Keras momentum; eps as in Keras (PyTorch defaults to 1e-5)';
        return { ...layer, link: { kind: 'batchNorm' }, lazy: chan === undefined, sequential: needs === 'plain' ? layer.sequential : undefined };
      }
      case 'layerNorm': {
        rejectUnknownKeywords(values, row.kerasPositional, construct);
        const axis = values.get('axis')?.text ?? '-1';
        if (axis !== '-1') todo(construct, `axis=${axis} is not ported`);
        const features = shape?.[shape.length - 1] ?? todo(construct, 'the input size is unknown (PyTorch has no lazy LayerNorm): give the input shape');
        const center = values.get('center')?.text ?? 'True';
        const scale = values.get('scale')?.text ?? 'True';
        const keywords: Array<[string, string | undefined]> = [mapped(row, values, 'epsilon')];
        if (scale === 'False' && center === 'False') keywords.push(['elementwise_affine', 'False']);
        else if (scale === 'False') todo(construct, 'scale=False with center=True has no PyTorch flag');
        else if (center === 'False') keywords.push(['bias', 'False']);
        const layer = simple(callText('nn.LayerNorm', [String(features)], keywords), 'plain');
        if (keywords.some(([name, value]) => name === 'eps' && value !== undefined)) layer.modules[0].comment = 'eps as in Keras (PyTorch defaults to 1e-5)';
        return { ...layer, link: { kind: 'layerNorm' } };
      }
      case 'dropout': {
        rejectUnknownKeywords(values, [...row.kerasPositional, 'seed'], construct);
        if (values.has('noise_shape')) todo(construct, 'noise_shape is not ported');
        const rate = values.get('rate')?.text ?? todo(construct, 'rate missing');
        return simple(`nn.Dropout(p=${rate})`, 'any');
      }
      case 'embedding': {
        rejectUnknownKeywords(values, [...row.kerasPositional, 'mask_zero'], construct);
        if (values.get('mask_zero')?.text === 'True') todo(construct, 'mask_zero=True masks later layers; PyTorch has no masks (pack the sequences by hand)');
        const count = values.get('input_dim')?.text ?? todo(construct, 'input_dim missing');
        const dim = values.get('output_dim')?.text ?? todo(construct, 'output_dim missing');
        const dimN = num(values.get('output_dim'));
        return { ...simple(`nn.Embedding(${count}, ${dim})`, 'plain', (i) => ({ permuted: false, ...(i.shape ? { shape: [...i.shape, dimN] } : { rank: (i.rank ?? 2) + 1 }) })), link: { kind: 'embedding' } };
      }
      case 'lstm':
      case 'gru':
      case 'simpleRnn': {
        rejectUnknownKeywords(values, [...row.kerasPositional, 'activation', 'recurrent_activation', 'use_bias', 'return_sequences', 'return_state', 'go_backwards', 'stateful', 'unroll', 'reset_after'], construct);
        for (const flag of ['return_state', 'go_backwards', 'stateful']) if (values.get(flag)?.text === 'True') todo(construct, `${flag}=True is not ported`);
        if (values.get('reset_after')?.text === 'False') todo(construct, 'reset_after=False has no PyTorch GRU equivalent');
        if (values.has('recurrent_activation') && !['"sigmoid"', "'sigmoid'"].includes(values.get('recurrent_activation')?.text ?? '')) todo(construct, 'recurrent_activation other than sigmoid');
        const activation = values.get('activation');
        const keywords: Array<[string, string | undefined]> = [];
        if (activation && !['"tanh"', "'tanh'"].includes(activation.text)) {
          if (row.kind === 'simpleRnn' && ['"relu"', "'relu'"].includes(activation.text)) keywords.push(['nonlinearity', '"relu"']);
          else todo(construct, `activation ${activation.text} is not ported`);
        }
        const units = values.get('units')?.text ?? todo(construct, 'units missing');
        const inputSize = shape?.[shape.length - 1] ?? todo(construct, 'the input size is unknown (PyTorch has no lazy recurrent layers): give the input shape');
        keywords.push(['batch_first', 'True'], mapped(row, values, 'use_bias'));
        if (bidirectional) keywords.push(['bidirectional', 'True']);
        const name = row.kind === 'lstm' ? 'nn.LSTM' : row.kind === 'gru' ? 'nn.GRU' : 'nn.RNN';
        const sequences = values.get('return_sequences')?.text === 'True';
        const unitsN = num(values.get('units'));
        const width = unitsN !== undefined && bidirectional ? unitsN * 2 : unitsN;
        const module = callText(name, [String(inputSize), units], keywords);
        // The last output of a bidirectional layer is both final states: h_n holds them as (2, N, H).
        const finalStates = (call: string): string => `torch.cat(tuple(${call}[1]${row.kind === 'lstm' ? '[0]' : ''}), dim=1)`;
        return {
          modules: [{ suffix: '', code: module, comment: 'batch_first=True: Keras recurrent layers read (batch, time, features)' }],
          main: 0,
          needs: 'plain',
          apply: (x, attr) => (sequences ? `${attr('')}(${x})[0]` : bidirectional ? finalStates(`${attr('')}(${x})`) : `${attr('')}(${x})[0][:, -1, :]`),
          out: (i) => ({ permuted: false, ...(i.shape ? { shape: sequences ? [i.shape[0], width] : [width] } : {}) }),
          link: { kind: row.kind, ...(bidirectional ? { bidirectional: true } : {}) },
          lazy: false,
          original: source.call.text,
        };
      }
      case 'flatten': {
        rejectUnknownKeywords(values, row.kerasPositional, construct);
        const out = (i: Info): Info => ({ permuted: false, ...(i.shape ? { shape: [i.shape.every((n) => n !== undefined) ? (i.shape as number[]).reduce((a, b) => a * b, 1) : undefined] } : { rank: 2 }) });
        return simple('nn.Flatten()', 'plain', out);
      }
      case 'multiHeadAttention': {
        rejectUnknownKeywords(values, row.kerasPositional, construct);
        for (const arg of ['output_shape', 'attention_axes']) if (values.has(arg) && values.get(arg)?.text !== 'None') todo(construct, `${arg} is not ported`);
        const heads = num(values.get('num_heads'));
        const keyDim = num(values.get('key_dim'));
        const valueDim = values.has('value_dim') && values.get('value_dim')?.text !== 'None' ? num(values.get('value_dim')) : keyDim;
        const embed = shape?.[shape.length - 1];
        if (heads === undefined || keyDim === undefined || embed === undefined) return todo(construct, 'num_heads, key_dim and the input size must be known (give the input shape)');
        if (heads * keyDim !== embed || valueDim !== keyDim) todo(construct, `key_dim * num_heads (${keyDim} * ${heads}) differs from the embedding size ${embed}; PyTorch splits the embedding over the heads`);
        const keywords: Array<[string, string | undefined]> = [mapped(row, values, 'dropout'), mapped(row, values, 'use_bias'), ['batch_first', 'True']];
        const module = callText('nn.MultiheadAttention', [String(embed), values.get('num_heads')?.text as string], keywords);
        return { ...simple(module, 'plain'), link: { kind: 'multiHeadAttention' }, sequential: undefined };
      }
      case 'identity':
        return simple('nn.Identity()', 'any');
      default:
        return todo(construct, 'outside the porter’s supported layers');
    }
  })();
  if (trainingNote && layer.modules[layer.main]) {
    layer.modules[layer.main].comment = `TODO(framework-guide): ${trainingNote}`;
    layer.trainingTodo = { code: original, reason: trainingNote, construct: trainingOnly.join(', ') };
  }
  return layer;
}

/** TensorFlow's "same" padding per spatial axis, [before, after]; undefined when a size is unknown. */
function samePads(spatial: Array<number | undefined> | undefined, kernel: number[], strides: number[], dilation: number[]): Array<[number, number]> | undefined {
  if (!spatial || spatial.some((n) => n === undefined)) return undefined;
  return (spatial as number[]).map((n, i) => {
    const out = Math.ceil(n / strides[i]);
    const total = Math.max((out - 1) * strides[i] + (kernel[i] - 1) * dilation[i] + 1 - n, 0);
    return [Math.floor(total / 2), total - Math.floor(total / 2)];
  });
}

/** nn.ConstantPad1d/2d with PyTorch's last-axis-first order: (left, right, top, bottom). */
function padModuleFor(pads: Array<[number, number]>, value: string): string {
  const order = [...pads].reverse().flat();
  return `nn.ConstantPad${pads.length}d((${order.join(', ')}), ${value})`;
}

function channelsFirstAxis(axis: string): boolean {
  return axis === '1';
}

/** Global pooling as a reduction over the spatial axes of whichever layout the tensor is in. */
function globalPool(op: string, rank: 1 | 2, keep: boolean, channelsFirst: boolean): Pick<TorchLayer, 'apply' | 'out' | 'needs'> {
  return {
    needs: 'any',
    apply: (x, _attr, info) => {
      const onFirst = info.permuted || channelsFirst;
      const axes = onFirst ? (rank === 2 ? '(2, 3)' : '(2,)') : rank === 2 ? '(1, 2)' : '(1,)';
      return `${op}(${x}, dim=${axes}${keep ? ', keepdim=True' : ''})`;
    },
    out: (i) => {
      if (keep) return i;
      const c = i.shape ? (channelsFirst ? i.shape[0] : i.shape[i.shape.length - 1]) : undefined;
      return { permuted: false, ...(i.shape ? { shape: [c] } : { rank: 2 }) };
    },
  };
}
