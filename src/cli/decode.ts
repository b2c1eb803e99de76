// `newsclean decode <file>`: one file's text after charset decoding and mojibake repair, as the decode stage
// reads it, before any HTML or boilerplate processing. The tool for a document that came out garbled.
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { decodeText } from '../stages/decode/index.js';
import { parseCommandArgs, UsageError, type Command } from './common.js';

const help = `Usage: newsclean decode <file> [--json] [--content-type <value>]

Prints the file's text after charset decoding and mojibake repair, as the decode stage
reads it: markup kept, entities left as they are. The charset is chosen in the WHATWG
order: byte-order mark, the HTTP header's charset, <meta charset> (HTML), XML declaration,
valid UTF-8, then detection, then windows-1252. A .html/.htm file (or one that starts
like a page) is HTML; anything else is text.

Options:
  --json                  print {"encoding", "decidedBy", "text"} instead of the text;
                          decidedBy is bom, http, meta, xml, utf8, detected or fallback
  --content-type <value>  the HTTP Content-Type header the file was served with
                          (e.g. "text/html; charset=windows-1251")
  -h, --help              show this help`;

/** HTML by extension, else by a look at the start (`<!doctype` or `<html`, after a BOM and blanks). */
export const isHtml = (file: string, bytes: Uint8Array): boolean => {
  const ext = extname(file).toLowerCase();
  if (ext === '.html' || ext === '.htm') return true;
  // Drop NULs so that UTF-16 and UTF-32 pages are recognized too.
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1').replace(/\0/g, '');
  return /^(?:\xef\xbb\xbf|\xff\xfe|\xfe\xff)?\s*<(?:!doctype\s+html|html)\b/i.test(head);
};

export const decodeCommand = async (argv: string[]): Promise<number> => {
  const { values, positionals } = parseCommandArgs('decode', argv, {
    json: { type: 'boolean' },
    'content-type': { type: 'string' },
  });
  if (values.help) {
    console.log(help);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError(`decode takes one file (see 'newsclean decode --help')`);
  const file = positionals[0]!;
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'ENOENT' ? `file not found: ${file}` : `cannot read ${file}: ${code ?? (e as Error).message}`);
  }
  const decoded = decodeText(bytes, { html: isHtml(file, bytes), contentType: values['content-type'] ?? null });
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
