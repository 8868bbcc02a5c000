/**
 * Plans the edit of a "replace with" quick fix: the replacement API written through the file's own import
 * aliases (`tf.Session` → `tf.compat.v1.Session`, `F.sigmoid` → `torch.sigmoid`), plus an import line when
 * no existing binding reaches it, and a leading argument the replacement needs. Only drop-in replacements and
 * data-declared leading arguments get an edit; the caller checks that.
 */
import type { FrameworkReference, ImportStatement } from '../python/types';

export interface RenamePlan {
  /** Text that replaces the reference's whole span. */
  text: string;
  /** An import statement to add when no binding reaches the replacement, else undefined. */
  importLine?: string;
}

/** Module-level bindings, longest target first, so the most specific alias wins. */
function moduleBindings(imports: readonly ImportStatement[]): Array<{ local: string; target: string }> {
  return imports
    .filter((s) => s.scope === 'module' && !s.relative)
    .flatMap((s) => s.bindings)
    .filter((b) => b.local !== '*')
    .sort((a, b) => b.target.length - a.target.length);
}

/**
 * How to write `replacement` (a canonical qualified name) at `reference`. Prefers the alias the reference
 * itself is written with (its root local), then any module-level binding that is a prefix of the replacement,
 * then a new `import <top-level package>` line.
 */
export function planRename(reference: FrameworkReference, replacement: string, imports: readonly ImportStatement[]): RenamePlan {
  const written = reference.written.split('.');
  const qualified = reference.qualifiedName.split('.');
  // The reference's root local stands for the first (qualified.length - written.length + 1) segments.
  const rootTarget = qualified.slice(0, qualified.length - written.length + 1).join('.');
  const candidates = [{ local: written[0], target: rootTarget }, ...moduleBindings(imports)];
  for (const { local, target } of candidates) {
    if (replacement === target) return { text: local };
    if (replacement.startsWith(target + '.')) return { text: local + replacement.slice(target.length) };
  }
  const top = replacement.split('.')[0];
  return { text: replacement, importLine: `import ${top}` };
}

/** An insertion in the text's offsets. */
export interface ArgumentInsertion {
  at: number;
  text: string;
}

/**
 * Where a replacement's leading positional argument goes in the reference's call (`autocast(enabled=False)` →
 * `autocast("cuda", enabled=False)`), or undefined when the reference is not called or already passes
 * positional, `*args` or `**kwargs` arguments, whose meaning would shift.
 */
export function planLeadingArgument(reference: FrameworkReference, argument: string, text: string): ArgumentInsertion | undefined {
  const call = reference.callArguments;
  if (!call || call.positional > 0) return undefined;
  const at = call.span.from + 1;
  if (!reference.callKeywords?.length) return { at, text: argument };
  // Arguments laid out one per line keep that layout: no trailing space before the line break.
  return { at, text: /^\r?\n/.test(text.slice(at)) ? `${argument},` : `${argument}, ` };
}

/** The edit of a keyword-rename fix (`keep_dims=` → `keepdims=`): the keyword's name only, its value untouched. */
export function planKeywordRename(finding: { span: { from: number; to: number }; keywordRename?: { from: string; to: string } }): { from: number; to: number; text: string } | undefined {
  if (!finding.keywordRename) return undefined;
  return { from: finding.span.from, to: finding.span.to, text: finding.keywordRename.to };
}
