// `newsclean inspect`: why documents were rejected, and what each stage did to one document.
import { existsSync, readFileSync } from 'node:fs';
import { readManifest } from '../io/run-dir.js';
import { join } from 'node:path';
import { ArticleRecord, RejectedRecord, StoredTrace, type Report, type TraceRecord } from '../core/records.js';
import { traceOf, TraceTextError } from '../core/trace.js';
import { z } from 'zod';
import { findRecordFile, readRecordLines, type RecordKind } from '../io/formats.js';
import { readJsonl } from '../io/jsonl.js';
import { parseCommandArgs, UsageError, type Command } from './common.js';

const PATHS_PER_CODE = 20;
const WIDTH = 100;
const MAX_LINES = 6;

const help = `Usage: newsclean inspect <out-dir> [<path-or-id>] [--all] [--full]

Without a document: lists rejected and failed documents grouped by code, with counts and paths.
With a document (its id, its source path, or a unique end of its path made of whole path segments,
like 2024/a.html): shows it block by block, kept or removed by which stage and rule, then its
messages and, if rejected, why.

Options:
  --all        list every path under each code (default: the first ${PATHS_PER_CODE})
  --full       show whole texts: every block, and every message in the listing (default: cut)
  -h, --help   show this help`;

const requireFile = (dir: string, name: string): string => {
  const file = join(dir, name);
  if (!existsSync(dir)) throw new UsageError(`output folder not found: ${visible(dir)}`);
  if (!existsSync(file)) throw new UsageError(`${visible(file)} not found: is ${visible(dir)} the --out folder of a finished run?`);
  return file;
};

// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u001f\u007f-\u009f]/g;
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * Text as it may reach a terminal: control characters (C0, ESC and DEL as `\xNN`, or `\n`, `\r`, `\t`; C1 as
 * `\u00NN`) shown as visible escapes, so a file name or a page's text cannot move the cursor, recolour the
 * terminal or hide what follows. Applied to everything inspect prints from the records, and to what it echoes.
 */
export const visible = (s: string): string =>
  s.replace(CONTROLS, (c) => {
    const code = c.charCodeAt(0);
    const hex = code.toString(16).toUpperCase().padStart(2, '0');
    return NAMED[c] ?? (code >= 0x80 ? `\\u00${hex}` : `\\x${hex}`);
  });

/** The text on one line, cut at a word boundary with '…' when longer than `max` (mid-word only for one long word). */
export const oneLine = (s: string, max: number) => {
  const t = s.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  const head = t.slice(0, max - 1);
  const space = head.lastIndexOf(' ');
  return `${(space > max / 2 ? head.slice(0, space) : head).replace(/[\s,;:.]+$/, '')}…`;
};

/** The records of an output file, numbered; one that is not JSON is a one-line usage error. */
async function* readLines(file: string, kind?: RecordKind): AsyncGenerator<{ n: number; value: unknown }> {
  let n = 0;
  const lines = kind ? parsed(readRecordLines(file, kind), file) : readJsonl(file);
  for (;;) {
    let next: IteratorResult<unknown>;
    try {
      next = await lines.next();
    } catch (e) {
      throw new UsageError(`${(e as Error).message}; is the file truncated, or from another version of newsclean?`);
    }
    if (next.done) return;
    yield { n: ++n, value: next.value };
  }
}

async function* parsed(lines: AsyncGenerator<string>, file: string): AsyncGenerator<unknown> {
  let n = 0;
  for await (const line of lines) {
    n++;
    try {
      yield JSON.parse(line);
    } catch (e) {
      throw new Error(`${file}:${n}: not valid JSON (${(e as Error).message})`);
    }
  }
}

/** The folder's file of `kind` records, in whatever format its run wrote (its manifest lists it). */
const recordFileOf = async (dir: string, kind: RecordKind): Promise<string> => {
  const name = findRecordFile(kind, Object.keys((await readManifest(dir)).files));
  return requireFile(dir, name ?? `${kind}.jsonl`);
};

/** Checks a record against its schema; one that does not fit is a one-line usage error. */
const parseRecord = <T>(schema: z.ZodType<T>, file: string, n: number, value: unknown): T => {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  throw new UsageError(
    `${file}: record ${n} is not in the expected format (${issue.path.join('.') || 'top level'}: ${issue.message}); is it from another version of newsclean?`,
  );
};

/** Just what finding a document needs, so that a search does not validate every block of every trace. */
const TraceKey = z.object({ id: z.string(), path: z.string() });

