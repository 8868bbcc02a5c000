// Renders media/icon.svg (256x256 source) to media/icon.png at 128x128 with Debian's chromium, and previews it
// on light and dark backgrounds in out/icon-preview.png. Run after editing the SVG: node scripts/render-icon.mjs
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser } from './lib/codeServer.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const svg = fs.readFileSync(path.join(root, 'media', 'icon.svg'), 'utf8');
const dataUrl = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
const browser = await launchBrowser();
try {
  const page = await browser.newPage({ viewport: { width: 128, height: 128 } });
  await page.setContent(`<html><body style="margin:0;background:transparent"><img src="${dataUrl}" width="128" height="128"></body></html>`);
  await page.locator('img').screenshot({ path: path.join(root, 'media', 'icon.png'), omitBackground: true });
  const preview = await browser.newPage({ viewport: { width: 560, height: 300 } });
  const tile = (bg) => `<div style="background:${bg};padding:20px;display:inline-block"><img src="${dataUrl}" width="128"><img src="${dataUrl}" width="48" style="margin-left:16px"><img src="${dataUrl}" width="24" style="margin-left:16px"></div>`;
  await preview.setContent(`<html><body style="margin:0">${tile('#ffffff')}${tile('#1e1e1e')}</body></html>`);
  fs.mkdirSync(path.join(root, 'out'), { recursive: true });
  await preview.screenshot({ path: path.join(root, 'out', 'icon-preview.png') });
} finally {
  await browser.close();
}
console.log('media/icon.png written; preview in out/icon-preview.png');
