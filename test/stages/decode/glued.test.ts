import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normalizeSpace } from '../../../src/core/text.js';
import { isGluedLine, splitGlued } from '../../../src/stages/decode/glued.js';
import { decodeBytes, decodeString, FIXTURES } from './helpers.js';

const READABILITY = `${FIXTURES}benchmark/text-readability/`;
const FULLPAGE = `${FIXTURES}benchmark/text-fullpage/`;
const SAMPLES = new URL('../../../samples/', import.meta.url).pathname;
const truth = JSON.parse(readFileSync(`${FIXTURES}benchmark/truth.json`, 'utf8')) as Record<string, { articleBody: string }>;
const file = (key: string) => readFileSync(READABILITY + readdirSync(READABILITY).find((f) => f.startsWith(key))!);
const linesOf = (bytes: Buffer) => normalizeSpace(bytes.toString('utf8')).split('\n').filter(Boolean);

describe('glued paragraphs are cut where the truth has paragraph breaks (excerpts of the Readability dumps)', () => {
  it.each([
    [
      '51374560: a lowercase word glued to the next paragraph, and a sentence end glued to a capital',
      'Published 1 day agoThe home-improvement retailer earned $2.8 billion in the third quarter.Dow component Home Depot reported',
      ['Published 1 day ago', 'The home-improvement retailer earned $2.8 billion in the third quarter.', 'Dow component Home Depot reported'],
    ],
    [
      '9cb8224b: a list of tour dates, each ending in a state code glued to the next date ("FLJune")',
      'Tour 2020 dates:June 9 -- Coral Sky Amphitheatre, West Palm Beach, FLJune 10 -- MIDFLORIDA Credit Union Amphitheatre, Tampa, FLJune 14 -- Ameris',
      ['Tour 2020 dates:', 'June 9 -- Coral Sky Amphitheatre, West Palm Beach, FL', 'June 10 -- MIDFLORIDA Credit Union Amphitheatre, Tampa, FL', 'June 14 -- Ameris'],
    ],
    [
      '9cb8224b: a state code glued to an abbreviated month ("MOAug."); "St. Louis" with its space kept',
      'Amphitheatre, St. Louis, MOAug. 30 -- Pepsi Center, Denver, COSept. 2 -- USANA',
      ['Amphitheatre, St. Louis, MO', 'Aug. 30 -- Pepsi Center, Denver, CO', 'Sept. 2 -- USANA'],
    ],
    [
      'e593d7fe: a numbered tip glued after a sentence, and its title glued to its text ("dietFad")',
      'to help overcome binge eating.1. Ditch the dietFad diets can often be very unhealthy.',
      ['to help overcome binge eating.', '1. Ditch the diet', 'Fad diets can often be very unhealthy.'],
    ],
    [
      '7bb1ca90: an acronym of two letters ends the sentence ("or HP.The")',
      'hypersensitivity pneumonitis, or HP.The man had a particular form of HP',
      ['hypersensitivity pneumonitis, or HP.', 'The man had a particular form of HP'],
    ],
    [
      '51d066b0: a headline glued to the next paragraph ("GirlThe"), and a sentence end glued to a capital',
      'Video Shows Dramatic Rescue of Kidnapped GirlThe suspect said he needed to get dressed.Police used a ram',
      ['Video Shows Dramatic Rescue of Kidnapped Girl', 'The suspect said he needed to get dressed.', 'Police used a ram'],
    ],
    [
      'ba4dfe2d: an image credit in brackets glued to the next paragraph',
      'in the 14th century (Image: GETTY)According to AFP, one user on Weibo',
      ['in the 14th century (Image: GETTY)', 'According to AFP, one user on Weibo'],
    ],
    [
      'aade2ec8: a year glued to the next paragraph ("2019We"); the tweet URL stays whole',
      'aiming for 60. pic.twitter.com/4p7SXk7JPW— Digital Foundry (@digitalfoundry) November 18, 2019We recently traveled',
      ['aiming for 60. pic.twitter.com/4p7SXk7JPW— Digital Foundry (@digitalfoundry) November 18, 2019', 'We recently traveled'],
    ],
    [
      '7dfc3e35: an all-caps headline glued to a capitalized word ("CONDITIONVan")',
      'OPENS UP ABOUT SERIOUS HEALTH CONDITIONVan Der Beek revealed the news',
      ['OPENS UP ABOUT SERIOUS HEALTH CONDITION', 'Van Der Beek revealed the news'],
    ],
    [
      '7dfc3e35: an all-caps headline ending in a quote glued to the next sentence',
      "SEAN SPICER ELIMINATED FROM 'DANCING WITH THE STARS'The news of the miscarriage",
      ["SEAN SPICER ELIMINATED FROM 'DANCING WITH THE STARS'", 'The news of the miscarriage'],
    ],
    [
      '51374560 and 7dfc3e35: an all-caps headline glued to a quotation',
      'LIVING OUT THEIR AMERICAN DREAM"We are largely on track. CLICK HERE TO GET THE FOX NEWS APP“Can I give it to',
      ['LIVING OUT THEIR AMERICAN DREAM', '"We are largely on track. CLICK HERE TO GET THE FOX NEWS APP', '“Can I give it to'],
    ],
    [
      '3f65af7b: a photo credit glued to the caption or paragraph after it',
      'Alex Wong | Getty ImagesKristi Noem, governor of South Dakota',
      ['Alex Wong | Getty Images', 'Kristi Noem, governor of South Dakota'],
    ],
    [
      '30b771a4: a phone number glued to the next paragraph ("85-433If"); the web address stays whole',
      'More info: www.earbooks.net/en | +49 (0)40 890 85-433If you want a book',
      ['More info: www.earbooks.net/en | +49 (0)40 890 85-433', 'If you want a book'],
    ],
    [
      'c582d3b7: a colon glued to a capital ("it:You"), a lowercase word glued to the next line, an emoji',
      'Think about it:You build your website in its own little corner of the internetSearch engines find it. I saw a lot of people wasting a lot of time. 🙁Smart people!',
      ['Think about it:', 'You build your website in its own little corner of the internet', 'Search engines find it. I saw a lot of people wasting a lot of time. 🙁', 'Smart people!'],
    ],
    [
      'c82b3d1d (Russian): sentence ends glued to Cyrillic capitals, one of them a word of one letter ("года?В")',
      'ее охватила настоящая паника.Разве этой красотке дашь 53 года?В интервью модель призналась',
      ['ее охватила настоящая паника.', 'Разве этой красотке дашь 53 года?', 'В интервью модель призналась'],
    ],
  ])('%s', (_name, line, pieces) => {
    expect(splitGlued(line)).toEqual(pieces);
    expect(splitGlued(line).join('')).toBe(line);
  });

  it('a straight quote goes with the paragraph it opens or closes (counted since the last cut)', () => {
    expect(splitGlued('"We got her," an officer said."Come on, sweetheart," he told the girl.Earlier that night')).toEqual([
      '"We got her," an officer said.',
      '"Come on, sweetheart," he told the girl.',
      'Earlier that night',
    ]);
    expect(splitGlued('the officer ordered. "Step out."Webb emerged, naked.')).toEqual(['the officer ordered. "Step out."', 'Webb emerged, naked.']);
  });

  it('a caption that ends in a photo credit is cut from the paragraph it follows after a space (ba4dfe2d, 624fcd90)', () => {
    const line =
      'the public is beginning to panic over a potential outbreak. Yersina pestis causes the plague (Image: GETTY) The plague wiped out half of Europe in the 14th century (Image: GETTY)According to AFP, one user on Weibo';
    expect(splitGlued(line)).toEqual([
      'the public is beginning to panic over a potential outbreak.',
      'Yersina pestis causes the plague (Image: GETTY) The plague wiped out half of Europe in the 14th century (Image: GETTY)',
      'According to AFP, one user on Weibo',
    ]);
    // A credit alone after a sentence is not a caption to cut off: "nostrils? (Photo: Getty Images)Getty" (a078b365).
    expect(splitGlued('up your nostrils? (Photo: Getty Images)')).toEqual(['up your nostrils? (Photo: Getty Images)']);
  });

  it('an agency dateline stays with its paragraph: "Hong Kong (CNN Business)A muddled view" (d605bdef)', () => {
    expect(splitGlued('Hong Kong (CNN Business)A muddled view of US-China trade talks.')).toEqual(['Hong Kong (CNN Business)A muddled view of US-China trade talks.']);
  });

  it('German, French and Spanish sentences glued together are cut the same way (Unicode letter classes)', () => {
    expect(splitGlued('Die Verhandlungen dauerten bis spät in die Nacht.Über das Ergebnis wurde nichts bekannt.')).toEqual([
      'Die Verhandlungen dauerten bis spät in die Nacht.',
      'Über das Ergebnis wurde nichts bekannt.',
    ]);
    expect(splitGlued('Publié il y a 2 heuresLe gouvernement a annoncé vendredi une réforme.« Nous irons jusqu’au bout », a déclaré le ministre.')).toEqual([
      'Publié il y a 2 heures',
      'Le gouvernement a annoncé vendredi une réforme.',
      '« Nous irons jusqu’au bout », a déclaré le ministre.',
    ]);
    expect(splitGlued('El presidente llegó a Madrid el lunes.Él dijo que la reunión fue un éxito.¿Habrá acuerdo?Según fuentes oficiales, sí.')).toEqual([
      'El presidente llegó a Madrid el lunes.',
      'Él dijo que la reunión fue un éxito.',
      '¿Habrá acuerdo?',
      'Según fuentes oficiales, sí.',
    ]);
  });
});

