// Builds our Python parser: @lezer/python's grammar with the patches below, compiled by @lezer/generator into
// src/core/python/grammar/. `--check` regenerates in memory and fails when the committed files differ, so the
// patch list here stays the true record of how the committed parser differs from upstream.
import { buildParserFile } from '@lezer/generator';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const upstreamDir = path.join(root, 'node_modules', '@lezer', 'python');
const outDir = path.join(root, 'src', 'core', 'python', 'grammar');

/** Each patch replaces text that must occur exactly once in the upstream file; `why` is what CPython accepts that upstream rejects. */
export const GRAMMAR_PATCHES = [
  {
    why: 'we never highlight, so the highlighting props (and @lezer/highlight) are left out',
    find: '@external propSource pythonHighlighting from "./highlight"\n',
    replace: '',
  },
  {
    why: 'a float may end with its dot (`1.`, `f(0., 1)`, `1.e5`), as in CPython\'s tokenizer',
    find: '(@digit ("_" | @digit)* ("." @digit ("_" | @digit)*)? | "." @digit ("_" | @digit)*)',
    replace: '(@digit ("_" | @digit)* ("." (@digit ("_" | @digit)*)?)? | "." @digit ("_" | @digit)*)',
  },
  {
    why: 'a bare `yield` (statement or expression) has no value list',
    find: 'yield { kw<"yield"> (kw<"from"> test | commaSep<test | "*" expression>) }',
    replace: 'yield { kw<"yield"> (kw<"from"> test | commaSep<test | "*" expression>)? }',
  },
  {
    why: 'a `with` target can be any assignment target (`as (a, b)`, `as self.x`), and the items can be parenthesized over several lines (Python 3.9+)',
    find: 'WithStatement { kw<"async">? kw<"with"> commaSep<test (kw<"as"> VariableName)?> Body }',
    replace: 'WithStatement { kw<"async">? kw<"with"> (commaSep<withItem> | withItemList) Body }',
  },
  {
    why: '(the with items, and their parenthesized list: a bracketed context for the indentation tracker)',
    find: 'elseClause { kw<"else"> Body }',
    replace: 'elseClause { kw<"else"> Body }\n\nwithItem { test ~withParen (kw<"as"> expression)? }\n\nwithItemList[@export] { "(" commaSep<withItem> ")" }',
  },
  {
    why: '(`with (a, b):` is both a tuple and a list of items until `as` or `:` decides: a GLR split)',
    find: 'testNamed {\n  test | NamedExpression { test AssignOp{":="} test }\n}',
    replace: 'testNamed {\n  test ~withParen | NamedExpression { test AssignOp{":="} test }\n}',
  },
  {
    why: 'a comprehension target can be starred (`[x for x, *rest in pairs]`)',
    find: 'kw<"async">? kw<"for"> commaSep<expression> kw<"in"> testInner (compFor | compIf)?',
    replace: 'kw<"async">? kw<"for"> commaSep<"*"? expression> kw<"in"> testInner (compFor | compIf)?',
  },
  {
    why: 'a class pattern may have no arguments (`case Tensor():`), and sequence and mapping patterns may be empty (`case []:`, `case {}:`)',
    find: 'PatternArgList { "(" commaSep<pattern | KeywordPattern { VariableName "=" pattern }> ")" }\n\nSequencePattern { "[" commaSep<pattern> "]" | "(" commaSep<pattern> ")" }\n\nMappingPattern { "{" commaSep<"**" pattern | (VariableName | LiteralPattern) ":" pattern> "}" }',
    replace: 'PatternArgList { "(" commaSep<pattern | KeywordPattern { VariableName "=" pattern }>? ")" }\n\nSequencePattern { "[" commaSep<pattern>? "]" | "(" commaSep<pattern>? ")" }\n\nMappingPattern { "{" commaSep<"**" pattern | (VariableName | LiteralPattern) ":" pattern>? "}" }',
  },
  {
    why: 'type parameters may have defaults (PEP 696, Python 3.13: `def f[T = int]()`, `class A[*Ts = *tuple[int]]`)',
    find: 'TypeParam {\n  ("*" | "**") VariableName |\n  VariableName TypeDef?\n}',
    replace: 'TypeParam {\n  ("*" | "**") VariableName (AssignOp{"="} ("*" expression | test))? |\n  VariableName TypeDef? (AssignOp{"="} test)?\n}',
  },
  {
    why: 'star expressions in subscripts and in `*args` annotations (PEP 646, Python 3.11: `tuple[int, *Ts]`, `*args: *Ts`)',
    find: 'subscript[@export] {\n  "[" commaSep<testNamed | testNamed? ":" testNamed? (":" testNamed?)?> "]"\n}',
    replace: 'subscript[@export] {\n  "[" commaSep<testNamed | "*" expression | testNamed? ":" testNamed? (":" testNamed?)?> "]"\n}',
  },
  {
    why: '(the `*args: *Ts` annotation)',
    find: 'param { VariableName TypeDef? (AssignOp{"="} test)? | "*" (VariableName TypeDef?)? |',
    replace: 'param { VariableName TypeDef? (AssignOp{"="} test)? | "*" (VariableName (TypeDef | TypeDef { ":" "*" expression })?)? |',
  },
];

