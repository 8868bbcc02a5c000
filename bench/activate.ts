/**
 * Activation time and bundle sizes: builds with --production, then loads dist/extension.js in a fresh Node process
 * per run with a stub `vscode` (bench/vscodeStub.ts), timing require + activate(), and counts knowledge.json reads.
 */
import { spawnSync } from 'node:child_process';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import * as fs from 'node:fs';
import Module from 'node:module';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { createExtensionContext, createVscodeStub, type OpenDocument, type StubRecord } from './vscodeStub';
import { typingFile } from './typing';
import { formatBytes, formatMs, isMain, median, toMarkdown, type BenchTable } from './tables';

const RUNS = 10;
/** Runs per "document open" scenario, interleaved. */
const OPEN_RUNS = Number(process.env.FG_BENCH_RUNS ?? 5);
/** How long the host thread is watched after activate() returns. */
const WATCH_MS = 3000;
const ACTIVATION_TARGET_MS = 50;
const BUNDLE_TARGET_BYTES = 400 * 1024;
const BUNDLES = ['dist/extension.js', 'dist/web/extension.js', 'dist/webview/main.js', 'dist/knowledge.json', 'dist/content.json'];

interface ChildMeasurement {
  requireMs: number;
  activateMs: number;
  /** workspace.fs.readFile of knowledge.json while activate() ran. */
  knowledgeReadsDuringActivate: number;
  /** …and in the 200 ms after it returned, with no document open. */
  knowledgeReadsAfter: number;
  registrations: number;
  subscriptions: number;
  /** With a document open: longest event-loop stall (ms) in the WATCH_MS after activate(), CPU used then, first diagnostics. */
  longestStallMs?: number;
  cpuAfterMs?: number;
  firstDiagnosticsMs?: number;
  firstDiagnosticsCount?: number;
}

/** Child process: `node out/bench/activate.js --child <extension root>`; prints one ChildMeasurement as JSON. */
async function measureInChild(extensionRoot: string, open?: OpenDocument): Promise<void> {
  const record: StubRecord = { reads: {}, registrations: 0 };
  const stub = createVscodeStub(record, open);
  const loader = Module as unknown as { _load(request: string, parent: unknown, isMain: boolean): unknown };
  const load = loader._load;
  loader._load = function (request, parent, isMainModule) {
    return request === 'vscode' ? stub : load.call(this, request, parent, isMainModule);
  };
  const context = createExtensionContext(extensionRoot) as { subscriptions: unknown[] };
  const t0 = performance.now();
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the bundle under test is loaded at run time, on purpose
  const extension = require(path.join(extensionRoot, 'dist', 'extension.js')) as { activate(context: unknown): unknown };
  const t1 = performance.now();
  extension.activate(context);
  const t2 = performance.now();
  const during = record.reads['knowledge.json'] ?? 0;
  let watch: Pick<ChildMeasurement, 'longestStallMs' | 'cpuAfterMs' | 'firstDiagnosticsMs' | 'firstDiagnosticsCount'> = {};
  if (open) {
    // The host thread after activation: the longest time it could not answer (a stall), and the CPU it used.
    const delay = monitorEventLoopDelay({ resolution: 1 });
    delay.enable();
    const cpu = process.cpuUsage();
    await new Promise((resolve) => setTimeout(resolve, WATCH_MS));
    delay.disable();
    const used = process.cpuUsage(cpu);
    watch = {
      longestStallMs: delay.max / 1e6,
      cpuAfterMs: (used.user + used.system) / 1000,
      firstDiagnosticsMs: record.firstDiagnostics ? record.firstDiagnostics.at - t2 : undefined,
      firstDiagnosticsCount: record.firstDiagnostics?.count,
    };
  } else await new Promise((resolve) => setTimeout(resolve, 200));
  const result: ChildMeasurement = {
    ...watch,
    requireMs: t1 - t0,
    activateMs: t2 - t1,
    knowledgeReadsDuringActivate: during,
    knowledgeReadsAfter: (record.reads['knowledge.json'] ?? 0) - during,
    registrations: record.registrations,
    subscriptions: context.subscriptions.length,
  };
  process.stdout.write(JSON.stringify(result));
  process.exit(0);
}

