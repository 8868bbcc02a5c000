/**
 * `--diff`'s unified diff, built from the planned edits rather than by diffing two texts: the edits already say what
 * changed and where, sorted, so the diff costs time in proportion to the file, however many fixes it has.
 */
import { lastAtOrBefore } from '../core/sortedSearch';

/** Replace `from`..`to` of the original text with `text`; sorted by start, not overlapping. */
export interface DiffEdit {
  from: number;
  to: number;
  text: string;
}

const CONTEXT = 3;

/** Lines as stored, each with its `\n` (git's lines: a lone `\r` does not end one). */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) if (i + 1 < text.length) starts.push(i + 1);
  return starts;
}

/** The line holding `offset`. */
function lineOf(starts: readonly number[], offset: number): number {
  return Math.max(0, lastAtOrBefore(0, starts.length, (i) => starts[i], offset));
}

function splitLines(text: string): string[] {
  const lines: string[] = [];
  let at = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', at)) {
    lines.push(text.slice(at, i + 1));
    at = i + 1;
  }
  if (at < text.length) lines.push(text.slice(at));
  return lines;
}

/** A run of changed lines: old lines [oldFrom, oldTo) become `added`. */
interface Change {
  oldFrom: number;
  oldTo: number;
  added: string[];
}

/** Lines of a hunk body: ` ` context, `-` removed, `+` added; a line without its final `\n` gets git's marker. */
function bodyLine(prefix: string, line: string): string {
  return line.endsWith('\n') ? `${prefix}${line}` : `${prefix}${line}\n\\ No newline at end of file\n`;
}

/**
 * The unified diff `git apply` takes (`a/` and `b/` prefixes, three lines of context) from `original` to what
 * `edits` make of it; an empty string when they change nothing.
 */
export function unifiedDiff(shown: string, original: string, edits: readonly DiffEdit[]): string {
  const starts = original.length === 0 ? [] : lineStarts(original);
  const oldLines = splitLines(original);
  // Each edit touches the lines from its start's to its end's; touching or overlapping line spans form one change.
  const spans: Array<{ from: number; to: number; edits: DiffEdit[] }> = [];
  for (const edit of edits) {
    // The line holding the end counts too: an edit that takes a line's `\n` joins the next line to it.
    const first = starts.length ? lineOf(starts, edit.from) : 0;
    const last = starts.length ? Math.max(first, lineOf(starts, edit.to)) : 0;
    const previous = spans[spans.length - 1];
    if (previous && first <= previous.to) {
      previous.to = Math.max(previous.to, last + 1);
      previous.edits.push(edit);
    } else spans.push({ from: first, to: last + 1, edits: [edit] });
  }
  const changes: Change[] = [];
  for (const span of spans) {
    const base = starts[span.from] ?? 0;
    const end = span.to < starts.length ? starts[span.to] : original.length;
    let text = '';
    let at = base;
    for (const edit of span.edits) {
      text += original.slice(at, edit.from) + edit.text;
      at = edit.to;
    }
    text += original.slice(at, end);
    const before = oldLines.slice(span.from, Math.min(span.to, oldLines.length));
    const after = splitLines(text);
    // Lines the edits left as they were (an insertion at a line's start keeps that line) are context, not change.
    let head = 0;
    while (head < before.length && head < after.length && before[head] === after[head]) head++;
    let tail = 0;
    while (tail < before.length - head && tail < after.length - head && before[before.length - 1 - tail] === after[after.length - 1 - tail]) tail++;
    if (head === before.length && head === after.length) continue;
    changes.push({ oldFrom: span.from + head, oldTo: span.from + before.length - tail, added: after.slice(head, after.length - tail) });
  }
  if (changes.length === 0) return '';
  let out = `--- a/${shown}\n+++ b/${shown}\n`;
  let shift = 0; // new line number minus old line number, before the current hunk
  for (let c = 0; c < changes.length; ) {
    // One hunk: changes whose gaps are at most twice the context.
    let d = c;
    while (d + 1 < changes.length && changes[d + 1].oldFrom - changes[d].oldTo <= 2 * CONTEXT) d++;
    const from = Math.max(0, changes[c].oldFrom - CONTEXT);
    const to = Math.min(oldLines.length, changes[d].oldTo + CONTEXT);
    let body = '';
    let oldCount = 0;
    let newCount = 0;
    let line = from;
    let hunkShift = shift;
    for (let k = c; k <= d; k++) {
      const change = changes[k];
      for (; line < change.oldFrom; line++, oldCount++, newCount++) body += bodyLine(' ', oldLines[line]);
      for (; line < change.oldTo; line++, oldCount++) body += bodyLine('-', oldLines[line]);
      for (const added of change.added) {
        body += bodyLine('+', added);
        newCount++;
      }
      hunkShift += change.added.length - (change.oldTo - change.oldFrom);
    }
    for (; line < to; line++, oldCount++, newCount++) body += bodyLine(' ', oldLines[line]);
    // An empty side names the line before it (0 at the top of the file), as diff and git do.
    const oldStart = oldCount === 0 ? from : from + 1;
    const newStart = newCount === 0 ? from + shift : from + shift + 1;
    out += `@@ -${oldStart},${oldCount} +${newStart},${newCount} @@\n${body}`;
    shift = hunkShift;
    c = d + 1;
  }
  return out;
}
