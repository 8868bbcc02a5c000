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
type RunInHost = (options: { server: CodeServer; root: string; workspace: string; resultsFile: string; env: Record<string, string>; timeoutMs: number; testsPath: string }) => Promise<{ code: unknown }>;

function spread(values: readonly number[]): string {
  const s = [...values].sort((a, b) => a - b);
  return s.length ? `${formatMs(s[0])} / ${formatMs(median(s))} / ${formatMs(s[s.length - 1])}` : 'failed';
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
  const results: HostProbeResult[] = [];
  const loadBefore = os.loadavg()[0];
  for (let run = 0; run < runs; run++) {
    log(`activate (VS Code): run ${run + 1}/${runs} …`);
    const workspace = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'fg-bench-ws-')), 'typing');
    fs.mkdirSync(workspace);
    const file = path.join(workspace, 'typing_10000.py');
    fs.copyFileSync(source, file);
    const resultsFile = path.join(path.dirname(workspace), 'probe.json');
    let server: CodeServer | undefined;
    try {
      server = await startCodeServer({ workspace });
      const { code } = await runInHost({ server, root, workspace, resultsFile, env: { FG_PROBE_FILE: file, ...(profileDir ? { FG_PROBE_PROFILE: path.resolve(profileDir) } : {}) }, timeoutMs: 180_000, testsPath: path.join(root, 'out', 'bench', 'vscodeHostProbe.js') });
      if (!fs.existsSync(resultsFile)) throw new Error(`no probe result (exit ${String(code)})`);
      const result = JSON.parse(fs.readFileSync(resultsFile, 'utf8')) as HostProbeResult;
      if (result.activeBefore) throw new Error('the extension was active before the file was opened');
      results.push(result);
    } catch (err) {
      notes.push(`run ${run + 1} failed: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      await server?.stop();
      fs.rmSync(path.dirname(workspace), { recursive: true, force: true });
    }
  }
  const stalls = results.map((r) => r.longestStallMs);
  const longest = stalls.length ? median(stalls) : undefined;
  const diagnostics = results.flatMap((r) => (r.firstDiagnosticsMs === undefined ? [] : [r.firstDiagnosticsMs]));
  const table: BenchTable = {
    title: 'Activation in real VS Code (code-server) with a 10,000-line file opened',
    headers: ['measure', `min / median / max over ${results.length} runs`, 'target', ''],
    rows: [
      ['longest host-thread stall, from opening the file to 3 s after it is shown (activation and first analysis included)', spread(stalls), `≤ ${HOST_TARGET_MS} ms`, longest === undefined ? 'unknown' : longest <= HOST_TARGET_MS ? 'met' : '**missed**'],
      ['… of which until the extension is active (VS Code opening the file, loading and activating the extension)', spread(results.map((r) => r.stallUntilActiveMs)), '', ''],
      ['… of which after it is active (first analysis, diagnostics, VS Code\'s own work meanwhile)', spread(results.map((r) => r.stallAfterActiveMs)), '', ''],
      ['… open request → extension active (VS Code loads and activates it on onLanguage:python)', spread(results.map((r) => r.activeMs)), '', ''],
      ['… open request → editor shown', spread(results.map((r) => r.shownMs)), '', ''],
      ['… CPU of the extension host process in that window', spread(results.map((r) => r.cpuMs)), '', ''],
      ['… open request → first diagnostics change for the file', diagnostics.length ? spread(diagnostics) : 'none', '', ''],
    ],
    notes: [
      'Each run starts a fresh code-server (scripts/lib/codeServer.mjs, as the integration layer does) on a workspace holding only bench/.data/typing_10000.py, loads this repository as the development extension (production build) and bench/vscodeHostProbe.ts as the extension host\'s test entry point, which opens and shows the file and watches the host thread (perf_hooks monitorEventLoopDelay, 1 ms resolution) until 3 s after the editor is shown. The stall covers everything on that thread: VS Code\'s own work, loading and activating the extension, and the first analysis slices.',
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
