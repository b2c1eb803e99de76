// Finds the documents under the input roots, lazily, in a stable order.
import { opendir, stat } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import type { Format } from '../core/doc.js';

export interface InputFile {
  /** Absolute path on disk. */
  file: string;
  /** The document's path in records: relative to its root, with '/'. */
  path: string;
  format: Format;
}

const FORMATS: Record<string, Format> = { '.txt': 'text', '.html': 'html', '.htm': 'html' };

/** The format for a file name, or null when the runner does not read that kind of file. */
export const formatOf = (name: string): Format | null => FORMATS[extname(name).toLowerCase()] ?? null;

/** A path given to the runner (input or output) cannot be used: a usage error, reported before anything runs. */
export class PathError extends Error {}

export interface InputRoot {
  /** Absolute path of the folder (or single file). */
  dir: string;
  isFile: boolean;
  /** Prepended to every path under this root ('' or 'name/'). */
  prefix: string;
}

/**
 * Checks the roots exist and chooses their path prefixes. With one root, paths are relative to it; with several,
 * each path starts with its root's folder name, so that `run a/news b/blogs` gives `news/...` and `blogs/...`.
 * Two roots with the same folder name would make paths ambiguous: that is an error, not a silent rename.
 */
export const resolveRoots = async (inputs: string[]): Promise<InputRoot[]> => {
  const dirs = [...new Set(inputs.map((i) => resolve(i)))];
  const roots: InputRoot[] = [];
  for (const dir of dirs) {
    const st = await stat(dir).catch((e: NodeJS.ErrnoException) => {
      throw new PathError(
        e.code === 'ENOENT' ? `input folder not found: ${dir}` : `cannot read input folder ${dir}: ${e.code ?? e.message}`,
      );
    });
    if (!st.isDirectory() && !st.isFile()) throw new PathError(`input is neither a folder nor a file: ${dir}`);
    roots.push({ dir, isFile: st.isFile(), prefix: dirs.length > 1 && st.isDirectory() ? `${basename(dir)}/` : '' });
  }
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

async function* walkDir(dir: string, rel: string): AsyncGenerator<InputFile> {
  const entries: { name: string; isDir: boolean; key: string }[] = [];
  // A folder that cannot be listed hides an unknown number of documents: the run cannot account for them.
  const listing = await opendir(dir).catch((e: NodeJS.ErrnoException) => {
    throw new PathError(`cannot list input folder ${dir}: ${e.code ?? e.message}`);
  });
  for await (const e of listing) {
    if (e.name.startsWith('.')) continue;
    // Symlinked folders are not followed (no cycles); a symlink named like a document is read like one.
    const isDir = e.isDirectory();
    if (!isDir && !formatOf(e.name)) continue;
    entries.push({ name: e.name, isDir, key: sortKey(e.name, isDir) });
  }
  entries.sort(byKey);
  for (const e of entries) {
    const file = join(dir, e.name);
    if (e.isDir) yield* walkDir(file, `${rel}${e.name}/`);
    else yield { file, path: `${rel}${e.name}`, format: formatOf(e.name)! };
  }
}

/** Every document under the roots, in root order and then sorted by relative path; hidden entries skipped. */
export async function* walkInputs(roots: InputRoot[]): AsyncGenerator<InputFile> {
  for (const root of roots) {
    if (root.isFile) {
      const format = formatOf(root.dir);
      if (format) yield { file: root.dir, path: basename(root.dir), format };
    } else {
      yield* walkDir(root.dir, root.prefix);
    }
  }
}
