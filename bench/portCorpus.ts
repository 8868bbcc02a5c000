/**
 * The held-out port corpus bench (issue 33): ports every real model of bench/port-corpus.json with the CLI and runs
 * each generated check with the real frameworks, then prints one row per model and a summary per half.
 *
 * How to run, from the repository root (`npm run build` makes dist/cli.js, `node esbuild.config.js --tests` this file):
 *   npm run build && node esbuild.config.js --tests
 *   FG_PYTHON="$(node -e "import('./scripts/lib/codeServer.mjs').then(m => console.log(m.PYTHON))")" \
 *   FG_MIRRORS=<folder of git mirrors> node out/bench/portCorpus.js [--half dev|test] [--only ID[,ID...]] [--show-test]
 * By default it prints the development half's rows and only the test half's summary; --show-test adds the test rows
 * (for the end of the work on issue 33, not before). It measures and exits 0 whatever the ports and checks give.
 * Environment:
 *   FG_PYTHON              a Python with tensorflow-cpu, keras and torch (the `real` layer's interpreter); required
 *   FG_MIRRORS             git mirrors to read the corpus from (see bench/corpus.ts); FG_CORPUS_CACHE its cache
 *   FG_PORT_CORPUS_OUT     work folder, one subfolder per model (default ${TMPDIR:-/tmp}/fg-port-corpus)
 *   FG_BENCH_JOBS          Python processes running checks at once, 1 or 2 (default 1)
 *   FG_PORT_CHECK_TIMEOUT  seconds per check (default 120)
 */
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { cachedPath, materialiseCorpus, type CorpusFileRef } from './corpus';
import { isMain, toMarkdown, type BenchTable } from './tables';

export type Framework = 'pytorch' | 'keras';
export type Half = 'dev' | 'test';

/** One model of the manifest (see the manifest's note for what each field means). */
export interface CorpusModel {
  id: string;
  repo: string;
  commit: string;
  path: string;
  license: string;
  framework: Framework;
  model: string;
  kind: string;
  args: string;
  inputShape: number[];
  integerInput?: number;
  inputDeclared?: boolean;
  support: string[];
  split: Half;
}

export interface PortCorpus {
  models: CorpusModel[];
  /** `name==version` pins installed beside the frameworks for the files that import them. */
  pythonPackages: string[];
}

