/**
 * Command `Framework Guide: Insert Snippet`: pick a task, then the framework (skipped when the file imports only
 * one; switchable), with a live preview in an editor group the picker does not cover; inserts with the imports.
 */
import * as vscode from 'vscode';
import { SNIPPET_CATALOG, findSnippetTask } from '../core/snippets/catalog';
import { fillDefaults, plainText, variantSummary, withImportLines } from '../core/snippets/expand';
import type { SnippetFramework, SnippetTask, SnippetVariant } from '../core/snippets/types';
import type { CodeInserter } from './codeInserter';
import type { DocumentAnalyses } from './documentAnalysis';
import type { Log } from './output';

const PREVIEW_SCHEME = 'framework-guide-snippet';
const FRAMEWORK_LABEL: Record<SnippetFramework, string> = { tensorflow: 'TensorFlow / Keras', pytorch: 'PyTorch' };

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

/**
 * Read-only documents showing snippet code while the picker is open: `/<task>.<framework>.py` for one variant,
 * `/<task>.py` for both, one after the other, so the first step already shows what differs.
 */
class PreviewProvider implements vscode.TextDocumentContentProvider {
  provideTextDocumentContent(uri: vscode.Uri): string {
    const [taskId, framework] = uri.path.replace(/^\//, '').replace(/\.py$/, '').split('.');
    const task = findSnippetTask(taskId);
    if (!task) return '# unknown snippet';
    const variants = framework === 'tensorflow' || framework === 'pytorch' ? [task[framework]] : [task.tensorflow, task.pytorch];
    const header = `# Preview: ${task.title}\n# ${plainText(task.differences)}`;
    return [header, ...variants.map((v) => `# --- ${FRAMEWORK_LABEL[v.framework]} ---\n${fillDefaults(withImportLines(v))}`)].join('\n\n');
  }
}

function previewUri(task: SnippetTask, framework?: SnippetFramework): vscode.Uri {
  return vscode.Uri.from({ scheme: PREVIEW_SCHEME, path: `/${task.id}${framework ? `.${framework}` : ''}.py` });
}

/**
 * Where previews open: the picker covers the top middle of the window, so with a single editor group the
 * preview goes to a new group below it (full width, mostly under the picker's reach); otherwise beside.
 */
class PreviewPane {
  private createdGroup = false;
  private timer: ReturnType<typeof setTimeout> | undefined;

  show(uri: vscode.Uri): void {
    clearTimeout(this.timer);
    // Debounced so arrowing through the list does not open a document per keystroke.
    this.timer = setTimeout(() => void this.open(uri).catch(() => undefined), 150);
  }

  private async open(uri: vscode.Uri): Promise<void> {
    let viewColumn = vscode.ViewColumn.Beside;
    if (this.createdGroup) viewColumn = vscode.ViewColumn.Two;
    else if (vscode.window.tabGroups.all.length === 1) {
      await vscode.commands.executeCommand('vscode.setEditorLayout', { orientation: 1, groups: [{ size: 0.45 }, { size: 0.55 }] });
      this.createdGroup = true;
      viewColumn = vscode.ViewColumn.Two;
    }
    await vscode.window.showTextDocument(uri, { viewColumn, preview: true, preserveFocus: true });
  }

  /** Closes the previews, and the group made for them when it is left empty. */
  async close(): Promise<void> {
    clearTimeout(this.timer);
    const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputText && t.input.uri.scheme === PREVIEW_SCHEME);
    if (tabs.length) await vscode.window.tabGroups.close(tabs, true);
    const empty = this.createdGroup ? vscode.window.tabGroups.all.filter((g) => g.tabs.length === 0 && g.viewColumn !== vscode.ViewColumn.One) : [];
    if (empty.length) await vscode.window.tabGroups.close(empty, true);
  }
}

interface TaskItem extends vscode.QuickPickItem {
  task: SnippetTask;
}

interface FrameworkItem extends vscode.QuickPickItem {
  variant: SnippetVariant;
}

function taskItems(frameworks: readonly SnippetFramework[]): TaskItem[] {
  return SNIPPET_CATALOG.map((task) => ({
    label: task.title,
    description: frameworks.length === 1 ? FRAMEWORK_LABEL[frameworks[0]] + (task[frameworks[0]].requires ? ` · ${task[frameworks[0]].requires}` : '') : undefined,
    detail: frameworks.length === 1 ? variantSummary(task[frameworks[0]]) : plainText(task.differences),
    task,
  }));
}