export interface ActivationBenchResult {
  table: BenchTable;
  activationMs?: number;
  /** Median host-thread time (require + activate() + longest stall after) with a 10,000-line file open and visible. */
  activationWithDocumentMs?: number;
  extensionBundleBytes?: number;
}

function runChild(root: string, args: string[]): ChildMeasurement | string {
  // Always out/bench/activate.js, also when this code is bundled into run.js (whose __filename is run.js).
  const child = spawnSync(process.execPath, [path.join(__dirname, 'activate.js'), '--child', root, ...args], {
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, FRAMEWORK_GUIDE_BENCH_CHILD: '1' },
  });
  if (child.status !== 0) return `activation run failed: ${(child.stderr || String(child.error)).trim().split('\n').slice(0, 3).join(' / ')}`;
  return JSON.parse(child.stdout) as ChildMeasurement;
}

function spread(values: readonly number[]): string {
  const s = [...values].sort((a, b) => a - b);
  return `${formatMs(s[0])} / ${formatMs(median(s))} / ${formatMs(s[s.length - 1])}`;
}

/** Activation with the 10,000-line typing file open, shown in an editor and only in a background tab, interleaved. */
function benchActivationWithDocument(root: string): { rows: string[][]; notes: string[]; hostMs?: number } {
  const file = typingFile(10_000);
  const scenarios = [
    { label: '10,000-line file open and visible', args: ['--open', file, 'visible'] },
    { label: '10,000-line file open in a background tab', args: ['--open', file, 'hidden'] },
  ];
  const runs = scenarios.map(() => [] as ChildMeasurement[]);
  const notes: string[] = [];
  for (let run = 0; run < OPEN_RUNS; run++) {
    scenarios.forEach((scenario, index) => {
      const result = runChild(root, scenario.args);
      if (typeof result === 'string') notes.push(`${scenario.label}: ${result}`);
      else runs[index].push(result);
    });
  }
  const rows: string[][] = [];
  let hostMs: number | undefined;
  scenarios.forEach((scenario, index) => {
    const r = runs[index];
    if (r.length === 0) return;
    const host = r.map((m) => m.requireMs + m.activateMs + (m.longestStallMs ?? 0));
    if (index === 0) hostMs = median(host);
    rows.push([`${scenario.label}: require + activate() + longest stall after (min / median / max of ${r.length})`, spread(host), `≤ ${ACTIVATION_TARGET_MS} ms`, median(host) <= ACTIVATION_TARGET_MS ? 'met' : '**missed**']);
    rows.push([`… activate()`, spread(r.map((m) => m.activateMs)), '', '']);
    rows.push([`… longest host-thread stall in the ${WATCH_MS / 1000} s after`, spread(r.map((m) => m.longestStallMs ?? NaN)), '', '']);
    rows.push([`… CPU used in the ${WATCH_MS / 1000} s after`, spread(r.map((m) => m.cpuAfterMs ?? NaN)), '', '']);
    const diagnostics = r.filter((m) => m.firstDiagnosticsMs !== undefined);
    rows.push([`… first diagnostics published after activate()`, diagnostics.length ? `${spread(diagnostics.map((m) => m.firstDiagnosticsMs!))} (${diagnostics[0].firstDiagnosticsCount} diagnostics)` : `none within ${WATCH_MS / 1000} s`, '', '']);
  });
  notes.push(
    `With a document open: the stub's workspace.textDocuments holds bench/.data/typing_10000.py (${OPEN_RUNS} runs per scenario, interleaved); after activate() returns, the host thread is watched for ${WATCH_MS / 1000} s: its longest stall (perf_hooks monitorEventLoopDelay, 1 ms resolution) is the longest time the host could not answer anything, which is what a user feels. The machine was shared with other work: see the spread.`,
  );
  return { rows, notes, hostMs };
}

