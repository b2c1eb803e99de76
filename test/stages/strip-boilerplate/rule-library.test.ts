// The rule library of pipelines/news.json (strip-boilerplate `rules` and `errorPage.patterns`), kind by kind and
// language by language (en, de, fr, es, it, pt, nl, pl): each document is an article with one kind of dirt glued on,
// in the wording a CMS, site builder, platform or web server really uses; the dirt goes with its rule's code and
// the article's paragraphs stay. Documents run through the real stages before strip-boilerplate (decode, anatomy).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isRejected } from '../../../src/core/stage.js';
import { cleanDocument } from '../../../src/runner/clean.js';
import { docFromBytes, docFromText, kept, keptText, removedWith, runThrough } from '../../helpers/docs.js';

const FIXTURES = new URL('../../fixtures/rule-library/', import.meta.url).pathname;
const BENCHMARK = new URL('../../fixtures/benchmark/', import.meta.url).pathname;
const TRAFILATURA = new URL('../../fixtures/benchmark-trafilatura/pages/', import.meta.url).pathname;

/** An article's paragraphs, in each language, long enough to be the article of any page they are glued to. */
const ARTICLE: Record<string, string[]> = {
  en: [
    'The city council approved the new budget for the public libraries on Tuesday evening after a debate that lasted for more than three hours.',
    'Under the plan, four branches will open on Sundays from next spring, and the council will hire twelve librarians to staff the longer hours.',
    'Opposition members said the money would be better spent on the roads, but the measure passed by nine votes to four in the end.',
  ],
  de: [
    'Der Stadtrat hat am Dienstagabend nach mehr als dreistündiger Debatte den neuen Haushalt für die öffentlichen Bibliotheken beschlossen.',
    'Nach dem Plan öffnen vier Filialen vom kommenden Frühjahr an auch sonntags, und die Stadt stellt zwölf zusätzliche Bibliothekarinnen ein.',
    'Die Opposition hätte das Geld lieber in die Straßen gesteckt, doch der Antrag wurde am Ende mit neun zu vier Stimmen angenommen.',
  ],
  fr: [
    'Le conseil municipal a adopté mardi soir le nouveau budget des bibliothèques publiques, après un débat de plus de trois heures.',
    'Selon le plan, quatre antennes ouvriront le dimanche dès le printemps prochain, et la ville recrutera douze bibliothécaires supplémentaires.',
    "L'opposition aurait préféré consacrer cet argent aux routes, mais la mesure a finalement été adoptée par neuf voix contre quatre.",
  ],
  es: [
    'El ayuntamiento aprobó el martes por la noche el nuevo presupuesto de las bibliotecas públicas tras un debate de más de tres horas.',
    'Según el plan, cuatro sucursales abrirán los domingos a partir de la próxima primavera y la ciudad contratará a doce bibliotecarios más.',
    'La oposición habría preferido gastar el dinero en las calles, pero la medida se aprobó finalmente por nueve votos contra cuatro.',
  ],
  it: [
    'Il consiglio comunale ha approvato martedì sera il nuovo bilancio delle biblioteche pubbliche dopo un dibattito durato più di tre ore.',
    'Secondo il piano, quattro sedi apriranno la domenica dalla prossima primavera e il comune assumerà dodici bibliotecari in più.',
    "L'opposizione avrebbe preferito spendere il denaro per le strade, ma la misura è stata approvata alla fine con nove voti contro quattro.",
  ],
  pt: [
    'A câmara municipal aprovou na terça-feira à noite o novo orçamento das bibliotecas públicas, depois de um debate de mais de três horas.',
    'Segundo o plano, quatro unidades vão abrir aos domingos a partir da próxima primavera, e a cidade vai contratar mais doze bibliotecários.',
    'A oposição preferia gastar o dinheiro nas ruas, mas a medida foi aprovada no fim por nove votos contra quatro.',
  ],
  nl: [
    'De gemeenteraad heeft dinsdagavond na een debat van meer dan drie uur de nieuwe begroting voor de openbare bibliotheken goedgekeurd.',
    'Volgens het plan gaan vier vestigingen vanaf volgend voorjaar ook op zondag open en neemt de stad twaalf extra bibliothecarissen aan.',
    'De oppositie had het geld liever aan de wegen besteed, maar het voorstel werd uiteindelijk met negen tegen vier stemmen aangenomen.',
  ],
  pl: [
    'Rada miejska przyjęła we wtorek wieczorem nowy budżet bibliotek publicznych po debacie, która trwała ponad trzy godziny.',
    'Zgodnie z planem cztery filie będą od przyszłej wiosny otwarte także w niedziele, a miasto zatrudni dwunastu dodatkowych bibliotekarzy.',
    'Opozycja wolałaby wydać te pieniądze na drogi, ale wniosek przeszedł ostatecznie dziewięcioma głosami przeciwko czterem.',
  ],
};
const HEADLINE: Record<string, string> = {
  en: 'Council approves library budget',
  de: 'Stadtrat beschließt Bibliotheksetat',
  fr: 'Le conseil adopte le budget des bibliothèques',
  es: 'El ayuntamiento aprueba el presupuesto de bibliotecas',
  it: 'Il consiglio approva il bilancio delle biblioteche',
  pt: 'Câmara aprova orçamento das bibliotecas',
  nl: 'Gemeenteraad keurt bibliotheekbegroting goed',
  pl: 'Rada przyjmuje budżet bibliotek',
};

