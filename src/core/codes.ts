// Every reason code a document can carry. Codes are public API: the README lists them all and a test checks it.

/** Fatal codes: the document is rejected (or, for `failed` ones, could not be processed). */
export const REJECTION_CODES = {
  empty_input: 'The file has no bytes, or only whitespace.',
  binary_input: 'The file is not text (an image, an archive, or other binary data).',
  undecodable: 'The bytes could not be turned into text.',
  input_too_large: "The file is larger than the pipeline's `limits.maxInputBytes`.",
  error_page: 'The document is only an error page ("403", "page not found", ...).',
  empty_after_cleaning: 'Nothing of the document is left after boilerplate and duplicate removal.',
  too_short: "The clean body has fewer words than the validate stage's `minWords`.",
  too_much_removed: "Cleaning removed more than `maxRemovedShare` of the document's text: likely not an article.",
  invalid_record: 'The article record does not satisfy its schema.',
  repeated_paragraphs: "More than Gopher's 30% of the clean body's paragraphs repeat an earlier one (validate `repetition.duplicateParagraphs`).",
  repeated_paragraph_chars: "Repeated paragraphs hold more than Gopher's 20% of the body's characters (`repetition.duplicateParagraphChars`).",
  repeated_lines: "More than Gopher's 30% of the body's lines repeat an earlier one (`repetition.duplicateLines`).",
  repeated_line_chars: "Repeated lines hold more than Gopher's 20% of the body's characters (`repetition.duplicateLineChars`).",
  repeated_top_ngram: "The most frequent 2-, 3- or 4-gram covers more than Gopher's 20/18/16% of the characters (`repetition.topNgramChars`).",
  repeated_ngrams: "Repeated 5- to 10-grams hold more than Gopher's 15..10% of the characters (`repetition.duplicateNgramChars`).",
  timeout: "Processing took longer than the pipeline's `limits.timeoutMs`.",
  http_error: 'The page was served with an HTTP error status (400 or more), as its WARC record, sidecar or export says.',
  bot_challenge: 'The page is a bot challenge or access-denied page of a CDN or firewall ("Just a moment...", "Access denied"), not the article.',
  duplicate_document: 'The same article (body) was already accepted: earlier in this run, in another shard, or on an earlier night; the message names that record.',
  malformed_record: 'A record of a scraper export that is not a JSON object, or has none of the mapped html/text fields (`readers.fields`).',
  truncated_input: 'A compressed file or container ends early (cut-off download): the records before the cut are kept, this stands for the rest.',
} as const;

/** Codes of documents that failed: the tool, not the document, is at fault or the file could not be read. */
export const FAILURE_CODES = {
  read_error: 'The file could not be read (permissions, vanished, a symbolic link to a folder under a document name).',
  internal_error: 'A stage threw an unexpected error; the message has the detail.',
} as const;

/** Non-fatal messages a document may carry. */
export const WARNING_CODES = {
  invalid_utf8: 'Some bytes were not valid in the detected charset; they became U+FFFD.',
  charset_guessed: 'No charset was declared; it was guessed from the bytes.',
  declared_charset_ignored: 'The page declares a legacy charset but its bytes are valid UTF-8 with non-ASCII text: decoded as UTF-8.',
  control_characters: 'Control characters were removed from the text.',
  unknown_charset: 'The page declares a charset that cannot be decoded; the bytes were decoded as UTF-8 or a guessed charset.',
  sidecar_invalid: "The document's sidecar file (`story.html.json`, `story.json`) is not a readable JSON object; the document was read without it.",
  mojibake_repaired: 'Text once or twice decoded with the wrong charset (UTF-8 read as windows-1252 or latin-1: "cafÃ©", or as windows-1250, MacRoman or cp437) was repaired.',
} as const;

/** Codes that mark a removed block: the rule ids of pipelines/*.json plus the built-in ones below. */
export const BUILTIN_REMOVAL_CODES = {
  error_page: 'An error-page line ("403", "Sorry!!", "page not found") at the edge of the document.',
  duplicate_paragraph: 'The same paragraph (after folding case, digits, punctuation and space) appeared earlier; `of` names it.',
  near_duplicate_paragraph: "A near copy of another paragraph (a few words edited, or cut short): the shorter of the two goes; `of` names the one kept.",
  contributor_line: 'A "... contributed to this report" or "Reporting by ..." line (role contributor_line); its names go to the metadata.',
  headline: "The headline (role headline: a text's first short line above a paragraph, a page's h1 matching its title), a copy of it or its subtitle; it becomes the title.",
  outside_main_content: "Outside the article: for HTML, outside the main content container; for a text dump, in the menu or footer lines around its prose.",
  no_main_content: 'HTML: no element of the page holds more prose than links, teasers and short lines: a front page or a menu.',
  caption: 'HTML: a figure or table caption.',
  teaser: 'HTML: a blurb under a linked heading in a small card: a teaser for another story.',
  link_dense: "HTML: inside the article, but most of the block's text is links.",
  html_nav: 'HTML: inside <nav>/<menu>, or an element whose class/id names navigation.',
  html_footer: 'HTML: inside <footer>, or an element whose class/id names a footer.',
  html_aside: 'HTML: inside <aside>.',
  html_header: "HTML: inside the site's <header> (a <header> inside <article> or <main> belongs to the article).",
  html_form: 'HTML: inside <form>.',
  byline: 'A byline under the headline (role byline: "By Jane Doe", "Von Anna Müller"), or an HTML element whose class names the author or date; its names go to the metadata.',
  date_line: 'A line that only gives a date or a date stamp (role date_line: "Nov 18, 2019 @17:19 PM", "Wed, Nov 20"); the one under the headline gives publishedAt.',
  widget_heading: 'A short heading whose whole section was removed as boilerplate: the heading of a widget whose list went.',
  recurring_line: "A block kept in many documents of the run's same site (at least `crossDocument.recurringLines` `minDocuments` and `minShare` of them): the site's footer, promo or notice line; removed by the cross-document step.",
} as const;
