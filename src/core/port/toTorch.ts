/**
 * Keras → PyTorch: writes a PyTorch module that computes the same function as a Keras model and takes the same
 * input. Keras tensors are channels-last; PyTorch convolutions, pooling and BatchNorm over feature maps need
 * channels-first, so the forward permutes to (N, C, ...) before them and back before anything that reads the last
 * axis (Dense, Flatten, concatenation, the output): flattening then sees Keras' element order and outputs compare
 * one to one. Input sizes PyTorch needs (in_features, in_channels) come from the input shape when the source or the
 * caller states it; otherwise the lazy modules (nn.LazyLinear, nn.LazyConv2d) infer them on the first call.
 */
import { PORT_ACTIVATIONS, findPortLayer, type PortLayer, type PortParam } from '../../knowledge/port';
import { argumentsByName, callText, rejectUnknownKeywords, sizeOf, TRAINING_ONLY_KEYWORDS } from './args';
import { resolvedNumber, type SourceLayer, type SourceModel, type SourceStatement } from './extract';
import { intsOf, numberOf, qualifiedOf, selfAttribute, type PyExpr } from './pyexpr';
import { TodoSignal, todo, type PortTodo, type WeightLink } from './types';
import { asFactory, className, formatNumber, literalsEqual, parameterName, quoteTodo, shortName } from './write';

/** What the porter knows about a tensor: its Keras shape (no batch) and whether the PyTorch tensor is permuted to channels-first. */
interface Info {
  shape?: Array<number | undefined>;
  rank?: number;
  /** The PyTorch tensor holds the channels-last Keras tensor permuted to channels-first. */
  permuted: boolean;
}

const UNKNOWN: Info = { permuted: false };

interface Value {
  code: string;
  info: Info;
}

/** A translated layer: its PyTorch modules and how a call applies them. */
interface TorchLayer {
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

export interface TorchPort {
  code: string;
  imports: Set<string>;
  todos: PortTodo[];
  weights: WeightLink[];
  targetModel: string;
  lazy: boolean;
  integerInputBelow?: number;
  /** The port permutes between channels-last and channels-first somewhere. */
  layoutChanged: boolean;
}

function rankOf(info: Info): number | undefined {
  return info.shape ? info.shape.length + 1 : info.rank;
}

function atom(code: string): string {
  return /^[\w.]+(\([^()]*(\([^()]*\))*[^()]*\))?(\[[^\]]*\])?$/.test(code) || /^[\w.]+$/.test(code) ? code : `(${code})`;
}

function toPermuted(value: Value, rankHint?: number): Value {
  if (value.info.permuted) return value;
  const rank = rankOf(value.info) ?? rankHint;
  if (rank === 3) return { code: `${atom(value.code)}.permute(0, 2, 1)`, info: { ...value.info, rank, permuted: true } };
  if (rank === 4) return { code: `${atom(value.code)}.permute(0, 3, 1, 2)`, info: { ...value.info, rank, permuted: true } };
  return todo('channels-last input', 'the input rank is unknown: give the input shape so the porter can permute to channels-first');
}

function toPlain(value: Value): Value {
  if (!value.info.permuted) return value;
  const rank = rankOf(value.info);
  const code = rank === 3 ? `${atom(value.code)}.permute(0, 2, 1)` : `${atom(value.code)}.permute(0, 2, 3, 1)`;
  return { code, info: { ...value.info, permuted: false } };
}

function withLayout(value: Value, needs: TorchLayer['needs'], rankHint?: number): Value {
  if (needs === 'plain') return toPlain(value);
  if (needs === 'permuted') return toPermuted(value, rankHint);
  return value;
}

