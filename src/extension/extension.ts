/** Entry point: wires the feature adapters to VS Code and returns. No logic lives here. */
import * as vscode from 'vscode';
import { createLog } from './output';
import { readConfig } from './config';
import { KnowledgeStore } from './knowledgeStore';
import { DocumentAnalyses } from './documentAnalysis';
import { ComparisonPanel, registerPanel } from './panel';
import { ExampleActions } from './exampleActions';
import { CodeInserter } from './codeInserter';
import { registerHover } from './hover';
import { registerSnippets } from './snippets';
import { registerReplacementCommand } from './replacement';
import { DeprecationDiagnostics, registerDiagnostics } from './diagnostics';
import { registerCodeActions } from './codeActions';
import { registerWorkspaceScan, type FindingsTree, type ScanResult as WorkspaceScanResult } from './workspaceScan';
import { registerPort } from './port';
import { registerMigration, type MigrationService } from './migrate';
import { FirstScans, firstScanWorkerStarter } from './firstScan';
import { ProjectConfigs } from './projectConfig';
import type { WebviewMessage } from '../webview/protocol';

/** What activate() returns: handles the integration tests read. Not a public API. */
export interface FrameworkGuideTestApi {
  panelMessages: WebviewMessage[];
  analyses: DocumentAnalyses;
  diagnostics: DeprecationDiagnostics;
  firstScans: FirstScans;
  /** The last workspace scan's result (tests compare it with the CLI's core and the diagnostics). */
  lastWorkspaceScan(): WorkspaceScanResult | undefined;
  /** The findings view's tree. */
  findingsTree: FindingsTree;
  deliverPanelMessage(raw: unknown): boolean;
  /** "Migrate This File" on a given document: run it, or only build its edit (entries with the preview metadata). */
  migration: MigrationService;
}

export function activate(context: vscode.ExtensionContext): FrameworkGuideTestApi {
  const log = createLog(context);
  const store = new KnowledgeStore(context.extensionUri);
  const analyses = new DocumentAnalyses(() => readConfig().analysis.maxFileSize, log);
  context.subscriptions.push(analyses);
  const firstScans = new FirstScans(firstScanWorkerStarter(context.extensionUri), analyses, () => readConfig().analysis.maxFileSize, log);
  context.subscriptions.push(firstScans);
  const inserter = new CodeInserter(context, analyses);
  const panelMessages: WebviewMessage[] = [];
  registerPanel(context, { store, log, examples: new ExampleActions(store, inserter, log), received: panelMessages });

  registerSnippets(context, { inserter, analyses, log });
  registerReplacementCommand(context, store);
  const configs = new ProjectConfigs(log);
  context.subscriptions.push(configs);
  const diagnostics = new DeprecationDiagnostics(analyses, store, log, firstScans, configs);
  registerDiagnostics(context, diagnostics);
  registerHover(context, { analyses, store, log, diagnostics });
  registerCodeActions(context, diagnostics, store);
  const workspaceScan = registerWorkspaceScan(context, store, log, configs, diagnostics);
  registerPort(context, { log, analyses, firstScans });
  const migration = registerMigration(context, { analyses, store, log, configs });
  return {
    panelMessages,
    analyses,
    diagnostics,
    firstScans,
    lastWorkspaceScan: workspaceScan.lastResult,
    findingsTree: workspaceScan.tree,
    deliverPanelMessage: (raw) => ComparisonPanel.deliverForTest(raw),
    migration,
  };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
