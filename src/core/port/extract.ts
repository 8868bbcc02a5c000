/**
 * Finds the models in Python source the porter understands — `nn.Sequential(...)` and `keras.Sequential([...])`
 * assignments, `nn.Module` and `keras.Model`/`keras.layers.Layer` subclasses — and reads each into a plain
 * description: its layers (constructor calls by attribute or index) and, for subclasses, the forward/call body.
 */
import type { SyntaxNode, Tree } from '@lezer/common';
import { codeText } from '../python/codeText';
import { parser } from '../python/parser';
import { analyzeTree } from '../python/analyze';
import type { PythonAnalysis, Span } from '../python';
import { className } from './write';
import { ExpressionReader, childrenOf, qualifiedOf, selfAttribute, intsOf, numberOf, type PyExpr } from './pyexpr';
import { drain } from '../steps';

export type SourceFramework = 'pytorch' | 'keras';

/** One layer of a model: a constructor call, or a nested Sequential with its own layers. */
export interface SourceLayer {
  /** Attribute name (`fc1`) or position in a Sequential (`0`). */
  key: string;
  call: PyExpr;
  qualifiedName?: string;
  /** Set when the layer is itself a Sequential. */
  children?: SourceLayer[];
  /** How to reach the layer from the model object when it is not an attribute (`.layers[3]` in a functional model). */
  accessor?: string;
}

/** A statement of a forward/call body the porter translates; anything else is kept as a TODO. */
export type SourceStatement =
  | { kind: 'assign'; targets: PyExpr; value: PyExpr; text: string }
  | { kind: 'augmented'; target: PyExpr; op: string; value: PyExpr; text: string }
  | { kind: 'return'; value: PyExpr; text: string }
  | { kind: 'other'; text: string };

export interface SourceModel {
  framework: SourceFramework;
  form: 'sequential' | 'class';
  /** Class name, or the variable a Sequential is assigned to. */
  name: string;
  /** The whole class or assignment statement. */
  span: Span;
  /** Where a CodeLens goes: the class keyword or the assignment target. */
  headerSpan: Span;
  layers: SourceLayer[];
  /** Subclasses: `__init__` parameters after `self`, as written (`num_classes=10`). */
  initParams: string[];
  /**
   * Subclasses: statements of `__init__`/`build` that are not layer assignments, as written (`text`, for TODO lines);
   * `code`, rebuilt from the tokens, for plain values the port copies (an assignment without a call).
   */
  initOther: Array<{ text: string; code?: string }>;
  /** Subclasses: the forward/call method. */
  forward?: { self: string; params: string[]; body: SourceStatement[] };
  /** The input shape without the batch dimension, when the source states it (`keras.Input(shape=...)`, `input_shape=`). */
  inputShape?: number[];
  /** Set for the Keras functional API (`model = keras.Model(inputs, outputs)`): the variable holding the model. */
  functional?: string;
  /** Set when a function returns the Sequential (`def build_model(classes=10): return keras.Sequential(...)`): its parameters. */
  factory?: { params: string[] };
  /** The input shape as written, resolved once the module constants are known. */
  inputShapeExpr?: PyExpr;
  /** Names with a literal value: module-level constants (`num_classes = 10`) and `__init__` defaults (`width=16`). */
  values: Map<string, PyExpr>;
  /** Module-level constant assignments, quoted, for the ported module (the model may use them). */
  constants: string[];
}

/** A literal number, resolving a name through the model's constants and `__init__` defaults. */
export function resolvedNumber(model: SourceModel, expr: PyExpr | undefined, depth = 0): number | undefined {
  if (!expr || depth > 8) return undefined;
  if (expr.t === 'name') return resolvedNumber(model, model.values.get(expr.id), depth + 1);
  if (expr.t === 'bin') {
    // Arithmetic on sizes, as in `hidden_dim // num_heads` or `16 * 5 * 5`.
    const a = resolvedNumber(model, expr.a, depth + 1);
    const b = resolvedNumber(model, expr.b, depth + 1);
    if (a === undefined || b === undefined) return undefined;
    if (expr.op === '+') return a + b;
    if (expr.op === '-') return a - b;
    if (expr.op === '*') return a * b;
    if (expr.op === '//' && b !== 0) return Math.floor(a / b);
    return undefined;
  }
  return numberOf(expr);
}

