/** Reads test fixtures and finds offsets in them by a unique snippet, so tables stay readable. */
import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Fixtures live in the repository's test/fixtures; tests run from the repository root (npm scripts, mocha). */
export function readFixture(relativePath: string): string {
  return fs.readFileSync(path.join(process.cwd(), 'test', 'fixtures', relativePath), 'utf8');
}

/** Offset of `word` inside the only occurrence of `snippet` in `text` (the snippet's start when no word is given). */
export function offsetIn(text: string, snippet: string, word = '', nth = 0): number {
  const first = text.indexOf(snippet);
  assert.ok(first >= 0, `snippet not found: ${snippet}`);
  assert.strictEqual(text.indexOf(snippet, first + 1), -1, `snippet is not unique: ${snippet}`);
  if (!word) return first;
  let inner = -1;
  for (let i = 0; i <= nth; i++) {
    inner = snippet.indexOf(word, inner + 1);
    assert.ok(inner >= 0, `word ${word} not in snippet ${snippet}`);
  }
  return first + inner;
}
