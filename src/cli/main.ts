/** The `framework-guide` command line: parses arguments, scans files for framework API uses and streams a report. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { KnowledgeBase } from '../knowledge';
import { DEFAULT_MAX_BYTES } from '../core/python';
import type { SkipReason } from '../core/scan';
import { version } from '../../package.json';
import { loadCliConfig, type CliConfig } from './config';
import { findScanTargets, type WalkEvent } from './files';
import { Output, OutputError, warn } from './output';
import { defaultJobs, isScanWorker, ScanPool, scanFile, serveScanWorker, type FileOutcome, type ScanSettings } from './parallel';
import { countFix, emptyFixCounts, fixSummaryLine, type FixMode } from './fix';
import { count, emptyCounts, escapeControl, JsonReporter, releaseRendered, SarifReporter, summaryLine, TextReporter, type Reporter } from './report';

/** Exit codes; README.md ("Command line") documents the same table. */
export const EXIT = {
  ok: 0,
  /** The --fail-on threshold is met; with --diff: there is a diff (the fixes are not applied yet). */
  thresholdMet: 1,
  /** A usage error, or a path that does not exist or could not be read: the scan is not complete. */
  incomplete: 2,
  /** The report could not be written (the pipe was closed early, the disk is full). */
  outputFailed: 3,
} as const;
import { PORT_USAGE, PortUsageError, runPort } from './port';
import { readArgs } from './args';
import { installedData, scanEntries } from './scanKnowledge';
import { InstalledNames } from '../knowledge/installed';

/** Seconds one file's scan or fix may take by default: far above a 2 MB file's few seconds, far below a CI timeout. */
const DEFAULT_FILE_TIMEOUT = 60;

/**
 * Skips that mean a file could not be checked, so a `--fail-on` contract cannot vouch for it (a pipe is only met when
 * named: walking a folder lists regular files). A notebook in another language holds no Python to check.
 */
const UNCHECKED: ReadonlySet<SkipReason> = new Set(['too-large', 'not-regular-file', 'binary', 'not-utf8', 'invalid-notebook', 'analysis-failed', 'timed-out']);

const USAGE = `Usage: framework-guide scan <paths...> [options]

Scans Python files (.py, .pyi) and notebooks (.ipynb) for TensorFlow/Keras and PyTorch API uses
and reports deprecated or removed APIs.

Options:
  --format text|json|sarif     Output format (default: text)
  --references                 Text output: also list every framework reference
  --fail-on deprecated|removed Exit with code 1 when such a finding exists; a file that could
                               not be checked (unreadable, too large, not UTF-8, timed out)
                               makes the run exit 2 instead
  --skip-unreadable            Files that could not be read or checked do not fail the run
  --select RULES               Report only these rules (comma-separated prefixes such as
                               FG-tensorflow,FG-torch.load); replaces the configuration's select
  --ignore RULES               Never report these rules; replaces the configuration's ignore
  --config FILE                Read [tool.framework-guide] from FILE (default: the nearest
                               pyproject.toml with that table, from the working folder up)
  --max-file-size BYTES        Skip larger files (default: ${DEFAULT_MAX_BYTES})
  --file-timeout SECONDS       Skip a file whose scan or fix takes longer (default: ${DEFAULT_FILE_TIMEOUT})
  --jobs N                     Scan on N threads (default: one per core; 1 scans on one)
  --fix                        Apply every safe fix and write the files that change, then
                               report the findings left for manual work
  --diff                       Print the safe fixes as a unified diff on stdout, write
                               nothing; exit 1 when there is a diff, 0 when there is none
  --help                       Show this help
  --version                    Show the version

Exit codes: 0 done, 1 --fail-on threshold met (with --diff: there is a diff), 2 usage error,
a path that does not exist or cannot be read (or written, with --fix), or with --fail-on a
file that could not be checked, 3 the report could not be written (e.g. a closed pipe).

${PORT_USAGE}`;

type Format = 'text' | 'json' | 'sarif';

type FailOn = 'deprecated' | 'removed';

interface ScanCommand {
  paths: string[];
  format: Format;
  references: boolean;
  failOn?: FailOn;
  maxFileSize: number;
  /** Threads that scan files; 1 scans on the main thread only. */
  jobs: number;
  /** Seconds one file may take. */
  fileTimeout: number;
  /** Files that could not be read or checked do not make the run fail. */
  skipUnreadable: boolean;
  /** --config, --select and --ignore as given. */
  configFile?: string;
  select?: string[];
  ignore?: string[];
  /** --fix writes the fixed files; --diff prints what --fix would change. */
  fix?: FixMode;
}

class UsageError extends Error {}

