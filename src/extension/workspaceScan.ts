/**
 * Command `Framework Guide: Scan Workspace for Deprecated APIs`: reads every Python file and notebook with a
 * cancellable progress notification and shows the findings in a tree (rule → file → finding), click to jump.
 */
import ignore, { type Ignore } from 'ignore';
import * as vscode from 'vscode';
import type { RuleSelection } from '../core/rules/selection';
import { scanSource, skipped, type FileScan, type ScannedFinding } from '../core/scan';
import type { KnowledgeBase } from '../knowledge';
import { readConfig } from './config';
import type { KnowledgeStore } from './knowledgeStore';
import type { Log } from './output';
import type { ProjectConfigs } from './projectConfig';
import type { DeprecationDiagnostics } from './diagnostics';

const EXCLUDE = '**/{node_modules,.git,.venv,venv,env,.env,site-packages,__pycache__,.tox,.mypy_cache}/**';

export interface ScanHit {
  uri: vscode.Uri;
  /** Position in the file (for notebooks: the cell's index among all cells and the position in that cell). */
  cell?: number;
  range: vscode.Range;
  finding: ScannedFinding;
}

export interface ScanResult {
  files: number;
  /** The files read and analysed. */
  analysed: vscode.Uri[];
  skipped: Array<{ uri: vscode.Uri; reason: string }>;
  hits: ScanHit[];
  cancelled: boolean;
}

/**
 * Scans one file through the core pipeline. A stat comes first: files over the limit and anything that is not a file
 * (pipes, devices) are never read, so a huge file in an untrusted repository never reaches the extension host's
 * memory. (vscode.workspace.fs has no partial read; the core checks the size of what was read once more.)
 */
export async function scanWorkspaceFile(uri: vscode.Uri, kb: KnowledgeBase, maxBytes: number, rules?: RuleSelection): Promise<FileScan> {
  const stat = await vscode.workspace.fs.stat(uri);
  if ((stat.type & vscode.FileType.File) === 0) return skipped(uri.path, 'not-regular-file');
  if (stat.size > maxBytes) return skipped(uri.path, 'too-large', `${stat.size} bytes, limit ${maxBytes}`);
  const bytes = await vscode.workspace.fs.readFile(uri);
  return scanSource({ path: uri.path, bytes }, kb, { maxBytes, ...(rules ? { rules } : {}) });
}

/** Whether the project's `exclude` patterns (gitignore syntax, relative to the workspace folder) leave `uri` out. */
function excluded(uri: vscode.Uri, patterns: readonly string[] | undefined, cache: Map<string, Ignore>): boolean {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  if (!folder || !patterns?.length) return false;
  const key = `${folder.uri.toString()}\n${patterns.join('\n')}`;
  let rules = cache.get(key);
  if (!rules) cache.set(key, (rules = ignore().add([...patterns])));
  const relative = uri.path.slice(folder.uri.path.replace(/\/$/, '').length + 1);
  return relative !== '' && rules.ignores(relative);
}

/** The tree's hits of one scanned file (0-based VS Code ranges; notebooks: the range inside the cell). */
function hitsOf(uri: vscode.Uri, result: FileScan): ScanHit[] {
  if (result.status !== 'analysed') return [];
  return result.findings.map((finding) => {
    const { location } = finding;
    const range = new vscode.Range(location.startLine - 1, location.startColumn - 1, location.endLine - 1, location.endColumn - 1);
    return location.cell === undefined ? { uri, range, finding } : { uri, cell: location.cell, range, finding };
  });
}

