// The document model: one value flows through every stage. Types come from these schemas.
import { z } from 'zod';

export const Severity = z.enum(['fatal', 'warn', 'info']);

/** A stage's note on a document. A fatal message is a rejection: later stages skip the document. */
export const Message = z.object({
  severity: Severity,
  stage: z.string(),
  /** Stable snake_case code: public API, listed in the README. */
  code: z.string().regex(/^[a-z][a-z0-9_]*$/),
  detail: z.string(),
});
export type Message = z.infer<typeof Message>;

/** Why a block left the body. The block itself stays in the document for the audit trail. */
export const Removal = z.object({
  stage: z.string(),
  code: z.string(),
  /** A duplicate's original: the index (in the document's blocks, as the trace lists them) of the block it repeats. */
  of: z.number().int().min(0).optional(),
});
export type Removal = z.infer<typeof Removal>;

export const BlockKind = z.enum(['heading', 'paragraph', 'list_item', 'quote', 'preformatted', 'caption', 'table']);
export type BlockKind = z.infer<typeof BlockKind>;

/**
 * What a block is on the page, as the anatomy stage recognised it before any cleaning: strip-boilerplate removes
 * blocks by role, extract-metadata reads the parsed values.
 */
export const RoleName = z.enum(['headline', 'lead', 'byline', 'date_line', 'dateline', 'contributor_line', 'caption', 'comment_header']);
export type RoleName = z.infer<typeof RoleName>;

export const Role = z.object({
  name: RoleName,
  /** A headline other than the page's main one: the same title repeated, or a subtitle (dek) under it. */
  copy: z.boolean().optional(),
  /** A byline's or contributor line's person names. */
  names: z.array(z.string()).optional(),
  /** A date line's date (ISO 8601). */
  date: z.string().optional(),
  /** The agency or outlet credited: a dateline's "(AP)", a byline's "Reuters", a contributor line's "CNN’s". */
  agency: z.string().optional(),
  /** A byline or date line in the page's header, under the headline: the article's own. */
  header: z.boolean().optional(),
});
export type Role = z.infer<typeof Role>;

export const Block = z.object({
  kind: BlockKind,
  text: z.string(),
  /** Heading level 1-6, when known. */
  level: z.number().int().min(1).max(6).optional(),
  /** HTML only: index into `doc.html.nodes` of the element that holds the block. */
  node: z.number().int().optional(),
  /** HTML only: share of the block's characters inside links (0..1). */
  linkDensity: z.number().min(0).max(1).optional(),
  /** Its number of words (`countWords(text)`), filled on first use by `blockWords`: texts never change. */
  words: z.number().int().min(0).optional(),
  role: Role.optional(),
  removed: Removal.nullable(),
});
export type Block = z.infer<typeof Block>;

/** One element of the parsed page, kept so later stages can reason about structure without parsing again. */
export const HtmlNode = z.object({
  tag: z.string(),
  /** Index of the parent node, -1 for the root. Parents always come before children. */
  parent: z.number().int(),
  /** Lowercased class and id words, split on non-letters ("post-body" -> "post body"). */
  words: z.string(),
});
export type HtmlNode = z.infer<typeof HtmlNode>;

/** An element that may carry metadata: <time>, itemprop, rel=author, or a byline/date-like class. */
export const HtmlMark = z.object({
  node: z.number().int(),
  tag: z.string(),
  words: z.string(),
  itemprop: z.string().nullable(),
  rel: z.string().nullable(),
  /** datetime=, content= or href= attribute, whichever the element has. */
  value: z.string().nullable(),
  text: z.string(),
});
export type HtmlMark = z.infer<typeof HtmlMark>;

export const HtmlPage = z.object({
  title: z.string().nullable(),
  lang: z.string().nullable(),
  canonical: z.string().nullable(),
  /** <meta> tags as `name`/`property`/`itemprop` (lowercased) -> content, in page order. */
  meta: z.array(z.object({ key: z.string(), content: z.string() })),
  /** Raw text of each <script type="application/ld+json">. */
  jsonLd: z.array(z.string()),
  marks: z.array(HtmlMark),
  nodes: z.array(HtmlNode),
});
export type HtmlPage = z.infer<typeof HtmlPage>;

export const Format = z.enum(['text', 'html']);
export type Format = z.infer<typeof Format>;

/** How the charset was decided, in the WHATWG order: a byte-order mark, the HTTP header, `<meta>`, the XML
 * declaration, valid UTF-8, statistical detection, or the pipeline's fallback. */
export const EncodingSource = z.enum(['bom', 'http', 'meta', 'xml', 'utf8', 'detected', 'fallback']);
export type EncodingSource = z.infer<typeof EncodingSource>;

export const Source = z.object({
  /** Relative to the input root, with '/'. */
  path: z.string(),
  format: Format,
  bytes: z.number().int().min(0),
  sha256: z.string(),
  /** Where the page was fetched from, when known. */
  url: z.string().nullable(),
  /**
   * When it was fetched (ISO 8601): WARC-Date, sidecar or export field, HTTP Date header, else the file's
   * modification time. The upper bound of a plausible publication date, so a record never depends on the clock.
   */
  fetchedAt: z.string().nullable(),
  /** The HTTP status the page was served with, when a WARC record, sidecar or export says. */
  httpStatus: z.number().int().nullable(),
  /** The HTTP Content-Type header, when known; its charset parameter outranks the page's own declaration. */
  contentType: z.string().nullable(),
  /** A title given beside the page (a scraper export's `title` field); the page's own metadata outranks it. */
  givenTitle: z.string().nullable(),
  /** The charset the bytes were decoded with (an iconv-lite name, or `utf-8`); set by decode. */
  encoding: z.string().nullable(),
  /** How decode chose `encoding`. */
  encodingSource: EncodingSource.nullable(),
});
export type Source = z.infer<typeof Source>;

/** A metadata value together with where it came from (`jsonld`, `meta:og:title`, `text:byline`, ...). */
const field = <T extends z.ZodType>(value: T) => z.object({ value, source: z.string() }).nullable();

export const Metadata = z.object({
  title: field(z.string()),
  authors: field(z.array(z.string())),
  publishedAt: field(z.string()),
  publisher: field(z.string()),
  language: field(z.string()),
  url: field(z.string()),
});
export type Metadata = z.infer<typeof Metadata>;

export const emptyMetadata = (): Metadata => ({
  title: null,
  authors: null,
  publishedAt: null,
  publisher: null,
  language: null,
  url: null,
});

export const Doc = z.object({
  id: z.string(),
  source: Source,
  /** The raw bytes; decode consumes them and clears this field. */
  raw: z.custom<Uint8Array>((v) => v instanceof Uint8Array).nullable(),
  blocks: z.array(Block),
  html: HtmlPage.nullable(),
  metadata: Metadata,
  messages: z.array(Message),
});
export type Doc = z.infer<typeof Doc>;
