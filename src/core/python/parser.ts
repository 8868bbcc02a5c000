/**
 * The one Python parser of the project: @lezer/python's grammar with the patches recorded in
 * scripts/build-parser.mjs (generated into ./grammar), plus a guard against an @lezer/lr misfire described below.
 * Measured with bench/parserAgreement.ts: no false syntax error over the .py files of tensorflow, keras and torch.
 */
import { Stack } from '@lezer/lr';
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
