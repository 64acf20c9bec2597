/**
 * Clickjacking: a hostile page hides the sidebar (transparent, filtered, or
 * under a decoy that lets clicks through) so that a click meant for the page
 * captures someone. The frame ignores clicks while it is not really visible,
 * says so, and the server gets no write; visible again, one click works.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { configure, sidebar, sidebarControl, startHarness, type Harness } from './harness';
import { CLICKJACKS } from './hostile-pages';

const URL_ = 'https://www.linkedin.com/in/michiel-koopman/';
const page = () => readFileSync(resolve('tests/fixtures/linkedin/real/person-2026-sdui-michiel-koopman.html'), 'utf8');

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await configure(h, h.serverUrl, h.token);
});
afterAll(() => h?.close());

const captured = async () => (await h.server.db.query.contacts.findMany()).length;

describe('clickjacking', () => {
  for (const [name, attack] of Object.entries(CLICKJACKS)) {
    it(`${name}: the click is ignored and nothing is written`, async () => {
      h.overrides.set(URL_, page());
      const tab = await h.context.newPage();
      await tab.goto(URL_);
      const frame = sidebar(tab);
      await sidebarControl(tab, '[data-action="capture"]');
      await tab.evaluate(attack);
      // the guard learns of it from its observer's next report (100 ms at the least, later on a busy machine):
      // once it judges the control unseen, a click is refused and says so
      await frame.locator('[data-action="capture"][data-unseen]').waitFor({ timeout: 15_000 });
      await frame.locator('[data-action="capture"]').click({ timeout: 5_000 });
      await frame.locator('[data-status="covered"]').waitFor({ timeout: 15_000 });
      expect(await captured()).toBe(0);
      await tab.close();
    });
  }

  it('the page cannot restyle the sidebar itself: its styles are put back at once', async () => {
    h.overrides.set(URL_, page());
    const tab = await h.context.newPage();
    await tab.goto(URL_);
    await sidebarControl(tab, '[data-action="capture"]');
    await tab.evaluate(() => {
      const wrapper = document.querySelector<HTMLElement>('[data-phase-crm]')!;
      wrapper.style.opacity = '0';
      wrapper.querySelector('iframe')!.style.setProperty('visibility', 'hidden', 'important');
    });
    const styles = () =>
      tab.evaluate(() => {
        const wrapper = document.querySelector<HTMLElement>('[data-phase-crm]')!;
        return [getComputedStyle(wrapper).opacity, getComputedStyle(wrapper.querySelector('iframe')!).visibility].join(' ');
      });
    await expect.poll(styles, { timeout: 10_000 }).toBe('1 visible');
    expect(await captured()).toBe(0);
    await tab.close();
  });

  it('visible again, one click captures', async () => {
    h.overrides.set(URL_, page());
    const tab = await h.context.newPage();
    await tab.goto(URL_);
    await (await sidebarControl(tab, '[data-action="capture"]')).click();
    expect(await sidebar(tab).locator('[data-phase]').getAttribute('data-phase', { timeout: 10_000 })).toBe('suspect');
    expect(await captured()).toBe(1);
    await tab.close();
  });
});
