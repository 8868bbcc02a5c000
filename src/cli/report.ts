/**
 * Streams scan results as text lines, JSON or SARIF 2.1.0, one file at a time, so memory does not grow with the
 * number of files: only counters and the rules met (one per knowledge entry at most) are kept until the end. A file's
 * part of the report is rendered where the file was scanned (`renderFile`, on a worker thread or the main thread),
 * as UTF-8 bytes, so only bytes and counts cross threads; the reporters add what depends on the files before it.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { FileScan, Location, ScannedFinding, SkipReason } from '../core/scan';
import type { Output } from './output';

export const INFORMATION_URI = 'https://github.com/framework-guide/framework-guide';

/** Counts by status, for the summary line and the JSON summary. */
export interface ScanCounts {
  files: number;
  analysed: number;
  withSyntaxErrors: number;
  skipped: number;
  unreadable: number;
  removed: number;
  deprecated: number;
  suppressed: number;
  references: number;
}

export function emptyCounts(): ScanCounts {
  return { files: 0, analysed: 0, withSyntaxErrors: 0, skipped: 0, unreadable: 0, removed: 0, deprecated: 0, suppressed: 0, references: 0 };
}

/** What the run's totals and messages need of one scanned file. */
export interface FileTally {
  /** Set when the file was skipped: why, for the message on stderr. */
  skipped?: { reason: SkipReason; message: string };
  hasSyntaxErrors: boolean;
  suppressed: number;
  references: number;
  removed: number;
  deprecated: number;
}

export function tallyOf(result: FileScan): FileTally {
  if (result.status === 'skipped') return { skipped: { reason: result.reason, message: result.message }, hasSyntaxErrors: false, suppressed: 0, references: 0, removed: 0, deprecated: 0 };
  let removed = 0;
  for (const f of result.findings) if (f.status === 'removed') removed++;
  return { hasSyntaxErrors: result.hasSyntaxErrors, suppressed: result.suppressed, references: result.references.length, removed, deprecated: result.findings.length - removed };
}

export function count(counts: ScanCounts, tally: FileTally): void {
  counts.files++;
  if (tally.skipped) {
    counts.skipped++;
    return;
  }
  counts.analysed++;
  if (tally.hasSyntaxErrors) counts.withSyntaxErrors++;
  counts.suppressed += tally.suppressed;
  counts.references += tally.references;
  counts.removed += tally.removed;
  counts.deprecated += tally.deprecated;
}

function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

/** `Scanned 7 files: 4 analysed (1 with syntax errors), 2 skipped, 1 unreadable; 3 removed, 24 deprecated API uses (2 suppressed).` */
export function summaryLine(counts: ScanCounts, withReferences: boolean): string {
  const files = [`${counts.analysed} analysed${counts.withSyntaxErrors ? ` (${counts.withSyntaxErrors} with syntax errors)` : ''}`, `${counts.skipped} skipped`, `${counts.unreadable} unreadable`];
  const findings = `${counts.removed} removed, ${counts.deprecated} deprecated API ${counts.removed + counts.deprecated === 1 ? 'use' : 'uses'}`;
  const extras = [counts.suppressed ? `${counts.suppressed} suppressed` : '', withReferences ? plural(counts.references, 'framework reference') : ''].filter(Boolean);
  return `Scanned ${plural(counts.files, 'file')}: ${files.join(', ')}; ${findings}${extras.length ? ` (${extras.join(', ')})` : ''}.`;
}

const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\\]/g;
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\\': '\\\\' };

/**
 * Escapes what could forge or hide output in a terminal or a CI log: line breaks, escape sequences, other control
 * characters and bidirectional overrides; backslashes too, so an escape in the output always means one.
 */
export function escapeControl(text: string): string {
  return text.replace(CONTROL, (ch) => NAMED[ch] ?? (ch.charCodeAt(0) < 0x100 ? `\\x${ch.charCodeAt(0).toString(16).padStart(2, '0')}` : `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`));
}

/** How a location is written in text: `file:line:col`, for notebooks `file#cellN:line:col` (N counts every cell from 1). */
function where(file: string, location: Location): string {
  const cell = location.cell !== undefined ? `#cell${location.cell + 1}` : '';
  return `${escapeControl(file)}${cell}:${location.startLine}:${location.startColumn}`;
}

export type ReportFormat = 'text' | 'json' | 'sarif';

/** How a file's part of the report is written: the same in every thread of a run. */
export interface RenderOptions {
  /** Undefined when there is no report (--diff): only the tally is made. */
  format?: ReportFormat;
  /** Text: also list every framework reference (JSON always lists them). */
  references: boolean;
  /** The folder relative paths are relative to (SARIF's SRCROOT). */
  root: string;
}

type SarifRule = { id: string; shortDescription: { text: string }; helpUri: string; defaultConfiguration: { level: string } };

