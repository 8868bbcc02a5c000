import * as assert from 'assert';
import { Workbench, type ThemeName } from './workbench';

suite('UI: hovers', function () {
  this.timeout(120000);

  for (const theme of ['light', 'dark'] as ThemeName[]) {
    test(`the mouse over nn.Linear shows our note with the Keras equivalent (${theme})`, async () => {
      const wb = await Workbench.open({ theme });
      try {
        await wb.openFile('train_torch.py', 'Classifier');
        const text = await wb.hover('Linear', 'Framework Guide');
        assert.match(text, /nn\.Linear → torch\.nn\.Linear/);
        assert.match(text, /keras\.layers\.Dense/);
        assert.match(text, /Compare in panel/);
        await wb.screenshot(`hover-${theme}`);
        if (theme === 'light') {
          // The command link opens the comparison panel.
          await wb.page.locator('.monaco-hover a', { hasText: 'Compare in panel' }).first().click();
          await wb.webview().locator('#section-architecture').waitFor({ timeout: 30000 });
          await wb.screenshot('hover-compare-in-panel');
        }
      } finally {
        await wb.close();
      }
    });
  }
});
