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
      // Plain-text details: no markdown backticks in the picker rows.
      const rows = await wb.page.locator('.quick-input-list .monaco-list-row').allInnerTexts();
      assert.ok(rows.length >= 1 && rows.every((r) => !r.includes('`')), `rows: ${JSON.stringify(rows.slice(0, 3))}`);
      // The preview's code is not under the picker: some of its code lines are fully outside the picker's box.
      const picker = await wb.page.locator('.quick-input-widget').boundingBox();
      const codeLines = wb.page.locator('.editor-group-container', { has: wb.page.locator('.tab.active', { hasText: 'lr-schedule.pytorch.py' }) }).locator('.view-line', { hasText: 'scheduler' });
      const boxes = (await Promise.all((await codeLines.all()).map((l) => l.boundingBox()))).filter((b) => b !== null);
      const outside = boxes.filter((b) => picker && (b.y >= picker.y + picker.height || b.y + b.height <= picker.y || b.x >= picker.x + picker.width));
      assert.ok(outside.length > 0, `preview lines ${JSON.stringify(boxes)} all under the picker ${JSON.stringify(picker)}`);
      await wb.screenshot('snippet-preview', { readme: 'snippets', keepTitleBar: true });
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
  test('both frameworks: task first, then the framework, each with its own plain-text detail and preview', async () => {
    const wb = await Workbench.open({ theme: 'dark' });
    try {
      await wb.openFile('train_torch.py', 'Classifier');
      await wb.page.keyboard.press('Control+End');
      await wb.page.keyboard.press('Enter');
      await wb.runCommand('Framework Guide: Insert Snippet');
      await wb.page.locator('.quick-input-widget .quick-input-title', { hasText: 'Insert Snippet' }).waitFor({ timeout: 15000 });
      // The filter button switches from "only PyTorch" to both frameworks: the two-step pick.
      await wb.page.locator('.quick-input-widget .quick-input-titlebar .action-label.codicon-filter').click();
      await wb.page.locator('.quick-input-widget input[placeholder*="both frameworks"]').waitFor({ timeout: 10000 });
      await wb.page.locator('.quick-input-widget .quick-input-title', { hasText: '1/2' }).waitFor({ timeout: 10000 });
      await wb.page.locator('.quick-input-widget input').focus();
      await wb.page.keyboard.type('Learning-rate');
      await wb.page.locator('.tab', { hasText: 'lr-schedule.py' }).waitFor({ timeout: 15000 });
      await wb.page.locator('.monaco-editor .view-line', { hasText: '--- PyTorch ---' }).first().waitFor({ timeout: 15000 });
      await wb.screenshot('snippet-step1-both');
      await wb.page.keyboard.press('Enter');
      await wb.page.locator('.quick-input-widget .quick-input-title', { hasText: '2/2' }).waitFor({ timeout: 15000 });
      const rows = await wb.page.locator('.quick-input-list .monaco-list-row').allInnerTexts();
      assert.strictEqual(rows.length, 2, JSON.stringify(rows));
      assert.ok(rows[0].includes('TensorFlow') && rows[1].includes('PyTorch'), JSON.stringify(rows));
      assert.notStrictEqual(rows[0].replace(/^.*\n/, ''), rows[1].replace(/^.*\n/, ''), 'the two rows say what differs');
      await wb.page.locator('.tab', { hasText: 'lr-schedule.tensorflow.py' }).waitFor({ timeout: 15000 });
      await wb.screenshot('snippet-step2-framework');
      await wb.page.keyboard.press('ArrowDown');
      await wb.page.locator('.tab', { hasText: 'lr-schedule.pytorch.py' }).waitFor({ timeout: 15000 });
      await wb.page.keyboard.press('Enter');
      await wb.page.locator('.tab', { hasText: 'lr-schedule' }).waitFor({ state: 'detached', timeout: 15000 });
      assert.strictEqual(await wb.page.locator('.editor-group-container').count(), 1, 'the preview group is gone');
      await wb.page.keyboard.press('Escape');
      await wb.editorWord('scheduler').waitFor({ timeout: 15000 });
    } finally {
      await wb.close();
    }
  });
});
