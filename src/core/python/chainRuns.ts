/**
 * The framework chains of one version as runs over immutable blocks, so that an edit costs work in proportion to what
 * it touched: the chains after an edit are not copied and moved one by one, a run records how far they moved, and
 * positions are moved only when a caller reads them (a hover reads one segment, the diagnostics read every reference).
 */
import type { Chain } from './collect';
import type { FrameworkReference, Span, SymbolAtPosition } from './types';
import { drain } from '../steps';
import { firstAtOrAfter, lastAtOrBefore } from '../sortedSearch';

/** One hoverable segment: chain `chain`, segment number `segment`, in its block's positions. */
interface Segment {
  from: number;
  to: number;
  chain: Chain;
  segment: number;
}

/** Items between two yields when building an index or moving chains in steps. */
const ITEMS_PER_STEP = 256;

/** Chains of one walk, sorted by start and never changed afterwards: the versions after it share them through runs. */
export class ChainBlock {
  private segmentIndex?: Segment[];
  private referenceList?: FrameworkReference[];
  /** For chain i: how many of the chains before it are references (so a run finds its references in one step). */
  private referencesBefore?: Uint32Array;

  constructor(readonly chains: readonly Chain[]) {}

  get hasIndex(): boolean {
    return this.segmentIndex !== undefined && this.referenceList !== undefined;
  }

  /**
   * The segments of every chain sorted by start, and the references: built once, in steps, and shared by every run over
   * this block (so neither the first hover nor the first diagnostics after a sliced analysis build them in one go).
   */
  buildIndex(): Generator<void, void, void> {
    return this.build(!this.segmentIndex, !this.referenceList);
  }

  /** The segment index, built at once on first use when no sliced analysis built it (the CLI never needs it). */
  get segments(): readonly Segment[] {
    if (!this.segmentIndex) drain(this.build(true, false));
    return this.segmentIndex as Segment[];
  }

  /** The references of chains `lo` to `hi` (exclusive), in this block's positions; built at once on first use if needed. */
  referencesOf(lo: number, hi: number): readonly FrameworkReference[] {
    if (!this.referenceList) drain(this.build(false, true));
    const list = this.referenceList as FrameworkReference[];
    const before = this.referencesBefore as Uint32Array;
    return lo === 0 && hi === this.chains.length ? list : list.slice(before[lo], before[hi]);
  }

  private *build(withSegments: boolean, withReferences: boolean): Generator<void, void, void> {
    const segments: Segment[] = [];
    const references: FrameworkReference[] = [];
    const before = new Uint32Array(withReferences ? this.chains.length + 1 : 0);
    const chains = this.chains;
    for (let i = 0; i < chains.length; i++) {
      if (i > 0 && i % ITEMS_PER_STEP === 0) yield;
      const chain = chains[i];
      if (withReferences) {
        before[i] = references.length;
        if (chain.isReference) references.push(toReference(chain));
      }
      if (withSegments) for (let segment = 0; segment < chain.spans.length; segment++) segments.push({ from: chain.spans[segment].from, to: chain.spans[segment].to, chain, segment });
    }
    if (withReferences) {
      before[chains.length] = references.length;
      this.referenceList = references;
      this.referencesBefore = before;
    }
    if (withSegments) {
      // Chains come sorted by start and their segments in order: checking is one pass, a sort of 70,000 segments ~4 ms.
      for (let i = 1; i < segments.length; i++) {
        if (segments[i - 1].from <= segments[i].from) continue;
        segments.sort((a, b) => a.from - b.from);
        break;
      }
      this.segmentIndex = segments;
    }
  }

  /** The first chain starting at or after `position` (block positions). */
  chainAtOrAfter(position: number): number {
    return firstAtOrAfter(0, this.chains.length, (i) => this.chains[i].spans[0].from, position);
  }

  /** The first segment starting at or after `position` (block positions). */
  segmentAtOrAfter(position: number): number {
    const segments = this.segments;
    return firstAtOrAfter(0, segments.length, (i) => segments[i].from, position);
  }
}

/** Chains `lo` to `hi` (exclusive) of `block`, each `delta` code units later in this version than in the block. */
export interface ChainRun {
  block: ChainBlock;
  lo: number;
  hi: number;
  delta: number;
}

/** A whole block as one run. */
export function runOf(chains: readonly Chain[]): ChainRun[] {
  return chains.length === 0 ? [] : [{ block: new ChainBlock(chains), lo: 0, hi: chains.length, delta: 0 }];
}

/**
 * The parts of `runs` whose chains start in [from, to) (this version's positions), moved by `shift`: what an edit
 * keeps before it (shift 0) and after it (shift = its change in length). Empty parts are left out.
 */
export function clipRuns(runs: readonly ChainRun[], from: number, to: number, shift: number, out: ChainRun[]): void {
  for (const run of runs) {
    const lo = Math.max(run.lo, run.block.chainAtOrAfter(from - run.delta));
    const hi = Math.min(run.hi, to === Number.MAX_SAFE_INTEGER ? run.hi : run.block.chainAtOrAfter(to - run.delta));
    if (lo < hi) out.push({ block: run.block, lo, hi, delta: run.delta + shift });
  }
}