export const TOKEN_PATCHES = [
  {
    why: '(the parenthesized with items are a bracketed context: their term id is needed here)',
    find: 'ArgList, ParamList, importList, subscript,\n',
    replace: 'ArgList, ParamList, importList, subscript, withItemList,\n',
  },
  {
    why: '(and they close a bracketed context like the other bracket lists)',
    find: 'ParenthesizedExpression, TupleExpression, ComprehensionExpression, importList, ArgList, ParamList,\n',
    replace: 'ParenthesizedExpression, TupleExpression, ComprehensionExpression, importList, withItemList, ArgList, ParamList,\n',
  },
  {
    why: 'a line after a backslash continuation is not a new line: an empty line there ends the statement instead of being skipped as blank',
    find: '  } else if (((prev = input.peek(-1)) < 0 || isLineBreak(prev)) &&\n             stack.canShift(blankLineStart)) {',
    replace: '  } else if (((prev = input.peek(-1)) < 0 || isLineBreak(prev) && !(afterContinuation(input) && stack.canShift(newlineToken))) &&\n             stack.canShift(blankLineStart)) {',
  },
  {
    why: '(the continuation test for the line above)',
    find: 'export const newlines = new ExternalTokenizer(',
    replace: `// True when a backslash precedes the line break before the input position. It continues the line unless it ended a
// comment; the caller tells the two apart by asking whether the statement can still end here.
function afterContinuation(input) {
  let back = input.peek(-1) == newline && input.peek(-2) == carriageReturn ? -3 : -2
  return input.peek(back) == backslash
}

export const newlines = new ExternalTokenizer(`,
  },
  {
    why: 'in a raw f-string a backslash does not escape a brace: `rf"\\{x}"` has a replacement field, `rf"\\{{"` a literal brace',
    find: '    } else if (input.next == backslash && !escapes && input.peek(1) > -1) {\n      // Raw strings still ignore escaped quotes, weirdly.\n      input.advance(2)',
    replace: '    } else if (input.next == backslash && !escapes && input.peek(1) > -1) {\n      // Raw strings still ignore escaped quotes, weirdly.\n      input.advance(format && (input.peek(1) == braceOpen || input.peek(1) == braceClose) ? 1 : 2)',
  },
  {
    why: 'Python 2 `print x` is only a statement when a word, number or string follows; `print = f`, `print >> f`, `print, x` are Python 3 expressions',
    find: '    if (next != parenOpen && next != dot && next != newline && next != carriageReturn && next != hash)\n      input.acceptToken(printKeyword)\n    return',
    replace: '    if (startsPrintOperand(input, off)) input.acceptToken(printKeyword)\n    return',
  },
  {
    why: '(the operand test for the line above)',
    find: 'export const strings = new ExternalTokenizer(',
    replace: `const operatorWords = new Set(["and", "or", "not", "in", "is", "if", "else", "for", "as"])

// A Python 2 print statement's operand: a word that is not an operator keyword, a number or a string.
function startsPrintOperand(input, off) {
  let next = input.peek(off)
  if (next == singleQuote || next == doubleQuote || next >= 48 && next <= 57) return true
  if (!(next == 95 || next >= 65 && next <= 90 || next >= 97 && next <= 122 || next > 127)) return false
  let word = ""
  for (let ch = next; ch == 95 || ch >= 48 && ch <= 57 || ch >= 65 && ch <= 90 || ch >= 97 && ch <= 122 || ch > 127; ch = input.peek(++off))
    word += String.fromCharCode(ch)
  return !operatorWords.has(word)
}

export const strings = new ExternalTokenizer(`,
  },
];