/** Scans the workspace; `report` is called with progress (0..1) and can be cancelled through the token. */
export async function scanWorkspace(store: KnowledgeStore, configs: ProjectConfigs, token: vscode.CancellationToken, report: (done: number, total: number) => void): Promise<ScanResult> {
  const matchers = new Map<string, Ignore>();
  const uris: vscode.Uri[] = [];
  for (const uri of await vscode.workspace.findFiles('**/*.{py,ipynb}', EXCLUDE, undefined, token)) if (!excluded(uri, (await configs.get(uri)).exclude, matchers)) uris.push(uri);
  const kb = await store.getKnowledge();
  const maxBytes = readConfig().analysis.maxFileSize;
  const result: ScanResult = { files: 0, analysed: [], skipped: [], hits: [], cancelled: false };
  for (const uri of uris) {
    if (token.isCancellationRequested) {
      result.cancelled = true;
      break;
    }
    try {
      const { exclude: _exclude, file: _file, ...rules } = await configs.get(uri);
      const scanned = await scanWorkspaceFile(uri, kb, maxBytes, rules);
      if (scanned.status === 'skipped') result.skipped.push({ uri, reason: scanned.message });
      else {
        result.files++;
        result.analysed.push(uri);
      }
      for (const hit of hitsOf(uri, scanned)) result.hits.push(hit);
    } catch (err) {
      result.skipped.push({ uri, reason: err instanceof Error ? err.message : String(err) });
    }
    report(result.files + result.skipped.length, uris.length);
    // Give the extension host a turn between files so typing elsewhere stays responsive.
    await new Promise((r) => setTimeout(r, 0));
  }
  return result;
}

type Node = { kind: 'rule'; ruleId: string; hits: ScanHit[] } | { kind: 'file'; uri: vscode.Uri; hits: ScanHit[] } | { kind: 'hit'; hit: ScanHit };

/** How the tree's top level groups the findings (the view's title bar switches it). */
export type Grouping = 'rule' | 'file';

/** The worst of some findings, as the tree's icon says it: error, then warning (removed APIs), then information. */
function severityIcon(hits: readonly ScanHit[]): vscode.ThemeIcon {
  const severities = hits.map((h) => h.finding.configuredSeverity ?? h.finding.severity);
  if (severities.includes('error')) return new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground'));
  if (severities.includes('warning')) return new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
  return new vscode.ThemeIcon('info', new vscode.ThemeColor('problemsInfoIcon.foreground'));
}

function groupBy<K>(hits: readonly ScanHit[], key: (hit: ScanHit) => K): ScanHit[][] {
  const groups = new Map<K, ScanHit[]>();
  for (const hit of hits) {
    const list = groups.get(key(hit));
    if (list) list.push(hit);
    else groups.set(key(hit), [hit]);
  }
  return [...groups.values()];
}

/** The findings tree: rule → file → finding, or file → finding. */
export class FindingsTree implements vscode.TreeDataProvider<Node> {
  private result: ScanResult | undefined;
  private readonly emitter = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  grouping: Grouping = 'rule';

  show(result: ScanResult): void {
    this.result = result;
    this.emitter.fire(undefined);
  }

  groupBy(grouping: Grouping): void {
    this.grouping = grouping;
    void vscode.commands.executeCommand('setContext', 'frameworkGuide.findingsGrouping', grouping);
    this.emitter.fire(undefined);
  }

