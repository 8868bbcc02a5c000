/** Suppressions: `# framework-guide: ignore` comments, whole-line or per rule, never inside strings; LF and CRLF. */
import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Suppressions } from '../../../../src/core/rules/suppress';

const lf = fs.readFileSync(path.join(process.cwd(), 'test', 'fixtures', 'python', 'suppressions.py'), 'utf8').replace(/\r\n/g, '\n');

/** Offset of `word` on the only line starting with `lineStart`. */
function at(text: string, lineStart: string, word: string): number {
  const line = text.indexOf('\n' + lineStart) + 1;
  assert.ok(line > 0, `no line starts with ${lineStart}`);
  assert.strictEqual(text.indexOf('\n' + lineStart, line), -1, `several lines start with ${lineStart}`);
  const end = text.indexOf('\n', line);
  const offset = text.indexOf(word, line);
  assert.ok(offset >= 0 && offset < end, `${word} not on line ${lineStart}`);
  return offset;
}

type Case = [name: string, lineStart: string, word: string, ruleId: string, suppressed: boolean];

const cases: Case[] = [
  ['whole-line ignore silences the rule on the line', 'x = ', 'tf.placeholder', 'FG-tensorflow.placeholder', true],
  ['whole-line ignore silences any rule on the line', 'x = ', 'tf.float32', 'FG-anything.else', true],
  ['whole-line ignore: offset at the line start', 'x = ', 'x', 'FG-tensorflow.placeholder', true],
  ['ignore[rule] silences that rule', 'sess = ', 'tf.Session', 'FG-tensorflow.Session', true],
  ['ignore[rule] leaves other rules on the line', 'sess = ', 'tf.Session', 'FG-tensorflow.placeholder', false],
  ['a list silences its first rule', 'y = ', 'F.sigmoid', 'FG-torch.nn.functional.sigmoid', true],
  ['a list silences its second rule', 'y = ', 'F.tanh', 'FG-torch.nn.functional.tanh', true],
  ['a list leaves unlisted rules', 'y = ', 'torch.randn', 'FG-torch.randn', false],
  ['a rule id that is a prefix of the listed one is not silenced', 'y = ', 'F.sigmoid', 'FG-torch.nn.functional', false],
  ['ignore[replacement id] does not silence the finding itself', 'up = ', 'F.upsample', 'FG-torch.nn.functional.upsample', false],
  ['a line without a marker', 'init = ', 'tf.global_variables_initializer', 'FG-tensorflow.global_variables_initializer', false],
  ['a marker inside a double-quoted string does not suppress', 'print(', 'tf.get_default_graph', 'FG-tensorflow.get_default_graph', false],
  ['a marker inside a single-quoted string does not suppress', 'note = ', 'tf.placeholder', 'FG-tensorflow.placeholder', false],
  ['spaces inside the brackets and none after # are allowed', 'scaler = ', 'torch.cuda.amp.GradScaler', 'FG-torch.cuda.amp.GradScaler', true],
  ['the marker after other comment text still counts', 'with torch', 'torch.cuda.amp.autocast', 'FG-torch.cuda.amp.autocast', true],
  ['the line after a whole-line ignore is unaffected', '    pass', 'pass', 'FG-anything', false],
  ['the import lines are unaffected', 'import torch.nn', 'torch.nn.functional', 'FG-torch.nn.functional', false],
];

for (const [eol, text] of [['LF', lf], ['CRLF', lf.replace(/\n/g, '\r\n')]] as const) {
  suite(`Suppressions (${eol})`, () => {
    for (const [name, lineStart, word, ruleId, suppressed] of cases) {
      test(name, () => {
        const s = new Suppressions(text);
        assert.strictEqual(s.isSuppressed(at(text, lineStart, word), ruleId), suppressed);
      });
    }

    test('answers stay the same when the same line is asked again (cached)', () => {
      const s = new Suppressions(text);
      const offset = at(text, 'sess = ', 'tf.Session');
      assert.strictEqual(s.isSuppressed(offset, 'FG-tensorflow.Session'), true);
      assert.strictEqual(s.isSuppressed(offset, 'FG-tensorflow.placeholder'), false);
      assert.strictEqual(s.isSuppressed(offset, 'FG-tensorflow.Session'), true);
    });
  });
}

suite('Suppressions: edges', () => {
  test('a marker on the first line, offset 0', () => {
    const text = 'sess = tf.Session()  # framework-guide: ignore\nother = tf.Session()\n';
    const s = new Suppressions(text);
    assert.strictEqual(s.isSuppressed(0, 'FG-tensorflow.Session'), true);
    assert.strictEqual(s.isSuppressed(text.indexOf('other') + 8, 'FG-tensorflow.Session'), false);
  });

  test('a last line without a newline', () => {
    const text = 'import tensorflow as tf\nsess = tf.Session()  # framework-guide: ignore[FG-tensorflow.Session]';
    assert.strictEqual(new Suppressions(text).isSuppressed(text.indexOf('tf.Session'), 'FG-tensorflow.Session'), true);
  });

  test('a marker in a comment on the line before does not apply to the next line', () => {
    const text = '# framework-guide: ignore\nsess = tf.Session()\n';
    assert.strictEqual(new Suppressions(text).isSuppressed(text.indexOf('tf.Session'), 'FG-tensorflow.Session'), false);
  });
});