const strip = (text: string) => runThrough(docFromText(text), 'strip-boilerplate');
/** The article as a text dump, with `before` lines above its headline and `after` lines below its last paragraph. */
const textDoc = (lang: string, before: string[], after: string[] = []) => strip([...before, HEADLINE[lang]!, ...ARTICLE[lang]!, ...after].join('\n'));
/** The article as an HTML page: `lines` as paragraphs after its second paragraph. */
const htmlDoc = (lang: string, lines: string[]) => {
  const [p1, p2, p3] = ARTICLE[lang]!.map((p) => `<p>${p}</p>`);
  return runThrough(docFromText(`<html><body><article><h1>${HEADLINE[lang]}</h1>${p1}${p2}${lines.map((l) => `<p>${l}</p>`).join('')}${p3}</article></body></html>`, 'html'), 'strip-boilerplate');
};
const expectArticleKept = (doc: ReturnType<typeof strip>, lang: string) => {
  expect(isRejected(doc)).toBe(false);
  const body = kept(doc).map((b) => b.text);
  for (const p of ARTICLE[lang]!) expect(body).toContain(p);
};

describe('an error page glued on an article: its lines go as error_page, the article stays', () => {
  // [language, platform, the error page's lines as it shows them]
  const GLUED: Array<[string, string, string[]]> = [
    ['en', 'WordPress', ['Oops! That page can’t be found.', 'It looks like nothing was found at this location. Maybe try one of the links below or a search?']],
    ['en', 'WordPress (search)', ['Nothing Found', 'Sorry, but nothing matched your search terms. Please try again with some different keywords.']],
    ['en', 'Drupal', ['Page not found', 'The requested page "/news/2019/library-budget" could not be found.']],
    ['en', 'Drupal (403)', ['You are not authorized to access this page.']],
    ['en', 'Joomla', ['404 - Article not found', 'You may not be able to visit this page because of:', 'an out-of-date bookmark/favourite']],
    ['en', 'nginx', ['404 Not Found', 'nginx/1.18.0 (Ubuntu)']],
    ['en', 'Apache', ['Not Found', 'The requested URL /news/library-budget.html was not found on this server.', 'Apache/2.4.41 (Ubuntu) Server at www.example.org Port 80']],
    ['en', 'IIS', ['HTTP Error 404.0 - Not Found', 'The resource you are looking for has been removed, had its name changed, or is temporarily unavailable.']],
    ['en', 'Squarespace', ["We couldn't find the page you were looking for."]],
    ['en', 'Wix', ['This page isn’t available. Sorry about that.', 'Try going back to the homepage.']],
    ['en', 'Blogger', ['Sorry, the page you were looking for in this blog does not exist.']],
    ['en', 'Tumblr', ["There's nothing here.", "Whatever you were looking for doesn't currently exist at this address."]],
    ['en', 'Shopify', ['404 Page Not Found', 'The page you requested does not exist.']],
    ['en', 'Ghost', ['404', 'Page not found', 'Go to the front page →']],
    ['en', 'X', ['Hmm...this page doesn’t exist. Try searching for something else.']],
    ['en', 'Facebook', ["This content isn't available right now"]],
    ['en', 'Instagram', ["Sorry, this page isn't available.", 'The link you followed may be broken, or the page may have been removed. Go back to Instagram.']],
    ['en', 'YouTube', ['This video is unavailable']],
    ['en', 'WordPress (maintenance)', ['Briefly unavailable for scheduled maintenance. Check back in a minute.']],
    ['en', 'a gone page', ['410 Gone', 'This article is no longer available.']],
    ['de', 'WordPress', ['Hoppla! Diese Seite kann nicht gefunden werden.', 'Es sieht so aus, als wäre an dieser Stelle nichts gefunden worden. Probiere es mit einem der Links unten oder versuche es mit der Suche?']],
    ['de', 'a CMS', ['Fehler 404 – Seite nicht gefunden', 'Die angeforderte Seite existiert nicht.', 'Zurück zur Startseite']],
    ['de', 'a shop', ['Leider ist die von Ihnen gesuchte Seite nicht mehr verfügbar.']],
    ['fr', 'WordPress', ['Oups ! Cette page est introuvable.', 'Il semble que rien n’ait été trouvé à cette adresse. Essayez peut-être l’un des liens ci-dessous ou une recherche ?']],
    ['fr', 'a CMS', ['Erreur 404 : page introuvable', 'La page que vous recherchez n’existe pas ou a été déplacée.', 'Retour à l’accueil']],
    ['es', 'WordPress', ['¡Vaya! No se puede encontrar esa página.', 'Parece que no se ha encontrado nada en esta ubicación. ¿Quizá quieras probar con alguno de los enlaces de abajo o hacer una búsqueda?']],
    ['es', 'a CMS', ['Error 404: Página no encontrada', 'Lo sentimos, la página que buscas no existe.', 'Volver al inicio']],
    ['it', 'WordPress', ['Oops! Impossibile trovare la pagina.', 'Sembra che non ci sia niente qui. Vuoi provare con uno dei link qui sotto o con una ricerca?']],
    ['it', 'a CMS', ['Errore 404 - Pagina non trovata', 'La pagina che stai cercando non esiste o è stata rimossa.', 'Torna alla home']],
    ['pt', 'WordPress', ['Ops! Essa página não pode ser encontrada.', 'Parece que nada foi encontrado neste local. Que tal tentar um dos links abaixo ou fazer uma busca?']],
    ['pt', 'a CMS', ['Erro 404 - Página não encontrada', 'A página que você está procurando não existe.', 'Voltar para a página inicial']],
    ['nl', 'WordPress', ['Oeps! Die pagina kan niet worden gevonden.', 'Er lijkt op deze locatie niets gevonden te zijn. Probeer een van de links hieronder of een zoekopdracht?']],
    ['nl', 'a CMS', ['Fout 404 - Pagina niet gevonden', 'De pagina die je zoekt bestaat niet meer.', 'Terug naar de homepage']],
    ['pl', 'WordPress', ['Ups! Nie można znaleźć tej strony.', 'Wygląda na to, że w tym miejscu nic nie znaleziono. Może spróbuj jednego z poniższych linków lub wyszukiwania?']],
    ['pl', 'a CMS', ['Błąd 404 - Nie znaleziono strony', 'Strona, której szukasz, nie istnieje.', 'Wróć na stronę główną']],
    // The seed's header (samples/004: "403", "Sorry!!", "Error! We're sorry, but the page you were looking for doesn't exist.") in other words.
    ['en', 'another wording of the seed', ['Error', 'Sorry, we couldn’t find that page.', 'We apologize for the inconvenience.']],
    ['en', 'an unavailable story', ['Content unavailable', 'This story is no longer available.']],
    ['de', 'a maintenance page', ['Wartungsarbeiten', 'Wir entschuldigen uns für die Unannehmlichkeiten.']],
    ['fr', 'a maintenance page', ['Site en maintenance', 'Nous nous excusons pour la gêne occasionnée.']],
    ['es', 'an unavailable page', ['Página no disponible', 'Disculpe las molestias.']],
    ['it', 'a maintenance page', ['Sito in manutenzione', 'Ci scusiamo per il disagio.']],
    ['pt', 'a maintenance page', ['Site em manutenção', 'Pedimos desculpas pelo transtorno.']],
    ['nl', 'an unavailable page', ['Pagina niet beschikbaar', 'Excuses voor het ongemak.']],
    ['pl', 'a maintenance page', ['Przerwa techniczna', 'Przepraszamy za utrudnienia.']],
  ];
  it.each(GLUED)('%s, %s', (lang, _, lines) => {
    const doc = textDoc(lang, lines);
    expect(removedWith(doc, 'error_page')).toEqual(lines);
    expectArticleKept(doc, lang);
  });

  it('at the bottom of the article too (a maintenance notice, in Dutch)', () => {
    const lines = ['Website in onderhoud', 'We zijn zo weer terug.'];
    const doc = textDoc('nl', [], lines);
    expect(removedWith(doc, 'error_page')).toEqual(lines);
    expectArticleKept(doc, 'nl');
  });
});

