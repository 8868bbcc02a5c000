/**
 * Scans files on worker threads besides the main thread (which also walks the folders, writes the report and scans
 * whenever the workers have enough bytes queued): each file's result comes back, already rendered, as a promise, so
 * the caller can report them in walk order and hold only a bounded window.
 */
import * as os from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { KnowledgeBase } from '../knowledge';
import { scanSource, type ScanOptions } from '../core/scan';
import type { RuleSelection } from '../core/rules/selection';
import { fixFile, type FileFixReport, type FixMode, type FixOutcome } from './fix';
import { readScanFile } from './read';
import { installedData, scanEntries } from './scanKnowledge';
import { InstalledNames } from '../knowledge/installed';
import { ownBuffer, renderFile, type RenderedFile, type RenderOptions } from './report';

export interface ScanSettings {
  maxBytes: number;
  references: boolean;
  /** Seconds one file may take (--file-timeout); a file that takes longer is skipped as timed out. */
  timeLimit?: number;
  /** The project's rule selection (pyproject.toml's [tool.framework-guide], --select, --ignore). */
  rules?: RuleSelection;
  /** --fix (`write`) or --diff (`diff`): each file is fixed where it is scanned, on a worker or the main thread. */
  fix?: FixMode;
  /** How each file's part of the report is rendered, where it is scanned. */
  render: RenderOptions;
}

/**
 * One file's outcome: its rendered report part (analysed or skipped) with what fixing it did, or a read error. Only
 * bytes, strings and numbers: a worker posts it back cheaply (the report part's bytes are transferred, not copied)
 * and it is small to hold on the main thread's heap while earlier files are awaited.
 */
export type FileOutcome = { kind: 'scanned'; file: RenderedFile; fix?: FileFixReport } | { kind: 'unreadable'; message: string };

interface WorkerRequest {
  id: number;
  file: string;
  shown: string;
}

interface WorkerReply {
  id: number;
  outcome: FileOutcome;
}

/**
 * A worker's young generation, in MB (Node's default is larger): parse trees die young, and on a 2,000-file tree a
 * smaller nursery kept peak RSS a few MB lower at no measurable cost in speed.
 */
const WORKER_YOUNG_GENERATION_MB = 8;

/** Marks the worker threads this module starts, so the CLI's entry point knows to serve instead of running `main`. */
const WORKER_ROLE = 'framework-guide-scan-worker';

function scanOrFix(file: string, shown: string, settings: ScanSettings, kb: KnowledgeBase): FixOutcome {
  if (settings.fix) return fixFile(file, shown, scanOptionsOf(settings), settings.fix, kb);
  const read = readScanFile(file, shown, settings.maxBytes);
  if (read.kind === 'unreadable') return { kind: 'unreadable', message: read.message };
  if (read.kind === 'skipped') return { kind: 'scanned', result: read.result };
  return { kind: 'scanned', result: scanSource({ path: shown, bytes: read.bytes }, kb, scanOptionsOf(settings)) };
}

/** The scan pipeline's options for a run's settings. */
export function scanOptionsOf(settings: Pick<ScanSettings, 'maxBytes' | 'references' | 'timeLimit' | 'rules'>): ScanOptions {
  return { maxBytes: settings.maxBytes, references: settings.references, ...(settings.timeLimit !== undefined ? { timeLimit: settings.timeLimit } : {}), ...(settings.rules ? { rules: settings.rules } : {}) };
}

/** Read, scan and render one file: the same step in a worker and on the main thread. */
export function scanFile(file: string, shown: string, settings: ScanSettings, kb: KnowledgeBase): FileOutcome {
  const outcome = scanOrFix(file, shown, settings, kb);
  if (outcome.kind === 'unreadable') return outcome;
  const rendered: FileOutcome = { kind: 'scanned', file: renderFile(outcome.result, settings.render) };
  if (outcome.fix) rendered.fix = outcome.fix;
  return rendered;
}

/** The number of scanning threads `--jobs` defaults to (the main thread and its workers): one per core the process may use. */
export function defaultJobs(): number {
  return Math.max(1, os.availableParallelism?.() ?? os.cpus().length);
}

