/** The `framework-guide` command line: parses arguments, scans files for framework API uses and streams a report. */
import * as path from 'node:path';
import { KnowledgeBase } from '../knowledge';
import { KNOWLEDGE_ENTRIES } from '../knowledge/all';
import { DEFAULT_MAX_BYTES } from '../core/python';
import { scanSource } from '../core/scan';
import { version } from '../../package.json';
import { findScanTargets } from './files';
import { Output, OutputError, warn } from './output';
import { readScanFile } from './read';
import { count, emptyCounts, escapeControl, JsonReporter, SarifReporter, summaryLine, TextReporter, type Reporter } from './report';

/** Exit codes; README.md ("Command line") documents the same table. */
export const EXIT = {
  ok: 0,
  thresholdMet: 1,
  /** A usage error, or a path that does not exist or could not be read: the scan is not complete. */
  incomplete: 2,
  /** The report could not be written (the pipe was closed early, the disk is full). */
  outputFailed: 3,
} as const;
import { PORT_USAGE, PortUsageError, runPort } from './port';

const USAGE = `Usage: framework-guide scan <paths...> [options]

Scans Python files (.py, .pyi) and notebooks (.ipynb) for TensorFlow/Keras and PyTorch API uses
and reports deprecated or removed APIs.

Options:
  --format text|json|sarif     Output format (default: text)
  --references                 Text output: also list every framework reference
  --fail-on deprecated|removed Exit with code 1 when such a finding exists
  --max-file-size BYTES        Skip larger files (default: ${DEFAULT_MAX_BYTES})
  --help                       Show this help
  --version                    Show the version

Exit codes: 0 done, 1 --fail-on threshold met, 2 usage error or a path that does not
exist or cannot be read, 3 the report could not be written (e.g. a closed pipe).

${PORT_USAGE}`;

type Format = 'text' | 'json' | 'sarif';
type FailOn = 'deprecated' | 'removed';

interface ScanCommand {
  paths: string[];
  format: Format;
  references: boolean;
  failOn?: FailOn;
  maxFileSize: number;
}

class UsageError extends Error {}

function parseScanArguments(args: string[]): ScanCommand {
  const command: ScanCommand = { paths: [], format: 'text', references: false, maxFileSize: DEFAULT_MAX_BYTES };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--') {
      for (const rest of args.slice(i + 1)) command.paths.push(rest);
      break;
    }
    if (!arg.startsWith('--')) {
      command.paths.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const flag = eq < 0 ? arg : arg.slice(0, eq);
    const value = (): string => {
      if (eq >= 0) return arg.slice(eq + 1);
      const next = args[++i];
      if (next === undefined) throw new UsageError(`${flag} needs a value`);
      return next;
    };
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
    } else if (flag === '--references' && eq < 0) command.references = true;
    else throw new UsageError(`unknown option ${flag}`);
  }
  if (command.paths.length === 0) throw new UsageError('scan needs at least one file or folder');
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

function runScan(command: ScanCommand, out: Output): number {
  const kb = new KnowledgeBase(KNOWLEDGE_ENTRIES);
  const reporter = createReporter(command, out);
  const counts = emptyCounts();
  const withReferences = command.references || command.format === 'json';
  let thresholdMet = false;
  for (const event of findScanTargets(command.paths)) {
    const shown = event.kind === 'missing' ? event.file : displayPath(event.file);
    if (event.kind === 'warning') {
      warn(`${escapeControl(shown)}: ${event.message}`);
      continue;
    }
    if (event.kind !== 'file') {
      counts.files++;
      counts.unreadable++;
      warn(`${escapeControl(shown)}: ${event.message}`);
      reporter.unreadable(shown, event.message);
      continue;
    }
    const read = readScanFile(event.file, shown, command.maxFileSize);
    if (read.kind === 'unreadable') {
      counts.files++;
      counts.unreadable++;
      warn(`${escapeControl(shown)}: ${read.message}`);
      reporter.unreadable(shown, read.message);
      continue;
    }
    const result = read.kind === 'skipped' ? read.result : scanSource({ path: shown, bytes: read.bytes }, kb, { maxBytes: command.maxFileSize, references: withReferences });
    if (result.status === 'skipped') warn(`${escapeControl(shown)}: skipped: ${escapeControl(result.message)}${result.reason === 'too-large' ? ' (--max-file-size)' : ''}`);
    else if (command.failOn && result.findings.some((f) => command.failOn === 'deprecated' || f.status === 'removed')) thresholdMet = true;
    count(counts, result);
    reporter.file(result);
  }
  reporter.end(counts);
  if (command.format !== 'text') warn(summaryLine(counts, withReferences));
  if (counts.unreadable > 0) return EXIT.incomplete;
  return thresholdMet ? EXIT.thresholdMet : EXIT.ok;
}

/** Runs the command line `args` (without node and the script), writing the report to `out`; returns the exit code. */
export function main(args: string[], out = new Output(1)): number {
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
      return runScan(parseScanArguments(rest), out);
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

process.exitCode = main(process.argv.slice(2));
