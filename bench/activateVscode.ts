/**
 * Activation in a real VS Code: code-server (as the integration tests run it) with a workspace holding only the
 * 10,000-line typing file; bench/vscodeHostProbe.ts, loaded as the extension host's test entry point, opens the file
 * (which activates the extension) and records the host thread. A fresh code-server per run, interleaving nothing else.
 * Needs the code-server tools of scripts/setup-e2e.sh (FG_E2E_CACHE); prints a markdown table.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { typingFile } from './typing';
import { formatMs, isMain, median, toMarkdown, type BenchTable } from './tables';
import type { HostProbeResult } from './vscodeHostProbe';

const RUNS = Number(process.env.FG_BENCH_RUNS ?? 5);
const HOST_TARGET_MS = 50;

interface CodeServer {
  url(folder: string, payload?: Array<[string, string]>): string;
  remoteUri(p: string): string;
  stop(): Promise<void>;
}

type StartCodeServer = (options: { workspace: string; log?: (m: string) => void }) => Promise<CodeServer>;
type RunInHost = (options: { server: CodeServer; root: string; workspace: string; resultsFile: string; env: Record<string, string>; timeoutMs: number; testsPath: string; extensionPath: string }) => Promise<{ code: unknown }>;
type Config = 'ours' | 'baseline';

/**
 * The baseline: an extension that activates on the same event (onLanguage:python) and does nothing, so its runs show
 * the stalls of VS Code's own work (the workbench's extension host, its built-in extensions) with the same probe.
 */
function emptyExtension(): { dir: string; id: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fg-bench-empty-'));
  const manifest = { name: 'empty-python', publisher: 'fg-bench', version: '0.0.1', engines: { vscode: '^1.80.0' }, activationEvents: ['onLanguage:python'], main: './main.js' };
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(manifest));
  fs.writeFileSync(path.join(dir, 'main.js'), 'exports.activate = () => {};\nexports.deactivate = () => {};\n');
  return { dir, id: `${manifest.publisher}.${manifest.name}` };
}

function spread(values: readonly number[]): string {
  const s = [...values].sort((a, b) => a - b);
  return s.length ? `${formatMs(s[0])} / ${formatMs(median(s))} / ${formatMs(s[s.length - 1])}` : 'failed';
}

/** The longest gap between two ticks of the probe's 1 ms poll, and what the host thread did in it (Linux only). */
function gapRows(results: readonly HostProbeResult[]): string[][] {
  const gaps = results.flatMap((r) => (r.longestGap ? [r.longestGap] : []));
  const known = gaps.filter((g) => g.waitMs !== undefined && g.runMs !== undefined);
  return [
    ['… the longest gap between two ticks of a 1 ms poll', spread(gaps.map((g) => g.ms)), '', ''],
    ['… … in which the host thread ran (Linux schedstat)', known.length ? spread(known.map((g) => g.runMs as number)) : 'unknown', '', ''],
    ['… … and waited for a CPU (run queue)', known.length ? spread(known.map((g) => g.waitMs as number)) : 'unknown', '', ''],
  ];
}

/**
 * The window's CPU by thread (Linux): the host thread, V8's background threads (their names start with "V8", folded
 * to "V#" by the probe: the optimizing compiler's concurrent jobs and the concurrent parts of garbage collection) and
 * the rest (libuv's pool, our first scan worker and others). A thread that ended within the window is not counted.
 */
function threadRows(results: readonly HostProbeResult[]): string[][] {
  const known = results.filter((r) => r.threads && Object.keys(r.threads).length > 0);
  const sum = (r: HostProbeResult, pick: (name: string) => boolean) => Object.entries(r.threads ?? {}).reduce((total, [name, ms]) => total + (pick(name) ? ms : 0), 0);
  const isV8 = (name: string) => name.startsWith('V#');
  const row = (label: string, pick: (name: string) => boolean) => [label, known.length ? spread(known.map((r) => sum(r, pick))) : 'unknown', '', ''];
  return [row('… … on the host thread', (name) => name === 'main'), row("… … on V8's background threads (optimizing compiler, concurrent GC)", isV8), row('… … on other threads', (name) => name !== 'main' && !isV8(name))];
}

export interface VscodeActivationResult {
  table: BenchTable;
  /** Median over runs of the longest host-thread stall, open to 3 s after (undefined when no run succeeded). */
  longestStallMs?: number;
}

