/**
 * `npm run bench`: prepares the inputs, runs every benchmark (activation and sizes, analysis, scan, hover against
 * the peers), prints one overview table plus one table per area, and writes them all to bench/RESULTS.md.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { benchActivation } from './activate';
import { benchVscodeActivation } from './activateVscode';
import { benchCli } from './cli';
import { benchFixScale } from './fixScale';
import { benchTyping, TYPING_TARGETS } from './typing';
import { benchAnalyze, benchDir } from './analyze';
import { benchHover, type HoverBenchResult } from './hover';
import { describeMachine } from './machine';
import { ensurePeers, PEER_PYTHON } from './peers';
import { benchScan } from './scan';
import { formatBytes, formatMs, isMain, ratio, toMarkdown, verdict, type BenchTable } from './tables';

const HOVER_TARGET_RATIO = 20;

function log(line: string): void {
  process.stderr.write(`${line}\n`);
}

/** Peer cell: the figure, or why there is none (never a zero). */
function peerFigure(peer: HoverBenchResult['summary'][number]['peers'][number] | undefined, value: number | undefined): string {
  if (!peer) return 'missing';
  if (value === undefined) return peer.status === 'ok' ? 'timeout' : peer.status;
  return formatMs(value) + (peer.n && peer.n < 200 ? ` (n=${peer.n})` : '');
}