  getChildren(node?: Node): Node[] {
    if (!this.result) return [];
    const files = (hits: readonly ScanHit[]): Node[] => groupBy(hits, (h) => h.uri.toString()).map((list) => ({ kind: 'file', uri: list[0].uri, hits: list }));
    if (!node) {
      if (this.grouping === 'file') return files(this.result.hits).sort((a, b) => (a as { uri: vscode.Uri }).uri.path.localeCompare((b as { uri: vscode.Uri }).uri.path));
      return groupBy(this.result.hits, (h) => h.finding.ruleId)
        .sort((a, b) => b.length - a.length)
        .map((hits) => ({ kind: 'rule', ruleId: hits[0].finding.ruleId, hits }));
    }
    if (node.kind === 'rule') return files(node.hits);
    if (node.kind === 'file') return node.hits.map((hit) => ({ kind: 'hit', hit }));
    return [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'rule') {
      const item = new vscode.TreeItem(node.ruleId.replace(/^FG-/, ''), vscode.TreeItemCollapsibleState.Expanded);
      item.description = findingCount(node.hits.length);
      item.iconPath = severityIcon(node.hits);
      return item;
    }
    if (node.kind === 'file') {
      // The label is already the file name: the description says where it is, then how many findings.
      const item = new vscode.TreeItem(node.uri, this.grouping === 'file' ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
      const relative = vscode.workspace.asRelativePath(node.uri, false);
      const folder = relative.includes('/') ? relative.slice(0, relative.lastIndexOf('/')) : '';
      item.description = folder ? `${folder} · ${findingCount(node.hits.length)}` : findingCount(node.hits.length);
      item.tooltip = relative;
      return item;
    }
    const { hit } = node;
    const where = `${hit.cell !== undefined ? vscode.l10n.t('cell {0}, ', hit.cell + 1) : ''}${hit.range.start.line + 1}:${hit.range.start.character + 1}`;
    const item = new vscode.TreeItem(hit.finding.message, vscode.TreeItemCollapsibleState.None);
    item.description = this.grouping === 'file' ? `${where} · ${hit.finding.ruleId.replace(/^FG-/, '')}` : where;
    item.tooltip = hit.finding.message;
    item.iconPath = severityIcon([hit]);
    if (hit.cell === undefined) item.command = { command: 'vscode.open', title: 'Open', arguments: [hit.uri, { selection: hit.range }] };
    else item.command = { command: 'vscode.openWith', title: 'Open', arguments: [hit.uri, 'jupyter-notebook'] };
    return item;
  }
}

/** "1 finding" / "3 findings": real plurals, each form its own translatable string. */
function findingCount(n: number): string {
  return n === 1 ? vscode.l10n.t('1 finding') : vscode.l10n.t('{0} findings', n);
}

function fileCount(n: number): string {
  return n === 1 ? vscode.l10n.t('1 file') : vscode.l10n.t('{0} files', n);
}

export function registerWorkspaceScan(context: vscode.ExtensionContext, store: KnowledgeStore, log: Log, configs: ProjectConfigs, diagnostics: DeprecationDiagnostics): { lastResult: () => ScanResult | undefined; tree: FindingsTree } {
  const tree = new FindingsTree();
  const view = vscode.window.createTreeView('frameworkGuide.findings', { treeDataProvider: tree, showCollapseAll: true });
  let last: ScanResult | undefined;
  void vscode.commands.executeCommand('setContext', 'frameworkGuide.findingsGrouping', tree.grouping);
  context.subscriptions.push(
    view,
    vscode.commands.registerCommand('frameworkGuide.groupFindingsByFile', () => tree.groupBy('file')),
    vscode.commands.registerCommand('frameworkGuide.groupFindingsByRule', () => tree.groupBy('rule')),
    vscode.commands.registerCommand('frameworkGuide.scanWorkspace', async (options?: { cancelAfterFiles?: number }) => {
      last = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Framework Guide: scanning for deprecated APIs'), cancellable: true },
        async (progress, token) => {
          // Tests can ask for a cancellation after N files to exercise the cancel path.
          const source = new vscode.CancellationTokenSource();
          token.onCancellationRequested(() => source.cancel());
          let previous = 0;
          return scanWorkspace(store, configs, source.token, (done, total) => {
            progress.report({ increment: ((done - previous) / Math.max(total, 1)) * 100, message: `${done}/${total}` });
            previous = done;
            if (typeof options?.cancelAfterFiles === 'number' && done >= options.cancelAfterFiles) source.cancel();
          });
        },
      );
      tree.show(last);
      // Problems lists what the tree lists, open files or not.
      if (!last.cancelled) await diagnostics.showWorkspaceScan(last.analysed, last.hits);
      view.badge = last.hits.length ? { value: last.hits.length, tooltip: findingCount(last.hits.length) } : undefined;
      for (const s of last.skipped) log.warn(`Scan skipped ${s.uri.toString()}: ${s.reason}`);
      const files = new Set(last.hits.map((h) => h.uri.toString())).size;
      const message = last.cancelled
        ? vscode.l10n.t('Scan cancelled after {0}: {1} so far.', fileCount(last.files), findingCount(last.hits.length))
        : vscode.l10n.t('Framework Guide found {0} of deprecated or removed APIs in {1} of {2}.', findingCount(last.hits.length), files, fileCount(last.files));
      view.message = last.hits.length ? message : undefined;
      void vscode.commands.executeCommand('frameworkGuide.findings.focus');
      void vscode.window.showInformationMessage(message);
      return { files: last.files, findings: last.hits.length, cancelled: last.cancelled, skipped: last.skipped.length, rules: new Set(last.hits.map((h) => h.finding.ruleId)).size };
    }),
  );
  return { lastResult: () => last, tree };
}