describe('what stays whole', () => {
  it.each([
    ['camel-case names and brands', 'He bought an iPhone, watched YouTube at McDonald’s and McDonald\'s, played PlayStation, posted on LinkedIn and WhatsApp; MacBook, eBay, macOS, DeSantis, LeBron.'],
    ['abbreviations and initials', 'The U.S. and the U.K. agreed, e.g. on trade. Dr. Smith, Ph.D., flew to St.Louis with J.K. Rowling; the No.1 seed; vs.Spain.'],
    ['decimals, times and amounts', 'Shares rose 3.5% to $1,234.56 at 10:30 a.m. on version 2.0; a 4K TV with 5G.'],
    ['URLs, e-mail addresses, hashtags and handles', 'See https://example.com/News/Today?Id=5 or www.Example.Com/Path, write to John.Smith@Example.Org, follow @realDonaldTrump and #MethWeAreOnIt.'],
    ['capitals that are not a new word', 'CEOs, PDFs, the AMAs, the UEFA Nations League, BPA-free bottles, NASA scientists, (HSI) fell, HawaiiNewsNow.'],
  ])('%s', (_name, line) => {
    expect(splitGlued(line)).toEqual([line]);
  });
});

describe('which texts are read as glued', () => {
  it('a line is glued when it is long and shows sentence ends glued to the next sentence, or when it is a whole page on a few lines', () => {
    const sentence = 'The minister spoke for an hour about the budget and the coming election in the spring.';
    const glued = Array.from({ length: 8 }, () => sentence).join('');
    const spaced = Array.from({ length: 8 }, () => sentence).join(' ');
    expect(isGluedLine(glued, 20)).toBe(true);
    expect(isGluedLine(spaced, 20)).toBe(false); // a long paragraph
    expect(isGluedLine(glued.slice(0, 400), 20)).toBe(false); // too short to tell
    expect(isGluedLine(`${spaced} ${spaced}`, 1)).toBe(true); // a page on one line (then cut only at glue points)
    expect(splitGlued(`${spaced} ${spaced}`)).toEqual([`${spaced} ${spaced}`]);
  });

  /** Keys of the files of a folder that have a line decode cuts. */
  const glued = (dir: string) =>
    readdirSync(dir)
      .filter((f) => f.endsWith('.txt'))
      .filter((f) => {
        const lines = linesOf(readFileSync(dir + f));
        return lines.some((l) => isGluedLine(l, lines.length) && splitGlued(l).length > 1);
      })
      .map((f) => f.slice(0, 8));

  it('none of the 90 full-page dumps or the samples has a glued line: their blocks are as before', () => {
    expect(glued(FULLPAGE)).toEqual([]);
    expect(glued(SAMPLES)).toEqual([]);
  });

  it('of the 90 Readability dumps, the 22 one-line pages and 11 pages with long glued lines are cut, no other', () => {
    const oneLine = readdirSync(READABILITY).filter((f) => linesOf(readFileSync(READABILITY + f)).length === 1).map((f) => f.slice(0, 8));
    const cut = glued(READABILITY);
    // The two one-line pages not cut: 042bb7b5 (379 characters) and f344ca5f, whose paragraphs were joined by runs of
    // spaces (decode collapses them before it reads the lines).
    expect(oneLine.filter((k) => !cut.includes(k))).toEqual(['042bb7b5', 'f344ca5f']);
    expect(cut.filter((k) => !oneLine.includes(k))).toEqual(['08f79376', '3c5bf8db', '7a664e40', '82b6d780', '9a440270', '9eef8162', 'abd9d629', 'bd673bd7', 'c7e39ac4', 'e7994d55', 'eb62ac84']);
  });

  it('every character is kept: the pieces concatenate to the line, but for the space before a cut-off caption', () => {
    for (const key of ['624fcd90', 'ba4dfe2d', 'c582d3b7', 'e593d7fe']) {
      const line = linesOf(file(key))[0]!;
      const pieces = splitGlued(line);
      expect(pieces.length, key).toBeGreaterThan(10);
      expect(pieces.join('').replace(/ /g, ''), key).toBe(line.replace(/ /g, ''));
      expect(pieces.filter((p) => p !== p.trim() || p === ''), key).toEqual([]);
    }
  });

  it('9cb8224b through decode: each of the 30 tour dates of the truth is a block of its own, and no character changes', () => {
    const bytes = file('9cb8224b');
    const blocks = decodeBytes(bytes, 'text').blocks.map((b) => b.text);
    const key = Object.keys(truth).find((k) => k.startsWith('9cb8224b'))!;
    const dates = truth[key]!.articleBody.split('\n').map((p) => p.trim()).filter((p) => /^(?:June|July|Aug\.|Sept\.|Oct\.) \d+ -- /u.test(p));
    expect(dates).toHaveLength(30);
    expect(dates.filter((p) => !blocks.includes(p))).toEqual([]);
    expect(blocks.join('')).toBe(linesOf(bytes).join(''));
  });

  it('a normal multi-line text comes out as before, one block per line', () => {
    const text = 'A headline\nThe first paragraph ends here.\nThe second one too.';
    expect(decodeString(text).blocks.map((b) => b.text)).toEqual(['A headline', 'The first paragraph ends here.', 'The second one too.']);
  });
});
