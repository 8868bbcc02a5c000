/**
 * Analyses Python source for TensorFlow/Keras and PyTorch references: one lezer parse, one tree walk, then an
 * import-aware reference list and a sorted segment index for position queries.
 *
 * Why @lezer/python (measured on this machine, Node 20; bench/analyze.ts prints the full table):
 * - Speed: parsing alone runs at ~3.9 MB/s on generated TF/PyTorch code (10k lines, 349 KB, in ~91 ms);
 *   parse + walk + resolution runs at ~2.7 MB/s, over twice CPython's own `ast.parse` + walk (~1.2 MB/s) in
 *   the same benchmark. symbolAt is a binary search: p99 ~1–4 µs up to 100k lines.
 * - Size: @lezer/python with @lezer/lr and @lezer/common is 90 KB minified (33 KB gzipped); this whole module
 *   is 109 KB minified. No WASM, no native code and no async start-up, so the same code runs in the Node
 *   extension host, a browser web worker (vscode.dev) and the CLI. tree-sitter would need a WASM runtime and
 *   grammar several times that size, loaded asynchronously.
 * - Error recovery: lezer always returns a tree covering the whole text. With one `)` deleted on every 50th
 *   line of that file (201 breaks), it produced 305 error nodes (⚠) and kept the statements around them, which
 *   matters in an editor, where the file is mid-edit most of the time. It also reuses trees across edits
 *   (TreeFragment) and parses in bounded slices (`startParse().advance()`); both are used below.
 */
import { TimeBudget, TimeBudgetExceeded } from '../budget';
import { TreeFragment, type ChangedRange, type Tree } from '@lezer/common';
import { parser } from './parser';
import { indexRuns, referencesOf, symbolAtInRuns, type ChainRun } from './chainRuns';
import { flattenDeepNesting } from './deepNesting';
import { drain, now } from '../steps';
import { walkAfterEdit, walkWhole, type WalkResult } from './incrementalWalk';
import type { FrameworkReference, FrameworkRoot, ImportStatement, PythonAnalysis, SymbolAtPosition } from './types';

export interface AnalyzeOptions {
  /** Texts above this many UTF-8 bytes are not parsed (`skipped: 'too-large'`). Default 2,000,000. */
  maxBytes?: number;
  /** A time limit: the parse and the walk check it between steps and throw TimeBudgetExceeded once it has passed. */
  budget?: TimeBudget;
}

export interface AsyncAnalyzeOptions extends AnalyzeOptions {
  /** Checked after each slice; returning true abandons the analysis (the promise resolves to undefined). */
  shouldStop?: () => boolean;
  /** Longest synchronous slice in milliseconds. Default 20. */
  yieldEvery?: number;
  /** How to give the thread back between slices. Default: a `setTimeout(0)` promise (Node and browsers). */
  yieldFn?: () => Promise<void>;
}

/** An edit of the previous text: `[from, to)` in the old text replaced by `insertedLength` code units. */
export interface TextChange {
  from: number;
  to: number;
  insertedLength: number;
}

export const DEFAULT_MAX_BYTES = 2_000_000;

/** The analysis of a text that was not parsed: every list empty, every position undefined. */
function emptyAnalysis(text: string, skipped: 'too-large' | 'error'): PythonAnalysis {
  return { text, imports: [], references: [], frameworks: new Set(), hasSyntaxErrors: false, skipped, symbolAt: () => undefined };
}