describe('a document that is only an error page is rejected error_page', () => {
  const rejection = (text: string, path = 'page.txt') => {
    const outcome = cleanDocument(text, { path });
    return outcome.status === 'accepted' ? null : outcome.rejected.code;
  };

  it('a WordPress 404 page in German, as a text dump with its sidebar (fixture)', () => {
    expect(rejection(readFileSync(FIXTURES + 'wordpress-404-de.txt', 'utf8'))).toBe('error_page');
  });

  it('an nginx 404 page (fixture)', () => {
    expect(rejection(readFileSync(FIXTURES + 'nginx-404.html', 'utf8'), 'nginx-404.html')).toBe('error_page');
  });

  it.each([
    ['en', 'Oops! That page can’t be found.\nIt looks like nothing was found at this location. Maybe try one of the links below or a search?\nSearch for:'],
    ['fr', 'Page introuvable\nLa page que vous avez demandée n’existe pas.\nRetour à l’accueil'],
    ['es', 'Página no encontrada\nLo sentimos, la página que buscas no existe o ha sido eliminada.\nVolver al inicio'],
    ['it', 'Pagina non trovata\nLa pagina richiesta non esiste.\nTorna alla homepage'],
    ['pt', 'Página não encontrada\nA página que você procura não existe.\nVoltar para a home'],
    ['nl', 'Pagina niet gevonden\nDe pagina die je zoekt bestaat niet.\nGa naar de homepage'],
    ['pl', 'Nie znaleziono strony\nStrona, której szukasz, nie istnieje.\nWróć na stronę główną'],
    ['en (X)', 'Hmm...this page doesn’t exist. Try searching for something else.\nSearch'],
    ['en (IIS)', "Server Error in '/' Application.\nHTTP Error 404.0 - Not Found\nThe resource you are looking for has been removed, had its name changed, or is temporarily unavailable.\nMost likely causes:"],
  ])('%s', (_, text) => expect(rejection(text)).toBe('error_page'));

  it('the cut-off error lines name the page in the rejection', () => {
    const outcome = cleanDocument('Fehler 404 – Seite nicht gefunden\nDie angeforderte Seite existiert nicht.', { path: 'x.txt' });
    expect(outcome.status).toBe('rejected');
    if (outcome.status !== 'rejected') return;
    expect(outcome.rejected.message).toContain('Fehler 404 – Seite nicht gefunden');
  });
});