/** True in a thread started by ScanPool; the entry point then calls `serveScanWorker` and nothing else. */
export function isScanWorker(): boolean {
  return !isMainThread && (workerData as { role?: string } | undefined)?.role === WORKER_ROLE;
}

/** The worker side: scan each requested file and post the outcome back. */
export function serveScanWorker(): void {
  const { settings } = workerData as { settings: ScanSettings };
  const kb = new KnowledgeBase(scanEntries(), new InstalledNames(installedData()));
  parentPort?.on('message', (request: WorkerRequest) => {
    let outcome: FileOutcome;
    try {
      outcome = scanFile(request.file, request.shown, settings, kb);
    } catch (err) {
      outcome = { kind: 'unreadable', message: `scan failed (${err instanceof Error ? err.message : String(err)})` };
    }
    const bytes = outcome.kind === 'scanned' ? ownBuffer(outcome.file) : undefined;
    parentPort?.postMessage({ id: request.id, outcome } satisfies WorkerReply, bytes ? [bytes] : []);
  });
}

interface PoolWorker {
  worker: Worker;
  pending: Map<number, { request: WorkerRequest; bytes: number; resolve: (outcome: FileOutcome) => void }>;
  /** Bytes of the files sent and not answered yet: the work this worker has queued. */
  backlog: number;
  alive: boolean;
}

/**
 * `jobs` workers running `script` (the CLI bundle itself). A file goes to the worker with the smallest backlog (in
 * bytes); should a worker die, its pending files are scanned on the main thread instead, so a result is never lost.
 */
export class ScanPool {
  private readonly workers: PoolWorker[] = [];
  private nextId = 0;
  private fallbackKb?: KnowledgeBase;

  constructor(
    script: string,
    jobs: number,
    private readonly settings: ScanSettings,
  ) {
    for (let i = 0; i < jobs; i++) {
      const entry: PoolWorker = {
        worker: new Worker(script, { workerData: { role: WORKER_ROLE, settings }, resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } }),
        pending: new Map(),
        backlog: 0,
        alive: true,
      };
      entry.worker.on('message', (reply: WorkerReply) => {
        const job = entry.pending.get(reply.id);
        if (!job) return;
        entry.pending.delete(reply.id);
        entry.backlog -= job.bytes;
        job.resolve(reply.outcome);
      });
      const fail = () => {
        if (!entry.alive) return;
        entry.alive = false;
        const orphans = [...entry.pending.values()];
        entry.pending.clear();
        entry.backlog = 0;
        for (const { request, resolve } of orphans) resolve(this.scanHere(request));
      };
      entry.worker.on('error', fail);
      entry.worker.on('exit', fail);
      this.workers.push(entry);
    }
  }

  /** The smallest backlog of a live worker, in bytes; undefined when no worker is left. */
  lightestBacklog(): number | undefined {
    let lightest: number | undefined;
    for (const entry of this.workers) if (entry.alive && (lightest === undefined || entry.backlog < lightest)) lightest = entry.backlog;
    return lightest;
  }

  /** Queues `file` (`bytes` long, as far as the caller knows) on the worker with the smallest backlog. */
  scan(file: string, shown: string, bytes: number): Promise<FileOutcome> {
    const request: WorkerRequest = { id: this.nextId++, file, shown };
    let target: PoolWorker | undefined;
    for (const entry of this.workers) if (entry.alive && (!target || entry.backlog < target.backlog)) target = entry;
    if (!target) return Promise.resolve(this.scanHere(request));
    const chosen = target;
    return new Promise((resolve) => {
      chosen.pending.set(request.id, { request, bytes, resolve });
      chosen.backlog += bytes;
      chosen.worker.postMessage(request);
    });
  }

  async close(): Promise<void> {
    for (const entry of this.workers) entry.alive = false;
    await Promise.all(this.workers.map((entry) => entry.worker.terminate()));
  }

  private scanHere(request: WorkerRequest): FileOutcome {
    this.fallbackKb ??= new KnowledgeBase(scanEntries(), new InstalledNames(installedData()));
    return scanFile(request.file, request.shown, this.settings, this.fallbackKb);
  }
}
