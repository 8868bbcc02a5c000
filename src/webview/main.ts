/** Browser code of the comparison panel: filter, table of contents, deep links, example actions, saved state. */
import { parseHostMessage, parsePanelState, type PanelState, type WebviewMessage, type Framework } from './protocol';
import { renderCompare } from './compare';

interface VsCodeApi {
  postMessage(message: WebviewMessage): void;
  getState(): unknown;
  setState(state: PanelState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const startedAt = performance.now();
const filterInput = document.getElementById('filter') as HTMLInputElement;
const sections = Array.from(document.querySelectorAll<HTMLElement>('section.guide-section'));
const emptyNote = document.getElementById('no-results') as HTMLElement;
const matchCount = document.getElementById('match-count') as HTMLElement;
const toolbar = document.querySelector<HTMLElement>('.toolbar');
const compareView = document.getElementById('compare') as HTMLElement;
const MATCH_HIGHLIGHT = 'fg-match';

// Example code wider than its column is marked, so CSS fades its cut edge until it is scrolled to the end:
// webview scrollbars can be overlays that only show on hover, which leaves no hint that a line goes on.
const markOverflow = (pre: HTMLElement) => {
  pre.classList.toggle('overflows', pre.scrollWidth > pre.clientWidth + 1);
  pre.classList.toggle('at-end', pre.scrollLeft + pre.clientWidth >= pre.scrollWidth - 1);
};
const overflowObserver = new ResizeObserver((entries) => entries.forEach((e) => markOverflow(e.target as HTMLElement)));
for (const pre of document.querySelectorAll<HTMLElement>('pre.code')) {
  overflowObserver.observe(pre);
  pre.addEventListener('scroll', () => markOverflow(pre), { passive: true });
}

// Jump targets (contents, "Compare in panel") land below the sticky filter bar, whatever its height.
if (toolbar) {
  const keepBelowToolbar = () => document.documentElement.style.setProperty('--toolbar-height', `${toolbar.offsetHeight}px`);
  new ResizeObserver(keepBelowToolbar).observe(toolbar);
  keepBelowToolbar();
}

let state: PanelState = parsePanelState(vscode.getState()) ?? parsePanelState(safeJson(document.body.dataset.state)) ?? { query: '', scrollY: 0 };

function safeJson(text: string | undefined): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}

function saveState(patch: Partial<PanelState>): void {
  state = { ...state, ...patch };
  vscode.setState(state);
}

/** Shows the sections, table rows and FAQ entries that contain every word of the query. */
function applyFilter(query: string, revealFirst = false): void {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const matches = (el: Element) => {
    const text = (el.textContent ?? '').toLowerCase();
    return words.every((w) => text.includes(w));
  };
  let visibleRows = 0;
  const visibleSections: string[] = [];
  for (const section of sections) {
    const rows = Array.from(section.querySelectorAll<HTMLTableRowElement>('tbody tr'));
    const faqs = Array.from(section.querySelectorAll<HTMLDetailsElement>('details.faq'));
    const titleMatches = words.length > 0 && matches(section.querySelector('h1') ?? section);
    let any = words.length === 0 || titleMatches;
    for (const row of rows) {
      const show = words.length === 0 || titleMatches || matches(row);
      row.hidden = !show;
      if (show) visibleRows++;
      any ||= show;
    }
    for (const faq of faqs) {
      const show = words.length === 0 || titleMatches || matches(faq);
      faq.hidden = !show;
      if (words.length > 0 && show && !titleMatches) faq.open = true;
      any ||= show;
    }
    if (!any) any = matches(section);
    section.hidden = !any;
    document.querySelector<HTMLElement>(`.toc a[href="#${CSS.escape(section.id)}"]`)?.parentElement?.toggleAttribute('hidden', !any);
    if (any) visibleSections.push(section.id);
  }
  emptyNote.hidden = visibleSections.length > 0;
  const first = showMatches(words, visibleSections.length);
  // As a find widget does: typing brings the first match into view (not when state is restored).
  if (revealFirst && first) first.startContainer.parentElement?.scrollIntoView({ block: 'center' });
  saveState({ query });
  vscode.postMessage({ type: 'filtered', query, visibleSections, visibleRows });
}

/** Every visible occurrence of the query words, as ranges (text nodes inside hidden rows or sections skipped). */
function matchRanges(words: string[]): Range[] {
  const ranges: Range[] = [];
  if (words.length === 0) return ranges;
  for (const section of sections) {
    if (section.hidden) continue;
    const walker = document.createTreeWalker(section, NodeFilter.SHOW_TEXT, {
      acceptNode: (node) => (node.parentElement?.closest('[hidden], button') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
    });
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = (node.nodeValue ?? '').toLowerCase();
      for (const word of words) {
        for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length)) {
          const range = new Range();
          range.setStart(node, at);
          range.setEnd(node, at + word.length);
          ranges.push(range);
        }
      }
    }
  }
  return ranges;
}