describe('error words in an article are the article', () => {
  it.each([
    ['en', 'Error 404 messages greeted visitors to the ministry website for most of Monday, according to screenshots shared online by dozens of users.'],
    ['en', 'The page you are reading now was not found by most readers until the newspaper linked to it from its front page, its editor said.'],
    ['de', 'Wer am Montag die Seite des Ministeriums aufrief, bekam nur die Meldung „Seite nicht gefunden“ zu sehen, wie mehrere Nutzer berichteten.'],
    ['fr', 'Les internautes ont vu toute la journée le message « Page introuvable » sur le site du ministère, selon plusieurs témoignages.'],
    ['es', 'La página no encontrada por los investigadores durante años apareció por fin en un archivo de la ciudad, según el museo.'],
  ])('%s: "%s"', (lang, line) => {
    const doc = textDoc(lang, [line]);
    expect(doc.blocks.find((b) => b.text === line)?.removed).toBeNull();
    expectArticleKept(doc, lang);
  });
});

/** [code, language, line]: one line of a kind of dirt in one language, glued inside an article. */
type Case = [string, string, string];
const removesInArticle = (cases: Case[]) =>
  it.each(cases)('%s removes (%s) "%s"', (code, lang, line) => {
    const doc = htmlDoc(lang, [line]);
    expect(doc.blocks.find((b) => b.text === line)?.removed?.code).toBe(code);
    expectArticleKept(doc, lang);
  });

