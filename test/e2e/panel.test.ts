import * as assert from 'assert';
import { Workbench, type ThemeName } from './workbench';

suite('UI: comparison panel', function () {
  this.timeout(120000);

  test('opens from the command palette, shows the tables, filters rows as you type (light theme)', async () => {
    const wb = await Workbench.open({ theme: 'light' });
    try {
      const started = await wb.runCommand('Framework Guide: Open Comparison');
      const frame = wb.webview();
      const firstTable = frame.locator('#section-architecture table').first();
      await firstTable.waitFor({ timeout: 30000 });
      console.log(`      fresh window, extension activated by the command: command → first table painted: ${Date.now() - started} ms`);
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
  test('Copy and Insert buttons work; the filter survives hiding and the panel comes back after a reload', async () => {
    const wb = await Workbench.open({ theme: 'light' });
    try {
      await wb.openFile('train_torch.py', 'Classifier');
      await wb.page.keyboard.press('Control+End');
      await wb.page.keyboard.press('Enter');
      const opened = await wb.runCommand('Framework Guide: Open Comparison');
      const frame = wb.webview();
      await frame.locator('#section-architecture table').first().waitFor({ timeout: 30000 });
      console.log(`      with the extension already active: command → first table painted: ${Date.now() - opened} ms`);
      const button = (action: string) => frame.locator(`button[data-action="${action}"][data-example="examples--saving-and-loading"][data-framework="pytorch"]`);
      await button('copy').waitFor({ state: 'attached', timeout: 30000 });
      await button('copy').scrollIntoViewIfNeeded();
      await button('copy').click();
      await frame.locator('button[data-action="copy"]', { hasText: 'Copied' }).first().waitFor({ timeout: 10000 });
      await button('insert').click();
      await wb.page.locator('.monaco-editor .view-line', { hasText: 'torch.save(' }).first().waitFor({ timeout: 15000 });
      await wb.screenshot('panel-insert');

      await frame.locator('#filter').fill('ONNX');
      await wb.page.waitForTimeout(500);
      // Hide the panel: with its group active, open another file there from the Explorer (keyboard
      // shortcuts would go to the focused webview), then bring the panel back.
      await wb.page.locator('.tab', { hasText: 'Framework Guide' }).click();
      await wb.page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'train_keras.py' }).click();
      await wb.editorWord('build_model').waitFor({ timeout: 20000 });
      assert.strictEqual(await wb.page.locator('.tab.active', { hasText: 'Framework Guide' }).count(), 0, 'the panel is hidden behind train_keras.py');
      await wb.page.locator('.tab', { hasText: 'Framework Guide' }).click();
      await wb.webview().locator('#filter').waitFor({ timeout: 30000 });
      assert.strictEqual(await wb.webview().locator('#filter').inputValue(), 'ONNX', 'filter kept after hiding');

      // The workbench persists webview state asynchronously; give it a moment before reloading.
      await wb.page.waitForTimeout(2000);
      await wb.page.reload();
      await wb.page.waitForSelector('.monaco-workbench', { timeout: 60000 });
      await wb.page.locator('.tab', { hasText: 'Framework Guide' }).first().waitFor({ timeout: 60000 });
      await wb.page.locator('.tab', { hasText: 'Framework Guide' }).first().click();
      const restored = wb.webview().locator('#filter');
      await restored.waitFor({ timeout: 60000 });
      assert.strictEqual(await restored.inputValue(), 'ONNX', 'filter restored by the serializer after a reload');
      await wb.screenshot('panel-restored');
    } finally {
      await wb.close();
    }
  });
});
