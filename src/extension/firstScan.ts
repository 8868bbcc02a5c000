/**
 * The first scan of a large Python file opened in the desktop VS Code runs on a worker thread. Without it, the host
 * thread parsed and walked the file in slices right after opening: its slices were short, but with V8 optimizing that
 * code on its own threads they kept both cores of a small machine busy while VS Code drew its window, and the host
 * thread waited for a core 40–100 ms at a time (bench/activateVscode.ts). Diagnostics and the Port CodeLens of the
 * file's first version come from the worker; the host analyses the file when a hover, a code action, a command or an
 * edit needs the analysis. The web extension host has no worker threads and analyses in slices as before.
 */
import type { Worker } from 'node:worker_threads';
import * as vscode from 'vscode';
import { exceedsUtf8Bytes, SLICED_PARSE_THRESHOLD } from '../core/python';
import type { EditorScan } from '../core/scan';
import { findNotebook, type DocumentAnalyses } from './documentAnalysis';
import type { FirstScanReply, FirstScanRequest } from './firstScanWorker';
import type { Log } from './output';

/** A worker with nothing to do for this long is stopped; the next large file opened starts another. */
const IDLE_MS = 20_000;

/** The worker's scan of one version of a document. */
export interface FirstScan extends EditorScan {
  version: number;
}

/**
 * How to start the worker (`dist/firstScanWorker.js` on a `worker_threads` Worker) where the extension is on the
 * host's disk; undefined otherwise (the web extension host loads it over http(s)). `worker_threads` is required when
 * the first worker starts, not at activation; where it cannot be (a browser), that start fails and the host analyses.
 */
export function firstScanWorkerStarter(extensionUri: vscode.Uri): (() => Worker) | undefined {
  if (extensionUri.scheme !== 'file') return undefined;
  const script = vscode.Uri.joinPath(extensionUri, 'dist', 'firstScanWorker.js').fsPath;
  return () => {
    // Required, not imported: the same bundle runs in the web extension host, which has no worker_threads.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const threads = require('node:worker_threads') as typeof import('node:worker_threads');
    return new threads.Worker(script);
  };
}

export class FirstScans implements vscode.Disposable {
  private worker?: Worker;
  private nextId = 0;
  private readonly waiting = new Map<number, (reply: FirstScanReply | undefined) => void>();
  /**
   * Per document, the scan of its first version: diagnostics and the CodeLens share it. Keyed by the document object,
   * not its URI: an untitled editor closed and another opened may share a URI (and version 1) before the close event
   * arrives. A document closed and opened again is a new object, so it gets a first scan again.
   */
  private readonly scans = new WeakMap<vscode.TextDocument, { version: number; promise: Promise<FirstScan | undefined> }>();
  private idle?: ReturnType<typeof setTimeout>;
  /** Set when the worker failed (it could not start, or threw): the host analyses every file itself from then on. */
  private broken = false;

  constructor(
    private readonly start: (() => Worker) | undefined,
    private readonly analyses: DocumentAnalyses,
    private readonly maxFileSize: () => number,
    private readonly log: Log,
  ) {}

  /** True where the host can run the worker (a desktop, Node extension host). */
  get available(): boolean {
    return this.start !== undefined && !this.broken;
  }

  /**
   * The worker's scan of `document`, or undefined when the host analyses it itself: no worker (the web host) or a
   * failed one, a file the host has analysed (or is analysing) by now, a notebook cell, a file small enough to analyse
   * at once or over the size limit, or any version but the first one asked for.
   */
  forDocument(document: vscode.TextDocument): Promise<FirstScan | undefined> {
    // Once the host has an analysis of the file, that is the one to use: the light bulb's fixes are planned on it.
    if (!this.available || this.analyses.has(document)) return Promise.resolve(undefined);
    const known = this.scans.get(document);
    if (known) return known.version === document.version ? known.promise : Promise.resolve(undefined);
    const version = document.version;
    const decided = (promise: Promise<FirstScan | undefined>) => {
      this.scans.set(document, { version, promise });
      return promise;
    };
    if (findNotebook(document)) return decided(Promise.resolve(undefined));
    const text = document.getText();
    if (text.length <= SLICED_PARSE_THRESHOLD || exceedsUtf8Bytes(text, this.maxFileSize())) return decided(Promise.resolve(undefined));
    return decided(
      this.request({ id: this.nextId++, path: document.uri.path, text }).then((reply): FirstScan | undefined => {
        if (reply && 'result' in reply) return { version, ...reply.result };
        if (reply) this.log.warn(`The first scan of ${document.uri.toString()} failed in the worker (${reply.error}); the host analyses it.`);
        return undefined;
      }),
    );
  }

  dispose(): void {
    clearTimeout(this.idle);
    this.stop();
  }

  private request(request: FirstScanRequest): Promise<FirstScanReply | undefined> {
    clearTimeout(this.idle);
    let worker: Worker;
    try {
      worker = this.worker ??= this.spawn();
    } catch (err) {
      this.broken = true;
      this.log.error('Could not start the first scan worker; files are analysed on the host.', err);
      return Promise.resolve(undefined);
    }
    return new Promise((resolve) => {
      this.waiting.set(request.id, (reply) => {
        this.waiting.delete(request.id);
        if (this.waiting.size === 0) this.stopWhenIdle();
        resolve(reply);
      });
      worker.postMessage(request);
    });
  }

  private spawn(): Worker {
    const worker = (this.start as () => Worker)();
    // Never what keeps a process alive (the host exits when VS Code closes; a benchmark's process when it is done).
    worker.unref();
    worker.on('message', (reply: FirstScanReply) => this.waiting.get(reply.id)?.(reply));
    // A worker that fails or exits answers every request it held with "analyse it on the host".
    const fail = (err?: unknown) => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      if (err) {
        this.broken = true;
        this.log.error('The first scan worker failed; files are analysed on the host from now on.', err);
      }
      for (const answer of [...this.waiting.values()]) answer(undefined);
    };
    worker.on('error', fail);
    worker.on('exit', () => fail());
    return worker;
  }

  private stopWhenIdle(): void {
    clearTimeout(this.idle);
    this.idle = setTimeout(() => this.stop(), IDLE_MS);
    this.idle.unref?.();
  }

  private stop(): void {
    const worker = this.worker;
    this.worker = undefined;
    for (const answer of [...this.waiting.values()]) answer(undefined);
    void worker?.terminate();
  }
}
