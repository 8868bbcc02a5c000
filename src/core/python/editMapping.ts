/**
 * What changed between two versions of a text, found by comparing them (one range between the common prefix and
 * suffix), and an analysis of the older version made to answer in the newer one's offsets while the newer one is
 * still being analysed.
 */
import type { ChangedRange } from '@lezer/common';
import type { FrameworkReference, ImportStatement, PythonAnalysis, Span, SymbolAtPosition } from './types';

const COMPARE_CHUNK = 4096;

/**
 * The one range that turns `before` into `after`, or undefined when they are equal. Comparing the texts, instead of
 * trusting edit events, keeps it right when versions were skipped or events came out of order; any valid range is
 * enough for tree reuse, and typing touches one place at a time.
 */
export function changedRange(before: string, after: string): ChangedRange | undefined {
  if (before === after) return undefined;
  const shorter = Math.min(before.length, after.length);
  // Whole chunks first (a native comparison of two slices), then code unit by code unit: ~10× faster on large files.
  let prefix = 0;
  while (prefix + COMPARE_CHUNK <= shorter && before.slice(prefix, prefix + COMPARE_CHUNK) === after.slice(prefix, prefix + COMPARE_CHUNK)) prefix += COMPARE_CHUNK;
  while (prefix < shorter && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  const maxSuffix = shorter - prefix;
  let suffix = 0;
  while (suffix + COMPARE_CHUNK <= maxSuffix && before.slice(before.length - suffix - COMPARE_CHUNK, before.length - suffix) === after.slice(after.length - suffix - COMPARE_CHUNK, after.length - suffix)) suffix += COMPARE_CHUNK;
  while (suffix < maxSuffix && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  return { fromA: prefix, toA: before.length - suffix, fromB: prefix, toB: after.length - suffix };
}

/** How much longer the text is after the edit `range` than before it (negative when it got shorter). */
export function lengthChange(range: ChangedRange): number {
  return range.toB - range.fromB - (range.toA - range.fromA);
}

/**
 * One range covering two edits made one after the other: `first` turns text A into B, `second` turns B into C.
 * Everything outside the result is the same text in A and C, only moved. Both start at the same offset in their old
 * and new text (as changedRange's ranges and single edits do), and so does the result.
 */
export function composeRanges(first: ChangedRange, second: ChangedRange): ChangedRange {
  const firstDelta = lengthChange(first);
  const secondDelta = lengthChange(second);
  // In B: from the earlier start to the later end of the two; outside that, both edits leave the text alone.
  const from = Math.min(first.fromB, second.fromA);
  const to = Math.max(first.toB, second.toA);
  return { fromA: from, toA: to - firstDelta, fromB: from, toB: to + secondDelta };
}

/**
 * `previous` seen through the edit `range`: positions and spans move with the text after the edit; anything that
 * touches the edited range is left out (its meaning may have changed). The rest answers as the previous version did,
 * which is what a hover shows for the few milliseconds until the new analysis lands.
 */
export class MappedAnalysis implements PythonAnalysis {
  readonly frameworks;
  readonly hasSyntaxErrors;
  private mappedReferences?: FrameworkReference[];
  private mappedImports?: ImportStatement[];
  private readonly delta: number;
  private newText: string | (() => string);

  /** `text` may be a function: a hover that reads only `symbolAt` then never materialises the document's text. */
  constructor(
    private readonly previous: PythonAnalysis,
    private readonly range: ChangedRange,
    text: string | (() => string),
  ) {
    this.frameworks = previous.frameworks;
    this.hasSyntaxErrors = previous.hasSyntaxErrors;
    this.delta = lengthChange(range);
    this.newText = text;
  }

  get text(): string {
    if (typeof this.newText === 'function') this.newText = this.newText();
    return this.newText;
  }

  /** The span in the new text, or undefined when it touches the edit (an end at the edit counts: a word being typed). */
  private forward(span: Span): Span | undefined {
    if (span.to < this.range.fromA) return span;
    if (span.from > this.range.toA) return { from: span.from + this.delta, to: span.to + this.delta };
    return undefined;
  }

  symbolAt(offset: number): SymbolAtPosition | undefined {
    let old: number;
    if (offset < this.range.fromB) old = offset;
    else if (offset > this.range.toB) old = offset - this.delta;
    else return undefined;
    const symbol = this.previous.symbolAt(old);
    const span = symbol && this.forward(symbol.span);
    return symbol && span ? { ...symbol, span } : undefined;
  }

  get references(): readonly FrameworkReference[] {
    this.mappedReferences ??= this.previous.references.flatMap((r) => {
      const span = this.forward(r.span);
      const lastSegment = this.forward(r.lastSegment);
      if (!span || !lastSegment) return [];
      const mapped: FrameworkReference = { ...r, span, lastSegment };
      // Keywords lie after the chain, so one touching the edit drops the whole reference.
      if (r.callKeywords) {
        const keywords = r.callKeywords.map((k) => ({ name: k.name, span: this.forward(k.span) }));
        if (keywords.some((k) => !k.span)) return [];
        mapped.callKeywords = keywords as Array<{ name: string; span: Span }>;
      }
      if (r.callArguments) {
        const list = this.forward(r.callArguments.span);
        // An edit inside the parentheses leaves the argument list unknown until the next analysis (no argument fix
        // meanwhile); otherwise the items, relative to the list, are shared.
        if (!list) delete mapped.callArguments;
        else mapped.callArguments = { span: list, positional: r.callArguments.positional, items: r.callArguments.items };
      }
      return [mapped];
    });
    return this.mappedReferences;
  }

  get imports(): readonly ImportStatement[] {
    this.mappedImports ??= this.previous.imports.flatMap((i) => {
      // A statement's bindings lie inside it: when the statement is clear of the edit, so are they.
      const span = this.forward(i.span);
      if (!span) return [];
      const shift = span.from - i.span.from;
      const move = (s: Span): Span => ({ from: s.from + shift, to: s.to + shift });
      return [{ ...i, span, bindings: i.bindings.map((b) => ({ ...b, span: move(b.span), ...(b.aliasSpan ? { aliasSpan: move(b.aliasSpan) } : {}) })) }];
    });
    return this.mappedImports;
  }
}
