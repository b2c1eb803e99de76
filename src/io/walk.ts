// Finds the documents under the input roots, lazily, in a stable order.
import { access, opendir, realpath, stat } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve, sep } from 'node:path';
import type { Format } from '../core/doc.js';

/** What an input file holds: one document, a WARC of fetched pages, or a scraper export of records. */
export type InputKind = 'document' | 'warc' | 'export';

export interface InputFile {
  /**
   * Absolute path on disk: a Buffer of the raw bytes when a name in it is not valid UTF-8 (an old crawler's
   * Latin-1 name), since decoding such a name would give a path that does not exist.
   */
  file: string | Buffer;
  /** The document's path in records: relative to its root, with '/'. Records inside it add `#<n>`. */
  path: string;
  kind: InputKind;
  /** For a document: how its bytes are read. */
  format: Format;
  /** Gzip-compressed (`.gz`): inflated while read. */
  gzip: boolean;
  /** Absolute path of the JSON sidecar beside a document (`story.html.json` or `story.json`), if any. */
  sidecar: string | Buffer | null;
}

/** Is the byte at `i` a UTF-8 continuation byte within [lo, hi]? */
const cont = (b: Uint8Array, i: number, lo = 0x80, hi = 0xbf) => i < b.length && b[i]! >= lo && b[i]! <= hi;

/** Length of the well-formed UTF-8 sequence at `i` (Unicode table 3-7), or 0 when the byte there starts none. */
const sequenceAt = (b: Uint8Array, i: number): number => {
  const c = b[i]!;
  if (c < 0x80) return 1;
  if (c >= 0xc2 && c <= 0xdf) return cont(b, i + 1) ? 2 : 0;
  if (c >= 0xe0 && c <= 0xef) {
    const [lo, hi] = c === 0xe0 ? [0xa0, 0xbf] : c === 0xed ? [0x80, 0x9f] : [0x80, 0xbf];
    return cont(b, i + 1, lo, hi) && cont(b, i + 2) ? 3 : 0;
  }
  if (c >= 0xf0 && c <= 0xf4) {
    const [lo, hi] = c === 0xf0 ? [0x90, 0xbf] : c === 0xf4 ? [0x80, 0x8f] : [0x80, 0xbf];
    return cont(b, i + 1, lo, hi) && cont(b, i + 2) && cont(b, i + 3) ? 4 : 0;
  }
  return 0;
};

/** A backslash that reads like the escape of a byte: `\x` and two hex digits. */
const LOOKS_ESCAPED = /\\(?=x[0-9a-fA-F]{2})/g;

/**
 * A file name as shown in `source.path`: its valid UTF-8 as it is, and every byte that is not part of valid
 * UTF-8 as `\xNN` (`caf\xE9.html` for a Latin-1 `café.html`). A backslash already followed by `x` and two hex
 * digits in the name shows as `\x5C`, so that no two names show alike (and the bytes can be read back).
 */
export const displayName = (raw: Uint8Array): string => {
  let out = '';
  let start = 0;
  let i = 0;
  const valid = (end: number) => Buffer.from(raw.buffer, raw.byteOffset + start, end - start).toString('utf8');
  while (i < raw.length) {
    const n = sequenceAt(raw, i);
    if (n > 0) {
      i += n;
      continue;
    }
    out += valid(i).replace(LOOKS_ESCAPED, '\\x5C') + `\\x${raw[i]!.toString(16).toUpperCase().padStart(2, '0')}`;
    start = ++i;
  }
  const rest = valid(i);
  return out + (rest.includes('\\') ? rest.replace(LOOKS_ESCAPED, '\\x5C') : rest);
};

/** The last segment of a path, as shown (see displayName). */
export const shownBasename = (file: string | Buffer): string => {
  if (typeof file === 'string') return basename(file);
  const slash = file.lastIndexOf(sep.charCodeAt(0));
  return displayName(file.subarray(slash + 1));
};

const KINDS: Record<string, { kind: InputKind; format: Format }> = {
  '.txt': { kind: 'document', format: 'text' },
  '.html': { kind: 'document', format: 'html' },
  '.htm': { kind: 'document', format: 'html' },
  '.warc': { kind: 'warc', format: 'html' },
  '.jsonl': { kind: 'export', format: 'html' },
  '.ndjson': { kind: 'export', format: 'html' },
  '.json': { kind: 'export', format: 'html' },
};

/** The file extensions read as inputs, each also as `.gz`; for messages and help. */
export const INPUT_EXTENSIONS = Object.keys(KINDS);

