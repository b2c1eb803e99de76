// Multilingual phrase rules (the *_i18n rules of pipelines/news.json) on excerpts of real pages, through the real
// stage order (decode, then strip-boilerplate): each boilerplate line goes with its rule's code, the article stays.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { docFromBytes, docFromText, kept, runThrough } from '../../helpers/docs.js';

const FIXTURES = new URL('../../fixtures/boilerplate-i18n/', import.meta.url).pathname;
const strip = (file: string) => runThrough(docFromBytes(file, readFileSync(FIXTURES + file)), 'strip-boilerplate');
const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * Fixture, then the [code, text] of every boilerplate block in it; every other block is the article's and stays.
 * (In t279 "Temas" comes right after "Te puede interesar", so it goes as one of the list's lines.)
 */
const REAL: Array<[string, Array<[string, string]>]> = [
  ["t329-de.html", [["related_heading_i18n", "Mehr zum Thema"], ["related_heading_i18n", "Bedingungsloses Grundeinkommen Geld vom Staat für alle? - Pro & Contra"], ["related_heading_i18n", "Bedingungsloses Grundeinkommen Balsam für den sozialen Frieden"]]],
  ["t279-es.html", [["related_heading_i18n", "Te puede interesar"], ["related_heading_i18n", "Temas"]]],
  ["t008-es.html", [["read_more_line_i18n", "LE PUEDE INTERESAR: La ficha de Juan Orlando Hernández en el MDC de Nueva York"]]],
  ["t455-pl.html", [["read_more_line_i18n", "Czytaj też: Wyścig zbrojeń ruszył z kopyta"]]],
  ["t362-fr.html", [["related_heading_i18n", "A lire aussi :"]]],
  ["t098-de.html", [["continue_link_i18n", "weiterlesen 5 Minuten"], ["subscribe_donate_i18n", "Unterstützen Sie unabhängigen Journalismus! Unser Ziel ist eine aufgeklärte Gesellschaft. Denn nur gut informierte Bürgerinnen und Bürger können auf demokratischem Weg Probleme lösen und Verbesserungen herbeiführen. Jetzt spenden!"]]],
  ["t140-de.html", [["share_prompt_i18n", "Artikel gefallen? Vergiss nicht zu teilen!"]]],
  ["t012-es.html", [["social_follow_i18n", "¿Ya sabías que en Guatemala.com tenemos canal de Telegram? Únete desde tu celular en este enlace de invitación."]]],
  ["t524-pl.html", [["subscribe_donate_i18n", "Zapraszamy też do subskrypcji tygodnika w Sieci Przyjaciół – www.siecprzyjaciol.pl i oglądania ciekawych audycji telewizji wPolsce.pl."]]],
  ["t209-de.html", [["support_heading_i18n", "Unterstütze RosaMag bereits mit 2,50!"]]],
  ["t026-es.html", [["newsletter_prompt_i18n", "Regístrate para recibir contenido exclusivo"], ["comment_prompt_i18n", "Para comentar debes registrarte y completar los datos generales."]]],
  ["t392-de.html", [["comment_prompt_i18n", "War dieser Artikel nützlich?"]]],
  ["t322-pt.html", [["tags_line_i18n", "Tags"]]],
  ["t378-de.html", [["rights_notice_i18n", "(Alle Angaben ohne Gewähr)"], ["source_line_i18n", "Quelle: Landesregierung"]]],
  ["t467-pl.html", [["source_line_i18n", "Źródło: Rzeczpospolita"]]],
  ["t335-de.html", [["agency_signoff_i18n", "(KNA, DR)"]]],
  ["t220-de.html", [["ad_label_i18n", "ANZEIGE - Heute mal ausgehen/bestellen? Wie wäre es mit:"]]],
  ["t381-de.html", [["advertising_disclosure_i18n", "Dieser Artikel enthält Affiliate-Links und/oder werbende Inhalte. Die Affiliate-Links sind entweder durch das Amazon-\"a\" oder einen Stern gekennzeichnet. Mehr dazu kannst Du hier nachlesen."]]],
  ["t364-fr.html", [["photo_credit_i18n", "Crédits photos : Bestimage"]]],
  ["t304-fr.html", [["photo_credit_i18n", "Crédit photo : KB / Bondy Blog"]]],
  ["t280-de.html", [["cookie_notice_i18n", "Wir respektieren deine Privatsphäre und stellen deshalb ohne dein Einverständnis keine Verbindung zu Twitter her. Hier kannst du deine Einstellungen verwalten, um eine Verbindung zu den Social-Media-Kanälen herzustellen."]]],
  ["t263-pl.html", [["rights_notice_i18n", "Materiał chroniony prawem autorskim - wszelkie prawa zastrzeżone. Dalsze rozpowszechnianie artykułu za zgodą wydawcy INFOR Biznes. Kup licencję"]]],
  ["t186-de.html", [["contact_label_i18n", "Weitere Informationen:"], ["contact_label_i18n", "Kontakt:"]]],
  ["t341-pl.html", [["page_meta_label_i18n", "11 minut czytania"]]],
  ["t064-fr.html", [["page_meta_label_i18n", "Article mis à jour le 7 janvier 2020."]]],
  ["t438-de.html", [["widget_label_i18n", "Dieses Skript als PDF herunterladen"]]],
  ["t023-en.html", [["app_promo_i18n", "For the latest stories and breaking news updates download the Nationnews apps for iOS and Android."]]],
  // A short heading whose section was removed goes with it.
  ["t090-de.html", [["widget_heading", "Die Karte zum Abspeichern:"], ["related_heading_i18n", "Weitere Artikel werden geladen..."]]],
  ["t391-fr.html", [["widget_heading", "Faire un don en ligne :"], ["link_dense", "https://www.lepotcommun.fr/pot/solidarite-financiere"]]],
];

describe('multilingual boilerplate phrases on real pages', () => {
  it.each(REAL)('%s', (file, removed) => {
    const doc = strip(file);
    const expected = new Map(removed.map(([code, text]) => [text, code]));
    for (const b of doc.blocks) {
      const code = expected.get(collapse(b.text));
      if (code) expect([b.text, b.removed?.code]).toEqual([b.text, code]);
      else expect([b.text, b.removed?.code ?? null]).toEqual([b.text, null]);
    }
    expect(doc.blocks.filter((b) => b.removed)).toHaveLength(removed.length);
    expect(kept(doc).length).toBeGreaterThanOrEqual(2);
  });
});

// The same kinds of lines in the languages the real pages above do not cover, inside an article.
const para = (n: number) =>
  `<p>Paragraph ${n} of the report: the council met on Tuesday evening and discussed the budget, the libraries and the roads for more than two hours before it voted.</p>`;
const inArticle = (lines: string[]) =>
  runThrough(docFromText(`<html><body><article>${para(1)}${para(2)}${lines.map((l) => `<p>${l}</p>`).join('')}${para(3)}</article></body></html>`, 'html'), 'strip-boilerplate');

describe('multilingual boilerplate phrases, one line per language', () => {
  const LINES: Array<[string, string]> = [
    ['related_heading_i18n', 'Leggi anche'],
    ['related_heading_i18n', 'Lees ook'],
    ['related_heading_i18n', 'Veja também'],
    ['related_heading_i18n', 'Sur le même sujet'],
    ['read_more_line_i18n', 'Leia também: Governo anuncia novo pacote'],
    ['read_more_line_i18n', 'Lees ook: Gemeente sluit bibliotheek'],
    ['read_more_line_i18n', 'Lesen Sie auch: Stadtrat stimmt über Haushalt ab'],
    ['continue_link_i18n', 'Continua a leggere'],
    ['continue_link_i18n', 'Lees verder'],
    ['share_prompt_i18n', 'Condividi questo articolo'],
    ['share_prompt_i18n', 'Deel dit artikel'],
    ['share_prompt_i18n', 'Compartilhe esta notícia'],
    ['social_follow_i18n', 'Seguici su Facebook e Instagram'],
    ['social_follow_i18n', 'Volg ons op Twitter'],
    ['subscribe_donate_i18n', 'Abbonati per leggere tutti gli articoli'],
    ['subscribe_donate_i18n', 'Abonnez-vous pour lire la suite'],
    ['comment_prompt_i18n', 'Lascia un commento'],
    ['comment_prompt_i18n', 'Laat een reactie achter'],
    ['comment_prompt_i18n', 'Deixe um comentário'],
    ['tags_line_i18n', 'Tags: gemeente, begroting'],
    ['tags_line_i18n', 'Mots-clés : budget, conseil'],
    ['source_line_i18n', 'Fonte: ANSA'],
    ['source_line_i18n', 'Bron: ANP'],
    ['agency_signoff_i18n', '(dpa)'],
    ['ad_label_i18n', '- Pubblicità -'],
    ['ad_label_i18n', 'Advertentie'],
    ['photo_credit_i18n', 'Afbeelding: ANP'],
    ['cookie_notice_i18n', 'Utilizziamo i cookie per migliorare la tua esperienza.'],
    ['cookie_notice_i18n', 'Deze website maakt gebruik van cookies.'],
    ['newsletter_prompt_i18n', 'Schrijf je in voor onze nieuwsbrief'],
    ['rights_notice_i18n', 'Tutti i diritti riservati.'],
    ['page_meta_label_i18n', 'Aggiornato il 12 marzo 2024'],
    ['page_meta_label_i18n', 'Stand: 05/08/2019, 5:30'],
    // A line that is only a written date, which no phrase rule took, is anatomy's date line.
    ['date_line', 'Gepubliceerd op 5 mei 2023 om 14:30'],
    ['date_line', 'Nov 18, 2019 @17:19 PM · Updated: Nov 18, 2019 @17:26 PM'],
    ['date_line', 'Wed, Nov 20'],
    ['page_meta_label_i18n', 'Lesezeit: 3 Minuten'],
  ];
  it.each(LINES)('%s removes "%s"', (code, line) => {
    const doc = inArticle([line]);
    expect(doc.blocks.find((b) => b.text === line)?.removed?.code).toBe(code);
    expect(kept(doc).map((b) => b.text)).toEqual([1, 2, 3].map((n) => expect.stringContaining(`Paragraph ${n} of`)));
  });

  it('leaves prose that only contains such words alone', () => {
    const lines = [
      'Leggi anche tu il rapporto del consiglio: i membri hanno votato dopo due ore di discussione sul bilancio.',
      'Die Quelle des Flusses liegt in den Bergen, wo der Rat am Dienstag über den Haushalt beraten hat.',
      'Werbung für Zigaretten ist in Deutschland seit Jahren weitgehend verboten, sagte die Ministerin am Dienstag.',
    ];
    const doc = inArticle(lines);
    for (const line of lines) expect(doc.blocks.find((b) => b.text === line)?.removed).toBeNull();
  });

  it('stops a list of other stories at the next heading of the same rank', () => {
    const doc = runThrough(docFromText(`<html><body><article>${para(1)}${para(2)}<h2>Saiba Mais</h2><ul><li><a href="/a">Política Doação de vacinas contra covid é aprovada</a></li></ul><h2>Impeachment</h2>${para(3)}</article></body></html>`, 'html'), 'strip-boilerplate');
    expect(doc.blocks.find((b) => b.text === 'Saiba Mais')?.removed?.code).toBe('related_heading_i18n');
    expect(doc.blocks.find((b) => b.text === 'Impeachment')?.removed).toBeNull();
  });
});

describe('a heading whose section was removed', () => {
  it('goes with it; a heading whose section keeps a block, or that a subheading follows, stays', () => {
    const doc = runThrough(
      docFromText(`<html><body><article>${para(1)}<h2>What the council decided</h2>${para(2)}<h2>Budget</h2><h3>Libraries</h3>${para(3)}<h2>Mehr zum Thema</h2><ul><li><a href="/a">Stadtrat stimmt über den Haushalt ab</a></li></ul><h2>Kontakt</h2><p><a href="mailto:a@b.de">a@b.de</a></p></article></body></html>`, 'html'),
      'strip-boilerplate',
    );
    expect(doc.blocks.filter((b) => b.kind === 'heading' && !b.removed).map((b) => b.text)).toEqual(['What the council decided', 'Budget', 'Libraries']);
    expect(doc.blocks.find((b) => b.text === 'Kontakt')?.removed?.code).toBe('widget_heading');
  });
});
