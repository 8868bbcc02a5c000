/**
 * Composes the hover note for a framework symbol as markdown: what it is, its status, the replacement, the
 * equivalent in the other framework, a docs link and command links. Pure: the adapter wraps it for VS Code.
 */
import type { LookupResult } from '../../knowledge';
import type { ApiRef, Framework, KnowledgeEntry, Status } from '../../knowledge/types';
import type { SymbolAtPosition } from '../python/types';
import { FRAMEWORK_LABEL, frameworkAdvice } from '../../knowledge/frameworks';

export interface HoverNoteOptions {
  verbosity: 'compact' | 'detailed';
  showEquivalents: boolean;
  /**
   * Our diagnostic covers the symbol, so VS Code shows its message in the same hover, right above the note: the note
   * then names the replacement without repeating the message's explanation.
   */
  diagnosticShown?: boolean;
  /** On an import of a framework: what the file uses that the installed releases removed or deprecated. */
  fileSummary?: { removed: number; deprecated: number };
}

/** A command link the note offers; the adapter allows exactly these commands in the trusted markdown. */
export const HOVER_COMMANDS = ['frameworkGuide.openComparison', 'frameworkGuide.insertSnippet', 'frameworkGuide.showReplacement', 'frameworkGuide.migrateFile'] as const;
export type HoverCommand = (typeof HOVER_COMMANDS)[number];

export interface HoverNote {
  markdown: string;
  /** The entry the note describes (for the adapter's tests and telemetry-free logging). */
  entry: KnowledgeEntry;
}

/** Escapes text for markdown outside code spans. */
function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, (c) => `\\${c}`);
}

