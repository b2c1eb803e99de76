// What a reader yields for each document it finds: its input, or why it could not be read.
import type { Provenance, RawInput } from '../../core/input.js';

export type UnreadCode = 'input_too_large' | 'read_error' | 'truncated_input' | 'undecodable' | 'malformed_record';

export type ReadItem =
  | { ok: true; input: RawInput }
  | {
      ok: false;
      input: Omit<RawInput, 'bytes'>;
      /** Bytes as far as they were read (for the record's sha256 and size), or null. */
      bytes: Uint8Array | null;
      size: number;
      code: UnreadCode;
      detail: string;
    };

export const unread = (
  path: string,
  format: RawInput['format'],
  provenance: Provenance,
  code: UnreadCode,
  detail: string,
  size = 0,
): ReadItem => ({ ok: false, input: { path, format, ...provenance }, bytes: null, size, code, detail });

/** Something a container holds that is not a document (a WARC request record, an image response): counted, not read. */
export type OnIgnoredRecord = (kind: string) => void;
