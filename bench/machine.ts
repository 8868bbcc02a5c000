/** Describes the machine and tool versions a benchmark ran with, for the header of bench/RESULTS.md. */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';

function firstLine(command: string, args: string[]): string {
  const run = spawnSync(command, args, { encoding: 'utf8', timeout: 20_000 });
  if (run.error || run.status !== 0) return 'missing';
  return (run.stdout || run.stderr).trim().split('\n')[0];
}

function cpuModel(): string {
  try {
    const match = /^model name\s*:\s*(.+)$/m.exec(fs.readFileSync('/proc/cpuinfo', 'utf8'));
    if (match) return match[1].trim();
  } catch {
    // Not Linux: os.cpus() below still names the CPU.
  }
  return os.cpus()[0]?.model ?? 'unknown';
}

export interface ToolPaths {
  /** pyright's command-line script (`node_modules/pyright/index.js`), when installed. */
  pyrightCli?: string;
  pylspPython: string;
}

/** Markdown lines: date, CPU, cores, RAM, OS, and the versions of Node, Python and the peers. */
export function describeMachine(tools: ToolPaths): string[] {
  const pyright = tools.pyrightCli ? firstLine(process.execPath, [tools.pyrightCli, '--version']) : 'missing';
  return [
    `- Date: ${new Date().toISOString()}`,
    `- CPU: ${cpuModel()}, ${os.cpus().length} cores (as seen by Node); RAM ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    `- OS: ${os.type()} ${os.release()} ${os.arch()}`,
    `- Node ${process.version}; python3 on PATH: ${firstLine('python3', ['--version'])}; peers' Python (${tools.pylspPython}): ${firstLine(tools.pylspPython, ['--version'])}`,
    `- pyright: ${pyright}; pylsp: ${firstLine(tools.pylspPython, ['-m', 'pylsp', '--version'])}; jedi: ${firstLine(tools.pylspPython, ['-c', 'import jedi; print(jedi.__version__)'])}; torch (for the peers): ${firstLine(tools.pylspPython, ['-c', 'import torch; print(torch.__version__)'])}`,
  ];
}
