/**
 * A project's Framework Guide settings in its `pyproject.toml`, under `[tool.framework-guide]`, as ruff keeps its own:
 * `select`, `ignore`, `severity` and `target` (the rule selection, see rules/selection.ts) and `exclude` (paths the
 * scan skips). The CLI and the editor read the same file, so a project has one source of truth for both.
 */
import { parse } from 'smol-toml';
import type { Framework } from '../../knowledge/types';
import type { RuleSelection, RuleSeverity } from '../rules/selection';

export interface ProjectConfig extends RuleSelection {
  /** Gitignore-style patterns, relative to the folder of the file they come from. */
  exclude?: readonly string[];
}

export interface ReadConfig {
  /** Undefined when the file has no `[tool.framework-guide]` table. */
  config?: ProjectConfig;
  /** What is wrong in the file, one sentence each; the keys that are right still apply. */
  problems: string[];
}

const SEVERITIES: readonly RuleSeverity[] = ['error', 'warning', 'information', 'hint', 'off'];
const TARGETS: Readonly<Record<string, Framework>> = { tensorflow: 'tensorflow', keras: 'keras', torch: 'pytorch', pytorch: 'pytorch' };
const KEYS = new Set(['select', 'ignore', 'severity', 'target', 'exclude']);

function isTable(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

function stringList(value: unknown, key: string, problems: string[]): string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
    problems.push(`tool.framework-guide.${key} must be a list of strings`);
    return undefined;
  }
  return value as string[];
}

/** Reads `[tool.framework-guide]` of a pyproject.toml text; never throws. */
export function readProjectConfig(text: string): ReadConfig {
  let data: unknown;
  try {
    data = parse(text);
  } catch (err) {
    const message = err instanceof Error ? err.message.split('\n')[0] : String(err);
    return { problems: [`not valid TOML: ${message}`] };
  }
  const tool = isTable(data) ? data.tool : undefined;
  const table = isTable(tool) ? tool['framework-guide'] : undefined;
  if (table === undefined) return { problems: [] };
  if (!isTable(table)) return { problems: ['tool.framework-guide must be a table'] };
  const problems: string[] = [];
  for (const key of Object.keys(table)) if (!KEYS.has(key)) problems.push(`tool.framework-guide.${key} is not a setting (the settings are ${[...KEYS].join(', ')})`);
  const config: ProjectConfig = {};
  const select = stringList(table.select, 'select', problems);
  if (select) config.select = select;
  const ignore = stringList(table.ignore, 'ignore', problems);
  if (ignore) config.ignore = ignore;
  const exclude = stringList(table.exclude, 'exclude', problems);
  if (exclude) config.exclude = exclude;
  if (table.severity !== undefined) {
    if (!isTable(table.severity)) problems.push('tool.framework-guide.severity must be a table of rule = severity');
    else {
      const severity: Record<string, RuleSeverity> = {};
      for (const [rule, value] of Object.entries(table.severity)) {
        if (typeof value === 'string' && (SEVERITIES as string[]).includes(value)) severity[rule] = value as RuleSeverity;
        else problems.push(`tool.framework-guide.severity."${rule}" must be one of ${SEVERITIES.join(', ')}`);
      }
      config.severity = severity;
    }
  }
  if (table.target !== undefined) {
    if (!isTable(table.target)) problems.push('tool.framework-guide.target must be a table such as { tensorflow = "2.15", torch = "2.4" }');
    else {
      const target: Partial<Record<Framework, string>> = {};
      for (const [name, value] of Object.entries(table.target)) {
        const framework = TARGETS[name];
        if (!framework) problems.push(`tool.framework-guide.target.${name} is not a framework (tensorflow, keras, torch)`);
        else if (typeof value !== 'string' || !/^\d+(\.\d+)*$/.test(value)) problems.push(`tool.framework-guide.target.${name} must be a version such as "2.15"`);
        else target[framework] = value;
      }
      config.target = target;
    }
  }
  return { config, problems };
}
