/**
 * Runs the held-out corpus of legacy scripts (bench/migrate-corpus.json, issue 32) on the installed releases as they
 * are, after TensorFlow's own tf_upgrade_v2 (TF1 scripts) and after our migration, and prints what runs.
 *
 * Run, after `npm run build` (dist/cli.js is the tool under test) and `node esbuild.config.js --tests`:
 *
 *   FG_MIRRORS=<folder of git mirrors> FG_PYTHON=<python with tensorflow, keras, torch> node out/bench/migrateCorpus.js
 *
 * Flags: `--show-test` also prints the test half's rows (for the closing measurement only; by default the test half
 * shows its summary counts alone), `--only ID[,ID]`, `--era tf1|keras2|torch-old`, `--fresh` (ignore the cache).
 * Environment:
 * - FG_PYTHON: the interpreter with the real frameworks (default: the `real` layer's venv in the tools cache, as
 *   scripts/lib/codeServer.mjs names it). The scripts run in a venv of their own beside the output, built once, that
 *   sees FG_PYTHON's packages through a .pth file and adds pandas, matplotlib and scikit-learn from pip.
 * - FG_MIRRORS, FG_CORPUS_CACHE: where bench/corpus.ts reads and caches the corpus files.
 * - FG_MIGRATE_CORPUS_OUT: work folders, the cache of outcomes and the scripts' venv (default
 *   `${TMPDIR:-/tmp}/fg-migrate-corpus`).
 * - FG_MIGRATE_TIMEOUT: seconds per run (default 60); a script still running then with no traceback counts as running.
 * - FG_BENCH_JOBS: scripts run at once (default 1, at most 2).
 * Each run: `python SCRIPT [argv]` in the script's folder, stdin closed, with CUDA hidden, MPLBACKEND=Agg,
 * KERAS_BACKEND=tensorflow, and HTTP(S)_PROXY pointing at a closed local port so that a download fails at once
 * instead of waiting on a network. The as-is and upgrade-tool outcomes are cached by the bytes of the script and its
 * files and by the framework versions, so a re-run after a change to our tool runs only "ours" again.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { cachedPath, materialiseCorpus, type CorpusFileRef } from './corpus';
import { isMain, toMarkdown, type BenchTable } from './tables';

export const ERAS = ['tf1', 'keras2', 'torch-old'] as const;
export type Era = (typeof ERAS)[number];
export type Half = 'dev' | 'test';

export interface CorpusScript {
  id: string;
  repo: string;
  commit: string;
  path: string;
  license: string;
  era: Era;
  /** Files the script needs, relative to its folder (may climb with `..`, never out of the repository). */
  data: string[];
  argv: string[];
  split: Half;
}

export interface MigrateCorpus {
  note: string;
  entries: CorpusScript[];
  excluded: Array<{ repo: string; commit: string; era: Era; path: string; reason: string }>;
}

/** Reads bench/migrate-corpus.json, checking every field, so a broken manifest fails before anything runs. */
export function parseManifest(text: string): MigrateCorpus {
  const raw = JSON.parse(text) as { note?: unknown; entries?: unknown; excluded?: unknown };
  if (typeof raw.note !== 'string' || !Array.isArray(raw.entries)) throw new Error('manifest: needs "note" (a string) and "entries" (a list)');
  const ids = new Set<string>();
  const repoHalf = new Map<string, Half>();
  const entries = raw.entries.map((value: unknown, index): CorpusScript => {
    const e = value as Record<string, unknown>;
    const where = `manifest entry ${index} (${String(e.id)})`;
    for (const key of ['id', 'repo', 'commit', 'path', 'license', 'era', 'split']) {
      if (typeof e[key] !== 'string' || !e[key]) throw new Error(`${where}: "${key}" must be a non-empty string`);
    }
    const entry = e as unknown as CorpusScript;
    if (!/^[0-9a-f]{40}$/.test(entry.commit)) throw new Error(`${where}: "commit" must be 40 hex digits`);
    if (!/^[^/\s]+\/[^/\s]+$/.test(entry.repo)) throw new Error(`${where}: "repo" must be owner/name`);
    if (!(ERAS as readonly string[]).includes(entry.era)) throw new Error(`${where}: "era" must be one of ${ERAS.join(', ')}`);
    if (entry.split !== 'dev' && entry.split !== 'test') throw new Error(`${where}: "split" must be dev or test`);
    if (ids.has(entry.id)) throw new Error(`${where}: duplicate id`);
    ids.add(entry.id);
    const half = repoHalf.get(entry.repo);
    if (half && half !== entry.split) throw new Error(`${where}: ${entry.repo} is in both halves`);
    repoHalf.set(entry.repo, entry.split);
    const data = e.data ?? [];
    const argv = e.argv ?? [];
    if (!Array.isArray(data) || !data.every((d) => typeof d === 'string')) throw new Error(`${where}: "data" must be a list of paths`);
    if (!Array.isArray(argv) || !argv.every((a) => typeof a === 'string')) throw new Error(`${where}: "argv" must be a list of strings`);
    for (const d of data) repoPath(entry.path, d, where);
    return { ...entry, data, argv };
  });
  const excluded = Array.isArray(raw.excluded) ? (raw.excluded as MigrateCorpus['excluded']) : [];
  return { note: raw.note, entries, excluded };
}

