#!/usr/bin/env node
// The `newsclean` command: dispatches to one module per subcommand.
import { PipelineError } from './runner/pipeline.js';
import { PathError } from './io/walk.js';
import { OutputError } from './io/atomic.js';
import { Interrupted, packageVersion, UsageError, type Command } from './cli/common.js';

/** Subcommands, loaded on demand. A new command is one line here and one module in cli/. */
const COMMANDS: Record<string, { summary: string; load: () => Promise<Command> }> = {
  run: { summary: 'clean input folders into an output folder', load: async () => (await import('./cli/run.js')).command },
  clean: { summary: 'clean one document (a file or stdin) and print its record', load: async () => (await import('./cli/clean.js')).command },
  merge: { summary: 'join the output folders of a sharded run', load: async () => (await import('./cli/merge.js')).command },
  inspect: { summary: 'show rejections, or one document block by block', load: async () => (await import('./cli/inspect.js')).command },
  report: { summary: 'build report.html again from an output folder', load: async () => (await import('./cli/report.js')).command },
  schema: { summary: 'print the JSON Schema of the records', load: async () => (await import('./cli/schema.js')).command },
  eval: { summary: 'score the pipeline on a benchmark folder', load: async () => (await import('./cli/eval.js')).command },
  decode: { summary: "print one file's text after charset decoding and mojibake repair", load: async () => (await import('./cli/decode.js')).command },
};

const help = `newsclean ${packageVersion()}: turns folders of scraped news into clean article records.

Usage: newsclean <command> [options]

Commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(10)}${c.summary}`)
  .join('\n')}

Run 'newsclean <command> --help' for a command's options. Options: --help, --version.`;

const isUsageError = (e: unknown): e is Error =>
  e instanceof UsageError || e instanceof PipelineError || e instanceof PathError || e instanceof OutputError;

/** Every error a user can cause is one line on stderr and exit code 2; anything else is a bug: exit 3. */
const main = async (argv: string[]): Promise<number> => {
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    console.log(help);
    return first === undefined ? 2 : 0;
  }
  if (first === '--version' || first === '-v') {
    console.log(packageVersion());
    return 0;
  }
  const entry = Object.hasOwn(COMMANDS, first) ? COMMANDS[first] : undefined;
  if (!entry) throw new UsageError(`unknown command "${first}" (commands: ${Object.keys(COMMANDS).join(', ')})`);
  return (await entry.load()).main(rest);
};

let settled = false;
// A command whose work is left waiting on nothing would end with exit code 0 and no output: a bug, said so.
process.on('beforeExit', () => {
  if (settled) return;
  settled = true;
  process.stderr.write('newsclean: internal error: the command stopped before finishing (nothing left to wait for)\n');
  process.exitCode = 3;
});

main(process.argv.slice(2)).finally(() => (settled = true)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    const message = e instanceof Error ? e.message : String(e);
    const line = message.replace(/\s*\n\s*/g, ' ');
    if (e instanceof Interrupted) {
      process.stderr.write(`newsclean: ${line}\n`);
      // Exit now: letting the event loop drain would close the signal handlers first, and a Ctrl-C arriving
      // in that teardown would kill the process instead of being ignored. Cleanup is complete at this point.
      process.exit(130);
    } else if (isUsageError(e)) {
      process.stderr.write(`newsclean: ${line}\n`);
      process.exitCode = 2;
    } else {
      process.stderr.write(`newsclean: internal error: ${line}\n`);
      if (process.env.NEWSCLEAN_DEBUG) console.error(e);
      process.exitCode = 3;
    }
  },
);