export function benchActivation(options: { build?: boolean } = {}): ActivationBenchResult {
  const root = process.cwd();
  const notes: string[] = [];
  if (options.build !== false) {
    const build = spawnSync(process.execPath, ['esbuild.config.js', '--production'], { cwd: root, encoding: 'utf8', timeout: 180_000 });
    if (build.status !== 0) notes.push(`production build failed: ${(build.stderr || String(build.error)).trim().split('\n').pop()}`);
  }
  const runs: ChildMeasurement[] = [];
  for (let i = 0; i < RUNS; i++) {
    // Always out/bench/activate.js, also when this code is bundled into run.js (whose __filename is run.js).
    const child = spawnSync(process.execPath, [path.join(__dirname, 'activate.js'), '--child', root], {
      encoding: 'utf8',
      timeout: 30_000,
      env: { ...process.env, FRAMEWORK_GUIDE_BENCH_CHILD: '1' },
    });
    if (child.status !== 0) {
      notes.push(`activation run failed: ${(child.stderr || String(child.error)).trim().split('\n').slice(0, 3).join(' / ')}`);
      break;
    }
    runs.push(JSON.parse(child.stdout) as ChildMeasurement);
  }
  const rows: string[][] = [];
  let activationMs: number | undefined;
  if (runs.length) {
    const total = median(runs.map((r) => r.requireMs + r.activateMs));
    activationMs = total;
    const reads = Math.max(...runs.map((r) => r.knowledgeReadsDuringActivate));
    rows.push(['activation: require + activate() (median of ' + runs.length + ')', formatMs(total), `≤ ${ACTIVATION_TARGET_MS} ms`, total <= ACTIVATION_TARGET_MS ? 'met' : '**missed**']);
    rows.push(['… require(dist/extension.js)', formatMs(median(runs.map((r) => r.requireMs))), '', '']);
    rows.push(['… activate()', formatMs(median(runs.map((r) => r.activateMs))), '', '']);
    rows.push(['knowledge.json reads during activate()', String(reads), '0', reads === 0 ? 'met' : '**missed**']);
    rows.push(['knowledge.json reads in the 200 ms after, no document open', String(Math.max(...runs.map((r) => r.knowledgeReadsAfter))), '', '']);
    rows.push(['registrations / subscriptions pushed', `${runs[0].registrations} / ${runs[0].subscriptions}`, '', '']);
  } else {
    rows.push(['activation: require + activate()', 'failed', `≤ ${ACTIVATION_TARGET_MS} ms`, '—']);
  }
  const withDocument = benchActivationWithDocument(root);
  rows.push(...withDocument.rows);
  notes.push(...withDocument.notes);
  let extensionBundleBytes: number | undefined;
  for (const file of BUNDLES) {
    const full = path.join(root, file);
    if (!fs.existsSync(full)) {
      rows.push([`size: ${file}`, 'missing', '', '']);
      continue;
    }
    const bytes = fs.readFileSync(full);
    const gzip = zlib.gzipSync(bytes, { level: 9 }).length;
    const isExtension = file === 'dist/extension.js';
    if (isExtension) extensionBundleBytes = bytes.length;
    rows.push([
      `size: ${file}`,
      `${formatBytes(bytes.length)} (gzip ${formatBytes(gzip)})`,
      isExtension ? `≤ ${BUNDLE_TARGET_BYTES / 1024} KB minified` : '',
      isExtension ? (bytes.length <= BUNDLE_TARGET_BYTES ? 'met' : '**missed**') : '',
    ]);
  }
  return {
    activationMs,
    activationWithDocumentMs: withDocument.hostMs,
    extensionBundleBytes,
    table: {
      title: 'Activation and bundle sizes (production build)',
      headers: ['measure', 'value', 'target', ''],
      rows,
      notes: [
        `Each run is a fresh \`node\` process that loads dist/extension.js (built with \`node esbuild.config.js --production\`) with a stub \`vscode\` module injected through Module._load, then calls activate(); timed from before require to activate()'s return. VS Code's own extension-host work (reading package.json, creating the context) is not included.`,
        'The stub throws on any API it lacks, so an activation-time call the stub does not know fails the run instead of being timed as a no-op. Reads are counted at workspace.fs.readFile, the only way the extension reads its data files.',
        'gzip: level 9, for comparison with what a .vsix (zip) carries.',
        ...notes,
      ],
    },
  };
}

if (isMain('activate') && process.argv[2] === '--child') {
  const open = process.argv[4] === '--open' ? { path: process.argv[5], text: fs.readFileSync(process.argv[5], 'utf8'), visible: process.argv[6] === 'visible' } : undefined;
  measureInChild(process.argv[3], open).catch((err) => {
    console.error(err);
    process.exit(1);
  });
} else if (isMain('activate')) {
  process.stdout.write(toMarkdown(benchActivation().table));
}
