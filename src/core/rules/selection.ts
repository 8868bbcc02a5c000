/**
 * Which findings a project wants, as ruff's `select`/`ignore` say it: rules chosen by prefix on dotted names
 * (`FG-tensorflow` is every TensorFlow rule, `FG-tensorflow.Session` one), a severity per rule, and the releases the
 * project targets (a change that came after them is not reported). One selection serves the CLI, the workspace scan
 * and the editor, applied in the one scan step.
 */
import type { KnowledgeBase } from '../../knowledge';
import type { Framework } from '../../knowledge/types';
import type { Finding } from './findings';

export type RuleSeverity = 'error' | 'warning' | 'information' | 'hint' | 'off';

export interface RuleSelection {
  /** Rule prefixes to report; every rule when unset or empty. `ALL` selects everything. */
  select?: readonly string[];
  /** Rule prefixes never reported; a longer select prefix wins over a shorter ignore one, as in ruff. */
  ignore?: readonly string[];
  /** Severity by rule prefix, the longest prefix deciding; `off` drops the finding. */
  severity?: Readonly<Record<string, RuleSeverity>>;
  /** The releases the project runs on: a finding about a change made in a later release is not reported. */
  target?: Readonly<Partial<Record<Framework, string>>>;
}

/** `FG-tensorflow.Session`, `tensorflow.Session` and `FG-tensorflow.Session` name the same rule. */
function normalise(rule: string): string {
  const trimmed = rule.trim();
  return trimmed.startsWith('FG-') ? trimmed.slice(3) : trimmed;
}

/** How many dotted parts of `rule` the prefix matches (the prefix's length), or -1 when it does not match. */
function matchLength(prefix: string, rule: string): number {
  const p = normalise(prefix);
  if (p === 'ALL') return 0;
  return rule === p || rule.startsWith(`${p}.`) ? p.length : -1;
}

function longestMatch(prefixes: readonly string[] | undefined, rule: string): number {
  let best = -1;
  for (const prefix of prefixes ?? []) best = Math.max(best, matchLength(prefix, rule));
  return best;
}

/** Whether `ruleId` is reported under `selection`. */
export function isSelected(ruleId: string, selection: RuleSelection): boolean {
  const rule = normalise(ruleId);
  const selected = selection.select && selection.select.length > 0 ? longestMatch(selection.select, rule) : 0;
  const ignored = longestMatch(selection.ignore, rule);
  if (selected < 0) return false;
  return ignored < 0 || selected > ignored;
}

/** The severity `selection` gives `ruleId`, by its longest matching prefix; undefined when none is set. */
export function severityOf(ruleId: string, selection: RuleSelection): RuleSeverity | undefined {
  const rule = normalise(ruleId);
  let best = -1;
  let found: RuleSeverity | undefined;
  for (const [prefix, severity] of Object.entries(selection.severity ?? {})) {
    const length = matchLength(prefix, rule);
    if (length > best) {
      best = length;
      found = severity;
    }
  }
  return found;
}

/** `2.21` vs `2.9`: numeric by part; a missing part counts as 0. */
export function compareVersions(a: string, b: string): number {
  const x = a.split('.').map((p) => parseInt(p, 10) || 0);
  const y = b.split('.').map((p) => parseInt(p, 10) || 0);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** Whether the change a finding reports had happened by the release the project targets (always, without a target). */
export function withinTarget(finding: Finding, selection: RuleSelection, kb: KnowledgeBase): boolean {
  if (!selection.target) return true;
  const entry = kb.get(finding.entryName);
  const target = entry && selection.target[entry.framework];
  const since = entry?.status.since;
  return !target || !since || compareVersions(since, target) <= 0;
}

/** True when a selection changes nothing (the default). */
export function selectsEverything(selection: RuleSelection | undefined): boolean {
  return !selection || (!selection.select?.length && !selection.ignore?.length && !Object.keys(selection.severity ?? {}).length && !selection.target);
}

/**
 * `findings` as `selection` wants them: the ones it leaves out dropped (counted in `deselected`), the rest with the
 * severity it sets. The scan step applies it; the editor applies it again to a scan made before the setting changed.
 */
export function selectFindings<F extends Finding & { configuredSeverity?: Exclude<RuleSeverity, 'off'> }>(findings: readonly F[], selection: RuleSelection | undefined, kb: KnowledgeBase): { findings: F[]; deselected: number } {
  if (selectsEverything(selection)) return { findings: [...findings], deselected: 0 };
  const rules = selection as RuleSelection;
  const kept: F[] = [];
  for (const finding of findings) {
    const severity = severityOf(finding.ruleId, rules);
    if (!isSelected(finding.ruleId, rules) || severity === 'off' || !withinTarget(finding, rules, kb)) continue;
    kept.push(severity ? { ...finding, configuredSeverity: severity } : finding);
  }
  return { findings: kept, deselected: findings.length - kept.length };
}