/** Literal ints, resolving a name the same way. */
export function resolvedInts(model: SourceModel, expr: PyExpr | undefined): number[] | undefined {
  if (expr?.t === 'name') return intsOf(model.values.get(expr.id));
  return intsOf(expr);
}

const TORCH_MODULE = new Set(['torch.nn.Module', 'torch.nn.modules.module.Module']);
const KERAS_BASES = new Set(['keras.Model', 'keras.models.Model', 'keras.layers.Layer', 'keras.Layer']);
const TORCH_SEQUENTIAL = 'torch.nn.Sequential';
const KERAS_SEQUENTIAL = new Set(['keras.Sequential', 'keras.models.Sequential']);
const KERAS_INPUTS = new Set(['keras.Input', 'keras.layers.Input', 'keras.layers.InputLayer']);

/** Every model in `text` the porter recognises, in source order. */
export function findModels(text: string): SourceModel[] {
  const tree = parser.parse(text);
  return findModelsIn(text, tree, analyzeTree(text, tree));
}

/** `findModels` on a text already parsed (`tree`, the project's parser) and analysed, as an editor's cache holds it. */
export function findModelsIn(text: string, tree: Tree, analysis: PythonAnalysis): SourceModel[] {
  const out: { models?: SourceModel[] } = {};
  // Drained at once; an editor runs the steps between other work.
  drain(findModelsInSteps(text, tree, analysis, out));
  return out.models as SourceModel[];
}

/**
 * `findModelsIn` in steps (one per top-level statement and per model), so an editor can give the thread back
 * between them: on a 10,000-line file the whole search takes tens of milliseconds. The result goes to `out.models`.
 */
export function* findModelsInSteps(text: string, tree: Tree, analysis: PythonAnalysis, out: { models?: SourceModel[] }): Generator<void, void, void> {
  yield* searchModels(text, tree, analysis, out, false);
}

/** What a CodeLens shows of a model: its framework, its name and where its header is. */
export interface ModelHeader {
  framework: SourceFramework;
  name: string;
  headerSpan: Span;
}

/**
 * The models `findModelsInSteps` finds, without reading them: a subclass is recognised by its bases, so its body (the
 * bulk of the work) is not read. For the CodeLens, which VS Code asks for again after every edit.
 */
export function* findModelHeadersInSteps(text: string, tree: Tree, analysis: PythonAnalysis, out: { headers?: ModelHeader[] }): Generator<void, void, void> {
  const found: { models?: SourceModel[] } = {};
  yield* searchModels(text, tree, analysis, found, true);
  out.headers = (found.models ?? []).map(({ framework, name, headerSpan }) => ({ framework, name, headerSpan }));
}

/** `findModelHeadersInSteps` drained at once (a notebook cell). */
export function findModelHeaders(text: string): ModelHeader[] {
  const tree = parser.parse(text);
  const out: { headers?: ModelHeader[] } = {};
  drain(findModelHeadersInSteps(text, tree, analyzeTree(text, tree), out));
  return out.headers ?? [];
}

