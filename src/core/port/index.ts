/**
 * The model porter's entry point: picks a model in Python source (by name or position), translates it to the other
 * framework and appends the weight-porting function. The CLI and the VS Code commands both call `portModel`.
 */
import { findModels, pickModel, resolvedNumber, type SourceFramework, type SourceModel } from './extract';
import { portTorchToKeras } from './toKeras';
import { portKerasToTorch } from './toTorch';
import type { PortOptions, PortResult } from './types';
import { weightPortingCode } from './weights';

export { findModelHeaders, findModelHeadersInSteps, findModels, findModelsIn, findModelsInSteps, pickModel, type ModelHeader } from './extract';
export type { SourceModel, SourceFramework } from './extract';
export { checkScript, weightPortingCode } from './weights';
export type { PortOptions, PortResult, PortTodo, WeightLink } from './types';

export type PortOutcome = { ok: true; result: PortResult } | { ok: false; message: string };

export interface ModelSelection {
  /** Class or variable name. */
  name?: string;
  /** An offset inside the model (the cursor), or the start of a selection. */
  offset?: number;
  /** The end of a selection: a model starting inside [offset, end) is picked when none contains offset. */
  end?: number;
}

/** Ports the selected model of `text` to `options.to`; a model already in that framework is an error. */
export function portModel(source: string, select: ModelSelection, options: PortOptions): PortOutcome {
  // Python reads `\r\n` and a lone `\r` as `\n` before it tokenizes; so does the porter, so no line end of the
  // source can reach the port as anything but a line break it wrote itself.
  const text = source.replace(/\r\n?/g, '\n');
  const at = (offset: number | undefined) => (offset === undefined ? undefined : offset - crlfBefore(source, offset));
  const offset = at(select.offset);
  const end = at(select.end);
  const selection: ModelSelection = { ...select, ...(offset !== undefined ? { offset } : {}), ...(end !== undefined ? { end } : {}) };
  try {
    return portIn(text, selection, options);
  } catch (err) {
    // A source nested deeper than the reader's recursion allows: say so rather than fail with a stack trace.
    if (err instanceof RangeError) return { ok: false, message: 'The model is nested too deeply to be read by the porter.' };
    throw err;
  }
}

/** How many `\r\n` pairs end before `offset` (each becomes one character once line ends are normalised). */
function crlfBefore(text: string, offset: number): number {
  let count = 0;
  for (let i = text.indexOf('\r\n'); i >= 0 && i + 1 < offset; i = text.indexOf('\r\n', i + 2)) count++;
  return count;
}

function portIn(text: string, select: ModelSelection, options: PortOptions): PortOutcome {
  const models = findModels(text);
  if (models.length === 0) return { ok: false, message: 'No model found: the porter reads nn.Sequential / keras.Sequential assignments and nn.Module / keras.Model / keras.layers.Layer subclasses.' };
  const model = pickModel(models, select);
  if (!model) {
    const names = models.map((m) => m.name).join(', ');
    return { ok: false, message: select.name !== undefined ? `No model named ${select.name}; found: ${names}.` : `No model at the cursor; found: ${names}.` };
  }
  if (model.framework === options.to) return { ok: false, message: `${model.name} is already a ${label(options.to)} model.` };
  return { ok: true, result: portOne(model, options) };
}

function label(framework: SourceFramework): string {
  return framework === 'pytorch' ? 'PyTorch' : 'Keras';
}

function portOne(model: SourceModel, options: PortOptions): PortResult {
  const inputShape = options.inputShape ?? model.inputShape;
  const header = [`# Ported from ${label(model.framework)} to ${label(options.to)} by Framework Guide from ${model.name}.`];
  if (model.framework === 'pytorch') {
    const port = portTorchToKeras(model, inputShape);
    if (port.layoutChanged) header.push('# Layout: the Keras model takes the same channels-first input as the PyTorch model and permutes to channels-last only around convolutions, pooling and BatchNormalization of feature maps.');
    const code = assemble(header, [...port.imports, 'import numpy as np'], port.code, weightPortingCode('pytorch', port.weights), port.todos.length, model.constants);
    const result: PortResult = {
      code,
      targetModel: port.targetModel,
      sourceModel: model.form === 'class' || model.factory ? `${model.name}()` : model.name,
      sourceFramework: 'pytorch',
      targetFramework: 'keras',
      name: model.name,
      todos: port.todos,
      weights: port.weights,
      sizes: 'not-needed',
    };
    if (inputShape) result.inputShape = inputShape;
    const first = model.layers[0];
    if (first?.qualifiedName === 'torch.nn.Embedding' && first.call.t === 'call') {
      const count = first.call.args[0] ?? first.call.kwargs.find((k) => k.name === 'num_embeddings')?.value;
      const bound = resolvedNumber(model, count);
      if (bound !== undefined) result.integerInputBelow = bound;
    }
    return result;
  }
  const port = portKerasToTorch(model, inputShape);
  if (port.layoutChanged) header.push('# Layout: the PyTorch model takes the same channels-last input as the Keras model and permutes to channels-first only around convolutions, pooling and BatchNorm.');
  header.push(
    port.lazy ? '# Sizes: the input shape was not known, so lazy modules infer the input sizes on the first call.' : '# Sizes: the input sizes PyTorch needs were inferred from the input shape.',
  );
  const code = assemble(header, [...port.imports, 'import numpy as np'], port.code, weightPortingCode('keras', port.weights), port.todos.length, model.constants);
  const result: PortResult = {
    code,
    targetModel: port.targetModel,
    sourceModel: model.functional ?? (model.form === 'class' || model.factory ? `${model.name}()` : model.name),
    sourceFramework: 'keras',
    targetFramework: 'pytorch',
    name: model.name,
    todos: port.todos,
    weights: port.weights,
    sizes: port.lazy ? 'lazy' : 'inferred',
  };
  if (inputShape) result.inputShape = inputShape;
  if (port.integerInputBelow !== undefined) result.integerInputBelow = port.integerInputBelow;
  return result;
}

function assemble(header: string[], imports: string[], model: string, weights: string, todoCount: number, constants: string[]): string {
  if (todoCount > 0) header.push(`# ${todoCount} construct(s) were not ported: see the TODO(framework-guide) lines.`);
  const sortedImports = [...new Set(imports)].sort((a, b) => importRank(a) - importRank(b) || a.localeCompare(b));
  const constantLines = constants.length ? ['', ...constants] : [];
  return [...header, ...sortedImports, ...constantLines, '', '', model, '', '', weights, ''].join('\n');
}

function importRank(line: string): number {
  return line.startsWith('import math') ? 0 : line.startsWith('import numpy') ? 1 : line.startsWith('from ') || line.includes(' as ') ? 3 : 2;
}
