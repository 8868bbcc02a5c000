/** `framework-guide port FILE[:Class] --to keras|pytorch`: ports one model and prints it or writes it (and its check script). */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkScript, portModel } from '../core/port';
import { readArgs } from './args';

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

Exit codes: 0 ported, 1 ported with TODO(framework-guide) lines, 2 usage or input error.
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
  let text: string;
  try {
    text = fs.readFileSync(command.file, 'utf8');
  } catch (err) {
    process.stderr.write(`framework-guide: cannot read ${command.file}: ${(err as Error).message}\n`);
    return 2;
  }
  const outcome = portModel(text, command.name !== undefined ? { name: command.name } : {}, { to: command.to, ...(command.inputShape ? { inputShape: command.inputShape } : {}) });
  if (!outcome.ok) {
    process.stderr.write(`framework-guide: ${command.file}: ${outcome.message}\n`);
    return 2;
  }
  const result = outcome.result;
  if (command.out) {
    fs.writeFileSync(command.out, result.code);
    if (command.check) fs.writeFileSync(command.check, checkScript(result, path.resolve(command.file), path.resolve(command.out)));
  } else process.stdout.write(result.code);
  for (const todo of result.todos) process.stderr.write(`framework-guide: not ported (${todo.construct}): ${todo.reason}\n`);
  return result.todos.length > 0 ? 1 : 0;
}
