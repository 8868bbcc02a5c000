// Runs the mocha integration suite inside code-server's extension host: the workbench is opened with a payload
// naming this repo as the development extension and out/test/integration/index.js as the tests; the workbench
// reports the end through window.codeAutomationExit (0 = all passed).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { launchBrowser } from './codeServer.mjs';

export async function runInHost({ server, root, workspace, resultsFile, env = {}, timeoutMs = 300_000, screenshot, verbose = !!process.env.FG_VERBOSE, testsPath = path.join(root, 'out/test/integration/index.js'), extensionPath = root }) {
  try { fs.unlinkSync(resultsFile); } catch { /* none yet */ }
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    let done;
    const exited = new Promise((resolve) => (done = resolve));
    await page.exposeFunction('codeAutomationExit', (code) => done(code));
    // Only the test runner's own lines (see test/integration/index.ts); the workbench logs plenty besides.
    await page.exposeFunction('codeAutomationLog', (_type, args) => {
      const line = (Array.isArray(args) ? args : [args]).map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ');
      const at = line.indexOf('[fg-test] ');
      if (at >= 0 || verbose) process.stdout.write(`  ${at >= 0 ? line.slice(at + 10) : line}\n`);
    });
    const payload = [
      ['extensionDevelopmentPath', server.remoteUri(extensionPath)],
      ['extensionTestsPath', server.remoteUri(testsPath)],
      ['extensionEnvironment', JSON.stringify({ FG_TEST_RESULTS: resultsFile, ...(process.env.FG_TEST_GREP ? { FG_TEST_GREP: process.env.FG_TEST_GREP } : {}), ...env })],
    ];
    await page.goto(server.url(workspace, payload));
    const code = await Promise.race([exited, new Promise((r) => setTimeout(() => r('timeout'), timeoutMs))]);
    if (screenshot) await page.screenshot({ path: screenshot }).catch(() => undefined);
    const results = fs.existsSync(resultsFile) ? JSON.parse(fs.readFileSync(resultsFile, 'utf8')) : undefined;
    return { code, results };
  } finally {
    await browser.close();
  }
}