describe('disclaimers: the views are the author’s own; for information only, not advice', () => {
  removesInArticle([
    ['disclaimer_i18n', 'en', "The views expressed in this article are the author's own and do not necessarily reflect the editorial policy of this newspaper."],
    ['disclaimer_i18n', 'en', 'Opinions expressed by Forbes Contributors are their own.'],
    ['disclaimer_i18n', 'en', 'This article is for informational purposes only and does not constitute financial advice.'],
    ['disclaimer_i18n', 'en', 'Disclaimer: The author holds no position in any of the stocks mentioned.'],
    ['disclaimer_i18n', 'de', 'Die Meinung des Autors muss nicht mit der Meinung der Redaktion übereinstimmen.'],
    ['disclaimer_i18n', 'de', 'Gastbeiträge geben nicht unbedingt die Meinung der Redaktion wieder.'],
    ['disclaimer_i18n', 'de', 'Dieser Artikel dient ausschließlich der Information und stellt keine Anlageberatung dar.'],
    ['disclaimer_i18n', 'de', 'Haftungsausschluss: Für die Richtigkeit der Angaben wird keine Gewähr übernommen.'],
    ['disclaimer_i18n', 'fr', 'Les propos tenus dans cette tribune n’engagent que leur auteur.'],
    ['disclaimer_i18n', 'fr', 'Cet article est fourni à titre informatif et ne constitue pas un conseil en investissement.'],
    ['disclaimer_i18n', 'es', 'Las opiniones expresadas en este artículo son responsabilidad exclusiva de su autor.'],
    ['disclaimer_i18n', 'es', 'Este contenido tiene fines exclusivamente informativos y no constituye asesoramiento de inversión.'],
    ['disclaimer_i18n', 'it', "Le opinioni espresse in questo articolo sono quelle dell'autore e non riflettono necessariamente la posizione della testata."],
    ['disclaimer_i18n', 'it', 'Questo articolo ha scopo puramente informativo e non costituisce consulenza finanziaria.'],
    ['disclaimer_i18n', 'pt', 'As opiniões expressas neste artigo são de inteira responsabilidade do autor e não refletem necessariamente a opinião do jornal.'],
    ['disclaimer_i18n', 'pt', 'Este conteúdo tem caráter meramente informativo e não constitui recomendação de investimento.'],
    ['disclaimer_i18n', 'nl', 'De meningen in dit opiniestuk zijn die van de auteur en weerspiegelen niet noodzakelijk het standpunt van de redactie.'],
    ['disclaimer_i18n', 'nl', 'Dit artikel is uitsluitend bedoeld ter informatie en vormt geen beleggingsadvies.'],
    ['disclaimer_i18n', 'pl', 'Opinie wyrażone w tekście są opiniami autora i nie muszą odzwierciedlać stanowiska redakcji.'],
    ['disclaimer_i18n', 'pl', 'Artykuł ma wyłącznie charakter informacyjny i nie stanowi porady inwestycyjnej.'],
    // The seed's liability disclaimer (samples/004, MENAFN) in other words.
    ['disclaimer_i18n', 'en', 'The publisher does not accept any responsibility or liability for the accuracy of the information contained in this article.'],
    ['disclaimer_i18n', 'en', 'The information in this release is provided "as is" and the company makes no representations or warranties of any kind.'],
  ]);

  it('a real one: the author box of thespacereview.com (benchmark c00962aa, text-fullpage)', () => {
    const doc = runThrough(docFromBytes('c.txt', readFileSync(BENCHMARK + 'text-fullpage/c00962aabe7bdd1fca78f5360ea7fa93cd7674863b05157e00827506a7aa58c4.txt')), 'strip-boilerplate');
    expect(removedWith(doc, 'disclaimer_i18n')).toEqual([expect.stringMatching(/Views and opinions expressed in this article are those of the author alone\.$/)]);
  });
});

describe('legal notices: a heading and the text under it', () => {
  it.each([
    ['en', 'Legal Notice'],
    ['de', 'Rechtliche Hinweise:'],
    ['fr', 'Mentions légales'],
    ['es', 'Aviso legal'],
    ['it', 'Note legali'],
    ['pt', 'Isenção de responsabilidade'],
    ['nl', 'Juridische kennisgeving'],
    ['pl', 'Nota prawna'],
  ])('%s: "%s" and its paragraph', (lang, heading) => {
    const notice = 'Links to external websites were checked when they were set; their operators alone are responsible for what they publish.';
    const doc = textDoc(lang, [], [heading, notice]);
    expect(removedWith(doc, 'legal_notice_i18n')).toEqual([heading, notice]);
    expectArticleKept(doc, lang);
  });

  it('a real one: "Rechtliche Hinweise:" above the comment disclaimer of laola1.at (benchmark-trafilatura t408)', () => {
    const doc = runThrough(docFromBytes('t408.html.gz', readFileSync(TRAFILATURA + 't408.html.gz')), 'strip-boilerplate');
    expect(removedWith(doc, 'legal_notice_i18n')).toEqual(['Rechtliche Hinweise:', expect.stringMatching(/^Die Kommentare der User geben nicht notwendigerweise die Meinung der LAOLA1-Redaktion wieder/)]);
  });
});

