/**
 * The one Python parser of the project: @lezer/python's grammar with the patches recorded in
 * scripts/build-parser.mjs (generated into ./grammar), plus two guards against @lezer/lr misfires and memoized table
 * lookups, all described below.
 * Measured with bench/parserAgreement.ts: no false syntax error over the .py files of tensorflow, keras and torch.
 */
import { IterMode, Tree } from '@lezer/common';
import { LRParser, Stack } from '@lezer/lr';
import { parser } from './grammar/parser';

export { parser };

interface ParseCounters {
  parser: unknown;
  bigReductionCount?: number;
  lastBigReductionStart?: number;
  lastBigReductionSize?: number;
}

/**
 * @lezer/lr (1.4.12) counts large reductions that start at one position to catch left-recursive chains too deep
 * to build; after 300 it force-reduces the stack. It also counts the reductions of repetitions (`statement*`), whose
 * trees it balances anyway, so a module or class body with more than 300 statements got a forced reduction in the
 * middle of whatever statement came next (`x = 1` became `x` and an error). Repetition terms are left out of the
 * count here; the count stays for every named node, so the guard keeps protecting real left-recursive chains.
 */
function guardRepeatReductions(): void {
  const proto = Stack.prototype as unknown as { reduce(action: number): void; p: ParseCounters; __fgGuarded?: boolean };
  if (proto.__fgGuarded) return;
  const reduce = proto.reduce;
  const minRepeatTerm = (parser as unknown as { minRepeatTerm: number }).minRepeatTerm;
  proto.reduce = function (this: { p: ParseCounters }, action: number): void {
    const counters = this.p;
    // 0xffff: the term id bits of an @lezer/lr reduce action.
    if (counters.parser !== parser || (action & 0xffff) < minRepeatTerm || typeof counters.bigReductionCount !== 'number') {
      reduce.call(this, action);
      return;
    }
    const { bigReductionCount, lastBigReductionStart, lastBigReductionSize } = counters;
    reduce.call(this, action);
    counters.bigReductionCount = bigReductionCount;
    counters.lastBigReductionStart = lastBigReductionStart;
    counters.lastBigReductionSize = lastBigReductionSize;
  };
  proto.__fgGuarded = true;
}

guardRepeatReductions();

interface ReuseParse {
  parser: unknown;
  input: { read(from: number, to: number): string };
  tryReuse(stack: ReuseStack, start: number, tree: Tree | null, repeatOnly: boolean): Tree | null;
  __fgTryReuse?: ReuseParse['tryReuse'];
}

/** The indentation context of src/core/python/grammar/tokens.js, as a stack holds it. */
interface ReuseStack {
  curContext: { context: { indent: number; flags: number } } | null;
}

/**
 * @lezer/lr (1.4.12) reuses a subtree of the previous tree when the parse reaches its start in the same state and, for
 * Python, the same indentation context, which it records per subtree at its start. A subtree of a repetition (a run
 * of statements, which lezer balances into such subtrees) can start before the blank lines, comments and dedent that
 * precede its first statement, so the context recorded is the one of the block the dedent closes; and every block's
 * statements are the same repetition. After an edit, a run of a class's methods was reused inside the body of the
 * method before them, which then ran on over them (@lezer/python's own build too). Here a run is reused only where
 * the parse's context has the indentation of the run's first statement. Appending each of the 274 files of
 * keras/src/layers 300 characters at a time, each append parsed with the fragments of the one before, ended in a tree
 * other than a fresh parse's for 67 files; 25 with this guard alone, 57 with fragmentsAfterChanges (analyze.ts) alone,
 * none with both. The unit tests in incrementalParse.test.ts fail without either.
 */
