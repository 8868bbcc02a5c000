/**
 * Diagnostics for deprecated and removed framework APIs in Python files and notebook cells: computed from the
 * core's findings, refreshed on open and (debounced) on change, cleared on close, severities from settings.
 */
import * as vscode from 'vscode';
import type { Finding } from '../core/rules/findings';
import { referenceAt, type FrameworkReference } from '../core/python';
import { finishScanInSteps, type FileScan } from '../core/scan';
import { selectFindings } from '../core/rules/selection';
import type { ProjectConfigs } from './projectConfig';
import { runInSlices } from '../core/steps';
import { readConfig, type GuideConfig, type SeveritySetting } from './config';
import { findNotebook, type DocumentAnalyses, type DocumentView } from './documentAnalysis';
import type { FirstScans } from './firstScan';
import type { KnowledgeStore } from './knowledgeStore';
import type { Log } from './output';

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

export class DeprecationDiagnostics implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('frameworkGuide');
  private readonly records = new Map<string, FindingRecord[]>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
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
      vscode.workspace.onDidCloseTextDocument((d) => this.clear(d.uri)),
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
      const setting = finding.configuredSeverity ?? (finding.compatV1 ? config.compatModeSeverity : finding.status === 'removed' ? config.removedSeverity : config.deprecatedSeverity);
      if (setting === 'off') continue;
      const range = new vscode.Range(document.positionAt(finding.location.from), document.positionAt(finding.location.to));
      const diagnostic = new vscode.Diagnostic(range, finding.message, SEVERITY[setting]);
      diagnostic.source = DIAGNOSTIC_SOURCE;
      diagnostic.code = { value: finding.ruleId, target: vscode.Uri.parse(finding.docs) };
      // tf.compat.v1 code is valid TensorFlow 2 code (often our own fix's output): no strikethrough for it.
      if (!finding.compatV1 && !finding.advice) diagnostic.tags = [vscode.DiagnosticTag.Deprecated];
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