/** Wraps text at word boundaries, indented; cuts it after MAX_LINES lines unless `full`. */
const wrap = (text: string, indent: string, full: boolean): string[] => {
  const width = WIDTH - indent.length;
  const lines: string[] = [];
  for (const para of text.split('\n')) {
    let line = '';
    for (const word of para.split(/\s+/).filter(Boolean).map(visible)) {
      if (line && line.length + 1 + word.length > width) {
        lines.push(line);
        line = '';
      }
      line = line ? `${line} ${word}` : word;
      while (line.length > width) {
        lines.push(line.slice(0, width));
        line = line.slice(width);
      }
    }
    lines.push(line);
  }
  if (!full && lines.length > MAX_LINES) {
    const rest = lines.slice(MAX_LINES).join(' ').length;
    lines.splice(MAX_LINES, Infinity, `… (${rest} more characters; --full shows all)`);
  }
  return lines.map((l) => indent + l);
};

const listRejections = async (dir: string, all: boolean, full: boolean): Promise<string> => {
  const file = await recordFileOf(dir, 'rejected');
  const groups = new Map<string, { status: string; code: string; items: { path: string; message: string }[] }>();
  for await (const { n, value } of readLines(file, 'rejected')) {
    const r = parseRecord(RejectedRecord, file, n, value);
    const key = `${r.status}\0${r.code}`;
    const g = groups.get(key) ?? { status: r.status, code: r.code, items: [] };
    g.items.push({ path: visible(r.source.path), message: visible(r.message.replace(/\s+/g, ' ')) });
    groups.set(key, g);
  }
  const out: string[] = [];
  const reportFile = join(dir, 'report.json');
  if (existsSync(reportFile)) {
    let r: Report;
    try {
      r = JSON.parse(readFileSync(reportFile, 'utf8')) as Report;
    } catch (e) {
      throw new UsageError(`${reportFile}: not valid JSON (${(e as Error).message})`);
    }
    out.push(`${visible(dir)}: ${r.read} read, ${r.accepted} accepted, ${r.rejected} rejected, ${r.failed} failed`);
  }
  if (!groups.size) out.push('No document was rejected or failed.');
  for (const status of ['rejected', 'failed']) {
    const list = [...groups.values()]
      .filter((g) => g.status === status)
      .sort((a, b) => b.items.length - a.items.length || (a.code < b.code ? -1 : 1));
    if (!list.length) continue;
    out.push('', `${status} (${list.reduce((n, g) => n + g.items.length, 0)}):`);
    for (const g of list) {
      out.push(`  ${visible(g.code)}  ${g.items.length}`);
      const shown = all ? g.items : g.items.slice(0, PATHS_PER_CODE);
      for (const it of shown) {
        const message = full ? it.message.replace(/\s+/g, ' ').trim() : oneLine(it.message, Math.max(30, WIDTH - 8 - it.path.length));
        out.push(`    ${it.path}  — ${message}`);
      }
      if (shown.length < g.items.length) out.push(`    … and ${g.items.length - shown.length} more (--all lists them)`);
    }
  }
  return out.join('\n');
};

/**
 * Finds one document by id, exact path, or an end of its path that only one document has. The end is made of
 * whole path segments: `ad.txt` finds `news/ad.txt`, never `bad.txt`.
 */
const findDocument = async (dir: string, query: string): Promise<StoredTrace> => {
  const file = requireFile(dir, 'trace.jsonl');
  const q = query.replace(/\\/g, '/').replace(/^(\.\/|\/)+/, '');
  const bySuffix: { n: number; value: unknown; path: string }[] = [];
  for await (const { n, value } of readLines(file)) {
    const t = parseRecord(TraceKey, file, n, value);
    if (t.id === q || t.path === q) return parseRecord(StoredTrace, file, n, value);
    if (q && t.path.endsWith(`/${q}`)) bySuffix.push({ n, value, path: t.path });
  }
  if (bySuffix.length === 1) return parseRecord(StoredTrace, file, bySuffix[0]!.n, bySuffix[0]!.value);
  if (bySuffix.length > 1) {
    const some = bySuffix.slice(0, 3).map((t) => visible(t.path)).join(', ');
    throw new UsageError(`"${visible(query)}" matches ${bySuffix.length} documents (${some}${bySuffix.length > 3 ? ', …' : ''}); give more of the path`);
  }
  throw new UsageError(`no document with id or path "${visible(query)}" in ${visible(file)}`);
};

