import * as assert from 'assert';
import { Workbench } from './workbench';

suite('UI: diagnostics and quick fixes', function () {
  this.timeout(120000);

  test('tf.Session is squiggled and the quick fix menu offers the compat rename', async () => {
    const wb = await Workbench.open({ theme: 'light' });
    try {
      await wb.openFile('legacy_tf1.py', 'Session');
      await wb.page.locator('.monaco-editor .squiggly-warning').first().waitFor({ timeout: 30000 });
      await wb.editorWord('Session').click();
      await wb.page.keyboard.press('Control+.');
      const menu = wb.page.locator('.action-widget').first();
      await menu.waitFor({ timeout: 15000 });
      const text = await menu.innerText();
      assert.match(text, /Replace with tf\.compat\.v1\.Session/);
      assert.match(text, /Show the equivalent in the Framework Guide panel/);
      await wb.screenshot('diagnostics-quick-fix');
    } finally {
      await wb.close();
    }
  });
});
