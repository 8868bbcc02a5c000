/**
 * Turns lezer Python expression nodes into a small typed tree the porter reads, with framework names resolved. Every
 * node's `text` is its code rebuilt from its tokens on one line (codeText), so what the porter writes of an original
 * expression is built from structure; only `other` nodes may hold raw source, and those are never written as code.
 */
import type { SyntaxNode } from '@lezer/common';
import type { FrameworkReference, PythonAnalysis } from '../python';
import { codeText } from '../python/codeText';
import { stringLiteralValue } from '../python/literals';
import { referenceAt } from '../python/referenceAt';
import { normaliseKerasName } from '../../knowledge/port';

export type PyExpr =
  | { t: 'name'; id: string; qn?: string; text: string }
  | { t: 'attr'; obj: PyExpr; name: string; qn?: string; text: string }
  | { t: 'call'; fn: PyExpr; args: PyExpr[]; kwargs: PyKeyword[]; text: string; starred?: boolean }
  | { t: 'num'; value: number; text: string }
  | { t: 'str'; value: string; text: string }
  | { t: 'const'; text: string }
  | { t: 'list' | 'tuple'; items: PyExpr[]; text: string }
  | { t: 'bin'; op: string; a: PyExpr; b: PyExpr; text: string }
  | { t: 'unary'; op: string; a: PyExpr; text: string }
  | { t: 'sub'; obj: PyExpr; index: string; items: PyExpr[]; text: string }
  /** Anything else; `raw` when `text` is the source as written (it holds a syntax error or an unreadable string). */
  | { t: 'other'; text: string; raw?: true };

export interface PyKeyword {
  name: string;
  value: PyExpr;
}

/** Reads expressions of one analysed text; qualified names come from the analysis' import-aware references. */
export class ExpressionReader {
  private readonly references: readonly FrameworkReference[];

  constructor(
    readonly text: string,
    analysis: PythonAnalysis,
  ) {
    this.references = analysis.references;
  }

  slice(node: SyntaxNode): string {
    return this.text.slice(node.from, node.to);
  }

  read(node: SyntaxNode): PyExpr {
    const code = codeText(this.text, node);
    if (code === undefined) return { t: 'other', text: this.slice(node), raw: true };
    const text = code;
    const reference = referenceAt(this.references, node);
    const qn = reference && normaliseKerasName(reference.qualifiedName);
    switch (node.name) {
      case 'VariableName':
        return qn ? { t: 'name', id: text, qn, text } : { t: 'name', id: text, text };
      case 'MemberExpression': {
        const children = childrenOf(node);
        const obj = children[0];
        const last = children[children.length - 1];
        if (children[1]?.name === '[') {
          const inner = children.slice(2, -1).filter((c) => c.name !== ',');
          const object = this.read(obj);
          const open = text.indexOf('[', object.text.length);
          const index = text.slice(open + 1, -1);
          return { t: 'sub', obj: object, index, items: inner.map((c) => this.read(c)), text };
        }
        if (last.name === 'PropertyName') return { t: 'attr', obj: this.read(obj), name: this.slice(last), ...(qn ? { qn } : {}), text };
        return { t: 'other', text };
      }
      case 'CallExpression': {
        const children = childrenOf(node);
        const fn = this.read(children[0]);
        const argList = children[children.length - 1];
        const { args, kwargs, ok } = this.readArgs(argList);
        return ok ? { t: 'call', fn, args, kwargs, text } : { t: 'call', fn, args, kwargs, text, starred: true };
      }
      case 'Number':
        return { t: 'num', value: Number(text.replace(/_/g, '')), text };
      case 'String': {
        const literal = stringLiteralValue(this.slice(node));
        return literal && !literal.bytes ? { t: 'str', value: literal.value, text } : { t: 'other', text };
      }
      case 'Boolean':
      case 'None':
        return { t: 'const', text };
      case 'ArrayExpression':
      case 'TupleExpression': {
        const items = childrenOf(node)
          .filter((c) => !['[', ']', '(', ')', ','].includes(c.name))
          .map((c) => this.read(c));
        return { t: node.name === 'ArrayExpression' ? 'list' : 'tuple', items, text };
      }
      case 'ParenthesizedExpression': {
        const inner = parenthesized(node);
        return inner ? this.read(inner) : { t: 'other', text };
      }
      case 'BinaryExpression': {
        const [a, op, b] = childrenOf(node);
        if (!a || !op || !b) return { t: 'other', text };
        return { t: 'bin', op: this.slice(op), a: this.read(a), b: this.read(b), text };
      }
      case 'UnaryExpression': {
        const [op, a] = childrenOf(node);
        if (!op || !a) return { t: 'other', text };
        return { t: 'unary', op: this.slice(op), a: this.read(a), text };
      }
      default:
        return { t: 'other', text };
    }
  }

