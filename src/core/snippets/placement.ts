/** Finds where new import lines go in a Python file: after the docstring, `__future__` and leading imports. */
import { parser } from '../python/parser';
import type { PythonAnalysis } from '../python/types';

/**
 * The offset (at a line start) where import lines should be inserted: after the module docstring and the
 * block of top-level imports at the head of the file, or at the top when there is neither.
 */
export function importInsertionOffset(text: string): number {
  const tree = parser.parse(text);
  let offset = 0;
  let first = true;
  for (let node = tree.topNode.firstChild; node; node = node.nextSibling) {
    if (node.name === 'Comment') continue;
    const isDocstring = first && node.name === 'ExpressionStatement' && node.firstChild?.name === 'String';
    const isImport = node.name === 'ImportStatement';
    first = false;
    if (!isDocstring && !isImport) break;
    offset = node.to;
  }
  if (offset === 0) return 0;
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
