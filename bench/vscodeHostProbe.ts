/**
 * Runs inside a real VS Code extension host (code-server, loaded as the tests' entry point by bench/activateVscode.ts):
 * opens a large Python file, which activates Framework Guide (onLanguage:python), or the empty baseline extension, and
 * records what the host thread went through: when the extension became active, the longest time the thread could not
 * run anything, the CPU used and when the file's diagnostics were first published. Writes them as JSON to
 * FG_TEST_RESULTS.
 */
import * as fs from 'node:fs';
import { Session } from 'node:inspector';
import * as path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import * as vscode from 'vscode';

/** The extension whose activation is awaited: Framework Guide, or bench/activateVscode.ts's empty baseline extension. */
const EXTENSION_ID = process.env.FG_PROBE_EXTENSION ?? 'framework-guide.framework-guide';
/** How long the host thread is watched after the file is shown (as bench/activate.ts does with the stub). */
const WATCH_MS = 3000;

export interface HostProbeResult {
  /** True when the extension was already active before the file was opened (the measurement is then void). */
  activeBefore: boolean;
  /** From the open request to the editor being shown. */
  shownMs: number;
  /** From the open request until the extension reports active (polled on a 1 ms timer). */
  activeMs: number;
  /** Longest host-thread stall from the open request to WATCH_MS after the editor is shown (1 ms resolution). */
  longestStallMs: number;
  /** …of which from the open request until the extension is active: VS Code opening the file, loading and activating the extension. */
  stallUntilActiveMs: number;
  /** …and from then on: the extension's first analysis and diagnostics, and whatever else VS Code does meanwhile. */
  stallAfterActiveMs: number;
  /** CPU time of the extension host process over the same window. */
  cpuMs: number;
  /**
   * The longest gap between two ticks of a 1 ms poll over the same window, and how much of it the host thread spent
   * running and waiting for a CPU (Linux /proc/thread-self/schedstat; undefined elsewhere).
   */
  longestGap?: { ms: number; runMs?: number; waitMs?: number };
  /** CPU time in the window by thread name (the host thread is "main"; Linux only), in ms. */
  threads?: Record<string, number>;
  /** From the open request to the first diagnostics change for the file; undefined when none came. */
  firstDiagnosticsMs?: number;
}

/**
 * CPU time (ms) of each thread of this process, summed by thread name (digits folded, so V8's numbered workers add up;
 * the host thread is "main"), from Linux's /proc/self/task/<id>/schedstat; empty elsewhere.
 */
function threadCpu(): Map<string, number> {
  const byName = new Map<string, number>();
  let tasks: string[];
  try {
    tasks = fs.readdirSync('/proc/self/task');
  } catch {
    return byName;
  }
  for (const task of tasks) {
    try {
      const ranNs = Number(fs.readFileSync(`/proc/self/task/${task}/schedstat`, 'latin1').split(' ')[0]);
      const name = task === String(process.pid) ? 'main' : fs.readFileSync(`/proc/self/task/${task}/comm`, 'latin1').trim().replace(/\d+/g, '#');
      byName.set(name, (byName.get(name) ?? 0) + ranNs / 1e6);
    } catch {
      // The thread ended meanwhile.
    }
  }
  return byName;
}

/** Reads this thread's run and run-queue wait times (ns) from Linux's schedstat; undefined where there is none. */
function schedStat(): { read(): { run: number; wait: number }; close(): void } | undefined {
  let fd: number;
  try {
    fd = fs.openSync('/proc/thread-self/schedstat', 'r');
  } catch {
    return undefined;
  }
  const buffer = Buffer.alloc(96);
  return {
    read() {
      const [run, wait] = buffer.toString('latin1', 0, fs.readSync(fd, buffer, 0, buffer.length, 0)).split(' ').map(Number);
      return { run, wait };
    },
    close: () => fs.closeSync(fd),
  };
}

