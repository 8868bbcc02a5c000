/**
 * Where each cell's source sits in an .ipynb file's JSON text, so a finding in a cell can point at the real line of
 * the file (SARIF viewers open the .ipynb as text). A small scanner: JSON.parse keeps no positions.
 */

/**
 * One JSON string literal of a cell's source: its span in the file (quotes excluded) and its decoded length. An
 * empty list (`"source": []`) is one `inList` piece of length 0 at the position inside its brackets, so a fix can
 * still write that cell.
 */
export interface SourcePiece {
  rawFrom: number;
  rawTo: number;
  length: number;
  /** A place inside an empty list, not a literal: writing there adds the literal with its quotes. */
  inList?: true;
}

class Scanner {
  pos = 0;
  constructor(readonly json: string) {}

  skipSpace(): void {
    const json = this.json;
    while (this.pos < json.length) {
      const c = json.charCodeAt(this.pos);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) this.pos++;
      else break;
    }
  }

  peek(): number {
    this.skipSpace();
    return this.json.charCodeAt(this.pos);
  }

  expect(char: string): void {
    if (this.peek() !== char.charCodeAt(0)) throw new Error(`expected ${char} at ${this.pos}`);
    this.pos++;
  }

  /** A string literal starting at `pos`: its raw span and decoded length. */
  string(): SourcePiece {
    this.expect('"');
    const json = this.json;
    const rawFrom = this.pos;
    let length = 0;
    for (;;) {
      const c = json.charCodeAt(this.pos);
      if (Number.isNaN(c)) throw new Error('unterminated string');
      if (c === 0x22 /* " */) break;
      if (c === 0x5c /* \ */) this.pos += json.charCodeAt(this.pos + 1) === 0x75 /* u */ ? 6 : 2;
      else this.pos++;
      length++;
    }
    const rawTo = this.pos;
    this.pos++;
    return { rawFrom, rawTo, length };
  }

  key(): string {
    const { rawFrom, rawTo } = this.string();
    this.expect(':');
    return JSON.parse(`"${this.json.slice(rawFrom, rawTo)}"`) as string;
  }

  /** Skips any value without building it (outputs can be megabytes of base64). */
  skipValue(): void {
    let depth = 0;
    do {
      const c = this.peek();
      if (c === 0x22) this.string();
      else if (c === 0x7b || c === 0x5b) {
        depth++;
        this.pos++;
      } else if (c === 0x7d || c === 0x5d) {
        depth--;
        this.pos++;
      } else if (Number.isNaN(c)) throw new Error('unexpected end');
      else {
        // Numbers, literals, commas and colons: step over one character at a time.
        this.pos++;
        if (depth === 0) {
          while (this.pos < this.json.length && !/[\s,}\]]/.test(this.json[this.pos])) this.pos++;
        }
      }
    } while (depth > 0);
  }

  /** Calls `onEntry(key)` for each member of the object at `pos`; onEntry consumes the value. */
  object(onEntry: (key: string) => void): void {
    this.expect('{');
    if (this.peek() === 0x7d) {
      this.pos++;
      return;
    }
    for (;;) {
      onEntry(this.key());
      if (this.peek() === 0x2c) {
        this.pos++;
        continue;
      }
      this.expect('}');
      return;
    }
  }

  array(onItem: (index: number) => void): void {
    this.expect('[');
    if (this.peek() === 0x5d) {
      this.pos++;
      return;
    }
    for (let index = 0; ; index++) {
      onItem(index);
      if (this.peek() === 0x2c) {
        this.pos++;
        continue;
      }
      this.expect(']');
      return;
    }
  }
}

/**
 * For each cell (in the order of `cells`, nbformat 4, or of the first worksheet's cells, nbformat 3), the string
 * literals its source is made of. Undefined when the JSON is not laid out as expected; callers then fall back to
 * cell-relative positions.
 */
export function locateCellSources(json: string): SourcePiece[][] | undefined {
  try {
    const scanner = new Scanner(json);
    let found: SourcePiece[][] | undefined;
    const readCells = (): SourcePiece[][] => {
      const cells: SourcePiece[][] = [];
      scanner.array(() => {
        if (scanner.peek() !== 0x7b) {
          // parseIpynb drops cells that are not objects; keep the numbering the same.
          scanner.skipValue();
          return;
        }
        let pieces: SourcePiece[] | undefined;
        let fromInput: SourcePiece[] | undefined;
        scanner.object((key) => {
          if (key !== 'source' && key !== 'input') return scanner.skipValue();
          const list: SourcePiece[] = [];
          if (scanner.peek() === 0x22) list.push(scanner.string());
          else if (scanner.peek() === 0x5b) {
            const inside = scanner.pos + 1;
            scanner.array(() => (scanner.peek() === 0x22 ? list.push(scanner.string()) : scanner.skipValue()));
            if (list.length === 0) list.push({ rawFrom: inside, rawTo: inside, length: 0, inList: true });
          }
          else scanner.skipValue();
          if (key === 'source') pieces = list;
          else fromInput = list;
        });
        // As parseIpynb: `source` (nbformat 4), else `input` (nbformat 3 code cells).
        cells.push(pieces ?? fromInput ?? []);
      });
      return cells;
    };
    let fromWorksheet: SourcePiece[][] | undefined;
    scanner.object((key) => {
      if (key === 'cells') found = readCells();
      else if (key !== 'worksheets') scanner.skipValue();
      else {
        scanner.array((index) => {
          if (index > 0 || scanner.peek() !== 0x7b) return scanner.skipValue();
          scanner.object((inner) => {
            if (inner === 'cells') fromWorksheet = readCells();
            else scanner.skipValue();
          });
        });
      }
    });
    return found ?? fromWorksheet;
  } catch {
    return undefined;
  }
}

/** The offset in the .ipynb text of offset `offset` of the cell source made of `pieces` (escapes accounted for). */
export function storedOffset(json: string, pieces: readonly SourcePiece[], offset: number): number | undefined {
  let remaining = offset;
  for (let p = 0; p < pieces.length; p++) {
    const piece = pieces[p];
    // An offset at the very end of a piece belongs to the next piece's start, except for the last piece.
    if (remaining > piece.length || (remaining === piece.length && p < pieces.length - 1)) {
      remaining -= piece.length;
      continue;
    }
    let raw = piece.rawFrom;
    for (let i = 0; i < remaining; i++) raw += json.charCodeAt(raw) === 0x5c ? (json.charCodeAt(raw + 1) === 0x75 ? 6 : 2) : 1;
    return raw;
  }
  return undefined;
}
