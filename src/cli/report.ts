/** Formats scan results as text lines, JSON or SARIF 2.1.0. */
import type { FileReport, Location, ScannedFinding } from './scan';

export const INFORMATION_URI = 'https://github.com/framework-guide/framework-guide';

export interface ScanProblem {
  path: string;
  message: string;
}

export interface ScanResult {
  files: FileReport[];
  problems: ScanProblem[];
}

function where(file: FileReport, location: Location): string {
  const cell = location.cell !== undefined ? `#cell${location.cell}` : '';
  return `${file.path}${cell}:${location.startLine}:${location.startColumn}`;
}

function countFindings(result: ScanResult): { removed: number; deprecated: number } {
  let removed = 0;
  let deprecated = 0;
  for (const file of result.files) {
    for (const f of file.findings) {
      if (f.status === 'removed') removed++;
      else deprecated++;
    }
  }
  return { removed, deprecated };
}

/** `file:line:col qualifiedName` per reference, then `file:line:col severity message [rule]` per finding, then a summary. */
export function formatText(result: ScanResult): string {
  const lines: string[] = [];
  for (const file of result.files) {
    for (const reference of file.references) lines.push(`${where(file, reference.location)} ${reference.qualifiedName}`);
    for (const finding of file.findings) lines.push(`${where(file, finding.location)} ${finding.severity} ${finding.message} [${finding.ruleId}]`);
  }
  const references = result.files.reduce((sum, f) => sum + f.references.length, 0);
  const { removed, deprecated } = countFindings(result);
  lines.push(
    `Scanned ${result.files.length} file${result.files.length === 1 ? '' : 's'}: ${references} framework reference${references === 1 ? '' : 's'}, ` +
      `${removed} removed and ${deprecated} deprecated API use${removed + deprecated === 1 ? '' : 's'}` +
      (result.problems.length ? `, ${result.problems.length} file${result.problems.length === 1 ? '' : 's'} skipped.` : '.'),
  );
  return lines.join('\n') + '\n';
}

export function formatJson(result: ScanResult, version: string): string {
  const { removed, deprecated } = countFindings(result);
  const files = result.files.map((file) => ({
    ...file,
    findings: file.findings.map(({ span: _span, ...finding }) => finding),
  }));
  return JSON.stringify({ tool: 'framework-guide', version, files, skipped: result.problems, summary: { files: result.files.length, removed, deprecated } }, null, 2) + '\n';
}

function sarifResult(file: FileReport, finding: ScannedFinding): object {
  const { location } = finding;
  const result: Record<string, unknown> = {
    ruleId: finding.ruleId,
    level: finding.severity === 'warning' ? 'warning' : 'note',
    message: { text: location.cell !== undefined ? `${finding.message} (notebook cell ${location.cell})` : finding.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: file.path },
          region: { startLine: location.startLine, startColumn: location.startColumn, endLine: location.endLine, endColumn: location.endColumn },
        },
      },
    ],
  };
  if (location.cell !== undefined) result.properties = { cell: location.cell };
  return result;
}

export function formatSarif(result: ScanResult, version: string): string {
  const rules = new Map<string, ScannedFinding>();
  for (const file of result.files) for (const finding of file.findings) if (!rules.has(finding.ruleId)) rules.set(finding.ruleId, finding);
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'framework-guide',
            version,
            informationUri: INFORMATION_URI,
            rules: [...rules.values()].map((f) => ({
              id: f.ruleId,
              shortDescription: { text: `${f.entryName} is ${f.status}${f.replacement ? `; use ${f.replacement}` : ''}` },
              helpUri: f.docs,
              defaultConfiguration: { level: f.severity === 'warning' ? 'warning' : 'note' },
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        results: result.files.flatMap((file) => file.findings.map((finding) => sarifResult(file, finding))),
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}
