/** Reading constructor arguments by name and writing Python argument lists, shared by both porting directions. */
import type { PyExpr } from './pyexpr';
import { intsOf } from './pyexpr';
import { todo } from './types';

/** Arguments of a call by parameter name: positional ones named after `positional`, then the keywords. */
export function argumentsByName(call: PyExpr & { t: 'call' }, positional: string[], construct: string): Map<string, PyExpr> {
  const values = new Map<string, PyExpr>();
  if (call.starred) todo(construct, '*args or **kwargs in the call are not ported');
  call.args.forEach((arg, i) => {
    const name = positional[i];
    if (!name) todo(construct, 'more positional arguments than the porter reads');
    values.set(name, arg);
  });
  for (const kw of call.kwargs) values.set(kw.name, kw.value);
  return values;
}

/** The literal text of a value, or the default when absent. */
export function textOr(values: Map<string, PyExpr>, name: string, fallback: string | undefined): string | undefined {
  const value = values.get(name);
  return value ? value.text : fallback;
}

/** Whether the value of `name` (or its default text) is literally `expected` (`False`, `None`, `0`). */
export function isLiteral(values: Map<string, PyExpr>, name: string, expected: string, fallback?: string): boolean {
  const text = textOr(values, name, fallback);
  return text === expected;
}

/** Ints of a size argument repeated to `rank` (`3` → [3, 3]); undefined when not a literal. */
export function sizeOf(value: PyExpr | undefined, rank: number, fallback?: number): number[] | undefined {
  if (!value) return fallback === undefined ? undefined : Array<number>(rank).fill(fallback);
  const ints = intsOf(value);
  if (!ints) return undefined;
  if (ints.length === 1) return Array<number>(rank).fill(ints[0]);
  return ints.length === rank ? ints : undefined;
}

/** `3` for equal sizes, `(3, 5)` otherwise. */
export function sizeText(size: number[]): string {
  if (size.every((s) => s === size[0])) return String(size[0]);
  return `(${size.join(', ')})`;
}

/** `Name(a, b, key=value)`, leaving out undefined entries. */
export function callText(name: string, positional: Array<string | undefined>, keywords: Array<[string, string | undefined]>): string {
  const parts = positional.filter((p): p is string => p !== undefined);
  for (const [key, value] of keywords) if (value !== undefined) parts.push(`${key}=${value}`);
  return `${name}(${parts.join(', ')})`;
}

/** Keyword arguments that never change what a layer computes once weights are copied (names, initialisers, devices). */
export const INERT_KEYWORDS = new Set([
  'name',
  'kernel_initializer',
  'bias_initializer',
  'recurrent_initializer',
  'embeddings_initializer',
  'beta_initializer',
  'gamma_initializer',
  'moving_mean_initializer',
  'moving_variance_initializer',
  'unit_forget_bias',
  'device',
  'inplace',
  'input_shape',
  'input_dim',
  'input_length',
  'trainable',
]);

/** Keyword arguments that change training but not the forward pass: ported as a comment, not silently dropped. */
export const TRAINING_ONLY_KEYWORDS = new Set(['kernel_regularizer', 'bias_regularizer', 'activity_regularizer', 'kernel_constraint', 'bias_constraint', 'recurrent_regularizer', 'recurrent_dropout', 'dropout']);

/** Fails with a TODO when a call passes a keyword outside `known`. */
export function rejectUnknownKeywords(values: Map<string, PyExpr>, known: Iterable<string>, construct: string): void {
  const allowed = new Set(known);
  for (const key of values.keys()) {
    if (!allowed.has(key) && !INERT_KEYWORDS.has(key)) todo(construct, `argument ${key} is not ported`);
  }
}
