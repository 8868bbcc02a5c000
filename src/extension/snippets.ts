/**
 * Command `Framework Guide: Insert Snippet`: a QuickPick of the paired catalog grouped by task, filtered to the
 * framework the file imports (switchable), with a live preview beside the editor; inserts with the needed imports.
 */
import * as vscode from 'vscode';
import { SNIPPET_CATALOG, findSnippetTask } from '../core/snippets/catalog';
import { fillDefaults, withImportLines } from '../core/snippets/expand';
import type { SnippetFramework, SnippetTask, SnippetVariant } from '../core/snippets/types';
import type { CodeInserter } from './codeInserter';
import type { DocumentAnalyses } from './documentAnalysis';
import type { Log } from './output';

const PREVIEW_SCHEME = 'framework-guide-snippet';
const FRAMEWORK_LABEL: Record<SnippetFramework, string> = { tensorflow: 'TensorFlow / Keras', pytorch: 'PyTorch' };

interface VariantItem extends vscode.QuickPickItem {
  task: SnippetTask;
  variant: SnippetVariant;
}

export interface SnippetDeps {
  inserter: CodeInserter;
  analyses: DocumentAnalyses;
  log: Log;
}

/** Arguments the hover's "Insert equivalent snippet" link passes. */
interface InsertArgs {
  task?: string;
  framework?: SnippetFramework;
}

function parseArgs(raw: unknown): InsertArgs {
  if (typeof raw !== 'object' || raw === null) return {};
  const r = raw as Record<string, unknown>;
  return {
    task: typeof r.task === 'string' ? r.task : undefined,
    framework: r.framework === 'tensorflow' || r.framework === 'pytorch' ? r.framework : undefined,
  };
}

/** Read-only documents showing a snippet's code (with its imports) while the QuickPick is open. */
class PreviewProvider implements vscode.TextDocumentContentProvider {
  provideTextDocumentContent(uri: vscode.Uri): string {
    const [taskId, framework] = uri.path.replace(/^\//, '').replace(/\.py$/, '').split('.');
    const task = findSnippetTask(taskId);
    const variant = task && (framework === 'tensorflow' || framework === 'pytorch') ? task[framework] : undefined;
    if (!task || !variant) return '# unknown snippet';
    return `# Preview: ${task.title} (${FRAMEWORK_LABEL[variant.framework]})\n# ${task.differences}\n\n${fillDefaults(withImportLines(variant))}`;
  }
}

function previewUri(item: VariantItem): vscode.Uri {
  return vscode.Uri.from({ scheme: PREVIEW_SCHEME, path: `/${item.task.id}.${item.variant.framework}.py` });
}

function itemsFor(frameworks: readonly SnippetFramework[]): Array<VariantItem | vscode.QuickPickItem> {
  const items: Array<VariantItem | vscode.QuickPickItem> = [];
  for (const task of SNIPPET_CATALOG) {
    // With both frameworks listed, a separator per task keeps each pair together.
    if (frameworks.length > 1) items.push({ label: task.title, kind: vscode.QuickPickItemKind.Separator });
    for (const framework of frameworks) {
      const variant = task[framework];
      items.push({
        label: `${task.title}`,
        description: FRAMEWORK_LABEL[framework] + (variant.requires ? ` · ${variant.requires}` : ''),
        detail: task.differences,
        task,
        variant,
      });
    }
  }
  return items;
}

async function closePreviews(): Promise<void> {
  const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputText && t.input.uri.scheme === PREVIEW_SCHEME);
  if (tabs.length) await vscode.window.tabGroups.close(tabs, true);
}

