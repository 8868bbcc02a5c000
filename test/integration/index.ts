/** Mocha runner that VS Code calls inside the extension host (code-server or @vscode/test-electron). */
import * as path from 'path';
import * as fs from 'fs';
import * as util from 'util';

/** Lines the code-server driver prints; everything else the workbench logs is noise to it. */
export const TEST_LOG_PREFIX = '[fg-test] ';

export function run(): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Mocha = require('mocha') as typeof import('mocha');
  // The spec reporter writes through Base.consoleLog; prefix its lines so the driver can pick them out.
  const base = Mocha.reporters.Base as unknown as { consoleLog: (...args: unknown[]) => void };
  base.consoleLog = (...args: unknown[]) => console.log(TEST_LOG_PREFIX + util.format(...args));
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 30000, reporter: 'spec' });
  const grep = process.env.FG_TEST_GREP;
  if (grep) mocha.grep(grep);
  for (const file of fs.readdirSync(__dirname).sort()) {
    if (file.endsWith('.test.js')) mocha.addFile(path.join(__dirname, file));
  }
  const resultsFile = process.env.FG_TEST_RESULTS;
  return new Promise((resolve, reject) => {
    // The failed tests' titles and first error lines go to the summary, so a failure in a long run is easy to find.
    const failed: Array<{ title: string; error: string }> = [];
    const runner = mocha.run((failures) => {
      const s = runner.stats;
      if (resultsFile && s) {
        fs.writeFileSync(resultsFile, JSON.stringify({ passes: s.passes, failures: s.failures, pending: s.pending, tests: s.tests, duration: s.duration, failed }));
      }
      console.log(TEST_LOG_PREFIX + `integration: ${s?.passes ?? 0} passed, ${s?.failures ?? 0} failed`);
      if (failures) reject(new Error(`${failures} integration tests failed`));
      else resolve();
    });
    runner.on('fail', (test, err: unknown) => failed.push({ title: test.fullTitle(), error: String((err as Error | undefined)?.message ?? err).split('\n')[0].slice(0, 300) }));
  });
}
