// One document file (`.txt`, `.html`, `.htm`, or any of them `.gz`), with what its sidecar says about it.
import { readFile, stat } from 'node:fs/promises';
import type { Provenance } from '../../core/input.js';
import { isoTime, readInput } from '../read.js';
import { shownBasename, type InputFile } from '../walk.js';
import { provenanceOf, type FieldMap } from './fields.js';
import { unread, type ReadItem } from './item.js';
import { collect, errorText, openBytes } from './stream.js';

/** A sidecar that cannot be used is a warning on the document, never a reason to lose it. */
export interface SidecarResult {
  provenance: Provenance;
  problem: string | null;
}

export const readSidecar = async (file: string | Buffer, fields: FieldMap): Promise<SidecarResult> => {
  let data: unknown;
  try {
    const text = await readFile(file, 'utf8');
    data = JSON.parse(text);
  } catch (e) {
    return { provenance: {}, problem: `sidecar ${shownBasename(file)} is not readable JSON: ${errorText(e)}` };
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    return { provenance: {}, problem: `sidecar ${shownBasename(file)} is not a JSON object` };
  }
  return { provenance: provenanceOf(data as Record<string, unknown>, fields), problem: null };
};

/** The file's modification time: the fetch time of last resort, so the date bound never is the clock. */
export const mtimeOf = async (file: string | Buffer): Promise<string | null> => {
  try {
    return isoTime((await stat(file)).mtime);
  } catch {
    return null;
  }
};

export const readDocumentFile = async (f: InputFile, maxBytes: number, fields: FieldMap): Promise<ReadItem> => {
  const sidecar = f.sidecar ? await readSidecar(f.sidecar, fields) : { provenance: {}, problem: null };
  // The file is stat'ed once: its type and size decide the read, its modification time is the fetch time of last resort.
  const provenanceWith = (mtime: string | null): Provenance => {
    const provenance: Provenance = { ...sidecar.provenance };
    provenance.fetchedAt ??= mtime;
    if (sidecar.problem) provenance.warnings = [{ code: 'sidecar_invalid', detail: sidecar.problem }];
    return provenance;
  };
  const fail = (provenance: Provenance, code: Parameters<typeof unread>[3], detail: string, size = 0) =>
    unread(f.path, f.format, provenance, code, detail, size);
  if (!f.gzip) {
    const r = await readInput(f.file, maxBytes);
    const provenance = provenanceWith(r.mtime);
    if (r.kind === 'too_large') {
      return fail(provenance, 'input_too_large', `the file has ${r.size} bytes; the limit (limits.maxInputBytes) is ${maxBytes}`, r.size);
    }
    if (r.kind === 'error') return fail(provenance, 'read_error', r.detail, r.size);
    return { ok: true, input: { path: f.path, format: f.format, bytes: r.bytes, ...provenance } };
  }
  const st = await stat(f.file).catch((e: NodeJS.ErrnoException) => e);
  const provenance = provenanceWith(st instanceof Error ? null : isoTime(st.mtime));
  if (st instanceof Error) return fail(provenance, 'read_error', `cannot read: ${errorText(st)}`);
  if (!st.isFile()) return fail(provenance, 'read_error', 'cannot read: not a regular file');
  const r = await collect(openBytes(f.file, true), maxBytes);
  if (r.kind === 'too_large') {
    return fail(provenance, 'input_too_large', `the file inflates to more than ${maxBytes} bytes (limits.maxInputBytes); reading stopped there`, r.size);
  }
  if (r.kind === 'broken') return fail(provenance, r.code, r.detail, r.size);
  return { ok: true, input: { path: f.path, format: f.format, bytes: r.bytes, ...provenance } };
};
