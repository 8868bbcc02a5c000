/** The typed message contract between the comparison webview and the extension, shared by both sides. */

export type Framework = 'tensorflow' | 'pytorch';

/** Messages the webview sends. */
export type WebviewMessage =
  | { type: 'ready' }
  | { type: 'rendered'; sections: string[]; tables: number; firstPaintMs: number }
  | { type: 'example'; action: 'copy' | 'insert' | 'openAsFile'; example: string; framework: Framework }
  | { type: 'openLink'; href: string }
  | { type: 'filtered'; query: string; visibleSections: string[]; visibleRows: number }
  | { type: 'revealed'; section: string };

/** Messages the extension sends. */
export type HostMessage = { type: 'reveal'; section: string } | { type: 'filter'; query: string };

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
    default:
      return undefined;
  }
}

export function parseHostMessage(raw: unknown): HostMessage | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const m = raw as Record<string, unknown>;
  if (m.type === 'reveal' && isString(m.section, 200)) return { type: 'reveal', section: m.section };
  if (m.type === 'filter' && isString(m.query, 500)) return { type: 'filter', query: m.query };
  return undefined;
}

/** State the webview keeps across hide/show and reload (vscode.setState / the serializer). */
export interface PanelState {
  query: string;
  scrollY: number;
  section?: string;
}

export function parsePanelState(raw: unknown): PanelState | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const s = raw as Record<string, unknown>;
  if (!isString(s.query, 500) || typeof s.scrollY !== 'number' || !Number.isFinite(s.scrollY)) return undefined;
  return { query: s.query, scrollY: Math.max(0, s.scrollY), section: isString(s.section, 200) ? s.section : undefined };
}