function parseScanArguments(args: string[]): ScanCommand {
  const command: ScanCommand = { paths: [], format: 'text', references: false, maxFileSize: DEFAULT_MAX_BYTES, jobs: defaultJobs(), fileTimeout: DEFAULT_FILE_TIMEOUT, skipUnreadable: false };
  for (const item of readArgs(args, (message) => new UsageError(message))) {
    if (item.kind === 'positional') {
      command.paths.push(item.text);
      continue;
    }
    const { flag, value } = item;
    if (flag === '--format') {
      const format = value();
      if (format !== 'text' && format !== 'json' && format !== 'sarif') throw new UsageError(`--format must be text, json or sarif, not "${format}"`);
      command.format = format;
    } else if (flag === '--fail-on') {
      const failOn = value();
      if (failOn !== 'deprecated' && failOn !== 'removed') throw new UsageError(`--fail-on must be deprecated or removed, not "${failOn}"`);
      command.failOn = failOn;
    } else if (flag === '--max-file-size') {
      const size = value();
      if (!/^\d+$/.test(size) || Number(size) <= 0) throw new UsageError(`--max-file-size must be a positive number of bytes, not "${size}"`);
      command.maxFileSize = Number(size);
    } else if (flag === '--jobs') {
      const jobs = value();
      if (!/^\d+$/.test(jobs) || Number(jobs) <= 0 || Number(jobs) > 64) throw new UsageError(`--jobs must be a number of threads from 1 to 64, not "${jobs}"`);
      command.jobs = Number(jobs);
    } else if (flag === '--file-timeout') {
      const seconds = value();
      if (!/^\d+(\.\d+)?$/.test(seconds) || Number(seconds) <= 0) throw new UsageError(`--file-timeout must be a positive number of seconds, not "${seconds}"`);
      command.fileTimeout = Number(seconds);
    } else if (flag === '--skip-unreadable' && item.inline === undefined) command.skipUnreadable = true;
    else if (flag === '--config') command.configFile = value();
    else if (flag === '--select' || flag === '--ignore') {
      const rules = value()
        .split(',')
        .map((r) => r.trim())
        .filter((r) => r !== '');
      if (flag === '--select') command.select = rules;
      else command.ignore = rules;
    }
    else if (flag === '--references' && item.inline === undefined) command.references = true;
    else if ((flag === '--fix' || flag === '--diff') && item.inline === undefined) {
      const mode = flag === '--fix' ? 'write' : 'diff';
      if (command.fix && command.fix !== mode) throw new UsageError('--fix and --diff do not go together: --diff shows what --fix would write');
      command.fix = mode;
    } else throw new UsageError(`unknown option ${flag}`);
  }
  if (command.paths.length === 0) throw new UsageError('scan needs at least one file or folder');
  if (command.fix === 'diff') {
    // As ruff's --diff: stdout carries the diff alone, so it can be piped to `git apply`.
    if (command.format !== 'text') throw new UsageError('--diff prints a unified diff; it does not go with --format');
    if (command.references || command.failOn) throw new UsageError('--diff prints only the diff; --references and --fail-on belong to a scan or --fix');
  }
  return command;
}

/** Relative to the working folder with forward slashes, as reports show paths. */
function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file) || path.basename(file);
  return relative.split(path.sep).join('/');
}

function createReporter(command: ScanCommand, out: Output): Reporter {
  const options = { version, references: command.references, root: process.cwd() };
  if (command.format === 'json') return new JsonReporter(out, { ...options, references: true });
  if (command.format === 'sarif') return new SarifReporter(out, options);
  return new TextReporter(out, options);
}

/** Files the main thread scans itself before starting workers: a small scan never pays for their start-up. */
const IN_THREAD_FIRST = 8;
/**
 * Files handed out ahead of the one reported next, per thread: bounds the results held while waiting for order. They
 * are held rendered (bytes outside the heap), so a wide window costs little and lets the threads run past a long file.
 */
const WINDOW_PER_JOB = 128;
/**
 * The main thread scans a file itself only when a worker has at least that file's bytes plus this margin queued: it
 * does not take replies or hand out files while it scans, so the worker's queue must outlast the file. Counting
 * files instead (12 ahead) left the main thread idle ~0.5 s of a scan of keras + torch, waiting on a worker busy with
 * long files (CPU profile); by bytes it idles under 0.1 s.
 */
const BACKLOG_MARGIN_BYTES = 64 * 1024;

/**
 * Files at least this long are kept for the main thread, whose young generation is larger: in a worker (8 MB) a long
 * file's parse outlives many scavenges, and garbage collection took 13–15% of the worker's time on keras + torch.
 */
