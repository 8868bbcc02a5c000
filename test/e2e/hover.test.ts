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
        await wb.screenshot(`hover-${theme}`, theme === 'light' ? { readme: 'hover' } : {});
        // The command link opens the panel on nn.Linear next to keras.layers.Dense, its title focused below the filter bar.
        await wb.page.locator('.monaco-hover a', { hasText: 'Compare in panel' }).first().click();
        const title = wb.webview().locator('#compare-title:focus');
        await title.waitFor({ timeout: 30000 });
        const view = wb.webview().locator('#compare');
        assert.match((await title.textContent()) ?? '', /torch\.nn\.Linear ⇄ keras\.layers\.Dense/);
        const shown = (await view.textContent()) ?? '';
        assert.match(shown, /out_features/);
        assert.match(shown, /use_bias/);
        assert.match(shown, /Paired example/);
        const [bar, box] = [await wb.webview().locator('.toolbar').boundingBox(), await title.boundingBox()];
        assert.ok(bar && box && box.y >= bar.y + bar.height, `title ${box?.y} below the filter bar ${bar ? bar.y + bar.height : '?'}`);
        await wb.page.mouse.move(2, 400); // off the hover, so the screenshot shows the panel
        await wb.page.locator('.monaco-hover').first().waitFor({ state: 'hidden', timeout: 10000 }).catch(() => undefined);
        await wb.screenshot(`hover-compare-in-panel-${theme}`);
        await wb.webview().locator('.compare-table').first().scrollIntoViewIfNeeded();
        await wb.screenshot(`compare-arguments-${theme}`);
        // Keyboard: the close button is reachable and hides the view.
        await wb.webview().locator('.compare-close').focus();
        await wb.page.keyboard.press('Enter');
        await wb.webview().locator('#compare[hidden]').waitFor({ state: 'attached', timeout: 10000 });
      } finally {
        await wb.close();
      }
    });
  }
  for (const theme of ['light', 'dark', 'highContrast'] as ThemeName[]) {
    test(`a removed API (tf.Session) answers first and leaves VS Code's Quick Fix row in view (${theme})`, async () => {
      const wb = await Workbench.open({ theme });
      try {
        await wb.openFile('legacy_tf1.py', 'Session');
        await wb.page.locator('.monaco-editor .squiggly-warning').first().waitFor({ timeout: 30000 });
        // Wait for our part of the hover: the diagnostic's part (source "Framework Guide") can render first.
        const text = await wb.hover('Session', 'Use instead');
        const ours = text.slice(text.indexOf('Framework Guide ·'));
        assert.match(ours, /^Framework Guide · TensorFlow class: tf\.Session\s+Removed in TensorFlow 2\.0[^\n]*\s+Use instead: tensorflow\.compat\.v1\.Session/);
        assert.doesNotMatch(text, /Checked against/, 'no provenance line');
        const hover = wb.page.locator('.monaco-hover').first();
        const row = hover.locator('.hover-row.status-bar', { hasText: 'Quick Fix' }).first();
        await row.waitFor({ timeout: 10000 });
        const [h, r] = [await hover.boundingBox(), await row.boundingBox()];
        assert.ok(h && r, 'hover and action row are laid out');
        assert.ok(r.y >= h.y && r.y + r.height <= h.y + h.height + 1, `Quick Fix row ${r.y}..${r.y + r.height} inside the hover ${h.y}..${h.y + h.height}`);
        await wb.screenshot(`hover-removed-${theme}`);
        // The longest TF1 note (tf.placeholder: graph mode, keras.Input) under its diagnostic: no inner scrollbar, the
        // Quick Fix row still inside the hover.
        await wb.page.mouse.move(2, 400);
        const placeholder = await wb.hover('placeholder', 'Use instead');
        assert.match(placeholder, /Use instead \(change by hand\): keras\.Input/);
        const long = wb.page.locator('.monaco-hover').first();
        const fixRow = long.locator('.hover-row.status-bar', { hasText: 'Quick Fix' }).first();
        await fixRow.waitFor({ timeout: 10000 });
        await wb.screenshot(`hover-removed-placeholder-${theme}`);
        const [outer, fixBox] = [await long.boundingBox(), await fixRow.boundingBox()];
        assert.ok(outer && fixBox && fixBox.y + fixBox.height <= outer.y + outer.height + 1, `the Quick Fix row ${fixBox?.y}+${fixBox?.height} is inside the placeholder hover ${outer?.y}+${outer?.height}`);
        const scrolls = await long.locator('.monaco-scrollable-element > .scrollbar.vertical.visible').count();
        assert.strictEqual(scrolls, 0, 'no inner scrollbar in the placeholder hover');
      } finally {
        await wb.close();
      }
    });
  }
});