/** Highlights the matches (CSS Custom Highlight API: no change to the content's DOM), shows their count, returns the first. */
function showMatches(words: string[], sectionCount: number): Range | undefined {
  const ranges = matchRanges(words);
  if (typeof Highlight === 'function' && CSS.highlights) {
    if (ranges.length) CSS.highlights.set(MATCH_HIGHLIGHT, new Highlight(...ranges));
    else CSS.highlights.delete(MATCH_HIGHLIGHT);
  }
  const t = matchCount.dataset;
  const fill = (template: string | undefined, ...values: Array<string | number>) => values.reduce<string>((out, v, i) => out.replace(`{${i}}`, String(v)), template ?? '');
  const matches = ranges.length === 1 ? fill(t.matchOne) : fill(t.matchMany, ranges.length);
  const inSections = sectionCount === 1 ? fill(t.sectionOne) : fill(t.sectionMany, sectionCount);
  matchCount.textContent = words.length ? fill(t.in, matches, inSections) : '';
  matchCount.dataset.count = String(ranges.length);
  return ranges[0];
}

function reveal(id: string): void {
  const target = document.getElementById(id) ?? document.getElementById(`section-${id}`);
  if (!target) return;
  if (target.closest('section')?.hidden) {
    filterInput.value = '';
    applyFilter('');
  }
  if (target instanceof HTMLDetailsElement) target.open = true;
  target.scrollIntoView({ block: 'start' });
  const heading = target.matches('h1,h2,h3,summary') ? target : target.querySelector<HTMLElement>('h1,h2,summary');
  heading?.setAttribute('tabindex', '-1');
  heading?.focus({ preventScroll: true });
  const section = target.closest('section')?.id.replace(/^section-/, '') ?? id;
  saveState({ section });
  vscode.postMessage({ type: 'revealed', section });
}

let filterTimer: number | undefined;
filterInput.addEventListener('input', () => {
  window.clearTimeout(filterTimer);
  filterTimer = window.setTimeout(() => applyFilter(filterInput.value, true), 60);
});

document.addEventListener('keydown', (e) => {
  if (e.key === '/' && document.activeElement !== filterInput) {
    e.preventDefault();
    filterInput.focus();
    filterInput.select();
  } else if (e.key === 'Escape' && document.activeElement === filterInput && filterInput.value) {
    filterInput.value = '';
    applyFilter('');
  }
});

document.addEventListener('click', (e) => {
  const el = e.target instanceof Element ? e.target : null;
  const snippet = el?.closest<HTMLButtonElement>('button[data-snippet]');
  if (snippet) {
    vscode.postMessage({ type: 'insertSnippet', task: snippet.dataset.snippet ?? '', framework: snippet.dataset.framework as Framework });
    return;
  }
  const button = el?.closest<HTMLButtonElement>('button[data-action]');
  if (button) {
    const action = button.dataset.action;
    if (action === 'copy' || action === 'insert' || action === 'openAsFile') {
      vscode.postMessage({ type: 'example', action, example: button.dataset.example ?? '', framework: button.dataset.framework as Framework });
      if (action === 'copy') {
        button.textContent = 'Copied';
        window.setTimeout(() => (button.textContent = 'Copy'), 1500);
      }
    }
    return;
  }
  const link = el?.closest<HTMLAnchorElement>('a[href]');
  if (!link) return;
  const href = link.getAttribute('href') ?? '';
  e.preventDefault();
  const page = /^(?:\.\/)?([a-z0-9-]+)\.md(?:#(.*))?$/.exec(href); // links between content pages: `history.md`
  if (href.startsWith('#')) reveal(decodeURIComponent(href.slice(1)));
  else if (page) reveal(page[2] ? `${page[1]}--${page[2]}` : page[1]);
  else vscode.postMessage({ type: 'openLink', href });
});

let scrollTimer: number | undefined;
window.addEventListener('scroll', () => {
  window.clearTimeout(scrollTimer);
  scrollTimer = window.setTimeout(() => saveState({ scrollY: Math.round(window.scrollY) }), 150);
});

window.addEventListener('message', (event: MessageEvent) => {
  const message = parseHostMessage(event.data);
  if (!message) return;
  if (message.type === 'reveal') reveal(message.section);
  else if (message.type === 'compare') {
    renderCompare(compareView, message.view, closeCompare);
    window.scrollTo(0, 0);
    document.getElementById('compare-title')?.focus({ preventScroll: true });
    saveState({ compare: message.view.api.name, scrollY: 0 });
    vscode.postMessage({ type: 'compared', api: message.view.api.name });
  } else {
    filterInput.value = message.query;
    applyFilter(message.query);
  }
});

function closeCompare(): void {
  compareView.hidden = true;
  compareView.replaceChildren();
  saveState({ compare: undefined });
  vscode.postMessage({ type: 'compared', api: '' });
  filterInput.focus();
}

// Restore what the user had: filter text, then scroll position (or the requested section). Save it again at
// once: a webview re-created after being hidden must hand the state on if the window reloads next.
vscode.setState(state);
if (state.query) {
  filterInput.value = state.query;
  applyFilter(state.query);
}
const initialSection = document.body.dataset.reveal;
if (initialSection) reveal(initialSection);
else if (state.scrollY) window.scrollTo(0, state.scrollY);

requestAnimationFrame(() => {
  vscode.postMessage({
    type: 'rendered',
    sections: sections.map((s) => s.id.replace(/^section-/, '')),
    tables: document.querySelectorAll('table').length,
    firstPaintMs: Math.round(performance.now() - startedAt),
  });
});
vscode.postMessage({ type: 'ready' });
// The restored filter and position are in place: UI tests wait for this instead of for time.
document.body.dataset.ready = 'true';