const MAIN_THREAD_FILE_BYTES = 64 * 1024;

/** The size of a file to scan, to share the work by bytes; 0 when it cannot be read (the scan reports why). */
function sizeOf(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
}

/** Lets worker replies in (they arrive as events) between two files the main thread scans itself. */
const yieldToReplies = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A walk event in the order it is reported; a file's outcome may still be on a worker. */
type Pending = { event: WalkEvent; shown: string; outcome?: FileOutcome | Promise<FileOutcome> };

async function runScan(command: ScanCommand, project: CliConfig, out: Output): Promise<number> {
  // --diff writes only diffs on stdout; the findings report is for a scan and --fix.
  const reporter = command.fix === 'diff' ? undefined : createReporter(command, out);
  const counts = emptyCounts();
  const fixCounts = emptyFixCounts();
  let hasDiff = false;
  let writeFailed = false;
  const withReferences = command.references || command.format === 'json';
  const render = { format: reporter ? command.format : undefined, references: command.references, root: process.cwd() };
  for (const problem of project.problems) warn(`${escapeControl(project.file ?? 'configuration')}: ${escapeControl(problem)}`);
  const { exclude, ...rules } = project.config;
  const settings: ScanSettings = { maxBytes: command.maxFileSize, references: withReferences, timeLimit: command.fileTimeout, rules, render, ...(command.fix ? { fix: command.fix } : {}) };
  let kb: KnowledgeBase | undefined;
  let pool: ScanPool | undefined;
  let thresholdMet = false;
  /** Files a --fail-on contract cannot vouch for: skipped for a reason in UNCHECKED. */
  let unchecked = 0;
  let files = 0;

  const report = (item: Pending, outcome: FileOutcome | undefined): void => {
    const { event, shown } = item;
    if (event.kind === 'warning') {
      warn(`${escapeControl(shown)}: ${event.message}`);
      return;
    }
    const message = event.kind === 'file' ? (outcome?.kind === 'unreadable' ? outcome.message : undefined) : event.message;
    if (message !== undefined || !outcome || outcome.kind !== 'scanned') {
      counts.files++;
      counts.unreadable++;
      warn(`${escapeControl(shown)}: ${message}`);
      reporter?.unreadable(shown, message ?? '');
      return;
    }
    const { tally } = outcome.file;
    if (tally.skipped) {
      const option = tally.skipped.reason === 'too-large' ? ' (--max-file-size)' : tally.skipped.reason === 'timed-out' ? ' (--file-timeout)' : '';
      warn(`${escapeControl(shown)}: skipped: ${escapeControl(tally.skipped.message)}${option}`);
      if (UNCHECKED.has(tally.skipped.reason)) unchecked++;
    } else if (command.failOn && (tally.removed > 0 || (command.failOn === 'deprecated' && tally.deprecated > 0))) thresholdMet = true;
    const fix = outcome.fix;
    if (fix) {
      countFix(fixCounts, fix);
      if (fix.leftAlone) warn(`${escapeControl(shown)}: not fixed: ${escapeControl(fix.leftAlone)}`);
      if (fix.writeFailed) writeFailed = true;
      if (fix.diff) {
        hasDiff = true;
        out.write(fix.diff);
      }
    }
    count(counts, tally);
    reporter?.file(outcome.file);
    releaseRendered(outcome.file);
  };

  const scanHere = (item: Pending): FileOutcome => {
    kb ??= new KnowledgeBase(scanEntries(), new InstalledNames(installedData()));
    return scanFile((item.event as { file: string }).file, item.shown, settings, kb);
  };
  // Long files kept for the main thread, in walk order; each settles its item's outcome once scanned (or handed on).
  const held: Array<{ item: Pending; bytes: number; settle: (outcome: FileOutcome | Promise<FileOutcome>) => void }> = [];
  const hold = (item: Pending, bytes: number) => {
    item.outcome = new Promise<FileOutcome>((settle) => held.push({ item, bytes, settle }));
  };
  /** Scans the oldest held file here when a worker has enough queued meanwhile; `must` when the report waits on it. */
  const scanHeld = async (must: boolean): Promise<void> => {
    while (held.length > 0) {
      const backlog = pool?.lightestBacklog();
      const enough = backlog === undefined || backlog >= held[0].bytes + BACKLOG_MARGIN_BYTES;
      if (!enough && !must) return;
      // The worker would run dry while this thread scans: it gets the newest long file.
      if (!enough && held.length > 1 && pool) {
        const last = held.pop()!;
        last.settle(pool.scan((last.item.event as { file: string }).file, last.item.shown, last.bytes));
        continue;
      }
      const next = held.shift()!;
      next.settle(scanHere(next.item));
      if (pool) await yieldToReplies();
      if (must) return;
    }
  };

  // Results are reported in walk order whatever order the workers finish in, so the output is the same as with one thread.
  const queue: Pending[] = [];
  const window = Math.max(1, command.jobs) * WINDOW_PER_JOB;
  try {
    const exclusions = exclude?.length ? { base: path.dirname(path.resolve(project.file ?? '.')), patterns: exclude } : undefined;
    for (const event of findScanTargets(command.paths, exclusions)) {
      const item: Pending = { event, shown: event.kind === 'missing' ? event.file : displayPath(event.file) };
      if (event.kind === 'file') {
        // One thread per job: the main thread is one of them, so `--jobs 2` starts one worker.
        if (command.jobs > 1 && files >= IN_THREAD_FIRST) pool ??= new ScanPool(__filename, command.jobs - 1, settings);
        const bytes = pool ? sizeOf(event.file) : 0;
        const backlog = pool?.lightestBacklog();
        // While a long file is held, the worker is fed until its queue covers that file.
        const cover = Math.max(bytes, held.length > 0 ? held[0].bytes : 0) + BACKLOG_MARGIN_BYTES;
        if (pool && backlog !== undefined && bytes >= MAIN_THREAD_FILE_BYTES) hold(item, bytes);
        else if (pool && backlog !== undefined && backlog < cover) item.outcome = pool.scan(event.file, item.shown, bytes);
        else {
          item.outcome = scanHere(item);
          if (pool) await yieldToReplies();
        }
        await scanHeld(false);
        files++;
      }
      queue.push(item);
      while (queue.length > window || (queue.length > 0 && !(queue[0].outcome instanceof Promise))) {
        const next = queue.shift()!;
        while (held.length > 0 && held[0].item === next) await scanHeld(true);
        report(next, await next.outcome);
      }
    }
    while (held.length > 0) await scanHeld(true);
    for (const next of queue) report(next, await next.outcome);
  } finally {
    await pool?.close();
  }
  reporter?.end(counts);
  if (command.format !== 'text' || !reporter) warn(summaryLine(counts, withReferences));
  if (command.fix) warn(fixSummaryLine(fixCounts, command.fix));
  if (writeFailed) return EXIT.incomplete;
  // CI contracts fail closed: a file that could not be read, or (with --fail-on) checked, fails the run unless
  // --skip-unreadable says those files may be passed over.
  if (!command.skipUnreadable && (counts.unreadable > 0 || (command.failOn && unchecked > 0))) {
    if (command.failOn && unchecked > 0) warn(`${unchecked} ${unchecked === 1 ? 'file' : 'files'} could not be checked, so --fail-on cannot pass (see above; --skip-unreadable lets the run pass over them).`);
    return EXIT.incomplete;
  }
  // As `ruff check --diff`: exit 0 only when there is no diff, so CI can require migrated code.
  if (command.fix === 'diff') return hasDiff ? EXIT.thresholdMet : EXIT.ok;
  return thresholdMet ? EXIT.thresholdMet : EXIT.ok;
}

