/**
 * Drives the real VS Code UI (code-server in Debian's chromium, through playwright-core) for the UI tests:
 * opening the workbench with this repo as the development extension, files, commands, hovers, webviews.
 * The server is started by scripts/test.mjs and described by FG_* environment variables.
 */
import * as fs from 'fs';
import * as path from 'path';
import { chromium, type Browser, type FrameLocator, type Locator, type Page } from 'playwright-core';

const env = (name: string): string => {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set: run the UI tests through \`npm test\` (scripts/test.mjs starts code-server)`);
  return v;
};

export const THEMES = { light: 'Default Light Modern', dark: 'Default Dark Modern', highContrast: 'Default High Contrast' } as const;
export type ThemeName = keyof typeof THEMES;

export const RESULTS_DIR = path.resolve(process.env.FG_ROOT ?? '.', 'test-results');

export class Workbench {
  /** The workspace-relative name of the file last opened with openFile(). */
  private lastFile: string | undefined;

  private constructor(
    readonly browser: Browser,
    readonly page: Page,
  ) {}

  /** Opens a new browser window on the workspace with the extension loaded, in the given theme. */
  static async open(options: { theme?: ThemeName; width?: number; height?: number } = {}): Promise<Workbench> {
    // A fresh window layout each time: otherwise VS Code restores the previous window's editor groups.
    // Likewise no untitled editors restored from earlier windows (hot-exit backups of the integration run).
    fs.rmSync(path.join(env('FG_CS_USER_DATA'), 'User', 'workspaceStorage'), { recursive: true, force: true });
    fs.rmSync(path.join(env('FG_CS_USER_DATA'), 'User', 'Backups'), { recursive: true, force: true });
    const settingsFile = path.join(env('FG_CS_USER_DATA'), 'User', 'settings.json');
    const settings = JSON.parse(fs.readFileSync(settingsFile, 'utf8')) as Record<string, unknown>;
    settings['workbench.colorTheme'] = THEMES[options.theme ?? 'light'];
    // No empty secondary side bar (chat) on the right of screenshots.
    settings['workbench.secondarySideBar.defaultVisibility'] = 'hidden';
    fs.writeFileSync(settingsFile, JSON.stringify(settings, null, 2));
    const browser = await chromium.launch({
      executablePath: process.env.FG_CHROMIUM ?? '/usr/bin/chromium',
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    const page = await browser.newPage({ viewport: { width: options.width ?? 1280, height: options.height ?? 800 } });
    const port = env('FG_CS_PORT');
    const payload = JSON.stringify([['extensionDevelopmentPath', `vscode-remote://127.0.0.1:${port}${env('FG_ROOT')}`]]);
    await page.goto(`${env('FG_CS_ORIGIN')}/?folder=${encodeURIComponent(env('FG_WORKSPACE'))}&payload=${encodeURIComponent(payload)}`);
    await page.waitForSelector('.monaco-workbench', { timeout: 60000 });
    await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 60000 });
    return new Workbench(browser, page);
  }

  async close(): Promise<void> {
    await this.browser.close();
  }

  /**
   * Saves a screenshot to test-results/<name>.png. With `readme`, also a copy for the README in
   * test-results/readme/<readme>.png without the title bar, whose "[Extension Development Host]" label only
   * exists because the tests load the extension from source.
   */
  async screenshot(name: string, options: { readme?: string; keepTitleBar?: boolean } = {}): Promise<string> {
    fs.mkdirSync(RESULTS_DIR, { recursive: true });
    const file = path.join(RESULTS_DIR, `${name}.png`);
    await this.page.screenshot({ path: file });
    if (options.readme) {
      fs.mkdirSync(path.join(RESULTS_DIR, 'readme'), { recursive: true });
      const titleBar = await this.page.locator('.part.titlebar').boundingBox();
      const viewport = this.page.viewportSize() ?? { width: 1280, height: 800 };
      // A picker drawn over the title bar (which then hides its label) keeps the whole window.
      const top = titleBar && !options.keepTitleBar ? Math.ceil(titleBar.y + titleBar.height) : 0;
      await this.page.screenshot({ path: path.join(RESULTS_DIR, 'readme', `${options.readme}.png`), clip: { x: 0, y: top, width: viewport.width, height: viewport.height - top } });
    }
    return file;
  }

  /** Quick Open (Ctrl+P) a workspace file and wait until the editor shows `expectText`. */
  async openFile(name: string, expectText: string): Promise<void> {
    await this.page.keyboard.press('Control+P');
    await this.page.waitForSelector('.quick-input-widget input', { state: 'visible' });
    await this.page.keyboard.type(name);
    await this.page.waitForSelector('.quick-input-list .monaco-list-row', { timeout: 10000 });
    await this.page.keyboard.press('Enter');
    this.lastFile = name;
    try {
      await this.editorWord(expectText).waitFor({ timeout: 20000 });
    } catch (err) {
      await this.screenshot(`failure-open-${name.replace(/\W+/g, '-')}`);
      throw err;
    }
  }

  editorWord(text: string) {
    return this.page.locator('.monaco-editor .view-lines .view-line span span', { hasText: text }).first();
  }

