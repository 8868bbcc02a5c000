/**
 * PyTorch → Keras: writes a Keras model that computes the same function as a PyTorch model and takes the same
 * channels-first input. Keras layers run in their default channels-last layout: the ported model permutes to
 * (N, ..., C) before convolutions, pooling and BatchNormalization of feature maps, and back to (N, C, ...) before
 * anything that reads PyTorch's axis order (Linear on the last axis, flatten, view, cat, the output), so flattening
 * sees PyTorch's element order and outputs compare one to one. `data_format="channels_first"` would avoid the
 * permutes, but TensorFlow runs NCHW convolutions on CPU only through oneDNN, which gave wrong results for some
 * shapes with TensorFlow 2.21 (and fails without oneDNN), so the porter does not rely on it.
 */
import { PORT_ACTIVATIONS } from '../../knowledge/port';
import { leakyReluToLeakyRelu } from '../../knowledge/data/pairs';
import { callText } from './args';
import type { SourceModel, SourceStatement } from './extract';
import { PLAIN, permutation, sequentialBody, statementConstruct, translateLayer, type Info, type KerasLayer, type Needs, type Value } from './kerasLayers';
import { intsOf, numberOf, qualifiedOf, selfAttribute, type PyExpr } from './pyexpr';
import { TodoSignal, todo, type PortTodo, type WeightLink } from './types';
import { asFactory, bodyLines, commentLines, quoteTodo, shortName } from './write';

export interface KerasPort {
  code: string;
  imports: Set<string>;
  todos: PortTodo[];
  weights: WeightLink[];
  targetModel: string;
  /** The port permutes between channels-first and channels-last somewhere. */
  layoutChanged: boolean;
}

