/** `framework-guide port FILE[:Class] --to keras|pytorch`: ports one model and prints it or writes it (and its check script). */
import * as path from 'node:path';
import { checkScript, portModel } from '../core/port';
import { DEFAULT_MAX_BYTES } from '../core/python';
import { isNotebookPath, prepareSource } from '../core/scan';
import { readArgs } from './args';
import { writeAtomically } from './atomicWrite';
import { readScanFile } from './read';
import { escapeControl } from './report';

export const PORT_USAGE = `Usage: framework-guide port FILE[:NAME] --to keras|pytorch [options]

Ports a model (an nn.Module or keras.Model/Layer subclass, or an nn.Sequential /
keras.Sequential assignment; NAME picks one, default the first) to the other framework.

Options:
  --to keras|pytorch       Target framework (required)
  --out PATH               Write the ported module to PATH instead of printing it
  --check PATH             Also write a script that builds both models, copies the weights
                           and compares outputs (needs --out)
  --input-shape D1,D2,...  Input shape without the batch dimension (PyTorch input sizes,
                           and the check's random input)

Exit codes: 0 ported, 1 ported with TODO(framework-guide) lines, 2 usage or input error, or the
output could not be written (then neither --out nor --check was written).
`;

export class PortUsageError extends Error {}

interface PortCommand {
  file: string;
  name?: string;
  to: 'keras' | 'pytorch';
  out?: string;
  check?: string;
  inputShape?: number[];
}

function parse(args: string[]): PortCommand {
  let target: string | undefined;
  let to: 'keras' | 'pytorch' | undefined;
  const command: Partial<PortCommand> = {};
  for (const item of readArgs(args, (message) => new PortUsageError(message))) {
    if (item.kind === 'positional') {
      if (target !== undefined) throw new PortUsageError(`unexpected argument "${item.text}"`);
      target = item.text;
      continue;
    }
    const { flag, value } = item;
    if (flag === '--to') {
      const v = value();
      if (v !== 'keras' && v !== 'pytorch') throw new PortUsageError(`--to must be keras or pytorch, not "${v}"`);
      to = v;
    } else if (flag === '--out') command.out = value();
    else if (flag === '--check') command.check = value();
    else if (flag === '--input-shape') {
      const v = value();
      const dims = v.split(',').map((d) => Number(d.trim()));
      if (dims.length === 0 || dims.some((d) => !Number.isInteger(d) || d <= 0)) throw new PortUsageError(`--input-shape must be positive integers separated by commas, not "${v}"`);
      command.inputShape = dims;
    } else throw new PortUsageError(`unknown option ${flag}`);
  }
  if (target === undefined) throw new PortUsageError('port needs a file');
  if (!to) throw new PortUsageError('port needs --to keras or --to pytorch');
  if (command.check && !command.out) throw new PortUsageError('--check needs --out (the check imports the ported file)');
  // FILE:NAME, but a Windows drive letter (C:\...) is part of the file.
  const colon = target.lastIndexOf(':');
  const file = colon > 1 ? target.slice(0, colon) : target;
  const name = colon > 1 ? target.slice(colon + 1) : undefined;
  return { ...command, file, to, ...(name ? { name } : {}) };
}

/** Runs `port` with its arguments; returns the exit code. */
export function runPort(args: string[]): number {
  if (args.includes('--help')) {
    process.stdout.write(PORT_USAGE);
    return 0;
  }
  const command = parse(args);
  const fail = (message: string): number => {
    process.stderr.write(`framework-guide: ${escapeControl(message)}\n`);
    return 2;
  };
  const text = readSource(command.file);
  if (typeof text !== 'string') return fail(text.message);
  const outcome = portModel(text, command.name !== undefined ? { name: command.name } : {}, { to: command.to, ...(command.inputShape ? { inputShape: command.inputShape } : {}) });
  if (!outcome.ok) return fail(`${command.file}: ${outcome.message}`);
  const result = outcome.result;
  if (command.out) {
    const targets = [{ path: command.out, bytes: result.code }];
    if (command.check) targets.push({ path: command.check, bytes: checkScript(result, path.resolve(command.file), path.resolve(command.out)) });
    const written = writeAtomically(targets);
    if (!written.ok) return fail(`cannot write ${written.path} (${written.reason}); nothing was written`);
  } else process.stdout.write(result.code);
  for (const todo of result.todos) process.stderr.write(`framework-guide: not ported (${escapeControl(todo.construct)}): ${escapeControl(todo.reason)}\n`);
  return result.todos.length > 0 ? 1 : 0;
}

/**
 * The model's source, read through the scan's guards: a regular file (a pipe or a device is refused, not read), at
 * most the scan's size limit, UTF-8 without NUL bytes. A notebook is refused: the check imports the original module.
 */
function readSource(file: string): string | { message: string } {
  if (isNotebookPath(file)) return { message: `${file} is a notebook: use "Port to Keras/PyTorch" on its cell in the editor, or export it to a .py file` };
  const read = readScanFile(file, file, DEFAULT_MAX_BYTES);
  if (read.kind === 'unreadable') return { message: `${read.message.replace(/^cannot read/, `cannot read ${file}`)}` };
  if (read.kind === 'skipped') return { message: `cannot port ${file}: ${read.result.message}` };
  const prepared = prepareSource({ path: file, bytes: read.bytes }, { maxBytes: DEFAULT_MAX_BYTES });
  return 'status' in prepared ? { message: `cannot port ${file}: ${prepared.message}` } : prepared.program;
}
