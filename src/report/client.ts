/// <reference lib="dom" />
// The script of report.html, inlined by page.ts as its source text: it must not use anything outside its own body.
// It loads the document index and the chunks of documents from report-data/ with <script> elements (file:// pages
// cannot fetch), and builds every element from the records with textContent and setAttribute, never as HTML.

import type { DocumentIndex, DocumentView } from './data.js';

export function reportClient(): void {
  type Index = DocumentIndex;
  type Doc = DocumentView;
  const STATUS = ['accepted', 'rejected', 'failed'];
  const PAGE = 100;
  const config = JSON.parse(document.getElementById('nc-config')!.textContent!) as { dir: string; index: string; chunk: string; documents: number };
  const w = window as any;
  let index: Index | null = null;
  const chunks = new Map<number, Doc[]>();
  const waiting = new Map<number, Array<() => void>>();
  const $ = (id: string) => document.getElementById(id)!;

  const el = (tag: string, attrs: Record<string, string> = {}, ...children: Array<Node | string>) => {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
    for (const c of children) e.append(c);
    return e;
  };

  const loadScript = (file: string, onError: () => void) => {
    const s = document.createElement('script');
    s.src = `${config.dir}/${file}`;
    s.onerror = onError;
    document.head.append(s);
  };

  const problem = (text: string) => {
    $('doc-count').textContent = text;
    $('doc-count').className = 'error';
  };

  w.__newsclean_chunk = (n: number, docs: Doc[]) => {
    chunks.set(n, docs);
    for (const f of waiting.get(n) ?? []) f();
    waiting.delete(n);
  };

  const withChunk = (n: number, then: () => void) => {
    if (chunks.has(n)) return then();
    const list = waiting.get(n);
    if (list) return void list.push(then);
    waiting.set(n, [then]);
    loadScript(`${config.chunk}${n}.js`, () => problem(`cannot load ${config.dir}/${config.chunk}${n}.js: is report-data/ beside report.html?`));
  };

  const fillSelect = (id: string, values: string[]) => {
    const select = $(id) as HTMLSelectElement;
    for (const v of [...values].sort()) select.append(el('option', { value: v }, v));
  };

  // The filter lives in the URL fragment (#docs?code=x&site=y), so links from the charts and changes open it.
  const readFilter = (): Record<string, string> => {
    const h = location.hash;
    if (!h.startsWith('#docs')) return {};
    const q = h.indexOf('?');
    return q < 0 ? {} : Object.fromEntries(new URLSearchParams(h.slice(q + 1)));
  };
  const controls: Record<string, string> = { q: 'search', status: 'f-status', code: 'f-code', rule: 'f-rule', warning: 'f-warning', site: 'f-site' };

  const matches = (f: Record<string, string>): number[] => {
    const ix = index!;
    const q = (f.q ?? '').trim().toLowerCase();
    const status = f.status ? STATUS.indexOf(f.status) : -1;
    const code = f.code ? ix.codes.indexOf(f.code) : -1;
    const site = f.site ? ix.sites.indexOf(f.site) : -1;
    const rule = f.rule ? ix.rules.indexOf(f.rule) : -1;
    const warning = f.warning ? ix.warnings.indexOf(f.warning) : -1;
    // A value that no document has matches nothing (not everything).
    if ((f.code && code < 0) || (f.site && site < 0) || (f.rule && rule < 0) || (f.warning && warning < 0)) return [];
    const out: number[] = [];
    for (let i = 0; i < ix.path.length; i++) {
      if (status >= 0 && ix.status[i] !== status) continue;
      if (code >= 0 && ix.code[i] !== code) continue;
      if (site >= 0 && ix.site[i] !== site) continue;
      if (rule >= 0 && !ix.rule[i]!.includes(rule)) continue;
      if (warning >= 0 && !ix.warning[i]!.includes(warning)) continue;
      if (q && !ix.path[i]!.toLowerCase().includes(q) && !ix.id[i]!.startsWith(q)) continue;
      out.push(i);
    }
    return out;
  };

  let shown = 0;
  let found: number[] = [];
  const listRow = (i: number) => {
    const ix = index!;
    const status = STATUS[ix.status[i]!]!;
    const share = ix.words[i] ? Math.round((100 * ix.removedWords[i]!) / ix.words[i]!) : 0;
    const link = el('a', { href: `#doc=${encodeURIComponent(ix.id[i]!)}`, 'data-path': ix.path[i]! }, ix.path[i]!);
    return el(
      'li',
      { 'data-id': ix.id[i]! },
      el('span', { class: `status status-${status}` }, status),
      ' ',
      link,
      ix.code[i]! >= 0 ? ` · ${ix.codes[ix.code[i]!]}` : '',
      ` · ${share}% of ${ix.words[i]} words removed`,
    );
  };
  const showMore = () => {
    const list = $('doc-list');
    list.querySelector('.more')?.remove();
    for (const i of found.slice(shown, shown + PAGE)) list.append(listRow(i));
    shown = Math.min(found.length, shown + PAGE);
    if (shown < found.length) {
      const more = el('button', { type: 'button' }, `show ${Math.min(PAGE, found.length - shown)} more of ${found.length - shown}`);
      more.addEventListener('click', showMore);
      list.append(el('li', { class: 'more' }, more));
    }
  };

  const applyFilter = () => {
    if (!index) return;
    const f: Record<string, string> = {};
    for (const [k, id] of Object.entries(controls)) {
      const v = ($(id) as HTMLInputElement).value;
      if (v) f[k] = v;
    }
    found = matches(f);
    shown = 0;
    $('doc-list').replaceChildren();
    $('doc-count').className = 'note';
    $('doc-count').textContent = `${found.length.toLocaleString('en-US')} of ${index.path.length.toLocaleString('en-US')} documents`;
    showMore();
  };

  const showDocument = (id: string) => {
    const view = $('doc-view');
    if (!index) return;
    const i = index.id.indexOf(id);
    if (i < 0) {
      view.replaceChildren(el('p', { class: 'error' }, `no document with id ${id}`));
      return;
    }
    view.replaceChildren(el('p', { class: 'note' }, 'loading…'));
    withChunk(index.chunk[i]!, () => {
      const doc = chunks.get(index!.chunk[i]!)!.find((d) => d.id === id);
      if (!doc) return view.replaceChildren(el('p', { class: 'error' }, `document ${id} missing from its chunk`));
      const kept = doc.blocks.filter((b) => !b[2]).length;
      const parts: Node[] = [
        el('h3', { 'data-doc': doc.id }, doc.path),
        el('p', {}, el('span', { class: `status status-${doc.status}` }, doc.status), ` · id ${doc.id} · site ${doc.site} · ${doc.blocks.length} blocks: ${kept} kept, ${doc.blocks.length - kept} removed`),
      ];
      if (doc.code) parts.push(el('p', { class: 'reason' }, `${doc.status} by ${doc.stage}/${doc.code}: ${doc.message ?? ''}`));
      if (doc.meta.length) {
        const rows = doc.meta.map(([k, v, s]) => el('tr', {}, el('td', {}, k), el('td', {}, v), el('td', { class: 'note' }, s)));
        parts.push(el('table', { class: 'meta' }, el('tbody', {}, ...rows)));
      }
      if (doc.messages.length) {
        parts.push(el('ul', { class: 'messages' }, ...doc.messages.map(([sev, stage, code, detail]) => el('li', {}, `${sev} ${stage}/${code}: ${detail}`))));
      }
      const stages = [...new Set(doc.blocks.map((b) => b[2]).filter((s): s is string => !!s))];
      if (stages.length) parts.push(el('p', { class: 'legend' }, 'removed by: ', ...stages.map((s) => el('span', { class: `stage-${s}` }, s))));
      doc.blocks.forEach(([kind, text, stage, code, of], n) => {
        const rule = stage ? `${stage}/${code}` : '';
        const copy = of !== null && of !== undefined ? ` (a copy of #${of + 1})` : '';
        const fate = stage ? `#${n + 1} ${kind} · removed by ${rule}${copy}` : `#${n + 1} ${kind} · kept`;
        parts.push(
          el('div', { class: stage ? `block removed stage-${stage}` : 'block', 'data-block': String(n + 1), 'data-rule': rule }, el('span', { class: 'fate' }, fate), el('span', { class: 'text' }, text)),
        );
      });
      view.replaceChildren(...parts);
      view.scrollIntoView();
    });
  };

  const route = () => {
    if (!index) return;
    const h = location.hash;
    if (h.startsWith('#doc=')) return showDocument(decodeURIComponent(h.slice(5)));
    if (h.startsWith('#docs')) {
      const f = readFilter();
      for (const [k, id] of Object.entries(controls)) ($(id) as HTMLInputElement).value = f[k] ?? '';
      applyFilter();
      $('documents').scrollIntoView();
    }
  };

  w.__newsclean_index = (data: Index) => {
    index = data;
    fillSelect('f-code', data.codes);
    fillSelect('f-rule', data.rules);
    fillSelect('f-warning', data.warnings);
    fillSelect('f-site', data.sites);
    applyFilter();
    route();
  };

  let timer = 0;
  for (const id of Object.values(controls)) {
    $(id).addEventListener(id === 'search' ? 'input' : 'change', () => {
      clearTimeout(timer);
      timer = window.setTimeout(applyFilter, id === 'search' ? 150 : 0);
    });
  }
  ($('search') as HTMLInputElement).addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && found.length === 1 && index) location.hash = `#doc=${encodeURIComponent(index.id[found[0]!]!)}`;
  });
  window.addEventListener('hashchange', route);
  // After the first view is painted: the index of a large night is megabytes.
  const start = () => loadScript(config.index, () => problem(`cannot load ${config.dir}/${config.index}: is report-data/ beside report.html?`));
  if (document.readyState === 'complete') setTimeout(start, 0);
  else window.addEventListener('load', () => setTimeout(start, 0));
}