/** Ports one PyTorch model; `torchSizes` is unused in this direction (Keras infers input sizes). */
export function portTorchToKeras(model: SourceModel, inputShape: number[] | undefined): KerasPort {
  const todos: PortTodo[] = [];
  const imports = new Set<string>(['import keras']);
  const weights: WeightLink[] = [];
  const layers = new Map<string, KerasLayer>();
  for (const layer of model.layers) layers.set(layer.key, translateLayer(layer, todos));
  const inputInfo: Info = { permuted: false, ...(inputShape ? { rank: inputShape.length + 1 } : {}) };

  if (model.form === 'sequential') {
    const lines = [`${model.name} = keras.Sequential(`, '    ['];
    if (inputShape) lines.push(`        keras.Input(shape=(${inputShape.join(', ')}${inputShape.length === 1 ? ',' : ''})),`);
    const body = sequentialBody(
      model.layers.map((l) => layers.get(l.key) as KerasLayer),
      inputInfo,
      { indent: '        ', source: '', target: '.layers', weights, todos, toPlainAtEnd: true },
    );
    lines.push(...body.lines, '    ]', ')');
    const layoutChanged = body.permuted;
    if (model.factory) return { code: asFactory(lines, model.name, model.factory.params).join('\n'), imports, todos, weights, targetModel: `${model.name}()`, layoutChanged };
    return { code: lines.join('\n'), imports, todos, weights, targetModel: model.name, layoutChanged };
  }

  const forwardLines: string[] = [];
  const translator = new ForwardToKeras(model.forward?.self ?? 'self', layers, imports, weights, todos);
  if (model.forward) {
    model.forward.params.forEach((p, i) => translator.declare(p.split('=')[0].trim(), i === 0 ? inputInfo : PLAIN));
    for (const statement of model.forward.body) {
      for (const line of translator.statement(statement)) for (const part of line.split('\n')) forwardLines.push(`        ${part}`);
    }
  }

  const lines: string[] = [];
  lines.push(`class ${model.name}(keras.Model):`);
  lines.push(`    def __init__(self${model.initParams.map((p) => `, ${p}`).join('')}, **kwargs):`);
  lines.push('        super().__init__(**kwargs)');
  for (const statement of model.initOther) {
    if (statement.code !== undefined) {
      lines.push(`        ${statement.code}`);
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
      const body = translator.nestedBody(source.key) ?? sequentialBody(layer.children, PLAIN, { indent: '', source: `.${source.key}`, target: `.${source.key}.layers`, weights, todos, toPlainAtEnd: false }).lines;
      lines.push(`        self.${source.key} = keras.Sequential(`, '            [');
      lines.push(...body.map((l) => `                ${l}`));
      lines.push('            ]', '        )');
      continue;
    }
    layer.defs.forEach((def, i) => {
      if (def.comment) lines.push(commentLines(def.comment, '        '));
      lines.push(`        self.${source.key}${def.suffix} = ${def.code}`);
      if (i === layer.main && layer.link) weights.push({ ...layer.link, source: `.${source.key}`, target: `.${source.key}${def.suffix}` });
    });
  }
  lines.push('');
  if (!model.forward) {
    lines.push('    # TODO(framework-guide): the PyTorch model has no forward method to port');
    todos.push({ code: model.name, reason: 'no forward method', construct: 'missing forward' });
  } else {
    lines.push(`    def call(self${model.forward.params.map((p) => `, ${p}`).join('')}, training=None):`);
    if (translator.permuted) lines.push('        # Keras convolutions, pooling and BatchNormalization run channels-last: x is permuted from PyTorch\'s (N, C, ...) before them and back before layers that read PyTorch\'s axis order.');
    lines.push(...bodyLines(forwardLines, '        '));
  }
  return { code: lines.join('\n'), imports, todos, weights, targetModel: `${model.name}()`, layoutChanged: translator.permuted };
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

/** Translates the statements of a PyTorch `forward` into the lines of a Keras `call`, tracking each tensor's layout. */
class ForwardToKeras {
  private readonly vars = new Map<string, Info>();
  private readonly nested = new Map<string, { lines: string[]; input: Info; output: Info }>();
  /** Some tensor was permuted to channels-last (the call gets a comment saying why). */
  permuted = false;

  constructor(
    private readonly self: string,
    private readonly layers: Map<string, KerasLayer>,
    private readonly imports: Set<string>,
    private readonly weights: WeightLink[],
    private readonly todos: PortTodo[],
  ) {}

  declare(name: string, info: Info): void {
    this.vars.set(name, info);
  }

  /** The keras.Sequential items of a nested nn.Sequential, as rendered at its first call. */
  nestedBody(key: string): string[] | undefined {
    return this.nested.get(key)?.lines;
  }

  statement(statement: SourceStatement): string[] {
    try {
      if (statement.kind === 'other') todo(statementConstruct(statement.text), 'only straight-line assignments and return are ported');
      if (statement.kind === 'return') {
        const value = statement.value.t === 'tuple' ? { code: statement.value.items.map((i) => this.plain(this.expr(i)).code).join(', '), info: PLAIN } : this.plain(this.expr(statement.value));
        return [`return ${value.code}`];
      }
      if (statement.kind === 'augmented') {
        const value = this.expr({ t: 'bin', op: statement.op, a: statement.target, b: statement.value, text: statement.text });
        if (statement.target.t !== 'name') todo('augmented assignment', 'only names are ported');
        this.vars.set(statement.target.id, value.info);
        return [`${statement.target.id} = ${value.code}`];
      }
      const called = this.layerOf(statement.value);
      if (called?.layer.todo) todo(called.layer.todo.construct, 'its layer was not ported');
      const rnn = this.rnnAssignment(statement.targets, statement.value);
      if (rnn) return rnn;
      const attention = this.layerOf(statement.value);
      if (attention?.layer.attention) {
        const targets = statement.targets;
        if (targets.t !== 'tuple' || targets.items.length !== 2 || targets.items[0].t !== 'name') return todo('attention output', 'unpack it as `out, _ = ...`');
        if (targets.items[1].text !== '_') todo('attention weights', 'PyTorch averages them over the heads, Keras returns them per head');
        const value = this.attentionCall(attention.key, attention.layer, statement.value as PyExpr & { t: 'call' });
        this.vars.set(targets.items[0].text, value.info);
        return [`${targets.items[0].text} = ${value.code}`];
      }
      if (statement.targets.t !== 'name') todo('tuple assignment', 'only a single target is ported');
      const value = this.expr(statement.value);
      this.vars.set(statement.targets.id, value.info);
      return [`${statement.targets.text} = ${value.code}`];
    } catch (error) {
      if (!(error instanceof TodoSignal)) throw error;
      this.todos.push({ code: statement.text, reason: error.reason, construct: error.construct });
      return [quoteTodo(statement.text, error.reason)];
    }
  }

  private toLast(value: Value, rankHint?: number): Value {
    if (value.info.permuted || value.info.scalar) return value;
    const rank = value.info.rank ?? rankHint ?? todo('layout change', 'the input rank is unknown: give the input shape');
    this.permuted = true;
    return { code: `keras.ops.transpose(${value.code}, ${permutation(rank, true, true)})`, info: { rank, permuted: true } };
  }

  private plain(value: Value): Value {
    if (!value.info.permuted) return value;
    const rank = value.info.rank as number;
    return { code: `keras.ops.transpose(${value.code}, ${permutation(rank, false, true)})`, info: { rank, permuted: false } };
  }

  private layout(value: Value, needs: Needs, rankHint?: number): Value {
    if (needs === 'permuted') return this.toLast(value, rankHint);
    if (needs === 'plain') return this.plain(value);
    return value;
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
    const { cell, batchFirst, bidirectional } = found.layer.rnn;
    if (targets.t !== 'tuple' || targets.items.length !== 2) todo('recurrent layer output', 'unpack it as `output, state = ...`');
    const [output, state] = targets.items;
    const states: string[] = [];
    if (cell === 'lstm') {
      if (state.t === 'tuple' && state.items.length === 2) states.push(state.items[0].text, state.items[1].text);
      else if (state.text === '_') states.push('_', '_');
      else todo('LSTM state', 'unpack the state as (h, c)');
    } else states.push(state.text);
    // A Keras Bidirectional layer returns the forward states, then the backward ones.
    const returned = bidirectional ? [...states.map((s) => (s === '_' ? '_' : `${s}_forward`)), ...states.map((s) => (s === '_' ? '_' : `${s}_backward`))] : states;
    const lines = [`${[output.text, ...returned].join(', ')} = ${this.layerCall(found.key, found.layer, (value as PyExpr & { t: 'call' }).args).code}`];
    if (!batchFirst) lines.push(`${output.text} = keras.ops.transpose(${output.text}, (1, 0, 2))  # back to PyTorch's (L, N, H) layout`);
    for (const name of states) {
      if (name === '_') continue;
      if (bidirectional) lines.push(`${name} = keras.ops.stack([${name}_forward, ${name}_backward])  # PyTorch states are (num_directions, N, H)`);
      else lines.push(`${name} = keras.ops.expand_dims(${name}, 0)  # PyTorch states are (num_layers, N, H)`);
    }
    for (const name of [output.text, ...states]) if (name !== '_') this.vars.set(name, { permuted: false, rank: 3 });
    return lines;
  }

  /** `self.attn(q, k, v)` → Keras `self.attn(q, v, k)`: Keras takes (query, value, key). */
  private attentionCall(key: string, layer: KerasLayer, e: PyExpr & { t: 'call' }): Value {
    if (layer.todo) todo(layer.todo.construct, 'its layer was not ported');
    const arg = (name: string, position: number): PyExpr => e.kwargs.find((k) => k.name === name)?.value ?? e.args[position] ?? todo('attention call', `${name} missing`);
    for (const kw of e.kwargs) if (!['query', 'key', 'value', 'need_weights'].includes(kw.name)) todo('attention call', `argument ${kw.name} is not ported`);
    const [q, k, v] = [arg('query', 0), arg('key', 1), arg('value', 2)].map((x) => this.plain(this.expr(x)));
    return { code: `self.${key}(${q.code}, ${v.code}, ${k.code}, training=training)`, info: q.info };
  }

  private layerCall(key: string, layer: KerasLayer, args: PyExpr[]): Value {
    if (layer.todo) todo(layer.todo.construct, 'its layer was not ported');
    if (args.length !== 1) todo('layer call', 'layers called with several inputs are not ported');
    let input = this.expr(args[0]);
    const training = layer.training ? ', training=training' : '';
    if (layer.children) {
      let rendered = this.nested.get(key);
      if (!rendered) {
        const body = sequentialBody(layer.children, input.info, { indent: '', source: `.${key}`, target: `.${key}.layers`, weights: this.weights, todos: this.todos, toPlainAtEnd: false });
        rendered = { lines: body.lines, input: input.info, output: body.info };
        this.nested.set(key, rendered);
        if (body.permuted) this.permuted = true;
      }
      input = rendered.input.permuted ? this.toLast(input) : this.plain(input);
      return { code: `self.${key}(${input.code}${training})`, info: rendered.output };
    }
    input = this.layout(input, layer.needs(input.info), layer.inRank);
    let code = input.code;
    if (layer.rnn && !layer.rnn.batchFirst) code = `keras.ops.transpose(${code}, (1, 0, 2))`;
    layer.defs.forEach((def) => {
      code = `self.${key}${def.suffix}(${code}${training})`;
    });
    return { code, info: layer.out(input.info) };
  }

  expr(e: PyExpr): Value {
    switch (e.t) {
      case 'name':
        return { code: e.text, info: this.vars.get(e.id) ?? PLAIN };
      case 'num':
      case 'str':
      case 'const':
        return { code: e.text, info: { permuted: false, scalar: true } };
      case 'bin': {
        const a = this.expr(e.a);
        let b = this.expr(e.b);
        if (!a.info.scalar && !b.info.scalar && a.info.permuted !== b.info.permuted) b = a.info.permuted ? this.toLast(b, a.info.rank) : this.plain(b);
        const wrap = (v: Value, x: PyExpr): string => (x.t === 'bin' ? `(${v.code})` : v.code);
        return { code: `${wrap(a, e.a)} ${e.op} ${wrap(b, e.b)}`, info: a.info.scalar ? b.info : a.info };
      }
      case 'unary': {
        const a = this.expr(e.a);
        return { code: `${e.op}${e.a.t === 'bin' ? `(${a.code})` : a.code}`, info: a.info };
      }
      case 'tuple':
        return { code: `(${e.items.map((i) => this.plain(this.expr(i)).code).join(', ')}${e.items.length === 1 ? ',' : ''})`, info: PLAIN };
      case 'list':
        return { code: `[${e.items.map((i) => this.plain(this.expr(i)).code).join(', ')}]`, info: PLAIN };
      case 'sub': {
        const found = this.layerOf(e.obj);
        if (found?.layer.rnn) {
          if (e.index.trim() !== '0') todo('recurrent layer output', 'only [0] (the outputs) is ported');
          const call = `${this.layerCall(found.key, found.layer, (e.obj as PyExpr & { t: 'call' }).args).code}[0]`;
          return { code: found.layer.rnn.batchFirst ? call : `keras.ops.transpose(${call}, (1, 0, 2))`, info: { permuted: false, rank: 3 } };
        }
        if (found?.layer.attention) {
          if (e.index.trim() !== '0') todo('attention weights', 'PyTorch averages them over the heads, Keras returns them per head');
          return this.attentionCall(found.key, found.layer, e.obj as PyExpr & { t: 'call' });
        }
        const obj = this.plain(this.expr(e.obj));
        return { code: `${obj.code}[${e.index}]`, info: { permuted: false, scalar: e.obj.t === 'attr' && e.obj.name === 'shape' } };
      }
      case 'attr': {
        if (e.qn) todo(shortName(e.qn), 'framework constant not ported');
        if (e.name === 'shape') return { code: `${this.plain(this.expr(e.obj)).code}.shape`, info: { permuted: false, scalar: true } };
        if (e.obj.t === 'name' && e.obj.id === this.self && !this.layers.has(e.name)) return { code: e.text, info: { permuted: false, scalar: true } };
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
    const found = this.layerOf(e);
    if (found) {
      if (found.layer.rnn) todo('recurrent layer output', 'unpack it as `output, state = ...` or index [0]');
      if (found.layer.attention) todo('attention output', 'unpack it as `out, _ = ...` or index [0]');
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
    const first = (): Value => this.expr(args[0]);
    const plainFirst = (): Value => this.plain(first());

    const activation = PORT_ACTIVATIONS.find((a) => (qn && a.torchFunctions.includes(qn)) || (method && a.torchFunctions.includes(method)));
    if (activation) {
      if (activation.axis) {
        const x = plainFirst();
        const dim = kw('dim', 1) ?? todo(name, 'softmax without dim picks an axis implicitly; pass dim');
        return { code: `${activation.kerasWrite}(${x.code}, axis=${dim.text})`, info: x.info };
      }
      const x = first();
      if (activation.keras === 'gelu') {
        const approximate = kw('approximate', 1);
        const tanh = approximate && !['"none"', "'none'"].includes(approximate.text);
        return { code: `keras.ops.gelu(${x.code}, approximate=${tanh ? 'True' : 'False'})`, info: x.info };
      }
      return { code: `${activation.kerasWrite}(${x.code})`, info: x.info };
    }
    if (qn === 'torch.nn.functional.leaky_relu') {
      const slope = kw('negative_slope', 1)?.text ?? leakyReluToLeakyRelu.params?.[0].ourDefault ?? '0.01';
      const x = first();
      return { code: `keras.ops.leaky_relu(${x.code}, negative_slope=${slope})`, info: x.info };
    }
    if (qn && (TORCH_CONCAT.has(qn) || qn === 'torch.stack')) {
      const list = args[0];
      if (!list || (list.t !== 'list' && list.t !== 'tuple')) todo(shortName(qn), 'only a literal list of tensors is ported');
      const items = list.items.map((i) => this.plain(this.expr(i)));
      const dim = kw('dim', 1)?.text ?? '0';
      const op = qn === 'torch.stack' ? 'keras.ops.stack' : 'keras.ops.concatenate';
      const rank = items[0]?.info.rank;
      return { code: `${op}([${items.map((i) => i.code).join(', ')}], axis=${dim})`, info: { permuted: false, ...(rank ? { rank: qn === 'torch.stack' ? rank + 1 : rank } : {}) } };
    }
    if (qn && ELEMENTWISE[qn]) {
      const values = args.map((a) => this.expr(a));
      const aligned = qn === 'torch.matmul' || qn === 'torch.bmm' ? values.map((v) => this.plain(v)) : values;
      return { code: `${ELEMENTWISE[qn]}(${aligned.map((v) => v.code).join(', ')})`, info: aligned[0]?.info ?? PLAIN };
    }
    if (qn === 'torch.flatten' || method === 'flatten') {
      const start = kw('start_dim', 1)?.text ?? '0';
      const end = kw('end_dim', 2)?.text ?? '-1';
      if (end !== '-1') todo(name, 'flatten up to a dimension other than -1');
      const x = plainFirst();
      this.imports.add('import math');
      if (start === '1') return { code: flattenCode(x.code), info: { permuted: false, rank: 2 } };
      if (start === '0') return { code: `keras.ops.reshape(${x.code}, (-1,))`, info: { permuted: false, rank: 1 } };
      return todo(name, `flatten from dimension ${start}`);
    }
    if (method === 'view' || method === 'reshape' || qn === 'torch.reshape') {
      const x = plainFirst();
      const raw = qn ? args[1] : undefined;
      let dims: PyExpr[] = qn ? (raw && (raw.t === 'tuple' || raw.t === 'list') ? raw.items : raw ? [raw] : []) : args.slice(1);
      if (dims.length === 1 && (dims[0].t === 'tuple' || dims[0].t === 'list')) dims = (dims[0] as { items: PyExpr[] }).items;
      return this.reshape(x.code, dims);
    }
    if (method === 'size') {
      if (e.args.length !== 1) todo(name, 'size() without a dimension');
      return { code: `keras.ops.shape(${plainFirst().code})[${e.args[0].text}]`, info: { permuted: false, scalar: true } };
    }
    if (method === 'contiguous' || method === 'clone') return first();
    if (method === 'permute' || qn === 'torch.permute') {
      const dims = qn ? args[1] : undefined;
      const order = dims ? (dims.t === 'tuple' || dims.t === 'list' ? dims.items : [dims]) : e.args.length === 1 && (e.args[0].t === 'tuple' || e.args[0].t === 'list') ? e.args[0].items : e.args;
      const x = plainFirst();
      return { code: `keras.ops.transpose(${x.code}, (${order.map((d) => d.text).join(', ')}))`, info: { permuted: false, rank: order.length } };
    }
    if (method === 'transpose' || qn === 'torch.transpose') {
      const x = plainFirst();
      return { code: `keras.ops.swapaxes(${x.code}, ${args[1]?.text}, ${args[2]?.text})`, info: x.info };
    }
    if (method === 'unsqueeze' || qn === 'torch.unsqueeze') {
      const x = plainFirst();
      return { code: `keras.ops.expand_dims(${x.code}, ${kw('dim', 1)?.text})`, info: { permuted: false, ...(x.info.rank ? { rank: x.info.rank + 1 } : {}) } };
    }
    if (method === 'squeeze' || qn === 'torch.squeeze') {
      const dim = kw('dim', 1);
      const x = plainFirst();
      return dim
        ? { code: `keras.ops.squeeze(${x.code}, axis=${dim.text})`, info: { permuted: false, ...(x.info.rank ? { rank: x.info.rank - 1 } : {}) } }
        : { code: `keras.ops.squeeze(${x.code})`, info: PLAIN };
    }
    if (method === 'mean' || method === 'sum' || qn === 'torch.mean' || qn === 'torch.sum') {
      const op = (method ?? (qn as string).slice('torch.'.length)) === 'mean' ? 'keras.ops.mean' : 'keras.ops.sum';
      const dim = kw('dim', 1);
      const keep = e.kwargs.find((k) => k.name === 'keepdim')?.value ?? args[2];
      const x = plainFirst();
      return {
        code: callText(op, [x.code], [
          ['axis', dim?.text],
          ['keepdims', keep?.text],
        ]),
        info: PLAIN,
      };
    }
    if (qn === 'torch.nn.functional.max_pool2d' || qn === 'torch.nn.functional.avg_pool2d' || qn === 'torch.nn.functional.max_pool1d' || qn === 'torch.nn.functional.avg_pool1d') {
      const isMax = qn.includes('max');
      const rank = qn.endsWith('2d') ? 4 : 3;
      if (e.args.length > 3 || e.kwargs.some((k) => !['kernel_size', 'stride'].includes(k.name))) todo(shortName(qn), 'pooling arguments beyond kernel_size and stride');
      const kernel = kw('kernel_size', 1) ?? todo(shortName(qn), 'kernel_size missing');
      const stride = kw('stride', 2);
      const x = this.toLast(first(), rank);
      return {
        code: callText(isMax ? 'keras.ops.max_pool' : 'keras.ops.average_pool', [x.code, kernel.text], [['strides', stride && stride.text !== 'None' ? stride.text : undefined]]),
        info: { permuted: true, rank },
      };
    }
    if (qn === 'torch.nn.functional.adaptive_avg_pool2d' || qn === 'torch.nn.functional.adaptive_avg_pool1d') {
      const size = intsOf(kw('output_size', 1));
      if (!size || size.some((s) => s !== 1)) todo(shortName(qn), 'adaptive pooling to a size other than 1');
      const x = first();
      const two = qn.endsWith('2d');
      const axes = x.info.permuted ? (two ? '(1, 2)' : '(1,)') : two ? '(2, 3)' : '(2,)';
      return { code: `keras.ops.mean(${x.code}, axis=${axes}, keepdims=True)`, info: x.info };
    }
    return todo(qn ? shortName(qn) : `.${method}()`, 'call not ported');
  }

  private reshape(x: string, dims: PyExpr[]): Value {
    // `x.view(x.size(0), -1)` is a flatten: written with the static trailing sizes so symbolic Keras tensors work too.
    const batchDim = dims[0] && ((dims[0].t === 'call' && dims[0].fn.t === 'attr' && dims[0].fn.name === 'size') || (dims[0].t === 'sub' && dims[0].obj.t === 'attr' && dims[0].obj.name === 'shape'));
    if (dims.length === 2 && batchDim && numberOf(dims[1]) === -1) {
      this.imports.add('import math');
      return { code: flattenCode(x), info: { permuted: false, rank: 2 } };
    }
    return { code: `keras.ops.reshape(${x}, (${dims.map((d) => this.expr(d).code).join(', ')}))`, info: { permuted: false, rank: dims.length } };
  }
}

function flattenCode(x: string): string {
  return `keras.ops.reshape(${x}, (-1, math.prod(${x}.shape[1:])))`;
}
