/** The first scan worker's step: the scan pipeline's findings, and the CodeLens's model headers, from one parse. */
import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { findModelHeaders } from '../../../../src/core/port';
import { analyzePython } from '../../../../src/core/python';
import { finishScan, preparedText, scanForEditor } from '../../../../src/core/scan';
import { KnowledgeBase } from '../../../../src/knowledge';
import { ALL_ENTRIES } from '../../../../src/knowledge/all';

const kb = new KnowledgeBase(ALL_ENTRIES);
const sampleDir = path.join(process.cwd(), 'sample');

/** Each sample file, and one long file of them all (large files are the ones an editor scans on its worker). */
function sources(): Array<{ name: string; text: string }> {
  const files = fs
    .readdirSync(sampleDir)
    .filter((f) => f.endsWith('.py'))
    .map((f) => ({ name: f, text: fs.readFileSync(path.join(sampleDir, f), 'utf8') }));
  return [...files, { name: 'all samples x20', text: Array.from({ length: 20 }, () => files.map((f) => f.text).join('\n')).join('\n') }];
}

suite('scan: the first scan of an editor (scanForEditor)', function () {
  // Whole-file scans of the sample and fixture files: on a loaded 2-core machine more than mocha's default 2 s.
  this.timeout(60_000);
  test('gives the findings of the scan pipeline and the model headers of the CodeLens', () => {
    let findings = 0;
    let headers = 0;
    for (const { name, text } of sources()) {
      const ours = scanForEditor(`/w/${name}`, text, kb);
      const pipeline = finishScan(preparedText(`/w/${name}`, text), analyzePython(text, { maxBytes: Number.MAX_SAFE_INTEGER }), kb);
      assert.deepStrictEqual(ours.scan, pipeline, name);
      assert.deepStrictEqual(ours.headers, findModelHeaders(text), name);
      if (ours.scan.status === 'analysed') findings += ours.scan.findings.length;
      headers += ours.headers.length;
    }
    assert.ok(findings > 20 && headers > 5, `the samples have findings and models (${findings}, ${headers})`);
  });

  test('its result is plain data that a worker can post (structured clone keeps it equal)', () => {
    const text = fs.readFileSync(path.join(sampleDir, 'legacy_tf1.py'), 'utf8');
    const result = scanForEditor('/w/legacy_tf1.py', text, kb);
    assert.deepStrictEqual(structuredClone(result), result);
  });

  test('a text that does not parse still gives a scan, and no models', () => {
    const result = scanForEditor('/w/broken.py', 'import tensorflow as tf\nsess = tf.Session(\nclass (', kb);
    assert.strictEqual(result.scan.status, 'analysed');
    assert.deepStrictEqual(result.headers, []);
  });
});
