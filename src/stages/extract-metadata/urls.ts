// Page addresses: absolute http(s) URLs only, relative ones resolved against the page's own.
export const resolveUrl = (raw: string | null | undefined, base: string | null): string | null => {
  if (!raw) return null;
  try {
    const u = base ? new URL(raw.trim(), base) : new URL(raw.trim());
    return /^https?:$/.test(u.protocol) ? u.href : null;
  } catch {
    return null;
  }
};

export const hostOf = (url: string | null): string | null => {
  try {
    return url ? new URL(url).hostname : null;
  } catch {
    return null;
  }
};