/** A data file's path inside the repository, from the script's path and the data path relative to its folder. */
export function repoPath(scriptPath: string, relative: string, where = 'manifest'): string {
  const joined = path.posix.normalize(path.posix.join(path.posix.dirname(scriptPath), relative));
  if (path.posix.isAbsolute(relative) || joined === '..' || joined.startsWith('../')) throw new Error(`${where}: data path ${relative} leaves the repository`);
  return joined;
}

export type OutcomeKind = 'runs' | 'runs (60 s)' | 'error';

export interface Outcome {
  kind: OutcomeKind;
  /** The exception a traceback ended with (or the last line on stderr), escaped and trimmed for a table cell. */
  error?: string;
  seconds: number;
}

/** Control characters as escapes, pipes escaped for markdown, and at most `max` characters. */
export function cellText(text: string, max = 120): string {
  const escaped = text.replace(/[\u0000-\u001f\u007f]/g, (c) => (c === '\t' ? ' ' : `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`)).replace(/\|/g, '\\|');
  return escaped.length > max ? `${escaped.slice(0, max - 1)}…` : escaped;
}

const TRACEBACK = 'Traceback (most recent call last):';

/** True when stderr holds a Python traceback. */
export function hasTraceback(stderr: string): boolean {
  return stderr.includes(TRACEBACK);
}

/**
 * The exception the last traceback on stderr ends with: the first unindented line after its frames (for a
 * chained exception, the last one raised). Without a traceback, the last non-empty line of stderr.
 */
export function lastException(stderr: string): string | undefined {
  const lines = stderr.split(/\r?\n/);
  let start = -1;
  for (let i = lines.length - 1; i >= 0; i--) {
    if (lines[i].startsWith(TRACEBACK)) {
      start = i;
      break;
    }
  }
  if (start >= 0) {
    for (let i = start + 1; i < lines.length; i++) {
      const line = lines[i];
      if (line.trim() && !/^\s/.test(line)) return line.trim();
    }
  }
  for (let i = lines.length - 1; i >= 0; i--) if (lines[i].trim()) return lines[i].trim();
  return undefined;
}

/** The outcome of one run, from how it ended and what it wrote on stderr. */
export function classifyRun(
  run: { code: number | null; signal: string | null; timedOut: boolean; stderr: string; seconds: number },
  limitSeconds: number,
  redact: (text: string) => string = (t) => t,
): Outcome {
  const stderr = redact(run.stderr);
  const traceback = hasTraceback(stderr);
  if (run.timedOut && !traceback) return { kind: 'runs (60 s)', seconds: limitSeconds };
  if (run.code === 0 && !traceback) return { kind: 'runs', seconds: run.seconds };
  const last = lastException(stderr);
  const fallback = run.signal ? `killed by ${run.signal}` : `exit code ${run.code}`;
  return { kind: 'error', error: cellText(traceback || !last ? (last ?? fallback) : `${last} (${fallback})`), seconds: run.seconds };
}

export const isRunning = (o: Outcome | undefined): boolean => o !== undefined && o.kind !== 'error';

export interface ScriptResult {
  entry: CorpusScript;
  asIs: Outcome;
  /** TF1 scripts only. */
  upgrade?: Outcome;
  ours: Outcome;
}

