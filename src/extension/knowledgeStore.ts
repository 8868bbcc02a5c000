/** Loads the knowledge base and the panel content from the JSON files next to the bundle, on first use; a failed read is retried. */
import * as vscode from 'vscode';
import { RetryableLoad } from '../core/load/retryableLoad';
import { KnowledgeBase, type KnowledgeEntry } from '../knowledge';
import type { PanelContent } from '../knowledge/render';

export class KnowledgeStore {
  private readonly knowledge = new RetryableLoad(async () => new KnowledgeBase(await this.readJson<KnowledgeEntry[]>('knowledge.json')));
  private readonly content = new RetryableLoad(() => this.readJson<PanelContent>('content.json'));

  constructor(private readonly extensionUri: vscode.Uri) {}

  /** The base, loaded on the first call (activation never loads it). */
  getKnowledge(): Promise<KnowledgeBase> {
    return this.knowledge.get();
  }

  /** The base if it is already loaded, for hot paths that must not wait. */
  peekKnowledge(): KnowledgeBase | undefined {
    return this.knowledge.peek();
  }

  getContent(): Promise<PanelContent> {
    return this.content.get();
  }

  private async readJson<T>(file: string): Promise<T> {
    const uri = vscode.Uri.joinPath(this.extensionUri, 'dist', file);
    // In the browser the extension may be served over http(s), which workspace.fs cannot read: fetch it.
    if (uri.scheme === 'http' || uri.scheme === 'https') {
      const response = await fetch(uri.toString(true));
      if (!response.ok) throw new Error(`${uri.toString(true)}: HTTP ${response.status}`);
      return (await response.json()) as T;
    }
    const bytes = await vscode.workspace.fs.readFile(uri);
    return JSON.parse(new TextDecoder().decode(bytes)) as T;
  }
}
