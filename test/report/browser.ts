// A real headless browser for the report's tests: Debian's chromium driven by playwright-core (.ci/run installs it).
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter((p): p is string => !!p);

export const launchChromium = async (): Promise<Browser> => {
  const executablePath = CANDIDATES.find((p) => existsSync(p));
  if (!executablePath) throw new Error(`no chromium found (looked for ${CANDIDATES.join(', ')}): apt-get install chromium, or set CHROMIUM_PATH`);
  return chromium.launch({ executablePath, args: ['--no-sandbox'] });
};

/** What a page did besides rendering: every request, console message, script error and dialog. */
export interface Watched {
  page: Page;
  requests: string[];
  console: string[];
  errors: string[];
  dialogs: string[];
}

export const watchedPage = async (browser: Browser): Promise<Watched> => {
  const page = await browser.newPage();
  const w: Watched = { page, requests: [], console: [], errors: [], dialogs: [] };
  page.on('request', (r) => w.requests.push(r.url()));
  page.on('console', (m) => w.console.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => w.errors.push(e.message));
  page.on('dialog', (d) => {
    w.dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  return w;
};

/** Opens report.html (with a fragment) and waits until the document index is loaded. */
export const openReport = async (w: Watched, file: string, hash = ''): Promise<void> => {
  await w.page.goto(`file://${file}${hash}`);
  await w.page.waitForFunction(() => / of [\d,]+ documents$/.test(document.getElementById('doc-count')?.textContent ?? ''));
};
