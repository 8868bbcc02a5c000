/**
 * The source of a parsed expression or simple statement rebuilt from its tokens on one line: what generated code
 * may carry of the original. Comments and line breaks between tokens are dropped, string literals are re-encoded
 * from their values (see literals.ts), and anything the parser did not understand makes the text unavailable.
 */
import type { SyntaxNode } from '@lezer/common';
import { isPlainToken, stringLiteralCode } from './literals';

const OPENERS = new Set(['(', '[', '{']);
const CLOSERS = new Set([')', ']', '}', ',', ':']);
/** Text between two tokens that the tree has no node for: only operator and punctuation characters may be there. */
const ANONYMOUS_TOKEN = /^[^\s'"#\\\p{Cc}\p{Cf}\p{Zl}\p{Zp}]+$/u;

/** Joins tokens on one line: a space where the original had whitespace, a line break or a comment between them. */
class TokenLine {
  private readonly parts: string[] = [];
  private spaced = false;
  failed = false;

  constructor(
    private readonly text: string,
    private at: number,
  ) {}

  /** A comment counts as a space between the tokens around it. */
  skip(from: number, to: number): void {
    this.gap(this.text.slice(this.at, from));
    this.spaced = true;
    this.at = to;
  }

  token(token: string, from: number, to: number): void {
    this.gap(this.text.slice(this.at, from));
    this.push(token);
    this.at = to;
  }

  finish(to: number): string | undefined {
    this.gap(this.text.slice(this.at, to));
    return this.failed ? undefined : this.parts.join('');
  }

  /** Whitespace and line continuations between tokens; anything else there is punctuation the tree left out. */
  private gap(gap: string): void {
    if (gap === '') return;
    const words = gap.replace(/\\(\r\n|\r|\n)/g, ' ').split(/\s+/);
    for (const word of words) {
      if (word === '') {
        this.spaced = true;
        continue;
      }
      if (!ANONYMOUS_TOKEN.test(word)) this.failed = true;
      this.push(word);
      this.spaced = false;
    }
  }

  private push(piece: string): void {
    const last = this.parts[this.parts.length - 1];
    if (last !== undefined && this.spaced && !OPENERS.has(last) && !CLOSERS.has(piece)) this.parts.push(' ');
    this.parts.push(piece);
    this.spaced = false;
  }
}

/**
 * `node`'s code on one line, built from its tokens; undefined when it holds a syntax error, an f-string that is not
 * plain one-line text, a string whose value cannot be read, or text between tokens that is not whitespace, a
 * comment or punctuation. An explicit stack, so a deeply nested expression cannot exhaust the call stack.
 */
export function codeText(text: string, node: SyntaxNode): string | undefined {
  const line = new TokenLine(text, node.from);
  const stack: SyntaxNode[] = [node];
  while (stack.length > 0) {
    const current = stack.pop() as SyntaxNode;
    if (current.type.isError) return undefined;
    const { from, to, name } = current;
    if (name === 'Comment') {
      line.skip(from, to);
      continue;
    }
    if (name === 'String' || name === 'FormatString') {
      const raw = text.slice(from, to);
      const literal = name === 'String' ? stringLiteralCode(raw) : isPlainToken(raw) ? raw : undefined;
      if (literal === undefined) return undefined;
      line.token(literal, from, to);
      continue;
    }
    const children: SyntaxNode[] = [];
    for (let child = current.firstChild; child; child = child.nextSibling) children.push(child);
    if (children.length === 0) {
      if (to > from) line.token(text.slice(from, to), from, to);
      continue;
    }
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  return line.finish(node.to);
}