export async function benchVscodeActivation(options: { log?: (line: string) => void; runs?: number } = {}): Promise<VscodeActivationResult> {
  const log = options.log ?? ((line: string) => console.error(line));
  const runs = options.runs ?? RUNS;
  const root = process.cwd();
  const notes: string[] = [];
  // FG_PROBE_PROFILE=<dir> writes a CPU profile of the extension host per run; the build is then not minified, for names.
  const profileDir = process.env.FG_PROBE_PROFILE;
  const build = spawnSync(process.execPath, ['esbuild.config.js', ...(profileDir ? [] : ['--production']), '--tests'], { cwd: root, encoding: 'utf8', timeout: 300_000 });
  if (build.status !== 0) notes.push(`production build failed: ${(build.stderr || String(build.error)).trim().split('\n').pop()}`);
  const { startCodeServer } = (await import(pathToFileURL(path.join(root, 'scripts', 'lib', 'codeServer.mjs')).href)) as { startCodeServer: StartCodeServer };
  const { runInHost } = (await import(pathToFileURL(path.join(root, 'scripts', 'lib', 'runInHost.mjs')).href)) as { runInHost: RunInHost };
  const source = typingFile(10_000);
  const baseline = emptyExtension();
  const results: Record<Config, HostProbeResult[]> = { ours: [], baseline: [] };
  const loadBefore = os.loadavg()[0];
  for (let run = 0; run < runs; run++) {
    // Interleaved, and each pair in alternating order, so a drift in the machine's load reaches both alike.
    for (const config of run % 2 ? (['ours', 'baseline'] as const) : (['baseline', 'ours'] as const)) {
      log(`activate (VS Code, ${config === 'ours' ? 'Framework Guide' : 'empty extension'}): run ${run + 1}/${runs} …`);
      const workspace = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'fg-bench-ws-')), 'typing');
      fs.mkdirSync(workspace);
      const file = path.join(workspace, 'typing_10000.py');
      fs.copyFileSync(source, file);
      const resultsFile = path.join(path.dirname(workspace), 'probe.json');
      let server: CodeServer | undefined;
      try {
        server = await startCodeServer({ workspace });
        const env: Record<string, string> = { FG_PROBE_FILE: file, ...(profileDir ? { FG_PROBE_PROFILE: path.resolve(profileDir) } : {}), ...(config === 'baseline' ? { FG_PROBE_EXTENSION: baseline.id } : {}) };
        const { code } = await runInHost({ server, root, workspace, resultsFile, env, timeoutMs: 180_000, testsPath: path.join(root, 'out', 'bench', 'vscodeHostProbe.js'), extensionPath: config === 'ours' ? root : baseline.dir });
        if (!fs.existsSync(resultsFile)) throw new Error(`no probe result (exit ${String(code)})`);
        const result = JSON.parse(fs.readFileSync(resultsFile, 'utf8')) as HostProbeResult;
        if (result.activeBefore) throw new Error('the extension was active before the file was opened');
        results[config].push(result);
      } catch (err) {
        notes.push(`${config} run ${run + 1} failed: ${err instanceof Error ? err.message : String(err)}`);
      } finally {
        await server?.stop();
        fs.rmSync(path.dirname(workspace), { recursive: true, force: true });
      }
    }
  }
  fs.rmSync(baseline.dir, { recursive: true, force: true });
  const stalls = results.ours.map((r) => r.longestStallMs);
  const longest = stalls.length ? median(stalls) : undefined;
  const diagnostics = results.ours.flatMap((r) => (r.firstDiagnosticsMs === undefined ? [] : [r.firstDiagnosticsMs]));
  const table: BenchTable = {
    title: 'Activation in real VS Code (code-server) with a 10,000-line file opened',
    headers: ['measure', `min / median / max over ${results.ours.length} runs`, 'target', ''],
    rows: [
      ['longest host-thread stall, from opening the file to 3 s after it is shown (activation and first analysis included)', spread(stalls), `≤ ${HOST_TARGET_MS} ms`, longest === undefined ? 'unknown' : longest <= HOST_TARGET_MS ? 'met' : '**missed**'],
      ['… of which until the extension is active (VS Code opening the file, loading and activating the extension)', spread(results.ours.map((r) => r.stallUntilActiveMs)), '', ''],
      ['… of which after it is active (first analysis, diagnostics, VS Code\'s own work meanwhile)', spread(results.ours.map((r) => r.stallAfterActiveMs)), '', ''],
      ['… open request → extension active (VS Code loads and activates it on onLanguage:python)', spread(results.ours.map((r) => r.activeMs)), '', ''],
      ['… open request → editor shown', spread(results.ours.map((r) => r.shownMs)), '', ''],
      ['… CPU of the extension host process in that window', spread(results.ours.map((r) => r.cpuMs)), '', ''],
      ...threadRows(results.ours),
      ['… open request → first diagnostics change for the file', diagnostics.length ? spread(diagnostics) : 'none', '', ''],
      ...gapRows(results.ours),
      [`baseline, the same with an empty extension instead (VS Code's own work; ${results.baseline.length} runs): longest host-thread stall`, spread(results.baseline.map((r) => r.longestStallMs)), '', ''],
      ['… of which until the empty extension is active', spread(results.baseline.map((r) => r.stallUntilActiveMs)), '', ''],
      ['… of which after it is active', spread(results.baseline.map((r) => r.stallAfterActiveMs)), '', ''],
      ['… CPU of the extension host process in that window', spread(results.baseline.map((r) => r.cpuMs)), '', ''],
      ...threadRows(results.baseline),
      ...gapRows(results.baseline),
    ],
    notes: [
      'Each run starts a fresh code-server (scripts/lib/codeServer.mjs, as the integration layer does) on a workspace holding only bench/.data/typing_10000.py, loads this repository as the development extension (production build) and bench/vscodeHostProbe.ts as the extension host\'s test entry point, which opens and shows the file and watches the host thread (perf_hooks monitorEventLoopDelay, 1 ms resolution) until 3 s after the editor is shown. The stall covers everything on that thread: VS Code\'s own work, loading and activating the extension, and the first analysis slices. The baseline runs, interleaved with these, load an empty extension that activates on the same event instead of this repository: what they stall is VS Code\'s own.',
      `Machine: ${os.cpus().length} cores as seen by Node; 1-minute load average ${loadBefore.toFixed(1)} at the start and ${os.loadavg()[0].toFixed(1)} at the end. The browser, code-server and the extension host share those cores.`,
      ...notes,
    ],
  };
  return { table, longestStallMs: longest };
}

if (isMain('activateVscode')) {
  benchVscodeActivation()
    .then((result) => process.stdout.write(toMarkdown(result.table)))
    .catch((err) => {
      console.error(err);
      process.exitCode = 1;
    });
}
