/**
 * Runs the LinkedIn extractors inside Debian's Chromium on a page served at
 * its real URL, so that the page is parsed as Chrome parses it (happy-dom
 * places elements of real pages elsewhere). The extractor module is bundled
 * with esbuild and evaluated in the page, like a content script reads it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM } from '../e2e/harness';

let bundle: Promise<string> | undefined;

function extractorBundle(): Promise<string> {
  bundle ??= build({
    stdin: {
      contents: `import { extractLinkedIn } from './extension/sites/linkedin/extract'; globalThis.__extractLinkedIn = extractLinkedIn;`,
      resolveDir: resolve('.'),
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    write: false,
    target: 'es2022',
  }).then((r) => r.outputFiles[0]!.text);
  return bundle;
}

export async function launchForExtraction(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium is missing at ${CHROMIUM}: install Debian's package (apt-get install -y chromium).`);
  return chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--headless=new', '--disable-background-networking', '--disable-gpu'] });
}

interface Session {
  page: Page;
  /** the document to serve for the next navigation */
  serving: { next: { url: string; html: string } | null };
  /** extractions one after another: they share the page */
  queue: Promise<unknown>;
}
const sessions = new WeakMap<Browser, Promise<Session>>();

/**
 * One page per browser, navigated for each extraction: a new context and page
 * cost a renderer process each (~0.3 s), several times the extraction itself.
 * Page scripts stay off either way, so one page carries nothing to the next.
 */
function sessionOf(browser: Browser): Promise<Session> {
  let session = sessions.get(browser);
  if (!session) {
    session = (async () => {
      const context = await browser.newContext({ javaScriptEnabled: true, bypassCSP: true });
      const serving: Session['serving'] = { next: null };
      await context.route('**/*', (route) => {
        const u = route.request().url().split('#')[0]!;
        const next = serving.next;
        if (next && u === next.url.split('#')[0] && route.request().resourceType() === 'document') {
          // the page's own scripts are left out: the content script reads the DOM as served
          return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: stripScripts(next.html) });
        }
        return route.abort();
      });
      // the extractor is there in every document, as a content script is
      await context.addInitScript(await extractorBundle());
      return { page: await context.newPage(), serving, queue: Promise.resolve() };
    })();
    sessions.set(browser, session);
  }
  return session;
}

/** Serves `html` at `url` (page scripts off, every other request aborted) and extracts it. */
export async function extractInChromium(browser: Browser, url: string, html: string): Promise<unknown> {
  const s = await sessionOf(browser);
  const run = s.queue.then(async () => {
    s.serving.next = { url, html };
    // a blank page between two extractions: a second visit to the same URL is a new document too
    await s.page.goto('about:blank');
    await s.page.goto(url, { waitUntil: 'domcontentloaded' });
    // biome-ignore lint/suspicious/noExplicitAny: the bundle's global, set by the init script
    return await s.page.evaluate((u) => (globalThis as any).__extractLinkedIn(document, u), url);
  });
  s.queue = run.catch(() => undefined);
  return run;
}

/** Removes executable scripts but keeps data scripts (ld+json, Next.js payload chunks are read as text). */
function stripScripts(html: string): string {
  return html.replace(/<script\b(?![^>]*type="application\/(ld\+)?json")[^>]*\bsrc=[^>]*>\s*<\/script>/gi, '');
}

export const realFixture = (file: string) => readFileSync(resolve('tests/fixtures/linkedin/real', file), 'utf8');
