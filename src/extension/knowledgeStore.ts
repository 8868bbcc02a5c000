/** Loads the knowledge base and the panel content from the JSON files next to the bundle, on first use; a failed read is retried. */
import * as vscode from 'vscode';
import { parseJsonLines } from '../core/load/jsonLines';
import { RetryableLoad } from '../core/load/retryableLoad';
import { KnowledgeBase, type KnowledgeEntry, type LookupResult } from '../knowledge';
import { Baseline, type BaselineData } from '../knowledge/baseline';
import { InstalledNames, type InstalledData } from '../knowledge/installed';
import type { PanelContent } from '../knowledge/render';

export class KnowledgeStore {
  // Parsed in slices: the first diagnostics after activation load it while the user may already be typing.
  // The installed releases' names come with it: findings on names they lack need both.
  private readonly knowledge = new RetryableLoad(async () => {
    const [entries, installed] = await Promise.all([this.readBytes('knowledge.json'), this.readBytes('installed-names.json')]);
    return new KnowledgeBase(await parseJsonLines<KnowledgeEntry>(new TextDecoder().decode(entries)), new InstalledNames(JSON.parse(new TextDecoder().decode(installed)) as InstalledData));
  });
  private readonly content = new RetryableLoad(() => this.readJson<PanelContent>('content.json'));
  private readonly baseline = new RetryableLoad(async () => new Baseline(JSON.parse(await inflate(await this.readBytes('baseline.json.gz'))) as BaselineData));

  constructor(private readonly extensionUri: vscode.Uri) {}

  /** The base, loaded on the first call (activation never loads it). */
  getKnowledge(): Promise<KnowledgeBase> {
    return this.knowledge.get();
  }

  /** The base if it is already loaded, for hot paths that must not wait. */
  peekKnowledge(): KnowledgeBase | undefined {
    return this.knowledge.peek();
  }

  /**
   * `kb.lookup(name)`, loading the baseline (every public name of the installed releases, facts only) the first time
   * a name is not covered by an entry: the hand-written base alone serves most hovers, so the baseline is not read at all
   * until one needs it.
   */
  async lookup(kb: KnowledgeBase, name: string): Promise<LookupResult | undefined> {
    const result = kb.lookup(name);
    if ((result && result.match !== 'module') || kb.hasBaseline) return result;
    kb.attachBaseline(await this.baseline.get());
    return kb.lookup(name);
  }

  /** The signature the installed release prints for `name` (from the baseline, loaded on first use), if it has one. */
  async signatures(): Promise<(name: string) => string | undefined> {
    const baseline = await this.baseline.get();
    return (name) => baseline.signature(name);
  }

  getContent(): Promise<PanelContent> {
    return this.content.get();
  }

  /** A file of dist/; in the browser the extension may be served over http(s), which workspace.fs cannot read. */
  private async readBytes(file: string): Promise<Uint8Array> {
    const uri = vscode.Uri.joinPath(this.extensionUri, 'dist', file);
    if (uri.scheme === 'http' || uri.scheme === 'https') {
      const response = await fetch(uri.toString(true));
      if (!response.ok) throw new Error(`${uri.toString(true)}: HTTP ${response.status}`);
      return new Uint8Array(await response.arrayBuffer());
    }
    return vscode.workspace.fs.readFile(uri);
  }

  private async readJson<T>(file: string): Promise<T> {
    return JSON.parse(new TextDecoder().decode(await this.readBytes(file))) as T;
  }
}

/** The text of gzip bytes; a web server may already have inflated them (Content-Encoding), so plain bytes pass through. */
async function inflate(bytes: Uint8Array): Promise<string> {
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return new TextDecoder().decode(bytes);
  // DecompressionStream exists in the desktop extension host (Node 18+) and in the browser's web worker alike.
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Response(stream).text();
}
