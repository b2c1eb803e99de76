// The HTML of report.html: the run's counts rendered on the server side as charts and tables (the first view needs
// no data file and no script), the per-document browser as an inline script. Everything from the records is escaped
// here, and a Content-Security-Policy lets the page run only its own inline script and load only its data files.
import { createHash } from 'node:crypto';
import type { Report } from '../core/records.js';
import { reportClient } from './client.js';
import type { Change } from './compare.js';
import type { RunStats } from './summary.js';

export interface PageData {
  report: Report;
  stats: RunStats;
  /** The report of the run compared with, or null. */
  previous: Report | null;
  changes: Change[] | null;
  /** Where the per-document data is, relative to the page. */
  data: { dir: string; index: string; chunk: string; documents: number };
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Text or attribute value as HTML: the one escape of this page's markup. */
export const esc = (s: string | number): string => String(s).replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/** JSON inside <script type="application/json">: no `<` (so no `</script>`), `>`, `&` or line separators left raw. */
export const jsonForScript = (value: unknown): string =>
  JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

const sha256 = (s: string) => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;

/** A link to the document list with a filter, as the page's script reads it from the URL fragment. */
export const filterHref = (filter: Record<string, string | undefined>): string =>
  `#docs?${new URLSearchParams(Object.entries(filter).filter((e): e is [string, string] => e[1] !== undefined)).toString()}`;

const fmt = (n: number) => n.toLocaleString('en-US');
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

interface Bar {
  key: string;
  value: number;
  href?: string;
  /** Shown instead of the number. */
  label?: string;
}

const ROW = 22;
const LABEL_W = 260;
const BAR_W = 300;

/** A horizontal bar chart as inline SVG; each bar carries its key and value (data-key, data-value). */
const barChart = (id: string, title: string, bars: Bar[], empty = 'none'): string => {
  if (!bars.length) return `<figure class="chart" data-chart="${esc(id)}"><figcaption>${esc(title)}</figcaption><p class="empty">${esc(empty)}</p></figure>`;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const height = bars.length * ROW + 4;
  const rows = bars
    .map((b, i) => {
      const y = i * ROW + 2;
      const w = Math.max(b.value > 0 ? 1 : 0, Math.round((BAR_W * b.value) / max));
      const shown = b.key.length > 38 ? `${b.key.slice(0, 37)}…` : b.key;
      const label = b.href ? `<a href="${esc(b.href)}"><text x="${LABEL_W - 6}" y="${y + 15}" text-anchor="end">${esc(shown)}</text></a>` : `<text x="${LABEL_W - 6}" y="${y + 15}" text-anchor="end">${esc(shown)}</text>`;
      return (
        `<g class="bar" data-key="${esc(b.key)}" data-value="${b.value}"><title>${esc(`${b.key}: ${b.label ?? fmt(b.value)}`)}</title>${label}` +
        `<rect x="${LABEL_W}" y="${y + 3}" width="${w}" height="${ROW - 6}"></rect>` +
        `<text class="value" x="${LABEL_W + w + 6}" y="${y + 15}">${esc(b.label ?? fmt(b.value))}</text></g>`
      );
    })
    .join('');
  return `<figure class="chart" data-chart="${esc(id)}"><figcaption>${esc(title)}</figcaption><svg role="img" aria-label="${esc(title)}" width="${LABEL_W + BAR_W + 90}" height="${height}" viewBox="0 0 ${LABEL_W + BAR_W + 90} ${height}">${rows}</svg></figure>`;
};

const byCount = (counts: Record<string, number>) => Object.entries(counts).sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1));

const TOP_RULES = 20;
const TOP_SITES = 100;

const CHANGE_TITLES: Record<Change['kind'], string> = {
  new_code: 'new code',
  site_rejections: 'rejection rate',
  site_removed_words: 'words removed',
  rule_more: 'rule fires more',
  rule_less: 'rule fires less',
};

const changesSection = (p: PageData): string => {
  if (!p.changes || !p.previous) {
    return `<section id="changes"><h2>Since the previous run</h2><p class="empty">No previous run to compare with: runs with <code>--state</code> compare each night with the last completed one.</p></section>`;
  }
  const head = `<p>Compared with run <b>${esc(p.previous.runId ?? '?')}</b> of ${esc(p.previous.startedAt)} (${fmt(p.previous.read)} documents).</p>`;
  if (!p.changes.length) return `<section id="changes"><h2>Since the previous run</h2>${head}<p class="empty">Nothing changed beyond the thresholds.</p></section>`;
  const items = p.changes
    .map((c) => `<li class="change" data-kind="${esc(c.kind)}" data-subject="${esc(c.subject)}"><span class="tag">${esc(CHANGE_TITLES[c.kind])}</span> ${esc(c.detail)} <a href="${esc(filterHref({ ...c.filter }))}">documents</a></li>`)
    .join('');
  return `<section id="changes"><h2>Since the previous run</h2>${head}<ul class="changes">${items}</ul></section>`;
};

