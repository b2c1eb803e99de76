// Turns the walked input files into documents: a file is one, a WARC or an export holds many. Streams, in order.
import type { InputFile } from '../walk.js';
import { mtimeOf, readDocumentFile } from './document.js';
import { readJson, readJsonLines } from './export.js';
import type { ReaderOptions } from './fields.js';
import type { OnIgnoredRecord, ReadItem } from './item.js';
import { readWarc } from './warc.js';

export { DEFAULT_READER_OPTIONS, ReaderOptions } from './fields.js';
export type { ReadItem } from './item.js';

export interface ReadOptions {
  maxInputBytes: number;
  readers: ReaderOptions;
  onIgnoredRecord?: OnIgnoredRecord;
}

/** The documents of one input file, in their order inside it. Never throws: problems become items. */
export async function* readFile(f: InputFile, options: ReadOptions): AsyncGenerator<ReadItem> {
  const { maxInputBytes: max, readers } = options;
  if (f.kind === 'document') {
    yield await readDocumentFile(f, max, readers.fields);
    return;
  }
  const mtime = await mtimeOf(f.file);
  const lower = f.path.toLowerCase().replace(/\.gz$/, '');
  if (f.kind === 'warc') yield* readWarc(f, max, options.onIgnoredRecord ?? (() => {}), mtime);
  else if (lower.endsWith('.json')) yield* readJson(f, max, readers.fields, mtime);
  else yield* readJsonLines(f, max, readers.fields, mtime);
}
