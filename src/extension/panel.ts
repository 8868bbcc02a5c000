/** The comparison panel: one webview beside the editor, restored after reload, with a validated message contract. */
import * as vscode from 'vscode';
import type { KnowledgeStore } from './knowledgeStore';
import type { Log } from './output';
import type { PanelContent } from '../knowledge/render';
import { parsePanelState, parseWebviewMessage, type HostMessage, type PairView, type PanelState, type WebviewMessage } from '../webview/protocol';
import { buildPairView } from '../core/notes/pairView';
import type { ExampleActions } from './exampleActions';

export const PANEL_VIEW_TYPE = 'frameworkGuide.comparison';

export interface PanelDeps {
  store: KnowledgeStore;
  log: Log;
  examples: ExampleActions;
  /** Every valid message the webview sent, newest last (read by the integration tests). */
  received: WebviewMessage[];
}

function getNonce(): string {
  const bytes = new Uint8Array(18);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function escapeAttr(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

export class ComparisonPanel {
  private static current: ComparisonPanel | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  /** True once the webview of the current HTML said `ready`: messages posted before then are lost. */
  private ready = false;
  /** A compare view to show once the webview is ready. */
  private pending?: PairView;

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    private readonly extensionUri: vscode.Uri,
    private readonly deps: PanelDeps,
  ) {
    panel.onDidDispose(() => this.dispose(), null, this.disposables);
    panel.webview.onDidReceiveMessage((raw: unknown) => this.onMessage(raw), null, this.disposables);
  }

  static get isOpen(): boolean {
    return ComparisonPanel.current !== undefined;
  }

  /** Hands a raw message to the open panel as if its webview had sent it (integration tests). */
  static deliverForTest(raw: unknown): boolean {
    ComparisonPanel.current?.onMessage(raw);
    return ComparisonPanel.current !== undefined;
  }

  /** Opens the panel beside the editor, or reveals it; scrolls to `section`, or shows `compare` (an API and its counterparts). */
  static async show(extensionUri: vscode.Uri, deps: PanelDeps, section?: string, compare?: PairView): Promise<void> {
    const existing = ComparisonPanel.current;
    if (existing) {
      existing.panel.reveal(undefined, true);
      if (compare) existing.compare(compare);
      else if (section) existing.post({ type: 'reveal', section });
      return;
    }
    // Beside the editor when there is one; with no editor open, Beside would leave an empty group behind.
    const viewColumn = vscode.window.activeTextEditor ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active;
    const panel = vscode.window.createWebviewPanel(PANEL_VIEW_TYPE, vscode.l10n.t('Framework Guide'), { viewColumn, preserveFocus: false }, webviewOptions(extensionUri));
    const instance = new ComparisonPanel(panel, extensionUri, deps);
    ComparisonPanel.current = instance;
    if (compare) instance.pending = compare;
    await instance.render({ query: '', scrollY: 0 }, compare ? undefined : section);
  }

  /** Brings back a panel VS Code restored after a reload, with the state the webview saved. */
  static async revive(panel: vscode.WebviewPanel, extensionUri: vscode.Uri, deps: PanelDeps, rawState: unknown): Promise<void> {
    panel.webview.options = webviewOptions(extensionUri);
    ComparisonPanel.current?.dispose();
    const instance = new ComparisonPanel(panel, extensionUri, deps);
    ComparisonPanel.current = instance;
    const state = parsePanelState(rawState) ?? { query: '', scrollY: 0 };
    // The compare view the user had: built again from the knowledge (the state holds only its API's name).
    if (state.compare) instance.pending = await pairViewOf(deps.store, state.compare, deps.log);
    await instance.render(state);
  }

  private post(message: HostMessage): void {
    void this.panel.webview.postMessage(message);
  }

  private compare(view: PairView): void {
    if (this.ready) this.post({ type: 'compare', view });
    else this.pending = view;
  }

  private async render(state: PanelState, section?: string): Promise<void> {
    let content: PanelContent;
    try {
      content = await this.deps.store.getContent();
    } catch (err) {
      this.deps.log.error('Could not load the comparison content', err);
      void vscode.window.showErrorMessage(vscode.l10n.t('Framework Guide could not load its comparison content. See the "Framework Guide" output for details.'));
      return;
    }
    this.ready = false;
    this.panel.webview.html = this.html(content, state, section);
  }

  private html(content: PanelContent, state: PanelState, section?: string): string {
    const webview = this.panel.webview;
    const nonce = getNonce();
    const style = webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'media', 'panel.css'));
    const script = webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview', 'main.js'));
    const csp = [`default-src 'none'`, `style-src ${webview.cspSource}`, `img-src ${webview.cspSource} https: data:`, `font-src ${webview.cspSource}`, `script-src 'nonce-${nonce}'`].join('; ');
    const toc = content.sections
      .map((s) => `<li><a href="#section-${escapeAttr(s.id)}">${escapeAttr(s.title)}</a></li>`)
      .join('');
    const body = content.sections
      .map((s) => `<section class="guide-section${s.id === 'history' ? ' history' : ''}" id="section-${escapeAttr(s.id)}" aria-labelledby="${escapeAttr(s.id)}--title">${s.html}</section>`)
      .join('\n');
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style}">
<title>Framework Guide</title>
</head>
<body data-state="${escapeAttr(JSON.stringify(state))}"${section ? ` data-reveal="${escapeAttr(section)}"` : ''}>
<header class="toolbar" role="search">
  <input id="filter" type="search" placeholder="${escapeAttr(vscode.l10n.t('Filter sections and rows (press /)'))}" aria-label="${escapeAttr(vscode.l10n.t('Filter the comparison'))}" autocomplete="off" spellcheck="false">
  <span id="match-count" role="status" aria-live="polite" ${matchCountTemplates()}></span>
