/**
 * Diagnostics for deprecated and removed framework APIs in Python files and notebook cells: computed from the
 * core's findings, refreshed on open and (debounced) on change, severities from settings. After a workspace scan,
 * the files it read keep their problems while closed, so Problems agrees with the scan's tree.
 */
import * as vscode from 'vscode';
import type { Finding } from '../core/rules/findings';
import { referenceAt, type FrameworkReference } from '../core/python';
import { finishScanInSteps, type FileScan, type ScannedFinding } from '../core/scan';
import { selectFindings } from '../core/rules/selection';
import type { ProjectConfigs } from './projectConfig';
import { runInSlices } from '../core/steps';
import { readConfig, type GuideConfig, type SeveritySetting } from './config';
import { findNotebook, type DocumentAnalyses, type DocumentView } from './documentAnalysis';
import type { FirstScans } from './firstScan';
import type { KnowledgeStore } from './knowledgeStore';
import type { Log } from './output';
import { scanWorkspaceFile } from './workspaceScan';

export const DIAGNOSTIC_SOURCE = 'Framework Guide';

/** After activation, open documents no editor shows wait this long (one after another) so start-up stays light. */
const BACKGROUND_DELAY_MS = 2000;
const BACKGROUND_STAGGER_MS = 250;
/** Longest slice of the scan step between two yields, in ms (the analyses use the same). */
const SLICE_MS = 4;

/**
 * What a code action needs to know about one of our diagnostics. Diagnostics from the first scan worker have no
 * analysis on the host yet (`view` undefined): the light bulb has the host analyse the file first (`refresh`).
 */
export interface FindingRecord {
  diagnostic: vscode.Diagnostic;
  finding: Finding;
  reference: FrameworkReference | undefined;
  view: DocumentView | undefined;
}

const SEVERITY: Record<Exclude<SeveritySetting, 'off'>, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

/**
 * Documents whose problems belong in the Problems panel: files, untitled editors, notebook cells, and documents of the
 * workspace's own scheme (a virtual workspace such as vscode.dev). Not the views VS Code opens of other documents — a
 * Refactor Preview's proposed text, a git diff's old side — which would list every problem a second time.
 */
export function isUserDocument(uri: vscode.Uri): boolean {
  if (uri.scheme === 'file' || uri.scheme === 'untitled' || uri.scheme === 'vscode-notebook-cell') return true;
  return (vscode.workspace.workspaceFolders ?? []).some((folder) => folder.uri.scheme === uri.scheme);
}

/** One finding as a diagnostic, with the severity the project's rules or the settings give it; undefined when off. */
function diagnosticOf(finding: ScannedFinding, range: vscode.Range, config: GuideConfig['diagnostics']): vscode.Diagnostic | undefined {
  const setting = finding.configuredSeverity ?? (finding.compatV1 ? config.compatModeSeverity : finding.status === 'removed' ? config.removedSeverity : config.deprecatedSeverity);
  if (setting === 'off') return undefined;
  const diagnostic = new vscode.Diagnostic(range, finding.message, SEVERITY[setting]);
  diagnostic.source = DIAGNOSTIC_SOURCE;
  diagnostic.code = { value: finding.ruleId, target: vscode.Uri.parse(finding.docs) };
  // tf.compat.v1 code is valid TensorFlow 2 code (often our own fix's output): no strikethrough for it.
  if (!finding.compatV1 && !finding.advice) diagnostic.tags = [vscode.DiagnosticTag.Deprecated];
  return diagnostic;
}

