/**
 * End-to-end harness: a real server on loopback with a fresh libSQL file,
 * Debian's Chromium with the built extension, and the fixture pages served
 * at their real URLs. Every other non-loopback request is aborted.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type FrameLocator, type Page } from 'playwright-core';
import { startServer } from '../../server/index';
import { createUser } from '../../server/domain/auth';
import { tmpDbUrl } from '../helpers/tmp';

export const CHROMIUM = '/usr/bin/chromium';
export const EXTENSION_DIR = resolve('.output/chrome-mv3');

const fixture = (p: string) => readFileSync(resolve('tests/fixtures', p), 'utf8');

/** Fixture pages by URL (without the fragment, which a browser never sends). */
export const PAGES: Record<string, string> = {
  'https://www.linkedin.com/in/jan-de-vries-4b2a1/': 'linkedin/person-2024.html',
  'https://www.linkedin.com/in/fatima-el-amrani/': 'linkedin/person-2026.html',
  'https://www.linkedin.com/company/acme-bv/': 'linkedin/company-2024.html',
  'https://www.linkedin.com/company/acme-bv/about/': 'linkedin/company-2024.html',
  'https://www.linkedin.com/feed/': 'linkedin/feed.html',
  'https://mail.google.com/mail/u/0/': 'gmail/thread-2024.html',
};

const LOOPBACK = /^https?:\/\/(127\.\d+\.\d+\.\d+|localhost|\[::1\])(:\d+)?\//;
/** loopback (our server) and the extension's own files pass; the internet does not */
export const mayPass = (url: string) => LOOPBACK.test(url) || /^(chrome|moz)-extension:\/\//.test(url);

/** The page served at this URL in the browser tests: an override, else its fixture; undefined for anything else. */
export function pageAt(url: string, overrides: Map<string, string>): string | undefined {
  const key = url.split('#')[0]!.split('?')[0]!;
  return overrides.get(key) ?? (PAGES[key] ? fixture(PAGES[key]) : undefined);
}

export interface Harness {
  context: BrowserContext;
  extensionId: string;
  serverUrl: string;
  token: string;
  userDataDir: string;
  server: Awaited<ReturnType<typeof startServer>>;
  /** extra HTML per URL, e.g. a hostile script, or a different page */
  overrides: Map<string, string>;
  close(): Promise<void>;
}

export function requireChromium() {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium is missing at ${CHROMIUM}: install Debian's package (apt-get install -y chromium). Browser tests cannot run without it.`);
  }
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) throw new Error(`The extension is not built at ${EXTENSION_DIR}`);
}

export async function launchBrowser(userDataDir: string, overrides: Map<string, string>, locale = 'en-US') {
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: false,
    locale,
    viewport: { width: 1400, height: 900 },
    args: [
      '--headless=new',
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-gpu',
    ],
  });
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (mayPass(url)) return route.continue();
    const html = pageAt(url, overrides);
    if (html !== undefined) return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
    return route.abort();
  });
  let worker = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
  worker ??= await context.waitForEvent('serviceworker', { timeout: 15_000 });
  const extensionId = new URL(worker.url()).host;
  return { context, extensionId };
}

type Browser = { context: BrowserContext; extensionId: string; userDataDir: string; overrides: Map<string, string> };

async function newBrowser(locale?: string): Promise<Browser> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'phase-crm-chromium-'));
  const overrides = new Map<string, string>();
  return { ...(await launchBrowser(userDataDir, overrides, locale)), userDataDir, overrides };
}

/**
 * One Chromium per Vitest worker for the files that take the default browser (`isolate: false` keeps
 * this module from file to file): a launch costs ~2.6 CPU-seconds on this 2-core machine, and the
 * run is CPU-bound. Each harness gets the extension as newly installed (`reinstall`), so a file has
 * one harness open at a time (a second one starts the extension afresh under the first).
 */
let shared: Browser | null = null;

async function sharedBrowser(): Promise<Browser> {
  if (shared) {
    await reinstall(shared.context, shared.extensionId);
    shared.overrides.clear();
    return shared;
  }
  const mine = await newBrowser();
  // a file may close it (a browser restart): the next harness launches anew
  mine.context.on('close', () => {
    if (shared === mine) shared = null;
  });
  return (shared = mine);
}

/**
 * The files before leave the extension as they used it, not as a user installs it: every page
 * closed, its storage cleared, then its worker stopped (what it held in memory goes; the next event
 * starts it anew, as after a browser start). (`chrome.runtime.reload()` would be closer still, but a
 * reloaded command-line extension does not come back in headless Chromium.)
 */
