/**
 * A fake `vscode` module with just what activate() touches, for timing activation in plain Node. Every namespace
 * is strict: touching an API the stub lacks throws, so a new activation-time call shows up instead of being timed
 * as a no-op. Reads through workspace.fs.readFile are counted per file name.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface StubRecord {
  /** workspace.fs.readFile calls, by base name (knowledge.json, content.json, …). */
  reads: Record<string, number>;
  registrations: number;
  /** performance.now() of the first DiagnosticCollection.set, and how many diagnostics it carried. */
  firstDiagnostics?: { at: number; count: number };
}

/** A Python file open in the stubbed editor (activation with a document open, as onLanguage:python implies). */
export interface OpenDocument {
  path: string;
  text: string;
  /** Shown in an editor (window.visibleTextEditors), or only open in a background tab. */
  visible: boolean;
}

const disposable = () => ({ dispose() {} });

/** Throws on any property the target does not define (besides the ones module interop probes). */
function strict<T extends object>(name: string, target: T): T {
  return new Proxy(target, {
    get(t, key, receiver) {
      if (typeof key === 'symbol' || key in t || key === '__esModule' || key === 'default' || key === 'then' || key === 'toJSON') return Reflect.get(t, key, receiver);
      throw new Error(`vscode stub: ${name}.${String(key)} is not implemented (activation touched it)`);
    },
  });
}

class Uri {
  private constructor(
    readonly scheme: string,
    readonly path: string,
  ) {}
  static file(p: string): Uri {
    return new Uri('file', p);
  }
  static parse(s: string): Uri {
    const match = /^([a-z][\w+.-]*):(?:\/\/[^/]*)?(.*)$/i.exec(s);
    return match ? new Uri(match[1], match[2]) : new Uri('file', s);
  }
  static joinPath(base: Uri, ...parts: string[]): Uri {
    return new Uri(base.scheme, path.posix.join(base.path, ...parts));
  }
  get fsPath(): string {
    return this.path;
  }
  with(change: { scheme?: string; path?: string }): Uri {
    return new Uri(change.scheme ?? this.scheme, change.path ?? this.path);
  }
  toString(): string {
    return `${this.scheme}://${this.path}`;
  }
}

class EventEmitter<T> {
  private listeners: Array<(e: T) => void> = [];
  event = (listener: (e: T) => void) => {
    this.listeners.push(listener);
    return disposable();
  };
  fire(e: T): void {
    this.listeners.forEach((l) => l(e));
  }
  dispose(): void {
    this.listeners = [];
  }
}

class Disposable {
  constructor(private readonly callOnDispose: () => void) {}
  static from(...items: Array<{ dispose(): unknown }>): Disposable {
    return new Disposable(() => items.forEach((i) => i.dispose()));
  }
  dispose(): void {
    this.callOnDispose();
  }
}

class Position {
  constructor(
    readonly line: number,
    readonly character: number,
  ) {}
}

class Range {
  constructor(
    readonly start: Position,
    readonly end: Position,
  ) {}
}

class TreeItem {
  constructor(
    readonly label: unknown,
    readonly collapsibleState?: number,
  ) {}
}

class ThemeIcon {
  constructor(readonly id: string) {}
}

class CodeActionKind {
  static readonly QuickFix = new CodeActionKind('quickfix');
  static readonly Empty = new CodeActionKind('');
  static readonly SourceFixAll = new CodeActionKind('source.fixAll');
  constructor(readonly value: string) {}
  append(part: string): CodeActionKind {
    return new CodeActionKind(this.value ? `${this.value}.${part}` : part);
  }
}

class CodeLens {
  constructor(
    readonly range: Range,
    readonly command?: unknown,
  ) {}
}

class Diagnostic {
  source?: string;
  code?: unknown;
  tags?: number[];
  constructor(
    readonly range: Range,
    readonly message: string,
    readonly severity: number,
  ) {}
}

/** The TextDocument of an open file: line table computed once, as VS Code keeps one. */
function textDocument(open: OpenDocument): object {
  const starts = [0];
  for (let i = 0; i < open.text.length; i++) if (open.text.charCodeAt(i) === 10) starts.push(i + 1);
  const positionAt = (offset: number) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return new Position(low, offset - starts[low]);
  };
  return strict('TextDocument', {
    uri: Uri.file(open.path),
    fileName: open.path,
    languageId: 'python',
    version: 1,
    isClosed: false,
    isUntitled: false,
    lineCount: starts.length,
    getText: () => open.text,
    offsetAt: (p: Position) => starts[p.line] + p.character,
    positionAt,
  });
}

const event = () => disposable();