/** The search behind both: with `headersOnly`, models are recognised but not read (empty layers, no forward, no values). */
function* searchModels(text: string, tree: Tree, analysis: PythonAnalysis, out: { models?: SourceModel[] }, headersOnly: boolean): Generator<void, void, void> {
  const reader = new ExpressionReader(text, analysis);
  const models: SourceModel[] = [];
  const constants = new Map<string, PyExpr>();
  const constantTexts: string[] = [];
  const topLevel = childrenOf(tree.topNode);
  // Module constants, for the models' sizes: headers need none.
  if (!headersOnly) {
    for (const statement of topLevel) {
      yield;
      if (statement.name !== 'AssignStatement' || containsCall(statement)) continue;
      const parts = childrenOf(statement);
      if (parts.length !== 3 || parts[0].name !== 'VariableName') continue;
      const code = codeText(text, statement);
      if (code === undefined) continue;
      constants.set(reader.slice(parts[0]), reader.read(parts[2]));
      constantTexts.push(code);
    }
  }
  const visitChild = (child: SyntaxNode, node: SyntaxNode): void => {
    if (child.name === 'ClassDefinition') {
      const model = readClass(child, reader, headersOnly);
      if (model) models.push(model);
      else visit(childrenOf(child).find((c) => c.name === 'Body') ?? child);
    } else if (child.name === 'AssignStatement') {
      const model = readSequentialAssignment(child, reader, headersOnly) ?? readFunctionalModel(child, node, reader);
      if (model) models.push(model);
    } else if (child.name === 'FunctionDefinition') {
      const factory = readFactory(child, reader, headersOnly);
      if (factory) models.push(factory);
      else visit(child);
    } else if (child.name === 'Body' || child.name === 'IfStatement') visit(child);
    else if (child.name === 'ExpressionStatement' && !headersOnly) addKerasAddCalls(child, reader, models);
  };
  const visit = (node: SyntaxNode): void => {
    for (const child of childrenOf(node)) visitChild(child, node);
  };
  for (const child of topLevel) {
    yield;
    visitChild(child, tree.topNode);
  }
  if (!headersOnly) {
    for (const model of models) {
      yield;
      model.constants = constantTexts;
      for (const [name, value] of constants) if (!model.values.has(name)) model.values.set(name, value);
      if (model.inputShape === undefined && model.inputShapeExpr) {
        const shape = resolvedInts(model, model.inputShapeExpr);
        if (shape) model.inputShape = shape;
      }
      delete model.inputShapeExpr;
    }
  }
  out.models = models;
}

/** `model.add(layer)` after `model = keras.Sequential()` appends to that model. */
function addKerasAddCalls(statement: SyntaxNode, reader: ExpressionReader, models: SourceModel[]): void {
  const callee = reader.calleeOf(statement.firstChild as SyntaxNode);
  if (callee?.t !== 'attr' || callee.name !== 'add' || callee.obj.t !== 'name') return;
  const target = callee.obj.id;
  const model = [...models].reverse().find((m) => m.form === 'sequential' && m.framework === 'keras' && m.name === target);
  if (!model) return;
  const expr = reader.read(statement.firstChild as SyntaxNode);
  if (expr.t !== 'call' || expr.args.length !== 1) return;
  model.span = { from: model.span.from, to: statement.to };
  addKerasSequentialItem(model, expr.args[0]);
}

function addKerasSequentialItem(model: SourceModel, item: PyExpr): void {
  const qn = item.t === 'call' ? qualifiedOf(item.fn) : undefined;
  if (qn && KERAS_INPUTS.has(qn) && item.t === 'call') {
    const shape = item.kwargs.find((k) => k.name === 'shape' || k.name === 'input_shape')?.value ?? item.args[0];
    if (shape) model.inputShapeExpr = shape;
    return;
  }
  if (!model.inputShapeExpr && item.t === 'call' && model.layers.length === 0) {
    const shape = item.kwargs.find((k) => k.name === 'input_shape');
    if (shape) model.inputShapeExpr = shape.value;
  }
  model.layers.push(layerOf(String(model.layers.length), item));
}

function layerOf(key: string, call: PyExpr): SourceLayer {
  const qualifiedName = call.t === 'call' ? qualifiedOf(call.fn) : undefined;
  const layer: SourceLayer = { key, call };
  if (qualifiedName) layer.qualifiedName = qualifiedName;
  if (call.t === 'call' && qualifiedName === TORCH_SEQUENTIAL) layer.children = call.args.map((a, i) => layerOf(String(i), a));
  if (call.t === 'call' && qualifiedName && KERAS_SEQUENTIAL.has(qualifiedName)) {
    const list = call.args[0] ?? call.kwargs.find((k) => k.name === 'layers')?.value;
    layer.children = list && (list.t === 'list' || list.t === 'tuple') ? list.items.filter((i) => !isKerasInput(i)).map((a, i) => layerOf(String(i), a)) : [];
  }
  return layer;
}

function isKerasInput(expr: PyExpr): boolean {
  const qn = expr.t === 'call' ? qualifiedOf(expr.fn) : undefined;
  return qn !== undefined && KERAS_INPUTS.has(qn);
}

