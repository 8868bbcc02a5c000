/** Node kinds of the lezer Python grammar as numbers, so tree walks compare integers instead of names. */
import { parser } from './parser';

/**
 * lezer gives one node type per place a name is declared in the grammar, so `AssignOp`, `ParamList`,
 * `LambdaExpression`… each have several ids. Every id maps to the first id of its name: compare kinds, not ids.
 */
const CANONICAL_KIND: Int32Array = (() => {
  const firstIdByName = new Map<string, number>();
  const kinds = new Int32Array(parser.nodeSet.types.length);
  for (const type of parser.nodeSet.types) {
    if (!firstIdByName.has(type.name)) firstIdByName.set(type.name, type.id);
    kinds[type.id] = firstIdByName.get(type.name) as number;
  }
  return kinds;
})();

/** The kind of a node type id (see CANONICAL_KIND). */
export function kindOf(typeId: number): number {
  return CANONICAL_KIND[typeId];
}

/** The kind of a node, or -1 for none (a missing sibling). */
export function nodeKind(node: { type: { id: number } } | null | undefined): number {
  return node ? CANONICAL_KIND[node.type.id] : -1;
}

function kindNamed(name: string): number {
  const type = parser.nodeSet.types.find((t) => t.name === name);
  if (!type) throw new Error(`the Python grammar has no node type ${name}`);
  return CANONICAL_KIND[type.id];
}

const T_NAMES = {
  VariableName: 'VariableName',
  PropertyName: 'PropertyName',
  MemberExpression: 'MemberExpression',
  CallExpression: 'CallExpression',
  ArgList: 'ArgList',
  AssignOp: 'AssignOp',
  UpdateOp: 'UpdateOp',
  TypeDef: 'TypeDef',
  Body: 'Body',
  ParamList: 'ParamList',
  ImportStatement: 'ImportStatement',
  AssignStatement: 'AssignStatement',
  UpdateStatement: 'UpdateStatement',
  ForStatement: 'ForStatement',
  WithStatement: 'WithStatement',
  TryStatement: 'TryStatement',
  IfStatement: 'IfStatement',
  FunctionDefinition: 'FunctionDefinition',
  ClassDefinition: 'ClassDefinition',
  LambdaExpression: 'LambdaExpression',
  ComprehensionExpression: 'ComprehensionExpression',
  ArrayComprehensionExpression: 'ArrayComprehensionExpression',
  SetComprehensionExpression: 'SetComprehensionExpression',
  DictionaryComprehensionExpression: 'DictionaryComprehensionExpression',
  TupleExpression: 'TupleExpression',
  ArrayExpression: 'ArrayExpression',
  ParenthesizedExpression: 'ParenthesizedExpression',
  NamedExpression: 'NamedExpression',
  ScopeStatement: 'ScopeStatement',
  Decorator: 'Decorator',
  CapturePattern: 'CapturePattern',
  AsPattern: 'AsPattern',
  KeywordPattern: 'KeywordPattern',
  TypeParam: 'TypeParam',
  kwFor: 'for',
  kwIn: 'in',
  kwAs: 'as',
  kwExcept: 'except',
  kwIf: 'if',
  kwFrom: 'from',
  kwImport: 'import',
  kwGlobal: 'global',
  dot: '.',
  ellipsis: 'Ellipsis',
  star: '*',
  starStar: '**',
  comma: ',',
  parenOpen: '(',
  colon: ':',
  BracketOpen: '[',
} as const;

/** Kinds by readable key: `NodeKind.AssignOp`, `NodeKind.kwFor` (keywords are `kw…`). */
export const NodeKind = Object.fromEntries(Object.entries(T_NAMES).map(([key, name]) => [key, kindNamed(name)])) as Record<keyof typeof T_NAMES, number>;