/** One scanned file ready for a reporter: its part of the report as UTF-8 bytes, and its tally. */
export interface RenderedFile {
  tally: FileTally;
  /**
   * Text: its lines; JSON: its entry in `files`; SARIF: its results, comma-separated; empty when it adds nothing.
   * Bytes rather than a string: they live outside the JavaScript heap, so the parts the main thread holds while it
   * waits for an earlier file (see src/cli/main.ts) are not promoted to its old generation (see `releaseRendered`).
   */
  bytes: Uint8Array;
  /** SARIF: the rules its findings met, each once, in the order met. */
  rules?: SarifRule[];
}

const utf8 = new TextEncoder();

export function renderFile(result: FileScan, options: RenderOptions): RenderedFile {
  const tally = tallyOf(result);
  if (options.format === 'json') return { tally, bytes: utf8.encode(JSON.stringify(jsonEntry(result))) };
  if (options.format === 'sarif') {
    const { text, rules } = sarifResults(result, options.root);
    return { tally, bytes: utf8.encode(text), rules };
  }
  if (options.format === 'text') return { tally, bytes: utf8.encode(textLines(result, options.references)) };
  return { tally, bytes: new Uint8Array(0) };
}

/**
 * The buffer a rendered part's bytes are the whole of (`renderFile` encodes each part into its own), which can be
 * transferred to another thread or freed without touching other data; undefined when empty.
 */
export function ownBuffer(file: RenderedFile): ArrayBuffer | undefined {
  const { buffer, byteOffset, byteLength } = file.bytes;
  return buffer instanceof ArrayBuffer && byteOffset === 0 && byteLength > 0 && byteLength === buffer.byteLength ? buffer : undefined;
}

/**
 * Frees a rendered part's bytes once they are written. A part held a while (waiting for an earlier file) has been
 * promoted to the old generation by then, and its bytes would stay allocated until the next full collection; moved
 * into a new ArrayBuffer that nothing references, they go at the next scavenge.
 */
export function releaseRendered(file: RenderedFile): void {
  const buffer = ownBuffer(file);
  if (buffer) structuredClone(buffer, { transfer: [buffer] });
}

export interface Reporter {
  file(file: RenderedFile): void;
  unreadable(path: string, message: string): void;
  end(counts: ScanCounts): void;
}

export interface ReportOptions {
  version: string;
  references: boolean;
  /** The folder relative paths are relative to (SARIF's SRCROOT). */
  root: string;
}

function textLines(result: FileScan, references: boolean): string {
  if (result.status === 'skipped') return '';
  let text = '';
  if (references) for (const r of result.references) text += `${where(result.path, r.location)} ${r.qualifiedName}\n`;
  for (const f of result.findings) text += `${where(result.path, f.location)} ${f.configuredSeverity ?? f.severity} ${escapeControl(f.message)} [${f.ruleId}]\n`;
  return text;
}

/** Findings as `file:line:col severity message [rule]`, references first when asked for, then the summary line. */
export class TextReporter implements Reporter {
  constructor(
    private readonly out: Output,
    private readonly options: ReportOptions,
  ) {}

  file(file: RenderedFile): void {
    if (file.bytes.length > 0) this.out.write(file.bytes);
  }

  unreadable(): void {
    // Reported on stderr as it happens; the summary counts it.
  }

  end(counts: ScanCounts): void {
    this.out.write(`${summaryLine(counts, this.options.references)}\n`);
  }
}

function jsonLocation(location: Location): object {
  const { from: _from, to: _to, cell, ...lines } = location;
  return cell === undefined ? lines : { ...lines, cell: cell + 1 };
}

function jsonEntry(result: FileScan): object {
  if (result.status === 'skipped') return { path: result.path, status: 'skipped', reason: result.reason, message: result.message };
  return {
    path: result.path,
    status: 'analysed',
    frameworks: result.frameworks,
    hasSyntaxErrors: result.hasSyntaxErrors,
    suppressed: result.suppressed,
    references: result.references.map((r) => ({ qualifiedName: r.qualifiedName, written: r.written, inImport: r.inImport, location: jsonLocation(r.location) })),
    findings: result.findings.map(({ span: _span, ...f }) => ({ ...f, location: jsonLocation(f.location) })),
  };
}

/** One JSON document, written file by file: `files` holds every file with its status. */
export class JsonReporter implements Reporter {
  private first = true;

  constructor(
    private readonly out: Output,
    options: ReportOptions,
  ) {
    out.write(`{\n  "tool": "framework-guide",\n  "version": ${JSON.stringify(options.version)},\n  "files": [`);
  }

  private entry(json: string | Uint8Array): void {
    this.out.write(this.first ? '\n    ' : ',\n    ');
    this.out.write(json);
    this.first = false;
  }

  file(file: RenderedFile): void {
    this.entry(file.bytes);
  }

  unreadable(path: string, message: string): void {
    this.entry(JSON.stringify({ path, status: 'unreadable', message }));
  }

  end(counts: ScanCounts): void {
    this.out.write(`${this.first ? '' : '\n  '}],\n  "summary": ${JSON.stringify(counts)}\n}\n`);
  }
}