/** `def build_model(...): return keras.Sequential([...])`: the Sequential, named after the function. */
function readFactory(node: SyntaxNode, reader: ExpressionReader, headersOnly: boolean): SourceModel | undefined {
  const parts = childrenOf(node);
  const nameNode = parts.find((c) => c.name === 'VariableName');
  const body = parts.find((c) => c.name === 'Body');
  if (!nameNode || !body) return undefined;
  const statements = childrenOf(body).filter((c) => c.name !== ':');
  const last = statements[statements.length - 1];
  if (last?.name !== 'ReturnStatement') return undefined;
  const value = childrenOf(last).filter((c) => c.name !== 'return');
  if (value.length !== 1) return undefined;
  const model = sequentialModel(reader.slice(nameNode), value[0], node, nameNode, reader, headersOnly);
  if (!model || headersOnly) return model;
  model.factory = { params: parameterTexts(parts.find((c) => c.name === 'ParamList'), reader) };
  readDefaults(parts.find((c) => c.name === 'ParamList'), reader, model.values);
  return model;
}

const KERAS_MODEL = new Set(['keras.Model', 'keras.models.Model']);
const MERGE_FUNCTIONS = new Set(['keras.layers.add', 'keras.layers.subtract', 'keras.layers.multiply', 'keras.layers.concatenate', 'keras.layers.average', 'keras.layers.maximum', 'keras.layers.minimum', 'keras.layers.dot']);

/**
 * The Keras functional API: `inputs = keras.Input(...)`, straight-line `x = layers.Dense(64)(x)` statements, then
 * `model = keras.Model(inputs, outputs)` in the same block. Read as a subclass whose layers are the inline
 * constructors (named as Keras names them by default) and whose call is the statements in between.
 */
function readFunctionalModel(node: SyntaxNode, block: SyntaxNode, reader: ExpressionReader): SourceModel | undefined {
  const parts = childrenOf(node);
  if (parts.length !== 3 || parts[0].name !== 'VariableName') return undefined;
  const callee = reader.calleeOf(parts[2]);
  if (!callee || !KERAS_MODEL.has(qualifiedOf(callee) ?? '')) return undefined;
  const value = reader.read(parts[2]);
  if (value.t !== 'call') return undefined;
  const inputs = value.kwargs.find((k) => k.name === 'inputs')?.value ?? value.args[0];
  const outputs = value.kwargs.find((k) => k.name === 'outputs')?.value ?? value.args[1];
  if (inputs?.t !== 'name' || outputs?.t !== 'name') return undefined;
  const statements = childrenOf(block).filter((c) => c.from < node.from);
  const start = statements.findIndex((st) => {
    if (st.name !== 'AssignStatement') return false;
    const p = childrenOf(st);
    if (p.length !== 3 || reader.slice(p[0]) !== inputs.id) return false;
    const v = reader.read(p[2]);
    return v.t === 'call' && KERAS_INPUTS.has(qualifiedOf(v.fn) ?? '');
  });
  if (start < 0) return undefined;
  const variable = reader.slice(parts[0]);
  // The class is named after the model's name= when it has one (`toy_resnet` → ToyResnet), else the variable.
  const given = value.kwargs.find((k) => k.name === 'name')?.value;
  const modelName = given?.t === 'str' && /^[A-Za-z_]\w*$/.test(given.value) ? given.value : variable;
  const inputCall = reader.read(childrenOf(statements[start])[2]) as PyExpr & { t: 'call' };
  const model: SourceModel = {
    framework: 'keras',
    form: 'class',
    name: className(modelName),
    span: { from: statements[start].from, to: node.to },
    headerSpan: { from: parts[0].from, to: parts[0].to },
    layers: [],
    initParams: [],
    initOther: [],
    values: new Map(),
    constants: [],
    functional: variable,
  };
  const shape = inputCall.kwargs.find((k) => k.name === 'shape')?.value ?? inputCall.args[0];
  if (shape) model.inputShapeExpr = shape;
  const names = new Map<string, number>();
  let layerIndex = 0;
  const inline = (expr: PyExpr): PyExpr => {
    switch (expr.t) {
      case 'call': {
        const args = expr.args.map(inline);
        const kwargs = expr.kwargs.map((k) => ({ name: k.name, value: inline(k.value) }));
        const ctor = expr.fn.t === 'call' ? qualifiedOf(expr.fn.fn) : undefined;
        const helper = qualifiedOf(expr.fn);
        // keras.layers.add([...]) and friends create a layer too, which takes a place in model.layers.
        if (helper && MERGE_FUNCTIONS.has(helper)) layerIndex++;
        if (ctor && expr.fn.t === 'call' && ctor.startsWith('keras.layers.')) {
          const key = layerName(expr.fn, ctor, names);
          // The functional model lists its InputLayer first, then the layers in the order they were called.
          model.layers.push({ ...layerOf(key, expr.fn), accessor: `.layers[${++layerIndex}]` });
          const fn: PyExpr = { t: 'attr', obj: { t: 'name', id: 'self', text: 'self' }, name: key, text: `self.${key}` };
          return { t: 'call', fn, args, kwargs, text: expr.text };
        }
        return { ...expr, args, kwargs };
      }
      case 'bin':
        return { ...expr, a: inline(expr.a), b: inline(expr.b) };
      case 'unary':
        return { ...expr, a: inline(expr.a) };
      case 'list':
      case 'tuple':
        return { ...expr, items: expr.items.map(inline) };
      default:
        return expr;
    }
  };
  const body: SourceStatement[] = [];
  for (const st of statements.slice(start + 1)) {
    const text = reader.slice(st);
    const p = childrenOf(st);
    if (st.name === 'AssignStatement' && p.length === 3 && p[0].name === 'VariableName') body.push({ kind: 'assign', targets: reader.read(p[0]), value: inline(reader.read(p[2])), text });
    else body.push({ kind: 'other', text });
  }
  body.push({ kind: 'return', value: outputs, text: `return ${outputs.id}` });
  model.forward = { self: 'self', params: [inputs.id], body };
  return model;
}