  /**
   * The callee of the call that `node` stands for, through parentheses as read() unwraps them, read without the call's
   * arguments; undefined when it is not a call. Equal to read(node).fn, at the cost of the callee alone: the model
   * search tests every assignment's right-hand side this way and reads only the few that are models in full.
   */
  calleeOf(node: SyntaxNode): PyExpr | undefined {
    let at: SyntaxNode | undefined = node;
    while (at?.name === 'ParenthesizedExpression') at = parenthesized(at);
    return at?.name === 'CallExpression' ? this.read(childrenOf(at)[0]) : undefined;
  }

  /** Positional and keyword arguments; `ok` is false for `*args`/`**kwargs` or anything the porter cannot read. */
  readArgs(argList: SyntaxNode): { args: PyExpr[]; kwargs: PyKeyword[]; ok: boolean } {
    const args: PyExpr[] = [];
    const kwargs: PyKeyword[] = [];
    const children = childrenOf(argList).filter((c) => c.name !== '(' && c.name !== ')' && c.name !== ',');
    let ok = true;
    for (let i = 0; i < children.length; i++) {
      const child = children[i];
      if (child.name === 'VariableName' && children[i + 1]?.name === 'AssignOp') {
        kwargs.push({ name: this.slice(child), value: this.read(children[i + 2]) });
        i += 2;
      } else if (child.name === '*' || child.name === '**') {
        ok = false;
        i += 1;
      } else args.push(this.read(child));
    }
    return { args, kwargs, ok };
  }
}

/** The one expression inside parentheses; undefined when there is not exactly one (an empty or odd group). */
function parenthesized(node: SyntaxNode): SyntaxNode | undefined {
  const inner = childrenOf(node).filter((c) => c.name !== '(' && c.name !== ')');
  return inner.length === 1 ? inner[0] : undefined;
}

export function childrenOf(node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let c = node.firstChild; c; c = c.nextSibling) if (c.name !== 'Comment') out.push(c);
  return out;
}

/** The qualified name an expression refers to (`torch.nn.Linear`), if it is a framework name. */
export function qualifiedOf(expr: PyExpr): string | undefined {
  return expr.t === 'name' || expr.t === 'attr' ? expr.qn : undefined;
}

/** `self.fc` → 'fc' when `expr` is an attribute of the given receiver name. */
export function selfAttribute(expr: PyExpr, self: string): string | undefined {
  return expr.t === 'attr' && expr.obj.t === 'name' && expr.obj.id === self ? expr.name : undefined;
}

/** A literal int or tuple/list of ints as numbers (`3` → [3], `(3, 3)` → [3, 3]); undefined for anything else. */
export function intsOf(expr: PyExpr | undefined): number[] | undefined {
  if (!expr) return undefined;
  if (expr.t === 'num' && Number.isInteger(expr.value)) return [expr.value];
  if (expr.t === 'unary' && expr.op === '-' && expr.a.t === 'num') return [-expr.a.value];
  if (expr.t === 'tuple' || expr.t === 'list') {
    const values = expr.items.map((i) => intsOf(i));
    if (values.every((v) => v && v.length === 1)) return values.map((v) => (v as number[])[0]);
  }
  return undefined;
}

/** A literal number (int or float, possibly negative). */
export function numberOf(expr: PyExpr | undefined): number | undefined {
  if (!expr) return undefined;
  if (expr.t === 'num') return expr.value;
  if (expr.t === 'unary' && expr.op === '-' && expr.a.t === 'num') return -expr.a.value;
  return undefined;
}