/** Shows one step of the picker; resolves to the accepted item, 'back', or undefined when dismissed. */
function pickStep<T extends vscode.QuickPickItem>(options: {
  title: string;
  placeholder: string;
  items: () => T[];
  preview: (item: T) => vscode.Uri;
  pane: PreviewPane;
  back?: boolean;
  toggle?: { button: vscode.QuickInputButton; onToggle: () => { title: string; placeholder: string } };
}): Promise<T | 'back' | undefined> {
  const quickPick = vscode.window.createQuickPick<T>();
  quickPick.title = options.title;
  quickPick.placeholder = options.placeholder;
  quickPick.matchOnDescription = true;
  quickPick.matchOnDetail = true;
  // Opening the preview group must not dismiss the picker; Escape still does.
  quickPick.ignoreFocusOut = true;
  quickPick.items = options.items();
  quickPick.buttons = [...(options.back ? [vscode.QuickInputButtons.Back] : []), ...(options.toggle ? [options.toggle.button] : [])];
  return new Promise((resolve) => {
    let result: T | 'back' | undefined;
    quickPick.onDidTriggerButton((button) => {
      if (button === vscode.QuickInputButtons.Back) {
        result = 'back';
        quickPick.hide();
      } else if (options.toggle) {
        const { title, placeholder } = options.toggle.onToggle();
        quickPick.title = title;
        quickPick.placeholder = placeholder;
        quickPick.items = options.items();
      }
    });
    quickPick.onDidChangeActive((active) => {
      if (active[0]) options.pane.show(options.preview(active[0]));
    });
    quickPick.onDidAccept(() => {
      result = quickPick.selectedItems[0];
      if (result) quickPick.hide();
    });
    quickPick.onDidHide(() => {
      quickPick.dispose();
      resolve(result);
    });
    quickPick.show();
  });
}

/** Task first, then (when both frameworks are offered) the framework; the preview follows the active row. */
async function pickVariant(initial: SnippetFramework[] | undefined): Promise<SnippetVariant | undefined> {
  const all: SnippetFramework[] = ['tensorflow', 'pytorch'];
  let frameworks = initial && initial.length ? initial : all;
  const pane = new PreviewPane();
  const toggle = initial && initial.length === 1 ? { button: { iconPath: new vscode.ThemeIcon('filter'), tooltip: vscode.l10n.t('Show both frameworks / only the one this file imports') }, onToggle: () => {
    frameworks = frameworks.length === 1 ? all : initial;
    return { title: taskTitle(), placeholder: taskPlaceholder() };
  } } : undefined;
  const taskPlaceholder = () =>
    frameworks.length === 1 ? vscode.l10n.t('{0} snippets (button on the right shows both frameworks)', FRAMEWORK_LABEL[frameworks[0]]) : vscode.l10n.t('Pick a task; the preview below shows both frameworks');
  const taskTitle = () => (frameworks.length === 1 ? vscode.l10n.t('Framework Guide: Insert Snippet') : vscode.l10n.t('Framework Guide: Insert Snippet (1/2: task)'));
  try {
    for (;;) {
      const task = await pickStep<TaskItem>({
        title: taskTitle(),
        placeholder: taskPlaceholder(),
        items: () => taskItems(frameworks),
        preview: (item) => previewUri(item.task, frameworks.length === 1 ? frameworks[0] : undefined),
        pane,
        toggle,
      });
      if (!task || task === 'back') return undefined;
      if (frameworks.length === 1) return task.task[frameworks[0]];
      const variant = await pickStep<FrameworkItem>({
        title: vscode.l10n.t('Framework Guide: Insert Snippet (2/2: {0})', task.task.title),
        placeholder: vscode.l10n.t('Pick the framework'),
        items: () => all.map((f) => ({ label: FRAMEWORK_LABEL[f], description: task.task[f].requires, detail: variantSummary(task.task[f]), variant: task.task[f] })),
        preview: (item) => previewUri(task.task, item.variant.framework),
        pane,
        back: true,
      });
      if (variant === 'back') continue;
      return variant?.variant;
    }
  } finally {
    await pane.close();
  }
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
      const editor = await deps.inserter.pythonEditor();
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
      return deps.inserter.insertSnippet(await focus(editor), picked);
    }),
  );
}