/** The document's article record (accepted) or rejected record, by id; null when its file has none. */
const findRecord = async (dir: string, trace: StoredTrace): Promise<ArticleRecord | RejectedRecord | null> => {
  const kind = trace.status === 'accepted' ? 'articles' : 'rejected';
  const file = await recordFileOf(dir, kind).catch(() => null);
  if (!file) return null;
  for await (const { n, value } of readLines(file, kind)) {
    if (parseRecord(TraceKey.pick({ id: true }), file, n, value).id !== trace.id) continue;
    return kind === 'articles' ? parseRecord(ArticleRecord, file, n, value) : parseRecord(RejectedRecord, file, n, value);
  }
  return null;
};

/** The trace with every block's text: those it leaves out are its record's (core/trace.ts). */
const withTexts = (trace: StoredTrace, record: ArticleRecord | RejectedRecord | null): TraceRecord => {
  if (trace.blocks.every((b) => b.text !== undefined)) return trace as TraceRecord;
  const problem = (why: string) => new UsageError(`${visible(trace.path)}: its trace takes the kept blocks' text from its record, but ${why}: the outputs do not agree`);
  if (!record) throw problem(`no ${trace.status === 'accepted' ? 'article' : 'rejected'} record has id ${visible(trace.id)}`);
  try {
    return traceOf(trace, record);
  } catch (e) {
    if (e instanceof TraceTextError) throw problem(e.message);
    throw e;
  }
};

const showMetadata = (a: ArticleRecord): string[] => {
  const src = (key: string) => (a.metadataSources[key] ? `  (${visible(a.metadataSources[key])})` : '');
  const field = (label: string, key: string, value: string | null) =>
    `  ${label.padEnd(10)}${value === null || value === '' ? '-' : oneLine(visible(value.replace(/\s+/g, ' ')), WIDTH - 30)}${value ? src(key) : ''}`;
  return [
    'metadata:',
    field('title', 'title', a.title),
    field('authors', 'authors', a.authors.join('; ') || null),
    field('published', 'publishedAt', a.publishedAt),
    field('publisher', 'publisher', a.publisher),
    field('language', 'language', a.language),
    field('url', 'url', a.url),
    `  words     ${a.wordCount}`,
    '',
  ];
};

const showDocument = (t: TraceRecord, article: ArticleRecord | null, full: boolean): string => {
  const out = [`${visible(t.path)}  id ${visible(t.id)}  ${visible(t.status)}`, ''];
  const kept = t.blocks.filter((b) => !b.removed).length;
  if (article) out.push(...showMetadata(article));
  if (t.blocks.length) out.push(`${t.blocks.length} blocks: ${kept} kept, ${t.blocks.length - kept} removed`, '');
  t.blocks.forEach((b, i) => {
    const of = b.removed?.of !== undefined ? ` of #${b.removed.of + 1}` : '';
    const fate = b.removed ? `[removed by ${visible(b.removed.stage)}/${visible(b.removed.code)}${of}]` : '[kept]';
    out.push(`#${i + 1} ${fate} ${visible(b.kind)}`, ...wrap(b.text, '    ', full));
  });
  const notes = t.messages.filter((m) => m.severity !== 'fatal');
  if (notes.length) {
    out.push('', 'messages:');
    for (const m of notes) out.push(visible(`  ${m.severity} ${m.stage}/${m.code}: ${m.detail}`));
  }
  const fatal = t.messages.find((m) => m.severity === 'fatal');
  if (fatal) {
    if (t.blocks.length || notes.length) out.push('');
    out.push(visible(`${t.status} by ${fatal.stage}/${fatal.code}: ${fatal.detail}`));
  }
  return out.join('\n');
};

export const command: Command = {
  help,
  async main(argv) {
    const { values, positionals } = parseCommandArgs('inspect', argv, {
      all: { type: 'boolean' },
      full: { type: 'boolean' },
    });
    if (values.help) {
      console.log(help);
      return 0;
    }
    const [dir, query, ...extra] = positionals;
    if (!dir) throw new UsageError("no output folder given (see 'newsclean inspect --help')");
    if (extra.length) throw new UsageError(`unexpected argument "${extra[0]}" (see 'newsclean inspect --help')`);
    if (!existsSync(dir)) throw new UsageError(`output folder not found: ${visible(dir)}`);
    // The manifest first: a folder whose run is being published (or was stopped then) is not read as a whole.
    await readManifest(dir);
    if (!query) {
      console.log(await listRejections(dir, Boolean(values.all), Boolean(values.full)));
    } else {
      const stored = await findDocument(dir, query);
      const record = await findRecord(dir, stored);
      const article = stored.status === 'accepted' ? (record as ArticleRecord | null) : null;
      console.log(showDocument(withTexts(stored, record), article, Boolean(values.full)));
    }
    return 0;
  },
};
