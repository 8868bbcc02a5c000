/** Typed access to the `frameworkGuide.*` settings, read in this one place. */
import * as vscode from 'vscode';
import type { Framework } from '../knowledge/types';

export type Verbosity = 'compact' | 'detailed';
export type SeveritySetting = 'error' | 'warning' | 'information' | 'hint' | 'off';

export interface GuideConfig {
  hover: { enabled: boolean; frameworks: Framework[]; verbosity: Verbosity; showEquivalents: boolean };
  analysis: { maxFileSize: number };
  diagnostics: { enabled: boolean; removedSeverity: SeveritySetting; deprecatedSeverity: SeveritySetting; compatModeSeverity: SeveritySetting; debounceMs: number };
  port: { codeLens: boolean };
  /** Used where the workspace folder's pyproject.toml has no [tool.framework-guide] table (see projectConfig.ts). */
  rules: { select: string[]; ignore: string[]; severity: Record<string, SeveritySetting>; target: Partial<Record<Framework, string>>; exclude: string[] };
}

const SEVERITIES: readonly SeveritySetting[] = ['error', 'warning', 'information', 'hint', 'off'];
const TARGET_KEYS: Readonly<Record<string, Framework>> = { tensorflow: 'tensorflow', keras: 'keras', torch: 'pytorch', pytorch: 'pytorch' };

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v.trim() !== '') : [];
}

/** `{ rule: severity }` from a setting, keeping only valid severities. */
function severities(value: unknown): Record<string, SeveritySetting> {
  const out: Record<string, SeveritySetting> = {};
  if (typeof value === 'object' && value !== null) for (const [rule, s] of Object.entries(value)) if ((SEVERITIES as unknown[]).includes(s)) out[rule] = s as SeveritySetting;
  return out;
}

function targets(value: unknown): Partial<Record<Framework, string>> {
  const out: Partial<Record<Framework, string>> = {};
  if (typeof value === 'object' && value !== null) {
    for (const [name, version] of Object.entries(value)) if (TARGET_KEYS[name] && typeof version === 'string' && /^\d+(\.\d+)*$/.test(version)) out[TARGET_KEYS[name]] = version;
  }
  return out;
}

const ALL_FRAMEWORKS: Framework[] = ['tensorflow', 'keras', 'pytorch'];

export function readConfig(scope?: vscode.ConfigurationScope): GuideConfig {
  const c = vscode.workspace.getConfiguration('frameworkGuide', scope);
  const frameworks = c.get<string[]>('hover.frameworks', ALL_FRAMEWORKS).filter((f): f is Framework => (ALL_FRAMEWORKS as string[]).includes(f));
  return {
    hover: {
      enabled: c.get<boolean>('hover.enabled', true),
      frameworks,
      verbosity: c.get<Verbosity>('hover.verbosity', 'compact') === 'detailed' ? 'detailed' : 'compact',
      showEquivalents: c.get<boolean>('hover.showEquivalents', true),
    },
    analysis: { maxFileSize: Math.max(0, c.get<number>('analysis.maxFileSize', 2_000_000)) },
    diagnostics: {
      enabled: c.get<boolean>('diagnostics.enabled', true),
      removedSeverity: c.get<SeveritySetting>('diagnostics.removedSeverity', 'warning'),
      deprecatedSeverity: c.get<SeveritySetting>('diagnostics.deprecatedSeverity', 'information'),
      compatModeSeverity: c.get<SeveritySetting>('diagnostics.compatModeSeverity', 'hint'),
      debounceMs: Math.max(0, c.get<number>('diagnostics.debounceMs', 300)),
    },
    port: { codeLens: c.get<boolean>('port.codeLens', true) },
    rules: {
      select: strings(c.get('rules.select')),
      ignore: strings(c.get('rules.ignore')),
      severity: severities(c.get('rules.severity')),
      target: targets(c.get('rules.target')),
      exclude: strings(c.get('scan.exclude')),
    },
  };
}