export function createVscodeStub(record: StubRecord, open?: OpenDocument): object {
  const document = open ? textDocument(open) : undefined;
  const register = () => {
    record.registrations++;
    return disposable();
  };
  // VS Code asks the CodeLens providers for the visible editor's lenses as soon as they are registered.
  const registerCodeLensProvider = (_selector: unknown, provider: { provideCodeLenses(document: object, token: object): Promise<unknown> }) => {
    if (document && open?.visible) setTimeout(() => void provider.provideCodeLenses(document, { isCancellationRequested: false, onCancellationRequested: event }), 0);
    return register();
  };
  const configuration = strict('WorkspaceConfiguration', {
    get: <T>(_key: string, fallback?: T) => fallback,
    has: () => false,
    inspect: () => undefined,
    update: async () => undefined,
  });
  const outputChannel = () =>
    strict('LogOutputChannel', { name: 'Framework Guide', info() {}, warn() {}, error() {}, debug() {}, trace() {}, append() {}, appendLine() {}, clear() {}, show() {}, hide() {}, dispose() {} });
  const diagnosticCollection = () =>
    strict('DiagnosticCollection', {
      set(_uri: unknown, diagnostics: unknown[]) {
        record.firstDiagnostics ??= { at: performance.now(), count: diagnostics.length };
      },
      delete() {},
      clear() {},
      forEach() {},
      get: () => undefined,
      has: () => false,
      dispose() {},
    });

  return strict('vscode', {
    Uri,
    EventEmitter,
    Disposable,
    Position,
    Range,
    TreeItem,
    ThemeIcon,
    CodeActionKind,
    CodeLens,
    Diagnostic,
    TreeItemCollapsibleState: { None: 0, Collapsed: 1, Expanded: 2 },
    DiagnosticSeverity: { Error: 0, Warning: 1, Information: 2, Hint: 3 },
    DiagnosticTag: { Unnecessary: 1, Deprecated: 2 },
    ViewColumn: { Active: -1, Beside: -2, One: 1, Two: 2 },
    NotebookCellKind: { Markup: 1, Code: 2 },
    ProgressLocation: { SourceControl: 1, Window: 10, Notification: 15 },
    QuickPickItemKind: { Separator: -1, Default: 0 },
    l10n: strict('l10n', { t: (message: string, ...args: unknown[]) => message.replace(/\{(\d+)\}/g, (_m, i: string) => String(args[Number(i)])) }),
    commands: strict('commands', { registerCommand: register, registerTextEditorCommand: register, executeCommand: async () => undefined }),
    languages: strict('languages', { registerHoverProvider: register, registerCodeActionsProvider: register, registerCompletionItemProvider: register, registerCodeLensProvider, createDiagnosticCollection: diagnosticCollection }),
    window: strict('window', {
      activeTextEditor: open?.visible ? { document } : undefined,
      visibleTextEditors: open?.visible ? [{ document }] : [],
      createOutputChannel: outputChannel,
      registerWebviewPanelSerializer: register,
      registerTreeDataProvider: register,
      createTreeView: () => strict('TreeView', { dispose() {}, onDidChangeVisibility: event, reveal: async () => undefined, message: undefined, title: undefined, badge: undefined, description: undefined }),
      onDidChangeActiveTextEditor: event,
      onDidChangeVisibleTextEditors: event,
      onDidChangeTextEditorSelection: event,
      showInformationMessage: async () => undefined,
      showErrorMessage: async () => undefined,
      showWarningMessage: async () => undefined,
    }),
    workspace: strict('workspace', {
      getConfiguration: () => configuration,
      textDocuments: document ? [document] : [],
      notebookDocuments: [],
      workspaceFolders: undefined,
      isTrusted: true,
      onDidOpenTextDocument: event,
      onDidChangeTextDocument: event,
      onDidCloseTextDocument: event,
      onDidSaveTextDocument: event,
      onDidOpenNotebookDocument: event,
      onDidChangeNotebookDocument: event,
      onDidCloseNotebookDocument: event,
      onDidChangeConfiguration: event,
      onDidChangeWorkspaceFolders: event,
      registerTextDocumentContentProvider: register,
      fs: strict('workspace.fs', {
        readFile: async (uri: Uri) => {
          const name = path.posix.basename(uri.path);
          record.reads[name] = (record.reads[name] ?? 0) + 1;
          return new Uint8Array(await fs.promises.readFile(uri.fsPath));
        },
      }),
    }),
    env: strict('env', { language: 'en', uiKind: 1, appName: 'bench', openExternal: async () => true }),
    UIKind: { Desktop: 1, Web: 2 },
    ExtensionMode: { Production: 1, Development: 2, Test: 3 },
  });
}

/** The ExtensionContext activate() receives; strict like the namespaces. */
export function createExtensionContext(extensionRoot: string): object {
  const memento = () => strict('Memento', { get: <T>(_k: string, fallback?: T) => fallback, update: async () => undefined, keys: () => [], setKeysForSync() {} });
  const root = Uri.file(extensionRoot);
  return strict('ExtensionContext', {
    subscriptions: [] as Array<{ dispose(): unknown }>,
    extensionUri: root,
    extensionPath: extensionRoot,
    extensionMode: 1,
    globalState: memento(),
    workspaceState: memento(),
    storageUri: undefined,
    globalStorageUri: Uri.joinPath(root, '.bench-storage'),
    logUri: Uri.joinPath(root, '.bench-log'),
    asAbsolutePath: (p: string) => path.join(extensionRoot, p),
  });
}