/** Escapes entry text for markdown, keeping its `code spans` as code (nothing in a code span is live markdown). */
function md(text: string): string {
  return text
    .split(/(`[^`\n]+`)/)
    .map((part, i) => (i % 2 === 1 ? part : escape(part)))
    .join('');
}

function code(text: string): string {
  return '`' + text.replace(/`/g, "'") + '`';
}

/**
 * True when `written` → `qualified` tells the reader something: not when only a one-package alias is expanded
 * (`tf.keras.layers.Dense` → `tensorflow.keras.layers.Dense`), but when the alias stands for a path
 * (`nn.Linear` → `torch.nn.Linear`, `F.sigmoid` → `torch.nn.functional.sigmoid`).
 */
function expansionInforms(written: string, qualified: string): boolean {
  if (written === qualified) return false;
  const w = written.split('.');
  const q = qualified.split('.');
  const rootTarget = q.slice(0, q.length - w.length + 1);
  return !(rootTarget.length === 1 && w.slice(1).join('.') === q.slice(1).join('.'));
}

export function commandLink(label: string, command: HoverCommand, args: unknown[]): string {
  return `[${escape(label)}](command:${command}?${encodeURIComponent(JSON.stringify(args))} "${label}")`;
}

/** The status in one line, naming the product its versions count in ("Removed in Keras 3.0"). */
export function statusLine(status: Status, framework: Framework, compatV1: boolean): string | undefined {
  const product = FRAMEWORK_LABEL[framework];
  const when = (version: string | undefined) => [version ? `${product} ${version}` : undefined, status.date ? `(${status.date})` : undefined].filter(Boolean).join(' ');
  if (status.state === 'removed' && compatV1) {
    return `**Legacy (TF1 compatibility mode):** removed from the TF2 API in ${when(status.since)}; still callable through ${code('tf.compat.v1')}.`;
  }
  if (status.state === 'removed') {
    const at = when(status.since);
    return `**Removed**${at ? ` in ${at}` : ''}.${status.note ? ' ' + md(status.note) : ''}`;
  }
  if (status.state === 'deprecated') {
    const removed = status.removedIn ? ` Removed in ${product} ${status.removedIn}.` : '';
    return `**Deprecated** since ${when(status.since)}.${removed}${status.note ? ' ' + md(status.note) : ''}`;
  }
  return undefined;
}

/** The status of a name the installed release lacks, said against that release (src/knowledge/absence.ts). */
function absentLine(absent: NonNullable<LookupResult['absent']>, entry: KnowledgeEntry): string {
  if (absent.plugin) return `**Not part of ${absent.release}:** an out-of-tree device plugin provides ${code(absent.missing.replace(/^tensorflow\b/, 'tf'))}.`;
  if (absent.raises) return `**Raises in ${absent.release}:** ${code(absent.raises)}`;
  const since = entry.status.since ? ` Removed in ${FRAMEWORK_LABEL[entry.framework]} ${entry.status.since}${entry.status.date ? ` (${entry.status.date})` : ''}.` : '';
  return `**Not in ${absent.release}** (checked against the installed release).${since}`;
}

/** A default as the signature prints it, or "required". */
function shownDefault(value: string | undefined): string {
  return value === undefined ? 'required' : code(value);
}

/**
 * The structured facts of an equivalence (arguments with both defaults, layouts, outputs), in detailed notes only.
 * Arguments that match in name and default are left out: the note lists what a port must change.
 */
function factLines(entry: KnowledgeEntry, ref: ApiRef): string[] {
  const rows: string[] = [];
  for (const p of ref.params ?? []) {
    if (p.theirs !== undefined && p.theirs === p.ours && p.theirDefault === p.ourDefault) continue;
    const ours = `${code(p.ours)} (${shownDefault(p.ourDefault)})`;
    const theirs = p.theirs === undefined ? 'no counterpart' : `${code(p.theirs)} (${shownDefault(p.theirDefault)})`;
    rows.push(`- ${ours} → ${theirs}${p.note ? ` — ${md(p.note)}` : ''}`);
  }
  if (ref.layout) rows.push(`- Layout: ${md(ref.layout.ours)} → ${md(ref.layout.theirs)}`);
  if (ref.output) rows.push(`- Output: ${md(ref.output.ours)} → ${md(ref.output.theirs)}`);
  if (rows.length === 0) return [];
  return [`**${code(entry.name.split('.').pop() ?? entry.name)} → ${code(ref.name)}, checked against the installed signatures:**\n\n${rows.join('\n')}`];
}

/** Said only where the equivalence test layer really runs both sides of the pair, in words a reader can act on. */
function checkedMark(ref: ApiRef): string {
  if (ref.checked === 'equal') return ' _(Tested: both give the same outputs for the same inputs and weights.)_';
  if (ref.checked === 'documented-difference') return ' _(Tested: run on the same inputs, the two differ only as said here.)_';
  return '';
}

/** The framework whose snippets answer "the other framework" for this entry. */
function otherFramework(entry: KnowledgeEntry): 'tensorflow' | 'pytorch' {
  return entry.framework === 'pytorch' ? 'tensorflow' : 'pytorch';
}

/**
 * The note, answer first: for a deprecated or removed API the status and what to use instead come right after
 * the title, and the summary and the other framework only at `detailed` verbosity, so the hover stays short
 * enough for VS Code's own action row (Quick Fix…) under it. Provenance is a "Sources" link, not a line.
 */
export function composeHoverNote(symbol: SymbolAtPosition, result: LookupResult, options: HoverNoteOptions, lookupName?: (name: string) => KnowledgeEntry | undefined): HoverNote {
  const { entry } = result;
  const detailed = options.verbosity === 'detailed';
  const outdated = entry.status.state !== 'current';
  const lines: string[] = [];
  const label = FRAMEWORK_LABEL[entry.framework];
  const resolved = result.query;
  const heading = expansionInforms(symbol.written, resolved) ? `${code(symbol.written)} → ${code(resolved)}` : code(symbol.written);
  // An absent name's kind is not known (the installed release has no object to ask).
  lines.push(`**Framework Guide** · ${label} ${result.match === 'module' || result.absent ? 'API' : entry.kind}: ${heading}`);

  if (result.match === 'module') {
    lines.push(`_Not in the guide yet; showing the note for module ${code(entry.name)}._`);
  } else if (result.match === 'alias' && result.compatV1 && entry.status.state === 'removed') {
    // tf.compat.v1.train.AdamOptimizer: the entry's own name (tensorflow.train.AdamOptimizer) no longer exists in TF2.
    lines.push(`_A TF1 API kept by ${code('tf.compat.v1')}; described here under its TF1 name ${code(entry.name)}, which TensorFlow 2 no longer has._`);
  } else if (result.match === 'alias' && result.aliasNote) {
    // Only an alias to the very same object may claim sameness; tf.compat.v1 names often keep TF1 arguments. That
    // tf.keras.layers.Dense is keras.layers.Dense is no news in a compact note: only a different API is said there.
    if (!result.aliasSameApi) lines.push(`_Showing the note for ${code(entry.name)} — ${md(result.aliasNote)}._`);
    else if (detailed) lines.push(`_Same API as ${code(entry.name)} — ${md(result.aliasNote)}._`);
  } else if (result.compatV1 && entry.status.state !== 'removed') {
    lines.push(`_TF1 compatibility mode: ${code('tf.compat.v1')} keeps TF1 APIs callable in TensorFlow 2._`);
  }

  // Under our diagnostic the status's own note repeats the message above it: the status alone says when.
  const shownStatus = options.diagnosticShown && !detailed ? { ...entry.status, note: undefined } : entry.status;
  const status = result.absent ? absentLine(result.absent, entry) : statusLine(shownStatus, entry.framework, !!result.compatV1);
  if (status) lines.push(status);
  // Through tf.compat.v1 the code already takes the compat step: show the TF2 advice, not "use compat.v1".
  const alreadyReplaced = !!entry.replacement && !!result.compatV1 && entry.replacement.name === result.query;
  if (entry.replacement && outdated) {
    const note = entry.replacement.note ? ` — ${md(entry.replacement.note)}` : '';
    if (alreadyReplaced) lines.push(`**Moving to TF2:**${note ? note.slice(2) : ' see the docs.'}`);
    else {
      // Says here why the Quick Fix menu has no rename: VS Code hides disabled code actions from it.
      const manual = !entry.replacement.dropIn && !entry.replacement.leadingArgument;
      // The diagnostic above already gives the explanation: the note names what to use and stops.
      lines.push(`**Use instead${manual ? ' (change by hand)' : ''}:** ${code(entry.replacement.usage ?? entry.replacement.name)}${options.diagnosticShown && !detailed ? '' : note}`);
    }
  }

  // After the answer: the tf.compat.v1 copy of a graph-mode API raises under eager execution unless v2 behaviour is off.
  if (entry.graphMode && (outdated || result.compatV1) && (!options.diagnosticShown || detailed)) {
    lines.push(`**Graph mode only:** under the default eager execution ${code(entry.graphMode.call)} raises ${code(entry.graphMode.raises)}; call ${code('tf.compat.v1.disable_v2_behavior()')} first.`);
  }
  if (!outdated || detailed) lines.push(md(entry.summary));
  if (symbol.inImport && entry.kind === 'module') {
    const advice = frameworkAdvice(resolved, !!result.compatV1);
    if (advice) lines.push(advice);
    const summary = options.fileSummary;
    if (summary && summary.removed + summary.deprecated > 0) {
      const parts = [summary.removed ? `${summary.removed} ${summary.removed === 1 ? 'use' : 'uses'} of removed APIs` : '', summary.deprecated ? `${summary.deprecated} deprecated` : ''].filter(Boolean);
      lines.push(`**This file:** ${parts.join(', ')} (see Problems). ${commandLink('Migrate This File', 'frameworkGuide.migrateFile', [])} applies the safe fixes with a preview.`);
    }
  }

  if (options.showEquivalents && entry.equivalents?.length && (!outdated || detailed)) {
    const shown = detailed ? entry.equivalents : entry.equivalents.slice(0, 1);
    const other = FRAMEWORK_LABEL[otherFramework(entry) === 'pytorch' ? 'pytorch' : 'tensorflow'];
    const items = shown.map((e) => `${code(e.name)}${e.note ? ` — ${md(e.note)}` : ''}${detailed ? checkedMark(e) : ''}`);
    lines.push(items.length === 1 ? `**In ${other}:** ${items[0]}` : `**In ${other}:**\n\n${items.map((i) => `- ${i}`).join('\n')}`);
    if (detailed) for (const e of shown) lines.push(...factLines(entry, e));
  }

  const links: string[] = [`[Docs](${entry.docs})`];
  // With a counterpart, the panel shows this API next to it; else the section that discusses it.
  links.push(commandLink('Compare in panel', 'frameworkGuide.openComparison', [entry.equivalents?.length ? { api: entry.name } : (entry.section ?? 'architecture')]));
  const task = entry.tags?.[0];
  if (task) links.push(commandLink('Insert equivalent snippet', 'frameworkGuide.insertSnippet', [{ task, framework: otherFramework(entry) }]));
  // "Show replacement" repeats what the diagnostic above says; the light bulb has the fix.
  if (entry.replacement && !alreadyReplaced && outdated && !options.diagnosticShown && (lookupName?.(entry.replacement.name) || entry.replacement.external)) {
    links.push(commandLink('Show replacement', 'frameworkGuide.showReplacement', [entry.name]));
  }
  // Where the facts come from, on demand: the first source, with what was checked as the link's tooltip.
  const source = entry.sources.find((u) => /^https:\/\//.test(u));
  if (source) links.push(`[Sources](${source} "${`Checked against ${entry.verified}`.replace(/["\\]/g, "'")}")`);
  lines.push(links.join(' · '));
  return { markdown: lines.join('\n\n'), entry };
}