/** Patches of the generated parser module; `why` is what they change (speed only: the tables stay as generated). */
export const OUTPUT_PATCHES = [
  {
    why: 'keywords are looked up in a Map: an object lookup interns every identifier read (about 4% of the parse)',
    find: 'get: (value) => spec_identifier[value] || -1',
    replace: 'get: (value) => keywords.get(value) ?? -1',
  },
  {
    why: '(the Map, from the generated table)',
    find: 'export const parser = LRParser.deserialize({',
    replace: 'const keywords = new Map(Object.entries(spec_identifier))\nexport const parser = LRParser.deserialize({',
  },
];

function applyPatches(text, patches, file) {
  let out = text;
  for (const patch of patches) {
    const at = out.indexOf(patch.find);
    if (at < 0 || out.indexOf(patch.find, at + 1) >= 0) throw new Error(`${file}: the patch "${patch.why}" no longer matches exactly once; update it for this @lezer/python version`);
    out = out.slice(0, at) + patch.replace + out.slice(at + patch.find.length);
  }
  return out;
}

function header(what) {
  const python = require(path.join(upstreamDir, 'package.json')).version;
  const generator = JSON.parse(fs.readFileSync(path.join(root, 'node_modules', '@lezer', 'generator', 'package.json'), 'utf8')).version;
  return `// GENERATED by scripts/build-parser.mjs — do not edit. ${what} of @lezer/python ${python} (MIT, Marijn Haverbeke),\n// compiled with @lezer/generator ${generator}, with the patches listed in scripts/build-parser.mjs.\n`;
}

/** The files of the patched parser, by name. */
export function generate() {
  const grammar = applyPatches(fs.readFileSync(path.join(upstreamDir, 'src', 'python.grammar'), 'utf8'), GRAMMAR_PATCHES, 'python.grammar');
  const tokens = applyPatches(fs.readFileSync(path.join(upstreamDir, 'src', 'tokens.js'), 'utf8'), TOKEN_PATCHES, 'tokens.js');
  const { parser, terms } = buildParserFile(grammar, { fileName: 'python.grammar', moduleStyle: 'es' });
  return {
    'parser.js': header('Parse tables built from the grammar') + applyPatches(parser.replace(/from "\.\/tokens"/g, 'from "./tokens.js"'), OUTPUT_PATCHES, 'parser.js'),
    'parser.terms.js': header('Term ids') + terms,
    'tokens.js': header('The external tokenizers (src/tokens.js)') + tokens,
  };
}

const check = process.argv.includes('--check');
if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  const files = generate();
  let stale = 0;
  for (const [name, content] of Object.entries(files)) {
    const target = path.join(outDir, name);
    const current = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : undefined;
    if (current === content) continue;
    if (check) {
      console.error(`build-parser: ${path.relative(root, target)} is out of date; run node scripts/build-parser.mjs`);
      stale++;
    } else fs.writeFileSync(target, content);
  }
  if (!check) console.log(`build-parser: wrote ${Object.keys(files).length} files to ${path.relative(root, outDir)}`);
  process.exitCode = stale ? 1 : 0;
}