  /**
   * Clicks a word of the editor to place the cursor there. Retries: a hover or another overlay can be drawn over the
   * word and take the click; the mouse is moved out of the editor and Escape closes such widgets before each try.
   */
  async clickWord(word: string, attempts = 3): Promise<void> {
    await this.retry(
      attempts,
      `click-${word}`,
      async () => {
        await this.page.mouse.move(5, 700);
        await this.page.waitForSelector('.monaco-hover .hover-contents', { state: 'hidden', timeout: 5000 }).catch(() => undefined);
        await this.editorWord(word).click({ timeout: 10000 });
      },
      () => this.page.keyboard.press('Escape'),
    );
  }

  /**
   * Runs a command from the palette (F1) by its title. Retries: right after the window opens, the development
   * extension's commands may not be registered in the palette yet. Returns when Enter was pressed (ms).
   */
  async runCommand(title: string, attempts = 4): Promise<number> {
    const row = this.page.locator('.quick-input-list .monaco-list-row', { hasText: title.replace(/^.*: /, '') }).first();
    await this.retry(
      attempts,
      `command-${title}`,
      async () => {
        await this.page.keyboard.press('F1');
        await this.page.waitForSelector('.quick-input-widget input', { state: 'visible' });
        await this.page.keyboard.type(title);
        await row.waitFor({ timeout: 5000 });
      },
      async () => {
        await this.page.keyboard.press('Escape');
        await this.page.waitForSelector('.quick-input-widget', { state: 'hidden' });
      },
    );
    await this.page.keyboard.press('Enter');
    return Date.now();
  }

  /**
   * Opens the quick fix menu (Ctrl+.) on the first occurrence of `word` in the file last opened with openFile(), and
   * returns it. The cursor is placed with Quick Open's `:line:column`, not with the mouse: a click can land on a hover
   * or another overlay drawn over the word. Retries: a Ctrl+. that lands while the editor is still taking focus, or
   * while VS Code is re-requesting code actions, opens no menu.
   */
  async quickFixMenu(word: string, attempts = 4): Promise<Locator> {
    if (!this.lastFile) throw new Error('quickFixMenu() needs a file opened with openFile()');
    const lines = fs.readFileSync(path.join(env('FG_WORKSPACE'), this.lastFile), 'utf8').split(/\r?\n/);
    const line = lines.findIndex((l) => l.includes(word));
    if (line < 0) throw new Error(`${word} is not in ${this.lastFile}`);
    const column = lines[line].indexOf(word) + 1;
    const menu = this.page.locator('.action-widget').first();
    // Out of the editor, so that no hover opens over the word or the menu.
    await this.page.mouse.move(5, 700);
    return this.retry(
      attempts,
      `quick-fix-${word}`,
      async () => {
        await this.page.keyboard.press('Control+P');
        await this.page.waitForSelector('.quick-input-widget input', { state: 'visible' });
        await this.page.keyboard.type(`:${line + 1}:${column}`);
        await this.page.keyboard.press('Enter');
        await this.page.waitForSelector('.quick-input-widget', { state: 'hidden' });
        await this.page.keyboard.press('Control+.');
        await menu.waitFor({ timeout: 5000 });
        return menu;
      },
      () => this.page.keyboard.press('Escape'),
    );
  }

  /** Runs `attempt` up to `attempts` times, with `recover` between tries; the last failure leaves a screenshot. */
  private async retry<T>(attempts: number, what: string, attempt: () => Promise<T>, recover: () => Promise<void>): Promise<T> {
    for (let i = 1; ; i++) {
      try {
        return await attempt();
      } catch (err) {
        if (i >= attempts) {
          await this.screenshot(`failure-${what.replace(/\W+/g, '-')}`);
          throw err;
        }
        await recover();
      }
    }
  }

  /** Hovers the mouse over a token in the editor until a hover containing `expect` shows; returns its text. */
  async hover(token: string, expect: string, tries = 8): Promise<string> {
    let text = '';
    for (let i = 0; i < tries && !text.includes(expect); i++) {
      const box = await this.editorWord(token).boundingBox().catch(() => null);
      if (!box) {
        await this.editorWord(token).waitFor({ state: 'visible', timeout: 5000 }).catch(() => undefined);
        continue;
      }
      await this.page.mouse.move(box.x + 2, box.y + box.height / 2);
      await this.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 3 });
      try {
        await this.page.waitForSelector('.monaco-hover .hover-contents', { state: 'visible', timeout: 3000 });
        text = await this.page.locator('.monaco-hover').first().innerText();
      } catch {
        text = '';
      }
      if (!text.includes(expect)) {
        await this.page.mouse.move(5, 700);
        await this.page.waitForSelector('.monaco-hover .hover-contents', { state: 'hidden', timeout: 5000 }).catch(() => undefined);
      }
    }
    return text;
  }

  /** The active webview's content frame. */
  webview(): FrameLocator {
    return this.page.frameLocator('iframe.webview.ready').last().frameLocator('#active-frame');
  }

  /** The text of the active editor, read through the DOM lines (for short files). */
  async editorText(): Promise<string> {
    const lines = await this.page.locator('.monaco-editor .view-lines .view-line').allInnerTexts();
    return lines.join('\n').replace(/\u00a0/g, ' ');
  }
}