function guardRepeatReuse(): void {
  const proto = Object.getPrototypeOf(parser.startParse('')) as ReuseParse;
  if (proto.__fgTryReuse) return;
  const tryReuse = proto.tryReuse;
  const minRepeatTerm = (parser as unknown as { minRepeatTerm: number }).minRepeatTerm;
  /** Where the first statement of a run starts, from the run's start; undefined when it has none. */
  const firstStatement = (run: Tree): number | undefined => {
    const cursor = run.cursor(IterMode.IncludeAnonymous);
    for (;;) {
      if (!cursor.firstChild()) return undefined;
      while (cursor.type.isSkipped) if (!cursor.nextSibling()) return undefined;
      if (cursor.type.id < minRepeatTerm) return cursor.from;
    }
  };
  proto.tryReuse = function (this: ReuseParse, stack: ReuseStack, start: number, tree: Tree | null, repeatOnly: boolean): Tree | null {
    const context = stack.curContext?.context;
    if (this.parser !== parser || !tree || tree.type.id < minRepeatTerm || !context || context.flags) return tryReuse.call(this, stack, start, tree, repeatOnly);
    const offset = firstStatement(tree);
    if (offset === undefined) return null;
    const at = start + offset;
    const before = this.input.read(Math.max(0, at - 256), at);
    const lineStart = before.lastIndexOf('\n') + 1;
    if (lineStart === 0 && at > 256) return null;
    return indentationOf(before.slice(lineStart)) === context.indent ? tryReuse.call(this, stack, start, tree, repeatOnly) : null;
  };
  proto.__fgTryReuse = tryReuse;
}

/** The indentation depth of `space` as the grammar's tokenizer counts it (a tab to the next multiple of 8); -1 when it is not white space. */
function indentationOf(space: string): number {
  let depth = 0;
  for (let i = 0; i < space.length; i++) {
    const code = space.charCodeAt(i);
    if (code === 9) depth += 8 - (depth % 8);
    else if (code === 32) depth++;
    else return -1;
  }
  return depth;
}

guardRepeatReuse();

/** The parse-table lookups of @lezer/lr (1.4.12) that the memo below answers; internal, so typed here (and in its test). */
export interface LookupParser {
  states: Uint32Array;
  goto: Uint16Array;
  maxTerm: number;
  getGoto(state: number, term: number, loose?: boolean): number;
}

export interface LookupStack {
  state: number;
  p: { parser: unknown };
}

export interface LookupTokens {
  actions: number[];
  addActions(stack: LookupStack, token: number, end: number, index: number): number;
}

/** The table scans the memo stands in for, kept for the unit test that compares the two. */
export interface TableScans {
  getGoto(state: number, term: number, loose: boolean): number;
  addActions(tokens: object, stack: LookupStack, token: number, end: number, index: number): number;
}

/**
 * Remembered lookups: non-negative int keys to int values, in two typed arrays (open addressing, linear probing).
 * Real code asks about 2,000 distinct questions of each kind, so a table of a few thousand slots replaces a dense
 * states × terms array (1.3 MB per thread, in every CLI worker) at the same speed.
 */
export class LookupMemo {
  private keys: Int32Array;
  private values: Int32Array;
  private shift: number;
  private count = 0;

  constructor(bits = 12) {
    this.keys = new Int32Array(1 << bits).fill(-1);
    this.values = new Int32Array(1 << bits);
    this.shift = 32 - bits;
  }

  get size(): number {
    return this.count;
  }

  /** The value remembered for `key`, else `missing`. */
  get(key: number, missing: number): number {
    const keys = this.keys;
    const mask = keys.length - 1;
    for (let i = Math.imul(key, 0x9e3779b1) >>> this.shift; ; i = (i + 1) & mask) {
      const at = keys[i];
      if (at === key) return this.values[i];
      if (at === -1) return missing;
    }
  }

  set(key: number, value: number): void {
    const keys = this.keys;
    const mask = keys.length - 1;
    let i = Math.imul(key, 0x9e3779b1) >>> this.shift;
    while (keys[i] !== -1 && keys[i] !== key) i = (i + 1) & mask;
    if (keys[i] === -1) this.count++;
    keys[i] = key;
    this.values[i] = value;
    // At most half full, so a probe meets an empty slot soon.
    if (this.count * 2 > keys.length) this.grow();
  }