/** Number of chains in `runs`. */
export function chainCount(runs: readonly ChainRun[]): number {
  let count = 0;
  for (const run of runs) count += run.hi - run.lo;
  return count;
}

/** `chain` moved by `delta` (the same object when it does not move); argument items are relative to their list, so shared. */
export function movedChain(chain: Chain, delta: number): Chain {
  if (delta === 0) return chain;
  const move = (s: Span): Span => ({ from: s.from + delta, to: s.to + delta });
  const spans: Span[] = [];
  for (const span of chain.spans) spans.push(move(span));
  const moved: Chain = { baseQualified: chain.baseQualified, names: chain.names, spans, inImport: chain.inImport, isReference: chain.isReference };
  if (chain.callKeywords) moved.callKeywords = chain.callKeywords.map((k) => ({ name: k.name, span: move(k.span) }));
  if (chain.callArguments) moved.callArguments = { span: move(chain.callArguments.span), positional: chain.callArguments.positional, items: chain.callArguments.items };
  return moved;
}

/** Every chain of `runs` in this version's positions, in steps: what merging many runs into one block costs. */
export function* chainsInSteps(runs: readonly ChainRun[], out: Chain[]): Generator<void, void, void> {
  let moved = 0;
  for (const run of runs)
    for (let i = run.lo; i < run.hi; i++) {
      if (++moved % ITEMS_PER_STEP === 0) yield;
      out.push(movedChain(run.block.chains[i], run.delta));
    }
}

/** Every chain of `runs` in this version's positions. */
export function allChains(runs: readonly ChainRun[]): Chain[] {
  const out: Chain[] = [];
  drain(chainsInSteps(runs, out));
  return out;
}

function qualifiedUpTo(chain: Chain, segment: number): string {
  return segment === 0 ? chain.baseQualified : `${chain.baseQualified}.${chain.names.slice(1, segment + 1).join('.')}`;
}

function toReference(chain: Chain): FrameworkReference {
  const last = chain.names.length - 1;
  const reference: FrameworkReference = {
    qualifiedName: qualifiedUpTo(chain, last),
    written: chain.names.join('.'),
    span: { from: chain.spans[0].from, to: chain.spans[last].to },
    lastSegment: chain.spans[last],
    inImport: chain.inImport,
  };
  if (chain.callKeywords) reference.callKeywords = chain.callKeywords;
  if (chain.callArguments) reference.callArguments = chain.callArguments;
  return reference;
}

/** Every reference of `runs` in document order, in this version's positions. */
export function referencesOf(runs: readonly ChainRun[]): FrameworkReference[] {
  if (runs.length === 1 && runs[0].delta === 0) return runs[0].block.referencesOf(runs[0].lo, runs[0].hi) as FrameworkReference[];
  const out: FrameworkReference[] = [];
  for (const run of runs) {
    const references = run.block.referencesOf(run.lo, run.hi);
    if (run.delta === 0) for (const reference of references) out.push(reference);
    else for (const reference of references) out.push(movedReference(reference, run.delta));
  }
  return out;
}

function movedReference(r: FrameworkReference, delta: number): FrameworkReference {
  const move = (s: Span): Span => ({ from: s.from + delta, to: s.to + delta });
  const moved: FrameworkReference = { qualifiedName: r.qualifiedName, written: r.written, span: move(r.span), lastSegment: move(r.lastSegment), inImport: r.inImport };
  if (r.callKeywords) moved.callKeywords = r.callKeywords.map((k) => ({ name: k.name, span: move(k.span) }));
  if (r.callArguments) moved.callArguments = { span: move(r.callArguments.span), positional: r.callArguments.positional, items: r.callArguments.items };
  return moved;
}

/** The blocks of `runs` that have no segment index yet get one, in steps (so the first hover after an edit never builds it). */
export function* indexRuns(runs: readonly ChainRun[]): Generator<void, void, void> {
  for (const run of runs) if (!run.block.hasIndex) yield* run.block.buildIndex();
}

/** The framework symbol at `offset` (this version's positions): the last segment starting at or before it, if it reaches it. */
export function symbolAtInRuns(runs: readonly ChainRun[], offset: number): SymbolAtPosition | undefined {
  // The last run whose first chain starts at or before `offset` holds the last segment that does.
  const found = lastAtOrBefore(0, runs.length, (i) => runs[i].block.chains[runs[i].lo].spans[0].from + runs[i].delta, offset);
  if (found < 0) return undefined;
  const run = runs[found];
  const block = run.block;
  const segments = block.segments;
  // The run's segments: from its first chain's start to the next chain's start (or the block's end) in the block.
  const first = block.segmentAtOrAfter(block.chains[run.lo].spans[0].from);
  const end = run.hi < block.chains.length ? block.segmentAtOrAfter(block.chains[run.hi].spans[0].from) : segments.length;
  const target = offset - run.delta;
  const at = lastAtOrBefore(first, end, (i) => segments[i].from, target);
  if (at < first) return undefined;
  const { chain, segment, to } = segments[at];
  if (target > to) return undefined;
  return {
    qualifiedName: qualifiedUpTo(chain, segment),
    written: chain.names.slice(0, segment + 1).join('.'),
    span: { from: chain.spans[0].from + run.delta, to: to + run.delta },
    inImport: chain.inImport,
  };
}
