/**
 * "Migrate This File": every safe fix of a Python file or notebook as one WorkspaceEdit, shown in VS Code's refactor
 * preview (for a notebook: listed in a dialog) and undone in one step; the same edits as a
 * `source.fixAll.frameworkGuide` code action for `editor.codeActionsOnSave`. The core planner decides the fixes; this
 * adapter converts offsets to ranges.
 */
import * as vscode from 'vscode';
import { FixPlanner, type FilePlan, type PlannedEdit } from '../core/rules/fixes';
import { finishScanInSteps, type FileScan } from '../core/scan';
import { runInSlices } from '../core/steps';
import type { Finding } from '../core/rules/findings';
import { fixTitle } from './codeActions';
import { findNotebook, type DocumentAnalyses, type DocumentView } from './documentAnalysis';
import type { KnowledgeStore } from './knowledgeStore';
import type { Log } from './output';
import type { ProjectConfigs } from './projectConfig';

export const MIGRATE_COMMAND = 'frameworkGuide.migrateFile';
export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('frameworkGuide');

/** Arguments the command takes (a keybinding may pass them): `preview: false` applies without the refactor preview. */
export interface MigrateArguments {
  preview?: boolean;
}

/** One entry of the migration edit, as given to WorkspaceEdit.replace (tests read them: the edit hides its metadata). */
export interface MigrationEntry {
  uri: vscode.Uri;
  range: vscode.Range;
  newText: string;
  metadata: vscode.WorkspaceEditEntryMetadata;
}

export interface Migration {
  plan: FilePlan;
  entries: MigrationEntry[];
  edit: vscode.WorkspaceEdit;
  /**
   * Set for a notebook when a preview was asked for: the Refactor Preview keys files by path without the fragment
   * that tells a notebook's cells apart, so it would show every cell's edits on one cell. A dialog asks instead.
   */
  confirmInDialog?: boolean;
}

interface Deps {
  analyses: DocumentAnalyses;
  store: KnowledgeStore;
  log: Log;
  configs: ProjectConfigs;
}

/** Longest run of planning on the extension host's thread before it is given back (a hover or keystroke waits no longer). */
const PLAN_SLICE_MS = 8;

/**
 * The plan for a document's file or notebook, built in slices of a few milliseconds so a large file never freezes
 * the extension host; undefined when it could not be analysed or `token` cancelled it. `onlyCell` keeps the fixes of
 * that notebook cell (on-save, per cell).
 */
async function planFor(deps: Deps, document: vscode.TextDocument, token: vscode.CancellationToken | undefined, onlyCell = false): Promise<{ view: DocumentView; plan: FilePlan } | 'cancelled' | undefined> {
  const view = await deps.analyses.get(document, token);
  if (token?.isCancellationRequested) return 'cancelled';
  if (!view) return undefined;
  const kb = await deps.store.getKnowledge();
  const shouldStop = () => token?.isCancellationRequested === true;
  // Only the rules the project selects are fixed, as with the CLI's --fix.
  const { exclude: _exclude, file: _file, ...rules } = await deps.configs.get(findNotebook(document)?.notebook.uri ?? document.uri);
  const scanned: { result?: FileScan } = {};
  if (!(await runInSlices(finishScanInSteps(view.prepared, view.analysis, kb, { rules }, scanned), { sliceMs: PLAN_SLICE_MS, shouldStop }))) return 'cancelled';
  const scan = scanned.result;
  if (scan?.status !== 'analysed') return undefined;
  const inCell = (f: Finding) => view.toRange(f.span.from, f.span.to) !== undefined;
  const findings = onlyCell && view.cell !== undefined ? scan.findings.filter(inCell) : scan.findings;
  const planned: { plan?: FilePlan } = {};
  if (!(await runInSlices(new FixPlanner(view.prepared, view.analysis, kb).planFileInSteps(findings, planned), { sliceMs: PLAN_SLICE_MS, shouldStop }))) return 'cancelled';
  return { view, plan: planned.plan as FilePlan };
}