async function main(): Promise<void> {
  const started = performance.now();
  log('bench: production build, activation and sizes …');
  const activation = benchActivation({ build: true });
  log('bench: peers …');
  const peers = ensurePeers(log);
  log('bench: analysis throughput …');
  const analyze = benchAnalyze();
  log('bench: scan …');
  const scan = benchScan();
  log('bench: hover (ours, pyright, pylsp) …');
  const hover = await benchHover({ peers, log });
  log('bench: typing (hover and diagnostics after an edit, first hover) …');
  const typing = await benchTyping({ log });
  log('bench: CLI on real code …');
  const cli = benchCli({ log });
  log('bench: fixing one file, 1,000 to 100,000 fixes …');
  const fixScale = benchFixScale();
  log('bench: activation in real VS Code (code-server; needs the tools of scripts/setup-e2e.sh) …');
  const vscodeActivation = await benchVscodeActivation({ log });

  const pyrightAt = (lines: number) => hover.summary.find((s) => s.lines === lines)?.peers.find((p) => p.name.startsWith('pyright'));
  const pylspAt = (lines: number) => hover.summary.find((s) => s.lines === lines)?.peers.find((p) => p.name.startsWith('pylsp'));
  const rows: string[][] = [];
  for (const s of hover.summary) {
    const pyright = pyrightAt(s.lines);
    const pylsp = pylspAt(s.lines);
    const r = pyright?.p99 !== undefined ? pyright.p99 / (pyright.oursP99SamePositions ?? s.oursP99) : undefined;
    const target = s.lines === 10_000 ? verdict(`≥ ${HOVER_TARGET_RATIO}× vs pyright`, r, (v) => v >= HOVER_TARGET_RATIO) : '';
    rows.push([`hover p99, ${s.lines.toLocaleString('en-US')} lines`, formatMs(s.oursP99), peerFigure(pyright, pyright?.p99), peerFigure(pylsp, pylsp?.p99), '—', pyright?.p99 !== undefined ? `${ratio(pyright.p99, pyright.oursP99SamePositions)} (pyright)` : '—', target]);
  }
  for (const s of hover.summary) {
    const pyright = pyrightAt(s.lines);
    const pylsp = pylspAt(s.lines);
    rows.push([`first hover incl. parse, ${s.lines.toLocaleString('en-US')} lines`, formatMs(s.oursFirstMs), peerFigure(pyright, pyright?.firstMs), peerFigure(pylsp, pylsp?.firstMs), '—', pyright?.firstMs !== undefined ? `${ratio(pyright.firstMs, s.oursFirstMs)} (pyright)` : '—', '']);
  }
  for (const size of analyze.sizes) {
    const mbps = (seconds: number) => `${(size.bytes / 1e6 / seconds).toFixed(1)} MB/s`;
    rows.push([`whole-file analysis, ${size.lines.toLocaleString('en-US')} lines`, mbps(size.oursSeconds), '—', '—', size.pythonSeconds ? mbps(size.pythonSeconds) : 'missing', size.pythonSeconds ? `${ratio(size.pythonSeconds, size.oursSeconds)} (ast)` : '—', '']);
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.ceil(values.length / 2) - 1];
  const spread = (values: number[]) => {
    const sortedValues = [...values].sort((a, b) => a - b);
    return `${formatMs(median(values))} (${formatMs(sortedValues[0])}–${formatMs(sortedValues[sortedValues.length - 1])})`;
  };
  for (const t of typing.summary) {
    const label = t.lines.toLocaleString('en-US');
    const target = TYPING_TARGETS[t.lines] ?? {};
    rows.push([`hover after an edit p99, ${label} lines (median of runs, min–max)`, spread(t.hoverP99), '—', '—', '—', '—', target.hoverP99 ? verdict(`≤ ${target.hoverP99} ms`, median(t.hoverP99), (v) => v <= target.hoverP99!) : '']);
    rows.push([`diagnostics after an edit, ${label} lines`, spread(t.diagnostics), '—', '—', '—', '—', target.diagnostics ? verdict(`≤ ${target.diagnostics} ms`, median(t.diagnostics), (v) => v <= target.diagnostics!) : '']);
    rows.push([`first hover on open incl. knowledge load, cold process, ${label} lines`, spread(t.coldWork), '—', '—', '—', '—', '']);
  }
  rows.push([
    `CLI on keras + torch .py files, ${cli.workers} cores, whole process`,
    cli.realCodeRatio === undefined ? 'failed' : `${cli.realCodeRatio.toFixed(2)}× python speed`,
    '—',
    '—',
    '1×',
    cli.realCodeRatio === undefined ? '—' : `${cli.realCodeRatio.toFixed(2)}× (ast + one walk)`,
    verdict('≥ 1.8×', cli.realCodeRatio, (v) => v >= 1.8),
  ]);
  rows.push(['CLI peak RSS, 2,000-file tree (max of runs)', cli.treePeakKb === undefined ? 'failed' : `${(cli.treePeakKb / 1024).toFixed(0)} MB`, '—', '—', '—', '—', verdict('≤ 150 MB', cli.treePeakKb, (v) => v / 1024 <= 150)]);
  const fps = (v: number | undefined) => (v === undefined ? 'failed' : `${v.toFixed(0)} files/s`);
  rows.push(['scan 2,000 files, whole process', fps(scan.cliFilesPerSecond), '—', '—', fps(scan.pythonFilesPerSecond), scan.cliFilesPerSecond && scan.pythonFilesPerSecond ? `${ratio(scan.cliFilesPerSecond, scan.pythonFilesPerSecond)} (ast)` : '—', '']);
  rows.push(['scan 2,000 files, in-process', fps(scan.coreFilesPerSecond), '—', '—', fps(scan.pythonInProcessFilesPerSecond), scan.pythonInProcessFilesPerSecond ? `${ratio(scan.coreFilesPerSecond, scan.pythonInProcessFilesPerSecond)} (ast)` : '—', '']);
  // The activation rows share one shape: our figure against the 50 ms target, no peers.
  const activationRow = (label: string, ms: number | undefined) => [label, ms === undefined ? 'failed' : formatMs(ms), '—', '—', '—', '—', verdict('≤ 50 ms', ms, (v) => v <= 50)];
  rows.push(activationRow('activation (median of 10)', activation.activationMs));
  rows.push(activationRow('activation, 10,000-line file open: host thread (require + activate() + longest stall)', activation.activationWithDocumentMs));
  rows.push(activationRow('activation in real VS Code (code-server), 10,000-line file opened: longest host-thread stall, open to 3 s after', vscodeActivation.longestStallMs));
  rows.push(['dist/extension.js (minified)', activation.extensionBundleBytes === undefined ? 'missing' : formatBytes(activation.extensionBundleBytes), '—', '—', '—', '—', verdict('≤ 400 KB', activation.extensionBundleBytes, (v) => v <= 400 * 1024)]);
  const overview: BenchTable = {
    title: 'Overview',
    headers: ['measure', 'ours', 'pyright-langserver', 'pylsp (Jedi)', 'python3 ast', 'ours vs peer', 'target'],
    rows,
    notes: [
      '"ours vs peer": how many times faster ours is (peer time / our time; for throughput our rate / theirs). Hover ratios compare p99 at exactly the positions the peer answered. Details, sample sizes and caveats in the area tables below.',
      `Run time of this benchmark: ${((performance.now() - started) / 1000).toFixed(0)} s.`,
    ],
  };

  const pyright = peers.find((p) => p.ok && p.server.name === 'pyright');
  const machine = describeMachine({ pyrightCli: pyright?.ok ? pyright.server.cli : undefined, pylspPython: PEER_PYTHON });
  const areas = [typing.table, hover.table, analyze.table, scan.table, cli.table, fixScale, activation.table, vscodeActivation.table];
  // Figures recorded on the code before issue 17, by the same benchmarks, kept for the before/after comparison.
  const before = ['typing-before.md', 'cli-before.md', 'activate-before.md']
    .map((file) => path.join(benchDir, file))
    .filter((file) => fs.existsSync(file))
    .map((file) => fs.readFileSync(file, 'utf8').replace(/^### /m, '### Before issue 17: '));
  const markdown = [
    '# Framework Guide benchmarks',
    '',
    'Generated by `npm run bench` (bench/run.ts); every figure below comes from that run. Re-run to update.',
    '',
    ...machine,
    '',
    toMarkdown(overview),
    '## Per area',
    '',
    ...areas.map(toMarkdown),
    ...(before.length ? ['## Before issue 17 (same benchmarks on the code before the typing-speed work)', '', ...before] : []),
  ].join('\n');
  process.stdout.write(markdown);
  fs.writeFileSync(path.join(benchDir, 'RESULTS.md'), markdown);
  log(`bench: wrote bench/RESULTS.md in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

// A benchmark child process must never start the whole run again.
if (isMain('run') && !process.env.FRAMEWORK_GUIDE_BENCH_CHILD) {
  main().catch((err) => {
    console.error(err);
    process.exitCode = 1;
  });
}