/** The name Keras gives a layer by default (`dense`, `dense_1`, `conv2d`), or its `name=` argument. */
function layerName(call: PyExpr & { t: 'call' }, qualifiedName: string, counts: Map<string, number>): string {
  const given = call.kwargs.find((k) => k.name === 'name')?.value;
  if (given?.t === 'str' && /^[A-Za-z_]\w*$/.test(given.value)) return given.value;
  const cls = qualifiedName.split('.').pop() as string;
  const base = cls
    .replace(/(\d)D$/, '$1d')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase();
  const n = counts.get(base) ?? 0;
  counts.set(base, n + 1);
  return n === 0 ? base : `${base}_${n}`;
}

function readSequentialAssignment(node: SyntaxNode, reader: ExpressionReader, headersOnly: boolean): SourceModel | undefined {
  const children = childrenOf(node);
  if (children.length !== 3 || children[0].name !== 'VariableName') return undefined;
  return sequentialModel(reader.slice(children[0]), children[2], node, children[0], reader, headersOnly);
}

/**
 * A Sequential built by `valueNode`. With `headersOnly` its arguments are not read: the callee alone makes it a model
 * (a node with a callee is a call, which `read` reads as one), and the CodeLens on a file of many Sequentials would
 * otherwise read every layer of every one of them, after every edit.
 */
function sequentialModel(name: string, valueNode: SyntaxNode, node: SyntaxNode, header: SyntaxNode, reader: ExpressionReader, headersOnly: boolean): SourceModel | undefined {
  const callee = reader.calleeOf(valueNode);
  const qn = callee && qualifiedOf(callee);
  const framework = qn === TORCH_SEQUENTIAL ? 'pytorch' : qn && KERAS_SEQUENTIAL.has(qn) ? 'keras' : undefined;
  if (!framework) return undefined;
  const value = headersOnly ? undefined : reader.read(valueNode);
  if (value && value.t !== 'call') return undefined;
  const model: SourceModel = {
    framework,
    form: 'sequential',
    name,
    span: { from: node.from, to: node.to },
    headerSpan: { from: header.from, to: header.to },
    layers: [],
    initParams: [],
    initOther: [],
    values: new Map(),
    constants: [],
  };
  if (!value) return model;
  if (framework === 'pytorch') model.layers = value.args.map((a, i) => layerOf(String(i), a));
  else {
    const list = value.args[0] ?? value.kwargs.find((k) => k.name === 'layers')?.value;
    if (list && (list.t === 'list' || list.t === 'tuple')) for (const item of list.items) addKerasSequentialItem(model, item);
  }
  return model;
}

