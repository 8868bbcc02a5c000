/** The unified diff built from planned edits: what `patch` makes of it is the edited text, on random texts and edits. */
import * as assert from 'node:assert';
import { applyPatch, parsePatch } from 'diff';
import { unifiedDiff, type DiffEdit } from '../../../src/cli/diff';
import { applyEdits } from '../../../src/core/rules/fixes';
import { seededRandom } from '../seededRandom';

suite('cli/diff: unified diffs from planned edits', () => {
  test('no edits, or edits that change nothing, give no diff', () => {
    assert.strictEqual(unifiedDiff('a.py', 'x = 1\n', []), '');
    assert.strictEqual(unifiedDiff('a.py', 'x = 1\n', [{ from: 0, to: 1, text: 'x' }]), '');
  });

  test('an insertion at the top of a file is only added lines, with the file start as context', () => {
    const diff = unifiedDiff('a.py', 'a = 1\nb = 2\n', [{ from: 0, to: 0, text: 'import torch\n' }]);
    assert.strictEqual(diff, '--- a/a.py\n+++ b/a.py\n@@ -1,2 +1,3 @@\n+import torch\n a = 1\n b = 2\n');
  });

  test('an empty file and a file without a final newline', () => {
    assert.strictEqual(unifiedDiff('e.py', '', [{ from: 0, to: 0, text: 'x\n' }]), '--- a/e.py\n+++ b/e.py\n@@ -0,0 +1,1 @@\n+x\n');
    assert.strictEqual(unifiedDiff('e.py', 'a', [{ from: 1, to: 1, text: 'b' }]), '--- a/e.py\n+++ b/e.py\n@@ -1,1 +1,1 @@\n-a\n\\ No newline at end of file\n+ab\n\\ No newline at end of file\n');
  });

  test('applying the diff to the original gives the edited text (2,000 random texts and edit sets)', () => {
    const random = seededRandom(29);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
    const pieces = ['a', 'bb', ' ', '\n', '\r\n', 'x = 1\n', 'tf.Session()', '\n\n', '# c\n', '\r', ''];
    for (let round = 0; round < 2000; round++) {
      let original = '';
      const length = Math.floor(random() * 40);
      for (let i = 0; i < length; i++) original += pick(pieces);
      const edits: DiffEdit[] = [];
      let at = 0;
      while (at <= original.length && edits.length < 8) {
        const from = at + Math.floor(random() * (original.length - at + 1) * random());
        if (from > original.length) break;
        const to = Math.min(original.length, from + Math.floor(random() * 6));
        edits.push({ from, to, text: Array.from({ length: Math.floor(random() * 3) }, () => pick(pieces)).join('') });
        at = to + 1;
      }
      const fixed = applyEdits(original, edits);
      const diff = unifiedDiff('f.py', original, edits);
      const context = JSON.stringify({ original, edits, diff });
      if (fixed === original) {
        assert.strictEqual(diff, '', context);
        continue;
      }
      assert.strictEqual(parsePatch(diff).length, 1, context);
      assert.strictEqual(applyPatch(original, diff), fixed, context);
    }
  });
});
