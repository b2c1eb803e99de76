// A document as a reader hands it to the stages: bytes, plus what is known of it from outside.
import type { Format, Source } from './doc.js';

/** What a container record, a sidecar file or the file system says about a document besides its bytes. */
export type Provenance = Partial<Pick<Source, 'url' | 'fetchedAt' | 'httpStatus' | 'contentType' | 'givenTitle'>> & {
  /** Problems met while reading that do not stop the document (a sidecar that is not JSON): warnings of stage `read`. */
  warnings?: Array<{ code: string; detail: string }>;
};

export interface RawInput extends Provenance {
  /** Relative to the input root, with '/'; a record inside a container adds `#<n>` (`crawl.warc.gz#17`). */
  path: string;
  format: Format;
  bytes: Uint8Array;
}
