// Where a scraper export or a sidecar file keeps each thing newsclean wants to know, as configurable data.
import { z } from 'zod';
import type { Provenance } from '../../core/input.js';

const paths = (defaults: string[]) => z.array(z.string().min(1)).min(1).default(defaults);

/**
 * For each field, the keys tried in order (the first present wins); `a.b` looks inside an object. These are the
 * defaults of the pipeline file's `readers.fields`; README "Pipeline files" lists them.
 */
export const FieldMap = z
  .object({
    url: paths(['url', 'link', 'uri', 'source_url', 'page_url']),
    html: paths(['html', 'raw_html', 'body_html', 'page_html']),
    text: paths(['text', 'content', 'body', 'maintext', 'article']),
    title: paths(['title', 'headline']),
    fetchedAt: paths(['fetched_at', 'fetchedAt', 'crawled_at', 'crawledAt', 'scraped_at', 'timestamp', 'date_download']),
    status: paths(['status', 'status_code', 'statusCode', 'http_status']),
    headers: paths(['headers', 'response_headers', 'http_headers']),
    contentType: paths(['content_type', 'contentType', 'mime_type']),
  })
  .strict();
export type FieldMap = z.infer<typeof FieldMap>;

export const ReaderOptions = z.object({ fields: FieldMap.default(FieldMap.parse({})) }).strict();
export type ReaderOptions = z.infer<typeof ReaderOptions>;
export const DEFAULT_READER_OPTIONS: ReaderOptions = ReaderOptions.parse({});

const lookup = (obj: Record<string, unknown>, path: string): unknown => {
  if (Object.hasOwn(obj, path)) return obj[path];
  let cur: unknown = obj;
  for (const key of path.split('.')) {
    if (cur === null || typeof cur !== 'object' || !Object.hasOwn(cur, key)) return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
};

/** The first of `keys` that the object has with a non-null value. */
export const pick = (obj: Record<string, unknown>, keys: string[]): unknown => {
  for (const k of keys) {
    const v = lookup(obj, k);
    if (v !== undefined && v !== null && v !== '') return v;
  }
  return undefined;
};

/** An ISO 8601 instant from a date string or epoch number (seconds or milliseconds), or null. */
export const isoInstant = (value: unknown): string | null => {
  let d: Date | null = null;
  if (typeof value === 'number' && Number.isFinite(value)) d = new Date(value > 1e11 ? value : value * 1000);
  else if (typeof value === 'string' && value.trim()) {
    const s = value.trim();
    d = /^\d{10}(\d{3})?$/.test(s) ? new Date(Number(s) * (s.length === 10 ? 1000 : 1)) : new Date(s);
  }
  return d && !Number.isNaN(d.getTime()) ? d.toISOString() : null;
};

/** A header by name, case-insensitively, from an object or an array of [name, value] pairs. */
export const headerOf = (headers: unknown, name: string): string | null => {
  const want = name.toLowerCase();
  const entries: unknown[] = Array.isArray(headers) ? headers : headers && typeof headers === 'object' ? Object.entries(headers) : [];
  for (const e of entries) {
    if (!Array.isArray(e) || typeof e[0] !== 'string' || e[0].toLowerCase() !== want) continue;
    const v = Array.isArray(e[1]) ? e[1][0] : e[1];
    if (typeof v === 'string' || typeof v === 'number') return String(v);
  }
  return null;
};

const statusOf = (v: unknown): number | null => {
  const n = typeof v === 'string' ? Number.parseInt(v, 10) : v;
  return typeof n === 'number' && Number.isInteger(n) && n >= 100 && n <= 999 ? n : null;
};

/** What a sidecar or an export record says about a page: URL, fetch time (else its HTTP Date), status, type. */
export const provenanceOf = (obj: Record<string, unknown>, fields: FieldMap): Provenance => {
  const headers = pick(obj, fields.headers);
  const url = pick(obj, fields.url);
  const title = pick(obj, fields.title);
  const contentType = pick(obj, fields.contentType);
  const out: Provenance = {};
  if (typeof url === 'string') out.url = url.trim();
  const fetchedAt = isoInstant(pick(obj, fields.fetchedAt)) ?? isoInstant(headerOf(headers, 'date'));
  if (fetchedAt) out.fetchedAt = fetchedAt;
  const status = statusOf(pick(obj, fields.status));
  if (status !== null) out.httpStatus = status;
  const type = typeof contentType === 'string' ? contentType : headerOf(headers, 'content-type');
  if (type) out.contentType = type;
  if (typeof title === 'string' && title.trim()) out.givenTitle = title.trim();
  return out;
};
