/**
 * The three front doors run their per-file core path over one fixture tree and must report the same findings:
 * the CLI (bounded read + scanSource), the workspace scan (stat + whole read + scanSource, as scanWorkspaceFile) and
 * the diagnostics (an editor's text or notebook cells → the incremental cache → finishScan, as DocumentAnalyses).
 */
import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readScanFile } from '../../../../src/cli/read';
import { analyzePython, DocumentAnalysisCache, parseIpynb } from '../../../../src/core/python';
import { finishScan, isNotebookPath, prepareSource, preparedText, scanSource, type FileScan, type ScannedFinding } from '../../../../src/core/scan';
import { KnowledgeBase } from '../../../../src/knowledge';
import { ALL_ENTRIES } from '../../../../src/knowledge/all';

const root = path.join(process.cwd(), 'test', 'fixtures', 'scan');
const MAX = 2_000_000;
const kb = new KnowledgeBase(ALL_ENTRIES);

function fixtureFiles(dir = root): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((e) => (e.isDirectory() ? fixtureFiles(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

function viaCli(file: string): FileScan | undefined {
  const read = readScanFile(file, file, MAX);
  if (read.kind === 'unreadable') throw new Error(read.message);
  return read.kind === 'skipped' ? read.result : scanSource({ path: file, bytes: read.bytes }, kb, { maxBytes: MAX });
}

function viaWorkspaceScan(file: string): FileScan {
  const stat = fs.statSync(file);
  assert.ok(stat.size <= MAX);
  return scanSource({ path: file, bytes: new Uint8Array(fs.readFileSync(file)) }, kb, { maxBytes: MAX });
}

/** What the editor shows: a Python document's text, or a notebook's cells with their languages, through the cache. */
async function viaDiagnostics(file: string, cache: DocumentAnalysisCache): Promise<FileScan | undefined> {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(fs.readFileSync(file));
  } catch {
    return undefined; // VS Code would not open it as Python text either.
  }
  if (text.includes('\0')) return undefined;
  if (!isNotebookPath(file)) {
    const analysis = await cache.get(file, 1, text, { maxBytes: MAX });
    if (!analysis || analysis === 'too-large') return undefined;
    return finishScan(preparedText(file, text), analysis, kb);
  }
  const notebook = parseIpynb(text);
  const language = notebook.language?.toLowerCase() ?? 'python';
  const prepared = prepareSource({ path: file, cells: notebook.cells.map((c) => ({ kind: c.kind, source: c.source, language })) }, { maxBytes: MAX });
  if ('status' in prepared) return prepared;
  const analysis = await cache.get(file, 1, prepared.program, { maxBytes: MAX });
  if (!analysis || analysis === 'too-large') return undefined;
  return finishScan(prepared, analysis, kb);
}

function findingsOf(result: FileScan | undefined): string[] {
  if (!result || result.status !== 'analysed') return [];
  return result.findings.map((f: ScannedFinding) => {
    const l = f.location;
    return `${l.cell === undefined ? '' : `cell ${l.cell} `}${l.startLine}:${l.startColumn}-${l.endLine}:${l.endColumn} ${f.ruleId} ${f.status} ${f.message}`;
  });
}

suite('scan pipeline: one per-file step behind the three front doors', () => {
  const files = fixtureFiles();

  test('the fixture tree has findings, suppressions, notebooks, lone-CR line ends and a skip', () => {
    const names = files.map((f) => path.relative(root, f));
    assert.deepStrictEqual(names, ['broken_midway.py', 'notebooks/port_tf1.ipynb', 'notebooks/r_kernel.ipynb', 'notebooks/tf1_reorder.ipynb', 'old_mac_line_ends.py', 'suppressed_findings.py', 'weights_dump.py']);
  });

  for (const name of ['broken_midway.py', 'notebooks/port_tf1.ipynb', 'notebooks/r_kernel.ipynb', 'notebooks/tf1_reorder.ipynb', 'old_mac_line_ends.py', 'suppressed_findings.py', 'weights_dump.py']) {
    test(`${name}: CLI, workspace scan and diagnostics report the same findings`, async () => {
      const file = path.join(root, name);
      const cli = findingsOf(viaCli(file));
      assert.deepStrictEqual(findingsOf(viaWorkspaceScan(file)), cli, 'workspace scan vs CLI');
      assert.deepStrictEqual(findingsOf(await viaDiagnostics(file, new DocumentAnalysisCache())), cli, 'diagnostics vs CLI');
    });
  }

  test('suppression comments apply in every front door (the CLI used to ignore them)', () => {
    const result = viaCli(path.join(root, 'suppressed_findings.py'));
    assert.ok(result?.status === 'analysed');
    assert.strictEqual(result.suppressed, 6);
    assert.deepStrictEqual(
      result.findings.map((f) => `${f.location.startLine} ${f.ruleId}`),
      ['9 FG-torch.nn.functional.upsample', '10 FG-tensorflow.global_variables_initializer', '11 FG-tensorflow.get_default_graph', '12 FG-tensorflow.placeholder'],
    );
  });

  test('lone CR line ends put findings on their own lines', () => {
    const result = viaCli(path.join(root, 'old_mac_line_ends.py'));
    assert.ok(result?.status === 'analysed');
    assert.deepStrictEqual(
      result.findings.map((f) => `${f.location.startLine}:${f.location.startColumn} ${f.ruleId}`),
      ['4:8 FG-tensorflow.Session', '5:5 FG-tensorflow.placeholder'],
    );
  });

  test('notebook findings carry the cell index among all cells, the line in the cell and the line in the .ipynb file', () => {
    const result = viaCli(path.join(root, 'notebooks', 'port_tf1.ipynb'));
    assert.ok(result?.status === 'analysed');
    const rows = result.findings.map((f) => ({ rule: f.ruleId, cell: f.location.cell, line: f.location.startLine, column: f.location.startColumn, stored: f.location.stored && `${f.location.stored.startLine}:${f.location.stored.startColumn}` }));
    assert.deepStrictEqual(rows, [
      { rule: 'FG-tensorflow.placeholder', cell: 3, line: 1, column: 5, stored: '34:10' },
      { rule: 'FG-torch.autograd.Variable', cell: 3, line: 3, column: 5, stored: '36:10' },
      { rule: 'FG-tensorflow.placeholder', cell: 4, line: 1, column: 21, stored: '44:48' },
      { rule: 'FG-tensorflow.global_variables_initializer', cell: 4, line: 2, column: 8, stored: '44:81' },
    ]);
    assert.strictEqual(result.suppressed, 1);
  });

  test('a notebook in another language is skipped; so are binary files', () => {
    const r = viaCli(path.join(root, 'notebooks', 'r_kernel.ipynb'));
    assert.deepStrictEqual(r?.status === 'skipped' && [r.reason, r.message], ['not-python-notebook', 'notebook language is R, not Python']);
    const binary = viaCli(path.join(root, 'weights_dump.py'));
    assert.strictEqual(binary?.status === 'skipped' && binary.reason, 'binary');
  });

  test('a failed analysis is a skipped file with its reason, never a clean one (the workspace scan counted it clean)', () => {
    const failed = { ...analyzePython('import torch\n'), skipped: 'error' as const };
    const result = finishScan(preparedText('model.py', 'import torch\n'), failed, kb);
    assert.deepStrictEqual(result.status === 'skipped' && [result.reason, result.message], ['analysis-failed', 'the analysis failed on this file (please report it)']);
  });

  test('a file with a syntax error is analysed (errors flagged), not counted clean or dropped', () => {
    const result = viaCli(path.join(root, 'broken_midway.py'));
    assert.ok(result?.status === 'analysed');
    assert.strictEqual(result.hasSyntaxErrors, true);
    assert.ok(result.findings.some((f) => f.ruleId === 'FG-torch.nn.functional.upsample'));
  });
});