/** Per-script rows of one half: as-is, upgrade tool, ours, and the first error the "ours" run still has. */
export function halfTable(half: Half, results: readonly ScriptResult[], title: string, redact: (text: string) => string = (t) => t): BenchTable {
  const cell = (o: Outcome | undefined) => (o === undefined ? '-' : o.kind === 'error' ? '**error**' : o.kind);
  return {
    title,
    headers: ['id', 'repo', 'era', 'as-is', 'upgrade tool', 'ours', 'first error left (ours)'],
    rows: results.filter((r) => r.entry.split === half).map((r) => [r.entry.id, r.entry.repo, r.entry.era, cell(r.asIs), cell(r.upgrade), cell(r.ours), redact(r.ours.error ?? '')]),
    notes: [],
  };
}

const pct = (part: number, whole: number) => (whole ? `${Math.round((100 * part) / whole)}%` : '-');

/** Per era and in all: scripts, failing as-is, of those running after ours and after the upgrade tool, regressions. */
export function summaryTable(half: Half, results: readonly ScriptResult[], title: string): BenchTable {
  const rows: string[][] = [];
  const mine = results.filter((r) => r.entry.split === half);
  for (const era of [...ERAS, 'all'] as const) {
    const of = era === 'all' ? mine : mine.filter((r) => r.entry.era === era);
    const failing = of.filter((r) => !isRunning(r.asIs));
    const fixedOurs = failing.filter((r) => isRunning(r.ours)).length;
    const upgradeFailing = failing.filter((r) => r.upgrade !== undefined);
    const fixedUpgrade = upgradeFailing.filter((r) => isRunning(r.upgrade)).length;
    const regressions = of.filter((r) => isRunning(r.asIs) && !isRunning(r.ours)).length;
    rows.push([
      era,
      String(of.length),
      String(failing.length),
      `${fixedOurs} (${pct(fixedOurs, failing.length)})`,
      upgradeFailing.length ? `${fixedUpgrade} of ${upgradeFailing.length} (${pct(fixedUpgrade, upgradeFailing.length)})` : '-',
      String(regressions),
    ]);
  }
  return {
    title,
    headers: ['era', 'scripts', 'failing as-is', 'of those, running after ours', 'of those, running after the upgrade tool (TF1)', 'running as-is, failing after ours'],
    rows,
    notes: [],
  };
}

/* ---------------------------------------------------------------- running ---------------------------------------------------------------- */

interface Options {
  showTest: boolean;
  only?: Set<string>;
  era?: Era;
  fresh: boolean;
}

export function parseArgs(argv: readonly string[]): Options {
  const options: Options = { showTest: false, fresh: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--show-test') options.showTest = true;
    else if (arg === '--fresh') options.fresh = true;
    else if (arg === '--only') options.only = new Set((argv[++i] ?? '').split(',').filter(Boolean));
    else if (arg === '--era') {
      const era = argv[++i];
      if (!(ERAS as readonly string[]).includes(era)) throw new Error(`--era takes one of ${ERAS.join(', ')}`);
      options.era = era as Era;
    } else throw new Error(`unknown argument ${arg} (flags: --show-test, --only ID[,ID], --era ERA, --fresh)`);
  }
  return options;
}

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const log = (line: string) => process.stderr.write(`${line}\n`);

function outRoot(): string {
  return process.env.FG_MIGRATE_CORPUS_OUT ?? path.join(os.tmpdir(), 'fg-migrate-corpus');
}

/** The `real` layer's venv, named by the hash of test/real/requirements.txt as scripts/setup-e2e.sh names it. */
function frameworksPython(): string {
  if (process.env.FG_PYTHON) return process.env.FG_PYTHON;
  const stamp = createHash('sha256').update(fs.readFileSync(path.join(REPO_ROOT, 'test', 'real', 'requirements.txt'))).digest('hex').slice(0, 12);
  const cache = path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), 'framework-guide-e2e');
  return path.join(cache, `python-venv-${stamp}`, 'bin', 'python');
}

