import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configure, sidebar, startHarness, type Harness } from './harness';

const JAN = 'https://www.linkedin.com/in/jan-de-vries-4b2a1/';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

describe('LinkedIn in Chromium', () => {
  it('before configuration, the sidebar says it is not connected and links to the options', async () => {
    const page = await h.context.newPage();
    await page.goto(JAN);
    await expect.poll(() => sidebar(page).locator('[data-status="not-configured"]').count(), { timeout: 10_000 }).toBe(1);
    await page.close();
  });

  it('captures a profile as a suspect in one click, and shows it as known on a revisit', async () => {
    await configure(h, h.serverUrl, h.token);
    const page = await h.context.newPage();
    await page.goto(JAN);
    const frame = sidebar(page);
    await frame.locator('[data-action="capture"]').click({ timeout: 10_000 });
    await expect.poll(() => frame.locator('[data-phase]').getAttribute('data-phase'), { timeout: 10_000 }).toBe('suspect');

    const accounts = await h.server.db.query.accounts.findMany();
    expect(accounts.map((a) => [a.name, a.phase, a.city])).toEqual([['Acme BV', 'suspect', 'Utrecht']]);

    await page.reload();
    await expect.poll(() => sidebar(page).locator('[data-phase]').getAttribute('data-phase'), { timeout: 10_000 }).toBe('suspect');
    expect(await sidebar(page).locator('[data-action="capture"]').count()).toBe(0);
    await page.close();
  });
});
