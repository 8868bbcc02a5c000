import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
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
        await wb.page.locator('.monaco-diff-editor .editor.modified .view-lines', { hasText: 'compat.v1.Session' }).first().waitFor({ timeout: 15000 });
        await wb.screenshot(`migrate-preview-${theme}`, theme === 'light' ? { readme: 'migrate-preview' } : {});
        // Grouped by type, the rows are the fixes' titles (the entries' labels).
        await wb.page.locator('[aria-label="Group Changes By Type"]').first().click();
        await pane.locator('.monaco-list-row', { hasText: 'Replace with tf.compat.v1.Session' }).first().waitFor({ timeout: 10000 });
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
        await wb.clickWord('import');
        await wb.page.keyboard.press('Control+Z');
        await wb.page.waitForFunction(() => !document.querySelector('.monaco-editor .view-lines')?.textContent?.includes('compat.v1'), undefined, { timeout: 15000 });
        assert.strictEqual(await wb.editorText(), before, 'one undo restores the file');
      } finally {
        await wb.close();
      }
    });
  }

  test('a notebook: a dialog lists the fixes; after Apply one Ctrl+Z in a cell restores every cell', async () => {
    // A copy of the notebook fixture in the workspace, removed again afterwards (other tests count the sample files).
    const notebookFile = path.join(process.env.FG_WORKSPACE ?? '.', 'migrate_demo.ipynb');
    fs.copyFileSync(path.resolve(process.env.FG_ROOT ?? '.', 'test', 'fixtures', 'fixes', 'tf1_cells.ipynb'), notebookFile);
    const wb = await Workbench.open({ theme: 'light' });
    try {
      await wb.openFile('migrate_demo.ipynb', 'keep_dims');
      const cellText = async () => (await wb.page.locator('.notebook-editor .cell-list-container .monaco-editor .view-lines').allInnerTexts()).map((t) => t.replace(/\u00a0/g, ' '));
      const before = await cellText();
      await wb.clickWord('keep_dims');
      await wb.runCommand('Framework Guide: Migrate This File');
      // The Refactor Preview would show every cell's edits on one cell: a notebook gets a dialog listing the fixes.
      const dialog = wb.page.locator('.monaco-dialog-box').first();
      await dialog.waitFor({ timeout: 20000 });
      const text = await dialog.innerText();
      assert.match(text, /Apply 6 safe fixes to migrate_demo\.ipynb\?/);
      assert.match(text, /Rename keyword keep_dims= to keepdims=/);
      assert.match(text, /Replace with tf\.compat\.v1\.Session \(×2\)/);
      await wb.screenshot('migrate-dialog-notebook-light');
      await dialog.locator('.monaco-button', { hasText: 'Apply' }).first().click();
      await wb.page.waitForFunction(
        () => [...document.querySelectorAll('.notebook-editor .cell-list-container .monaco-editor .view-lines')].some((e) => e.textContent?.replace(/\u00a0/g, ' ').includes('keepdims=True')),
        undefined,
        { timeout: 15000 },
      );
      const after = await cellText();
      assert.ok(after.some((t) => t.includes('with torch.amp.autocast("cuda", enabled=True):')), JSON.stringify(after));
      assert.ok(after.some((t) => t.endsWith('from torch.cuda.amp import autocast\nimport torch')), 'the import went to the imports cell');
      await wb.clickWord('keepdims');
      await wb.page.keyboard.press('Control+Z');
      await wb.page.waitForFunction(
        () => [...document.querySelectorAll('.notebook-editor .cell-list-container .monaco-editor .view-lines')].some((e) => e.textContent?.replace(/\u00a0/g, ' ').includes('keep_dims=True')),
        undefined,
        { timeout: 15000 },
      );
      await wb.screenshot('migrate-notebook-after-undo-light');
      // Cells below the fold are not rendered: compare what is on screen in the three edited cells.
      const undone = await cellText();
      assert.ok(undone.some((t) => t.includes('keep_dims=True')), JSON.stringify(undone));
      assert.ok(undone.some((t) => t.includes('with autocast(enabled=True):')), 'the other cell is restored by the same undo');
      assert.ok(undone.some((t) => t.endsWith('from torch.cuda.amp import autocast')), 'the added import is gone');
      assert.deepStrictEqual(undone.slice(0, 2), before.slice(0, 2));
    } finally {
      await wb.close();
      fs.rmSync(notebookFile, { force: true });
    }
  });
});
