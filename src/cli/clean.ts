// `newsclean clean`: one document from a file or stdin through the pipeline, printed as its record: the same
// readers and the same code path as `run`, so one page gives the same record either way.
import { resolve } from 'node:path';
import type { RawInput } from '../core/input.js';
import { isHtml } from '../io/readers/export.js';
import { cleanInput } from '../runner/clean.js';
import { DEFAULT_PIPELINE, loadPipeline } from '../runner/pipeline.js';
import { unprocessed, type Outcome } from '../runner/process.js';
import { parseCommandArgs, UsageError, type Command } from './common.js';
import { readDocument } from './document-arg.js';

/** Exit code of a document that was processed and rejected: not an error of the command. */
export const EXIT_REJECTED = 5;

const help = `Usage: newsclean clean <file>[#<n>] | - [--text] [--format html|text] [--url <url>]
                       [--fetched-at <iso-date>] [--pipeline <file>]

Cleans one document and prints its record as one JSON line: the article record (as in
articles.jsonl), or, for a document that is not accepted, its rejected record (as in
rejected.jsonl). The file is read as 'run' reads it (a .gz inflated, a sidecar beside it used,
a WARC or export record named as in the records: crawl.warc.gz#17); '-' reads stdin.

Options:
  --text                   print the clean body only (nothing on stdout when not accepted)
  --format html|text       how to read it (default: from the extension, else by its start)
  --url <url>              the URL it was fetched from (names its site; last-resort canonical URL)
  --fetched-at <iso-date>  when it was fetched (the latest publication date it can have)
  -p, --pipeline <file>    pipeline file (default: pipelines/news.json)
  -h, --help               show this help

Exit codes: 0 accepted, ${EXIT_REJECTED} rejected (the record says why; a one-line reason on stderr),
1 failed (it could not be read or processed), 2 usage error (a missing file, a bad option).`;

const readStdin = async (limit: number): Promise<{ bytes: Buffer; size: number }> => {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    const b = chunk as Buffer;
    size += b.byteLength;
    // Keep reading to count, but do not hold more than the limit allows.
    if (size <= limit + 1) chunks.push(b);
  }
  return { bytes: Buffer.concat(chunks), size };
};

export const command: Command = {
  help,
  async main(argv) {
    const { values, positionals } = parseCommandArgs('clean', argv, {
      text: { type: 'boolean' },
      format: { type: 'string' },
      url: { type: 'string' },
      'fetched-at': { type: 'string' },
      pipeline: { type: 'string', short: 'p' },
    });
    if (values.help) {
      console.log(help);
      return 0;
    }
    if (positionals.length !== 1) throw new UsageError("clean takes one file, or - for stdin (see 'newsclean clean --help')");
    const format = values.format as string | undefined;
    if (format !== undefined && format !== 'html' && format !== 'text') throw new UsageError(`--format must be html or text, not "${format}"`);
    const fetchedAt = values['fetched-at'] as string | undefined;
    if (fetchedAt !== undefined && Number.isNaN(Date.parse(fetchedAt))) throw new UsageError(`--fetched-at must be an ISO 8601 date, not "${fetchedAt}"`);
    const url = values.url as string | undefined;
    if (url !== undefined && !URL.canParse(url)) throw new UsageError(`--url must be an absolute URL, not "${url}"`);
    const pipeline = loadPipeline(resolve((values.pipeline as string | undefined) ?? DEFAULT_PIPELINE));
    const given = { ...(url !== undefined && { url }), ...(fetchedAt !== undefined && { fetchedAt: new Date(fetchedAt).toISOString() }), ...(format && { format: format as RawInput['format'] }) };

    const arg = positionals[0]!;
    let outcome: Outcome;
    if (arg === '-') {
      const max = pipeline.limits.maxInputBytes;
      const { bytes, size } = await readStdin(max);
      const input: RawInput = { path: 'stdin', format: isHtml('', bytes) ? 'html' : 'text', bytes, ...given };
      outcome = size > max
        ? unprocessed({ ...input, size }, 'read', 'input_too_large', `stdin has ${size} bytes; the limit (limits.maxInputBytes) is ${max}`)
        : cleanInput(input, pipeline);
    } else {
      const item = await readDocument(arg, pipeline);
      outcome = item.ok
        ? cleanInput({ ...item.input, ...given }, pipeline)
        : unprocessed({ ...item.input, ...given, bytes: item.bytes, size: item.size }, 'read', item.code, item.detail);
    }

    if (outcome.status === 'accepted') {
      process.stdout.write(values.text ? `${outcome.article.body}\n` : `${JSON.stringify(outcome.article)}\n`);
      return 0;
    }
    const r = outcome.rejected;
    if (!values.text) process.stdout.write(`${JSON.stringify(r)}\n`);
    process.stderr.write(`newsclean: ${r.source.path} ${r.status} by ${r.stage}/${r.code}: ${r.message.replace(/\s+/g, ' ')}\n`);
    return r.status === 'failed' ? 1 : EXIT_REJECTED;
  },
};
