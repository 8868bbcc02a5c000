/**
 * The compare view of the comparison panel: one API next to its counterparts, built as DOM nodes from the validated
 * message (text only, never HTML from the message), keyboard reachable, themed by the panel's stylesheet.
 */
import type { PairView } from './protocol';
import type { PairCounterpart, PairSide } from '../core/notes/pairView';

type Make = <K extends keyof HTMLElementTagNameMap>(tag: K, attributes?: Record<string, string>, ...children: Array<Node | string | undefined>) => HTMLElementTagNameMap[K];

const make: Make = (tag, attributes = {}, ...children) => {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  for (const child of children) if (child !== undefined) element.append(child);
  return element;
};

/** Entry text with its `code spans` as code elements (text nodes only: nothing in it is markup). */
function prose(tag: 'p', attributes: Record<string, string>, text: string): HTMLElement {
  const parts = text.split(/(`[^`\n]+`)/).map((part, i) => (i % 2 === 1 ? make('code', {}, part.slice(1, -1)) : part));
  return make(tag, attributes, ...parts);
}

function card(side: PairSide, note?: string): HTMLElement {
  return make(
    'article',
    { class: 'compare-card' },
    make('h3', {}, make('code', {}, side.name)),
    make('p', { class: 'compare-meta' }, `${side.framework} ${side.kind} · ${side.status}`),
    side.signature ? make('pre', { class: 'code compare-signature' }, make('code', {}, `${side.name.split('.').pop() ?? side.name}${side.signature}`)) : undefined,
    prose('p', {}, side.summary),
    note ? prose('p', { class: 'compare-note' }, note) : undefined,
    make('p', {}, make('a', { href: side.docs }, `Docs: ${side.name}`)),
  );
}

/** The arguments that correspond, both defaults, and how a value converts. */
function argumentTable(api: PairSide, other: PairCounterpart): HTMLElement | undefined {
  if (other.params.length === 0 && !other.layout && !other.output) return undefined;
  const headers = [api.name.split('.').pop() ?? api.name, 'default', other.name.split('.').pop() ?? other.name, 'default', 'note'];
  const cell = (text: string | undefined, codeText = true) => make('td', {}, text === undefined ? '—' : codeText ? make('code', {}, text) : text);
  const rows = other.params.map((p) => make('tr', {}, cell(p.ours), cell(p.ourDefault ?? 'required'), cell(p.theirs), cell(p.theirs === undefined ? undefined : (p.theirDefault ?? 'required')), cell(p.note ?? '', false)));
  for (const [label, pair] of [
    ['layout', other.layout],
    ['output', other.output],
  ] as const) {
    if (pair) rows.push(make('tr', {}, make('th', { scope: 'row' }, label), make('td', { colspan: '2' }, pair.ours), make('td', { colspan: '2' }, pair.theirs), make('td', {})));
  }
  // A narrow panel scrolls the table, not the page.
  return make('div', { class: 'table-wrap' }, make('table', { class: 'compare-table' }, make('thead', {}, make('tr', {}, ...headers.map((h) => make('th', { scope: 'col' }, h)))), make('tbody', {}, ...rows)));
}

/** Fills `container` with the view; its data attributes hold the host's localised button words. */
export function renderCompare(container: HTMLElement, view: PairView, onClose: () => void): void {
  container.replaceChildren();
  const title = make('h2', { id: 'compare-title', tabindex: '-1' }, make('code', {}, view.api.name), ' ⇄ ', ...view.counterparts.flatMap((c, i) => [i ? ', ' : '', make('code', {}, c.name)]));
  const close = make('button', { type: 'button', class: 'compare-close', 'aria-label': container.dataset.closeLabel ?? 'Close' }, '×');
  close.addEventListener('click', onClose);
  container.append(make('header', { class: 'compare-header' }, title, close));
  container.append(make('div', { class: 'compare-cards' }, card(view.api), ...view.counterparts.map((c) => card(c, c.note))));
  for (const other of view.counterparts) {
    const table = argumentTable(view.api, other);
    if (!table) continue;
    const checked = other.checked === 'equal' ? ' · both run in our tests: same outputs' : other.checked === 'documented-difference' ? ' · both run in our tests: the difference is as noted' : '';
    container.append(make('h3', {}, 'Arguments: ', make('code', {}, view.api.name.split('.').pop() ?? ''), ' → ', make('code', {}, other.name.split('.').pop() ?? ''), checked));
    container.append(table);
  }
  const example = view.example;
  if (example) {
    container.append(make('h3', {}, `Paired example: ${example.title}`), prose('p', {}, example.differences));
    const column = (framework: 'tensorflow' | 'pytorch', label: string, code: string) => {
      const insert = make('button', { type: 'button', class: 'action', 'data-snippet': example.task, 'data-framework': framework }, `${container.dataset.insertLabel ?? 'Insert'} ${label}`);
      return make('div', { class: 'compare-example' }, make('div', { class: 'example-head' }, make('strong', {}, label), insert), make('pre', { class: 'code' }, make('code', {}, code)));
    };
    container.append(make('div', { class: 'compare-examples' }, column('tensorflow', 'TensorFlow / Keras', example.tensorflow), column('pytorch', 'PyTorch', example.pytorch)));
  }
  container.hidden = false;
}
