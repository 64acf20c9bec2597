/**
 * Capture on real LinkedIn pages: the share of expected fields the
 * extractors get right in Chromium, per layout family and in total, and
 * whether the sidebar opened on each page with the built extension.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { extractInChromium, launchForExtraction } from '../helpers/extract-in-chromium';
import { realExpectations, scoreFields } from '../helpers/real-pages';
import { configure, sidebar, startHarness } from '../e2e/harness';
import type { Row } from './table';

const pct = (a: number, b: number) => `${((a / b) * 100).toFixed(0)} % (${a}/${b})`;

export async function realPagesBench(): Promise<Row[]> {
  const pages = realExpectations();
  const html = (file: string) => readFileSync(resolve('tests/fixtures/linkedin/real', file), 'utf8');
  const browser = await launchForExtraction();
  const families = new Map<string, { right: number; all: number }>();
  const wrongs: string[] = [];
  try {
    for (const p of pages) {
      const got = (await extractInChromium(browser, p.url, html(p.file))) as Record<string, unknown> | null;
      const { right, wrong } = scoreFields(p, got);
      const family = `${p.id} ${p.layout.split(',').slice(0, 2).join(',')}`;
      const f = families.get(family) ?? { right: 0, all: 0 };
      families.set(family, { right: f.right + right.length, all: f.all + right.length + wrong.length });
      wrongs.push(...wrong.map((w) => `${p.id} ${w}`));
    }
  } finally {
    await browser.close();
  }

  // the sidebar, with the built extension and a real server
  const h = await startHarness();
  let opened = 0;
  try {
    await configure(h, h.serverUrl, h.token);
    for (const p of pages) {
      h.overrides.set(p.url.split('?')[0]!, html(p.file));
      const page = await h.context.newPage();
      await page.goto(p.url);
      const shown = await sidebar(page)
        .locator('[data-action="capture"], [data-phase]')
        .first()
        .waitFor({ timeout: 15_000 })
        .then(
          () => true,
          () => false,
        );
      if (shown) opened++;
      await page.close();
    }
  } finally {
    await h.close();
  }

  const rows: Row[] = [...families.entries()].map(([family, f]) => ({
    benchmark: 'real LinkedIn pages',
    measure: `fields right: ${family}`,
    value: pct(f.right, f.all),
  }));
  const total = [...families.values()].reduce((a, f) => ({ right: a.right + f.right, all: a.all + f.all }), { right: 0, all: 0 });
  rows.push({ benchmark: 'real LinkedIn pages', measure: 'fields right, all pages', value: pct(total.right, total.all), target: '≥ 95 %' });
  rows.push({ benchmark: 'real LinkedIn pages', measure: 'sidebar opened', value: `${opened}/${pages.length} pages`, target: 'every page' });
  if (wrongs.length) rows.push({ benchmark: 'real LinkedIn pages', measure: 'wrong fields', value: wrongs.join('; ') });
  return rows;
}
