/**
 * Quick fixes for our diagnostics: the core planner's safe fix (a drop-in rename through the file's aliases, a keyword
 * rename, TF1-order positional arguments passed by keyword), ignore on this line, show the equivalent in the panel, open the docs. Replacements that change behaviour
 * get no edit. This adapter only turns the planner's offsets into ranges.
 */
import * as vscode from 'vscode';
import type { PythonAnalysis } from '../core/python';
import { FixPlanner, type FixTitle, type PlannedFix } from '../core/rules/fixes';
import { Suppressions } from '../core/rules/suppress';
import type { KnowledgeBase } from '../knowledge';
import type { DeprecationDiagnostics, FindingRecord } from './diagnostics';
import type { DocumentView } from './documentAnalysis';
import type { KnowledgeStore } from './knowledgeStore';

/** A diagnostic's record with the host's analysis of its file, which the fixes are planned on. */
type AnalysedRecord = FindingRecord & { view: DocumentView };

const isAnalysed = (record: FindingRecord): record is AnalysedRecord => record.view !== undefined;

/** A fix's title as the light bulb and the refactor preview show it. */
export function fixTitle(title: FixTitle): string {
  if (title.kind === 'replace') return vscode.l10n.t('Replace with {0}', title.text);
  if (title.kind === 'rename-keyword') return vscode.l10n.t('Rename keyword {0}= to {1}=', title.from, title.to);
  return vscode.l10n.t('Pass the arguments by keyword ({0})', title.keywords.join(', '));
}

