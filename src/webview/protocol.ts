/** The typed message contract between the comparison webview and the extension, shared by both sides. */
import type { PairCounterpart, PairExample, PairSide, PairView } from '../core/notes/pairView';

export type { PairView };

export type Framework = 'tensorflow' | 'pytorch';

/** Messages the webview sends. */
export type WebviewMessage =
  | { type: 'ready' }
  | { type: 'rendered'; sections: string[]; tables: number; firstPaintMs: number }
  | { type: 'example'; action: 'copy' | 'insert' | 'openAsFile'; example: string; framework: Framework }
  | { type: 'openLink'; href: string }
  | { type: 'filtered'; query: string; visibleSections: string[]; visibleRows: number }
  | { type: 'revealed'; section: string }
  /** The compare view now shows `api` next to its counterparts ('' when it was closed). */
  | { type: 'compared'; api: string }
  | { type: 'insertSnippet'; task: string; framework: Framework };

/** Messages the extension sends. */
export type HostMessage = { type: 'reveal'; section: string } | { type: 'filter'; query: string } | { type: 'compare'; view: PairView };

const isString = (v: unknown, max = 2000): v is string => typeof v === 'string' && v.length <= max;
const isFramework = (v: unknown): v is Framework => v === 'tensorflow' || v === 'pytorch';
const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.length <= 500 && v.every((x) => isString(x, 200));
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;

/** Returns the message if it has exactly a known shape, else undefined (the caller logs and ignores it). */
export function parseWebviewMessage(raw: unknown): WebviewMessage | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const m = raw as Record<string, unknown>;
  switch (m.type) {
    case 'ready':
      return { type: 'ready' };
    case 'rendered':
      return isStringArray(m.sections) && isCount(m.tables) && isCount(m.firstPaintMs)
        ? { type: 'rendered', sections: m.sections, tables: m.tables, firstPaintMs: m.firstPaintMs }
        : undefined;
    case 'example':
      return (m.action === 'copy' || m.action === 'insert' || m.action === 'openAsFile') && isString(m.example, 200) && isFramework(m.framework)
        ? { type: 'example', action: m.action, example: m.example, framework: m.framework }
        : undefined;
    case 'openLink':
      return isString(m.href) ? { type: 'openLink', href: m.href } : undefined;
    case 'filtered':
      return isString(m.query, 500) && isStringArray(m.visibleSections) && isCount(m.visibleRows)
        ? { type: 'filtered', query: m.query, visibleSections: m.visibleSections, visibleRows: m.visibleRows }
        : undefined;
    case 'revealed':
      return isString(m.section, 200) ? { type: 'revealed', section: m.section } : undefined;
    case 'compared':
      return isString(m.api, 300) ? { type: 'compared', api: m.api } : undefined;
    case 'insertSnippet':
      return isString(m.task, 100) && isFramework(m.framework) ? { type: 'insertSnippet', task: m.task, framework: m.framework } : undefined;
    default:
      return undefined;
  }
}

export function parseHostMessage(raw: unknown): HostMessage | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const m = raw as Record<string, unknown>;
  if (m.type === 'reveal' && isString(m.section, 200)) return { type: 'reveal', section: m.section };
  if (m.type === 'filter' && isString(m.query, 500)) return { type: 'filter', query: m.query };
  if (m.type === 'compare') {
    const view = parsePairView(m.view);
    return view ? { type: 'compare', view } : undefined;
  }
  return undefined;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const optionalString = (v: unknown, max = 2000) => v === undefined || isString(v, max);

function isSide(v: unknown): v is PairSide {
  return isRecord(v) && isString(v.name, 300) && isString(v.framework, 40) && isString(v.kind, 40) && optionalString(v.signature) && isString(v.summary) && isString(v.status, 300) && isString(v.docs, 500);
}

function isSideBySide(v: unknown): boolean {
  return v === undefined || (isRecord(v) && isString(v.ours, 500) && isString(v.theirs, 500));
}

function isCounterpart(v: unknown): v is PairCounterpart {
  if (!isSide(v)) return false;
  const c = v as unknown as Record<string, unknown>;
  const params = c.params;
  return (
    optionalString(c.note) &&
    Array.isArray(params) &&
    params.length <= 100 &&
    params.every((p) => isRecord(p) && isString(p.ours, 200) && optionalString(p.ourDefault, 200) && optionalString(p.theirs, 200) && optionalString(p.theirDefault, 200) && optionalString(p.note, 1000)) &&
    isSideBySide(c.layout) &&
    isSideBySide(c.output) &&
    (c.checked === undefined || c.checked === 'equal' || c.checked === 'documented-difference')
  );
}

function isExample(v: unknown): v is PairExample {
  return isRecord(v) && isString(v.task, 100) && isString(v.title, 300) && isString(v.differences) && isString(v.tensorflow, 20_000) && isString(v.pytorch, 20_000);
}

/** A pair view of exactly the known shape, or undefined. */
export function parsePairView(raw: unknown): PairView | undefined {
  if (!isRecord(raw) || !isSide(raw.api) || !Array.isArray(raw.counterparts) || raw.counterparts.length === 0 || raw.counterparts.length > 10) return undefined;
  if (!raw.counterparts.every(isCounterpart) || !(raw.example === undefined || isExample(raw.example))) return undefined;
  return raw as unknown as PairView;
}

/** State the webview keeps across hide/show and reload (vscode.setState / the serializer). */
export interface PanelState {
  query: string;
  scrollY: number;
  section?: string;
  /** The API the compare view shows, shown again after a reload. */
  compare?: string;
}

export function parsePanelState(raw: unknown): PanelState | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const s = raw as Record<string, unknown>;
  if (!isString(s.query, 500) || typeof s.scrollY !== 'number' || !Number.isFinite(s.scrollY)) return undefined;
  return { query: s.query, scrollY: Math.max(0, s.scrollY), section: isString(s.section, 200) ? s.section : undefined, ...(isString(s.compare, 300) && s.compare ? { compare: s.compare } : {}) };
}
