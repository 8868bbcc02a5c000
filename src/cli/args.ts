/** The one rule for reading command-line arguments: positionals, `--flag value`, `--flag=value` and `--`. */

export type ArgItem = { kind: 'positional'; text: string } | { kind: 'option'; flag: string; inline: string | undefined; value: () => string };

/**
 * Walks `args` in order. An option's `value()` returns the text after `=` or consumes the next argument; `fail`
 * builds the error thrown when that argument is missing. Everything after `--` is positional.
 */
export function* readArgs(args: readonly string[], fail: (message: string) => Error): Generator<ArgItem> {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--') {
      for (const rest of args.slice(i + 1)) yield { kind: 'positional', text: rest };
      return;
    }
    if (!arg.startsWith('--')) {
      yield { kind: 'positional', text: arg };
      continue;
    }
    const eq = arg.indexOf('=');
    const flag = eq < 0 ? arg : arg.slice(0, eq);
    yield {
      kind: 'option',
      flag,
      /** The text after `=`, when the option was written `--flag=value`. */
      inline: eq < 0 ? undefined : arg.slice(eq + 1),
      value: () => {
        if (eq >= 0) return arg.slice(eq + 1);
        const next = args[i + 1];
        if (next === undefined) throw fail(`${flag} needs a value`);
        i++; // the generator is suspended inside this iteration, so the loop continues after the value
        return next;
      },
    };
  }
}