/** What the refactor preview lists for an edit: the fix's title, or the imports it adds and for how many fixes. */
function describeEdit(edit: PlannedEdit): { label: string; description: string } {
  if (edit.importLines) {
    return { label: vscode.l10n.t('Add {0}', edit.importLines.join('; ')), description: vscode.l10n.t('needed by {0} fixes', edit.fixes.length) };
  }
  const fix = edit.fixes[0];
  return { label: fixTitle(fix.title), description: fix.finding.ruleId };
}

/** The plan's edits as one WorkspaceEdit over the file or the notebook's cells. Undefined when an edit cannot be placed. */
export function migrationEdit(view: DocumentView, plan: FilePlan, preview: boolean): Migration | undefined {
  const entries: MigrationEntry[] = [];
  for (const planned of plan.edits) {
    const location = view.toLocation(planned.from, planned.to);
    if (!location) return undefined;
    entries.push({ uri: location.uri, range: location.range, newText: planned.text, metadata: { needsConfirmation: preview, ...describeEdit(planned) } });
  }
  const edit = new vscode.WorkspaceEdit();
  for (const e of entries) edit.replace(e.uri, e.range, e.newText, e.metadata);
  return { plan, entries, edit };
}

/** The Python document the command works on: the active editor's, else a code cell of the active notebook. */
function targetDocument(): vscode.TextDocument | undefined {
  const active = vscode.window.activeTextEditor?.document;
  if (active?.languageId === 'python') return active;
  const notebook = vscode.window.activeNotebookEditor?.notebook;
  return notebook?.getCells().find((c) => c.kind === vscode.NotebookCellKind.Code && c.document.languageId === 'python')?.document;
}

function displayName(document: vscode.TextDocument): string {
  const uri = findNotebook(document)?.notebook.uri ?? document.uri;
  return uri.path.split('/').pop() || uri.toString();
}

/** The migration of `document`'s file or notebook, or why there is none (the message to show). */
export async function buildMigration(deps: Deps, document: vscode.TextDocument, preview: boolean, token?: vscode.CancellationToken): Promise<{ migration?: Migration; plan?: FilePlan; message?: { level: 'info' | 'warning' | 'error'; text: string } }> {
  const name = displayName(document);
  const planned = await planFor(deps, document, token);
  if (planned === 'cancelled') return {};
  if (!planned) {
    return { message: { level: 'warning', text: vscode.l10n.t('Framework Guide could not analyse {0} (it may be over the size limit, frameworkGuide.analysis.maxFileSize).', name) } };
  }
  const { view, plan } = planned;
  const at = plan.syntaxErrorAt;
  if (plan.refused && at) {
    const text =
      at.cell === undefined
        ? vscode.l10n.t('Framework Guide did not migrate {0}: it has a syntax error near line {1}. Fix it first, then run the command again.', name, at.line)
        : vscode.l10n.t('Framework Guide did not migrate {0}: cell {1} has a syntax error near line {2}. Fix it first, then run the command again.', name, at.cell, at.line);
    return { plan, message: { level: 'warning', text } };
  }
  if (plan.edits.length === 0) {
    const text =
      plan.skipped.length === 0
        ? vscode.l10n.t('{0} has no deprecated or removed API uses to migrate.', name)
        : vscode.l10n.t('Nothing in {0} can be migrated automatically: {1} findings need manual work (see the Problems panel).', name, plan.skipped.length);
    return { plan, message: { level: 'info', text } };
  }
  const inNotebook = view.cell !== undefined;
  const migration = migrationEdit(view, plan, preview && !inNotebook);
  if (migration && preview && inNotebook) migration.confirmInDialog = true;
  if (!migration) {
    deps.log.error(`Migrate This File: an edit of ${document.uri.toString()} could not be placed in its document`);
    return { plan, message: { level: 'error', text: vscode.l10n.t('Framework Guide could not migrate {0}: the document changed while the fixes were planned. Run the command again.', name) } };
  }
  return { migration, plan };
}

/** The notebook's stand-in for the preview: a modal dialog listing the fixes by title, with how many of each. */
async function confirmInDialog(name: string, plan: FilePlan): Promise<boolean> {
  const counts = new Map<string, number>();
  for (const fix of plan.fixes) counts.set(fixTitle(fix.title), (counts.get(fixTitle(fix.title)) ?? 0) + 1);
  const detail = [...counts].map(([title, n]) => (n > 1 ? `${title} (×${n})` : title)).join('\n');
  const apply = vscode.l10n.t('Apply');
  const answer = await vscode.window.showInformationMessage(vscode.l10n.t('Apply {0} safe fixes to {1}?', plan.fixes.length, name), { modal: true, detail }, apply);
  return answer === apply;
}

