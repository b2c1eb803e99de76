// `newsclean decode <file>`: one file's text after charset decoding and mojibake repair, as the decode stage
// reads it, before any HTML or boilerplate processing. The tool for a document that came out garbled.
import { resolve } from 'node:path';
import type { z } from 'zod';
import { DEFAULT_PIPELINE, loadPipeline } from '../runner/pipeline.js';
import { DecodeOptions, decodeText } from '../stages/decode/index.js';
import { parseCommandArgs, UsageError, type Command } from './common.js';
import { readDocument } from './document-arg.js';

const help = `Usage: newsclean decode <file>[#<n>] [--json] [--content-type <value>] [--pipeline <file>]

Prints the file's text after charset decoding and mojibake repair, as the decode stage
reads it: markup kept, entities left as they are. The charset is chosen in the WHATWG
order: byte-order mark, the HTTP header's charset, <meta charset> (HTML), XML declaration,
valid UTF-8, then detection, then the pipeline's fallbackCharset (windows-1252).
A .gz file is inflated, and a sidecar beside the file (story.html.json) gives its HTTP
header. A record of a WARC file or export is named as in the records: crawl.warc.gz#17.
A .html/.htm file (or one that starts like a page) is HTML; anything else is text.

Options:
  --json                  print {"encoding", "decidedBy", "text"} instead of the text;
                          decidedBy is bom, http, meta, xml, utf8, detected or fallback
  --content-type <value>  the HTTP Content-Type header the file was served with
                          (e.g. "text/html; charset=windows-1251"); outranks a sidecar's
  -p, --pipeline <file>   pipeline file whose decode options apply (default: pipelines/news.json)
  -h, --help              show this help`;

export const decodeCommand = async (argv: string[]): Promise<number> => {
  const { values, positionals } = parseCommandArgs('decode', argv, {
    json: { type: 'boolean' },
    'content-type': { type: 'string' },
    pipeline: { type: 'string', short: 'p' },
  });
  if (values.help) {
    console.log(help);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError(`decode takes one file (see 'newsclean decode --help')`);
  const arg = positionals[0]!;
  const pipeline = loadPipeline(resolve((values.pipeline as string | undefined) ?? DEFAULT_PIPELINE));
  const item = await readDocument(arg, pipeline);
  if (!item.ok) throw new UsageError(`${item.input.path}: ${item.code}: ${item.detail}`);
  const { input } = item;
  const file = arg;
  const decoded = decodeText(input.bytes, {
    html: input.format === 'html',
    contentType: (values['content-type'] as string | undefined) ?? input.contentType ?? null,
    options: pipeline.stageOptions.decode as z.infer<typeof DecodeOptions>,
  });
  // An empty or binary file has no text to show: one line, as for any other mistake of input.
  if (!decoded.ok) throw new UsageError(`${file}: ${decoded.code}: ${decoded.detail}`);
  if (values.json) {
    process.stdout.write(`${JSON.stringify({ encoding: decoded.charset, decidedBy: decoded.source, text: decoded.text })}\n`);
  } else {
    process.stdout.write(decoded.text.endsWith('\n') ? decoded.text : `${decoded.text}\n`);
  }
  return 0;
};

export const command: Command = { help, main: decodeCommand };
