/** pyproject.toml's [tool.framework-guide] and the rule selection it makes: prefixes, severities, targets. */
import * as assert from 'node:assert';
import { readProjectConfig } from '../../../../src/core/config/projectConfig';
import { compareVersions, isSelected, severityOf, type RuleSelection } from '../../../../src/core/rules/selection';
import { scanSource } from '../../../../src/core/scan';
import { KnowledgeBase } from '../../../../src/knowledge';
import { KNOWLEDGE_ENTRIES } from '../../../../src/knowledge/all';

suite('core/config: [tool.framework-guide] in pyproject.toml', () => {
  test('reads select, ignore, exclude, severity and target', () => {
    const { config, problems } = readProjectConfig(
      ['[tool.framework-guide]', 'select = ["FG-tensorflow"]', 'ignore = ["FG-tensorflow.compat"]', 'exclude = ["legacy/"]', 'severity = { "FG-tensorflow.Session" = "error" }', 'target = { tensorflow = "2.15", torch = "2.4" }'].join('\n'),
    );
    assert.deepStrictEqual(problems, []);
    assert.deepStrictEqual(config, {
      select: ['FG-tensorflow'],
      ignore: ['FG-tensorflow.compat'],
      exclude: ['legacy/'],
      severity: { 'FG-tensorflow.Session': 'error' },
      target: { tensorflow: '2.15', pytorch: '2.4' },
    });
  });

  test('a file without the table has no configuration; mistakes are named, the rest still applies', () => {
    assert.deepStrictEqual(readProjectConfig('[tool.ruff]\nline-length = 100\n'), { problems: [] });
    const { config, problems } = readProjectConfig('[tool.framework-guide]\nselect = "FG-torch"\nignore = ["FG-torch.load"]\nseverity = { "FG-x" = "loud" }\ntarget = { jax = "0.4", torch = "two" }\ncolour = true\n');
    assert.deepStrictEqual(config?.ignore, ['FG-torch.load']);
    assert.deepStrictEqual(problems, [
      'tool.framework-guide.colour is not a setting (the settings are select, ignore, severity, target, exclude)',
      'tool.framework-guide.select must be a list of strings',
      'tool.framework-guide.severity."FG-x" must be one of error, warning, information, hint, off',
      'tool.framework-guide.target.jax is not a framework (tensorflow, keras, torch)',
      'tool.framework-guide.target.torch must be a version such as "2.15"',
    ]);
    assert.match(readProjectConfig('[tool.framework-guide\n').problems[0], /^not valid TOML: /);
  });

  test('rules are chosen by dotted prefix; the longer of select and ignore wins, ignore on a tie', () => {
    const selection = { select: ['FG-tensorflow', 'FG-torch.load'], ignore: ['FG-tensorflow.compat', 'tensorflow.Session'] };
    assert.ok(isSelected('FG-tensorflow.placeholder', selection));
    assert.ok(!isSelected('FG-tensorflow.compat.v1.placeholder', selection));
    assert.ok(!isSelected('FG-tensorflow.Session', selection), 'FG- is optional in a prefix');
    assert.ok(isSelected('FG-torch.load.weights_only', selection));
    assert.ok(!isSelected('FG-torch.nn.functional.upsample', selection));
    assert.ok(!isSelected('FG-tensorflowx.y', { select: ['FG-tensorflow'] }), 'a prefix ends at a dot');
    assert.ok(isSelected('FG-keras.backend.x', { ignore: ['FG-keras'], select: ['FG-keras.backend'] }), 'a longer select wins');
    assert.ok(isSelected('FG-keras.x', { select: ['ALL'] }) && isSelected('FG-keras.x', {}));
    assert.strictEqual(severityOf('FG-torch.load.weights_only', { severity: { 'FG-torch': 'hint', 'FG-torch.load': 'error' } }), 'error');
    assert.strictEqual(severityOf('FG-keras.x', { severity: { 'FG-torch': 'hint' } }), undefined);
    assert.ok(compareVersions('2.21', '2.9') > 0 && compareVersions('2.0', '2') === 0 && compareVersions('1.15', '2.0') < 0);
  });

  test('a target release leaves out what changed after it, in the one scan step', () => {
    const kb = new KnowledgeBase(KNOWLEDGE_ENTRIES);
    const text = 'import tensorflow as tf\nimport torch\nsess = tf.Session()\nstate = torch.load("m.pt")\n';
    const scan = (rules: RuleSelection) => {
      const result = scanSource({ path: 'a.py', text }, kb, { maxBytes: 1_000_000, rules });
      return result.status === 'analysed' ? { rules: result.findings.map((f) => f.ruleId), deselected: result.deselected ?? 0 } : undefined;
    };
    assert.deepStrictEqual(scan({}), { rules: ['FG-tensorflow.Session', 'FG-torch.load.weights_only'], deselected: 0 });
    assert.deepStrictEqual(scan({ target: { tensorflow: '1.15' } }), { rules: ['FG-torch.load.weights_only'], deselected: 1 }, 'tf.Session is there in TensorFlow 1.15');
    assert.strictEqual(scan({ target: { tensorflow: '2.21' } })?.rules.length, 2);
    assert.deepStrictEqual(scan({ severity: { 'FG-torch': 'off' } }), { rules: ['FG-tensorflow.Session'], deselected: 1 });
  });
});