</header>
<div class="layout">
  <nav class="toc" aria-label="${escapeAttr(vscode.l10n.t('Contents'))}"><ul>${toc}</ul></nav>
  <main id="content">
    <section id="compare" class="compare-view" hidden aria-live="polite" data-close-label="${escapeAttr(vscode.l10n.t('Close the comparison'))}" data-insert-label="${escapeAttr(vscode.l10n.t('Insert'))}"></section>
    <p id="no-results" hidden>${escapeAttr(vscode.l10n.t('Nothing matches the filter.'))}</p>
    ${body}
  </main>
</div>
<script nonce="${nonce}" src="${script}"></script>
</body>
</html>`;
  }

  private onMessage(raw: unknown): void {
    const message = parseWebviewMessage(raw);
    if (!message) {
      this.deps.log.warn(`Ignored a webview message of unknown shape: ${JSON.stringify(raw)?.slice(0, 200)}`);
      return;
    }
    this.deps.received.push(message);
    if (this.deps.received.length > 200) this.deps.received.splice(0, this.deps.received.length - 200);
    switch (message.type) {
      case 'ready':
        this.ready = true;
        if (this.pending) {
          this.post({ type: 'compare', view: this.pending });
          this.pending = undefined;
        }
        break;
      case 'insertSnippet':
        void vscode.commands.executeCommand('frameworkGuide.insertSnippet', { task: message.task, framework: message.framework });
        break;
      case 'example':
        void this.deps.examples.run(message.action, message.example, message.framework);
        break;
      case 'openLink':
        void openLink(message.href, this.deps.log);
        break;
      default:
        break;
    }
  }

  dispose(): void {
    if (ComparisonPanel.current === this) ComparisonPanel.current = undefined;
    this.panel.dispose();
    while (this.disposables.length) this.disposables.pop()?.dispose();
  }
}

function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions & vscode.WebviewPanelOptions {
  return {
    enableScripts: true,
    enableFindWidget: true,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media'), vscode.Uri.joinPath(extensionUri, 'dist', 'webview')],
  };
}

/** Opens only web links, through VS Code (which asks the user for untrusted domains). */
async function openLink(href: string, log: Log): Promise<void> {
  let uri: vscode.Uri;
  try {
    uri = vscode.Uri.parse(href, true);
  } catch {
    log.warn(`Ignored a malformed link: ${href}`);
    return;
  }
  if (uri.scheme !== 'https' && uri.scheme !== 'http') {
    log.warn(`Ignored a link with scheme ${uri.scheme}`);
    return;
  }
  await vscode.env.openExternal(uri);
}

export function registerPanel(context: vscode.ExtensionContext, deps: PanelDeps): void {
  context.subscriptions.push(
    // A section id, or `{ api }` from a hover or a quick fix: that API next to its counterparts, else its section.
    vscode.commands.registerCommand('frameworkGuide.openComparison', async (target?: unknown) => {
      const api = typeof target === 'object' && target !== null && typeof (target as { api?: unknown }).api === 'string' ? (target as { api: string }).api : undefined;
      if (api === undefined) {
        await ComparisonPanel.show(context.extensionUri, deps, typeof target === 'string' ? target : undefined);
        return;
      }
      const view = await pairViewOf(deps.store, api, deps.log);
      const section = view ? undefined : ((await deps.store.getKnowledge()).get(api)?.section ?? 'architecture');
      await ComparisonPanel.show(context.extensionUri, deps, section, view);
    }),
    vscode.window.registerWebviewPanelSerializer(PANEL_VIEW_TYPE, {
      deserializeWebviewPanel: (panel, state) => ComparisonPanel.revive(panel, context.extensionUri, deps, state),
    }),
  );
}

/** `api` next to its counterparts, or undefined when it has none (the caller falls back to its section). */
async function pairViewOf(store: KnowledgeStore, api: string, log: Log): Promise<PairView | undefined> {
  const kb = await store.getKnowledge();
  let signatures: (name: string) => string | undefined = () => undefined;
  try {
    signatures = await store.signatures();
  } catch (err) {
    // The signatures come from the baseline; without it the view still has everything else.
    log.warn(`Compare: the signatures could not be loaded (${err instanceof Error ? err.message : String(err)})`);
  }
  return buildPairView(api, kb, signatures);
}

/** The match counter's wording for the webview script, which has no vscode.l10n: `{0}` is filled in there. */
function matchCountTemplates(): string {
  const templates = {
    'match-one': vscode.l10n.t('1 match'),
    'match-many': vscode.l10n.t('{0} matches'),
    'section-one': vscode.l10n.t('1 section'),
    'section-many': vscode.l10n.t('{0} sections'),
    in: vscode.l10n.t('{0} in {1}', '{0}', '{1}'),
  };
  return Object.entries(templates)
    .map(([key, text]) => `data-${key}="${escapeAttr(text)}"`)
    .join(' ');
}
