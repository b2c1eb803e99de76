// validate: the last gate. A document that fails is rejected with a reason code, never dropped silently.
import { z } from 'zod';
import { keepArticle, toArticle } from '../../core/article.js';
import type { Doc } from '../../core/doc.js';
import { ArticleRecord } from '../../core/records.js';
import { bodyText, defineStage, keptBlocks } from '../../core/stage.js';
import { checkRepetition, RepetitionOptions } from './repetition.js';
import { blockWords } from '../../core/text.js';

const Options = z
  .object({
    /** A clean body with fewer words is rejected as `too_short`. */
    minWords: z.number().int().min(1).default(50),
    /** Reject as `too_much_removed` when cleaning took out more than this share of the words (null: off); 0.99 rejects none of the 617 benchmark articles, whose largest share is 0.974. */
    maxRemovedShare: z.number().min(0).max(1).nullable().default(0.99),
    /** Gopher's repetition checks on the clean body, `{}` for its thresholds (null: off); each check has its own code. */
    repetition: RepetitionOptions.nullable().default(null),
  })
  .strict();

const sumWords = (blocks: Doc['blocks']) => blocks.reduce((n, b) => n + blockWords(b), 0);

/** The most frequent removal codes, for a message: "outside_main_content 40, html_nav 12". */
const topRemovals = (doc: Doc): string => {
  const counts = new Map<string, number>();
  for (const b of doc.blocks) if (b.removed) counts.set(b.removed.code, (counts.get(b.removed.code) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([code, n]) => `${code} ${n}`).join(', ');
};

const reject = (doc: Doc, stage: string, code: string, detail: string): Doc => {
  doc.messages.push({ severity: 'fatal', stage, code, detail });
  return doc;
};

export const validate = defineStage({
  name: 'validate',
  options: Options,
  run(doc, opts, ctx) {
    const words = sumWords(keptBlocks(doc));
    if (words === 0) {
      const detail = doc.blocks.length
        ? `all ${doc.blocks.length} blocks were removed (${topRemovals(doc)})`
        : 'the document has no text (no block of words was found in it)';
      return reject(doc, ctx.stage, 'empty_after_cleaning', detail);
    }
    if (words < opts.minWords) {
      return reject(doc, ctx.stage, 'too_short', `the clean body has ${words} words; the minimum is ${opts.minWords}`);
    }
    if (opts.maxRemovedShare !== null) {
      const total = sumWords(doc.blocks);
      const share = 1 - words / total;
      if (share > opts.maxRemovedShare) {
        const pct = (x: number) => `${Math.round(x * 100)}%`;
        return reject(doc, ctx.stage, 'too_much_removed', `cleaning removed ${pct(share)} of the words; the maximum is ${pct(opts.maxRemovedShare)}`);
      }
    }
    if (opts.repetition) {
      const failed = checkRepetition(bodyText(keptBlocks(doc)), opts.repetition);
      if (failed) return reject(doc, ctx.stage, failed.code, failed.detail);
    }
    const article = toArticle(doc);
    const checked = ArticleRecord.safeParse(article);
    if (!checked.success) {
      const issue = checked.error.issues[0]!;
      return reject(doc, ctx.stage, 'invalid_record', `${issue.path.join('.') || 'record'}: ${issue.message}`);
    }
    // The record written is this one (core/article.ts articleOf): built once.
    keepArticle(doc, article);
    return doc;
  },
});
