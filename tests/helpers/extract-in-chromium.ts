/**
 * Runs the LinkedIn extractors inside Debian's Chromium on a page served at
 * its real URL, so that the page is parsed as Chrome parses it (happy-dom
 * places elements of real pages elsewhere). The extractor module is bundled
 * with esbuild and evaluated in the page, like a content script reads it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { build } from 'esbuild';
import { chromium, type Browser } from 'playwright-core';
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

/** Serves `html` at `url` in a fresh context (page scripts off, every other request aborted) and extracts it. */
export async function extractInChromium(browser: Browser, url: string, html: string): Promise<unknown> {
  const code = await extractorBundle();
  const context = await browser.newContext({ javaScriptEnabled: true, bypassCSP: true });
  try {
    await context.route('**/*', (route) => {
      const u = route.request().url().split('#')[0]!;
      if (u === url.split('#')[0] && route.request().resourceType() === 'document') {
        // the page's own scripts are left out: the content script reads the DOM as served
        return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: stripScripts(html) });
      }
      return route.abort();
    });
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    await page.evaluate(code);
    // biome-ignore lint/suspicious/noExplicitAny: the bundle's global, set by the script injected above
    return await page.evaluate((u) => (globalThis as any).__extractLinkedIn(document, u), url);
  } finally {
    await context.close();
  }
}

/** Removes executable scripts but keeps data scripts (ld+json, Next.js payload chunks are read as text). */
function stripScripts(html: string): string {
  return html.replace(/<script\b(?![^>]*type="application\/(ld\+)?json")[^>]*\bsrc=[^>]*>\s*<\/script>/gi, '');
}

export const realFixture = (file: string) => readFileSync(resolve('tests/fixtures/linkedin/real', file), 'utf8');
