/**
 * The CLI's project configuration: `--config FILE`, or the nearest `pyproject.toml` with a `[tool.framework-guide]`
 * table from the working folder up, as ruff finds its own; `--select` and `--ignore` on the command line replace the
 * file's lists.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readProjectConfig, type ProjectConfig } from '../core/config/projectConfig';

export interface CliConfig {
  /** The file read, when one was. */
  file?: string;
  config: ProjectConfig;
  problems: string[];
}

/** Reads `file`; an unreadable file is an error the caller reports as a usage error. */
function readFile(file: string): { text?: string; error?: string } {
  try {
    return { text: fs.readFileSync(file, 'utf8') };
  } catch (err) {
    return { error: `cannot read ${file} (${(err as NodeJS.ErrnoException).code ?? String(err)})` };
  }
}

/** The nearest pyproject.toml from `start` up that has a `[tool.framework-guide]` table. */
function findConfig(start: string): { file: string; text: string } | undefined {
  for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
    const file = path.join(dir, 'pyproject.toml');
    if (fs.existsSync(file)) {
      const { text } = readFile(file);
      if (text !== undefined && readProjectConfig(text).config) return { file, text };
    }
    if (path.dirname(dir) === dir) return undefined;
  }
}

/** The configuration a run uses; throws an Error with a message when `--config` names a file that cannot be read. */
export function loadCliConfig(options: { configFile?: string; select?: string[]; ignore?: string[]; cwd?: string }): CliConfig {
  let found: { file: string; text: string } | undefined;
  if (options.configFile !== undefined) {
    const { text, error } = readFile(options.configFile);
    if (text === undefined) throw new Error(error);
    found = { file: options.configFile, text };
  } else found = findConfig(options.cwd ?? process.cwd());
  const read = found ? readProjectConfig(found.text) : { problems: [] };
  const config: ProjectConfig = { ...(read.config ?? {}) };
  if (options.select) config.select = options.select;
  if (options.ignore) config.ignore = options.ignore;
  return { ...(found ? { file: found.file } : {}), config, problems: read.problems };
}