function python(executable: string, code: string): string {
  const r = spawnSync(executable, ['-c', code], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${executable} -c failed: ${r.stderr.trim().split('\n').pop() ?? ''}`);
  return r.stdout.trim();
}

/**
 * A venv for the scripts: FG_PYTHON's packages through a .pth file (the same TensorFlow, Keras, PyTorch and NumPy)
 * plus the plotting and data packages the corpus scripts import, installed by pip once.
 */
function scriptsPython(frameworks: string, root: string): string {
  const purelib = python(frameworks, "import sysconfig; print(sysconfig.get_paths()['purelib'])");
  const venv = path.join(root, `python-${createHash('sha256').update(purelib).digest('hex').slice(0, 12)}`);
  const executable = path.join(venv, 'bin', 'python');
  const marker = path.join(venv, '.complete');
  if (fs.existsSync(marker)) return executable;
  log(`migrateCorpus: a venv for the scripts (pandas, matplotlib, scikit-learn over ${frameworks}) in ${venv}`);
  fs.rmSync(venv, { recursive: true, force: true });
  const made = spawnSync(frameworks, ['-m', 'venv', venv], { stdio: 'inherit' });
  if (made.status !== 0) throw new Error('could not create the scripts venv');
  fs.writeFileSync(path.join(python(executable, "import sysconfig; print(sysconfig.get_paths()['purelib'])"), 'fg-frameworks.pth'), `${purelib}\n`);
  const pip = spawnSync(executable, ['-m', 'pip', 'install', '-q', '--disable-pip-version-check', '--retries', '0', '--timeout', '5', 'pandas', 'matplotlib', 'scikit-learn'], { stdio: 'inherit' });
  if (pip.status !== 0) throw new Error('pip could not install pandas, matplotlib and scikit-learn into the scripts venv');
  fs.writeFileSync(marker, '');
  return executable;
}

/** Python and the versions of the packages the scripts use: part of every cached outcome's key. */
function frameworkVersions(executable: string): string {
  const code = [
    'import importlib.metadata as m, sys',
    'def v(*names):',
    '    for n in names:',
    '        try:',
    "            return n + ' ' + m.version(n)",
    '        except m.PackageNotFoundError:',
    '            pass',
    "    return ''",
    "print('Python ' + sys.version.split()[0], v('tensorflow', 'tensorflow-cpu'), v('keras'), v('torch'), v('numpy'), v('pandas'), v('matplotlib'), v('scikit-learn'), sep=', ')",
  ].join('\n');
  return python(executable, code);
}

/** Copies the script and its files from the cache into `dir`, at their paths inside the repository. */
function layOut(entry: CorpusScript, cacheRoot: string, dir: string): string {
  fs.rmSync(dir, { recursive: true, force: true });
  for (const repoRelative of [entry.path, ...entry.data.map((d) => repoPath(entry.path, d))]) {
    const target = path.join(dir, ...repoRelative.split('/'));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(cachedPath(cacheRoot, { repo: entry.repo, commit: entry.commit, path: repoRelative }), target);
  }
  return path.join(dir, ...entry.path.split('/'));
}

/** The Python files a variant rewrites: the script and the modules beside it that it imports. */
function pythonFiles(entry: CorpusScript, dir: string): string[] {
  return [entry.path, ...entry.data.map((d) => repoPath(entry.path, d))].filter((p) => p.endsWith('.py')).map((p) => path.join(dir, ...p.split('/')));
}

interface RawRun {
  code: number | null;
  signal: string | null;
  timedOut: boolean;
  stderr: string;
  seconds: number;
}

/** Runs a command in its own process group, so a timeout ends the script's children too; keeps the last 1 MB of stderr. */
function runProcess(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv, limitSeconds: number): Promise<RawRun> {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'ignore', 'pipe'], detached: true });
    let stderr = '';
    let timedOut = false;
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      stderr += chunk;
      if (stderr.length > 2_000_000) stderr = stderr.slice(-1_000_000);
    });
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    }, limitSeconds * 1000);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      // A script that forked helpers (multiprocessing, DataLoader workers) may leave them behind: end the group.
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // the group is already gone
      }
      resolve({ code, signal, timedOut, stderr, seconds: (performance.now() - started) / 1000 });
    });
  });
}

function scriptEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(env)) if (/^(PYTHON|VIRTUAL_ENV|CONDA)/.test(key)) delete env[key];
  return {
    ...env,
    CUDA_VISIBLE_DEVICES: '',
    TF_CPP_MIN_LOG_LEVEL: '2',
    MPLBACKEND: 'Agg',
    KERAS_BACKEND: 'tensorflow',
    PYTHONDONTWRITEBYTECODE: '1',
    // No network: a download meets a closed local port and fails at once; local servers (distributed TF) still work.
    HTTP_PROXY: 'http://127.0.0.1:9',
    HTTPS_PROXY: 'http://127.0.0.1:9',
    http_proxy: 'http://127.0.0.1:9',
    https_proxy: 'http://127.0.0.1:9',
    NO_PROXY: 'localhost,127.0.0.1',
    no_proxy: 'localhost,127.0.0.1',
  };
}

interface Context {
  cacheRoot: string;
  out: string;
  scriptsPy: string;
  frameworksPy: string;
  limit: number;
  ourCommand: 'migrate' | 'scan --fix';
  outcomes: Record<string, Outcome>;
  versions: string;
  fresh: boolean;
  redact: (text: string) => string;
}

async function runScript(ctx: Context, entry: CorpusScript, dir: string): Promise<Outcome> {
  const script = path.join(dir, ...entry.path.split('/'));
  const raw = await runProcess(ctx.scriptsPy, [path.basename(script), ...entry.argv], path.dirname(script), scriptEnv(), ctx.limit);
  return classifyRun(raw, ctx.limit, ctx.redact);
}

/** The key of a cached outcome: the variant, the bytes of the script and its files, the argv and the versions. */
function cacheKey(ctx: Context, entry: CorpusScript, variant: string): string {
  const hash = createHash('sha256').update(`${variant}\0${ctx.versions}\0${ctx.limit}\0${JSON.stringify(entry.argv)}\0`);
  for (const p of [entry.path, ...entry.data.map((d) => repoPath(entry.path, d))]) {
    hash.update(p).update('\0').update(fs.readFileSync(cachedPath(ctx.cacheRoot, { repo: entry.repo, commit: entry.commit, path: p })));
  }
  return hash.digest('hex');
}

async function cached(ctx: Context, entry: CorpusScript, variant: string, compute: () => Promise<Outcome>): Promise<Outcome> {
  const key = cacheKey(ctx, entry, variant);
  if (!ctx.fresh && ctx.outcomes[key]) return ctx.outcomes[key];
  const outcome = await compute();
  ctx.outcomes[key] = outcome;
  return outcome;
}

async function measure(ctx: Context, entry: CorpusScript): Promise<ScriptResult> {
  const base = path.join(ctx.out, 'work', entry.id);
  const asIs = await cached(ctx, entry, 'as-is', async () => {
    const dir = path.join(base, 'as-is');
    layOut(entry, ctx.cacheRoot, dir);
    return runScript(ctx, entry, dir);
  });
  let upgrade: Outcome | undefined;
  if (entry.era === 'tf1') {
    upgrade = await cached(ctx, entry, 'upgrade', async () => {
      const dir = path.join(base, 'upgrade');
      layOut(entry, ctx.cacheRoot, dir);
      for (const file of pythonFiles(entry, dir)) {
        const upgraded = `${file}.upgraded`;
        const r = spawnSync(ctx.frameworksPy, ['-m', 'tensorflow.tools.compatibility.tf_upgrade_v2', '--infile', file, '--outfile', upgraded, '--reportfile', `${file}.report.txt`], {
          cwd: dir,
          env: scriptEnv(),
          encoding: 'utf8',
        });
        if (r.status !== 0 || !fs.existsSync(upgraded)) {
          return { kind: 'error', error: cellText(`tf_upgrade_v2 failed: ${lastException(r.stderr ?? '') ?? `exit code ${r.status}`}`), seconds: 0 };
        }
        fs.renameSync(upgraded, file);
      }
      return runScript(ctx, entry, dir);
    });
  }
  const dir = path.join(base, 'ours');
  layOut(entry, ctx.cacheRoot, dir);
  const files = pythonFiles(entry, dir);
  const args = ctx.ourCommand === 'migrate' ? ['migrate', ...files] : ['scan', ...files, '--fix'];
  const tool = spawnSync(process.execPath, [path.join(REPO_ROOT, 'dist', 'cli.js'), ...args], { encoding: 'utf8' });
  // scan --fix exits 1 only with --fail-on; 2 and 3 are the tool failing, which is an outcome of "ours" too.
  const ours: Outcome =
    tool.status === 2 || tool.status === 3 || tool.status === null
      ? { kind: 'error', error: cellText(`framework-guide ${args[0]} failed: ${(tool.stderr ?? '').trim().split('\n').pop() ?? ''}`), seconds: 0 }
      : await runScript(ctx, entry, dir);
  return { entry, asIs, upgrade, ours };
}

async function pool<T, R>(items: readonly T[], jobs: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(jobs, items.length) }, worker));
  return results;
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const manifest = parseManifest(fs.readFileSync(path.join(REPO_ROOT, 'bench', 'migrate-corpus.json'), 'utf8'));
  const entries = manifest.entries.filter((e) => (!options.only || options.only.has(e.id)) && (!options.era || e.era === options.era));
  if (options.only) for (const id of options.only) if (!entries.some((e) => e.id === id)) throw new Error(`--only: no entry ${id}`);
  const cli = path.join(REPO_ROOT, 'dist', 'cli.js');
  if (!fs.existsSync(cli)) throw new Error('dist/cli.js is missing: run `npm run build` first');
  const help = spawnSync(process.execPath, [cli, '--help'], { encoding: 'utf8' });
  const ourCommand = /framework-guide migrate\b/.test(`${help.stdout}${help.stderr}`) ? 'migrate' : 'scan --fix';

  const refs: CorpusFileRef[] = entries.flatMap((e) => [e.path, ...e.data.map((d) => repoPath(e.path, d))].map((p) => ({ repo: e.repo, commit: e.commit, path: p })));
  const { root: cacheRoot, missing } = materialiseCorpus(refs);
  for (const m of missing) log(`migrateCorpus: missing ${m.ref.repo}@${m.ref.commit.slice(0, 10)}:${m.ref.path}: ${m.reason}`);
  const missingIds = new Set(entries.filter((e) => missing.some((m) => m.ref.repo === e.repo && m.ref.commit === e.commit)).map((e) => e.id));
  const runnable = entries.filter((e) => !missingIds.has(e.id));

  const out = outRoot();
  fs.mkdirSync(out, { recursive: true });
  const frameworksPy = frameworksPython();
  if (!fs.existsSync(frameworksPy)) throw new Error(`no Python at ${frameworksPy}: set FG_PYTHON, or run scripts/setup-e2e.sh`);
  const scriptsPy = scriptsPython(frameworksPy, out);
  const versions = frameworkVersions(scriptsPy);
  const cacheFile = path.join(out, 'outcomes.json');
  const outcomes = fs.existsSync(cacheFile) ? (JSON.parse(fs.readFileSync(cacheFile, 'utf8')) as Record<string, Outcome>) : {};
  const limit = Number(process.env.FG_MIGRATE_TIMEOUT ?? 60);
  const jobs = Math.max(1, Math.min(2, Number(process.env.FG_BENCH_JOBS ?? 1) || 1));
  // Errors name no folder of this machine: the frameworks' and the scripts' packages, the work folders, the home.
  const prefixes: Array<[string, string]> = [
    [python(frameworksPy, "import sysconfig; print(sysconfig.get_paths()['purelib'])"), '<site-packages>'],
    [python(scriptsPy, "import sysconfig; print(sysconfig.get_paths()['purelib'])"), '<site-packages>'],
    [out, '$FG_MIGRATE_CORPUS_OUT'],
    [os.homedir(), '~'],
  ];
  const redact = (text: string) => prefixes.reduce((t, [prefix, name]) => t.split(prefix).join(name), text);
  const ctx: Context = { cacheRoot, out, scriptsPy, frameworksPy, limit, ourCommand, outcomes, versions, fresh: options.fresh, redact };
  log(`migrateCorpus: ${runnable.length} scripts (${missingIds.size} missing), ${jobs} at a time, ${limit} s each; ours = framework-guide ${ourCommand}; ${versions}`);

  let done = 0;
  const results = await pool(runnable, jobs, async (entry) => {
    const result = await measure(ctx, entry);
    // Saved after every script, so an interrupted run keeps what it measured.
    fs.writeFileSync(cacheFile, JSON.stringify(outcomes));
    log(`migrateCorpus: ${++done}/${runnable.length} ${entry.split === 'dev' || options.showTest ? entry.id : '(test)'}`);
    return result;
  });

  const notes = [
    `${versions}; each run limited to ${limit} s ("runs (60 s)": still running then, with no traceback so far). Ours: \`framework-guide ${ourCommand}\`. Upgrade tool: tf_upgrade_v2 from the installed TensorFlow wheel (TF1 scripts only).`,
    ...(missingIds.size ? [`Not run (files missing from the mirrors or cache): ${[...missingIds].join(', ')}.`] : []),
  ];
  const halves: Array<[Half, boolean]> = [
    ['dev', true],
    ['test', options.showTest],
  ];
  for (const [half, rows] of halves) {
    if (!results.some((r) => r.entry.split === half)) continue;
    if (rows) process.stdout.write(`${toMarkdown(halfTable(half, results, `Migrating legacy scripts: ${half} half, per script`, redact))}\n`);
    process.stdout.write(`${toMarkdown({ ...summaryTable(half, results, `Migrating legacy scripts: ${half} half, summary`), notes: half === 'dev' ? notes : [] })}\n`);
  }
}

if (isMain('migrateCorpus')) {
  main().catch((err: unknown) => {
    process.stderr.write(`migrateCorpus: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(2);
  });
}
