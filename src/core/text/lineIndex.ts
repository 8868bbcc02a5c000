/** Offset → line/column for a text without an editor document: the CLI, the workspace scan and the benchmarks. */

export class LineIndex {
  /** Start offset of every line (0-based lines; `\n` ends a line, so CRLF leaves `\r` at the line's end). */
  readonly starts: readonly number[];

  constructor(text: string) {
    const starts = [0];
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    this.starts = starts;
  }

  /** The 0-based line holding `offset` (binary search). */
  lineOf(offset: number): number {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  /** 0-based line and character (UTF-16 code units) of `offset`. */
  positionOf(offset: number): { line: number; character: number } {
    const line = this.lineOf(offset);
    return { line, character: offset - this.starts[line] };
  }
}
