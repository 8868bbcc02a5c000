/**
 * Analyses of open documents for an editor, one per document and version: every new version is parsed
 * incrementally from the previous tree (small texts at once, large ones in cancellable slices), two requests for the
 * same version share one analysis, and a hover can answer from the previous version mapped through the edit while
 * the new one is still running. Every map here is bounded by the number of documents kept.
 */
import { TreeFragment, type ChangedRange, type Tree } from '@lezer/common';
import { analyzeInSlices, analyzeWithFragments, exceedsUtf8Bytes, fragmentsAfterChanges, type PreviousWalk, type TextChange } from './analyze';
import { changedRange, composeRanges, lengthChange, MappedAnalysis } from './editMapping';
import type { WalkResult } from './incrementalWalk';
import type { PythonAnalysis } from './types';
import { yieldToEvents } from '../steps';

/** Above this many characters (about 40 ms of parsing from scratch, see bench/analyze) a version is analysed in slices. */
export const SLICED_PARSE_THRESHOLD = 100_000;
/**
 * Longest slice of a document analysis, in ms: a hover or a keystroke that arrives meanwhile waits at most this long,
 * so it is kept well under the 5 ms a hover may take in all.
 */
const SLICE_MS = 4;

export type DocumentResult = PythonAnalysis | 'too-large';

export interface DocumentRequest {
  /** Texts over this many UTF-8 bytes are not analysed. */
  maxBytes: number;
  /** Checked between slices of a large analysis; the shared work stops when every waiting request says stop. */
  shouldStop?: () => boolean;
}

interface Entry {
  version: number;
  /** Order of the analysis that produced this entry, so a late, older one never replaces a newer one. */
  sequence: number;
  text: string;
  result: DocumentResult;
  fragments: readonly TreeFragment[];
  walk?: WalkResult;
}

/** The analysis of one version while it runs; requests for that version wait on the same promise. */
interface Job {
  version: number;
  sequence: number;
  promise: Promise<DocumentResult | undefined>;
  /** One per waiting request; undefined for a request that never gives up. */
  stoppers: Array<(() => boolean) | undefined>;
  superseded: boolean;
}

/** Edits remembered per document, newest last: enough to map the last analysis through a burst of typing. */
const EDITS_KEPT = 64;

export class DocumentAnalysisCache {
  private readonly entries = new Map<string, Entry>();
  /** Per document, the editor's edits by the version they made, so a hover can map without reading the new text. */
  private readonly edits = new Map<string, Array<{ version: number; range: ChangedRange }>>();
  private readonly jobs = new Map<string, Job>();
  private readonly mapped = new Map<string, { version: number; analysis: PythonAnalysis }>();
  private sequence = 0;
  private parses = 0;

  constructor(private readonly capacity = 32) {}

  /** Analyses started so far (a shared or cached one counts once). */
  get parseCount(): number {
    return this.parses;
  }

  /** The cached result of exactly this version, without needing its text (a hover on an unchanged document). */
  current(key: string, version: number): DocumentResult | undefined {
    const entry = this.entries.get(key);
    if (!entry || entry.version !== version) return undefined;
    this.touch(key, entry);
    return entry.result;
  }

  /** True when any version of document `key` is analysed or being analysed. */
  has(key: string): boolean {
    return this.entries.has(key) || this.jobs.has(key);
  }

  /** The syntax tree of exactly this version when it is analysed, for a feature that walks the tree itself. */
  tree(key: string, version: number): Tree | undefined {
    const entry = this.entries.get(key);
    if (!entry || entry.version !== version) return undefined;
    // An analysed version keeps its whole tree as its one fragment (TreeFragment.addTree).
    const whole = entry.fragments[0];
    return whole && whole.from === 0 && whole.offset === 0 && whole.to === entry.text.length ? whole.tree : undefined;
  }

  /**
   * The analysis of version `version` of document `key`; 'too-large' over the limit; undefined when stopped or when
   * a newer version was requested before this one finished.
   */
  get(key: string, version: number, text: string, request: DocumentRequest): Promise<DocumentResult | undefined> {
    return this.analyse(key, version, text, text.length, request);
  }