async function reinstall(context: BrowserContext, extensionId: string) {
  const page = await context.newPage();
  await Promise.all(context.pages().map((p) => (p === page ? undefined : p.close())));
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await page.evaluate(async () => {
    type Area = { clear(): Promise<void> };
    const { chrome } = globalThis as unknown as { chrome: { storage: Record<'local' | 'session', Area> } };
    await Promise.all([chrome.storage.local.clear(), chrome.storage.session.clear()]);
  });
  await page.goto('about:blank');
  // the options page woke it; should it have stopped since, there is nothing to stop
  await stopServiceWorker(context, page).catch((e: Error) => {
    if (!e.message.startsWith('No extension service worker')) throw e;
  });
}

export async function startHarness(opts: { port?: number; dbUrl?: string; locale?: string } = {}): Promise<Harness> {
  requireChromium();
  const server = await startServer({ PORT: opts.port ?? 0, HOST: '127.0.0.1', DATABASE_URL: opts.dbUrl ?? tmpDbUrl('e2e') });
  const { token } = await createUser(server.db, { email: 'pieter@verkoop.example', name: 'Pieter Bos', team: 'Verkoop BV' });
  // another language is a browser of its own (the locale is the browser's, from its start)
  const own = opts.locale !== undefined;
  const browser = own ? await newBrowser(opts.locale) : await sharedBrowser();
  const h: Harness = {
    ...browser,
    serverUrl: server.url,
    token,
    server,
    async close() {
      // the shared browser stays for the worker's next file; a file's own browser, or one it replaced, goes
      if (own || h.context !== shared?.context) await h.context.close().catch(() => undefined);
      await server.close({ cut: true });
    },
  };
  return h;
}

/** Configures the extension through its options page, as a user does, until the page names the token's user. */
export async function configure(h: Pick<Harness, 'context' | 'extensionId'>, serverUrl: string, token: string) {
  const me = await fetch(`${serverUrl}/trpc/me.get`, { headers: { Authorization: `Bearer ${token}` } });
  if (!me.ok) throw new Error(`configure: the server at ${serverUrl} refuses this token (${me.status})`);
  const { email } = ((await me.json()) as { result: { data: { email: string } } }).result.data;
  const page = await h.context.newPage();
  await page.goto(`chrome-extension://${h.extensionId}/options.html`);
  await page.fill('input[name="serverUrl"]', serverUrl);
  await page.fill('input[name="token"]', token);
  await page.click('[data-action="save-settings"]');
  // "connected" as this token's user: never the settings saved before (a busy browser may show those first)
  try {
    await page.locator('[data-status="connected"]', { hasText: email }).waitFor({ timeout: 30_000 });
  } catch (e) {
    const shown = await page
      .locator('[data-status]')
      .evaluateAll((els) => els.map((el) => `${el.getAttribute('data-status')}: ${el.textContent}`))
      .catch(() => []);
    const typed = await page
      .locator('input')
      .evaluateAll((els) => els.map((el) => `${el.getAttribute('name')}=${(el as HTMLInputElement).validity.valid ? 'valid' : 'invalid'}`));
    throw new Error(`configure: the options page never said "connected" as ${email}; it shows ${JSON.stringify(shown)}, its fields ${typed.join(', ')}\n${e}`);
  }
  await page.close();
}

export const sidebar = (page: Page): FrameLocator => page.frameLocator('[data-phase-crm="sidebar"] iframe');

/** Waits for a control in the sidebar; if it never comes, the error says what the sidebar showed instead. */
export async function sidebarControl(page: Page, selector: string, timeout = 15_000) {
  const control = sidebar(page).locator(selector);
  try {
    await control.waitFor({ timeout });
  } catch (e) {
    const shown = await sidebar(page)
      .locator('body')
      .textContent({ timeout: 1_000 })
      .then((text) => text ?? '')
      .catch(() => '(no sidebar frame)');
    throw new Error(`${selector} did not appear in the sidebar; it shows: ${JSON.stringify(shown.slice(0, 500))}\n${e}`);
  }
  return control;
}

/** Stops the extension's service worker, as Chrome does to an idle one; it starts again on the next event. */
export async function stopServiceWorker(context: BrowserContext, page: Page) {
  const cdp = await context.newCDPSession(page);
  const { targetInfos } = await cdp.send('Target.getTargets');
  const worker = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith('chrome-extension://'));
  if (!worker) throw new Error('No extension service worker is running');
  await cdp.send('Target.closeTarget', { targetId: worker.targetId });
  await cdp.detach();
}
