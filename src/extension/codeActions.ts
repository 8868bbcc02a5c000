/**
 * Quick fixes for our diagnostics: rename to a drop-in replacement (through the file's aliases), ignore on this
 * line, show the equivalent in the panel, open the docs. Replacements that change behaviour get no edit.
 */
import * as vscode from 'vscode';
import type { PythonAnalysis } from '../core/python';
import { planKeywordRename, planLeadingArgument, planRename } from '../core/rules/quickFix';
import { planArgumentReorder } from '../core/rules/reorder';
import { Suppressions } from '../core/rules/suppress';
import { importInsertionOffset } from '../core/snippets/placement';
import { firstCodeCell } from './codeInserter';
import type { DeprecationDiagnostics, FindingRecord } from './diagnostics';
import type { Replacement } from '../knowledge/types';
import type { KnowledgeStore } from './knowledgeStore';

export class DeprecationCodeActions implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];
  /** One parse per analysed version for placing ignore comments, however often the light bulb asks. */
  private readonly suppressions = new WeakMap<PythonAnalysis, Suppressions>();

  constructor(
    private readonly diagnostics: DeprecationDiagnostics,
    private readonly store: KnowledgeStore,
  ) {}

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range | vscode.Selection): vscode.CodeAction[] {
    const kb = this.store.peekKnowledge();
    const actions: vscode.CodeAction[] = [];
    for (const record of this.diagnostics.recordsFor(document.uri)) {
      if (!record.diagnostic.range.intersection(range)) continue;
      const keywordFix = this.keywordRenameAction(document, record);
      if (keywordFix) actions.push(keywordFix);
      const reorderFix = this.argumentReorderAction(document, record);
      if (reorderFix) actions.push(reorderFix);
      const entry = kb?.get(record.finding.entryName);
      const replacement = entry?.replacement;
      const fix = replacement?.dropIn || replacement?.leadingArgument ? this.renameAction(document, record, replacement) : undefined;
      if (fix) actions.push(fix);
      else if (replacement && !replacement.dropIn) {
        // Shown greyed out in the Quick Fix menu, with the reason, instead of an entry that looks runnable.
        const manual = new vscode.CodeAction(vscode.l10n.t('Replace with {0}', replacement.name), vscode.CodeActionKind.QuickFix);
        const why = replacement.note ? ` ${replacement.note}` : '';
        manual.disabled = {
          reason: replacement.leadingArgument
            ? vscode.l10n.t('No automatic fix: this call passes arguments by position, and {0} takes {1} first.{2}', replacement.name, replacement.leadingArgument, why)
            : vscode.l10n.t('No automatic fix: {0} is not a drop-in replacement for {1}.{2}', replacement.name, record.finding.entryName, why),
        };
        manual.diagnostics = [record.diagnostic];
        actions.push(manual);
      }
      const ignore = this.ignoreAction(document, record);
      if (ignore) actions.push(ignore);
      const panel = new vscode.CodeAction(vscode.l10n.t('Show the equivalent in the Framework Guide panel'), vscode.CodeActionKind.QuickFix);
      panel.command = { command: 'frameworkGuide.openComparison', title: panel.title, arguments: [entry?.section ?? 'changes-since-2023'] };
      panel.diagnostics = [record.diagnostic];
      actions.push(panel);
      const docs = new vscode.CodeAction(vscode.l10n.t('Learn more: open the docs of {0}', record.finding.entryName), vscode.CodeActionKind.QuickFix);
      docs.command = { command: 'vscode.open', title: docs.title, arguments: [vscode.Uri.parse(record.finding.docs)] };
      docs.diagnostics = [record.diagnostic];
      actions.push(docs);
    }
    return actions;
  }

  private renameAction(document: vscode.TextDocument, record: FindingRecord, replacement: Replacement): vscode.CodeAction | undefined {
    const reference = record.reference;
    // An import line names a module (`from tensorflow import gfile`): a dotted replacement there would not parse.
    if (!reference || reference.inImport) return undefined;
    const plan = planRename(reference, replacement.name, record.view.analysis.imports);
    const argument = replacement.leadingArgument ? planLeadingArgument(reference, replacement.leadingArgument, record.view.analysis.text) : undefined;
    if (replacement.leadingArgument && !argument) return undefined; // positional arguments would shift: no safe edit
    const argumentRange = argument && record.view.toRange(argument.at, argument.at);
    if (argument && !argumentRange) return undefined;
    const current = document.getText(record.diagnostic.range);
    if (plan.text === current && !argument) return undefined; // already written the safe way (e.g. through tf.compat.v1)
    const title = argument ? `${plan.text}(${argument.text.replace(/,\s*$/, ', …')})` : plan.text;
    const action = new vscode.CodeAction(vscode.l10n.t('Replace with {0}', title), vscode.CodeActionKind.QuickFix);
    action.isPreferred = true;
    action.diagnostics = [record.diagnostic];
    action.edit = new vscode.WorkspaceEdit();
    action.edit.replace(document.uri, record.diagnostic.range, plan.text);
    if (argumentRange && argument) action.edit.insert(document.uri, argumentRange.start, argument.text);
    if (plan.importLine) {
      // In a notebook the import goes to the first code cell, where the other imports live.
      const target = firstCodeCell(document) ?? document;
      const text = target.getText();
      const offset = importInsertionOffset(text);
      // A last import without a line break (typical in a cell) needs one before the new line.
      const before = offset > 0 && !text.slice(0, offset).endsWith('\n') ? '\n' : '';
      action.edit.insert(target.uri, target.positionAt(offset), `${before}${plan.importLine}\n`);
    }
    return action;
  }

  /** The ignore comment goes where suppression is read (core Suppressions), in the cell or file it belongs to. */
  private keywordRenameAction(document: vscode.TextDocument, record: FindingRecord): vscode.CodeAction | undefined {
    const rename = record.finding.keywordRename;
    if (!planKeywordRename(record.finding) || !rename || document.getText(record.diagnostic.range) !== rename.from) return undefined;
    const action = new vscode.CodeAction(vscode.l10n.t('Rename keyword {0}= to {1}=', rename.from, rename.to), vscode.CodeActionKind.QuickFix);
    action.isPreferred = true;
    action.diagnostics = [record.diagnostic];
    action.edit = new vscode.WorkspaceEdit();
    action.edit.replace(document.uri, record.diagnostic.range, rename.to);
    return action;
  }

  /** Positional arguments whose TF1 order TF 2 changed, passed by keyword (core planArgumentReorder); greyed out with the reason when unsafe. */
  private argumentReorderAction(document: vscode.TextDocument, record: FindingRecord): vscode.CodeAction | undefined {
    const reorder = record.finding.argumentReorder;
    if (!reorder) return undefined;
    const span = record.finding.span;
    // A finding of an older version of the text gets no edit: its offsets may no longer hold.
    if (document.getText(record.diagnostic.range) !== record.view.analysis.text.slice(span.from, span.to)) return undefined;
    const edits = planArgumentReorder(record.finding);
    if (!edits) {
      const manual = new vscode.CodeAction(vscode.l10n.t('Pass the arguments by keyword'), vscode.CodeActionKind.QuickFix);
      manual.disabled = { reason: vscode.l10n.t('No automatic fix: {0}.', reorder.refused ?? '') };
      manual.diagnostics = [record.diagnostic];
      return manual;
    }
    const ranges = edits.map((e) => record.view.toRange(e.from, e.to));
    if (ranges.some((r) => !r)) return undefined;
    const names = reorder.keywords.map((k) => `${k.name}=`).concat(reorder.renames.map((r) => `${r.to}=`));
    const action = new vscode.CodeAction(vscode.l10n.t('Pass the arguments by keyword ({0})', names.join(', ')), vscode.CodeActionKind.QuickFix);
    action.isPreferred = true;
    action.diagnostics = [record.diagnostic];
    action.edit = new vscode.WorkspaceEdit();
    edits.forEach((e, i) => action.edit?.replace(document.uri, ranges[i] as vscode.Range, e.text));
    return action;
  }

  private ignoreAction(document: vscode.TextDocument, record: FindingRecord): vscode.CodeAction | undefined {
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
