/** Guards lezer against stack overflow on absurdly deep bracket nesting by blanking the brackets past a depth. */

/**
 * CPython itself refuses more than 200 nested brackets, so deeper nesting is never valid code; lezer's tree
 * building recurses per level and can overflow the JS stack around a few thousand. This is used only after a
 * parse failed: it replaces brackets nested deeper than `maxDepth` (outside strings and comments) with spaces of
 * the same length, so every offset stays valid and the rest of the file still parses.
 */
export function flattenDeepNesting(text: string, maxDepth = 100): string {
  const out: string[] = [];
  let depth = 0;
  let copiedUpTo = 0;
  let i = 0;
  const blankAt = (at: number) => {
    out.push(text.slice(copiedUpTo, at), ' ');
    copiedUpTo = at + 1;
  };
  while (i < text.length) {
    const ch = text[i];
    if (ch === '#') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (ch === '"' || ch === "'") {
      const triple = text.startsWith(ch.repeat(3), i);
      const quote = triple ? ch.repeat(3) : ch;
      i += quote.length;
      while (i < text.length && !text.startsWith(quote, i) && (triple || text[i] !== '\n')) i += text[i] === '\\' ? 2 : 1;
      i += quote.length;
    } else {
      if (ch === '(' || ch === '[' || ch === '{') {
        depth++;
        if (depth > maxDepth) blankAt(i);
      } else if (ch === ')' || ch === ']' || ch === '}') {
        if (depth > maxDepth) blankAt(i);
        if (depth > 0) depth--;
      }
      i++;
    }
  }
  out.push(text.slice(copiedUpTo));
  return out.join('');
}