  /**
   * `get` with the text given as itself or, for a large one, as a function read only when the analysis starts (after a
   * yield), so the request that started it (a hover answering from the previous analysis) never materialises it.
   */
  private analyse(key: string, version: number, source: string | (() => string), length: number, request: DocumentRequest): Promise<DocumentResult | undefined> {
    const cached = this.current(key, version);
    if (cached) return Promise.resolve(cached);
    const running = this.jobs.get(key);
    if (running && running.version === version) {
      running.stoppers.push(request.shouldStop);
      return running.promise;
    }
    if (running) running.superseded = true;
    const sequence = ++this.sequence;
    const read = () => (typeof source === 'string' ? source : source());
    // UTF-8 takes at least a byte per UTF-16 code unit: a longer text is over the limit whatever it holds.
    if (length > request.maxBytes || (typeof source === 'string' && exceedsUtf8Bytes(source, request.maxBytes))) {
      this.store(key, { version, sequence, text: read(), result: 'too-large', fragments: [] });
      return Promise.resolve('too-large');
    }
    this.parses++;
    if (length <= SLICED_PARSE_THRESHOLD) {
      // Small texts: at once, before returning, so a caller can read `current()` right away.
      const text = read();
      const reuse = this.reusable(key, text);
      const parsed = analyzeWithFragments(text, reuse.fragments, reuse.walk);
      this.store(key, { version, sequence, text, result: parsed.analysis, fragments: parsed.fragments, walk: parsed.walk });
      return Promise.resolve(parsed.analysis);
    }
    const job: Job = { version, sequence, stoppers: [request.shouldStop], superseded: false, promise: Promise.resolve(undefined) };
    const shouldStop = () => job.superseded || job.stoppers.every((stop) => stop?.() ?? false);
    // Started after a yield: the caller (a hover that will answer from the previous analysis) returns first.
    const run = async (): Promise<DocumentResult | undefined> => {
      await yieldToEvents();
      if (shouldStop()) return this.finish(key, job, undefined);
      const text = read();
      if (exceedsUtf8Bytes(text, request.maxBytes)) return this.finish(key, job, { version, sequence, text, result: 'too-large', fragments: [] });
      // Taken after the yield: a version that finished meanwhile is the closer one to reuse.
      const reuse = this.reusable(key, text);
      const parsed = await analyzeInSlices(text, { maxBytes: Number.MAX_SAFE_INTEGER, shouldStop, yieldEvery: SLICE_MS, yieldFn: yieldToEvents }, reuse.fragments, reuse.walk);
      return this.finish(key, job, parsed && { version, sequence, text, result: parsed.analysis, fragments: parsed.fragments, walk: parsed.walk });
    };
    job.promise = run();
    this.jobs.set(key, job);
    return job.promise;
  }

  /**
   * What a hover answers from, never waiting for a full parse when it can avoid it: the cached version (its text is
   * not even read), else this version if it is analysed at once (small texts), else the newest finished analysis
   * mapped through the edit while this version's analysis runs on; with nothing to map from, it waits. When the
   * editor's edits since the newest analysis were noted (noteEdit), a large document's text is not read here at all.
   */
  async forHover(key: string, version: number, text: () => string, request: DocumentRequest): Promise<DocumentResult | undefined> {
    const cached = this.current(key, version);
    if (cached) return cached;
    const noted = this.notedMapping(key, version, text);
    if (noted) {
      // The analysis of this version starts after a yield and reads the text then; its result is picked up later.
      this.analyse(key, version, text, noted.length, request).catch(() => undefined);
      return noted.analysis;
    }
    const current = text();
    const pending = this.get(key, version, current, request);
    const now = this.current(key, version);
    if (now) return now;
    const mapped = this.mappedPrevious(key, version, current);
    if (!mapped) return pending;
    // The analysis runs on for the next request; its result (or failure) is picked up from the cache.
    pending.catch(() => undefined);
    return mapped;
  }