describe('copyright and rights notices', () => {
  removesInArticle([
    ['rights_notice_i18n', 'en', '© 2019 Billboard. All Rights Reserved.'],
    ['rights_notice_i18n', 'en', 'All contents © 2019 The Slate Group LLC. All rights reserved.'],
    ['rights_notice_i18n', 'en', 'This material may not be published, broadcast, rewritten, or redistributed.'],
    ['rights_notice_i18n', 'en', 'The material on this site may not be reproduced, distributed, transmitted, cached or otherwise used, except with the prior written permission of NJ.com.'],
    ['rights_notice_i18n', 'de', 'Nachdruck nur mit Genehmigung des Verlags.'],
    ['rights_notice_i18n', 'de', '© 2024 Beispiel Verlag GmbH'],
    ['rights_notice_i18n', 'fr', 'Tous droits de reproduction et de représentation réservés.'],
    ['rights_notice_i18n', 'es', 'Prohibida su reproducción total o parcial sin autorización.'],
    ['rights_notice_i18n', 'it', 'Riproduzione riservata'],
    ['rights_notice_i18n', 'pt', 'É proibida a reprodução deste conteúdo sem autorização.'],
    ['rights_notice_i18n', 'nl', 'Niets uit deze uitgave mag worden verveelvoudigd zonder toestemming van de uitgever.'],
    ['rights_notice_i18n', 'pl', 'Przedruk tylko za zgodą redakcji.'],
  ]);
  it('a phrase quoted in an article about licences stays', () => {
    const line = 'Nach dem Motto – “some rights reserved” (einige Rechte vorbehalten) – stehen die Lizenzen zwischen dem Urheberrecht und der Gemeinfreiheit.';
    const doc = htmlDoc('de', [line]);
    expect(doc.blocks.find((b) => b.text === line)?.removed).toBeNull();
  });
});

describe('cookie and privacy notices, and footer lines of legal links', () => {
  removesInArticle([
    ['cookie_notice', 'en', 'This website uses cookies to improve your experience while you navigate through the website.'],
    ['cookie_notice', 'en', 'Privacy Overview'],
    ['cookie_notice_i18n', 'de', 'Diese Website nutzt Cookies, um die Bedienfreundlichkeit zu verbessern.'],
    // benchmark f81c6c05 and fde930b0 (text-fullpage)
    ['cookie_notice_i18n', 'de', 'Durch die Nutzung dieser Website zeigen Sie an, dass Sie unsere Nutzungsbedingungen sowie die Datenschutzerklärung akzeptieren und mit deren Einhaltung einverstanden sind.'],
    ['cookie_notice_i18n', 'fr', 'En poursuivant votre navigation sur ce site, vous acceptez l’utilisation de cookies.'],
    ['cookie_notice_i18n', 'es', 'Si continúas navegando, consideramos que aceptas su uso.'],
    ['cookie_notice_i18n', 'it', 'Proseguendo nella navigazione acconsenti all’uso dei cookie.'],
    ['cookie_notice_i18n', 'pt', 'Ao continuar navegando, você concorda com a nossa política de privacidade.'],
    ['cookie_notice_i18n', 'nl', 'Door gebruik te maken van deze website ga je akkoord met ons cookiebeleid.'],
    ['cookie_notice_i18n', 'pl', 'Kontynuując przeglądanie strony, wyrażasz zgodę na używanie plików cookies.'],
    ['legal_links_i18n', 'en', 'Terms of Service Privacy Notice'],
    ['legal_links_i18n', 'de', 'Impressum & Datenschutz'],
    ['legal_links_i18n', 'fr', 'Mentions légales - Politique de confidentialité'],
    ['legal_links_i18n', 'es', 'Aviso legal · Política de privacidad'],
    ['legal_links_i18n', 'it', 'Note legali | Privacy'],
    ['legal_links_i18n', 'pt', 'Termos de uso'],
    ['legal_links_i18n', 'nl', 'Privacybeleid'],
    ['legal_links_i18n', 'pl', 'Polityka prywatności | Regulamin'],
  ]);
  it.each([
    ['en', 'The bakery on Main Street sells cookies and cakes, and its owner said the new rules on sugar would hurt her business.'],
    ['de', 'Wir verwenden in der Backstube nur Butter, sagt die Bäckerin, die seit 1998 Kekse und Cookies verkauft.'],
    ['en', 'Privacy'],
    ['de', 'Datenschutz'],
  ])('keeps (%s) "%s"', (lang, line) => {
    const doc = htmlDoc(lang, [line]);
    expect(doc.blocks.find((b) => b.text === line)?.removed).toBeNull();
  });
});

