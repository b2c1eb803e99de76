// Decodes the HTML character references that JSON-LD and meta values often carry still encoded.

const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ndash: '–', mdash: '—', hellip: '…', laquo: '«', raquo: '»',
  lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', sbquo: '‚', bdquo: '„', middot: '·', bull: '•', copy: '©', reg: '®',
  trade: '™', euro: '€', pound: '£', deg: '°', ordm: 'º', ordf: 'ª', iexcl: '¡', iquest: '¿', szlig: 'ß',
};
// Accented letters: &eacute; &Atilde; ...
const ACCENTS: Record<string, string> = { acute: '\u0301', grave: '\u0300', circ: '\u0302', tilde: '\u0303', uml: '\u0308', cedil: '\u0327', ring: '\u030a' };

export const decodeEntities = (s: string): string =>
  s.includes('&')
    ? s.replace(/&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z]{2,8}));/g, (all, dec: string, hex: string, name: string) => {
        if (dec || hex) {
          const cp = dec ? Number(dec) : parseInt(hex, 16);
          return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : all;
        }
        if (NAMED[name]) return NAMED[name];
        const m = /^([a-zA-Z])(acute|grave|circ|tilde|uml|cedil|ring)$/.exec(name);
        return m ? (m[1] + ACCENTS[m[2]]).normalize('NFC') : all;
      })
    : s;
