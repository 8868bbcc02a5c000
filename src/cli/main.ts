/** The `framework-guide` command line: parses arguments, scans files for framework API uses and prints a report. */
import { KnowledgeBase } from '../knowledge';
import { ALL_ENTRIES } from '../knowledge/all';
import { DEFAULT_MAX_BYTES } from '../core/python';
import { version } from '../../package.json';
import { findScanTargets } from './files';
import { formatJson, formatSarif, formatText, type ScanResult } from './report';
import { scanFile } from './scan';
import { PORT_USAGE, PortUsageError, runPort } from './port';

const USAGE = `Usage: framework-guide scan <paths...> [options]

Scans Python files (.py) and notebooks (.ipynb) for TensorFlow/Keras and PyTorch API uses
and reports deprecated or removed APIs.

Options:
  --format text|json|sarif     Output format (default: text)
  --fail-on deprecated|removed Exit with code 1 when such a finding exists
  --max-file-size BYTES        Skip larger files (default: ${DEFAULT_MAX_BYTES})
  --help                       Show this help
  --version                    Show the version

Exit codes: 0 done, 1 --fail-on threshold met, 2 usage error.

${PORT_USAGE}`;

type Format = 'text' | 'json' | 'sarif';
type FailOn = 'deprecated' | 'removed';

interface ScanCommand {
  paths: string[];
  format: Format;
  failOn?: FailOn;
  maxFileSize: number;
}

class UsageError extends Error {}

function parseScanArguments(args: string[]): ScanCommand {
  const command: ScanCommand = { paths: [], format: 'text', maxFileSize: DEFAULT_MAX_BYTES };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (!arg.startsWith('--') || arg === '--') {
      if (arg !== '--') command.paths.push(arg);
      else command.paths.push(...args.slice(i + 1));
      if (arg === '--') break;
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
    } else throw new UsageError(`unknown option ${flag}`);
  }
  if (command.paths.length === 0) throw new UsageError('scan needs at least one file or folder');
  return command;
}

function runScan(command: ScanCommand): number {
  const kb = new KnowledgeBase(ALL_ENTRIES);
  const result: ScanResult = { files: [], problems: [] };
  for (const event of findScanTargets(command.paths)) {
    if (event.kind === 'error') {
      result.problems.push({ path: event.file, message: event.message });
      process.stderr.write(`framework-guide: ${event.file}: ${event.message}\n`);
      continue;
    }
    const outcome = scanFile(event.file, kb, command.maxFileSize);
    if (outcome.ok) result.files.push(outcome.report);
    else {
      result.problems.push({ path: outcome.path, message: outcome.message });
      process.stderr.write(`framework-guide: ${outcome.path}: ${outcome.message}\n`);
    }
  }
  const output = command.format === 'json' ? formatJson(result, version) : command.format === 'sarif' ? formatSarif(result, version) : formatText(result);
  process.stdout.write(output);
  if (!command.failOn) return 0;
  const failOn = command.failOn;
  const thresholdMet = result.files.some((file) => file.findings.some((f) => failOn === 'deprecated' || f.status === 'removed'));
  return thresholdMet ? 1 : 0;
}

/** Runs the command line `args` (without node and the script) and returns the exit code. */
export function main(args: string[]): number {
  const [command, ...rest] = args;
  if (command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }
  if (command === '--version' || command === '-v') {
    process.stdout.write(`${version}\n`);
    return 0;
  }
  try {
    if (command === 'port') return runPort(rest);
    if (command !== 'scan') throw new UsageError(command === undefined ? 'missing command' : `unknown command "${command}"`);
    if (rest.includes('--help')) {
      process.stdout.write(USAGE);
      return 0;
    }
    return runScan(parseScanArguments(rest));
  } catch (err) {
    if (err instanceof PortUsageError) {
      process.stderr.write(`framework-guide: ${err.message}\n\n${PORT_USAGE}`);
      return 2;
    }
    if (!(err instanceof UsageError)) throw err;
    process.stderr.write(`framework-guide: ${err.message}\n\n${USAGE}`);
    return 2;
  }
}

process.exitCode = main(process.argv.slice(2));