/** Runs the command line `args` (without node and the script), writing the report to `out`; resolves to the exit code. */
export async function main(args: string[], out = new Output(1)): Promise<number> {
  const [command, ...rest] = args;
  try {
    try {
      if (command === '--help' || command === '-h' || command === 'help' || (command === 'scan' && rest.includes('--help'))) {
        out.write(USAGE);
        return EXIT.ok;
      }
      if (command === '--version' || command === '-v') {
        out.write(`${version}\n`);
        return EXIT.ok;
      }
      if (command === 'port') return runPort(rest);
      if (command !== 'scan') throw new UsageError(command === undefined ? 'missing command' : `unknown command "${command}"`);
      const scan = parseScanArguments(rest);
      let project: CliConfig;
      try {
        project = loadCliConfig(scan);
      } catch (err) {
        throw new UsageError((err as Error).message);
      }
      return await runScan(scan, project, out);
    } finally {
      out.flush();
    }
  } catch (err) {
    if (err instanceof PortUsageError) {
      warn(`${escapeControl(err.message)}\n\n${PORT_USAGE}`);
      return EXIT.incomplete;
    }
    if (err instanceof UsageError) {
      warn(`${escapeControl(err.message)}\n\n${USAGE}`);
      return EXIT.incomplete;
    }
    if (err instanceof OutputError) {
      warn(err.message);
      return EXIT.outputFailed;
    }
    throw err;
  }
}

// The same bundle runs in the scan workers (src/cli/parallel.ts), which serve files instead of running the command.
if (isScanWorker()) serveScanWorker();
else
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
