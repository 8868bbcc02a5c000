/**
 * Inline suppression: a `# framework-guide: ignore` comment silences every finding on its line, and
 * `# framework-guide: ignore[FG-tensorflow.Session, ...]` only the listed rules. Only real comments count
 * (the line is tokenised by the Python parser), never text inside strings.
 */
import { parser } from '../python/parser';

const MARKER = 'framework-guide: ignore';

/** Rule ids a suppression comment lists; an empty set means "all rules". */
function parseSuppression(comment: string): Set<string> | undefined {
  const at = comment.indexOf(MARKER);
  if (at < 0) return undefined;
  const after = comment.slice(at + MARKER.length);
  // `ignore` must end the word: `# framework-guide: ignored for now` is not a suppression.
  if (after !== '' && !/^[\s[]/.test(after)) return undefined;
  const rest = after.trimStart();
  if (!rest.startsWith('[')) return new Set();
  const close = rest.indexOf(']');
  const list = rest.slice(1, close < 0 ? undefined : close);
  return new Set(list.split(',').map((s) => s.trim()).filter(Boolean));
}

/** Where the line holding `offset` starts: after `\n`, `\r\n` or a lone `\r` (the line ends LineIndex counts). */
function lineStartBefore(text: string, offset: number): number {
  let i = offset - 1;
  while (i >= 0 && text.charCodeAt(i) !== 0x0a && text.charCodeAt(i) !== 0x0d) i--;
  return i + 1;
}

function lineEndAfter(text: string, lineStart: number): number {
  let i = lineStart;
  while (i < text.length && text.charCodeAt(i) !== 0x0a && text.charCodeAt(i) !== 0x0d) i++;
  return i;
}

/** Per line start offset, the suppression on that line; only lines that mention the marker are parsed. */
export class Suppressions {
  private readonly byLine = new Map<number, Set<string> | null>();

  constructor(private readonly text: string) {}

  /** True when the finding with `ruleId` at `offset` is suppressed by a comment on its line. */
  isSuppressed(offset: number, ruleId: string): boolean {
    const lineStart = lineStartBefore(this.text, offset);
    let rules = this.byLine.get(lineStart);
    if (rules === undefined) {
      rules = this.read(lineStart);
      this.byLine.set(lineStart, rules);
    }
    return rules !== null && (rules.size === 0 || rules.has(ruleId));
  }

  private read(lineStart: number): Set<string> | null {
    const line = this.text.slice(lineStart, lineEndAfter(this.text, lineStart));
    if (!line.includes(MARKER)) return null;
    let found: Set<string> | null = null;
    parser.parse(line).iterate({
      enter: (node) => {
        if (node.name === 'Comment' && !found) found = parseSuppression(line.slice(node.from, node.to)) ?? null;
      },
    });
    return found;
  }
}