export class DeprecationDiagnostics implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('frameworkGuide');
  private readonly records = new Map<string, FindingRecord[]>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** The Python files the last workspace scan read (URIs as strings): their problems stay in Problems while closed. */
  private scanned = new Set<string>();
  private readonly watcher = vscode.workspace.createFileSystemWatcher('**/*.{py,pyi}');
  private readonly disposables: vscode.Disposable[] = [];
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  /** Fires after a document's diagnostics were recomputed (tests wait on it). */
  readonly onDidUpdate = this.changed.event;

  constructor(
    private readonly analyses: DocumentAnalyses,
    private readonly store: KnowledgeStore,
    private readonly log: Log,
    private readonly firstScans: FirstScans,
    private readonly configs: ProjectConfigs,
  ) {
    this.disposables.push(
      configs.onDidChange(() => this.refreshAll()),
      this.collection,
      this.changed,
      vscode.workspace.onDidOpenTextDocument((d) => this.schedule(d, 0)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        this.schedule(e.document);
        // In a notebook, an import edited in one cell changes what the other cells mean.
        if (e.document.uri.scheme === 'vscode-notebook-cell') this.scheduleNotebookOf(e.document);
      }),
      vscode.workspace.onDidCloseTextDocument((d) => {
        this.clear(d.uri);
        this.rescanClosed(d.uri);
      }),
      // A scanned file that changes on disk while closed is scanned again; one deleted loses its problems.
      this.watcher,
      this.watcher.onDidChange((uri) => this.rescanClosed(uri)),
      this.watcher.onDidDelete((uri) => {
        if (this.scanned.delete(uri.toString())) this.collection.delete(uri);
      }),
      vscode.workspace.onDidOpenNotebookDocument((n) => n.getCells().forEach((c) => this.schedule(c.document, 0))),
      vscode.workspace.onDidChangeNotebookDocument((e) => e.notebook.getCells().forEach((c) => this.schedule(c.document))),
      vscode.workspace.onDidCloseNotebookDocument((n) => n.getCells().forEach((c) => this.clear(c.document.uri))),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('frameworkGuide')) this.refreshAll();
      }),
    );
  }

  /** Recomputes every open Python document (when settings change). */
  refreshAll(): void {
    for (const d of vscode.workspace.textDocuments) this.schedule(d, 0);
  }

  /**
   * After activation: the documents visible in editors now, the other open ones (background tabs) a moment later,
   * one after another, so activation parses nothing beyond what the user sees. Opening or editing one refreshes it
   * sooner through the usual events.
   */
  refreshOpenDocuments(): void {
    const visible = new Set(vscode.window.visibleTextEditors.map((e) => e.document));
    let background = 0;
    for (const d of vscode.workspace.textDocuments) {
      if (visible.has(d)) this.schedule(d, 0);
      else if (d.languageId === 'python' && isUserDocument(d.uri)) this.schedule(d, BACKGROUND_DELAY_MS + BACKGROUND_STAGGER_MS * background++);
    }
  }

  /**
   * Shows a workspace scan's findings in Problems for the Python files it read that no editor has open (an open file
   * has its live diagnostics); those files are scanned again from disk when they are closed. Notebooks are left out:
   * their problems belong to cells, which exist only while the notebook is open.
   */
  async showWorkspaceScan(files: readonly vscode.Uri[], hits: ReadonlyArray<{ uri: vscode.Uri; range: vscode.Range; cell?: number; finding: ScannedFinding }>): Promise<void> {
    for (const key of this.scanned) if (!this.records.has(key)) this.collection.delete(vscode.Uri.parse(key));
    this.scanned = new Set(files.filter((f) => !f.path.toLowerCase().endsWith('.ipynb')).map((f) => f.toString()));
    const config = readConfig().diagnostics;
    const byFile = new Map<string, vscode.Diagnostic[]>();
    for (const key of this.scanned) byFile.set(key, []);
    for (const hit of hits) {
      const diagnostic = hit.cell === undefined ? diagnosticOf(hit.finding, hit.range, config) : undefined;
      if (diagnostic) byFile.get(hit.uri.toString())?.push(diagnostic);
    }
    const open = new Set(vscode.workspace.textDocuments.map((d) => d.uri.toString()));
    for (const [key, diagnostics] of byFile) if (!open.has(key)) this.collection.set(vscode.Uri.parse(key), diagnostics);
  }

  /** A file of the last workspace scan, closed: its problems from what is on disk now. */
  private rescanClosed(uri: vscode.Uri): void {
    if (!this.scanned.has(uri.toString()) || vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString())) return;
    this.scanFromDisk(uri).catch((err) => this.log.error(`Diagnostics failed for ${uri.toString()}`, err));
  }

  private async scanFromDisk(uri: vscode.Uri): Promise<void> {
    const kb = await this.store.getKnowledge();
    const { exclude: _exclude, file: _file, ...rules } = await this.configs.get(uri);
    let scan: FileScan;
    try {
      scan = await scanWorkspaceFile(uri, kb, readConfig(uri).analysis.maxFileSize, rules);
    } catch {
      return; // deleted or unreadable since: nothing to show
    }
    if (vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString())) return;
    const config = readConfig(uri).diagnostics;
    const findings = scan.status === 'analysed' ? scan.findings : [];
    const diagnostics = findings.flatMap((f) => {
      const range = new vscode.Range(f.location.startLine - 1, f.location.startColumn - 1, f.location.endLine - 1, f.location.endColumn - 1);
      return diagnosticOf(f, range, config) ?? [];
    });
    this.collection.set(uri, diagnostics);
  }

  recordsFor(uri: vscode.Uri): readonly FindingRecord[] {
    return this.records.get(uri.toString()) ?? [];
  }

  private scheduleNotebookOf(cell: vscode.TextDocument): void {
    findNotebook(cell)?.notebook.getCells().forEach((c) => c.document !== cell && this.schedule(c.document));
  }

  private schedule(document: vscode.TextDocument, delay?: number): void {
    if (document.languageId !== 'python' || !isUserDocument(document.uri)) return;
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    const wait = delay ?? readConfig(document.uri).diagnostics.debounceMs;
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        this.refresh(document).catch((err) => this.log.error(`Diagnostics failed for ${key}`, err));
      }, wait),
    );
  }

  private clear(uri: vscode.Uri): void {
    clearTimeout(this.timers.get(uri.toString()));
    this.timers.delete(uri.toString());
    this.collection.delete(uri);
    this.records.delete(uri.toString());
  }

  /**
   * Computes the diagnostics of one document now: for the first version of a large file, from the first scan worker's
   * findings (firstScan.ts), unless `onHost` (the light bulb, which plans fixes on the host's analysis); otherwise from
   * the host's analysis.
   */
  async refresh(document: vscode.TextDocument, onHost = false): Promise<void> {
    const config = readConfig(document.uri).diagnostics;
    if (!config.enabled || document.isClosed || !isUserDocument(document.uri)) {
      this.clear(document.uri);
      return;
    }
    const version = document.version;
    const stale = () => document.isClosed || document.version !== version;
    // The project's rule selection (pyproject.toml or settings); a notebook cell follows its notebook's folder.
    const { exclude: _exclude, file: _file, ...rules } = await this.configs.get(findNotebook(document)?.notebook.uri ?? document.uri);
    const first = onHost ? undefined : await this.firstScans.forDocument(document);
    if (stale()) return;
    if (first) {
      // The worker scans with every rule: the selection applies here, with the same core step as the scan's.
      const kb = await this.store.getKnowledge();
      const scan = first.scan.status === 'analysed' ? { ...first.scan, findings: selectFindings(first.scan.findings, rules, kb).findings } : first.scan;
      if (!stale()) this.publish(document, config, scan, undefined);
      return;
    }
    const view = await this.analyses.get(document);
    if (!view || stale()) return;
    const kb = await this.store.getKnowledge();
    // The core scan step (findings, suppressions, selection, locations), as in the CLI and the workspace scan; in
    // slices, since the first lookups of a session run cold and a large file has thousands of references.
    const out: { result?: FileScan } = {};
    if (!(await runInSlices(finishScanInSteps(view.prepared, view.analysis, kb, { rules }, out), { sliceMs: SLICE_MS, shouldStop: stale })) || stale()) return;
    this.publish(document, config, out.result as FileScan, view);
  }

  /** Publishes a scan's findings for `document` as diagnostics, with the analysis they came from when the host has it. */
  private publish(document: vscode.TextDocument, config: GuideConfig['diagnostics'], scan: FileScan, view: DocumentView | undefined): void {
    const findings = scan.status === 'analysed' ? scan.findings : [];
    const records: FindingRecord[] = [];
    for (const finding of findings) {
      // In a notebook the program holds every code cell; this document is one of them.
      if (finding.location.cell !== view?.cell) continue;
      const diagnostic = diagnosticOf(finding, new vscode.Range(document.positionAt(finding.location.from), document.positionAt(finding.location.to)), config);
      if (!diagnostic) continue;
      records.push({ diagnostic, finding, reference: view && referenceAt(view.analysis.references, finding.span), view });
    }
    this.records.set(document.uri.toString(), records);
    this.collection.set(
      document.uri,
      records.map((r) => r.diagnostic),
    );
    this.changed.fire(document.uri);
  }

  dispose(): void {
    this.timers.forEach((t) => clearTimeout(t));
    this.disposables.forEach((d) => d.dispose());
  }
}

export function registerDiagnostics(context: vscode.ExtensionContext, diagnostics: DeprecationDiagnostics): void {
  context.subscriptions.push(diagnostics);
  // After activation returns: the knowledge base loads off the activation path.
  setTimeout(() => diagnostics.refreshOpenDocuments(), 0);
}
