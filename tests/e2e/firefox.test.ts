/**
 * The Firefox build in a real Firefox (Debian's firefox-esr over WebDriver
 * BiDi): the LinkedIn capture, and the same isolation as in Chromium: the
 * page cannot read the sidebar nor get its token, a frame of its own gets
 * nothing, and clicks on a covered or transparent sidebar write nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'puppeteer-core';
import { configureFirefox, EXTENSION_ORIGIN, sidebarFrame, startFirefox, type FirefoxHarness } from './firefox-harness';
import { CLICKJACKS, probingPage, type Probe } from './hostile-pages';

const JAN = 'https://www.linkedin.com/in/jan-de-vries-4b2a1/';

let h: FirefoxHarness;
beforeAll(async () => {
  h = await startFirefox();
});
afterAll(() => h?.close());

const contacts = () => h.server.db.query.contacts.findMany();
const accounts = () => h.server.db.query.accounts.findMany();
const phaseShown = async (frame: Frame) => (await frame.waitForSelector('[data-phase]', { timeout: 10_000 }))!.evaluate((el) => el.getAttribute('data-phase'));
const probeOf = (page: Page) => page.evaluate(() => (window as unknown as { __probe: Probe }).__probe);

describe('Firefox', () => {
  it('before configuration, the sidebar on a profile says it is not connected', async () => {
    const page = await h.newPage();
    await page.goto(JAN);
    const frame = await sidebarFrame(page);
    await frame.waitForSelector('[data-status="not-configured"]', { timeout: 15_000 });
    await page.close();
  });

  it('clickjacking: a covered or transparent sidebar ignores the click, and nothing is written', async () => {
    await configureFirefox(h, JAN);
    for (const [name, attack] of Object.entries(CLICKJACKS)) {
      const page = await h.newPage();
      await page.goto(JAN);
      const frame = await sidebarFrame(page);
      await frame.waitForSelector('[data-action="capture"]', { timeout: 15_000 });
      await page.evaluate(attack);
      await frame.locator('[data-action="capture"]').click();
      await frame.waitForSelector('[data-status="covered"]', { timeout: 10_000 }).catch(() => {
        throw new Error(`${name}: the click was not refused`);
      });
      expect(await contacts(), name).toEqual([]);
      await page.close();
    }
  });

  it('captures a profile as a suspect in one click, and shows it as known on a revisit', async () => {
    const page = await h.newPage();
    await page.goto(JAN);
    const frame = await sidebarFrame(page);
    await frame.locator('[data-action="capture"]').click();
    expect(await phaseShown(frame)).toBe('suspect');
    expect((await accounts()).map((a) => [a.name, a.phase, a.city, a.source])).toEqual([['Acme BV', 'suspect', 'Utrecht', 'LinkedIn']]);
    expect((await contacts()).map((c) => [c.firstName, c.lastName, c.linkedinUrl])).toEqual([
      ['Jan', 'de Vries', 'https://www.linkedin.com/in/jan-de-vries-4b2a1'],
    ]);

    await page.reload();
    const again = await sidebarFrame(page);
    expect(await phaseShown(again)).toBe('suspect');
    expect(await again.$('[data-action="capture"]')).toBeNull();
    await page.close();
  });

  it("the host page's scripts cannot read the sidebar nor get its token; a frame of their own gets nothing", async () => {
    h.overrides.set(JAN, probingPage('linkedin/person-2024.html'));
    const page = await h.newPage();
    await page.goto(JAN);
    expect(await phaseShown(await sidebarFrame(page))).toBe('suspect');
    // the probe has looked many times while the sidebar showed CRM data
    await expect.poll(async () => (await probeOf(page)).runs, { timeout: 15_000 }).toBeGreaterThanOrEqual(10);
    const probe = await probeOf(page);
    expect(probe.frameDoc).toBeNull();
    expect(probe.findHits).toEqual([]);
    expect(probe.src).toBe(`${EXTENSION_ORIGIN}/sidebar.html`);
    const attacker = await sidebarFrame(page, '#attacker');
    await attacker.waitForSelector('[data-status="expired"]', { timeout: 20_000 });
    expect(await attacker.$('[data-phase]')).toBeNull();
    h.overrides.delete(JAN);
    await page.close();
  });
});