const sitesSection = (p: PageData, flagged: Set<string>): string => {
  const all = Object.entries(p.report.sites);
  const top = all
    .map(([site, s]) => ({ site, s, n: s.accepted + s.rejected + s.failed }))
    .sort((a, b) => Number(flagged.has(b.site)) - Number(flagged.has(a.site)) || b.n - a.n || (a.site < b.site ? -1 : 1))
    .slice(0, TOP_SITES);
  const rows = top
    .map(({ site, s, n }) => {
      const st = Object.hasOwn(p.stats.sites, site) ? p.stats.sites[site]! : null;
      const rate = n ? (s.rejected + s.failed) / n : 0;
      const share = st && st.words ? st.removedWords / st.words : 0;
      return (
        `<tr data-site="${esc(site)}"${flagged.has(site) ? ' class="flagged"' : ''}><td><a href="${esc(filterHref({ site }))}">${esc(site)}</a></td>` +
        `<td class="n">${fmt(n)}</td><td class="n">${fmt(s.accepted)}</td><td class="n">${fmt(s.rejected)}</td><td class="n">${fmt(s.failed)}</td>` +
        `<td class="n" data-rate="${rate}">${pct(rate)} <meter min="0" max="1" value="${rate}"></meter></td>` +
        `<td class="n">${st ? `${pct(share)} <meter min="0" max="1" value="${share}"></meter>` : '-'}</td></tr>`
      );
    })
    .join('');
  const more = all.length > top.length ? `<p class="note">${fmt(all.length - top.length)} more sites (the ${TOP_SITES} with most documents are shown; search the documents by site below).</p>` : '';
  return (
    `<section id="sites"><h2>Sites</h2><table class="sites"><thead><tr><th>site</th><th>documents</th><th>accepted</th><th>rejected</th><th>failed</th><th>rejected or failed</th><th>words removed</th></tr></thead>` +
    `<tbody>${rows}</tbody></table>${more}</section>`
  );
};

const STYLE = `
:root{--fg:#1d2330;--muted:#5b6477;--line:#d9dee8;--bg:#fff;--bar:#3f6fd8;--kept:#f4f8ff;--warn:#b35c00}
*{box-sizing:border-box}body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg);margin:0}
header{padding:16px 24px;border-bottom:1px solid var(--line);background:#f7f8fb}header h1{margin:0 0 4px;font-size:20px}
main{padding:8px 24px 48px;max-width:1280px}h2{font-size:17px;margin:28px 0 10px;border-bottom:1px solid var(--line);padding-bottom:4px}
.cards{display:flex;flex-wrap:wrap;gap:10px;margin:12px 0}.card{border:1px solid var(--line);border-radius:6px;padding:8px 14px;min-width:110px}
.card b{display:block;font-size:22px}.card span{color:var(--muted)}.charts{display:flex;flex-wrap:wrap;gap:8px 28px}
figure.chart{margin:8px 0}figcaption{font-weight:600;margin-bottom:4px}svg text{font-size:12px;fill:var(--fg)}svg rect{fill:var(--bar)}
svg a text{fill:#1f4fbf;text-decoration:underline}svg text.value{fill:var(--muted)}.empty,.note{color:var(--muted)}
table{border-collapse:collapse}th,td{border-bottom:1px solid var(--line);padding:3px 8px;text-align:left;vertical-align:top}td.n{text-align:right;white-space:nowrap}
tr.flagged{background:#fff4e5}meter{width:70px;vertical-align:middle}.tag{display:inline-block;background:#eef1f7;border-radius:4px;padding:0 6px;margin-right:4px;font-size:12px}
.change{margin:4px 0}.controls{display:flex;flex-wrap:wrap;gap:8px;align-items:center;margin:8px 0}.controls input{min-width:320px;padding:4px 6px}
.controls select{max-width:240px}#doc-list{list-style:none;padding:0;margin:8px 0}#doc-list li{padding:3px 0;border-bottom:1px solid #eef0f4}
.status{display:inline-block;min-width:70px;font-size:12px}.status-rejected{color:#a4161a}.status-failed{color:#7b2cbf}.status-accepted{color:#2b7a0b}
#doc-view{margin-top:16px}.block{border-left:4px solid #9fb6e8;background:var(--kept);margin:6px 0;padding:4px 10px}
.block.removed{background:#fafafa;color:#555;border-left-color:#999}.block .fate{font-size:12px;color:var(--muted);display:block}
.block .text{white-space:pre-wrap;overflow-wrap:anywhere}.block.removed .text{text-decoration:line-through;text-decoration-color:#bbb}
.stage-decode{border-left-color:#8d99ae!important}.stage-strip-boilerplate{border-left-color:#e76f51!important}.stage-dedupe-paragraphs{border-left-color:#f4a261!important}
.stage-extract-metadata{border-left-color:#2a9d8f!important}.stage-validate{border-left-color:#9b5de5!important}.stage-dedupe-documents{border-left-color:#6d597a!important}
.legend span{display:inline-block;border-left:4px solid;padding:0 8px;margin-right:8px}.meta td:first-child{color:var(--muted)}.reason{color:#a4161a;font-weight:600}
.error{color:#a4161a}button{padding:3px 10px}`;

