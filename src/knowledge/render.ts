/**
 * Turns the comparison markdown into the panel's sections at build time: markdown-it with raw HTML
 * disabled, Python highlighted by highlight.js, FAQs as <details>, examples.md as side-by-side pairs.
 * Rendering at build time keeps markdown-it and the highlighter out of the extension bundle.
 */
import MarkdownIt from 'markdown-it';
import hljs from 'highlight.js/lib/core';
import python from 'highlight.js/lib/languages/python';

hljs.registerLanguage('python', python);

export interface PanelSection {
  /** Stable id (the markdown file's name): used by deep links such as `openComparison('deployment')`. */
  id: string;
  title: string;
  html: string;
  /** Sub-headings with their anchor ids, for the table of contents. */
  headings: Array<{ id: string; title: string }>;
}

export interface ExamplePair {
  id: string;
  title: string;
  tensorflow: string;
  pytorch: string;
}

export interface PanelContent {
  sections: PanelSection[];
  examples: ExamplePair[];
}

/** Section order in the panel; files that are missing are left out. */
export const SECTION_ORDER = [
  'architecture',
  'performance',
  'ease-of-use',
  'community',
  'deployment',
  'use-cases',
  'recommendations',
  'examples',
  'faq',
  'changes-since-2023',
  'history',
] as const;

export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/<[^>]*>/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

function createRenderer() {
  const md = new MarkdownIt({
    html: false,
    linkify: true,
    typographer: false,
    highlight: (code, lang) => {
      const body = lang === 'python' ? hljs.highlight(code, { language: 'python', ignoreIllegals: true }).value : escapeHtml(code);
      return `<pre class="code"><code class="hljs language-${escapeHtml(lang || 'text')}">${body}</code></pre>`;
    },
  });
  // Tables scroll horizontally inside a wrapper instead of overflowing narrow panels.
  md.renderer.rules.table_open = () => '<div class="table-wrap"><table>\n';
  md.renderer.rules.table_close = () => '</table></div>\n';
  return md;
}

const md = createRenderer();
type Token = ReturnType<typeof md.parse>[number];
type Env = Record<string, unknown>;

/** Gives every heading an id derived from its text, unique within the section. */
function addHeadingIds(tokens: Token[], sectionId: string): Array<{ id: string; title: string; level: number }> {
  const seen = new Set<string>();
  const out: Array<{ id: string; title: string; level: number }> = [];
  tokens.forEach((t, i) => {
    if (t.type !== 'heading_open') return;
    const title = tokens[i + 1]?.content ?? '';
    let id = `${sectionId}--${slugify(title) || 'h'}`;
    for (let n = 2; seen.has(id); n++) id = `${sectionId}--${slugify(title)}-${n}`;
    seen.add(id);
    t.attrSet('id', id);
    out.push({ id, title, level: Number(t.tag.slice(1)) });
  });
  return out;
}

/** Renders the FAQ page: each `###` question becomes a collapsible <details>. */
function renderFaq(tokens: Token[], env: Env): string {
  let html = '';
  let open = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.type === 'heading_open' && t.tag === 'h3') {
      if (open) html += '</div></details>\n';
      const inline = tokens[i + 1];
      html += `<details class="faq" id="${escapeHtml(String(t.attrGet('id') ?? ''))}"><summary>${md.renderer.renderInline(inline.children ?? [], md.options, env)}</summary><div class="faq-body">\n`;
      open = true;
      i += 2; // inline + heading_close
      continue;
    }
    // A later heading, or the page's closing "Sources:" / "_Checked_" lines, end the open question.
    const closing = t.type === 'heading_open' || (t.type === 'paragraph_open' && /^(Sources|_Checked)/.test(tokens[i + 1]?.content ?? ''));
    if (open && closing) {
      html += '</div></details>\n';
      open = false;
    }
    html += md.renderer.render([t], md.options, env);
  }
  if (open) html += '</div></details>\n';
  return html;
}

/**
 * Renders examples.md: under each `##` heading the first python block is TensorFlow/Keras and the second
 * PyTorch; they are laid out side by side with per-block actions. Other content renders as usual.
 */
function renderExamples(tokens: Token[], env: Env, examples: ExamplePair[]): string {
  let html = '';
  let current: { id: string; title: string; blocks: string[]; rest: Token[] } | undefined;
  const flush = () => {
    if (!current) return;
    const [tensorflow, pytorch] = current.blocks;
    if (tensorflow !== undefined && pytorch !== undefined) {
      const id = current.id;
      examples.push({ id, title: current.title, tensorflow, pytorch });
      const column = (framework: 'tensorflow' | 'pytorch', label: string, code: string) =>
        `<div class="example-col" data-framework="${framework}"><div class="example-head"><span class="example-label">${label}</span>` +
        `<span class="example-actions">` +
        `<button type="button" class="action" data-action="copy" data-example="${escapeHtml(id)}" data-framework="${framework}" title="Copy to clipboard">Copy</button>` +
        `<button type="button" class="action" data-action="insert" data-example="${escapeHtml(id)}" data-framework="${framework}" title="Insert into the last active Python editor, with its imports">Insert</button>` +
        `<button type="button" class="action" data-action="openAsFile" data-example="${escapeHtml(id)}" data-framework="${framework}" title="Open as a new untitled Python file">Open as file</button>` +
        `</span></div>${md.options.highlight?.(code, 'python', '') ?? ''}</div>`;
      html += `<div class="example-pair">${column('tensorflow', 'TensorFlow / Keras', tensorflow)}${column('pytorch', 'PyTorch', pytorch)}</div>\n`;
    } else {
      // Not a pair: show the lone block as ordinary code rather than dropping it.
      for (const code of current.blocks) html += md.options.highlight?.(code, 'python', '') ?? '';
    }
    html += md.renderer.render(current.rest, md.options, env);
    current = undefined;
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.type === 'heading_open' && t.tag === 'h2') {
      flush();
      const title = tokens[i + 1]?.content ?? '';
      html += md.renderer.render(tokens.slice(i, i + 3), md.options, env);
      current = { id: String(t.attrGet('id') ?? slugify(title)), title, blocks: [], rest: [] };
      i += 2;
      continue;
    }
    if (current && t.type === 'fence' && t.info.trim() === 'python' && current.blocks.length < 2) {
      current.blocks.push(t.content);
      continue;
    }
    if (current) current.rest.push(t);
    else html += md.renderer.render([t], md.options, env);
  }
  flush();
  return html;
}

/** Renders one markdown page into a panel section. */
export function renderSection(id: string, markdown: string, examples: ExamplePair[]): PanelSection {
  const env: Env = {};
  const tokens = md.parse(markdown, env);
  const headings = addHeadingIds(tokens, id);
  const title = headings.find((h) => h.level === 1)?.title ?? id;
  const html = id === 'faq' ? renderFaq(tokens, env) : id === 'examples' ? renderExamples(tokens, env, examples) : md.renderer.render(tokens, md.options, env);
  return { id, title, html, headings: headings.filter((h) => h.level === 2 || (id === 'faq' && h.level === 3)).map(({ id: hid, title: t }) => ({ id: hid, title: t })) };
}

/** Renders every available page in panel order. */
export function renderContent(pages: ReadonlyMap<string, string>): PanelContent {
  const examples: ExamplePair[] = [];
  const sections = SECTION_ORDER.filter((id) => pages.has(id)).map((id) => renderSection(id, pages.get(id) as string, examples));
  return { sections, examples };
}