/** What a file name holds by its extension (`.gz` looks at the one before), or null when it is not read. */
export const inputKindOf = (name: string): { kind: InputKind; format: Format; gzip: boolean } | null => {
  const lower = name.toLowerCase();
  const gzip = lower.endsWith('.gz');
  const found = KINDS[extname(gzip ? lower.slice(0, -3) : lower)];
  return found ? { ...found, gzip } : null;
};

/** The format of a single document file, or null when the name is not a document's. */
export const formatOf = (name: string): Format | null => {
  const k = inputKindOf(name);
  return k?.kind === 'document' ? k.format : null;
};

/** The sidecar names a document may have, in order of preference: `story.html.json`, then `story.json`. */
const sidecarNames = (name: string): string[] => {
  const lower = name.toLowerCase();
  const bare = lower.endsWith('.gz') ? name.slice(0, -3) : name;
  const stem = bare.slice(0, bare.length - extname(bare).length);
  return [`${name}.json`, `${bare}.json`, `${stem}.json`].filter((n, i, all) => all.indexOf(n) === i);
};

/** A path given to the runner (input or output) cannot be used: a usage error, reported before anything runs. */
export class PathError extends Error {}

export interface InputRoot {
  /** Absolute path of the folder (or single file). */
  dir: string;
  isFile: boolean;
  /** Prepended to every path under this root ('' or 'name/'). */
  prefix: string;
}

/** True when `inner` is `outer` or lies under it (both real paths). */
const within = (inner: string, outer: string) => inner === outer || inner.startsWith(outer.endsWith(sep) ? outer : outer + sep);

/**
 * Checks the roots exist and chooses their path prefixes. With one root, paths are relative to it; with several,
 * each path starts with its root's folder name, so that `run a/news b/blogs` gives `news/...` and `blogs/...`.
 * Two roots with the same folder name would make paths ambiguous, and a root inside another would process its
 * documents twice: both are errors, not silent renames or merges. The same folder given twice counts once.
 */
export const resolveRoots = async (inputs: string[]): Promise<InputRoot[]> => {
  const found: { dir: string; real: string; isFile: boolean }[] = [];
  for (const dir of inputs.map((i) => resolve(i))) {
    const fail = (e: NodeJS.ErrnoException): never => {
      throw new PathError(
        e.code === 'ENOENT' ? `input folder not found: ${dir}` : `cannot read input folder ${dir}: ${e.code ?? e.message}`,
      );
    };
    const st = await stat(dir).catch(fail);
    if (!st.isDirectory() && !st.isFile()) throw new PathError(`input is neither a folder nor a file: ${dir}`);
    const real = await realpath(dir).catch(fail);
    if (found.some((f) => f.real === real)) continue;
    found.push({ dir, real, isFile: st.isFile() });
  }
  for (const a of found) {
    const outer = found.find((b) => b !== a && !b.isFile && within(a.real, b.real));
    if (outer) throw new PathError(`input ${a.dir} is inside input ${outer.dir}: its documents would be processed twice`);
  }
  const roots = found.map(({ dir, isFile }): InputRoot => ({
    dir,
    isFile,
    prefix: found.length > 1 && !isFile ? `${basename(dir)}/` : '',
  }));
  const seen = new Map<string, string>();
  for (const r of roots) {
    const key = r.isFile ? basename(r.dir) : r.prefix;
    const other = seen.get(key);
    if (key && other) throw new PathError(`inputs ${other} and ${r.dir} have the same name; paths would clash`);
    seen.set(key, r.dir);
  }
  return roots;
};

/**
 * Sorting a folder's entries with folders keyed as `name/` makes a depth-first walk yield paths in plain
 * code-unit order of the full relative path, so the order never depends on the locale or the file system.
 */
const sortKey = (name: string, isDir: boolean) => (isDir ? `${name}/` : name);
const byKey = (a: { key: string }, b: { key: string }) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/** A folder under a root that could not be listed (vanished, no permission): skipped, the run goes on. */
export interface SkippedFolder {
  dir: string;
  code: string;
}

export interface WalkOptions {
  onSkip?: (skipped: SkippedFolder) => void;
  /** Called for a (non-hidden) file that is not a document: `.json`, `.png`, ... It is not read. */
  onIgnore?: (file: string) => void;
}

interface Entry {
  /** The name as shown (displayName): what paths, sorting and sidecar pairing use. */
  name: string;
  /** The name's bytes. */
  raw: Buffer;
  /** The name is valid UTF-8 as it stands. */
  utf8: boolean;
  isDir: boolean;
  key: string;
}