/** Shows the QuickPick; resolves to the chosen item or undefined. */
async function pickVariant(initial: SnippetFramework[] | undefined): Promise<VariantItem | undefined> {
  const quickPick = vscode.window.createQuickPick<VariantItem | vscode.QuickPickItem>();
  const all: SnippetFramework[] = ['tensorflow', 'pytorch'];
  let frameworks = initial && initial.length ? initial : all;
  const toggle: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('filter'), tooltip: vscode.l10n.t('Show both frameworks / only the one this file imports') };
  quickPick.title = vscode.l10n.t('Framework Guide: Insert Snippet');
  quickPick.placeholder = frameworks.length === 1 ? vscode.l10n.t('{0} snippets (button on the right shows both frameworks)', FRAMEWORK_LABEL[frameworks[0]]) : vscode.l10n.t('Pick a task; the code is previewed beside the editor');
  quickPick.matchOnDescription = true;
  quickPick.matchOnDetail = true;
  quickPick.items = itemsFor(frameworks);
  if (initial && initial.length === 1) quickPick.buttons = [toggle];
  let previewTimer: ReturnType<typeof setTimeout> | undefined;
  return new Promise<VariantItem | undefined>((resolve) => {
    let chosen: VariantItem | undefined;
    quickPick.onDidTriggerButton(() => {
      frameworks = frameworks.length === 1 ? all : (initial ?? all);
      quickPick.items = itemsFor(frameworks);
    });
    quickPick.onDidChangeActive((active) => {
      const item = active[0] as VariantItem | undefined;
      if (!item?.variant) return;
      clearTimeout(previewTimer);
      // Debounced so arrowing through the list does not open a document per keystroke.
      previewTimer = setTimeout(() => {
        void vscode.window.showTextDocument(previewUri(item), { viewColumn: vscode.ViewColumn.Beside, preview: true, preserveFocus: true }).then(undefined, () => undefined);
      }, 150);
    });
    quickPick.onDidAccept(() => {
      const item = quickPick.selectedItems[0] as VariantItem | undefined;
      if (item?.variant) {
        chosen = item;
        quickPick.hide();
      }
    });
    quickPick.onDidHide(() => {
      clearTimeout(previewTimer);
      quickPick.dispose();
      void closePreviews().then(() => resolve(chosen));
    });
    quickPick.show();
  });
}

/** Gives focus back to the editor the snippet goes into (the panel or a hover link may have taken it). */
async function focus(editor: vscode.TextEditor): Promise<vscode.TextEditor> {
  // Notebook cells keep their own editor: re-showing the cell document would open it as a plain file.
  if (editor === vscode.window.activeTextEditor || editor.document.uri.scheme === 'vscode-notebook-cell') return editor;
  return vscode.window.showTextDocument(editor.document, { viewColumn: editor.viewColumn, preserveFocus: false });
}

export function registerSnippets(context: vscode.ExtensionContext, deps: SnippetDeps): void {
  context.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider(PREVIEW_SCHEME, new PreviewProvider()),
    vscode.commands.registerCommand('frameworkGuide.insertSnippet', async (raw?: unknown) => {
      const args = parseArgs(raw);
      const editor = deps.inserter.lastPythonEditor();
      if (!editor) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Open a Python file or notebook cell to insert a snippet.'));
        return false;
      }
      // From a hover link: task and framework are known, insert directly.
      const direct = args.task ? findSnippetTask(args.task) : undefined;
      if (direct && args.framework) return deps.inserter.insertSnippet(await focus(editor), direct[args.framework]);
      const view = await deps.analyses.get(editor.document);
      const imported = view ? [...view.analysis.frameworks] : [];
      const frameworks: SnippetFramework[] = [];
      if (imported.some((f) => f === 'tensorflow' || f === 'keras' || f === 'tf_keras')) frameworks.push('tensorflow');
      if (imported.some((f) => f === 'torch' || f === 'torchvision' || f === 'torchaudio')) frameworks.push('pytorch');
      const picked = await pickVariant(args.framework ? [args.framework] : frameworks.length === 1 ? frameworks : undefined);
      if (!picked) return false;
      return deps.inserter.insertSnippet(await focus(editor), picked.variant);
    }),
  );
}