describe('newsletter, sign-up and app prompts', () => {
  removesInArticle([
    ['newsletter_prompt', 'en', 'Receive our monthly newsletter'],
    ['newsletter_prompt', 'en', 'Get Morning Report and other email newsletters'],
    ['newsletter_prompt_i18n', 'en', "No spam, we promise. You can unsubscribe at any time and we'll never share your details without your permission."],
    ['newsletter_prompt_i18n', 'en', 'You have been successfully subscribed!'],
    ['newsletter_prompt_i18n', 'de', 'Sie können sich jederzeit wieder abmelden.'],
    ['newsletter_prompt_i18n', 'fr', 'Vous pouvez vous désinscrire à tout moment.'],
    ['newsletter_prompt_i18n', 'es', 'Puedes darte de baja en cualquier momento.'],
    ['newsletter_prompt_i18n', 'it', 'Grazie per esserti iscritto!'],
    ['newsletter_prompt_i18n', 'pt', 'Receba as notícias do dia no seu e-mail.'],
    ['newsletter_prompt_i18n', 'nl', 'Je kunt je op elk moment afmelden.'],
    ['newsletter_prompt_i18n', 'pl', 'Możesz zrezygnować w każdej chwili.'],
    ['app_promo_i18n', 'en', 'Get the free Example News app'],
    ['app_promo_i18n', 'de', 'Jetzt die App herunterladen'],
    ['app_promo_i18n', 'fr', 'Téléchargez notre application'],
    ['app_promo_i18n', 'es', 'Descarga la aplicación'],
    ['app_promo_i18n', 'it', 'Scarica la nostra app'],
    ['app_promo_i18n', 'pt', 'Baixe o aplicativo'],
    ['app_promo_i18n', 'nl', 'Download de gratis app'],
    ['app_promo_i18n', 'pl', 'Pobierz aplikację'],
    ['promo_line', 'en', "Follow AP's full coverage of Brexit and British politics at https://www.apnews.com/Brexit"],
  ]);
  it('keeps an article sentence about an app', () => {
    const line = 'The game is available on the App Store and Google Play for $4.99, the studio said.';
    expect(htmlDoc('en', [line]).blocks.find((b) => b.text === line)?.removed).toBeNull();
  });
});

describe('comment widgets and live-coverage promos (the seeds\' "CommentsNo comment" and "Latest updates on ..." in other words)', () => {
  removesInArticle([
    ['comment_prompt_i18n', 'en', 'Be the first to comment'],
    ['comment_prompt_i18n', 'en', 'You must be logged in to post a comment.'],
    ['comment_prompt_i18n', 'de', 'Sei der Erste, der einen Kommentar schreibt'],
    ['comment_prompt_i18n', 'fr', 'Soyez le premier à commenter'],
    ['comment_prompt_i18n', 'es', 'Sé el primero en comentar'],
    ['comment_prompt_i18n', 'it', 'Sii il primo a commentare'],
    ['comment_prompt_i18n', 'pt', 'Seja o primeiro a comentar'],
    ['comment_prompt_i18n', 'nl', 'Wees de eerste om te reageren'],
    ['comment_prompt_i18n', 'pl', 'Dodaj pierwszy komentarz'],
    ['promo_line', 'de', 'Alle Entwicklungen im Liveblog'],
    ['promo_line', 'fr', 'Suivez notre direct'],
    ['promo_line', 'es', 'Sigue en directo la última hora'],
    ['promo_line', 'it', 'Segui la diretta'],
    ['promo_line', 'pt', 'Acompanhe ao vivo'],
    ['promo_line', 'nl', 'Volg het liveblog'],
    ['promo_line', 'pl', 'Relacja na żywo'],
  ]);
});

describe('share lines', () => {
  removesInArticle([
    ['share_widget', 'en', 'Share on Facebook Share on Twitter Share on Linkedin Share via Email Share via Shortlink'],
    ['share_widget', 'en', 'Like this story? Share it with a friend!'],
    ['share_widget', 'en', 'Share All sharing options for: The law that’s helping fuel Delhi’s deadly air pollution'],
    ['share_widget', 'en', 'Print Article'],
    ['share_prompt_i18n', 'de', 'Auf Facebook teilen'],
    ['share_prompt_i18n', 'fr', 'Partager sur Facebook'],
    ['share_prompt_i18n', 'es', 'Compartir en WhatsApp'],
    ['share_prompt_i18n', 'it', 'Condividi su Facebook'],
    ['share_prompt_i18n', 'pt', 'Partilhar no Facebook'],
    ['share_prompt_i18n', 'nl', 'Deel op Facebook'],
    ['share_prompt_i18n', 'pl', 'Podziel się na Facebooku'],
  ]);
  it('keeps prose that shares', () => {
    const line = 'Teilen, gerecht teilen, das wäre ein großer Schritt auf dem Weg des Friedens, sagte der Bischof.';
    expect(htmlDoc('de', [line]).blocks.find((b) => b.text === line)?.removed).toBeNull();
  });
});