/** Reads and checks the manifest; throws with every problem found, so a broken entry is never measured quietly. */
export function parsePortCorpus(text: string): PortCorpus {
  const raw = JSON.parse(text) as { models?: unknown; pythonPackages?: unknown };
  if (!Array.isArray(raw.models)) throw new Error('port corpus: "models" must be a list');
  const problems: string[] = [];
  const ids = new Set<string>();
  const halfOf = new Map<string, Half>();
  const models: CorpusModel[] = [];
  for (const [index, item] of (raw.models as Array<Record<string, unknown>>).entries()) {
    const where = `models[${index}]${typeof item.id === 'string' ? ` (${item.id})` : ''}`;
    const text = (key: string): string => {
      const value = item[key];
      if (typeof value !== 'string' || (key !== 'args' && value === '')) problems.push(`${where}: "${key}" must be a${key === 'args' ? '' : ' non-empty'} string`);
      return typeof value === 'string' ? value : '';
    };
    const model: CorpusModel = {
      id: text('id'),
      repo: text('repo'),
      commit: text('commit'),
      path: text('path'),
      license: text('license'),
      framework: text('framework') as Framework,
      model: text('model'),
      kind: text('kind'),
      args: text('args'),
      inputShape: Array.isArray(item.inputShape) ? (item.inputShape as number[]) : [],
      support: Array.isArray(item.support) ? (item.support as string[]) : [],
      split: text('split') as Half,
    };
    if (!/^[\w.-]+\/[\w.-]+$/.test(model.repo)) problems.push(`${where}: "repo" must be owner/name`);
    if (!/^[0-9a-f]{40}$/.test(model.commit)) problems.push(`${where}: "commit" must be 40 hex digits`);
    if (!model.path.endsWith('.py')) problems.push(`${where}: "path" must be a .py file`);
    if (model.framework !== 'pytorch' && model.framework !== 'keras') problems.push(`${where}: "framework" must be pytorch or keras`);
    if (model.split !== 'dev' && model.split !== 'test') problems.push(`${where}: "split" must be dev or test`);
    if (model.inputShape.length === 0 || !model.inputShape.every((d) => Number.isInteger(d) && d > 0)) problems.push(`${where}: "inputShape" must be positive integers`);
    if (!model.support.every((s) => typeof s === 'string' && s.endsWith('.py'))) problems.push(`${where}: "support" must list .py files`);
    if (item.integerInput !== undefined) {
      if (!Number.isInteger(item.integerInput) || (item.integerInput as number) < 1) problems.push(`${where}: "integerInput" must be a positive integer`);
      model.integerInput = item.integerInput as number;
    }
    if (item.inputDeclared !== undefined) {
      if (typeof item.inputDeclared !== 'boolean' || model.framework !== 'keras') problems.push(`${where}: "inputDeclared" is a boolean of Keras models`);
      model.inputDeclared = item.inputDeclared === true;
    }
    if (ids.has(model.id)) problems.push(`${where}: duplicate id`);
    ids.add(model.id);
    const half = halfOf.get(model.repo);
    if (half && half !== model.split) problems.push(`${where}: ${model.repo} is in both halves (the split is by repository)`);
    halfOf.set(model.repo, model.split);
    models.push(model);
  }
  const packages = raw.pythonPackages ?? [];
  if (!Array.isArray(packages) || !packages.every((p) => typeof p === 'string' && /^[\w.-]+==[\w.+-]+$/.test(p))) problems.push('"pythonPackages" must list name==version pins');
  if (problems.length) throw new Error(`port corpus: ${problems.join('; ')}`);
  return { models, pythonPackages: packages as string[] };
}

/** What running one generated check gave. */
export type CheckOutcome = { status: 'pass' | 'fail'; maxDiff?: number; message: string } | { status: 'error'; message: string };

/** What the bench learnt about one model. */
export interface ModelOutcome {
  model: CorpusModel;
  /** Why the model's files could not be had (then nothing else ran). */
  missing?: string;
  /** The CLI's exit code: 0 ported, 1 ported with TODO lines, 2 refused; anything else is a crash or a timeout. */
  portExit?: number;
  /** The CLI's own message when it refused or crashed. */
  portMessage?: string;
  /** The constructs the CLI reported as not ported, in order. */
  todos: string[];
  /** Absent when the check did not run. */
  check?: CheckOutcome;
}

/** The constructs of the CLI's `not ported (construct): reason` lines on stderr, in order. */
export function todoConstructs(stderr: string): string[] {
  const constructs: string[] = [];
  for (const line of stderr.split('\n')) {
    const match = /^framework-guide: not ported \((.*?)\): /.exec(line);
    if (match) constructs.push(match[1]);
  }
  return constructs;
}

/** The last non-empty line of `text`, or ''. */
function lastLine(text: string): string {
  const lines = text.split('\n').map((l) => l.trimEnd()).filter((l) => l.trim() !== '');
  return lines[lines.length - 1] ?? '';
}

/** The CLI's message when it did not port: its last stderr line that is not a TODO report. */
export function portMessage(stderr: string): string {
  return lastLine(stderr.split('\n').filter((l) => !l.startsWith('framework-guide: not ported (')).join('\n')).replace(/^framework-guide: /, '');
}

/**
 * What a traceback says went wrong: the line naming the exception (`Type: message`, the first unindented line after
 * the last frame), and the next unindented line when the message goes on: Keras writes `Exception encountered when
 * calling X.` first and the reason below it, then `Arguments received by ...:` and indented arguments, left out.
 */
