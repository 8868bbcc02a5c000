/**
 * Python string literals read and written by their rules (prefixes, quotes, escapes), so generated code carries a
 * string's value and never its raw source text: a triple-quoted string with line breaks becomes a one-line literal.
 */

/** The value of a string literal token (`'a'`, `r"\d"`, `b"\x00"`, `"""…"""`), or undefined when it is not one we read
 * (an f-string, a `\N{…}` escape, a malformed token). Bytes come back as a string of code points 0–255. */
export function stringLiteralValue(token: string): { value: string; bytes: boolean } | undefined {
  const match = /^([rRbBuU]{0,2})('''|"""|'|")/.exec(token);
  if (!match) return undefined;
  const prefix = match[1].toLowerCase();
  if (prefix.length === 2 && !(prefix === 'rb' || prefix === 'br')) return undefined;
  const quote = match[2];
  if (token.length < match[0].length + quote.length || !token.endsWith(quote)) return undefined;
  const body = token.slice(match[0].length, token.length - quote.length);
  const raw = prefix.includes('r');
  const bytes = prefix.includes('b');
  if (raw) return { value: body, bytes };
  let value = '';
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (ch !== '\\') {
      value += ch;
      continue;
    }
    const next = body[++i];
    if (next === undefined) return undefined;
    const simple = SIMPLE_ESCAPES[next];
    if (simple !== undefined) {
      value += simple;
      continue;
    }
    if (next === '\n') continue; // a backslash at the end of a line joins the lines
    if (next === '\r') {
      if (body[i + 1] === '\n') i++;
      continue;
    }
    if (next >= '0' && next <= '7') {
      let digits = next;
      while (digits.length < 3 && body[i + 1] >= '0' && body[i + 1] <= '7') digits += body[++i];
      value += String.fromCharCode(parseInt(digits, 8));
      continue;
    }
    const width = next === 'x' ? 2 : !bytes && next === 'u' ? 4 : !bytes && next === 'U' ? 8 : 0;
    if (width > 0) {
      const hex = body.slice(i + 1, i + 1 + width);
      if (!new RegExp(`^[0-9a-fA-F]{${width}}$`).test(hex)) return undefined;
      const code = parseInt(hex, 16);
      if (code > 0x10ffff) return undefined;
      value += String.fromCodePoint(code);
      i += width;
      continue;
    }
    if (next === 'N' && !bytes) return undefined; // named escapes need Unicode's name table
    value += `\\${next}`; // unknown escapes keep their backslash, as Python does
  }
  return { value, bytes };
}

const SIMPLE_ESCAPES: Record<string, string> = { '\\': '\\', "'": "'", '"': '"', a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };

/** Characters Python's `str.splitlines()` breaks on, and what a terminal or an editor may show as a new line. */
export const LINE_BREAKS = /\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]/;

/** A one-line literal for `value`: double quotes unless the value holds one and no single quote; every control
 * character, line break and bidirectional control escaped. */
export function stringLiteral(value: string, bytes = false): string {
  const quote = value.includes('"') && !value.includes("'") ? "'" : '"';
  let out = bytes ? 'b' : '';
  out += quote;
  for (const ch of value) {
    const code = ch.codePointAt(0) as number;
    if (ch === '\\') out += '\\\\';
    else if (ch === quote) out += `\\${quote}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (code < 0x20 || (code >= 0x7f && code <= 0x9f) || (bytes && code > 0x7f)) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else if (code === 0x2028 || code === 0x2029 || (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069) || (code >= 0xd800 && code <= 0xdfff)) {
      out += `\\u${code.toString(16).padStart(4, '0')}`;
    } else out += ch;
  }
  return out + quote;
}

/** True when a token can be copied as it is: one line, no control character or bidirectional control in it. */
export function isPlainToken(token: string): boolean {
  return !/[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/.test(token);
}

/** A string literal token as generated code writes it: as written when it is plain and on one line, else re-encoded
 * from its value; undefined when its value cannot be read. */
export function stringLiteralCode(token: string): string | undefined {
  const triple = /^[rRbBuU]{0,2}('''|""")/.test(token);
  if (!triple && isPlainToken(token) && /^[rRbBuU]{0,2}(['"]).*\1$/s.test(token)) return token;
  const read = stringLiteralValue(token);
  return read && stringLiteral(read.value, read.bytes);
}
