/**
 * How fixing grows with the number of fixes in one file: scan, `--diff` (plan + diff) and `--fix` (plan + the scan of
 * what is left) on files of 1,000 to 100,000 fixable uses, in process, the sizes interleaved over several rounds.
 * Near-linear growth means the time per fix stays flat. Usage, after a --tests build: node out/bench/fixScale.js
 */
import { unifiedDiff } from '../src/cli/diff';
import { fixSource, scanSource } from '../src/core/scan';
import { now } from '../src/core/steps';
import { KnowledgeBase } from '../src/knowledge';
import { KNOWLEDGE_ENTRIES } from '../src/knowledge/all';
import { formatMs, isMain, median, toMarkdown, type BenchTable } from './tables';

const SIZES = [1_000, 10_000, 100_000];
const ROUNDS = Number(process.env.FG_BENCH_RUNS ?? 5);

/** A file of `fixes` uses of a removed TF1 name, each fixed by a rename: the shape that was quadratic before. */
export function fixableFile(fixes: number): Uint8Array {
  const lines = ['import tensorflow as tf', ''];
  for (let i = 0; i < fixes; i++) lines.push(i % 2 ? `s${i} = tf.Session()` : `m${i} = tf.reduce_sum(x, keep_dims=True)`);
  return new TextEncoder().encode(`${lines.join('\n')}\n`);
}

interface Timings {
  scan: number[];
  diff: number[];
  fix: number[];
}

export function benchFixScale(): BenchTable {
  const kb = new KnowledgeBase(KNOWLEDGE_ENTRIES);
  const files = new Map(SIZES.map((n) => [n, fixableFile(n)]));
  const times = new Map<number, Timings>(SIZES.map((n) => [n, { scan: [], diff: [], fix: [] }]));
  let planned = new Map<number, number>();
  const options = { maxBytes: 10_000_000 };
  // Rounds interleave the sizes and the three tasks, so a slow stretch of the machine falls on all of them.
  for (let round = 0; round < ROUNDS; round++) {
    for (const n of SIZES) {
      const bytes = files.get(n) as Uint8Array;
      const t = times.get(n) as Timings;
      let start = now();
      scanSource({ path: 'f.py', bytes }, kb, options);
      t.scan.push(now() - start);
      start = now();
      const diffed = fixSource({ path: 'f.py', bytes }, kb, { ...options, remaining: false });
      unifiedDiff('f.py', diffed.original ?? '', diffed.edits ?? []);
      t.diff.push(now() - start);
      start = now();
      const fixed = fixSource({ path: 'f.py', bytes }, kb, options);
      t.fix.push(now() - start);
      planned = new Map([...planned, [n, fixed.plan?.fixes.length ?? 0]]);
    }
  }
  const cell = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    return `${formatMs(median(values))} (${formatMs(sorted[0])}–${formatMs(sorted[sorted.length - 1])})`;
  };
  const perFix = (values: number[], n: number) => `${((median(values) * 1000) / n).toFixed(1)} µs`;
  const rows = SIZES.map((n) => {
    const t = times.get(n) as Timings;
    return [n.toLocaleString('en-US'), String(planned.get(n)), cell(t.scan), cell(t.diff), cell(t.fix), perFix(t.diff, n), (median(t.diff) / median(t.scan)).toFixed(1) + '×'];
  });
  return {
    title: 'Fixing one file: time against the number of fixes',
    headers: ['fixable uses', 'fixes planned', 'scan', '--diff (plan + diff)', '--fix (plan + scan of what is left)', '--diff per fix', '--diff / scan'],
    rows,
    notes: [
      `In process (the CLI's per-file step without reading and writing), median of ${ROUNDS} rounds with min–max; each round runs every size and task in turn.`,
      'Each file alternates `tf.Session()` (a rename) and `keep_dims=` (a keyword rename); both are planned, merged, checked by one parse of the result and, for --fix, scanned again from that parse.',
    ],
  };
}

if (isMain('fixScale')) process.stdout.write(toMarkdown(benchFixScale()));