  /** The newest analysis mapped through the noted edits to `version`, for a document too large to analyse at once. */
  private notedMapping(key: string, version: number, text: () => string): { analysis: PythonAnalysis; length: number } | undefined {
    const known = this.mapped.get(key);
    const entry = this.entries.get(key);
    if (!entry || entry.result === 'too-large' || entry.result.skipped) return undefined;
    const range = this.editsBetween(key, entry.version, version);
    if (!range || range.toA > entry.text.length) return undefined;
    const length = entry.text.length + lengthChange(range);
    if (length <= SLICED_PARSE_THRESHOLD) return undefined;
    if (known && known.version === version) return { analysis: known.analysis, length };
    const analysis = new MappedAnalysis(entry.result, range, text);
    this.mapped.set(key, { version, analysis });
    return { analysis, length };
  }

  /**
   * The editor's edit that made `version` of document `key` from the version before it: `changes` applied one after the
   * other, each in the offsets of the text the previous one left (as VS Code's contentChanges are applied). With them a
   * hover after an edit maps the last analysis through the edit without reading the new text; a missing version only
   * means the hover reads the text, as without them.
   */
  noteEdit(key: string, version: number, changes: readonly TextChange[]): void {
    let range: ChangedRange | undefined;
    for (const change of changes) {
      const next = { fromA: change.from, toA: change.to, fromB: change.from, toB: change.from + change.insertedLength };
      range = range ? composeRanges(range, next) : next;
    }
    if (!range) return;
    const list = this.edits.get(key) ?? [];
    list.push({ version, range });
    if (list.length > EDITS_KEPT) list.splice(0, list.length - EDITS_KEPT);
    this.edits.set(key, list);
  }

  /** One range for the edits from `from` to `to`, when every version between was noted. */
  private editsBetween(key: string, from: number, to: number): ChangedRange | undefined {
    const list = this.edits.get(key);
    if (!list || to <= from) return undefined;
    let range: ChangedRange | undefined;
    let expected = from + 1;
    for (const edit of list) {
      if (edit.version <= from) continue;
      if (edit.version !== expected || edit.version > to) return undefined;
      range = range ? composeRanges(range, edit.range) : edit.range;
      if (expected++ === to) return range;
    }
    return undefined;
  }

  delete(key: string): void {
    this.edits.delete(key);
    const job = this.jobs.get(key);
    if (job) job.superseded = true;
    this.jobs.delete(key);
    this.entries.delete(key);
    this.mapped.delete(key);
  }

  clear(): void {
    for (const key of [...this.entries.keys(), ...this.jobs.keys()]) this.delete(key);
  }

  private mappedPrevious(key: string, version: number, text: string): PythonAnalysis | undefined {
    const known = this.mapped.get(key);
    if (known && known.version === version) return known.analysis;
    const entry = this.entries.get(key);
    if (!entry || entry.result === 'too-large' || entry.result.skipped) return undefined;
    const range = changedRange(entry.text, text);
    const analysis = range ? new MappedAnalysis(entry.result, range, text) : entry.result;
    this.mapped.set(key, { version, analysis });
    return analysis;
  }

  /** Ends a sliced job: the result is kept even when superseded, since the newest finished analysis is what hovers map from and the next analysis reuses. */
  private finish(key: string, job: Job, entry: Entry | undefined): DocumentResult | undefined {
    if (this.jobs.get(key) === job) this.jobs.delete(key);
    if (!entry) return undefined;
    this.store(key, entry);
    return job.superseded ? undefined : entry.result;
  }

  /** What survives the change from the cached text to `text`: the previous tree's fragments and its walk. */
  private reusable(key: string, text: string): { fragments: readonly TreeFragment[]; walk?: PreviousWalk } {
    const entry = this.entries.get(key);
    if (!entry || entry.fragments.length === 0) return { fragments: [] };
    const range = changedRange(entry.text, text);
    const walk = entry.walk && { walk: entry.walk, range: range ?? { fromA: 0, toA: 0, fromB: 0, toB: 0 } };
    return { fragments: range ? fragmentsAfterChanges(entry.fragments, entry.text, [range]) : entry.fragments, walk };
  }

  private store(key: string, entry: Entry): void {
    const previous = this.entries.get(key);
    if (previous && previous.sequence > entry.sequence) return;
    this.entries.delete(key);
    this.entries.set(key, entry);
    this.mapped.delete(key);
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value as string;
      this.delete(oldest);
    }
  }

  private touch(key: string, entry: Entry): void {
    this.entries.delete(key);
    this.entries.set(key, entry);
  }
}