export function exceptionLine(traceback: string): string {
  // Keras colours parts of its messages for terminals (ANSI SGR sequences): formatting, not text.
  const lines = traceback.replace(/\x1b\[[0-9;]*m/g, '').split('\n');
  let start = 0;
  lines.forEach((line, i) => {
    if (line.startsWith('  File "')) start = i + 1;
  });
  const text = lines.slice(start).filter((line) => line.trim() !== '' && !/^\s/.test(line) && !line.startsWith('Arguments received by '));
  if (text.length === 0) return lastLine(traceback);
  return (text.length > 1 && /: Exception encountered when calling /.test(text[0]) ? `${text[0]} ${text[1]}` : text[0]).trimEnd();
}

/**
 * Reads one check's result from run_jobs.py: a check prints `framework-guide check: ok max_abs_diff=X` when the outputs
 * agree and exits with `framework-guide check: FAILED ...` when they do not; any other exception is an error.
 */
export function checkOutcomeOf(result: { ok: boolean; error: string | null; output: string }): CheckOutcome {
  if (result.ok) {
    const ok = /^framework-guide check: ok max_abs_diff=(\S+)/m.exec(result.output.split('\n').filter((l) => l.startsWith('framework-guide check:')).pop() ?? '');
    if (ok) return { status: 'pass', maxDiff: Number(ok[1]), message: `max_abs_diff=${ok[1]}` };
    return { status: 'error', message: 'the check ended without printing its result' };
  }
  const last = exceptionLine(result.error ?? '');
  const failed = /^SystemExit: framework-guide check: FAILED (.*)$/.exec(last);
  if (failed) {
    const diff = /max_abs_diff=(\S+)/.exec(failed[1]);
    return diff ? { status: 'fail', maxDiff: Number(diff[1]), message: failed[1] } : { status: 'fail', message: failed[1] };
  }
  return { status: 'error', message: last || 'the check failed without a traceback' };
}

/** A table cell: control characters escaped, pipes escaped, at most `max` characters. */
export function cell(text: string, max = 100): string {
  const escaped = text.replace(/[\u0000-\u001f\u007f]/g, (c) => (c === '\n' ? '\\n' : c === '\t' ? '\\t' : `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`));
  const trimmed = escaped.length > max ? `${escaped.slice(0, max - 1)}…` : escaped;
  return trimmed.replace(/\|/g, '\\|');
}

/** The short automatic cause of a row: the first TODO construct, else the error's type and message, else the failure. */
export function causeOf(outcome: ModelOutcome): string {
  if (outcome.missing) return cell(`not materialised: ${outcome.missing}`);
  if (outcome.todos.length) return cell(`TODO: ${outcome.todos[0]}`);
  if (outcome.portExit !== 0 && outcome.portExit !== 1) return cell(outcome.portMessage ?? `port exited ${outcome.portExit}`);
  if (!outcome.check) return 'check not run';
  if (outcome.check.status === 'pass') return '—';
  return cell(outcome.check.message);
}

function checkCell(outcome: ModelOutcome): string {
  const check = outcome.check;
  if (!check) return 'not run';
  if (check.status === 'error') return `error: ${cell(check.message, 80)}`;
  const diff = check.maxDiff !== undefined ? ` ${check.maxDiff.toPrecision(2)}` : '';
  return check.status === 'pass' ? `pass${diff}` : `fail${diff || `: ${cell(check.message, 60)}`}`;
}

const targetOf = (framework: Framework): Framework => (framework === 'pytorch' ? 'keras' : 'pytorch');

export function outcomeRow(outcome: ModelOutcome): string[] {
  const m = outcome.model;
  return [
    m.id,
    m.repo,
    `${m.framework} → ${targetOf(m.framework)}`,
    m.kind,
    outcome.portExit === undefined ? '—' : String(outcome.portExit),
    String(outcome.todos.length),
    checkCell(outcome),
    causeOf(outcome),
  ];
}

export interface HalfSummary {
  models: number;
  /** The headline: exit 0, no TODO line, check passing. */
  clean: number;
  withTodo: number;
  portErrors: number;
  notMaterialised: number;
  checkFails: number;
  checkErrors: number;
  /** Exit 0 without a TODO line, yet the check fails, errors or could not run: what issue 33 forbids. */
  silent: number;
}

export function summarise(outcomes: readonly ModelOutcome[]): HalfSummary {
  const cleanPort = (o: ModelOutcome) => o.portExit === 0 && o.todos.length === 0;
  return {
    models: outcomes.length,
    clean: outcomes.filter((o) => cleanPort(o) && o.check?.status === 'pass').length,
    withTodo: outcomes.filter((o) => o.todos.length > 0).length,
    portErrors: outcomes.filter((o) => !o.missing && o.portExit !== 0 && o.portExit !== 1).length,
    notMaterialised: outcomes.filter((o) => o.missing).length,
    checkFails: outcomes.filter((o) => o.check?.status === 'fail').length,
    checkErrors: outcomes.filter((o) => o.check?.status === 'error').length,
    silent: outcomes.filter((o) => cleanPort(o) && o.check?.status !== 'pass').length,
  };
}

const ROW_HEADERS = ['id', 'project', 'framework → target', 'kind', 'port exit', 'TODO lines', 'check', 'cause'];

export function summaryRows(summary: HalfSummary): string[][] {
  const share = (n: number) => (summary.models ? `${n} (${Math.round((100 * n) / summary.models)}%)` : String(n));
  return [
    ['models', String(summary.models)],
    ['**ported with no TODO line and check passing**', `**${share(summary.clean)}**`],
    ['ported with TODO lines (exit 1)', share(summary.withTodo)],
    ['port errors (exit 2, crash or timeout)', share(summary.portErrors)],
    ['checks failing (outputs differ)', share(summary.checkFails)],
    ['checks erroring (exception, timeout)', share(summary.checkErrors)],
    ['exit 0 without TODO but check fails or errors', share(summary.silent)],
    ...(summary.notMaterialised ? [['files not materialised', String(summary.notMaterialised)]] : []),
  ];
}

// ---- running ------------------------------------------------------------------------------------------------------

/** Repository root: this file runs as out/bench/portCorpus.js. */
const REPO_ROOT = path.resolve(__dirname, '..', '..');
const RUN_JOBS = path.join(REPO_ROOT, 'test', 'real', 'run_jobs.py');

interface JobResult {
  id: string;
  ok: boolean;
  error: string | null;
  output: string;
}

interface CheckJob {
  id: string;
  source: string;
  teardown: string;
  timeout: number;
}

function log(line: string): void {
  process.stderr.write(`${line}\n`);
}

/** Installs the pinned packages (without dependencies: the pins are the whole closure) into `site`, once per pin list. */
function ensurePythonPackages(python: string, packages: readonly string[], site: string): string {
  if (packages.length === 0) return '';
  const marker = path.join(site, '.fg-packages');
  const wanted = packages.join('\n');
  const installed = `${packages.length} extra Python packages (the manifest's pins)`;
  if (fs.existsSync(marker) && fs.readFileSync(marker, 'utf8') === wanted) return installed;
  fs.rmSync(site, { recursive: true, force: true });
  log(`port corpus: installing ${packages.length} Python packages the corpus files import into ${site} …`);
  const run = spawnSync(python, ['-m', 'pip', 'install', '--quiet', '--no-deps', '--retries', '0', '--timeout', '5', '--target', site, ...packages], { encoding: 'utf8', timeout: 900_000 });
  if (run.status !== 0) return `could not install the extra Python packages (${lastLine(run.stderr ?? '') || run.error?.message}); files that import them error`;
  fs.writeFileSync(marker, wanted);
  return installed;
}

/** The Python a check job runs: from the model's own folder, as `python check.py` would, with the tree's root importable. */
function checkJob(id: string, folder: string, originalDir: string, check: string, timeout: number): CheckJob {
  const literal = (s: string) => JSON.stringify(s);
  return {
    id,
    timeout,
    source: [
      'import os, runpy, sys',
      `_fg_roots = [${literal(originalDir)}, ${literal(folder)}]`,
      `os.chdir(${literal(originalDir)})`,
      'sys.path[:0] = _fg_roots',
      `sys.argv = [${literal(check)}]`,
      `runpy.run_path(${literal(check)}, run_name="__main__")`,
    ].join('\n'),
    // Each model's modules, paths and framework settings go with it: the next model imports its own `model.py`.
    teardown: [
      'for _fg_p in _fg_roots:',
      '    while _fg_p in sys.path:',
      '        sys.path.remove(_fg_p)',
      'for _fg_name, _fg_module in list(sys.modules.items()):',
      '    _fg_file = getattr(_fg_module, "__file__", None) or ""',
      `    if _fg_name in ("fg_original", "fg_ported") or _fg_file.startswith(${literal(folder + path.sep)}):`,
      '        del sys.modules[_fg_name]',
      'try:',
      '    import keras',
      '    keras.config.set_image_data_format("channels_last")',
      '    keras.config.set_floatx("float32")',
      '    keras.backend.clear_session()',
      'except Exception:',
      '    pass',
      'try:',
      '    import torch',
      '    torch.set_default_dtype(torch.float32)',
      '    torch.set_grad_enabled(True)',
      'except Exception:',
      '    pass',
    ].join('\n'),
  };
}

/** Runs `jobs` in one interpreter through test/real/run_jobs.py; resolves with the results it wrote and how it ended. */
function runBatch(python: string, jobs: CheckJob[], env: NodeJS.ProcessEnv): Promise<{ results: Map<string, JobResult>; status: number | null; stderr: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fg-port-corpus-jobs-'));
  const jobsFile = path.join(dir, 'jobs.json');
  const resultsFile = path.join(dir, 'results.jsonl');
  fs.writeFileSync(jobsFile, JSON.stringify(jobs));
  const limit = jobs.reduce((sum, job) => sum + job.timeout, 0) * 1000 + 120_000;
  return new Promise((resolve) => {
    const child = spawn(python, [RUN_JOBS, jobsFile, resultsFile], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-20_000);
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), limit);
    let done = false;
    const finish = (status: number | null) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      const results = new Map<string, JobResult>();
      if (fs.existsSync(resultsFile)) {
        for (const line of fs.readFileSync(resultsFile, 'utf8').split('\n')) {
          if (line.trim()) {
            const result = JSON.parse(line) as JobResult;
            results.set(result.id, result);
          }
        }
      }
      fs.rmSync(dir, { recursive: true, force: true });
      resolve({ results, status, stderr });
    };
    child.on('error', (err) => {
      stderr += `\ncould not start ${python}: ${err.message}`;
      finish(null);
    });
    child.on('close', (code) => finish(code));
  });
}