function readClass(node: SyntaxNode, reader: ExpressionReader, headersOnly: boolean): SourceModel | undefined {
  const children = childrenOf(node);
  const nameNode = children.find((c) => c.name === 'VariableName');
  const argList = children.find((c) => c.name === 'ArgList');
  const body = children.find((c) => c.name === 'Body');
  if (!nameNode || !argList || !body) return undefined;
  const bases = reader.readArgs(argList).args.map((b) => qualifiedOf(b));
  const framework = bases.some((b) => b && TORCH_MODULE.has(b)) ? 'pytorch' : bases.some((b) => b && KERAS_BASES.has(b)) ? 'keras' : undefined;
  if (!framework) return undefined;
  const model: SourceModel = {
    framework,
    form: 'class',
    name: reader.slice(nameNode),
    span: { from: node.from, to: node.to },
    headerSpan: { from: node.from, to: nameNode.to },
    layers: [],
    initParams: [],
    initOther: [],
    values: new Map(),
    constants: [],
  };
  if (headersOnly) return model;
  const forwardName = framework === 'pytorch' ? 'forward' : 'call';
  for (const member of childrenOf(body)) {
    if (member.name !== 'FunctionDefinition') continue;
    const parts = childrenOf(member);
    const fnName = reader.slice(parts.find((c) => c.name === 'VariableName') as SyntaxNode);
    const params = parameterTexts(parts.find((c) => c.name === 'ParamList'), reader);
    const fnBody = parts.find((c) => c.name === 'Body');
    if (!fnBody || params.length === 0) continue;
    const self = params[0];
    if (fnName === '__init__' || (fnName === 'build' && framework === 'keras')) {
      if (fnName === '__init__') {
        model.initParams = params.slice(1).filter((p) => !p.startsWith('**'));
        readDefaults(parts.find((c) => c.name === 'ParamList'), reader, model.values);
      }
      readInit(fnBody, self, reader, model);
    } else if (fnName === forwardName) {
      model.forward = { self, params: parameterTexts(parts.find((c) => c.name === 'ParamList'), reader, false).slice(1), body: readBody(fnBody, reader) };
    }
  }
  return model;
}

/** `def __init__(self, width=16)` → width: 16. */
function readDefaults(paramList: SyntaxNode | undefined, reader: ExpressionReader, values: Map<string, PyExpr>): void {
  if (!paramList) return;
  const children = childrenOf(paramList);
  children.forEach((child, i) => {
    const eq = children[i + 1]?.name === 'TypeDef' ? i + 2 : i + 1;
    if (child.name === 'VariableName' && children[eq]?.name === 'AssignOp' && children[eq + 1]) values.set(reader.slice(child), reader.read(children[eq + 1]));
  });
}

/**
 * Parameters as written (`width: int = 16`); without `annotations`, only name and default (`width=16`), since a
 * framework type such as `torch.Tensor` would not exist in the ported module.
 */
/**
 * The parameters of a definition as the port writes them, each rebuilt from its tokens (codeText): `classes: int = 10`,
 * or without annotations `classes=10`. A default the tokens cannot carry (a multi-line f-string) becomes `None`.
 */
function parameterTexts(paramList: SyntaxNode | undefined, reader: ExpressionReader, annotations = true): string[] {
  if (!paramList) return [];
  const out: string[] = [];
  let parts: SyntaxNode[] = [];
  const flush = (): void => {
    if (parts.length === 0) return;
    const kept = annotations ? parts : parts.filter((p) => p.name !== 'TypeDef');
    const typed = kept.some((p) => p.name === 'TypeDef');
    out.push(
      kept
        .map((p) => (p.name === 'AssignOp' ? (typed ? ' = ' : '=') : p.name === 'TypeDef' ? `: ${(codeText(reader.text, p) ?? ': object').replace(/^:\s*/, '')}` : (codeText(reader.text, p) ?? 'None')))
        .join(''),
    );
    parts = [];
  };
  for (const child of childrenOf(paramList)) {
    if (child.name === '(' || child.name === ')' || child.name === ',') flush();
    else parts.push(child);
  }
  flush();
  return out;
}

