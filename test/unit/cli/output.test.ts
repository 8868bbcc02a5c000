/**
 * The report's writer: text and rendered bytes, mixed, come out as one UTF-8 stream in the order written, across its
 * 64 KB batches; a rendered part's bytes can be freed once written.
 */
import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Output } from '../../../src/cli/output';
import { ownBuffer, releaseRendered, renderFile } from '../../../src/cli/report';
import { scanSource } from '../../../src/core/scan';
import { KnowledgeBase } from '../../../src/knowledge';
import { KNOWLEDGE_ENTRIES } from '../../../src/knowledge/all';

/** Writes `chunks` through an Output into a temporary file and returns what the file holds. */
function written(chunks: Array<string | Uint8Array>): Buffer {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fg-output-'));
  const file = path.join(dir, 'out');
  const fd = fs.openSync(file, 'w');
  try {
    const out = new Output(fd);
    for (const chunk of chunks) out.write(chunk);
    out.flush();
  } finally {
    fs.closeSync(fd);
  }
  const bytes = fs.readFileSync(file);
  fs.rmSync(dir, { recursive: true, force: true });
  return bytes;
}

const expected = (chunks: Array<string | Uint8Array>) => Buffer.concat(chunks.map((c) => (typeof c === 'string' ? Buffer.from(c, 'utf8') : c)));

suite('cli: report output', () => {
  test('text and bytes come out in order as UTF-8, across batch boundaries and chunks larger than a batch', () => {
    const utf8 = new TextEncoder();
    const chunks: Array<string | Uint8Array> = [];
    // Multi-byte characters (2, 3 and 4 bytes in UTF-8) in chunks of many sizes, so batches end at every offset.
    for (let i = 0; i < 3000; i++) {
      const text = `${i}: é€𝔸 ${'x'.repeat(i % 97)}\n`;
      chunks.push(i % 3 === 0 ? utf8.encode(text) : text);
    }
    chunks.push('y'.repeat(70_000), utf8.encode('z'.repeat(200_000)), 'é'.repeat(30_000), utf8.encode('€'), '');
    const bytes = written(chunks);
    assert.ok(bytes.length > 3 * 65_536, 'the chunks span several batches');
    assert.ok(bytes.equals(expected(chunks)));
  });

  test('a lone surrogate is written as U+FFFD, as Buffer.from writes it', () => {
    const chunks = ['a\ud800b', 'c\udc00'];
    assert.strictEqual(written(chunks).toString('utf8'), 'a\ufffdbc\ufffd');
    assert.ok(written(chunks).equals(expected(chunks)));
  });

  test('a rendered part is bytes; releasing it after writing frees them, and an empty part is released too', () => {
    const kb = new KnowledgeBase(KNOWLEDGE_ENTRIES);
    const scan = scanSource({ path: 'é.py', bytes: Buffer.from('import torch\n') }, kb, { maxBytes: 1_000_000, references: true });
    const json = renderFile(scan, { format: 'json', references: true, root: '.' });
    assert.strictEqual(JSON.parse(new TextDecoder().decode(json.bytes)).path, 'é.py');
    const copy = written([json.bytes]);
    releaseRendered(json);
    assert.strictEqual(json.bytes.byteLength, 0, 'the bytes are detached from the part once released');
    assert.deepStrictEqual(JSON.parse(copy.toString('utf8')).references.map((r: { qualifiedName: string }) => r.qualifiedName), ['torch'], 'what was written is whole');
    const none = renderFile(scan, { references: false, root: '.' });
    assert.strictEqual(none.bytes.byteLength, 0);
    releaseRendered(none);
    // Bytes that are only part of a buffer (not what renderFile makes) are neither transferred nor freed.
    const view = { tally: json.tally, bytes: new Uint8Array(new ArrayBuffer(8), 2, 4) };
    assert.strictEqual(ownBuffer(view), undefined);
    releaseRendered(view);
    assert.strictEqual(view.bytes.byteLength, 4);
    const text = renderFile(scan, { format: 'text', references: false, root: '.' });
    assert.strictEqual(text.bytes.byteLength, 0, 'text adds nothing for a file without findings');
  });
});
