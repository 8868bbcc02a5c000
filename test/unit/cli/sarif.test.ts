import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import Ajv from 'ajv-draft-04';

const root = process.cwd();
const cli = path.join(root, 'dist', 'cli.js');

function scan(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [cli, 'scan', ...args], { encoding: 'utf8', cwd: root });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

suite('cli: SARIF output', () => {
  suiteSetup(function () {
    this.timeout(60000);
    if (!fs.existsSync(cli)) assert.strictEqual(spawnSync(process.execPath, ['esbuild.config.js'], { cwd: root }).status, 0, 'build dist/cli.js');
  });

  // unicodeRegExp off: the published schema's `language` pattern is not a valid /u regular expression.
  test('the SARIF report of sample/ validates against the SARIF 2.1.0 schema', () => {
    const schema = JSON.parse(fs.readFileSync(path.join(root, 'test/fixtures/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    const validate = ajv.compile(schema);
    const { status, stdout } = scan(['sample', '--format', 'sarif']);
    assert.strictEqual(status, 0);
    const log = JSON.parse(stdout) as { version: string; runs: Array<{ results: Array<{ ruleId: string; level: string }> }> };
    const ok = validate(JSON.parse(stdout));
    assert.ok(ok, JSON.stringify(validate.errors?.slice(0, 5), null, 1));
    assert.strictEqual(log.version, '2.1.0');
    const results = log.runs[0].results;
    assert.ok(results.some((r) => r.ruleId === 'FG-tensorflow.Session' && r.level === 'warning'), 'tf.Session is a warning');
    assert.ok(results.some((r) => r.ruleId === 'FG-torch.nn.functional.upsample' && r.level === 'note'), 'F.upsample is a note');
  });

  test('the validator rejects a broken report (the check can fail)', () => {
    const schema = JSON.parse(fs.readFileSync(path.join(root, 'test/fixtures/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
    const validate = new Ajv({ strict: false, unicodeRegExp: false }).compile(schema);
    const log = JSON.parse(scan(['sample', '--format', 'sarif']).stdout);
    log.runs[0].results[0].level = 'catastrophic';
    assert.strictEqual(validate(log), false);
  });

  test('--fail-on removed exits 1 on sample/ and 0 on current code only', () => {
    assert.strictEqual(scan(['sample', '--fail-on', 'removed']).status, 1);
    assert.strictEqual(scan(['sample/train_torch.py', 'sample/train_keras.py', '--fail-on', 'deprecated']).status, 0);
  });
});
