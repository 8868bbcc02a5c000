import * as assert from 'assert';
import { Workbench, type ThemeName } from './workbench';

suite('UI: Migrate This File', function () {
  this.timeout(150000);

  for (const theme of ['light', 'dark'] as ThemeName[]) {
    test(`the command from the palette opens the refactor preview with each fix (${theme})${theme === 'light' ? '; Apply, then one Ctrl+Z takes it back' : ''}`, async () => {
      const wb = await Workbench.open({ theme });
      try {
        await wb.openFile('legacy_tf1.py', 'Session');
        await wb.page.locator('.monaco-editor .squiggly-warning').first().waitFor({ timeout: 30000 });
        const before = await wb.editorText();
        await wb.runCommand('Framework Guide: Migrate This File');
        // VS Code's Refactor Preview view: the changes as a tree, with Apply and Discard.
        const pane = wb.page.locator('.bulk-edit-panel').first();
        await pane.waitFor({ timeout: 20000 }).catch(async (err) => {
          await wb.screenshot(`failure-migrate-preview-${theme}`);
          throw err;
        });
        const session = pane.locator('.monaco-list-row', { hasText: 'tf.compat.v1.Session' }).first();
        await session.waitFor({ timeout: 10000 });
        assert.ok(await pane.locator('.monaco-list-row', { hasText: 'tf.compat.v1.global_variables_initializer' }).count(), 'both fixes listed');
        // Entries that need confirmation start unticked (nothing is applied unseen): tick the file, i.e. all its fixes.
        const fileRow = pane.locator('.monaco-list-row', { hasText: 'legacy_tf1.py' }).first();
        await fileRow.locator('.monaco-custom-toggle, input[type=checkbox]').first().click();
        // Selecting an entry opens the preview's diff of the file.
        await session.click();
        await wb.page.locator('.monaco-diff-editor').first().waitFor({ timeout: 15000 });
        await wb.page.waitForTimeout(800);
        await wb.screenshot(`migrate-preview-${theme}`, theme === 'light' ? { readme: 'migrate-preview' } : {});
        // Grouped by type, the rows are the fixes' titles (the entries' labels).
        await wb.page.locator('[aria-label="Group Changes By Type"]').first().click();
        await pane.locator('.monaco-list-row', { hasText: 'Replace with tf.compat.v1.Session' }).first().waitFor({ timeout: 10000 });
        await wb.page.waitForTimeout(500);
        await wb.screenshot(`migrate-preview-by-fix-${theme}`);
        await wb.page.locator('[aria-label="Group Changes By File"]').first().click();
        if (theme === 'dark') {
          // Discard: the sample file stays as it was.
          await pane.locator('.monaco-button', { hasText: 'Discard' }).first().click();
          await pane.waitFor({ state: 'hidden', timeout: 10000 }).catch(() => undefined);
          assert.strictEqual(await wb.editorText(), before);
          return;
        }
        await pane.locator('.monaco-button', { hasText: 'Apply' }).first().click();
        await wb.page.waitForFunction(() => document.querySelector('.monaco-editor .view-lines')?.textContent?.includes('tf.compat.v1.Session'), undefined, { timeout: 15000 });
        const after = await wb.editorText();
        assert.match(after, /with tf\.compat\.v1\.Session\(\) as sess:/);
        assert.match(after, /sess\.run\(tf\.compat\.v1\.global_variables_initializer\(\)\)/);
        await wb.editorWord('import').click();
        await wb.page.keyboard.press('Control+Z');
        await wb.page.waitForTimeout(800);
        assert.strictEqual(await wb.editorText(), before, 'one undo restores the file');
      } finally {
        await wb.close();
      }
    });
  }
});
