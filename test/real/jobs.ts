/** Runs Python jobs with the real frameworks (the FG_PYTHON interpreter) through run_jobs.py, one process per batch. */
import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export interface PythonJob {
  id: string;
  source: string;
  /** Runs in the job's namespace after the source, even when it failed: undoes global state. */
  teardown?: string;
  timeout?: number;
}

export interface JobResult {
  id: string;
  ok: boolean;
  error: string | null;
  output: string;
  warnings: string[];
  logs: string[];
  seconds: number;
}

export interface BatchOutcome {
  results: Map<string, JobResult>;
  /** The interpreter's own stderr and exit status: explains jobs that have no result (a crash). */
  status: number | null;
  stderr: string;
  seconds: number;
}

/** Repository root: the tests run from out/test/real, the sources stay under test/real. */
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
const RUNNER = path.join(REPO_ROOT, 'test', 'real', 'run_jobs.py');

/** CPU only and quiet C++ logs, as the brief for this layer asks; nothing may reach the network. */
export const JOB_ENV: NodeJS.ProcessEnv = {
  ...process.env,
  CUDA_VISIBLE_DEVICES: '',
  TF_CPP_MIN_LOG_LEVEL: '2',
  PYTHONDONTWRITEBYTECODE: '1',
  PYTHONUNBUFFERED: '1',
  KERAS_HOME: path.join(os.tmpdir(), 'fg-real-keras-home'),
};

/** The interpreter with TensorFlow, Keras and PyTorch installed, from FG_PYTHON; fails with what to do when unset. */
export function realPython(): string {
  const python = process.env.FG_PYTHON;
  if (!python) {
    throw new Error('FG_PYTHON is not set: point it at a Python with tensorflow-cpu, keras and torch (npm test builds one in the tools cache and sets it).');
  }
  return python;
}

/** True when `module` imports in the interpreter (used for optional packages such as torchvision). */
export function canImport(python: string, module: string): { ok: boolean; detail: string } {
  const probe = spawnSync(python, ['-c', `import ${module}`], { encoding: 'utf8', env: JOB_ENV, timeout: 120_000 });
  const lines = (probe.stderr ?? '').trim().split('\n');
  return { ok: probe.status === 0, detail: probe.error?.message ?? lines[lines.length - 1] ?? '' };
}

/** Runs `jobs` in order in one interpreter; resolves when the process exits (never rejects on job failure). */
export function runJobs(python: string, jobs: PythonJob[], timeoutMs: number): Promise<BatchOutcome> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fg-real-jobs-'));
  const jobsFile = path.join(dir, 'jobs.json');
  const resultsFile = path.join(dir, 'results.jsonl');
  fs.writeFileSync(jobsFile, JSON.stringify(jobs));
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(python, [RUNNER, jobsFile, resultsFile], { env: JOB_ENV, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-20_000);
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    let finished = false;
    const finish = (status: number | null, extra = '') => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      const results = new Map<string, JobResult>();
      if (fs.existsSync(resultsFile)) {
        for (const line of fs.readFileSync(resultsFile, 'utf8').split('\n')) {
          if (!line.trim()) continue;
          const result = JSON.parse(line) as JobResult;
          results.set(result.id, result);
        }
      }
      fs.rmSync(dir, { recursive: true, force: true });
      resolve({ results, status, stderr: stderr + extra, seconds: (Date.now() - started) / 1000 });
    };
    child.on('error', (err) => finish(null, `\ncould not start ${python}: ${err.message}`));
    child.on('close', (code) => finish(code));
  });
}

/** A failure message for `id`: the job's traceback and output, or why the batch never reported it. */
export function describeFailure(outcome: BatchOutcome, id: string): string {
  const result = outcome.results.get(id);
  if (!result) return `no result for ${id}: the interpreter exited with ${outcome.status}\n${outcome.stderr.slice(-4000)}`;
  return `${id} failed:\n${result.error ?? ''}\n--- output (tail) ---\n${result.output.slice(-3000)}`;
}

/**
 * Deprecation notices that concern the job's code: Python warnings raised at one of its own lines (where a warning
 * with the right stack level points) and every TensorFlow "... is deprecated" log line (TF's decorator often names
 * its own dispatch wrapper as the caller, so the location cannot be used). Python warnings from inside the
 * frameworks (NumPy 2 about Keras internals, torch.compile touching torch.jit) say nothing about the job's code.
 */
export function deprecationNotices(result: JobResult): string[] {
  const own = `<${result.id}>`;
  const warnings = result.warnings.filter((w) => w.includes(own) && /\bdeprecated\b/i.test(w));
  const logs = result.logs.filter((l) => /\bis deprecated\b/.test(l));
  return [...warnings, ...logs];
}