  private grow(): void {
    const { keys, values } = this;
    this.keys = new Int32Array(keys.length * 2).fill(-1);
    this.values = new Int32Array(keys.length * 2);
    this.shift--;
    this.count = 0;
    for (let i = 0; i < keys.length; i++) if (keys[i] !== -1) this.set(keys[i], values[i]);
  }
}

/** Memo values besides an action itself (actions and gotos are at least -1). */
const UNKNOWN = -3;
const NO_ACTION = -4;
const SEVERAL_ACTIONS = -5;

/**
 * @lezer/lr answers "where does the parser go after reducing term T in state S" (`getGoto`) and "what may the parser
 * do in state S on token T" (`TokenCache.addActions`) by scanning a list in its tables: about 27 entries per
 * question on real code, asked two to three times per token. Both answers depend on the tables alone, so they are
 * remembered here per (state, term). The parse is the same and takes about 0.7× the time; a unit test checks every
 * (state, term) pair against the table scans.
 */
function memoizeTableLookups(): TableScans {
  const tables = parser as unknown as LookupParser;
  const gotoTerms = tables.goto[0];
  const scanGoto = (LRParser.prototype as unknown as LookupParser).getGoto;
  const gotoMemo = new LookupMemo();
  // Own property: other parsers (none today) keep the prototype's method. Only the `loose` lookup of a reduction is
  // remembered; the strict one (incremental reuse, error recovery) is rare.
  tables.getGoto = function (this: LookupParser, state: number, term: number, loose = false): number {
    if (!loose || term >= gotoTerms) return scanGoto.call(this, state, term, loose);
    const key = state * gotoTerms + term;
    const known = gotoMemo.get(key, UNKNOWN);
    if (known !== UNKNOWN) return known;
    const target = scanGoto.call(this, state, term, true);
    gotoMemo.set(key, target);
    return target;
  };

  const proto = Object.getPrototypeOf((parser.startParse('') as unknown as { tokens: LookupTokens }).tokens) as LookupTokens & { __fgScanActions?: LookupTokens['addActions'] };
  // Installed once per copy of @lezer/lr (a second copy of this module finds it in place).
  const scanActions = proto.__fgScanActions ?? proto.addActions;
  const scans: TableScans = {
    getGoto: (state, term, loose) => scanGoto.call(tables, state, term, loose),
    addActions: (tokens, stack, token, end, index) => scanActions.call(tokens as LookupTokens, stack, token, end, index),
  };
  if (proto.__fgScanActions) return scans;
  const width = tables.maxTerm + 1;
  const actionMemo = new LookupMemo();
  // On the prototype (the class is not exported), for this parser only. The memo answers a first call of a lookup
  // (`index` 0: nothing found yet), whose result depends on (state, token) alone; later calls of the same lookup
  // (an extended token's second try) scan as before.
  proto.addActions = function (this: LookupTokens, stack: LookupStack, token: number, end: number, index: number): number {
    if (index !== 0 || stack.p.parser !== parser || token >= width) return scanActions.call(this, stack, token, end, index);
    const key = stack.state * width + token;
    const known = actionMemo.get(key, UNKNOWN);
    if (known >= 0) {
      const actions = this.actions;
      actions[0] = known;
      actions[1] = token;
      actions[2] = end;
      return 3;
    }
    if (known === NO_ACTION) return 0;
    const found = scanActions.call(this, stack, token, end, 0);
    if (known === UNKNOWN) actionMemo.set(key, found === 0 ? NO_ACTION : found === 3 ? this.actions[0] : SEVERAL_ACTIONS);
    return found;
  };
  proto.__fgScanActions = scanActions;
  return scans;
}

export const tableScans = memoizeTableLookups();
