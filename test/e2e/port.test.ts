/** UI: the Port to Keras CodeLens above a PyTorch model opens the Keras model beside the original. */
import * as assert from 'assert';
import { Workbench, type ThemeName } from './workbench';

suite('UI: port a model', function () {
  this.timeout(120000);

  for (const theme of ['light', 'dark'] as ThemeName[]) {
    test(`the "Port to Keras" lens above nn.Module opens the Keras model beside the original (${theme})`, async () => {
      const wb = await Workbench.open({ theme });
      try {
        await wb.openFile('train_torch.py', 'Classifier');
        const lens = wb.page.locator('.monaco-editor .codelens-decoration a', { hasText: 'Port to Keras' }).first();
        await lens.waitFor({ timeout: 30000 });
        await wb.screenshot(`port-lens-${theme}`);
        await lens.click();
        // The ported model opens in a second editor group as an untitled Python document.
        const ported = wb.page.locator('.editor-group-container').nth(1).locator('.monaco-editor .view-lines');
        await ported.locator('.view-line', { hasText: 'class Classifier(keras.Model):' }).first().waitFor({ timeout: 30000 });
        const text = (await ported.innerText()).replace(/\u00a0/g, ' ');
        assert.match(text, /import keras/);
        assert.match(text, /keras\.layers\.Dense\(128\)/);
        const tabs = await wb.page.locator('.tabs-container .tab').allInnerTexts();
        assert.ok(tabs.some((t) => t.replace(/\s+/g, '').includes('train_torch.py')), `the original stays open: ${tabs.join(' | ')}`);
        await wb.screenshot(`port-result-${theme}`);
      } finally {
        await wb.close();
      }
    });
  }
});