export async function run(): Promise<void> {
  const file = process.env.FG_PROBE_FILE;
  const resultsFile = process.env.FG_TEST_RESULTS;
  if (!file || !resultsFile) throw new Error('FG_PROBE_FILE and FG_TEST_RESULTS must be set');
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not loaded`);
  const activeBefore = extension.isActive;
  const uri = vscode.Uri.file(file);
  const stalls = monitorEventLoopDelay({ resolution: 1 });
  const untilActive = monitorEventLoopDelay({ resolution: 1 });
  const afterActive = monitorEventLoopDelay({ resolution: 1 });
  let firstDiagnosticsMs: number | undefined;
  let activeMs: number | undefined;
  // FG_PROBE_PROFILE=<dir>: a CPU profile of the extension host over the window, to see what a stall was.
  const profileDir = process.env.FG_PROBE_PROFILE;
  const session = profileDir ? new Session() : undefined;
  const post = (method: string, params?: object) => new Promise<unknown>((resolve, reject) => session?.post(method, params ?? {}, (err, result) => (err ? reject(err) : resolve(result))));
  let profiledFrom = 0;
  if (session) {
    session.connect();
    await post('Profiler.enable');
    await post('Profiler.start');
    profiledFrom = performance.now();
  }
  const cpuBefore = process.cpuUsage();
  const threadsBefore = threadCpu();
  stalls.enable();
  untilActive.enable();
  const t0 = performance.now();
  // With a profile: every gap of over 20 ms between two ticks of the 1 ms poll, in ms since the profile started, so the
  // profile's samples in that window say what held the thread.
  const gaps: Array<{ at: number; ms: number }> = [];
  let lastTick = t0;
  // The scheduler's account of this thread (run and run-queue wait, ns): whether a gap was our work or a wait for a CPU.
  const sched = schedStat();
  let lastSched = sched?.read();
  let longestGap: HostProbeResult['longestGap'];
  const poll = setInterval(() => {
    const tick = performance.now();
    const now = sched?.read();
    if (session && tick - lastTick > 20) gaps.push({ at: lastTick - profiledFrom, ms: tick - lastTick });
    if (tick - lastTick > (longestGap?.ms ?? 0)) {
      longestGap = { ms: tick - lastTick };
      if (now && lastSched) {
        longestGap.runMs = (now.run - lastSched.run) / 1e6;
        longestGap.waitMs = (now.wait - lastSched.wait) / 1e6;
      }
    }
    lastSched = now;
    lastTick = tick;
    if (activeMs !== undefined || !extension.isActive) return;
    activeMs = performance.now() - t0;
    untilActive.disable();
    afterActive.enable();
  }, 1);
  const listener = vscode.languages.onDidChangeDiagnostics((event) => {
    if (firstDiagnosticsMs === undefined && event.uris.some((u) => u.toString() === uri.toString())) firstDiagnosticsMs = performance.now() - t0;
  });
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document);
  const shownMs = performance.now() - t0;
  const watchEnd = t0 + shownMs + WATCH_MS;
  while (performance.now() < watchEnd || (activeMs === undefined && performance.now() - t0 < 60_000)) await new Promise((resolve) => setTimeout(resolve, 10));
  clearInterval(poll);
  sched?.close();
  stalls.disable();
  untilActive.disable();
  afterActive.disable();
  if (activeMs === undefined) throw new Error('the extension did not activate within 60 s');
  const cpu = process.cpuUsage(cpuBefore);
  const threadsAfter = threadCpu();
  const threads: Record<string, number> = {};
  for (const [name, ms] of threadsAfter) if (ms - (threadsBefore.get(name) ?? 0) > 0) threads[name] = ms - (threadsBefore.get(name) ?? 0);
  if (session && profileDir) {
    const { profile } = (await post('Profiler.stop')) as { profile: object };
    const stamp = Date.now();
    fs.writeFileSync(path.join(profileDir, `host-${stamp}.cpuprofile`), JSON.stringify(profile));
    fs.writeFileSync(path.join(profileDir, `host-${stamp}.gaps.json`), JSON.stringify(gaps));
    session.disconnect();
  }
  listener.dispose();
  const result: HostProbeResult = { activeBefore, shownMs, activeMs, longestStallMs: stalls.max / 1e6, stallUntilActiveMs: untilActive.max / 1e6, stallAfterActiveMs: afterActive.max / 1e6, cpuMs: (cpu.user + cpu.system) / 1000, firstDiagnosticsMs, longestGap, threads };
  fs.writeFileSync(resultsFile, JSON.stringify(result));
  console.log(`[fg-test] host probe: ${JSON.stringify(result)}`);
}
