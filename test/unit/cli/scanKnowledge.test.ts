/**
 * The CLI scans with the knowledge entries stripped of hover-only text (src/knowledge/scanEntries.ts, embedded as JSON
 * in dist/cli.js): over every Python file and notebook among the fixtures and the sample workspace, the scan (findings,
 * references, suppressions, locations) and the safe fixes must be the same as with the full entries.
 */
import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { installedData, scanEntries } from '../../../src/cli/scanKnowledge';
import { fixSource, scanSource } from '../../../src/core/scan';
import { KnowledgeBase } from '../../../src/knowledge';
import { KNOWLEDGE_ENTRIES } from '../../../src/knowledge/all';
import { InstalledNames } from '../../../src/knowledge/installed';

const MAX = 2_000_000;

function sourceFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((e) => (e.isDirectory() ? sourceFiles(path.join(dir, e.name)) : /\.(py|pyi|ipynb)$/.test(e.name) ? [path.join(dir, e.name)] : []));
}

suite('CLI knowledge: entries without hover text', () => {
  // Both judged against the installed releases' names, as the extension and the CLI are.
  const full = new KnowledgeBase(KNOWLEDGE_ENTRIES, new InstalledNames(installedData()));
  const slim = new KnowledgeBase(scanEntries(), new InstalledNames(installedData()));
  const files = [path.join('test', 'fixtures'), 'sample'].flatMap((d) => sourceFiles(path.join(process.cwd(), d)));

  test('every entry is kept, with its name, status, replacement, rules and docs; hover texts are empty', () => {
    const entries = scanEntries();
    assert.strictEqual(entries.length, KNOWLEDGE_ENTRIES.length);
    let stripped = 0;
    entries.forEach((entry, i) => {
      const { summary, equivalents: _equivalents, verified: _verified, sources: _sources, tags: _tags, section: _section, ...rest } = KNOWLEDGE_ENTRIES[i];
      if (summary) stripped++;
      assert.deepStrictEqual(entry, { ...rest, summary: '', verified: '', sources: [] }, rest.name);
    });
    assert.ok(stripped > KNOWLEDGE_ENTRIES.length / 2, `entries with a summary: ${stripped}`);
  });

  test('the scan and the safe fixes of every fixture and sample file are the same as with the full entries', function () {
    // Four scans of every fixture and sample file: longer than mocha's default on a shared machine.
    this.timeout(60_000);
    assert.ok(files.length > 40, `fixture files found: ${files.length}`);
    let findings = 0;
    for (const file of files) {
      const bytes = new Uint8Array(fs.readFileSync(file));
      const options = { maxBytes: MAX, references: true };
      const expected = scanSource({ path: file, bytes }, full, options);
      assert.deepStrictEqual(scanSource({ path: file, bytes }, slim, options), expected, file);
      assert.deepStrictEqual(fixSource({ path: file, bytes }, slim, options), fixSource({ path: file, bytes }, full, options), file);
      if (expected.status === 'analysed') findings += expected.findings.length;
    }
    assert.ok(findings > 50, `findings compared: ${findings}`);
  });
});
