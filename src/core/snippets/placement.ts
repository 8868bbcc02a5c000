/** Finds where new import lines go in a Python file or cell: after magics, shebang, cookie, docstring, `__future__` and leading imports. */
import { parser } from '../python/parser';
import type { PythonAnalysis } from '../python/types';

/** PEP 263: an encoding declaration is a comment on line 1 or 2 of this form (the PEP's own pattern). */
const CODING_COOKIE = /^[ \t\f]*#.*?coding[:=][ \t]*[-\w.]+/;
/** An IPython cell magic (`%%capture`, `%%time`): it must stay the cell's first line. */
const CELL_MAGIC = /^[ \t]*%%/;

/**
 * The end of the lines nothing may go above: a notebook cell's `%%` magic line, or a shebang and an encoding
 * cookie (line 1 and 2 only: Python reads the cookie nowhere else, so an import above it breaks a latin-1 file).
 */
function headerEnd(text: string): number {
  const lines = text.split('\n', 2);
  const after = (count: number) => Math.min(text.length, lines.slice(0, count).reduce((n, l) => n + l.length + 1, 0));
  if (CELL_MAGIC.test(lines[0])) return after(1);
  if (lines.length > 1 && CODING_COOKIE.test(lines[1])) return after(2);
  if (lines[0].startsWith('#!') || CODING_COOKIE.test(lines[0])) return after(1);
  return 0;
}

/**
 * The offset (at a line start) where import lines should be inserted: after a cell magic, shebang and encoding
 * cookie, then after the module docstring and the block of top-level imports (`from __future__` included) at
 * the head of the file.
 */
export function importInsertionOffset(text: string): number {
  const head = headerEnd(text);
  // The magic line is not Python: parse with it blanked, so offsets stay those of `text`.
  const parsed = head > 0 && CELL_MAGIC.test(text) ? text.slice(0, head).replace(/[^\r\n]/g, ' ') + text.slice(head) : text;
  const tree = parser.parse(parsed);
  let offset = head;
  let first = true;
  for (let node = tree.topNode.firstChild; node; node = node.nextSibling) {
    if (node.name === 'Comment' || node.to <= head) continue;
    const isDocstring = first && node.name === 'ExpressionStatement' && node.firstChild?.name === 'String';
    const isImport = node.name === 'ImportStatement';
    first = false;
    if (!isDocstring && !isImport) break;
    offset = node.to;
  }
  if (offset === head) return head;
  const newline = text.indexOf('\n', offset);
  return newline < 0 ? text.length : newline + 1;
}

/** One import statement of a code block, with the local → target pairs it binds. */
export interface ImportLine {
  text: string;
  bindings: Array<{ local: string; target: string }>;
}

/** Splits a code block into its top-level import statements and the rest (kept in order, imports removed). */
export function splitImports(code: string, analysis: Pick<PythonAnalysis, 'imports'>): { imports: ImportLine[]; rest: string } {
  const statements = analysis.imports.filter((s) => s.scope === 'module' && !s.conditional);
  const imports = statements.map((s) => ({ text: code.slice(s.span.from, s.span.to), bindings: s.bindings.map((b) => ({ local: b.local, target: b.target })) }));
  let rest = '';
  let last = 0;
  for (const s of statements) {
    rest += code.slice(last, s.span.from);
    last = s.span.to;
    if (code.startsWith('\r\n', last)) last += 2;
    else if (code[last] === '\n') last++;
  }
  rest += code.slice(last);
  return { imports, rest: rest.replace(/^\s*\n/, '') };
}
