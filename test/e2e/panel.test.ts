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
      await wb.screenshot('panel-light', { readme: 'panel' });
      await frame.locator('#filter').fill('eager');
      await frame.locator('#match-count', { hasText: /\bin\b/ }).waitFor({ timeout: 10000 });
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
        await wb.screenshot(`panel-${theme}`, theme === 'dark' ? { readme: 'panel-dark' } : {});
        // Filter matches stay visible in this theme too.
        await frame.locator('#filter').fill('ONNX');
        await frame.locator('#match-count', { hasText: /\bin\b/ }).waitFor({ timeout: 10000 });
        await wb.screenshot(`panel-filter-${theme}`);
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
      await frame.locator('#match-count', { hasText: /\bin\b/ }).waitFor({ timeout: 10000 });
      // Hide the panel: with its group active, open another file there from the Explorer (keyboard
      // shortcuts would go to the focused webview), then bring the panel back.
      await wb.page.locator('.tab', { hasText: 'Framework Guide' }).click();
      await wb.page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'train_keras.py' }).click();
      await wb.editorWord('build_model').waitFor({ timeout: 20000 });
      assert.strictEqual(await wb.page.locator('.tab.active', { hasText: 'Framework Guide' }).count(), 0, 'the panel is hidden behind train_keras.py');
      await wb.page.locator('.tab', { hasText: 'Framework Guide' }).click();
      // The re-created webview shows #filter before its script restored the state: wait for the script.
      await wb.webview().locator('body[data-ready="true"]').waitFor({ timeout: 30000 });
      assert.strictEqual(await wb.webview().locator('#filter').inputValue(), 'ONNX', 'filter kept after hiding');

      // Reload as a user does (Developer: Reload Window): the workbench shuts down in order and saves the
      // webview state it holds, instead of a raw page reload racing that save.
      await wb.runCommand('Developer: Reload Window');
      await wb.page.waitForSelector('.monaco-workbench', { timeout: 60000 });
      await wb.page.locator('.tab', { hasText: 'Framework Guide' }).first().waitFor({ timeout: 60000 });
      await wb.page.locator('.tab', { hasText: 'Framework Guide' }).first().click();
      await wb.webview().locator('body[data-ready="true"]').waitFor({ timeout: 60000 });
      const restored = wb.webview().locator('#filter');
      assert.strictEqual(await restored.inputValue(), 'ONNX', 'filter restored by the serializer after a reload');
      await wb.screenshot('panel-restored');
    } finally {
      await wb.close();
    }
  });
  test('the filter highlights what matched and counts it; jumps land below the sticky bar; padded tables; scrollable code', async () => {
    const wb = await Workbench.open({ theme: 'light' });
    try {
      await wb.runCommand('Framework Guide: Open Comparison');
      const frame = wb.webview();
      await frame.locator('body[data-ready="true"]').waitFor({ timeout: 30000 });
      await frame.locator('#section-architecture table').first().waitFor({ timeout: 30000 });

      // A contents entry far down the page: its heading ends up below the sticky filter bar, not under it.
      const tocLinks = frame.locator('.toc a');
      const last = tocLinks.nth((await tocLinks.count()) - 2);
      const target = ((await last.getAttribute('href')) ?? '').slice(1);
      await last.click();
      // The jump scrolls, then focuses the heading: once it has focus, the scroll is done.
      const heading = frame.locator(`#${target} :is(h1, h2):focus`).first();
      await heading.waitFor({ timeout: 10000 });
      const bar = await frame.locator('.toolbar').boundingBox();
      const box = await heading.boundingBox();
      assert.ok(bar && box, 'toolbar and heading are laid out');
      assert.ok(box.y >= bar.y + bar.height, `heading top ${box.y} is below the filter bar bottom ${bar.y + bar.height}`);
      await wb.screenshot('panel-jump');

      // Tables keep a margin from the right edge (where the webview's scrollbar sits).
      const tableRight = await frame.locator('table').first().evaluate((t) => ({ right: t.getBoundingClientRect().right, width: document.documentElement.clientWidth }));
      assert.ok(tableRight.right <= tableRight.width - 16, `table right edge ${tableRight.right} of ${tableRight.width}`);

      // Example code wider than its column is marked: its cut edge fades out (scrollbars can be hidden overlays),
      // and the fade goes once it is scrolled to the end.
      const pres = await frame.locator('pre.code').evaluateAll((els) =>
        (els as HTMLElement[]).map((p) => ({ wide: p.scrollWidth > p.clientWidth + 1, marked: p.classList.contains('overflows'), mask: getComputedStyle(p).maskImage || getComputedStyle(p).webkitMaskImage })),
      );
      const wide = pres.filter((p) => p.wide);
      assert.ok(wide.length > 0, 'some example has lines wider than its column');
      assert.ok(wide.every((p) => p.marked && p.mask !== 'none'), `wide examples marked and faded: ${JSON.stringify(wide)}`);
      assert.ok(pres.filter((p) => !p.wide).every((p) => !p.marked), 'only wide examples are marked');
      const first = frame.locator('pre.code.overflows').first();
      await first.evaluate((p) => p.scrollTo({ left: p.scrollWidth }));
      await frame.locator('pre.code.overflows.at-end').first().waitFor({ timeout: 10000 });

      await frame.locator('#filter').fill('ONNX');
      const count = frame.locator('#match-count', { hasText: /\bin\b/ });
      await count.waitFor({ timeout: 10000 });
      assert.match(await count.innerText(), /^\d+ match(es)? in \d+ sections?$/);
      const counted = Number(await frame.locator('#match-count').getAttribute('data-count'));
      const highlighted = await frame.locator('body').evaluate(() => CSS.highlights.get('fg-match')?.size ?? 0);
      assert.ok(counted > 0 && highlighted === counted, `${highlighted} highlighted ranges for ${counted} counted matches`);
      // Typing brings the first match into view.
      const firstInView = await frame.locator('body').evaluate(() => {
        const first = [...(CSS.highlights.get('fg-match') ?? [])][0] as Range | undefined;
        const box = first?.getBoundingClientRect();
        return !!box && box.top >= 0 && box.bottom <= window.innerHeight;
      });
      assert.ok(firstInView, 'the first match is scrolled into view');
      await wb.screenshot('panel-filter-highlight');
      await frame.locator('#filter').fill('');
      await frame.locator('#match-count[data-count="0"]').waitFor({ state: 'attached', timeout: 10000 });
      assert.strictEqual(await frame.locator('#match-count').innerText(), '', 'no count without a query');
      assert.strictEqual(await frame.locator('body').evaluate(() => CSS.highlights.has('fg-match')), false, 'no highlight without a query');
    } finally {
      await wb.close();
    }
  });
});
