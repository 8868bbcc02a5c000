/** Small writing helpers for generated Python: numbers, TODO lines, names. */
import { LINE_BREAKS } from '../python/literals';

/** `0.9` rather than `0.9000000000000001`: twelve significant digits, trailing zeros dropped. */
export function formatNumber(value: number): string {
  if (Number.isInteger(value)) return String(value);
  return String(Number(value.toPrecision(12)));
}

/**
 * Whether two Python literals written in our table or the source mean the same value: `1e-05` and `0.00001`,
 * `1` and `(1, 1)`, `True` and `True`. Anything not numeric compares as text.
 */
export function literalsEqual(a: string, b: string): boolean {
  const x = numbersIn(a);
  const y = numbersIn(b);
  if (x && y) {
    const n = Math.max(x.length, y.length);
    const expand = (v: number[]): number[] => (v.length === 1 ? Array<number>(n).fill(v[0]) : v);
    const ex = expand(x);
    const ey = expand(y);
    return ex.length === ey.length && ex.every((v, i) => v === ey[i]);
  }
  return normaliseQuotes(a) === normaliseQuotes(b);
}

function normaliseQuotes(text: string): string {
  return text.trim().replace(/"/g, "'");
}

/** The numbers of `3`, `(1, 1)`, `(1,)` or `1e-05`; undefined for anything else. */
function numbersIn(text: string): number[] | undefined {
  const inner = text.trim().replace(/^[([]/, '').replace(/[)\]]$/, '');
  const parts = inner
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');
  if (parts.length === 0) return undefined;
  const values = parts.map(Number);
  return values.every((v) => Number.isFinite(v)) ? values : undefined;
}

/**
 * A `# TODO(framework-guide): why: original` comment. The reason and the original may both hold text of the source
 * (an argument's value), so both are quoted line by line on every line break Python's `str.splitlines()` knows,
 * and any other control character is escaped: nothing of them can end the comment.
 */
export function quoteTodo(original: string, reason: string, indent = ''): string {
  return commentLines(`TODO(framework-guide): ${reason}: ${original}`, indent, '    ');
}

/** `text` as comment lines at `indent`: split on every line break, each line trimmed and escaped; `hang` indents the
 * lines after the first (inside the comment). */
export function commentLines(text: string, indent: string, hang = ''): string {
  const lines = text.split(LINE_BREAKS).map((l) => escapeForComment(l.trim()));
  return lines.map((l, i) => `${indent}# ${i > 0 ? hang : ''}${l}`).join('\n');
}

/**
 * A line of a comment, with control characters (and Unicode's bidirectional controls, which can make code read
 * differently than it runs) written as escapes. The text must already be split on line breaks.
 */
export function escapeForComment(line: string): string {
  return line.replace(/[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/g, (ch) => {
    const code = ch.charCodeAt(0);
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/** A method body: its lines, and `pass` when they are only comments (a body of comments alone does not parse). */
export function bodyLines(lines: readonly string[], indent: string): string[] {
  const hasCode = lines.some((line) => {
    const trimmed = line.trim();
    return trimmed !== '' && !trimmed.startsWith('#');
  });
  return hasCode ? [...lines] : [...lines, `${indent}pass`];
}

/** `torch.nn.MultiheadAttention` → `nn.MultiheadAttention`, `keras.layers.Dense` → `layers.Dense`. */
export function shortName(qualifiedName: string): string {
  const parts = qualifiedName.split('.');
  return parts.slice(-2).join('.');
}

/** `my_model` → `MyModel`, for the class a Keras Sequential becomes when it has to be a PyTorch module. */
export function className(variable: string): string {
  const name = variable
    .split('_')
    .filter((p) => p)
    .map((p) => p[0].toUpperCase() + p.slice(1))
    .join('');
  return /^[A-Za-z_]/.test(name) ? name : `Model${name}`;
}

/** Wraps `name = Sequential(...)` lines into `def name(params): return Sequential(...)` for a model built by a function. */
export function asFactory(lines: string[], name: string, params: string[]): string[] {
  const [first, ...rest] = lines;
  const body = [`return ${first.slice(first.indexOf('=') + 1).trim()}`, ...rest];
  return [`def ${name}(${params.join(', ')}):`, ...body.map((l) => (l ? `    ${l}` : l))];
}

/** `classes: int = 10` → `classes`. */
export function parameterName(parameter: string): string {
  return parameter.split(/[:=]/)[0].trim();
}