/** `dir` + the entry: a string while every name in it is valid UTF-8, else the raw bytes. */
const childPath = (dir: string | Buffer, e: Entry): string | Buffer =>
  typeof dir === 'string' && e.utf8 ? join(dir, e.raw.toString('utf8')) : Buffer.concat([Buffer.from(dir), Buffer.from(sep), e.raw]);

const UTF8 = new TextDecoder('utf-8', { fatal: true });
const isUtf8 = (raw: Buffer): boolean => {
  try {
    UTF8.decode(raw);
    return true;
  } catch {
    return false;
  }
};

/**
 * `dir` is the folder on disk (raw bytes once a name on the way is not UTF-8), `shown` the same as shown in
 * messages. Names are listed as bytes, so a name that is not valid UTF-8 is still found and opened.
 */
async function* walkDir(dir: string | Buffer, shown: string, rel: string, isRoot: boolean, options: WalkOptions): AsyncGenerator<InputFile> {
  const entries: Entry[] = [];
  let listing;
  try {
    listing = await opendir(dir, { encoding: 'buffer' as BufferEncoding });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    // An input root that cannot be listed is a usage error; a subfolder that vanished or is locked must not
    // cost the night's run: it is skipped with a warning, and its documents are simply not found.
    if (isRoot) throw new PathError(`cannot list input folder ${shown}: ${code}`);
    options.onSkip?.({ dir: shown, code });
    return;
  }
  for await (const e of listing) {
    const raw = e.name as unknown as Buffer;
    if (raw[0] === 0x2e) continue; // '.': hidden
    const utf8 = isUtf8(raw);
    const name = utf8 && !raw.includes(0x5c) ? raw.toString('utf8') : displayName(raw);
    // Symlinked folders are not followed (no cycles); a symlink named like a document is read like one. A real
    // folder is walked whatever its name, `x.html/` included.
    const isDir = e.isDirectory();
    if (!isDir && !inputKindOf(name)) {
      options.onIgnore?.(join(shown, name));
      continue;
    }
    entries.push({ name, raw, utf8, isDir, key: sortKey(name, isDir) });
  }
  // A JSON file named after a document of this folder is that document's sidecar, not an export.
  const names = new Set(entries.filter((e) => !e.isDir).map((e) => e.name));
  const sidecarOf = new Map<string, string>();
  for (const e of entries) {
    if (e.isDir || inputKindOf(e.name)?.kind !== 'document') continue;
    const sidecar = sidecarNames(e.name).find((n) => names.has(n));
    if (sidecar) sidecarOf.set(e.name, sidecar);
  }
  const sidecars = new Set(sidecarOf.values());
  const byName = new Map(entries.map((e) => [e.name, e]));
  entries.sort(byKey);
  for (const e of entries) {
    const file = childPath(dir, e);
    if (e.isDir) yield* walkDir(file, join(shown, e.name), `${rel}${e.name}/`, false, options);
    else if (!sidecars.has(e.name)) {
      const sidecar = sidecarOf.get(e.name);
      yield { file, path: `${rel}${e.name}`, ...inputKindOf(e.name)!, sidecar: sidecar ? childPath(dir, byName.get(sidecar)!) : null };
    }
  }
}

/** The sidecar beside a document file given on its own, if there is one. */
export const findSidecar = async (file: string): Promise<string | null> => {
  for (const name of sidecarNames(basename(file))) {
    const candidate = join(dirname(file), name);
    if (await access(candidate).then(() => true, () => false)) return candidate;
  }
  return null;
};

/** A single input file as the walk would yield it, or null when its name is not an input's. */
export const inputFile = async (file: string): Promise<InputFile | null> => {
  const kind = inputKindOf(basename(file));
  if (!kind) return null;
  return { file, path: basename(file), ...kind, sidecar: kind.kind === 'document' ? await findSidecar(file) : null };
};

/**
 * Every document under the roots, in root order and then sorted by relative path; hidden entries skipped.
 * Throws PathError if a root cannot be listed; calls `onSkip` for a subfolder that cannot be.
 */
export async function* walkInputs(roots: InputRoot[], options: WalkOptions = {}): AsyncGenerator<InputFile> {
  for (const root of roots) {
    if (root.isFile) {
      const f = await inputFile(root.dir);
      if (f) yield f;
    } else {
      yield* walkDir(root.dir, root.dir, root.prefix, true, options);
    }
  }
}
