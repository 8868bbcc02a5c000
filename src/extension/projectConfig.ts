/**
 * The rule selection the editor applies to a document: its workspace folder's `pyproject.toml` `[tool.framework-guide]`
 * (the file the CLI reads too) when it has that table, else the `frameworkGuide.rules.*` and
 * `frameworkGuide.scan.exclude` settings. The file is read once per folder and again when it changes.
 */
import * as vscode from 'vscode';
import { readProjectConfig, type ProjectConfig } from '../core/config/projectConfig';
import { readConfig } from './config';
import type { Log } from './output';

export interface EffectiveConfig extends ProjectConfig {
  /** The pyproject.toml the selection comes from; undefined when it comes from the settings. */
  file?: vscode.Uri;
}

const decoder = new TextDecoder('utf-8');

export class ProjectConfigs implements vscode.Disposable {
  /** Per workspace folder: the read of its pyproject.toml (undefined: none, or no table). */
  private readonly files = new Map<string, Promise<ProjectConfig | undefined>>();
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [this.changed];
  /** Fires when a pyproject.toml or a setting that decides the selection changes. */
  readonly onDidChange = this.changed.event;

  constructor(private readonly log: Log) {
    const watcher = vscode.workspace.createFileSystemWatcher('**/pyproject.toml');
    const forget = () => {
      this.files.clear();
      this.changed.fire();
    };
    this.disposables.push(
      watcher,
      watcher.onDidChange(forget),
      watcher.onDidCreate(forget),
      watcher.onDidDelete(forget),
      vscode.workspace.onDidChangeWorkspaceFolders(forget),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('frameworkGuide.rules') || e.affectsConfiguration('frameworkGuide.scan')) this.changed.fire();
      }),
    );
  }

  /** The selection for a document or file at `uri`. */
  async get(uri: vscode.Uri): Promise<EffectiveConfig> {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (folder) {
      const key = folder.uri.toString();
      let read = this.files.get(key);
      if (!read) this.files.set(key, (read = this.read(vscode.Uri.joinPath(folder.uri, 'pyproject.toml'))));
      const fromFile = await read;
      if (fromFile) return { ...fromFile, file: vscode.Uri.joinPath(folder.uri, 'pyproject.toml') };
    }
    return fromSettings(uri);
  }

  private async read(file: vscode.Uri): Promise<ProjectConfig | undefined> {
    let text: string;
    try {
      text = decoder.decode(await vscode.workspace.fs.readFile(file));
    } catch {
      return undefined; // no pyproject.toml in this folder
    }
    const { config, problems } = readProjectConfig(text);
    for (const problem of problems) this.log.warn(`${file.toString()}: ${problem}`);
    if (problems.length && config) void vscode.window.showWarningMessage(vscode.l10n.t('Framework Guide: {0} has {1} problem(s) in [tool.framework-guide]; see the Framework Guide output.', file.path.split('/').pop() ?? file.path, problems.length));
    return config;
  }

  dispose(): void {
    this.disposables.forEach((d) => d.dispose());
  }
}

/** The same selection from the settings, for a folder without a pyproject.toml table. */
function fromSettings(uri: vscode.Uri): EffectiveConfig {
  const { rules } = readConfig(uri);
  const config: EffectiveConfig = {};
  if (rules.select.length) config.select = rules.select;
  if (rules.ignore.length) config.ignore = rules.ignore;
  if (Object.keys(rules.severity).length) config.severity = rules.severity;
  if (Object.keys(rules.target).length) config.target = rules.target;
  if (rules.exclude.length) config.exclude = rules.exclude;
  return config;
}
