// The lines of an output file as the report reads them: JSON Lines through io/jsonl.ts `fileLines` (large chunks
// cut with Buffer.indexOf), the other formats through io/formats.ts.
import { readRecordLines, type RecordKind } from '../io/formats.js';
import { fileLines } from '../io/jsonl.js';

/** The records of an output file, one JSON line each: `fileLines` for JSON Lines, io/formats.ts for the others. */
export const recordLines = (file: string, kind: RecordKind): AsyncGenerator<string> => (file.endsWith('.jsonl') ? fileLines(file) : readRecordLines(file, kind));