export const renderPage = (p: PageData): string => {
  const r = p.report;
  const flagged = new Set((p.changes ?? []).filter((c) => c.kind.startsWith('site_')).map((c) => c.subject));
  const outcomes: Bar[] = [
    { key: 'accepted', value: r.accepted, href: filterHref({ status: 'accepted' }) },
    { key: 'rejected', value: r.rejected, href: filterHref({ status: 'rejected' }) },
    { key: 'failed', value: r.failed, href: filterHref({ status: 'failed' }) },
    { key: 'skipped', value: r.skipped },
  ];
  const rules = Object.entries(p.stats.rules);
  const topBy = (k: 'blocks' | 'words'): Bar[] =>
    rules
      .sort(([a, x], [b, y]) => y[k] - x[k] || (a < b ? -1 : 1))
      .slice(0, TOP_RULES)
      .map(([rule, s]) => ({ key: rule, value: s[k], href: filterHref({ rule }), label: `${fmt(s[k])} (${fmt(s.documents)} doc${s.documents === 1 ? '' : 's'})` }));
  const stageMs: Bar[] = Object.entries(r.stageMs).map(([stage, ms]) => ({ key: stage, value: ms, label: `${fmt(ms)} ms` }));
  const config = { dir: p.data.dir, index: p.data.index, chunk: p.data.chunk, documents: p.data.documents, runId: r.runId ?? null };
  const script = `(${reportClient.toString()})();`;
  const csp = [
    "default-src 'none'",
    `script-src 'self' file: ${sha256(script)}`,
    `style-src ${sha256(STYLE)}`,
    "img-src 'none'",
    "connect-src 'none'",
    "font-src 'none'",
    "media-src 'none'",
    "object-src 'none'",
    "frame-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  const card = (label: string, n: number) => `<div class="card" data-count="${esc(label)}"><b>${fmt(n)}</b><span>${esc(label)}</span></div>`;
  const removedWords = p.stats.words ? p.stats.removedWords / p.stats.words : 0;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${esc(csp)}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>newsclean report ${esc(r.runId ?? '')}</title>
<style>${STYLE}</style>
</head><body>
<header><h1>newsclean run ${esc(r.runId ?? '')}</h1>
<div>pipeline <b>${esc(r.pipeline)}</b> · inputs ${esc(r.inputs.join(', '))} · started ${esc(r.startedAt)} · ${esc((r.durationMs / 1000).toFixed(1))} s${r.shard ? ` · shard ${r.shard.index}/${r.shard.count}` : ''}${r.resumes ? ` · resumed ${r.resumes}×` : ''}</div></header>
<main>
<section id="overview"><h2>Overview</h2>
<div class="cards">${card('read', r.read)}${card('accepted', r.accepted)}${card('rejected', r.rejected)}${card('failed', r.failed)}${card('skipped', r.skipped)}</div>
<p>${fmt(p.stats.words)} words in the processed documents, ${fmt(p.stats.removedWords)} removed (${pct(removedWords)}).</p>
<div class="charts">
${barChart('outcomes', 'Documents by outcome', outcomes)}
${barChart('rejectedByCode', 'Rejected, by reason code', byCount(r.rejectedByCode).map(([code, n]) => ({ key: code, value: n, href: filterHref({ code }) })))}
${barChart('failedByCode', 'Failed, by reason code', byCount(r.failedByCode).map(([code, n]) => ({ key: code, value: n, href: filterHref({ code }) })))}
${barChart('warningsByCode', 'Warnings, by code (documents)', byCount(r.warningsByCode).map(([code, n]) => ({ key: code, value: n, href: filterHref({ warning: code }) })))}
${barChart('stageMs', 'Time per stage (summed over workers)', stageMs)}
</div></section>
${changesSection(p)}
<section id="rules"><h2>Rules that removed most</h2><div class="charts">
${barChart('rulesByWords', 'Words removed, by rule', topBy('words'))}
${barChart('rulesByBlocks', 'Blocks removed, by rule', topBy('blocks'))}
</div></section>
${sitesSection(p, flagged)}
<section id="documents"><h2>Documents</h2>
<div class="controls">
<input id="search" type="search" placeholder="search by path or id" aria-label="search by path or id">
<select id="f-status" aria-label="status"><option value="">any status</option><option value="accepted">accepted</option><option value="rejected">rejected</option><option value="failed">failed</option></select>
<select id="f-code" aria-label="reason code"><option value="">any reason code</option></select>
<select id="f-rule" aria-label="removed by rule"><option value="">any rule</option></select>
<select id="f-warning" aria-label="warning"><option value="">any warning</option></select>
<select id="f-site" aria-label="site"><option value="">any site</option></select>
</div>
<p id="doc-count" class="note">${fmt(p.data.documents)} documents; loading the index…</p>
<ol id="doc-list"></ol>
<div id="doc-view"></div>
</section>
</main>
<script type="application/json" id="nc-config">${jsonForScript(config)}</script>
<script>${script}</script>
</body></html>
`;
};
