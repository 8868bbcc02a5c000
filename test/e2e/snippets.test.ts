import * as assert from 'assert';
import { Workbench } from './workbench';

suite('UI: insert snippet', function () {
  this.timeout(120000);

  test('pick a task, see the preview beside the editor, accept, read the inserted code', async () => {
    const wb = await Workbench.open({ theme: 'light' });
    try {
      await wb.openFile('train_torch.py', 'Classifier');
      await wb.page.keyboard.press('Control+End');
      await wb.page.keyboard.press('Enter');
      await wb.runCommand('Framework Guide: Insert Snippet');
      await wb.page.locator('.quick-input-widget .quick-input-title', { hasText: 'Insert Snippet' }).waitFor({ timeout: 15000 });
      await wb.page.keyboard.type('Learning-rate');
      const preview = wb.page.locator('.tab', { hasText: 'lr-schedule.pytorch.py' });
      await preview.waitFor({ timeout: 15000 }).catch(async (err) => {
        await wb.screenshot('failure-snippet-preview');
        throw err;
      });
      await wb.page.locator('.monaco-editor .view-line', { hasText: 'Preview:' }).first().waitFor({ timeout: 15000 });
      await wb.screenshot('snippet-preview');
      await wb.page.keyboard.press('Enter');
      await preview.waitFor({ state: 'detached', timeout: 15000 });
      await wb.page.keyboard.press('Escape');
      await wb.editorWord('scheduler').waitFor({ timeout: 15000 });
      const text = await wb.editorText();
      assert.match(text, /scheduler/);
      assert.match(text, /lr_scheduler/);
      await wb.screenshot('snippet-inserted');
    } finally {
      await wb.close();
    }
  });
});
