/**
 * Keras → PyTorch: writes a PyTorch module that computes the same function as a Keras model and takes the same
 * input. Keras tensors are channels-last; PyTorch convolutions, pooling and BatchNorm over feature maps need
 * channels-first, so the forward permutes to (N, C, ...) before them and back before anything that reads the last
 * axis (Dense, Flatten, concatenation, the output): flattening then sees Keras' element order and outputs compare
 * one to one. Input sizes PyTorch needs (in_features, in_channels) come from the input shape when the source or the
 * caller states it; otherwise the lazy modules (nn.LazyLinear, nn.LazyConv2d) infer them on the first call.
 */
import { findPortLayer } from '../../knowledge/port';
import { argumentsByName, callText } from './args';
import { resolvedNumber, type SourceLayer, type SourceModel, type SourceStatement } from './extract';
import { intsOf, qualifiedOf, selfAttribute, type PyExpr } from './pyexpr';
import { activationFor, atom, buildLayer, KERAS_AUTONAME, MERGE_LAYERS, toPermuted, toPlain, UNKNOWN, withLayout, type Info, type TorchLayer, type Value } from './torchLayers';
import { TodoSignal, todo, type PortTodo, type WeightLink } from './types';
import { asFactory, bodyLines, className, commentLines, parameterName, quoteTodo, shortName } from './write';

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
        if (m.comment) init.push(commentLines(m.comment, '        '));
        init.push(`        self.${attr}${m.suffix} = ${m.code}`);
        const source = model.form === 'sequential' ? `.layers[${i}]` : (layer.accessor ?? `.${layer.key}`);
        const target = pure ? `[${sequentialModules.length}]` : `.${attr}${m.suffix}`;
        if (j === built.main && built.link) this.weights.push({ ...built.link, source, target });
        if (j === built.main && built.nested) for (const link of built.nested) this.weights.push({ ...link, source: `${source}${link.source}`, target: `${target}${link.target}` });
      });
      for (const m of built.modules) if (m.comment && built.sequential) sequentialLines.push(commentLines(m.comment, '    '));
      for (const m of built.sequential ?? []) sequentialLines.push(`    ${m},`);
      sequentialModules.push(...(built.sequential ?? []));
    });
    for (const other of model.initOther) {
      if (other.code !== undefined) init.unshift(`        ${other.code}`);
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
    lines.push(...bodyLines(forwardLines.flatMap((line) => line.split('\n').map((part) => `        ${part}`)), '        '));
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
