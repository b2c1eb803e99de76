// A consent dialog (cookie banner, consent manager) is never the article: by its class/id words, however much
// privacy text it holds, or by its wording when it is named like anything else.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { docFromBytes, docFromText, keptText, removedWith, runThrough } from '../../helpers/docs.js';

const strip = (html: string) => runThrough(docFromText(html, 'html'), 'strip-boilerplate');
const trafilatura = (key: string) => {
  const bytes = readFileSync(new URL(`../../fixtures/benchmark-trafilatura/pages/${key}.html.gz`, import.meta.url));
  return runThrough(docFromBytes(`${key}.html.gz`, bytes, 'html'), 'strip-boilerplate');
};

const article = `<h1>Library stays open</h1>
  <p>The town council voted on Tuesday to keep the central library open for another year, after more than two hundred residents signed a letter.</p>
  <p>Volunteers will run the reading room on Saturdays while the council looks for the money to hire a second librarian next spring.</p>`;

// The long privacy text of a consent manager (purposes, partners, storage), as such dialogs print it.
const privacy = [
  'We and our 843 partners store and access information on your device, such as cookies and unique identifiers, and process personal data such as browsing data and IP addresses.',
  'Some partners process your personal data on the basis of legitimate interest; you can object to this processing at any time in the settings, and withdraw your consent there.',
  'Store and access information on a device: cookies, device identifiers or other information can be stored or accessed on your device for the purposes presented to you.',
  'Personalised advertising and content, advertising and content measurement, audience research and services development use your personal data and the cookies of our partners.',
  'Use precise geolocation data and actively scan device characteristics for identification: with your consent, we and our partners may use precise geolocation data.',
  'Your choices apply to this website only. You can change your consent and cookie settings at any time by clicking on the privacy link at the bottom of every page.',
];
const agree = '<p>By clicking "Accept all", you agree to the storing of cookies on your device and to the processing of your personal data.</p>';

describe('consent dialogs', () => {
  it('never takes a consent manager named as such for the article, though it holds most of the prose', () => {
    const doc = strip(`<html><head><title>Library stays open | The Courier</title></head><body>
      <div id="consent-layer" class="cmp-dialog"><div class="cmp-body">${privacy.map((p) => `<p>${p}</p>`).join('')}${agree}</div></div>
      <div class="page"><div class="story">${article}</div></div></body></html>`);
    const text = keptText(doc);
    expect(text).toContain('The town council voted on Tuesday');
    expect(text).toContain('Volunteers will run the reading room');
    expect(text).not.toContain('843 partners');
    expect(removedWith(doc, 'html_cookie')).toHaveLength(privacy.length + 1);
  });

  it('knows a consent dialog named like anything else by its wording (German), and keeps the article', () => {
    const german = [
      'Wir und unsere Partner speichern und verwenden Cookies und ähnliche Technologien auf Ihrem Gerät und verarbeiten personenbezogene Daten wie Ihre IP-Adresse.',
      'Einige Partner verarbeiten Ihre personenbezogenen Daten auf Grundlage eines berechtigten Interesses, dem Sie jederzeit in den Einstellungen widersprechen können.',
      'Mit Ihrer Einwilligung verwenden wir Cookies für personalisierte Werbung, die Messung von Werbung und Inhalten und für Zielgruppenforschung auf dieser Website.',
      'Ihre Einwilligung ist freiwillig, für die Nutzung dieser Website nicht erforderlich und kann jederzeit über den Link „Privatsphäre“ am Ende der Seite widerrufen werden.',
      'Wenn Sie auf „Alle akzeptieren“ klicken, stimmen Sie der Verwendung von Cookies und der Verarbeitung Ihrer Daten durch uns und unsere Partner zu.',
    ];
    const doc = strip(`<html><body><div class="layer-7 fixed"><div class="box">${german.map((p) => `<p>${p}</p>`).join('')}</div></div>
      <div class="page"><div class="story"><h1>Bibliothek bleibt offen</h1>
      <p>Der Gemeinderat hat am Dienstag beschlossen, die Stadtbibliothek ein weiteres Jahr offen zu halten, nachdem mehr als zweihundert Bürger einen Brief unterschrieben hatten.</p>
      <p>Ehrenamtliche betreuen den Lesesaal samstags, während die Stadt das Geld für eine zweite Bibliothekarin im nächsten Frühjahr sucht.</p></div></div></body></html>`);
    const text = keptText(doc);
    expect(text).toContain('Der Gemeinderat hat am Dienstag beschlossen');
    expect(text).not.toContain('personenbezogene Daten');
    expect(removedWith(doc, 'html_cookie').length).toBeGreaterThanOrEqual(german.length);
  });

  it('keeps an article about cookies and consent, which asks no one to agree', () => {
    const doc = strip(`<html><body><div class="story"><h1>Regulator fines shop over cookies</h1>
      <p>The data protection authority fined an online shop on Monday because its cookie banner set tracking cookies before visitors gave their consent.</p>
      <p>Under the GDPR, consent to cookies must be freely given, the regulator said, and rejecting all cookies must be as easy as accepting them.</p>
      <p>The shop said it had changed its consent banner in March and would appeal against the fine of forty thousand euros in court.</p></div></body></html>`);
    expect(keptText(doc)).toContain('The data protection authority fined an online shop');
    expect(keptText(doc)).toContain('The shop said it had changed its consent banner');
  });

  it('does not take a page wrapper named after the consent state (<body class="cookie-consent-active">) for a dialog', () => {
    const doc = strip(`<html><body><div class="wrapper has-cookie-consent"><article>${article}</article></div></body></html>`);
    expect(keptText(doc)).toContain('The town council voted on Tuesday');
  });

  it('does not take a recipe for cookies in <div class="cookies"> for a consent dialog', () => {
    const doc = strip(`<html><body><div class="recipe cookies"><h1>Chocolate chip cookies</h1>
      <p>These cookies are crisp at the edges and soft in the middle, and the dough keeps in the fridge for three days.</p>
      <p>Beat the butter and both sugars until pale, then add the egg, the vanilla, the flour and the chocolate, and bake for twelve minutes.</p>
      <p>Let the cookies cool on the tray for five minutes before you move them to a rack, or they will break apart.</p></div>
      <div class="sidebar"><p><a href="/cakes">Cakes</a></p></div></body></html>`);
    expect(keptText(doc)).toContain('Beat the butter and both sugars until pale');
  });

  it('removes cookie notices with compound class words ("cookiehint", "cookiebanner") on real pages (chadim.net, holzwerken.net)', () => {
    const t096 = trafilatura('t096');
    expect(keptText(t096)).toContain('Beim Schreiben Ihrer Texte sollte Ihr erster Gedanke der Zielgruppe gelten');
    expect(keptText(t096)).not.toContain('Auf dieser Website werden Cookies verwendet');
    expect(removedWith(t096, 'html_cookie')[0]).toMatch(/^Auf dieser Website werden Cookies verwendet/);
    const t383 = trafilatura('t383');
    expect(keptText(t383)).toContain('Ein schmales Reststück wird am Parallelanschlag angelegt');
    expect(keptText(t383)).not.toContain('verwenden wir Cookies');
  });
});
