import * as assert from 'assert';
import { Workbench } from './workbench';

suite('UI: diagnostics and quick fixes', function () {
  this.timeout(120000);

  test('tf.Session is squiggled and the quick fix menu offers the compat rename', async () => {
    const wb = await Workbench.open({ theme: 'light' });
    try {
      await wb.openFile('legacy_tf1.py', 'Session');
      await wb.page.locator('.monaco-editor .squiggly-warning').first().waitFor({ timeout: 30000 });
      const menu = await wb.quickFixMenu('Session');
      const text = await menu.innerText();
      assert.match(text, /Replace with tf\.compat\.v1\.Session/);
      assert.match(text, /Show the equivalent in the Framework Guide panel/);
      await wb.screenshot('diagnostics-quick-fix', { readme: 'diagnostics' });
    } finally {
      await wb.close();
    }
  });
  test('a replacement that is not automatic is not offered as an action; Problems rows lead with the action', async () => {
    const wb = await Workbench.open({ theme: 'light' });
    try {
      await wb.openFile('legacy_tf1.py', 'placeholder');
      await wb.page.locator('.monaco-editor .squiggly-warning').first().waitFor({ timeout: 30000 });
      const menu = await wb.quickFixMenu('placeholder');
      await menu.locator('.monaco-list-row', { hasText: 'Ignore FG-tensorflow.placeholder' }).first().waitFor({ timeout: 10000 });
      // VS Code leaves disabled code actions out of the Ctrl+. menu (they show greyed only in filtered menus):
      // no entry may look like an action that does nothing, and none may be a runnable rename.
      const rows = await menu.locator('.monaco-list-row').allInnerTexts();
      assert.ok(!rows.some((r) => /Why no automatic fix/.test(r)), JSON.stringify(rows));
      assert.ok(!rows.some((r) => /Replace with keras\.Input/.test(r) && !/disabled/.test(r)), JSON.stringify(rows));
      const disabled = await menu.locator('.monaco-list-row.option.disabled', { hasText: 'Replace with' }).count();
      const enabledReplace = await menu.locator('.monaco-list-row.option:not(.disabled)', { hasText: 'Replace with' }).count();
      assert.strictEqual(enabledReplace, 0, `no runnable rename (greyed entries: ${disabled})`);
      await wb.screenshot('diagnostics-disabled-fix');
      await wb.page.keyboard.press('Escape');

      await wb.page.keyboard.press('Control+Shift+M');
      const row = wb.page.locator('.markers-panel .monaco-list-row .marker-message-details, .markers-panel .monaco-list-row .marker-message', { hasText: 'tf.placeholder is removed' }).first();
      await row.waitFor({ timeout: 15000 });
      assert.match(await row.innerText(), /^Use \S+ instead: tf\.placeholder is removed/);
      await wb.screenshot('diagnostics-problems');
    } finally {
      await wb.close();
    }
  });
  test('workspace scan results open in their own view with real plurals; file rows do not repeat the file name', async () => {
    const wb = await Workbench.open({ theme: 'light' });
    try {
      await wb.runCommand('Framework Guide: Scan Workspace for Deprecated APIs');
      const sidebar = wb.page.locator('.part.sidebar');
      await sidebar.locator('.composite.title', { hasText: /Framework Guide/i }).waitFor({ timeout: 60000 });
      const tree = sidebar.locator('.pane', { hasText: /Deprecated Framework APIs/i });
      const rows = tree.locator('.monaco-list-row');
      await rows.first().waitFor({ timeout: 60000 });
      await tree.locator('.monaco-list-row .label-description', { hasText: /finding/ }).first().waitFor({ timeout: 30000 });
      const rowTexts = await rows.evaluateAll((els) =>
        els.map((el) => ({ name: el.querySelector('.label-name')?.textContent ?? '', description: el.querySelector('.label-description')?.textContent ?? '' })),
      );
      assert.ok(rowTexts.length > 3, JSON.stringify(rowTexts));
      for (const row of rowTexts) {
        assert.doesNotMatch(row.description, /\(s\)/, `no "finding(s)": ${row.description}`);
        if (/\.(py|ipynb)$/.test(row.name)) assert.ok(!row.description.includes(row.name), `file row repeats its name: ${JSON.stringify(row)}`);
      }
      assert.ok(rowTexts.some((r) => /^1 finding$/.test(r.description)) || rowTexts.some((r) => /^\d+ findings$/.test(r.description)), JSON.stringify(rowTexts));
      await wb.screenshot('scan-view');
    } finally {
      await wb.close();
    }
  });
});