/** A relative path as a URI reference: each segment percent-encoded (spaces, `#`, `%`, `?`, non-ASCII). */
export function relativeUri(relative: string): string {
  return relative.split('/').map(encodeURIComponent).join('/');
}

/** SARIF's level: a severity the configuration sets wins over the finding's own. */
function level(finding: Pick<ScannedFinding, 'severity' | 'configuredSeverity'>): 'error' | 'warning' | 'note' {
  const severity = finding.configuredSeverity ?? finding.severity;
  return severity === 'error' ? 'error' : severity === 'warning' ? 'warning' : 'note';
}

function sarifArtifact(root: string, file: string): object {
  const absolute = path.resolve(root, file);
  const relative = path.relative(root, absolute);
  if (relative && !relative.startsWith('..') && !path.isAbsolute(relative)) return { uri: relativeUri(relative.split(path.sep).join('/')), uriBaseId: 'SRCROOT' };
  return { uri: pathToFileURL(absolute).href };
}

/** A file's SARIF results, joined as they appear in `results`, and the rules they met. */
function sarifResults(result: FileScan, root: string): { text: string; rules: SarifRule[] } {
  if (result.status === 'skipped' || result.findings.length === 0) return { text: '', rules: [] };
  const artifactLocation = sarifArtifact(root, result.path);
  const rules = new Map<string, SarifRule>();
  const results: string[] = [];
  for (const finding of result.findings) {
    if (!rules.has(finding.ruleId)) {
      rules.set(finding.ruleId, {
        id: finding.ruleId,
        shortDescription: { text: `${finding.entryName} is ${finding.status}${finding.replacement ? `; use ${finding.replacement}` : ''}` },
        helpUri: finding.docs,
        defaultConfiguration: { level: level(finding) },
      });
    }
    const { location } = finding;
    // Notebooks: the region is the span in the .ipynb JSON text; the cell and the position in it go to properties.
    const region = location.cell === undefined ? location : location.stored;
    const physicalLocation: Record<string, unknown> = { artifactLocation };
    if (region) physicalLocation.region = { startLine: region.startLine, startColumn: region.startColumn, endLine: region.endLine, endColumn: region.endColumn };
    const sarif: Record<string, unknown> = {
      ruleId: finding.ruleId,
      level: level(finding),
      message: { text: location.cell !== undefined ? `${finding.message} (notebook cell ${location.cell + 1}, line ${location.startLine})` : finding.message },
      locations: [{ physicalLocation }],
    };
    if (location.cell !== undefined) sarif.properties = { cell: location.cell + 1, cellLine: location.startLine, cellColumn: location.startColumn };
    results.push(JSON.stringify(sarif));
  }
  return { text: results.join(',\n        '), rules: [...rules.values()] };
}

/**
 * SARIF 2.1.0, streamed: `results` come before `tool` in the run object (JSON objects are unordered), so the rules
 * list can name exactly the rules met. URIs are relative to SRCROOT (the working folder) and percent-encoded.
 */
export class SarifReporter implements Reporter {
  private first = true;
  private readonly rules = new Map<string, SarifRule>();

  constructor(
    private readonly out: Output,
    private readonly options: ReportOptions,
  ) {
    const root = pathToFileURL(options.root).href.replace(/\/?$/, '/');
    out.write(
      `{\n  "$schema": "https://json.schemastore.org/sarif-2.1.0.json",\n  "version": "2.1.0",\n  "runs": [\n    {\n` +
        `      "originalUriBaseIds": ${JSON.stringify({ SRCROOT: { uri: root } })},\n      "columnKind": "utf16CodeUnits",\n      "results": [`,
    );
  }

  file(file: RenderedFile): void {
    for (const rule of file.rules ?? []) if (!this.rules.has(rule.id)) this.rules.set(rule.id, rule);
    if (file.bytes.length === 0) return;
    this.out.write(this.first ? '\n        ' : ',\n        ');
    this.out.write(file.bytes);
    this.first = false;
  }

  /** Paths that could not be read, reported as tool notifications so a viewer shows the scan was incomplete. */
  private readonly notRead: Array<{ path: string; message: string }> = [];

  unreadable(path: string, message: string): void {
    this.notRead.push({ path, message });
  }

  end(): void {
    const driver = { name: 'framework-guide', version: this.options.version, informationUri: INFORMATION_URI, rules: [...this.rules.values()] };
    const invocation = {
      executionSuccessful: this.notRead.length === 0,
      toolExecutionNotifications: this.notRead.map((n) => ({
        level: 'error',
        message: { text: `${n.path}: ${n.message}` },
        locations: [{ physicalLocation: { artifactLocation: sarifArtifact(this.options.root, n.path) } }],
      })),
    };
    this.out.write(`${this.first ? '' : '\n      '}],\n      "invocations": [${JSON.stringify(invocation)}],\n      "tool": ${JSON.stringify({ driver })}\n    }\n  ]\n}\n`);
  }
}