/** Runs every job, starting a new interpreter after one dies; the job it died in gets an error of its own. */
async function runChecks(python: string, jobs: CheckJob[], env: NodeJS.ProcessEnv): Promise<Map<string, CheckOutcome>> {
  const outcomes = new Map<string, CheckOutcome>();
  let pending = jobs;
  while (pending.length) {
    const batch = await runBatch(python, pending, env);
    for (const [id, result] of batch.results) outcomes.set(id, checkOutcomeOf(result));
    const lost = pending.findIndex((job) => !batch.results.has(job.id));
    if (lost < 0) break;
    outcomes.set(pending[lost].id, { status: 'error', message: `the interpreter died in this check (exit ${batch.status}): ${lastLine(batch.stderr) || 'no message'}` });
    pending = pending.slice(lost + 1).filter((job) => !batch.results.has(job.id));
  }
  return outcomes;
}

interface Options {
  only?: Set<string>;
  /** Runs one half only (the other half's summary is then absent). */
  half?: Half;
  showTest: boolean;
}

function parseOptions(argv: string[]): Options {
  const options: Options = { showTest: false };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--show-test') options.showTest = true;
    else if (argv[i] === '--only' && argv[i + 1]) options.only = new Set(argv[++i].split(',').map((s) => s.trim()).filter(Boolean));
    else if (argv[i] === '--half' && (argv[i + 1] === 'dev' || argv[i + 1] === 'test')) options.half = argv[++i] as Half;
    else throw new Error(`portCorpus: unknown argument ${argv[i]} (use --only ID[,ID...], --half dev|test and --show-test)`);
  }
  return options;
}

