/** The knowledge base's file layout: one element per line, still one JSON array, read back in slices. */
import * as assert from 'node:assert';
import { parseJsonLines, toJsonLines } from '../../../../src/core/load/jsonLines';

suite('JSON lines: written one element per line, parsed in slices', () => {
  const items = Array.from({ length: 1001 }, (_, i) => ({ name: `tensorflow.op${i}`, summary: i % 7 === 0 ? 'two\nlines, with "quotes", [brackets] and },{' : `entry ${i}`, since: i % 3 ? '2.16' : null }));

  test('the file is one valid JSON array with one element per line', () => {
    const text = toJsonLines(items);
    assert.deepStrictEqual(JSON.parse(text), items);
    assert.strictEqual(text.split('\n').length, items.length + 3, 'the brackets, an element per line and the final newline');
  });

  test('parsed in slices, it gives the same elements in order, pausing between slices', async () => {
    let pauses = 0;
    const parsed = await parseJsonLines(toJsonLines(items), async () => {
      pauses++;
    });
    assert.deepStrictEqual(parsed, items);
    assert.ok(pauses >= 4, `1,001 elements take several slices (paused ${pauses} times)`);
  });

  test('one element, none, and arrays in other layouts (parsed at once)', async () => {
    const never = async () => assert.fail('a single slice never pauses');
    assert.deepStrictEqual(await parseJsonLines(toJsonLines([{ a: 1 }]), never), [{ a: 1 }]);
    assert.deepStrictEqual(await parseJsonLines(toJsonLines([]), never), []);
    assert.deepStrictEqual(await parseJsonLines(JSON.stringify(items), never), items);
    assert.deepStrictEqual(await parseJsonLines(JSON.stringify(items, null, 2), never), items);
    // Nested arrays pretty-printed: cut into lines, they would parse as a flat list.
    assert.deepStrictEqual(await parseJsonLines(JSON.stringify([[1, 2], [3]], null, 1), never), [[1, 2], [3]]);
  });

  test('invalid JSON rejects, as JSON.parse throws', async () => {
    const broken = toJsonLines(items).replace('"entry 500"', '"entry 500');
    await assert.rejects(parseJsonLines(broken, async () => undefined), SyntaxError);
    await assert.rejects(parseJsonLines('[\n{"a": 1},\n', async () => undefined), SyntaxError);
  });
});
