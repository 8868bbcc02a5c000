/** Reads VS Code snippet syntax: fills in defaults for plain Python, masks it for parsing, and emits `contributes.snippets`. */
import type { ImportSpec, SnippetTask, SnippetVariant } from './types';

/** One piece of a parsed snippet body; `from`/`to` are offsets into the snippet source. */
export type SnippetNode =
  | { kind: 'text'; value: string; from: number; to: number }
  /** `$1`, `${1}` (no children) or `${1:default}`; `innerFrom`/`innerTo` bound the default's source. */
  | { kind: 'placeholder'; index: number; children: SnippetNode[]; from: number; to: number; innerFrom: number; innerTo: number }
  | { kind: 'choice'; index: number; options: string[]; from: number; to: number }
  | { kind: 'variable'; name: string; children: SnippetNode[]; from: number; to: number };

const DIGITS = /[0-9]/;
const VAR_START = /[_a-zA-Z]/;
const VAR_PART = /[_a-zA-Z0-9]/;

/** Parses snippet syntax the way VS Code does; malformed `$` constructs stay literal text. */
export function parseSnippet(source: string): SnippetNode[] {
  let pos = 0;

  function readWhile(re: RegExp): string {
    const start = pos;
    while (pos < source.length && re.test(source[pos])) pos++;
    return source.slice(start, pos);
  }

  function parseChoiceOptions(): string[] | undefined {
    const options: string[] = [];
    let current = '';
    while (pos < source.length) {
      const c = source[pos];
      if (c === '\\' && pos + 1 < source.length && '$}\\,|'.includes(source[pos + 1])) {
        current += source[pos + 1];
        pos += 2;
      } else if (c === ',') {
        options.push(current);
        current = '';
        pos++;
      } else if (c === '|' && source[pos + 1] === '}') {
        options.push(current);
        pos += 2;
        return options;
      } else {
        current += c;
        pos++;
      }
    }
    return undefined;
  }

  /** Tries to read a `$…` construct at `pos`; returns undefined (pos unchanged) when it is literal. */
  function parseDollar(): SnippetNode | undefined {
    const from = pos;
    pos++; // '$'
    if (pos < source.length && DIGITS.test(source[pos])) {
      const index = Number(readWhile(DIGITS));
      return { kind: 'placeholder', index, children: [], from, to: pos, innerFrom: pos, innerTo: pos };
    }
    if (pos < source.length && VAR_START.test(source[pos])) {
      const name = readWhile(VAR_PART);
      return { kind: 'variable', name, children: [], from, to: pos };
    }
    if (source[pos] !== '{') {
      pos = from;
      return undefined;
    }
    pos++;
    const isIndex = pos < source.length && DIGITS.test(source[pos]);
    const head = isIndex ? readWhile(DIGITS) : VAR_START.test(source[pos] ?? '') ? readWhile(VAR_PART) : '';
    if (!head) {
      pos = from;
      return undefined;
    }
    const next = source[pos];
    if (next === '}') {
      pos++;
      return isIndex
        ? { kind: 'placeholder', index: Number(head), children: [], from, to: pos, innerFrom: pos - 1, innerTo: pos - 1 }
        : { kind: 'variable', name: head, children: [], from, to: pos };
    }
    if (next === ':') {
      pos++;
      const innerFrom = pos;
      const children = parseNodes(true);
      if (source[pos] !== '}') {
        pos = from;
        return undefined;
      }
      const innerTo = pos;
      pos++;
      return isIndex
        ? { kind: 'placeholder', index: Number(head), children, from, to: pos, innerFrom, innerTo }
        : { kind: 'variable', name: head, children, from, to: pos };
    }
    if (next === '|' && isIndex) {
      pos++;
      const options = parseChoiceOptions();
      if (!options) {
        pos = from;
        return undefined;
      }
      return { kind: 'choice', index: Number(head), options, from, to: pos };
    }
    if (next === '/' && !isIndex) {
      // A variable transform `${VAR/regex/format/options}`: it never has a default of its own.
      while (pos < source.length && source[pos] !== '}') pos += source[pos] === '\\' ? 2 : 1;
      if (pos >= source.length) {
        pos = from;
        return undefined;
      }
      pos++;
      return { kind: 'variable', name: head, children: [], from, to: pos };
    }
    pos = from;
    return undefined;
  }

  function parseNodes(insidePlaceholder: boolean): SnippetNode[] {
    const nodes: SnippetNode[] = [];
    let text = '';
    let textFrom = pos;
    const flush = (): void => {
      if (pos > textFrom) nodes.push({ kind: 'text', value: text, from: textFrom, to: pos });
      text = '';
    };
    while (pos < source.length) {
      const c = source[pos];
      if (c === '\\' && pos + 1 < source.length && '$}\\'.includes(source[pos + 1])) {
        text += source[pos + 1];
        pos += 2;
      } else if (c === '$') {
        const start = pos;
        const node = parseDollar();
        if (node) {
          const end = pos;
          pos = start;
          flush();
          nodes.push(node);
          pos = end;
          textFrom = pos;
        } else {
          text += c;
          pos++;
        }
      } else if (c === '}' && insidePlaceholder) {
        break;
      } else {
        text += c;
        pos++;
      }
    }
    flush();
    return nodes;
  }

  return parseNodes(false);
}

