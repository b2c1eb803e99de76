// Night over night: what changed since the previous completed run that a person should look at. A site whose
// layout changed shows as a jump in its rejection rate or in the share of its words removed; a rule gone wrong
// as one that suddenly fires much more or much less; a new failure mode as a reason code never seen before.
import type { RunSummary } from './summary.js';

/** How big a change must be to be shown; sites and rules with fewer documents than `minDocuments` are noise. */
export const CHANGE_THRESHOLDS = {
  /** Documents a site needs in both runs before its rates are compared. */
  minDocuments: 20,
  /** A rejection rate or removed-word share that moves by at least this much (0..1). */
  rateJump: 0.2,
  /** A rule whose share of documents it fires on is this many times higher or lower. */
  ruleFactor: 3,
  /** Documents a rule must fire on, in the busier of the two runs, to count. */
  ruleMinDocuments: 10,
};

export type ChangeKind = 'new_code' | 'site_rejections' | 'site_removed_words' | 'rule_more' | 'rule_less';

/** What the page links to for examples: documents matching all given fields. */
export interface DocumentFilter {
  /** A rejection or failure code. */
  code?: string;
  warning?: string;
  site?: string;
  rule?: string;
  status?: 'accepted' | 'rejected' | 'failed';
}

export interface Change {
  kind: ChangeKind;
  /** The code, site or rule that changed. */
  subject: string;
  /** Before and after: a count, a rate or a share, as the kind says. */
  before: number;
  after: number;
  /** One line for a person. */
  detail: string;
  filter: DocumentFilter;
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

export const compareRuns = (previous: RunSummary, current: RunSummary, t = CHANGE_THRESHOLDS): Change[] => {
  const changes: Change[] = [];
  const before = previous.report;
  const now = current.report;

  const codeSets: Array<[string, Record<string, number>, Record<string, number>]> = [
    ['rejected', before.rejectedByCode, now.rejectedByCode],
    ['failed', before.failedByCode, now.failedByCode],
    ['warning', before.warningsByCode, now.warningsByCode],
  ];
  for (const [what, was, is] of codeSets) {
    for (const [code, n] of Object.entries(is)) {
      if (Object.hasOwn(was, code) || !n) continue;
      changes.push({ kind: 'new_code', subject: code, before: 0, after: n, detail: `new ${what} code ${code}: ${n} document${n === 1 ? '' : 's'}`, filter: what === 'warning' ? { warning: code } : { code } });
    }
  }

  const prevSites = previous.stats.sites;
  for (const [site, s] of Object.entries(current.stats.sites)) {
    const p = Object.hasOwn(prevSites, site) ? prevSites[site]! : undefined;
    if (!p || p.documents < t.minDocuments || s.documents < t.minDocuments) continue;
    const rateBefore = (p.rejected + p.failed) / p.documents;
    const rateNow = (s.rejected + s.failed) / s.documents;
    if (Math.abs(rateNow - rateBefore) >= t.rateJump) {
      changes.push({
        kind: 'site_rejections',
        subject: site,
        before: rateBefore,
        after: rateNow,
        detail: `${site}: rejection rate ${pct(rateBefore)} -> ${pct(rateNow)} (${s.rejected + s.failed} of ${s.documents} documents)`,
        filter: rateNow > rateBefore ? { site, status: 'rejected' } : { site },
      });
    }
    const shareBefore = p.words ? p.removedWords / p.words : 0;
    const shareNow = s.words ? s.removedWords / s.words : 0;
    if (Math.abs(shareNow - shareBefore) >= t.rateJump) {
      changes.push({
        kind: 'site_removed_words',
        subject: site,
        before: shareBefore,
        after: shareNow,
        detail: `${site}: share of words removed ${pct(shareBefore)} -> ${pct(shareNow)}`,
        filter: { site },
      });
    }
  }

  const docsBefore = previous.stats.documents;
  const docsNow = current.stats.documents;
  // A night with few new documents (an incremental run that skipped the rest) says nothing about the rules' rates.
  const rules = docsBefore >= t.minDocuments && docsNow >= t.minDocuments ? new Set([...Object.keys(previous.stats.rules), ...Object.keys(current.stats.rules)]) : new Set<string>();
  for (const rule of [...rules].sort()) {
    const was = Object.hasOwn(previous.stats.rules, rule) ? previous.stats.rules[rule]!.documents : 0;
    const is = Object.hasOwn(current.stats.rules, rule) ? current.stats.rules[rule]!.documents : 0;
    if (Math.max(was, is) < t.ruleMinDocuments) continue;
    const rateBefore = was / docsBefore;
    const rateNow = is / docsNow;
    const line = `${rule} fired on ${pct(rateBefore)} -> ${pct(rateNow)} of documents (${was} -> ${is})`;
    if (rateNow >= rateBefore * t.ruleFactor && is >= t.ruleMinDocuments) {
      changes.push({ kind: 'rule_more', subject: rule, before: rateBefore, after: rateNow, detail: line, filter: { rule } });
    } else if (rateNow * t.ruleFactor <= rateBefore && was >= t.ruleMinDocuments) {
      changes.push({ kind: 'rule_less', subject: rule, before: rateBefore, after: rateNow, detail: line, filter: { rule } });
    }
  }
  return changes;
};
