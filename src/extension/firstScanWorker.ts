/**
 * The first scan worker (a worker thread of the desktop extension host, started by firstScan.ts): scans the text of a
 * file just opened and posts back its findings and model headers, so the host thread itself does not parse a large
 * file until a hover, a code action, a command or an edit needs its analysis. Loads no `vscode`: it runs in a
 * worker, with the knowledge base read from the knowledge.json and installed-names.json beside it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parentPort } from 'node:worker_threads';
import { scanForEditor, type EditorScan } from '../core/scan';
import { KnowledgeBase, type KnowledgeEntry } from '../knowledge';
import { InstalledNames, type InstalledData } from '../knowledge/installed';

export interface FirstScanRequest {
  id: number;
  path: string;
  text: string;
}

export type FirstScanReply = { id: number; result: EditorScan } | { id: number; error: string };

let kb: KnowledgeBase | undefined;

function serve(request: FirstScanRequest): FirstScanReply {
  try {
    kb ??= new KnowledgeBase(
      JSON.parse(fs.readFileSync(path.join(__dirname, 'knowledge.json'), 'utf8')) as KnowledgeEntry[],
      new InstalledNames(JSON.parse(fs.readFileSync(path.join(__dirname, 'installed-names.json'), 'utf8')) as InstalledData),
    );
    return { id: request.id, result: scanForEditor(request.path, request.text, kb) };
  } catch (err) {
    return { id: request.id, error: err instanceof Error ? err.message : String(err) };
  }
}

parentPort?.on('message', (request: FirstScanRequest) => parentPort?.postMessage(serve(request)));
