/** readArgs: the argument rule shared by the CLI's commands. */
import * as assert from 'node:assert';
import { readArgs, type ArgItem } from '../../../src/cli/args';

/** Reads every item, taking a value for the flags in `withValue`. */
function read(args: string[], withValue: string[] = []): string[] {
  const out: string[] = [];
  for (const item of readArgs(args, (m) => new Error(m))) {
    if (item.kind === 'positional') out.push(`pos:${item.text}`);
    else out.push(withValue.includes(item.flag) ? `${item.flag}=${item.value()}` : `${item.flag}${item.inline === undefined ? '' : `(inline ${item.inline})`}`);
  }
  return out;
}

suite('cli/args: readArgs', () => {
  test('positionals, --flag value and --flag=value, in order', () => {
    assert.deepStrictEqual(read(['a.py', '--to', 'keras', '--out=x.py', 'b.py'], ['--to', '--out']), ['pos:a.py', '--to=keras', '--out=x.py', 'pos:b.py']);
  });

  test('a value taken from the next argument is not read again as a positional', () => {
    assert.deepStrictEqual(read(['--format', 'json', 'src'], ['--format']), ['--format=json', 'pos:src']);
  });

  test('a flag without a value stays a flag; inline text is reported', () => {
    assert.deepStrictEqual(read(['--references', '--references=yes']), ['--references', '--references(inline yes)']);
  });

  test('everything after -- is positional', () => {
    assert.deepStrictEqual(read(['--', '--weird-name.py', '-x']), ['pos:--weird-name.py', 'pos:-x']);
  });

  test('a missing value throws the command’s own error', () => {
    const items = readArgs(['--to'], (m) => new RangeError(m));
    const first = items.next().value as ArgItem;
    assert.ok(first.kind === 'option');
    assert.throws(() => first.value(), (err: Error) => err instanceof RangeError && err.message === '--to needs a value');
  });
});