/** `text` with the model's work folder left out of its paths, so a table names files as the repository does. */
export function withoutFolder(text: string, folder: string): string {
  return text.split(folder + path.sep).join('').split(folder).join('.');
}

/** `text` with the interpreter's environment, the work folder and the home folder named instead of spelt out. */
function withoutMachinePaths(text: string, python: string, outRoot: string): string {
  const environment = path.dirname(path.dirname(python));
  return text.split(environment).join('$FG_PYTHON_ENV').split(outRoot).join('$FG_PORT_CORPUS_OUT').split(os.homedir()).join('~');
}

/** Ports one model with the real CLI in its own folder; the original sits at its repository path under that folder. */
function portOne(model: CorpusModel, cacheRoot: string, folder: string, cli: string, argsFlag: boolean): ModelOutcome {
  fs.rmSync(folder, { recursive: true, force: true });
  for (const file of [model.path, ...model.support]) {
    const target = path.join(folder, ...file.split('/'));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(cachedPath(cacheRoot, { repo: model.repo, commit: model.commit, path: file }), target);
  }
  const work = path.join(folder, 'fg-port');
  fs.mkdirSync(work);
  const command = ['port', `${path.join(folder, ...model.path.split('/'))}:${model.model}`, '--to', targetOf(model.framework), '--out', path.join(work, 'ported.py'), '--check', path.join(work, 'check.py')];
  // As a user would: the input shape where the code does not declare one (every PyTorch model, as the README asks).
  if (!model.inputDeclared) command.push('--input-shape', model.inputShape.join(','));
  if (argsFlag && model.args) command.push('--args', model.args);
  const run = spawnSync(process.execPath, [cli, ...command], { cwd: folder, encoding: 'utf8', timeout: 120_000, maxBuffer: 16 * 1024 * 1024 });
  const stderr = run.stderr ?? '';
  const outcome: ModelOutcome = { model, portExit: run.status ?? -1, todos: todoConstructs(stderr) };
  if (run.status !== 0 && run.status !== 1) outcome.portMessage = withoutFolder(run.error ? `port did not finish: ${run.error.message}` : portMessage(stderr) || `exit ${run.status}`, folder);
  return outcome;
}

