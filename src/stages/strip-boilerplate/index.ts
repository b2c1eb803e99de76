// strip-boilerplate: takes out what is not the article. Marks blocks removed (with a rule code); never deletes them.
import { z } from 'zod';
import type { RoleName } from '../../core/doc.js';
import { defineStage, remove } from '../../core/stage.js';
import { BotChallengeOptions, compileBotChallenge, findBotChallenge, quoteEvidence } from './bot-challenge.js';
import { compileErrorPatterns, ErrorPageOptions, findErrorPage } from './error-page.js';
import { HtmlOptions, selectContent } from './content.js';
import { applyRules, compileRules, dropOrphanHeadings, RuleSpec } from './rules.js';
import { selectTextContent, TextOptions } from './text-content.js';

/** Roles whose blocks leave the body (the lead and an agency dateline are the article's own text). */
const REMOVED_ROLES: ReadonlySet<RoleName> = new Set(['headline', 'byline', 'date_line', 'contributor_line', 'caption']);

const Options = z
  .object({
    html: HtmlOptions.default(HtmlOptions.parse({})),
    text: TextOptions.default(TextOptions.parse({})),
    errorPage: ErrorPageOptions.default(ErrorPageOptions.parse({})),
    botChallenge: BotChallengeOptions.default(BotChallengeOptions.parse({})),
    rules: z.array(RuleSpec).default([]),
    /** A heading of at most this many words whose section was removed entirely goes too (`widget_heading`); 0: never. */
    orphanHeadingWords: z.number().int().min(0).default(8),
  })
  .strict()
  .transform((o) => ({
    ...o,
    botChallenge: compileBotChallenge(o.botChallenge),
    compiledRules: compileRules(o.rules),
    errorPatterns: compileErrorPatterns(o.errorPage.patterns),
  }));

export const stripBoilerplate = defineStage({
  name: 'strip-boilerplate',
  options: Options,
  run(doc, opts, ctx) {
    const drop = (code: string) => (b: (typeof doc.blocks)[number]) => remove(b, ctx.stage, code);
    if (doc.html) selectContent(doc.blocks, doc.html, opts.html, (b, code) => remove(b, ctx.stage, code));

    // Before the error-page check: "Access Denied" from a CDN is a bot challenge, not a soft error page.
    const challenge = findBotChallenge(doc.blocks, [doc.html?.title ?? null, doc.source.givenTitle], opts.botChallenge);
    if (challenge) {
      doc.messages.push({
        severity: 'fatal',
        stage: ctx.stage,
        code: 'bot_challenge',
        detail: `${challenge.name}: "${quoteEvidence(challenge.evidence)}"`,
      });
      return doc;
    }

    applyRules(doc.blocks, opts.compiledRules, (b, code) => remove(b, ctx.stage, code));

    // After the rules, so promo lines around an error page do not pass for an article.
    const verdict = findErrorPage(doc.blocks, opts.errorPatterns, opts.errorPage);
    if (verdict.wholePage) {
      doc.messages.push({
        severity: 'fatal',
        stage: ctx.stage,
        code: 'error_page',
        detail: `the document is an error page ("${verdict.evidence}") with no article beside it`,
      });
      return doc;
    }
    verdict.edges.forEach(drop('error_page'));

    // A text dump may be a whole page: keep its run of prose. (HTML pages had their main content chosen above.)
    if (!doc.html) selectTextContent(doc.blocks, opts.text, (b, code) => remove(b, ctx.stage, code));
    // The parts of the page anatomy recognised that are not the article's text: removed under their role's name.
    for (const b of doc.blocks) if (b.role && REMOVED_ROLES.has(b.role.name)) remove(b, ctx.stage, b.role.name);
    dropOrphanHeadings(doc.blocks, opts.orphanHeadingWords, drop('widget_heading'));
    return doc;
  },
});