function renderDefaults(nodes: readonly SnippetNode[]): string {
  return nodes
    .map((n) => {
      switch (n.kind) {
        case 'text':
          return n.value;
        case 'placeholder':
          return renderDefaults(n.children);
        case 'choice':
          return n.options[0] ?? '';
        case 'variable':
          // Editor variables ($TM_FILENAME, …) have no value outside an editor: keep only an explicit default.
          return renderDefaults(n.children);
      }
    })
    .join('');
}

/** Snippet syntax → plain Python: placeholders become their defaults, choices their first option, escapes resolved. */
export function fillDefaults(body: string): string {
  return renderDefaults(parseSnippet(body));
}

/** Escapes plain text so that it reads literally inside a snippet body. */
export function escapeSnippetText(text: string): string {
  return text.replace(/[\\$}]/g, (c) => `\\${c}`);
}

/** A top-level placeholder and where its default's source lies. */
export interface MaskedPlaceholder {
  from: number;
  to: number;
  innerFrom: number;
  innerTo: number;
}

/**
 * Replaces every snippet construct (and every escape) by an identifier of the same length, so the
 * body parses as Python with offsets unchanged. Identifiers made only of `_` never clash with real names.
 */
export function maskSnippetSyntax(body: string): { masked: string; placeholders: MaskedPlaceholder[] } {
  const nodes = parseSnippet(body);
  const placeholders: MaskedPlaceholder[] = [];
  let masked = '';
  for (const n of nodes) {
    if (n.kind === 'text') {
      masked += body.slice(n.from, n.to).replace(/\\[\\$}]/g, '__');
    } else {
      masked += '_'.repeat(n.to - n.from);
      if (n.kind === 'placeholder') placeholders.push({ from: n.from, to: n.to, innerFrom: n.innerFrom, innerTo: n.innerTo });
    }
  }
  return { masked, placeholders };
}

/** The local name an import binds: `import numpy as np` → np; `from torch import nn` → nn; `import torch.nn` → torch. */
export function importLocal(spec: ImportSpec): string {
  return spec.alias ?? spec.name ?? spec.module.split('.')[0];
}

/** The qualified name the local refers to: `from torch import nn` → torch.nn; `import torch.nn` → torch. */
export function importTarget(spec: ImportSpec): string {
  if (spec.name) return `${spec.module}.${spec.name}`;
  return spec.alias ? spec.module : spec.module.split('.')[0];
}

/** One Python import statement for `spec`, optionally under another local name. */
export function formatImport(spec: ImportSpec, local = importLocal(spec)): string {
  if (spec.name) return `from ${spec.module} import ${spec.name}${local !== spec.name ? ` as ${local}` : ''}`;
  const natural = spec.module.split('.')[0];
  return `import ${spec.module}${local !== natural || spec.alias ? ` as ${local}` : ''}`;
}

/** The variant's body with its import lines at the top, still in snippet syntax. */
export function withImportLines(variant: SnippetVariant): string {
  const lines = variant.imports.map((spec) => escapeSnippetText(formatImport(spec)));
  return lines.length ? `${lines.join('\n')}\n\n${variant.body}` : variant.body;
}

export interface VsCodeSnippet {
  prefix: string[];
  body: string[];
  description: string;
}

const FRAMEWORK_LABEL = { tensorflow: 'TensorFlow/Keras', pytorch: 'PyTorch' } as const;

/**
 * The catalog as a `contributes.snippets` file. Completion snippets cannot add imports elsewhere in
 * the file, so each body starts with its own import lines.
 */
export function toVsCodeSnippets(catalog: readonly SnippetTask[]): Record<string, VsCodeSnippet> {
  const out: Record<string, VsCodeSnippet> = {};
  for (const task of catalog) {
    for (const variant of [task.tensorflow, task.pytorch]) {
      const prefix = variant.framework === 'tensorflow' ? [`tf-${task.id}`, `keras-${task.id}`] : [`torch-${task.id}`];
      const requires = variant.requires ? ` (requires ${variant.requires})` : '';
      out[`${task.title} (${FRAMEWORK_LABEL[variant.framework]})`] = {
        prefix,
        body: withImportLines(variant).split('\n'),
        description: `${task.title}, ${FRAMEWORK_LABEL[variant.framework]}${requires}. ${plainText(task.differences)}`,
      };
    }
  }
  return out;
}

/** Catalog prose without its markdown code marks, for places that show plain text (pickers, completion details). */
export function plainText(markdown: string): string {
  return markdown.replace(/`([^`]*)`/g, '$1');
}

/** What one variant uses, in plain text: its first APIs and minimum version (how it differs from its pair). */
export function variantSummary(variant: SnippetVariant, maxApis = 4): string {
  const apis = variant.apis.slice(0, maxApis).join(', ') + (variant.apis.length > maxApis ? ', …' : '');
  return [`Uses ${apis}`, variant.requires ? `requires ${variant.requires}` : undefined].filter(Boolean).join(' · ');
}
