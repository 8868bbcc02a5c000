/** Plans a snippet insertion against a file's existing imports: reuse its aliases, add only the missing import lines. */
import { parser } from '../python/parser';
import type { SyntaxNode } from '@lezer/common';
import type { PythonAnalysis } from '../python/types';
import { formatImport, importLocal, importTarget, maskSnippetSyntax } from './expand';
import type { SnippetVariant } from './types';

/** A name bound by an import in the file: local name → qualified target (`nn` → `torch.nn`). */
export interface ExistingBinding {
  local: string;
  target: string;
}

export interface InsertionContext {
  /** The file's import bindings (module scope). */
  bindings: readonly ExistingBinding[];
  /** Every name already bound in the file (imports, assignments, defs), if known. */
  boundNames?: ReadonlySet<string>;
}

export interface InsertionPlan {
  /** The snippet body (still snippet syntax) with its locals renamed to the file's aliases. */
  body: string;
  /** Import statements to add, in the order the snippet lists its imports. */
  importLines: string[];
}

/**
 * Qualified-name prefixes that name the same module. With TensorFlow ≥ 2.16 `tf.keras` is Keras 3,
 * so `from tensorflow import keras` satisfies a snippet written against `import keras`.
 */
const EQUIVALENT_PREFIXES: ReadonlyArray<readonly [string, string]> = [['tensorflow.keras', 'keras']];

function canonicalTarget(target: string): string {
  for (const [alias, canonical] of EQUIVALENT_PREFIXES) {
    if (target === alias || target.startsWith(`${alias}.`)) return canonical + target.slice(alias.length);
  }
  return target;
}

/** The module-level import bindings of an analysed file, in the shape `planInsertion` takes. */
export function bindingsFromAnalysis(analysis: Pick<PythonAnalysis, 'imports'>): ExistingBinding[] {
  return analysis.imports
    .filter((s) => s.scope === 'module' && !s.relative)
    .flatMap((s) => s.bindings)
    .filter((b) => b.local !== '*')
    .map((b) => ({ local: b.local, target: b.target }));
}

/** A `VariableName` that is a reference or binding of that name, not a keyword-argument label or attribute. */
function isRenameableName(node: SyntaxNode): boolean {
  if (node.prevSibling?.name === '.') return false;
  return !(node.parent?.name === 'ArgList' && node.nextSibling?.name === 'AssignOp');
}

/** Every renameable name in a snippet body, including those inside placeholder defaults. */
export function namesInSnippet(body: string): Set<string> {
  const names = new Set<string>();
  const { masked, placeholders } = maskSnippetSyntax(body);
  parser.parse(masked).iterate({
    enter(ref) {
      if (ref.name === 'VariableName' && isRenameableName(ref.node)) names.add(masked.slice(ref.from, ref.to));
    },
  });
  for (const p of placeholders) {
    if (p.innerTo > p.innerFrom) for (const n of namesInSnippet(body.slice(p.innerFrom, p.innerTo))) names.add(n);
  }
  return names;
}

/**
 * Renames locals in a snippet body with the Python tokenizer: only `VariableName` tokens, never
 * attributes after a dot, keyword-argument labels or text in strings. Placeholders are masked to
 * same-length identifiers for the parse, and their defaults (when code, not string content) are
 * renamed on their own, so tab stops survive intact.
 */
export function renameInSnippet(body: string, renames: ReadonlyMap<string, string>): string {
  if (renames.size === 0) return body;
  const { masked, placeholders } = maskSnippetSyntax(body);
  const edits: Array<{ from: number; to: number; text: string }> = [];
  const stringRanges: Array<{ from: number; to: number }> = [];
  parser.parse(masked).iterate({
    enter(ref) {
      if (ref.name === 'String' || ref.name === 'FormatString') {
        stringRanges.push({ from: ref.from, to: ref.to });
      } else if (ref.name === 'VariableName') {
        const replacement = renames.get(masked.slice(ref.from, ref.to));
        if (replacement !== undefined && isRenameableName(ref.node)) edits.push({ from: ref.from, to: ref.to, text: replacement });
      }
    },
  });
  for (const p of placeholders) {
    if (p.innerTo <= p.innerFrom || stringRanges.some((s) => s.from <= p.from && p.to <= s.to)) continue;
    const inner = body.slice(p.innerFrom, p.innerTo);
    const renamed = renameInSnippet(inner, renames);
    if (renamed !== inner) edits.push({ from: p.innerFrom, to: p.innerTo, text: renamed });
  }
  let out = body;
  for (const e of edits.sort((a, b) => b.from - a.from)) out = out.slice(0, e.from) + e.text + out.slice(e.to);
  return out;
}

function freshName(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(`${base}_`)) return `${base}_`;
  let i = 2;
  while (taken.has(`${base}_${i}`)) i++;
  return `${base}_${i}`;
}

/**
 * Decides, import by import, whether the file already provides what the snippet needs:
 * - same target under the same local → nothing to add;
 * - same target under another local (`import torch.nn as neural`) → the body uses the file's local;
 * - missing → one import line; if the snippet's local is taken by something else, under a fresh alias.
 * A target reachable only as an attribute (`torch.nn` with just `import torch`) counts as missing:
 * one extra `from torch import nn` line is simpler and clearer than rewriting `nn.` to `torch.nn.`.
 */
export function planInsertion(variant: SnippetVariant, context: InsertionContext): InsertionPlan {
  const renames = new Map<string, string>();
  const importLines: string[] = [];
  const bodyNames = namesInSnippet(variant.body);
  const taken = new Set<string>([...context.bindings.map((b) => b.local), ...(context.boundNames ?? [])]);

  for (const spec of variant.imports) {
    const local = importLocal(spec);
    const target = canonicalTarget(importTarget(spec));
    const sameTarget = context.bindings.filter((b) => canonicalTarget(b.target) === target);
    if (sameTarget.some((b) => b.local === local)) continue;

    const reusable = sameTarget.find((b) => !bodyNames.has(b.local));
    if (reusable) {
      renames.set(local, reusable.local);
      continue;
    }
    if (taken.has(local)) {
      const alias = freshName(local, new Set([...taken, ...bodyNames]));
      taken.add(alias);
      renames.set(local, alias);
      importLines.push(formatImport(spec, alias));
    } else {
      importLines.push(formatImport(spec));
    }
  }
  return { body: renameInSnippet(variant.body, renames), importLines };
}
