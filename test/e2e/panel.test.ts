import * as assert from 'assert';
import { Workbench, type ThemeName } from './workbench';

suite('UI: comparison panel', function () {
  this.timeout(120000);

  test('opens from the command palette, shows the tables, filters rows as you type (light theme)', async () => {
    const wb = await Workbench.open({ theme: 'light' });
    try {
      const started = Date.now();
      await wb.runCommand('Framework Guide: Open Comparison');
      const frame = wb.webview();
      const firstTable = frame.locator('#section-architecture table').first();
      await firstTable.waitFor({ timeout: 30000 });
      console.log(`      command → first table painted: ${Date.now() - started} ms`);
      const header = await firstTable.locator('thead').innerText();
      assert.match(header, /TensorFlow/);
      assert.match(header, /PyTorch/);
      const rowsBefore = await frame.locator('tbody tr:visible').count();
      assert.ok(rowsBefore > 5, `rows before filtering: ${rowsBefore}`);
      await wb.screenshot('panel-light');
      await frame.locator('#filter').fill('eager');
      await wb.page.waitForTimeout(400);
      const rowsAfter = await frame.locator('tbody tr:visible').count();
      assert.ok(rowsAfter > 0 && rowsAfter < rowsBefore, `rows after filtering "eager": ${rowsAfter} of ${rowsBefore}`);
      const visibleText = await frame.locator('tbody tr:visible').allInnerTexts();
      assert.ok(visibleText.every((t) => /eager/i.test(t)), `every visible row mentions eager: ${JSON.stringify(visibleText)}`);
      await wb.screenshot('panel-filtered');
    } finally {
      await wb.close();
    }
  });

  for (const theme of ['dark', 'highContrast'] as ThemeName[]) {
    test(`renders with theme colours in the ${theme} theme`, async () => {
      const wb = await Workbench.open({ theme });
      try {
        await wb.runCommand('Framework Guide: Open Comparison');
        const frame = wb.webview();
        await frame.locator('#section-architecture table').first().waitFor({ timeout: 30000 });
        const colors = await frame.locator('body').evaluate((b) => {
          const s = getComputedStyle(b);
          return { fg: s.color, bg: s.backgroundColor };
        });
        assert.notStrictEqual(colors.fg, colors.bg);
        // Dark themes paint a dark background: the sum of the RGB channels is low.
        const sum = (c: string) => (c.match(/\d+/g) ?? []).slice(0, 3).reduce((n, x) => n + Number(x), 0);
        assert.ok(sum(colors.bg) < 200, `background ${colors.bg} is dark in the ${theme} theme`);
        await wb.screenshot(`panel-${theme}`);
      } finally {
        await wb.close();
      }
    });
  }

  test('stacks the example columns at a narrow width', async () => {
    const wb = await Workbench.open({ theme: 'light', width: 900, height: 800 });
    try {
      await wb.runCommand('Framework Guide: Open Comparison');
      const frame = wb.webview();
      const pair = frame.locator('.example-pair').first();
      await pair.waitFor({ state: 'attached', timeout: 30000 });
      await pair.scrollIntoViewIfNeeded();
      const cols = frame.locator('.example-pair').first().locator('.example-col');
      const [a, b] = [await cols.nth(0).boundingBox(), await cols.nth(1).boundingBox()];
      assert.ok(a && b, 'both columns are laid out');
      assert.ok(b.y >= a.y + a.height - 1, `PyTorch column is below the TensorFlow column (${a.y}+${a.height} vs ${b.y})`);
      await wb.screenshot('panel-narrow');
    } finally {
      await wb.close();
    }
  });
});
