import * as assert from 'assert';
import * as vscode from 'vscode';
import type { FrameworkGuideTestApi } from '../../src/extension/extension';

async function waitFor<T>(read: () => T | undefined, what: string, ms = 15000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = read();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

suite('comparison panel', () => {
  let api: FrameworkGuideTestApi;
  suiteSetup(async () => {
    api = (await vscode.extensions.getExtension('framework-guide.framework-guide')!.activate()) as FrameworkGuideTestApi;
  });

  test('the command opens one panel titled Framework Guide', async () => {
    await vscode.commands.executeCommand('frameworkGuide.openComparison');
    const tab = await waitFor(() => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.label === 'Framework Guide'), 'panel tab');
    assert.ok(tab.input instanceof vscode.TabInputWebview, 'the tab is a webview');
    await vscode.commands.executeCommand('frameworkGuide.openComparison');
    const count = vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.label === 'Framework Guide').length;
    assert.strictEqual(count, 1, 'a second open reveals the same panel');
  });

  test('the webview script runs under the CSP and reports what it rendered', async () => {
    const rendered = await waitFor(() => api.panelMessages.find((m) => m.type === 'rendered'), 'rendered message');
    assert.ok(rendered.type === 'rendered');
  });
});