describe('lists of other stories: "Read more", "Related", "Most popular", "Trending"', () => {
  const LISTS: Array<[string, string, string]> = [
    ['trailing_headlines', 'en', 'Popular'],
    ['trailing_headlines', 'en', 'Trending Now'],
    ['trailing_headlines', 'en', 'Related Recipes'],
    ['trailing_headlines', 'en', 'Most Read Most Shared'],
    ['related_heading_i18n', 'de', 'Meistgelesen'],
    ['related_heading_i18n', 'de', 'Das Thema könnte dich auch interessieren:'],
    ['related_heading_i18n', 'fr', 'Les plus consultés'],
    ['related_heading_i18n', 'es', 'Tendencias'],
    ['related_heading_i18n', 'it', 'I più condivisi'],
    ['related_heading_i18n', 'pt', 'Mais populares'],
    ['related_heading_i18n', 'nl', 'Meest gedeeld'],
    ['related_heading_i18n', 'pl', 'Najchętniej czytane'],
  ];
  it.each(LISTS)('%s removes (%s) "%s" and the headlines under it', (code, lang, heading) => {
    const titles = ['Mayor opens the new swimming pool in the north', 'Storm closes schools across the region'];
    const doc = textDoc(lang, [], [heading, ...titles]);
    expect(removedWith(doc, code)).toEqual([heading, ...titles]);
    expectArticleKept(doc, lang);
  });
});

describe('photo credits and captions', () => {
  removesInArticle([
    ['image_credit', 'en', 'Sonu Mehta/Hindustan Times/Getty Images'],
    ['image_credit', 'en', 'The city of Uglii was closed earlier this year due to some plague-contaminated marmots Credit: Vesti/The Siberian Times'],
    ['image_credit', 'en', 'Vicente Aguiar loads garage door trims into his pickup truck outside a Home Depot in Hialeah, Fla. (AP Photo/Alan Diaz, File)'],
    ['image_credit', 'en', 'Image copyright Getty Images'],
    ['image_credit', 'de', 'Schneeräumpflicht - was man darüber wissen muss© Rike/pixelio.de'],
    ['photo_credit_i18n', 'de', 'Symbolbild: Pixabay'],
    ['photo_credit_i18n', 'de', 'erb/ots Foto: dahancoo / Pixabay (Symbolbild)'],
    ['photo_credit_i18n', 'fr', 'Photo d’illustration'],
    ['photo_credit_i18n', 'es', 'Foto de archivo'],
    ['photo_credit_i18n', 'it', 'Foto di Mario Rossi / Ansa'],
    ['photo_credit_i18n', 'pt', 'Crédito da foto: Agência Brasil'],
    ['photo_credit_i18n', 'nl', "Foto's: ANP"],
    ['photo_credit_i18n', 'pl', 'Zdjęcie ilustracyjne'],
  ]);
  it.each([
    ['en', '“Congress got involved — local elected officials, as well — and said, ‘Oh that’s not fair, these people should be able to get credit,’” Bloomberg said.'],
    ['de', 'Das Foto muss kurz danach aufgenommen worden sein, denn 1958 wurden die Fahrzeuge umgebaut, schreibt der Verein.'],
  ])('keeps (%s) "%s"', (lang, line) => {
    expect(htmlDoc(lang, [line]).blocks.find((b) => b.text === line)?.removed).toBeNull();
  });
});

describe('prose that names the kinds stays', () => {
  it.each([
    ['en', "The company's disclaimer, printed in small type at the bottom of each advert, was found to be misleading by the regulator on Friday."],
    ['en', 'The views expressed by the minister were not shared by the party leadership, several members said after the meeting.'],
    ['en', 'The report was published for informational purposes, the agency said, and it does not change the law in any way.'],
    ['en', 'The airline accepts no responsibility for the delays, a spokesman said, blaming the strike at the airport on Friday.'],
    ['de', 'Die Stadt übernimmt keine Haftung für die Inhalte der Plakate, sagte ein Sprecher am Montag im Rathaus.'],
    ['de', 'Die Bäckerei verwendet keine Zusatzstoffe, und der Newsletter der Innung lobte sie dafür im Frühjahr ausdrücklich.'],
    ['fr', 'Les propos du ministre ont choqué les élus de l’opposition, qui ont quitté la salle en signe de protestation.'],
  ])('%s: "%s"', (lang, line) => {
    const doc = htmlDoc(lang, [line]);
    expect(doc.blocks.find((b) => b.text === line)?.removed).toBeNull();
    expectArticleKept(doc, lang);
  });

  it('the text of a page with many kinds at once keeps its article (benchmark 16c30add, text-readability)', () => {
    const doc = runThrough(docFromBytes('v.txt', readFileSync(BENCHMARK + 'text-readability/16c30add7e96315e9cc957d85aa876ccb6b70055f0ddab51547a586117cc1f56.txt')), 'strip-boilerplate');
    expect(removedWith(doc, 'image_credit')).toContain('Sonu Mehta/Hindustan Times/Getty Images');
    expect(keptText(doc)).toContain('Delhi');
  });
});