function show(message: { level: 'info' | 'warning' | 'error'; text: string }): void {
  const notify = message.level === 'info' ? vscode.window.showInformationMessage : message.level === 'warning' ? vscode.window.showWarningMessage : vscode.window.showErrorMessage;
  void notify(message.text);
}

/** Runs the command on `document`: resolves to the migration it applied, or undefined (nothing applied). */
export async function migrateDocument(deps: Deps, document: vscode.TextDocument, args: MigrateArguments = {}): Promise<Migration | undefined> {
  // Planning a large file takes a while: a cancellable notification shows it is under way.
  const { migration, plan, message } = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Framework Guide: planning the migration of {0}…', displayName(document)), cancellable: true },
    (_progress, token) => buildMigration(deps, document, args.preview !== false, token),
  );
  if (message) show(message);
  if (!migration || !plan) return undefined;
  if (migration.confirmInDialog && !(await confirmInDialog(displayName(document), plan))) return undefined;
  // One refactoring: the preview lists each fix, and one undo takes the whole migration back.
  const applied = await vscode.workspace.applyEdit(migration.edit, { isRefactoring: true });
  if (!applied) return undefined;
  const name = displayName(document);
  show({
    level: 'info',
    text:
      plan.skipped.length === 0
        ? vscode.l10n.t('Migrated {0}: {1} fixes applied.', name, plan.fixes.length)
        : vscode.l10n.t('Migrated {0}: {1} fixes applied; {2} findings need manual work.', name, plan.fixes.length, plan.skipped.length),
  });
  return migration;
}

/** `source.fixAll.frameworkGuide`: the same safe fixes without a preview, for codeActionsOnSave and the Source Action menu. */
class MigrationCodeActions implements vscode.CodeActionProvider {
  static readonly kinds = [FIX_ALL_KIND];

  constructor(private readonly deps: Deps) {}

  async provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext, token: vscode.CancellationToken): Promise<vscode.CodeAction[]> {
    // Only when asked for source actions: the light bulb's requests need no whole-file plan.
    if (!context.only || !context.only.contains(FIX_ALL_KIND)) return [];
    // In a notebook, codeActionsOnSave asks cell by cell: each cell fixes its own findings. VS Code cancels a save
    // participant that takes too long; the plan then stops at its next slice.
    const planned = await planFor(this.deps, document, token, true);
    if (!planned || planned === 'cancelled' || planned.plan.edits.length === 0) return [];
    const migration = migrationEdit(planned.view, planned.plan, false);
    if (!migration) return [];
    const action = new vscode.CodeAction(vscode.l10n.t('Framework Guide: apply all safe fixes'), FIX_ALL_KIND);
    action.edit = migration.edit;
    return [action];
  }
}

/** What the test API reaches: the command's two steps on a given document. */
export interface MigrationService {
  migrate(document: vscode.TextDocument, args?: MigrateArguments): Promise<Migration | undefined>;
  /** The edit the command would apply (with its preview metadata), without applying it. */
  build(document: vscode.TextDocument, preview: boolean): Promise<Migration | undefined>;
}

export function registerMigration(context: vscode.ExtensionContext, deps: Deps): MigrationService {
  const migrate = (document: vscode.TextDocument, args?: MigrateArguments) => migrateDocument(deps, document, args);
  context.subscriptions.push(
    vscode.commands.registerCommand(MIGRATE_COMMAND, async (args?: MigrateArguments) => {
      const document = targetDocument();
      if (!document) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Open a Python file or notebook to migrate it.'));
        return;
      }
      await migrate(document, typeof args === 'object' && args !== null ? args : {});
    }),
    vscode.languages.registerCodeActionsProvider({ language: 'python' }, new MigrationCodeActions(deps), { providedCodeActionKinds: MigrationCodeActions.kinds }),
  );
  return { migrate, build: async (document, preview) => (await buildMigration(deps, document, preview)).migration };
}
