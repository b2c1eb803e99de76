// The site a document is counted under, in the report's per-site counts and the cross-document step's groups.

const TOP = '(top)';

/**
 * The site a document belongs to, for the report's per-site counts: the host of its URL (the one it was fetched
 * from, else the one the page declares), lowercased and without `www.`; without one, the first folder of its
 * path (`news/2024/a.html` -> `news`), or `(top)` for a file at the root of the input.
 */
export const siteKey = (urls: Array<string | null | undefined>, path: string): string => {
  for (const url of urls) {
    if (!url) continue;
    let host: string;
    try {
      host = new URL(url).hostname.toLowerCase();
    } catch {
      continue;
    }
    if (host.startsWith('www.')) host = host.slice(4);
    if (host) return host;
  }
  const slash = path.indexOf('/');
  return slash > 0 ? path.slice(0, slash) : TOP;
};
