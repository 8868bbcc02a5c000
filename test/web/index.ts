/**
 * Mocha runner for the browser (web worker) extension host of vscode.dev-like hosts, run by @vscode/test-web:
 * the same integration suites as test/integration, bundled for the browser with mocha's browser build.
 */
import 'mocha/mocha.js';

export function run(): Promise<void> {
  return new Promise((resolve, reject) => {
    mocha.setup({ ui: 'tdd', reporter: undefined, timeout: 30000, color: false } as unknown as Mocha.MochaOptions);
    // Webviews (the panel's content, notebook editors) load from VS Code's webview CDN origin in a web build,
    // which this offline machine cannot reach; those tests run in the code-server (Node host) layer instead.
    mocha.grep(/notebook|webview script|opening at a section|opening for an API/).invert();
    // Required after setup so the suites register with this mocha instance.
    /* eslint-disable @typescript-eslint/no-require-imports */
    require('../integration/hover.test');
    require('../integration/panel.test');
    require('../integration/snippets.test');
    require('../integration/diagnostics.test');
    /* eslint-enable @typescript-eslint/no-require-imports */
    const runner = mocha.run((failures) => {
      console.log(`[fg-test] web: ${runner.stats?.passes ?? 0} passed, ${runner.stats?.failures ?? 0} failed`);
      if (failures > 0) reject(new Error(`${failures} tests failed`));
      else resolve();
    });
  });
}
