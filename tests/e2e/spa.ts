/** Plays a single-page app's in-app navigation in the page: pushState, then the new content a moment later. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';

export async function navigateInApp(page: Page, path: string, fixture: string, renderDelayMs = 300) {
  return navigateInAppTo(page, path, readFileSync(resolve('tests/fixtures', fixture), 'utf8'), renderDelayMs);
}

export async function navigateInAppTo(page: Page, path: string, html: string, renderDelayMs = 300) {
  const title = /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? '';
  const body = /<body[^>]*>([\s\S]*)<\/body>/.exec(html)?.[1] ?? '';
  await page.evaluate(
    ([p, t, b, delay]) => {
      history.pushState({}, '', p as string);
      // the old content stays on screen for a moment, as in the real app
      setTimeout(() => {
        document.title = t as string;
        const keep = document.querySelector('[data-phase-crm]');
        document.body.innerHTML = b as string;
        if (keep) document.body.append(keep);
      }, delay as number);
    },
    [path, title, body, renderDelayMs] as const,
  );
}
