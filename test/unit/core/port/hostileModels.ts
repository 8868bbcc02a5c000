/**
 * Hostile variants of a model source for the porter's write-safety tests: strings, keyword arguments and comments that
 * carry every line break Python's `str.splitlines()` knows (and control characters) around a call to a marker name,
 * other line ends, and Unicode names. A port of any of them must parse, and the marker must never become code.
 */
import type { SyntaxNode } from '@lezer/common';
import { findModels, portModel, type PortResult } from '../../../../src/core/port';
import { parser } from '../../../../src/core/python/parser';
import { applyEdits } from '../../../../src/core/rules/fixes';

/** The name a hostile string calls: if it ever reads as code in a port, text of the model became code. */
export const MARKER = 'FG_INJECTED';

/** Every break `str.splitlines()` splits on; only `\n`, `\r\n` and `\r` end a line for Python's tokenizer. */
export const LINE_BREAKS = ['\n', '\r\n', '\r', '\v', '\f', '\x1c', '\x1d', '\x1e', '\x85', '\u2028', '\u2029'];
const NOT_NEWLINES_FOR_PYTHON = LINE_BREAKS.filter((b) => !['\n', '\r\n', '\r'].includes(b));

export interface Mutant {
  /** `strings:\u2028`, `kwarg:\n`, `line-ends:\r`, … */
  kind: string;
  text: string;
  /** True when the mutation changes only comments or line ends: the port must then write the same code. */
  codeUnchanged: boolean;
}

const escapeName = (text: string): string => JSON.stringify(text).slice(1, -1);

function nodesNamed(text: string, names: ReadonlySet<string>): SyntaxNode[] {
  const found: SyntaxNode[] = [];
  parser.parse(text).iterate({
    enter: (node) => {
      if (names.has(node.name)) {
        found.push(node.node);
        return node.name !== 'String';
      }
      return true;
    },
  });
  return found;
}

/** A Python string literal whose value holds `brk` around a statement calling the marker. */
function hostileString(brk: string): string {
  // Inside triple quotes any break may stand raw; the statement after it must stay inside the string.
  return `"""x${brk}import os; ${MARKER}(os.system("true"))${brk}#"""`;
}

/** The variants of one model file (its own text first, as `original`). */
export function mutants(text: string): Mutant[] {
  const out: Mutant[] = [{ kind: 'original', text, codeUnchanged: true }];
  const strings = nodesNamed(text, new Set(['String']));
  const argLists = nodesNamed(text, new Set(['ArgList'])).filter((n) => n.to - n.from > 2);
  for (const brk of LINE_BREAKS) {
    const name = escapeName(brk);
    if (strings.length) out.push({ kind: `strings:${name}`, text: applyEdits(text, strings.map((s) => ({ from: s.from, to: s.to, text: hostileString(brk) }))), codeUnchanged: false });
    // An extra keyword argument in every call with arguments: a layer the porter must now refuse, quoting it.
    const spans = argLists.map((a) => ({ from: a.to - 1, to: a.to - 1, text: `, fg_hostile=${hostileString(brk)}` }));
    if (spans.length) out.push({ kind: `kwarg:${name}`, text: applyEdits(text, spans), codeUnchanged: false });
  }
  for (const brk of NOT_NEWLINES_FOR_PYTHON) {
    // A one-line string may hold these raw: Python reads on, an editor may show a new line.
    const single = `"same${brk}${MARKER}()${brk}#"`;
    if (strings.length) out.push({ kind: `one-line-strings:${escapeName(brk)}`, text: applyEdits(text, strings.map((s) => ({ from: s.from, to: s.to, text: single }))), codeUnchanged: false });
  }
  out.push({ kind: 'line-ends:\\r\\n', text: text.replace(/\n/g, '\r\n'), codeUnchanged: true });
  out.push({ kind: 'line-ends:\\r', text: text.replace(/\n/g, '\r'), codeUnchanged: true });
  for (const brk of NOT_NEWLINES_FOR_PYTHON) {
    // A comment that a break other than \n, \r\n and \r cannot end for Python: the marker stays a comment there.
    const commented = text
      .split('\n')
      .map((line) => (line.trim() && !line.trimEnd().endsWith('\\') && !line.includes('"""') && !line.includes("'''") ? `${line}  # note${brk}${MARKER}()` : line))
      .join('\n');
    out.push({ kind: `comments:${escapeName(brk)}`, text: commented, codeUnchanged: true });
  }
  if (strings.length) {
    const controls = `"\x1b[2J\x07\u202e\u2066${MARKER}"`;
    out.push({ kind: 'controls', text: applyEdits(text, strings.map((s) => ({ from: s.from, to: s.to, text: controls }))), codeUnchanged: false });
  }
  // Unicode identifiers: every model renamed, a letter outside ASCII added.
  let renamed = text;
  for (const model of findModels(text)) renamed = renamed.replace(new RegExp(`\\b${model.name}\\b`, 'g'), `${model.name}Ünï`);
  if (renamed !== text) out.push({ kind: 'unicode-names', text: renamed, codeUnchanged: false });
  return out;
}

/** Ports every model of a (mutated) source to the other framework; ports that fail say so and are skipped. */
export function portAll(text: string): PortResult[] {
  const results: PortResult[] = [];
  for (const model of findModels(text.replace(/\r\n?/g, '\n'))) {
    const outcome = portModel(text, { name: model.name }, { to: model.framework === 'pytorch' ? 'keras' : 'pytorch' });
    if (outcome.ok) results.push(outcome.result);
  }
  return results;
}

/**
 * What is wrong with generated code, as lezer reads it: syntax errors, the marker as a name in code, control
 * characters anywhere (a comment may show an escape for one, never the character).
 */
export function codeProblems(code: string): string[] {
  const problems: string[] = [];
  const controls = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/.exec(code);
  if (controls) problems.push(`control character U+${controls[0].charCodeAt(0).toString(16).padStart(4, '0')} at ${controls.index}`);
  if (code.includes('\r')) problems.push('a carriage return in the output');
  parser.parse(code).iterate({
    enter: (node) => {
      if (node.type.isError) problems.push(`syntax error at ${node.from}: ${JSON.stringify(code.slice(Math.max(0, node.from - 40), node.from + 40))}`);
      if (node.name === 'VariableName' && code.slice(node.from, node.to) === MARKER) problems.push(`the marker is code at ${node.from}`);
      return problems.length < 5;
    },
  });
  return problems;
}

/** The port's code without its comments, token by token: equal for two sources that differ only in comments. */
export function codeTokens(code: string): string {
  const tokens: string[] = [];
  parser.parse(code).iterate({
    enter: (node) => {
      if (node.name === 'Comment') return false;
      if (!node.node.firstChild || node.name === 'String') {
        if (node.to > node.from) tokens.push(code.slice(node.from, node.to));
        return false;
      }
      return true;
    },
  });
  return tokens.join(' ');
}
