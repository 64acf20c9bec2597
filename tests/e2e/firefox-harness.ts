/**
 * Firefox end-to-end harness: Debian's firefox-esr driven over WebDriver BiDi
 * (puppeteer-core; no geckodriver, no downloads), the Firefox build of the
 * extension installed as a temporary add-on, a real server on loopback, and
 * the fixture pages served at their real URLs (every other non-loopback
 * request is aborted). The add-on's moz-extension:// host, random per
 * install, is fixed by a preference so that tests can name it. The server
 * is not told that origin: an add-on's requests to a host it may access
 * need no CORS, so a Firefox install needs no server configuration.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Frame, type Page } from 'puppeteer-core';
import { startServer } from '../../server/index';
import { createUser } from '../../server/domain/auth';
import { FIREFOX_ID } from '../../shared/extension-id';
import { tmpDbUrl } from '../helpers/tmp';
import { mayPass, pageAt } from './harness';

export const FIREFOX = '/usr/bin/firefox-esr';
export const FIREFOX_EXTENSION_DIR = resolve('.output/firefox-mv3');
/** the add-on's host for this test run (Firefox picks a random one per install otherwise) */
const UUID = crypto.randomUUID();
export const EXTENSION_ORIGIN = `moz-extension://${UUID}`;

export interface FirefoxHarness {
  browser: Browser;
  serverUrl: string;
  token: string;
  server: Awaited<ReturnType<typeof startServer>>;
  overrides: Map<string, string>;
  /** a new tab that gets the fixture pages and nothing from the internet */
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

function requireFirefox() {
  if (!existsSync(FIREFOX)) {
    throw new Error(`Firefox is missing at ${FIREFOX}: install Debian's package (apt-get install -y firefox-esr). The Firefox tests cannot run without it.`);
  }
  if (!existsSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json'))) throw new Error(`The Firefox extension is not built at ${FIREFOX_EXTENSION_DIR}`);
}

export async function startFirefox(): Promise<FirefoxHarness> {
  requireFirefox();
  const server = await startServer({ PORT: 0, HOST: '127.0.0.1', DATABASE_URL: tmpDbUrl('firefox') });
  const { token } = await createUser(server.db, { email: 'pieter@verkoop.example', name: 'Pieter Bos', team: 'Verkoop BV' });
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    userDataDir: mkdtempSync(join(tmpdir(), 'phase-crm-firefox-')),
    defaultViewport: { width: 1400, height: 900 },
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [FIREFOX_ID]: UUID }),
      'intl.accept_languages': 'en-US',
      'intl.locale.requested': 'en-US',
    },
  });
  const installed = await browser.installExtension(FIREFOX_EXTENSION_DIR);
  if (installed !== FIREFOX_ID) throw new Error(`Firefox installed the add-on as ${installed}, not ${FIREFOX_ID}`);
  const overrides = new Map<string, string>();
  return {
    browser,
    serverUrl: server.url,
    token,
    server,
    overrides,
    async newPage() {
      const page = await browser.newPage();
      await page.setRequestInterception(true);
      page.on('request', (req) => {
        const url = req.url();
        if (mayPass(url)) return void req.continue();
        const html = pageAt(url, overrides);
        if (html !== undefined) return void req.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
        return void req.abort();
      });
      return page;
    },
    async close() {
      await browser.close().catch(() => undefined);
      await server.close();
    },
  };
}

/**
 * Configures the add-on through its options page, as a user does: opened from
 * the sidebar's "Open settings" (WebDriver may not navigate a tab to an
 * add-on's page itself).
 */
export async function configureFirefox(h: FirefoxHarness, from: string) {
  const tab = await h.newPage();
  await tab.goto(from);
  await (await sidebarFrame(tab)).locator('[data-action="open-options"]').click();
  const page = await addOnPage(h, '/options.html');
  await page.locator('input[name="serverUrl"]').fill(h.serverUrl);
  await page.locator('input[name="token"]').fill(h.token);
  await page.locator('[data-action="save-settings"]').click();
  await page.waitForSelector('[data-status="connected"]', { timeout: 10_000 });
  await page.close();
  await tab.close();
}

/** The tab showing this page of the add-on, once it is open. (WebDriver reports such tabs as about:blank: ask the page itself.) */
async function addOnPage(h: FirefoxHarness, path: string, timeoutMs = 15_000): Promise<Page> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    for (const page of await h.browser.pages()) {
      const href = await page.evaluate(() => location.href).catch(() => '');
      if (href.startsWith(`${EXTENSION_ORIGIN}${path}`)) return page;
    }
    if (Date.now() > end) throw new Error(`The add-on's ${path} did not open`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The sidebar frame of a tab, once it is there. */
export async function sidebarFrame(page: Page, selector = '[data-phase-crm="sidebar"] iframe'): Promise<Frame> {
  const el = await page.waitForSelector(selector, { timeout: 15_000 });
  const frame = await el!.contentFrame();
  if (!frame) throw new Error('The sidebar iframe has no frame');
  return frame;
}