/** UTF-8 length without encoding the string; stops counting once past `limit`. */
export function exceedsUtf8Bytes(text: string, limit: number): boolean {
  if (text.length > limit) return true;
  if (text.length * 3 <= limit) return false;
  let bytes = 0;
  for (let i = 0; i < text.length && bytes <= limit; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes > limit;
}

/** The result object: imports as walked, references built when first read, `symbolAt` a search of the chain runs. */
class Analysis implements PythonAnalysis {
  private referenceList?: readonly FrameworkReference[];

  constructor(
    readonly text: string,
    readonly imports: readonly ImportStatement[],
    private readonly runs: readonly ChainRun[],
    readonly frameworks: ReadonlySet<FrameworkRoot>,
    readonly hasSyntaxErrors: boolean,
  ) {}

  /** Built on first read: a hover never needs them, and after an edit most of them only moved. */
  get references(): readonly FrameworkReference[] {
    this.referenceList ??= referencesOf(this.runs);
    return this.referenceList;
  }

  symbolAt(offset: number): SymbolAtPosition | undefined {
    return symbolAtInRuns(this.runs, offset);
  }
}

/** The previous version's walk and the edit from its text to this one: what lets a walk skip unchanged statements. */
export interface PreviousWalk {
  walk: WalkResult;
  range: ChangedRange;
}

/** The walk of `tree` in steps: after an edit only the statements it touched, else (or when that is not enough) all. */
function* walkSteps(tree: Tree, text: string, previous: PreviousWalk | undefined, out: { result?: WalkResult }): Generator<void, void, void> {
  if (previous) yield* walkAfterEdit(tree, text, previous.walk, previous.range, out);
  if (!out.result) yield* walkWhole(tree, text, out);
}

function walkAtOnce(tree: Tree, text: string, previous?: PreviousWalk, budget?: TimeBudget): WalkResult {
  const out: { result?: WalkResult } = {};
  // Synchronous callers take every step at once; the slices only matter to analyzeInSlices.
  drain(walkSteps(tree, text, previous, out), budget && (() => budget.check()));
  return out.result as WalkResult;
}

function analysisOf(text: string, walk: WalkResult): PythonAnalysis {
  return new Analysis(text, walk.imports, walk.runs, walk.frameworks, walk.hasSyntaxErrors);
}

/** Analyses an already parsed tree of `text`. */
export function analyzeTree(text: string, tree: Tree, budget?: TimeBudget): PythonAnalysis {
  return analysisOf(text, walkAtOnce(tree, text, undefined, budget));
}

/** `parser.parse(text)`, advancing step by step so a time budget is checked in between. */
export function parseWithin(text: string, budget: TimeBudget | undefined): Tree {
  if (!budget) return parser.parse(text);
  const parse = parser.startParse(text);
  for (;;) {
    const tree = parse.advance();
    if (tree) return tree;
    budget.check();
  }
}

/**
 * The last resort after a failed analysis: lezer's tree building recurses per nesting level and overflows the
 * stack on thousands of nested brackets, so parse again with those brackets blanked (offsets unchanged).
 */
function analyzeAfterFailure(text: string): PythonAnalysis {
  try {
    const flattened = flattenDeepNesting(text);
    if (flattened === text) return emptyAnalysis(text, 'error');
    const analysis = analyzeTree(flattened, parser.parse(flattened));
    return {
      text,
      imports: analysis.imports,
      references: analysis.references,
      frameworks: analysis.frameworks,
      hasSyntaxErrors: true,
      symbolAt: (offset: number) => analysis.symbolAt(offset),
    };
  } catch {
    return emptyAnalysis(text, 'error');
  }
}

/** Analyses `text`; never throws, but for TimeBudgetExceeded when `options.budget` runs out. */
export function analyzePython(text: string, options: AnalyzeOptions = {}): PythonAnalysis {
  if (exceedsUtf8Bytes(text, options.maxBytes ?? DEFAULT_MAX_BYTES)) return emptyAnalysis(text, 'too-large');
  try {
    return analyzeTree(text, parseWithin(text, options.budget), options.budget);
  } catch (err) {
    if (err instanceof TimeBudgetExceeded) throw err;
    return analyzeAfterFailure(text);
  }
}

const defaultYield = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
/** `advance()` does one small parse step; reading the clock after each would cost more than the steps. */
const ADVANCES_PER_CLOCK_CHECK = 64;

/** An analysis with the fragments of its tree and its walk, which the next version's parse and walk can reuse. */
export interface ParsedAnalysis {
  analysis: PythonAnalysis;
  fragments: readonly TreeFragment[];
  /** Undefined when the analysis failed or was skipped. */
  walk?: WalkResult;
}

/**
 * `analyzePythonAsync` that also takes the previous version's fragments (already moved through the edit with
 * TreeFragment.applyChanges) and returns this version's, so a large document is parsed incrementally and in slices.
 */
export async function analyzeInSlices(text: string, options: AsyncAnalyzeOptions = {}, fragments: readonly TreeFragment[] = [], previous?: PreviousWalk): Promise<ParsedAnalysis | undefined> {
  if (exceedsUtf8Bytes(text, options.maxBytes ?? DEFAULT_MAX_BYTES)) return { analysis: emptyAnalysis(text, 'too-large'), fragments: [] };
  const yieldEvery = options.yieldEvery ?? 20;
  const yieldFn = options.yieldFn ?? defaultYield;
  const shouldStop = options.shouldStop ?? (() => false);
  try {
    const parse = parser.startParse(text, fragments);
    let tree: Tree | null = null;
    let sliceEnd = now() + yieldEvery;
    for (let steps = 1; !tree; steps++) {
      tree = parse.advance();
      if (tree || steps % ADVANCES_PER_CLOCK_CHECK !== 0 || now() < sliceEnd) continue;
      await yieldFn();
      if (shouldStop()) return undefined;
      sliceEnd = now() + yieldEvery;
    }
    const walked: { result?: WalkResult } = {};
    // The walk, the resolution and the segment index of new chains: all in steps, so none holds the thread for longer
    // than a slice (and the first hover after it finds the index built).
    const parts: Array<() => Generator<void, void, void>> = [() => walkSteps(tree as Tree, text, previous, walked), () => indexRuns((walked.result as WalkResult).runs)];
    for (const part of parts) {
      const steps = part();
      while (!steps.next().done) {
        if (now() < sliceEnd) continue;
        await yieldFn();
        if (shouldStop()) return undefined;
        sliceEnd = now() + yieldEvery;
      }
    }
    const walk = walked.result as WalkResult;
    return { analysis: analysisOf(text, walk), fragments: TreeFragment.addTree(tree), walk };
  } catch {
    return { analysis: analyzeAfterFailure(text), fragments: [] };
  }
}

/**
 * Analyses `text` in slices of at most about `yieldEvery` ms, giving the thread back in between, so a large
 * file never blocks an extension host or worker. Resolves to undefined when `shouldStop` says so; never rejects.
 */
export async function analyzePythonAsync(text: string, options: AsyncAnalyzeOptions = {}): Promise<PythonAnalysis | undefined> {
  return (await analyzeInSlices(text, options))?.analysis;
}

/**
 * `text` analysed at once, reusing `fragments` of the previous version's tree where the edit left them intact, and the
 * previous walk for the statements the edit did not touch.
 */
export function analyzeWithFragments(text: string, fragments: readonly TreeFragment[] = [], previous?: PreviousWalk): ParsedAnalysis {
  try {
    const tree = parser.parse(text, fragments);
    const walk = walkAtOnce(tree, text, previous);
    return { analysis: analysisOf(text, walk), fragments: TreeFragment.addTree(tree), walk };
  } catch {
    return { analysis: analyzeAfterFailure(text), fragments: [] };
  }
}

interface CacheEntry {
  version: number;
  text: string;
  analysis: PythonAnalysis;
  fragments: readonly TreeFragment[];
  walk?: WalkResult;
}

/**
 * Analyses per document (key) and version, least recently used first out. A new version parses once,
 * reusing the previous tree where the edits left it intact when they are given.
 */
export class AnalysisCache {
  /** Parses done so far; tests assert "once per version" with it. */
  parseCount = 0;
  private readonly entries = new Map<string, CacheEntry>();

  constructor(
    private readonly capacity = 32,
    private readonly options: AnalyzeOptions = {},
  ) {}

  /**
   * The analysis of `text`, which is version `version` of document `key`. `changes` are the edits from the
   * cached version to this one, all in the old text's offsets and not overlapping (VS Code's contentChanges).
   */
  get(key: string, version: number, text: string, changes?: readonly TextChange[]): PythonAnalysis {
    const previous = this.entries.get(key);
    if (previous && previous.version === version) {
      this.entries.delete(key);
      this.entries.set(key, previous);
      return previous.analysis;
    }
    const entry = this.analyse(text, version, previous, changes);
    this.entries.delete(key);
    this.entries.set(key, entry);
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
    return entry.analysis;
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }

  private analyse(text: string, version: number, previous: CacheEntry | undefined, changes: readonly TextChange[] | undefined): CacheEntry {
    if (exceedsUtf8Bytes(text, this.options.maxBytes ?? DEFAULT_MAX_BYTES)) return { version, text, analysis: emptyAnalysis(text, 'too-large'), fragments: [] };
    try {
      const reused = previous && changes ? reusableFragments(previous, changes, text) : undefined;
      this.parseCount++;
      const parsed = analyzeWithFragments(text, reused?.fragments ?? [], reused && previous?.walk ? { walk: previous.walk, range: reused.range } : undefined);
      return { version, text, ...parsed };
    } catch {
      return { version, text, analysis: analyzeAfterFailure(text), fragments: [] };
    }
  }
}

/** Space, tab, line feed, form feed, carriage return: what separates tokens besides comments. */
function isBlank(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 12 || code === 13;
}

/** The end of the last token before `pos` in `text` (parsed as `tree`) that is not white space or a comment. */
function lastTokenEnd(tree: Tree, text: string, pos: number): number {
  let at = pos;
  for (;;) {
    while (at > 0 && isBlank(text.charCodeAt(at - 1))) at--;
    if (at === 0) return 0;
    const node = tree.resolveInner(at, -1);
    if (node.name !== 'Comment' || node.from >= at) return at;
    at = node.from;
  }
}

/**
 * `fragments` of the tree of `oldText` after `ranges` (sorted, not overlapping), as TreeFragment.applyChanges gives
 * them, but with nothing reused that ends after the last token before an edit. lezer reuses a node that ends 25 or
 * more characters before an edit; a Python block, though, ends where the next line's indentation or the end of the
 * file says, after any blank lines and comments between. A method that ended at the end of the file before text was
 * appended to it was reused as ended, and the appended statements became part of the class or the module.
 */
export function fragmentsAfterChanges(fragments: readonly TreeFragment[], oldText: string, ranges: readonly ChangedRange[]): readonly TreeFragment[] {
  const whole = fragments.length === 1 && fragments[0].from === 0 && fragments[0].offset === 0 ? fragments[0].tree : undefined;
  if (!whole) return TreeFragment.applyChanges(fragments, ranges);
  const widened: ChangedRange[] = [];
  let lastEnd = 0;
  for (const range of ranges) {
    // One character into that last token, so lezer's cut (before the edit's start) leaves its node out.
    const from = Math.max(lastEnd, Math.min(range.fromA, lastTokenEnd(whole, oldText, range.fromA) - 1));
    widened.push({ fromA: from, toA: range.toA, fromB: range.fromB - (range.fromA - from), toB: range.toB });
    lastEnd = range.toA;
  }
  return TreeFragment.applyChanges(fragments, widened);
}

/** True when `length` code units of `a` from `aFrom` equal those of `b` from `bFrom`. */
function sameText(a: string, aFrom: number, b: string, bFrom: number, length: number): boolean {
  for (let i = 0; i < length; i++) if (a.charCodeAt(aFrom + i) !== b.charCodeAt(bFrom + i)) return false;
  return true;
}

/**
 * The previous tree's fragments that survive `changes` and one range covering the changes, or undefined when the
 * changes do not turn the previous text into the new one. The text between changes is compared too: changes that skip
 * a version (two edits, only the last one passed) can add up to the right length and would otherwise reuse a tree of
 * text that is no longer there.
 */
function reusableFragments(previous: CacheEntry, changes: readonly TextChange[], text: string): { fragments: readonly TreeFragment[]; range: ChangedRange } | undefined {
  const sorted = [...changes].sort((a, b) => a.from - b.from);
  const ranges: ChangedRange[] = [];
  let delta = 0;
  let lastEnd = 0;
  for (const change of sorted) {
    if (change.from < lastEnd || change.to < change.from || change.to > previous.text.length || change.insertedLength < 0) return undefined;
    ranges.push({ fromA: change.from, toA: change.to, fromB: change.from + delta, toB: change.from + delta + change.insertedLength });
    delta += change.insertedLength - (change.to - change.from);
    lastEnd = change.to;
  }
  if (previous.text.length + delta !== text.length) return undefined;
  let oldFrom = 0;
  let newFrom = 0;
  for (const range of ranges) {
    if (!sameText(previous.text, oldFrom, text, newFrom, range.fromA - oldFrom)) return undefined;
    oldFrom = range.toA;
    newFrom = range.toB;
  }
  if (!sameText(previous.text, oldFrom, text, newFrom, previous.text.length - oldFrom)) return undefined;
  const first = ranges[0] ?? { fromA: 0, toA: 0, fromB: 0, toB: 0 };
  const last = ranges[ranges.length - 1] ?? first;
  return { fragments: fragmentsAfterChanges(previous.fragments, previous.text, ranges), range: { fromA: first.fromA, toA: last.toA, fromB: first.fromB, toB: last.toB } };
}