export async function benchPortCorpus(options: Options): Promise<string> {
  const python = process.env.FG_PYTHON;
  if (!python) throw new Error('portCorpus: set FG_PYTHON to a Python with tensorflow-cpu, keras and torch (see the comment at the top of bench/portCorpus.ts)');
  const cli = path.join(REPO_ROOT, 'dist', 'cli.js');
  if (!fs.existsSync(cli)) throw new Error(`portCorpus: ${cli} is missing: run npm run build first`);
  const corpus = parsePortCorpus(fs.readFileSync(path.join(REPO_ROOT, 'bench', 'port-corpus.json'), 'utf8'));
  const models = corpus.models.filter((m) => (!options.only || options.only.has(m.id)) && (!options.half || m.split === options.half));
  const unknown = [...(options.only ?? [])].filter((id) => !corpus.models.some((m) => m.id === id));
  if (unknown.length) throw new Error(`portCorpus: no model with id ${unknown.join(', ')}`);
  const outRoot = process.env.FG_PORT_CORPUS_OUT ?? path.join(os.tmpdir(), 'fg-port-corpus');
  fs.mkdirSync(outRoot, { recursive: true });
  const started = Date.now();

  log(`port corpus: materialising ${models.length} models …`);
  const refs: CorpusFileRef[] = models.flatMap((m) => [m.path, ...m.support].map((p) => ({ repo: m.repo, commit: m.commit, path: p })));
  const { root: cacheRoot, missing } = materialiseCorpus(refs);
  const packagesNote = ensurePythonPackages(python, corpus.pythonPackages, path.join(outRoot, 'site'));
  const argsFlag = (spawnSync(process.execPath, [cli, 'port', '--help'], { encoding: 'utf8' }).stdout ?? '').includes('--args');

  const outcomes: ModelOutcome[] = [];
  const jobs: CheckJob[] = [];
  const timeout = Number(process.env.FG_PORT_CHECK_TIMEOUT ?? 120);
  for (const model of models) {
    const lacking = missing.find((m) => m.ref.repo === model.repo && m.ref.commit === model.commit && [model.path, ...model.support].includes(m.ref.path));
    if (lacking) {
      outcomes.push({ model, missing: `${lacking.ref.path}: ${lacking.reason}`, todos: [] });
      continue;
    }
    const folder = path.join(outRoot, model.id);
    const outcome = portOne(model, cacheRoot, folder, cli, argsFlag);
    outcomes.push(outcome);
    const check = path.join(folder, 'fg-port', 'check.py');
    if ((outcome.portExit === 0 || outcome.portExit === 1) && fs.existsSync(check)) {
      jobs.push(checkJob(model.id, folder, path.dirname(path.join(folder, ...model.path.split('/'))), check, timeout));
    }
  }

  const processes = Math.min(2, Math.max(1, Number(process.env.FG_BENCH_JOBS ?? 1) || 1));
  log(`port corpus: running ${jobs.length} checks in ${processes} Python process${processes > 1 ? 'es' : ''} …`);
  const site = path.join(outRoot, 'site');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    CUDA_VISIBLE_DEVICES: '',
    TF_CPP_MIN_LOG_LEVEL: '2',
    KERAS_BACKEND: 'tensorflow',
    MPLBACKEND: 'Agg',
    PYTHONDONTWRITEBYTECODE: '1',
    PYTHONUNBUFFERED: '1',
    KERAS_HOME: path.join(outRoot, 'keras-home'),
    PYTHONPATH: [site, process.env.PYTHONPATH].filter(Boolean).join(path.delimiter),
  };
  // Both frameworks' thread pools in every process, and up to two processes: without a share of the cores each, their
  // spinning threads starve each other and small models that train at import time run out of their time limit.
  const threads = String(Math.max(1, Math.floor(os.cpus().length / processes)));
  for (const name of ['OMP_NUM_THREADS', 'TF_NUM_INTRAOP_THREADS', 'TF_NUM_INTEROP_THREADS']) env[name] ??= threads;
  const shares = Array.from({ length: processes }, (_, k) => jobs.filter((_, i) => i % processes === k));
  const checks = await Promise.all(shares.map((share) => runChecks(python, share, env)));
  for (const outcome of outcomes) {
    for (const map of checks) {
      const check = map.get(outcome.model.id);
      if (check) outcome.check = { ...check, message: withoutMachinePaths(withoutFolder(check.message, path.join(outRoot, outcome.model.id)), python, outRoot) };
    }
  }

  const minutes = ((Date.now() - started) / 60_000).toFixed(1);
  const notes = [
    `${minutes} min; CLI ${argsFlag ? 'with' : 'without'} --args; ${processes} check process(es) of ${env.OMP_NUM_THREADS} thread(s), ${timeout} s per check; ${packagesNote || 'no extra Python packages'}.`,
    'port exit: 0 ported, 1 ported with TODO lines, 2 refused. check: the generated check run with the real frameworks (pass/fail with the largest absolute difference of the outputs).',
  ];
  const parts: string[] = [];
  for (const half of ['dev', 'test'] as const) {
    const rows = outcomes.filter((o) => o.model.split === half);
    if (rows.length === 0) continue;
    const title = half === 'dev' ? 'development half' : 'test half';
    if (half === 'dev' || options.showTest) {
      parts.push(toMarkdown({ title: `Port corpus, ${title}: per model`, headers: ROW_HEADERS, rows: rows.map(outcomeRow), notes: half === 'dev' ? notes : [] }));
    }
    const table: BenchTable = { title: `Port corpus, ${title}: summary`, headers: ['measure', 'models'], rows: summaryRows(summarise(rows)), notes: half === 'test' && !options.showTest ? ['Rows of the test half are shown only with --show-test.'] : [] };
    parts.push(toMarkdown(table));
  }
  return parts.join('\n');
}

if (isMain('portCorpus')) {
  benchPortCorpus(parseOptions(process.argv.slice(2))).then(
    (text) => process.stdout.write(text),
    (err: Error) => {
      process.stderr.write(`${err.message}\n`);
      process.exitCode = 2;
    },
  );
}