function activationFor(name: string): (typeof PORT_ACTIVATIONS)[number] | undefined {
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
const KERAS_AUTONAME: Record<string, string> = {
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

export function portKerasToTorch(model: SourceModel, inputShape: number[] | undefined): TorchPort {
  const port = new KerasToTorch(model, inputShape);
  return port.run();
}

class KerasToTorch {
  private readonly todos: PortTodo[] = [];
  private readonly imports = new Set<string>(['import torch', 'from torch import nn']);
  private readonly weights: WeightLink[] = [];
  /** Translated layers by attribute; built at their first call, when the input shape is known. */
  private readonly built = new Map<string, TorchLayer | TodoSignal>();
  private readonly sources = new Map<string, SourceLayer>();
  private readonly vars = new Map<string, Info>();
  private lazy = false;
  private permuteNote = false;
  private integerInputBelow: number | undefined;

  constructor(
    private readonly model: SourceModel,
    private readonly inputShape: number[] | undefined,
  ) {}

  run(): TorchPort {
    const model = this.model;
    const attrNames = model.form === 'sequential' ? this.sequentialNames() : model.layers.map((l) => l.key);
    model.layers.forEach((layer, i) => this.sources.set(attrNames[i], layer));
    const forwardLines: string[] = [];
    let pure = model.form === 'sequential';
    if (model.form === 'sequential') {
      let value: Value = { code: 'x', info: this.inputInfo() };
      this.firstLayerInput(model.layers[0]);
      for (const [i, layer] of model.layers.entries()) {
        const attr = attrNames[i];
        try {
          const built = this.build(attr, value.info);
          if (!built.sequential || value.info.permuted || built.needs === 'permuted') pure = false;
          value = this.applyLayer(attr, built, value);
          forwardLines.push(`x = ${value.code}`);
          value = { code: 'x', info: value.info };
        } catch (error) {
          if (!(error instanceof TodoSignal)) throw error;
          pure = false;
          this.todos.push({ code: layer.call.text, reason: error.reason, construct: error.construct });
          forwardLines.push(quoteTodo(layer.call.text, error.reason));
          value = { code: 'x', info: UNKNOWN };
        }
      }
      const plain = value.info.permuted ? toPlain(value) : value;
      forwardLines.push(`return ${plain.code}`);
    } else if (model.forward) {
      const params = model.forward.params.filter((p) => !p.includes('=') && p !== 'training' && p !== 'mask');
      params.forEach((p, i) => this.vars.set(p, i === 0 ? this.inputInfo() : UNKNOWN));
      this.firstLayerInputFromCall();
      for (const statement of model.forward.body) forwardLines.push(...this.statement(statement));
    }

    const init: string[] = [];
    const sequentialModules: string[] = [];
    /** The nn.Sequential body: modules, and the comments that explain them. */
    const sequentialLines: string[] = [];
    model.layers.forEach((layer, i) => {
      const attr = attrNames[i];
      const built = this.built.get(attr);
      if (!built) {
        if (model.form === 'class') init.push(quoteTodo(layer.call.text, 'layer not called in call(): not ported', '        '));
        return;
      }
      if (built instanceof TodoSignal) {
        init.push(quoteTodo(layer.call.text, built.reason, '        '));
        return;
      }
      built.modules.forEach((m, j) => {
        if (m.comment) init.push(`        # ${m.comment}`);
        init.push(`        self.${attr}${m.suffix} = ${m.code}`);
        const source = model.form === 'sequential' ? `.layers[${i}]` : (layer.accessor ?? `.${layer.key}`);
        const target = pure ? `[${sequentialModules.length}]` : `.${attr}${m.suffix}`;
        if (j === built.main && built.link) this.weights.push({ ...built.link, source, target });
        if (j === built.main && built.nested) for (const link of built.nested) this.weights.push({ ...link, source: `${source}${link.source}`, target: `${target}${link.target}` });
      });
      for (const m of built.modules) if (m.comment && built.sequential) sequentialLines.push(`    # ${m.comment}`);
      for (const m of built.sequential ?? []) sequentialLines.push(`    ${m},`);
      sequentialModules.push(...(built.sequential ?? []));
    });
    for (const other of model.initOther) {
      if (other.copy) init.unshift(`        ${other.text}`);
      else {
        init.push(quoteTodo(other.text, 'not a layer: port by hand', '        '));
        this.todos.push({ code: other.text, reason: 'not a layer', construct: 'non-layer statement' });
      }
    }

    const lines: string[] = [];
    const name = model.form === 'sequential' ? className(model.name) : model.name;
    if (pure) {
      lines.push(`${model.name} = nn.Sequential(`);
      lines.push(...sequentialLines);
      lines.push(')');
      if (model.factory) return this.result(asFactory(lines, model.name, model.factory.params), `${model.name}()`);
      return this.result(lines, model.name);
    }
    lines.push(`class ${name}(nn.Module):`);
    const initParams = (model.factory?.params ?? model.initParams).filter((p) => p !== '**kwargs');
    lines.push(`    def __init__(self${initParams.map((p) => `, ${p}`).join('')}):`);
    lines.push('        super().__init__()');
    lines.push(...init);
    lines.push('');
    lines.push(`    def forward(self, ${model.form === 'sequential' ? 'x' : this.forwardParams().join(', ')}):`);
    if (this.permuteNote) lines.push('        # PyTorch convolutions, pooling and BatchNorm read channels-first (N, C, ...); Keras tensors are channels-last, so x is permuted before them and back before layers that read the last axis.');
    for (const line of forwardLines) for (const part of line.split('\n')) lines.push(`        ${part}`);
    if (model.factory) {
      const names = model.factory.params.map(parameterName);
      lines.push('', '', `def ${model.name}(${model.factory.params.join(', ')}):`, `    return ${name}(${names.join(', ')})`);
      return this.result(lines, `${model.name}()`);
    }
    if (model.form === 'sequential') {
      lines.push('', '', `${model.name} = ${name}()`);
      return this.result(lines, model.name);
    }
    if (model.functional) {
      lines.push('', '', `${model.functional} = ${name}()`);
      return this.result(lines, model.functional);
    }
    return this.result(lines, `${name}()`);
  }

  private result(lines: string[], targetModel: string): TorchPort {
    const port: TorchPort = { code: lines.join('\n'), imports: this.imports, todos: this.todos, weights: this.weights, targetModel, lazy: this.lazy, layoutChanged: this.permuteNote };
    if (this.integerInputBelow !== undefined) port.integerInputBelow = this.integerInputBelow;
    return port;
  }

  private forwardParams(): string[] {
    return (this.model.forward?.params ?? []).filter((p) => !p.includes('=') && p !== 'training' && p !== 'mask');
  }

  private inputInfo(): Info {
    return this.inputShape ? { shape: [...this.inputShape], permuted: false } : UNKNOWN;
  }

  /** Models starting with an embedding take integer ids: the check script needs their bound. */
  private firstLayerInput(layer: SourceLayer | undefined): void {
    if (!layer || layer.call.t !== 'call' || layer.qualifiedName !== 'keras.layers.Embedding') return;
    const values = argumentsByName(layer.call, ['input_dim', 'output_dim'], 'Embedding');
    const bound = resolvedNumber(this.model, values.get('input_dim'));
    if (bound !== undefined) this.integerInputBelow = bound;
  }

  private firstLayerInputFromCall(): void {
    const first = this.model.forward?.body[0];
    if (!first || first.kind === 'other') return;
    const value = first.value;
    if (value.t !== 'call') return;
    const key = selfAttribute(value.fn, this.model.forward?.self ?? 'self');
    if (key) this.firstLayerInput(this.model.layers.find((l) => l.key === key));
  }

  private sequentialNames(): string[] {
    const counts = new Map<string, number>();
    return this.model.layers.map((layer) => {
      const nameKw = layer.call.t === 'call' ? layer.call.kwargs.find((k) => k.name === 'name')?.value : undefined;
      if (nameKw?.t === 'str' && /^[A-Za-z_]\w*$/.test(nameKw.value)) return nameKw.value;
      const found = layer.qualifiedName ? findPortLayer(layer.qualifiedName) : undefined;
      let base = found ? KERAS_AUTONAME[found.layer.kind] + (found.layer.rank ? `${found.layer.rank}d` : '') : 'layer';
      if (!found && layer.qualifiedName) base = layer.qualifiedName.split('.').pop()?.toLowerCase() ?? 'layer';
      const n = counts.get(base) ?? 0;
      counts.set(base, n + 1);
      return n === 0 ? base : `${base}_${n}`;
    });
  }

  private build(attr: string, info: Info): TorchLayer {
    const existing = this.built.get(attr);
    if (existing instanceof TodoSignal) throw existing;
    if (existing) return existing;
    const source = this.sources.get(attr);
    if (!source) return todo(attr, 'unknown layer');
    try {
      const layer = buildLayer(source, info, (e) => resolvedNumber(this.model, e));
      if (layer.trainingTodo) this.todos.push(layer.trainingTodo);
      if (layer.lazy) {
        this.lazy = true;
      }
      this.built.set(attr, layer);
      return layer;
    } catch (error) {
      if (error instanceof TodoSignal) this.built.set(attr, error);
      throw error;
    }
  }

  private applyLayer(attr: string, layer: TorchLayer, input: Value): Value {
    const ready = withLayout(input, layer.needs, layer.inRank);
    if (ready.info.permuted && !input.info.permuted) this.permuteNote = true;
    const code = layer.apply(ready.code, (suffix) => `self.${attr}${suffix}`, ready.info);
    return { code, info: layer.out(ready.info) };
  }

  private statement(statement: SourceStatement): string[] {
    try {
      if (statement.kind === 'other') todo(statement.text.split(/[\s(:]/)[0] + ' statement', 'only straight-line assignments and return are ported');
      if (statement.kind === 'return') return [`return ${toPlain(this.expr(statement.value)).code}`];
      if (statement.kind === 'augmented') {
        if (statement.target.t !== 'name') todo('augmented assignment', 'only names are ported');
        const value = this.expr({ t: 'bin', op: statement.op, a: statement.target, b: statement.value, text: statement.text });
        this.vars.set(statement.target.id, value.info);
        return [`${statement.target.id} = ${value.code}`];
      }
      if (statement.targets.t !== 'name') todo('tuple assignment', 'only a single target is ported');
      const value = this.expr(statement.value);
      this.vars.set(statement.targets.id, value.info);
      return [`${statement.targets.id} = ${value.code}`];
    } catch (error) {
      if (!(error instanceof TodoSignal)) throw error;
      this.todos.push({ code: statement.text, reason: error.reason, construct: error.construct });
      if (statement.kind === 'assign' && statement.targets.t === 'name') this.vars.set(statement.targets.id, UNKNOWN);
      return [quoteTodo(statement.text, error.reason)];
    }
  }

  private expr(e: PyExpr): Value {
    switch (e.t) {
      case 'name':
        return { code: e.id, info: this.vars.get(e.id) ?? UNKNOWN };
      case 'num':
      case 'str':
      case 'const':
        return { code: e.text, info: UNKNOWN };
      case 'bin': {
        const a = this.expr(e.a);
        let b = this.expr(e.b);
        if (a.info.permuted !== b.info.permuted && e.b.t !== 'num') b = a.info.permuted ? toPermuted(b) : toPlain(b);
        const op = e.op;
        const wrap = (v: Value, x: PyExpr): string => (x.t === 'bin' ? `(${v.code})` : v.code);
        return { code: `${wrap(a, e.a)} ${op} ${wrap(b, e.b)}`, info: a.info.shape || a.info.rank ? a.info : b.info };
      }
      case 'unary': {
        const a = this.expr(e.a);
        return { code: `${e.op}${atom(a.code)}`, info: a.info };
      }
      case 'tuple':
      case 'list': {
        const items = e.items.map((i) => toPlain(this.expr(i)).code);
        return { code: e.t === 'list' ? `[${items.join(', ')}]` : `(${items.join(', ')}${items.length === 1 ? ',' : ''})`, info: UNKNOWN };
      }
      case 'sub': {
        const obj = toPlain(this.expr(e.obj));
        return { code: `${atom(obj.code)}[${e.index}]`, info: UNKNOWN };
      }
      case 'attr': {
        if (e.name === 'shape') return { code: `${atom(toPlain(this.expr(e.obj)).code)}.shape`, info: UNKNOWN };
        if (e.obj.t === 'name' && e.obj.id === this.model.forward?.self && !this.sources.has(e.name)) return { code: e.text, info: UNKNOWN };
        return todo(e.text, 'attribute access not ported');
      }
      case 'call':
        return this.call(e);
      default:
        return todo(e.text.split('(')[0], 'expression not ported');
    }
  }

  private call(e: PyExpr & { t: 'call' }): Value {
    if (e.starred) todo(e.text.split('(')[0], '*args or **kwargs in the call are not ported');
    const self = this.model.forward?.self ?? 'self';
    const key = selfAttribute(e.fn, self);
    if (key && this.sources.has(key)) return this.layerCall(key, e);
    const qn = qualifiedOf(e.fn);
    if (!qn) return todo(e.text.split('(')[0], 'call not ported');
    const arg = (name: string, position: number): PyExpr | undefined => e.kwargs.find((k) => k.name === name)?.value ?? e.args[position];
    const base = qn.split('.').pop() as string;
    const family = qn.startsWith('keras.ops.') || qn.startsWith('keras.activations.') || qn.startsWith('tensorflow.nn.') || qn.startsWith('tensorflow.math.') || qn.startsWith('tensorflow.');
    const mergeFunction = ['keras.layers.add', 'keras.layers.subtract', 'keras.layers.multiply', 'keras.layers.concatenate'].includes(qn);
    if (!family && !mergeFunction) return todo(shortName(qn), 'call not ported');
    if (mergeFunction) {
      // keras.layers.add([a, b]) is the Add layer applied at once; concatenate defaults to axis=-1 (keras.ops to 0).
      const list = e.args[0];
      if (!list || (list.t !== 'list' && list.t !== 'tuple')) return todo(shortName(qn), 'merge of a non-literal list');
      if (base === 'concatenate') {
        const axis = arg('axis', 1)?.text ?? '-1';
        const items = list.items.map((i) => toPlain(this.expr(i)));
        return { code: `torch.cat([${items.map((i) => i.code).join(', ')}], dim=${axis})`, info: { permuted: false } };
      }
      const op = base === 'add' ? '+' : base === 'subtract' ? '-' : '*';
      const values = list.items.map((i) => this.expr(i));
      const first = values[0];
      const aligned = values.map((v) => (v.info.permuted === first.info.permuted ? v : first.info.permuted ? toPermuted(v) : toPlain(v)));
      return { code: aligned.map((v) => atom(v.code)).join(` ${op} `), info: first.info };
    }
    const activation = qn.startsWith('keras.ops.') || qn.startsWith('keras.activations.') || qn.startsWith('tensorflow.nn.') ? activationFor(base) : undefined;
    if (activation) {
      const x = this.expr(e.args[0]);
      if (activation.axis) {
        const axis = arg('axis', 1)?.text ?? activation.axis.kerasDefault;
        const plain = toPlain(x);
        return { code: `torch.${activation.keras}(${plain.code}, dim=${axis})`, info: plain.info };
      }
      const fn = activation.torchFunctions.find((f) => f.startsWith('torch.') && !f.startsWith('torch.nn.')) ?? activation.torchFunctions[0];
      if (fn.startsWith('torch.nn.functional.')) this.imports.add('import torch.nn.functional as F');
      return { code: `${fn.replace('torch.nn.functional.', 'F.')}(${x.code})`, info: x.info };
    }
    if (base === 'concatenate' || base === 'concat') {
      const list = e.args[0];
      if (!list || (list.t !== 'list' && list.t !== 'tuple')) return todo(shortName(qn), 'concatenation of a non-literal list');
      const axis = arg('axis', 1)?.text ?? (qn.startsWith('keras.') ? '0' : todo(shortName(qn), 'axis missing'));
      const items = list.items.map((i) => toPlain(this.expr(i)));
      return { code: `torch.cat([${items.map((i) => i.code).join(', ')}], dim=${axis})`, info: { permuted: false, ...(items[0].info.rank ? { rank: items[0].info.rank } : {}) } };
    }
    const binary: Record<string, string> = { add: '+', subtract: '-', multiply: '*', divide: '/' };
    if (binary[base] && e.args.length === 2) {
      return this.expr({ t: 'bin', op: binary[base], a: e.args[0], b: e.args[1], text: e.text });
    }
    if (base === 'matmul') {
      const a = toPlain(this.expr(e.args[0]));
      const b = toPlain(this.expr(e.args[1]));
      return { code: `torch.matmul(${a.code}, ${b.code})`, info: UNKNOWN };
    }
    if (base === 'reshape') {
      const x = toPlain(this.expr(e.args[0]));
      const shape = arg(qn.startsWith('keras.') ? 'newshape' : 'shape', 1) ?? todo(shortName(qn), 'shape missing');
      const ints = intsOf(shape);
      const info: Info = ints && ints[0] === -1 && ints.slice(1).every((n) => n > 0) ? { shape: ints.slice(1), permuted: false } : UNKNOWN;
      return { code: `torch.reshape(${x.code}, ${toPlain(this.expr(shape)).code})`, info };
    }
    if (base === 'mean' || base === 'reduce_mean' || base === 'sum' || base === 'reduce_sum') {
      const x = toPlain(this.expr(e.args[0]));
      const axis = arg('axis', 1);
      const keep = arg('keepdims', 2);
      const op = base.endsWith('mean') ? 'torch.mean' : 'torch.sum';
      return { code: callText(op, [x.code], [['dim', axis?.text], ['keepdim', keep?.text]]), info: UNKNOWN };
    }
    if (base === 'transpose') {
      const x = toPlain(this.expr(e.args[0]));
      const axes = arg(qn.startsWith('keras.') ? 'axes' : 'perm', 1) ?? todo(shortName(qn), 'axes missing');
      return { code: `${atom(x.code)}.permute(${axes.text.replace(/^[([]|[)\]]$/g, '')})`, info: UNKNOWN };
    }
    if (base === 'expand_dims') {
      const x = toPlain(this.expr(e.args[0]));
      return { code: `torch.unsqueeze(${x.code}, ${arg('axis', 1)?.text})`, info: UNKNOWN };
    }
    if (base === 'squeeze') {
      const x = toPlain(this.expr(e.args[0]));
      const axis = arg('axis', 1);
      return { code: axis ? `torch.squeeze(${x.code}, ${axis.text})` : `torch.squeeze(${x.code})`, info: UNKNOWN };
    }
    const elementwise = ['exp', 'log', 'sqrt', 'abs', 'maximum', 'minimum'];
    if (elementwise.includes(base)) {
      const args = e.args.map((a) => this.expr(a));
      return { code: `torch.${base}(${args.map((a) => a.code).join(', ')})`, info: args[0].info };
    }
    if (base === 'shape' && e.args.length === 1) return { code: `${atom(toPlain(this.expr(e.args[0])).code)}.shape`, info: UNKNOWN };
    return todo(shortName(qn), 'call not ported');
  }

  /** Keras `self.att(query, value, key=None)` → PyTorch `self.att(query, key, value, need_weights=False)[0]`. */
  private attentionCall(key: string, e: PyExpr & { t: 'call' }): Value {
    const arg = (name: string, position: number): PyExpr | undefined => e.kwargs.find((k) => k.name === name)?.value ?? e.args[position];
    for (const kw of e.kwargs) if (!['query', 'value', 'key', 'training'].includes(kw.name)) todo('attention call', `argument ${kw.name} is not ported`);
    const query = toPlain(this.expr(arg('query', 0) ?? todo('attention call', 'query missing')));
    const value = toPlain(this.expr(arg('value', 1) ?? todo('attention call', 'value missing')));
    const keyArg = arg('key', 2);
    const keyValue = keyArg ? toPlain(this.expr(keyArg)) : value;
    const layer = this.build(key, query.info);
    return { code: `self.${key}(${query.code}, ${keyValue.code}, ${value.code}, need_weights=False)[0]`, info: layer.out(query.info) };
  }

  private layerCall(key: string, e: PyExpr & { t: 'call' }): Value {
    const source = this.sources.get(key) as SourceLayer;
    if (source.qualifiedName === 'keras.layers.MultiHeadAttention') return this.attentionCall(key, e);
    const merge = source.qualifiedName ? MERGE_LAYERS[source.qualifiedName] : undefined;
    if (merge) {
      const list = e.args[0];
      if (!list || (list.t !== 'list' && list.t !== 'tuple')) return todo(shortName(source.qualifiedName as string), 'merge layers called on a non-literal list');
      const values = list.items.map((i) => this.expr(i));
      if (merge === 'cat') {
        const axis = source.call.t === 'call' ? (source.call.kwargs.find((k) => k.name === 'axis')?.value.text ?? source.call.args[0]?.text ?? '-1') : '-1';
        const plain = values.map(toPlain);
        return { code: `torch.cat([${plain.map((v) => v.code).join(', ')}], dim=${axis})`, info: { permuted: false } };
      }
      const first = values[0];
      const aligned = values.map((v) => (v.info.permuted === first.info.permuted ? v : first.info.permuted ? toPermuted(v) : toPlain(v)));
      return { code: aligned.map((v) => atom(v.code)).join(` ${merge} `), info: first.info };
    }
    if (e.args.length !== 1) todo('layer call', 'layers called with several inputs are not ported');
    const input = this.expr(e.args[0]);
    const layer = this.build(key, input.info);
    return this.applyLayer(key, layer, input);
  }
}

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

const MERGE_LAYERS: Record<string, string> = {
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

function buildLayer(source: SourceLayer, info: Info, num: (e: PyExpr | undefined) => number | undefined): TorchLayer {
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
          else if (padding !== 'valid') todo(construct, `padding="${padding}" is not ported`);
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
          } else if (padding !== 'valid') todo(construct, `padding="${padding}" is not ported`);
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
        if (padding && padding.t === 'str' && !['valid', 'same'].includes(padding.value)) todo(construct, `padding="${padding.value}" is not ported`);
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
        const name = row.kind === 'lstm' ? 'nn.LSTM' : row.kind === 'gru' ? 'nn.GRU' : 'nn.RNN';
        const sequences = values.get('return_sequences')?.text === 'True';
        const unitsN = num(values.get('units'));
        const module = callText(name, [String(inputSize), units], keywords);
        return {
          modules: [{ suffix: '', code: module, comment: 'batch_first=True: Keras recurrent layers read (batch, time, features)' }],
          main: 0,
          needs: 'plain',
          apply: (x, attr) => (sequences ? `${attr('')}(${x})[0]` : `${attr('')}(${x})[0][:, -1, :]`),
          out: (i) => ({ permuted: false, ...(i.shape ? { shape: sequences ? [i.shape[0], unitsN] : [unitsN] } : {}) }),
          link: { kind: row.kind },
          lazy: false,
          original,
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
