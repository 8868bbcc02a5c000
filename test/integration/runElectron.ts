/**
 * Runs the integration suite in desktop VS Code through @vscode/test-electron (downloads VS Code, so it needs
 * internet). Same suite as the offline code-server launcher in scripts/lib/runInHost.mjs.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runTests } from '@vscode/test-electron';

async function main(): Promise<void> {
  const root = path.resolve(__dirname, '..', '..', '..');
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'fg-ws-'));
  fs.cpSync(path.join(root, 'sample'), workspace, { recursive: true });
  const results = path.join(workspace, '..', `fg-electron-${process.pid}.json`);
  await runTests({
    extensionDevelopmentPath: root,
    extensionTestsPath: path.join(__dirname, 'index.js'),
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
    extensionTestsEnv: { FG_TEST_RESULTS: results },
  });
  const r = JSON.parse(fs.readFileSync(results, 'utf8')) as { passes: number; failures: number };
  fs.rmSync(workspace, { recursive: true, force: true });
  fs.rmSync(results, { force: true });
  console.log(`${r.passes} passed, ${r.failures} failed`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