function readInit(body: SyntaxNode, self: string, reader: ExpressionReader, model: SourceModel): void {
  for (const statement of childrenOf(body)) {
    if (statement.name === ':') continue;
    const text = reader.slice(statement);
    if (statement.name === 'ExpressionStatement') {
      const expr = reader.read(statement.firstChild as SyntaxNode);
      if (isSuperInit(expr) || expr.t === 'str') continue;
    }
    if (statement.name === 'AssignStatement') {
      const parts = childrenOf(statement);
      if (parts.length === 3) {
        const key = selfAttribute(reader.read(parts[0]), self);
        const value = reader.read(parts[2]);
        if (key && value.t === 'call' && qualifiedOf(value.fn)) {
          model.layers.push(layerOf(key, value));
          continue;
        }
      }
    }
    if (statement.name === 'PassStatement') continue;
    const code = statement.name === 'AssignStatement' && !containsCall(statement) ? codeText(reader.text, statement) : undefined;
    model.initOther.push(code === undefined ? { text } : { text, code });
  }
}

function containsCall(node: SyntaxNode): boolean {
  let found = false;
  node.toTree().iterate({
    enter: (n) => {
      if (n.name === 'CallExpression' || n.name === 'LambdaExpression') found = true;
      return !found;
    },
  });
  return found;
}

function isSuperInit(expr: PyExpr): boolean {
  return expr.t === 'call' && expr.fn.t === 'attr' && expr.fn.name === '__init__' && expr.fn.obj.t === 'call' && expr.fn.obj.fn.t === 'name' && expr.fn.obj.fn.id === 'super';
}

function readBody(body: SyntaxNode, reader: ExpressionReader): SourceStatement[] {
  const out: SourceStatement[] = [];
  for (const statement of childrenOf(body)) {
    if (statement.name === ':') continue;
    const text = reader.slice(statement);
    if (statement.name === 'AssignStatement') {
      const parts = childrenOf(statement);
      if (parts.length === 3 && parts[1].name === 'AssignOp') {
        out.push({ kind: 'assign', targets: reader.read(parts[0]), value: reader.read(parts[2]), text });
        continue;
      }
      // `a, b = ...` parses as several targets separated by commas before the `=`.
      const eq = parts.findIndex((p) => p.name === 'AssignOp');
      if (eq > 1 && eq === parts.length - 2) {
        const targets = parts.slice(0, eq).filter((p) => p.name !== ',');
        out.push({ kind: 'assign', targets: { t: 'tuple', items: targets.map((t) => reader.read(t)), text: reader.text.slice(parts[0].from, parts[eq - 1].to) }, value: reader.read(parts[eq + 1]), text });
        continue;
      }
    }
    if (statement.name === 'UpdateStatement') {
      const parts = childrenOf(statement);
      if (parts.length === 3 && ['+=', '-=', '*=', '/='].includes(reader.slice(parts[1]))) {
        out.push({ kind: 'augmented', target: reader.read(parts[0]), op: reader.slice(parts[1]).slice(0, 1), value: reader.read(parts[2]), text });
        continue;
      }
    }
    if (statement.name === 'ReturnStatement') {
      const value = childrenOf(statement).filter((c) => c.name !== 'return');
      if (value.length === 1) {
        out.push({ kind: 'return', value: reader.read(value[0]), text });
        continue;
      }
      if (value.length > 1) {
        const items = value.filter((v) => v.name !== ',').map((v) => reader.read(v));
        out.push({ kind: 'return', value: { t: 'tuple', items, text: text.replace(/^return\s+/, '') }, text });
        continue;
      }
    }
    if (statement.name === 'ExpressionStatement' && reader.read(statement.firstChild as SyntaxNode).t === 'str') continue;
    out.push({ kind: 'other', text });
  }
  return out;
}

/**
 * The model named `name`; else the innermost model whose span contains `offset`; else, for a selection
 * [offset, end), the first model that starts inside it.
 */
export function pickModel(models: SourceModel[], select: { name?: string; offset?: number; end?: number }): SourceModel | undefined {
  if (select.name !== undefined) return models.find((m) => m.name === select.name);
  if (select.offset !== undefined) {
    const offset = select.offset;
    const hits = models.filter((m) => m.span.from <= offset && offset <= m.span.to);
    const innermost = hits.sort((a, b) => a.span.to - a.span.from - (b.span.to - b.span.from))[0];
    if (innermost || select.end === undefined) return innermost;
    const end = select.end;
    return models.find((m) => m.span.from >= offset && m.span.from < end);
  }
  return models[0];
}