export class DeprecationCodeActions implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];
  /** One parse per analysed version for placing ignore comments, however often the light bulb asks. */
  private readonly suppressions = new WeakMap<PythonAnalysis, Suppressions>();
  /** One planner per analysed version: it indexes the references once. */
  private readonly planners = new WeakMap<PythonAnalysis, FixPlanner>();

  constructor(
    private readonly diagnostics: DeprecationDiagnostics,
    private readonly store: KnowledgeStore,
  ) {}

  async provideCodeActions(document: vscode.TextDocument, range: vscode.Range | vscode.Selection): Promise<vscode.CodeAction[]> {
    // Diagnostics from the first scan worker come without the host's analysis, which fixes and ignore comments are
    // planned on: the light bulb has the host analyse the file (once) and answers from the diagnostics that gives.
    if (this.diagnostics.recordsFor(document.uri).some((r) => !r.view && r.diagnostic.range.intersection(range))) await this.diagnostics.refresh(document, true);
    const kb = this.store.peekKnowledge();
    // Fixes first (the preferred one is what Enter after Ctrl+. runs), then what shows the replacement, and "Ignore"
    // last: with no safe fix, Enter must not silence the warning.
    const actions: vscode.CodeAction[] = [];
    const informing: vscode.CodeAction[] = [];
    const ignoring: vscode.CodeAction[] = [];
    for (const record of this.diagnostics.recordsFor(document.uri).filter(isAnalysed)) {
      if (!record.diagnostic.range.intersection(range)) continue;
      const entry = kb?.get(record.finding.entryName);
      const outcome = kb && this.plannerFor(record.view, kb).planFinding(record.finding);
      if (outcome?.status === 'fix') {
        const fix = this.fixAction(record, outcome);
        if (fix) actions.push(fix);
      } else if (outcome && entry?.replacement && (outcome.reason === 'not-drop-in' || outcome.reason === 'positional-arguments')) {
        // Shown greyed out in the Quick Fix menu, with the reason, instead of an entry that looks runnable.
        const replacement = entry.replacement;
        const manual = new vscode.CodeAction(vscode.l10n.t('Replace with {0}', replacement.name), vscode.CodeActionKind.QuickFix);
        const why = replacement.note ? ` ${replacement.note}` : '';
        manual.disabled = {
          reason:
            outcome.reason === 'positional-arguments'
              ? vscode.l10n.t('No automatic fix: this call passes arguments by position, and {0} takes {1} first.{2}', replacement.name, replacement.leadingArgument ?? '', why)
              : vscode.l10n.t('No automatic fix: {0} is not a drop-in replacement for {1}.{2}', replacement.name, record.finding.entryName, why),
        };
        manual.diagnostics = [record.diagnostic];
        actions.push(manual);
      } else if (outcome?.reason === 'reorder-unsafe') {
        const manual = new vscode.CodeAction(vscode.l10n.t('Pass the arguments by keyword'), vscode.CodeActionKind.QuickFix);
        manual.disabled = { reason: vscode.l10n.t('No automatic fix: {0}.', outcome.message) };
        manual.diagnostics = [record.diagnostic];
        actions.push(manual);
      }
      const ignore = this.ignoreAction(document, record);
      if (ignore) ignoring.push(ignore);
      const panel = new vscode.CodeAction(vscode.l10n.t('Show the equivalent in the Framework Guide panel'), vscode.CodeActionKind.QuickFix);
      panel.command = { command: 'frameworkGuide.openComparison', title: panel.title, arguments: [entry?.equivalents?.length ? { api: entry.name } : (entry?.section ?? 'changes-since-2023')] };
      panel.diagnostics = [record.diagnostic];
      informing.push(panel);
      const docs = new vscode.CodeAction(vscode.l10n.t('Learn more: open the docs of {0}', record.finding.entryName), vscode.CodeActionKind.QuickFix);
      docs.command = { command: 'vscode.open', title: docs.title, arguments: [vscode.Uri.parse(record.finding.docs)] };
      docs.diagnostics = [record.diagnostic];
      informing.push(docs);
    }
    return [...actions, ...informing, ...ignoring];
  }

  private plannerFor(view: DocumentView, kb: KnowledgeBase): FixPlanner {
    let planner = this.planners.get(view.analysis);
    if (!planner) this.planners.set(view.analysis, (planner = new FixPlanner(view.prepared, view.analysis, kb)));
    return planner;
  }

  /** The planner's fix as a quick fix; in a notebook its import goes to the first code cell. */
  private fixAction(record: AnalysedRecord, fix: PlannedFix): vscode.CodeAction | undefined {
    const edit = new vscode.WorkspaceEdit();
    for (const e of this.plannerFor(record.view, this.store.peekKnowledge()!).editsOf(fix)) {
      const location = record.view.toLocation(e.from, e.to);
      if (!location) return undefined;
      edit.replace(location.uri, location.range, e.text);
    }
    const action = new vscode.CodeAction(fixTitle(fix.title), vscode.CodeActionKind.QuickFix);
    action.isPreferred = true;
    action.diagnostics = [record.diagnostic];
    action.edit = edit;
    return action;
  }

  /** The ignore comment goes where suppression is read (core Suppressions), in the cell or file it belongs to. */
  private ignoreAction(document: vscode.TextDocument, record: AnalysedRecord): vscode.CodeAction | undefined {
    const analysis = record.view.analysis;
    let suppressions = this.suppressions.get(analysis);
    if (!suppressions) this.suppressions.set(analysis, (suppressions = new Suppressions(analysis.text)));
    const edit = suppressions.edit(record.finding.span.from, record.finding.ruleId);
    const range = edit && record.view.toRange(edit.from, edit.to);
    if (!edit || !range) return undefined;
    const action = new vscode.CodeAction(vscode.l10n.t('Ignore {0} on this line', record.finding.ruleId), vscode.CodeActionKind.QuickFix);
    action.diagnostics = [record.diagnostic];
    action.edit = new vscode.WorkspaceEdit();
    action.edit.replace(document.uri, range, edit.insert);
    return action;
  }
}

export function registerCodeActions(context: vscode.ExtensionContext, diagnostics: DeprecationDiagnostics, store: KnowledgeStore): void {
  context.subscriptions.push(
    vscode.languages.registerCodeActionsProvider({ language: 'python' }, new DeprecationCodeActions(diagnostics, store), { providedCodeActionKinds: DeprecationCodeActions.kinds }),
  );
}
