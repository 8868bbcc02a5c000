/**
 * Inline suppression: a `# framework-guide: ignore` comment silences every finding its line governs, and
 * `# framework-guide: ignore[FG-tensorflow.Session, ...]` only the listed rules. Reading and writing share one
 * rule for *which* line governs a finding, taken from the parse tree: the line the finding starts on, or, when
 * that line cannot end in a comment (it ends inside a string that spans lines, or with a `\` continuation),
 * the first line after it that can. Only real comments count, never text inside strings.
 */
import type { Tree } from '@lezer/common';
import { parser } from '../python/parser';

const MARKER = 'framework-guide: ignore';
const STRING_NODES = new Set(['String', 'FormatString']);

/** Rule ids a suppression comment lists; an empty set means "all rules". */
function parseSuppression(comment: string): Set<string> | undefined {
  const at = comment.indexOf(MARKER);
  if (at < 0) return undefined;
  const after = comment.slice(at + MARKER.length);
  // `ignore` must end the word: `# framework-guide: ignored for now` is not a suppression.
  if (after !== '' && !/^[\s[]/.test(after)) return undefined;
  const rest = after.trimStart();
  if (!rest.startsWith('[')) return new Set();
  const close = rest.indexOf(']');
  const list = rest.slice(1, close < 0 ? undefined : close);
  return new Set(list.split(',').map((s) => s.trim()).filter(Boolean));
}

/** Where the line holding `offset` starts: after `\n`, `\r\n` or a lone `\r` (the line ends LineIndex counts). */
function lineStartBefore(text: string, offset: number): number {
  let i = offset - 1;
  while (i >= 0 && text.charCodeAt(i) !== 0x0a && text.charCodeAt(i) !== 0x0d) i--;
  return i + 1;
}

function lineEndAfter(text: string, lineStart: number): number {
  let i = lineStart;
  while (i < text.length && text.charCodeAt(i) !== 0x0a && text.charCodeAt(i) !== 0x0d) i++;
  return i;
}

/** An edit in the text's own offsets: replace `from..to` with `insert`. */
export interface SuppressionEdit {
  from: number;
  to: number;
  insert: string;
}

/** The suppressions of one text; the full parse happens on first need (never for a text without the marker). */
export class Suppressions {
  private tree: Tree | undefined;
  private readonly byLineEnd = new Map<number, Set<string> | null>();
  private readonly hasMarker: boolean;

  constructor(private readonly text: string) {
    this.hasMarker = text.includes(MARKER);
  }

  /** True when the finding with `ruleId` at `offset` is suppressed by the comment on the line that governs it. */
  isSuppressed(offset: number, ruleId: string): boolean {
    if (!this.hasMarker) return false;
    const end = this.governingLineEnd(offset);
    if (end === undefined) return false;
    let rules = this.byLineEnd.get(end);
    if (rules === undefined) {
      rules = this.commentAt(end)?.rules ?? null;
      this.byLineEnd.set(end, rules);
    }
    return rules !== null && (rules.size === 0 || rules.has(ruleId));
  }

  /**
   * The edit that suppresses `ruleId` for the finding at `offset`: a new comment at the end of the governing
   * line, the rule added to a suppression list already there, or the marker appended to another comment.
   * Undefined when no line can take a comment or the rule is already suppressed.
   */
  edit(offset: number, ruleId: string): SuppressionEdit | undefined {
    const end = this.governingLineEnd(offset);
    if (end === undefined) return undefined;
    const comment = this.commentAt(end);
    if (comment?.rules) {
      if (comment.rules.size === 0 || comment.rules.has(ruleId)) return undefined;
      const text = this.text.slice(comment.from, comment.to);
      const open = text.indexOf('[', text.indexOf(MARKER) + MARKER.length);
      const close = text.indexOf(']', open);
      if (open >= 0 && close >= 0) {
        const at = comment.from + close;
        return { from: at, to: at, insert: `${this.text.slice(comment.from + open + 1, at).trim() ? ', ' : ''}${ruleId}` };
      }
    }
    return { from: end, to: end, insert: `  # ${MARKER}[${ruleId}]` };
  }

  /** End offset (before `\n`, `\r\n` or `\r`) of the line whose comment governs `offset`; undefined if none can. */
  governingLineEnd(offset: number): number | undefined {
    let start = lineStartBefore(this.text, offset);
    for (;;) {
      const end = lineEndAfter(this.text, start);
      if (this.canEndInComment(end)) return end;
      if (end >= this.text.length) return undefined;
      start = end + (this.text.startsWith('\r\n', end) ? 2 : 1);
    }
  }

  private parsed(): Tree {
    this.tree ??= parser.parse(this.text);
    return this.tree;
  }

  /** A line can end in a comment unless its end lies inside a string or follows a `\` continuation. */
  private canEndInComment(end: number): boolean {
    const tree = this.parsed();
    for (let node: ReturnType<Tree['resolveInner']> | null = tree.resolveInner(end, 0); node; node = node.parent) {
      if (STRING_NODES.has(node.name) && node.from < end && node.to > end) return false;
    }
    if (end > 0 && this.text[end - 1] === '\\') {
      // A backslash in a comment or a string is text; anywhere else it joins the next line to this one.
      const at = tree.resolveInner(end - 1, 1);
      if (at.name !== 'Comment' && !STRING_NODES.has(at.name)) return false;
    }
    return true;
  }

  /** The comment ending the line that ends at `end`, with the rules it suppresses (undefined: no marker). */
  private commentAt(end: number): { from: number; to: number; rules: Set<string> | undefined } | undefined {
    const start = lineStartBefore(this.text, end);
    let found: { from: number; to: number; rules: Set<string> | undefined } | undefined;
    this.parsed().iterate({
      from: start,
      to: end,
      enter: (node) => {
        if (node.name === 'Comment' && node.from >= start) found = { from: node.from, to: node.to, rules: parseSuppression(this.text.slice(node.from, node.to)) };
      },
    });
    return found;
  }
}
