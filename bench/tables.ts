/** Markdown tables and the statistics every benchmark reports (percentiles, medians, ratios), in one shape. */

/** One benchmark's result: a titled markdown table plus notes that say how it was measured. */
export interface BenchTable {
  title: string;
  headers: string[];
  rows: string[][];
  notes: string[];
}

export function toMarkdown(table: BenchTable): string {
  const lines = [`### ${table.title}`, '', `| ${table.headers.join(' | ')} |`, `|${table.headers.map(() => '---').join('|')}|`];
  for (const row of table.rows) lines.push(`| ${row.join(' | ')} |`);
  if (table.notes.length) lines.push('', ...table.notes.map((n) => `- ${n}`));
  return lines.join('\n') + '\n';
}

/** The value at percentile `p` (nearest rank) of ascending `sorted`. */
/** A target cell: `<target>: met`, `<target>: **missed**`, or `<target>: unknown` when the figure is missing. */
export function verdict(target: string, value: number | undefined, meets: (value: number) => boolean): string {
  if (value === undefined) return `${target}: unknown`;
  return `${target}: ${meets(value) ? 'met' : '**missed**'}`;
}

export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export function median(values: readonly number[]): number {
  return percentile([...values].sort((a, b) => a - b), 50);
}

/** Milliseconds with a precision that suits the magnitude (µs below 1 ms). */
export function formatMs(ms: number): string {
  if (ms < 1) return `${(ms * 1000).toFixed(ms < 0.01 ? 2 : 1)} µs`;
  if (ms < 100) return `${ms.toFixed(1)} ms`;
  return `${Math.round(ms).toLocaleString('en-US')} ms`;
}

/** "23×" — how many times `theirs` is larger than `ours`; a dash when either is unknown. */
export function ratio(theirs: number | undefined, ours: number | undefined): string {
  if (theirs === undefined || ours === undefined || ours <= 0) return '—';
  const r = theirs / ours;
  return `${r >= 100 ? Math.round(r).toLocaleString('en-US') : r >= 10 ? r.toFixed(0) : r.toFixed(1)}×`;
}

export function formatBytes(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} KB`;
}

/** True when the running script is `out/bench/<name>.js`: each benchmark runs alone or imported by run.js. */
export function isMain(name: string): boolean {
  const script = process.argv[1] ?? '';
  return script.replace(/\\/g, '/').endsWith(`/bench/${name}.js`);
}
