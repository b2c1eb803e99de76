// What every command shares: argument parsing that reports mistakes as usage errors, and the command shape.
import { readFileSync } from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';

/** A mistake in how the command was called: one line on stderr, exit code 2. */
export class UsageError extends Error {}

/** The run was stopped by a signal: one line on stderr, exit code 130. */
export class Interrupted extends Error {}

export interface Command {
  /** Usage text printed by `newsclean <command> --help`. */
  help: string;
  /** Returns the exit code. */
  main(argv: string[]): Promise<number>;
}

type Options = NonNullable<ParseArgsConfig['options']>;

type Config<O extends Options> = { args: string[]; options: O & { help: { type: 'boolean'; short: 'h' } }; allowPositionals: true; strict: true };

/** node:util parseArgs in strict mode, with `--help`, and its errors turned into one-line UsageErrors. */
export const parseCommandArgs = <O extends Options>(command: string, argv: string[], options: O): ReturnType<typeof parseArgs<Config<O>>> => {
  try {
    return parseArgs<Config<O>>({
      args: argv,
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (e) {
    // Node's messages run on with advice about '--'; the first sentence is the useful part.
    const first = (e as Error).message.split(/\.\s/)[0]!.replace(/\.$/, '');
    throw new UsageError(`${first.charAt(0).toLowerCase()}${first.slice(1)} (see 'newsclean ${command} --help')`);
  }
};

export const positiveInt = (name: string, value: string | undefined): number | undefined => {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--${name} must be a whole number of at least 1, not "${value}"`);
  return n;
};

export const packageVersion = (): string => {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
};
