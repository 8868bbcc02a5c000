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
  };
}
