/** Beside, not on top: the page narrows by the sidebar's width; fixed bars and docks at the right edge move out from under it. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { configure, sidebar, startHarness, type Harness } from './harness';

const JAN = 'https://www.linkedin.com/in/jan-de-vries-4b2a1/';
const page = readFileSync(resolve('tests/fixtures/linkedin/person-2024.html'), 'utf8').replace(
  '</body>',
  `<header id="topbar" style="position:fixed;top:0;left:0;right:0;height:40px;background:#eee"><button id="me" style="position:absolute;right:8px;top:4px">Me</button></header>
   <aside id="dock" style="position:fixed;right:0;bottom:0;width:280px;height:60px;background:#ddd"><button id="messaging">Messaging</button></aside></body>`,
);

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await configure(h, h.serverUrl, h.token);
  h.overrides.set(JAN, page);
});
afterAll(() => h?.close());

/** Whether a click at the element's centre reaches the element itself (not the sidebar over it). */
const reachable = (tab: import('playwright-core').Page, selector: string) =>
  tab.evaluate((sel) => {
    const el = document.querySelector(sel)!;
    const r = el.getBoundingClientRect();
    return document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2) === el;
  }, selector);

describe('docking', () => {
  it('open, every control of the page stays visible and clickable; folded, the page takes the room back', async () => {
    const tab = await h.context.newPage();
    await tab.goto(JAN);
    await sidebar(tab).locator('[data-action="capture"]').waitFor({ timeout: 15_000 });
    await expect.poll(() => reachable(tab, '#me'), { timeout: 10_000 }).toBe(true);
    await expect.poll(() => reachable(tab, '#messaging'), { timeout: 10_000 }).toBe(true);
    const width = await tab.evaluate(() => window.innerWidth);
    expect(await tab.evaluate(() => document.querySelector('main')!.getBoundingClientRect().right)).toBeLessThanOrEqual(width - 340);
    await sidebar(tab).locator('[data-action="collapse"]').click();
    await expect
      .poll(() => tab.evaluate(() => document.querySelector('#topbar')!.getBoundingClientRect().right), { timeout: 10_000 })
      .toBeGreaterThan(width - 340);
    expect(await reachable(tab, '#me')).toBe(true);
    await sidebar(tab).locator('[data-action="expand"]').click();
    await tab.close();
  });
});
