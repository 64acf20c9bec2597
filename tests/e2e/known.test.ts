/**
 * Known stays known: an open sidebar connects as soon as settings are saved,
 * the options page says who the saved token is, and a known person still shows as known (marked not refreshed) while the
 * server cannot be reached.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configure, sidebar, startHarness, type Harness } from './harness';
import { createUser } from '../../server/domain/auth';
import { holdProxy } from '../helpers/hold-proxy';

const JAN = 'https://www.linkedin.com/in/jan-de-vries-4b2a1/';
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

describe('known stays known', () => {
  it('an open sidebar connects when the settings are saved, without a reload', async () => {
    const page = await h.context.newPage();
    await page.goto(JAN);
    await sidebar(page).locator('[data-status="not-configured"]').waitFor({ timeout: 15_000 });
    await configure(h, h.serverUrl, h.token);
    await page.bringToFront();
    await sidebar(page).locator('[data-action="capture"]').click({ timeout: 15_000 });
    await sidebar(page).locator('[data-phase="suspect"]').waitFor({ timeout: 10_000 });
    await page.close();
  });

  it('saving another token shows who it connects as, never who the previous one did; a refused one leaves the saved one', async () => {
    const other = await createUser(h.server.db, { email: 'eva@verkoop.example', name: 'Eva Smit', team: 'Verkoop BV' });
    const page = await h.context.newPage();
    await page.goto(`chrome-extension://${h.extensionId}/options.html`);
    await expect.poll(() => page.locator('[data-status="connected"]').textContent(), { timeout: 10_000 }).toContain('pieter@verkoop.example');
    await page.fill('input[name="token"]', other.token);
    await page.click('[data-action="save-settings"]');
    // the first "connected" after the click is the new one
    expect(await page.locator('[data-status="connected"]').textContent({ timeout: 10_000 })).toContain('eva@verkoop.example');
    // a token the server refuses changes nothing: the page says why, and who the saved one still connects as
    await page.fill('input[name="token"]', 'pcrm_not-a-real-token');
    await page.click('[data-action="save-settings"]');
    await page.locator('[data-status="error"]').waitFor({ timeout: 10_000 });
    // "connected" only ever names settings just accepted; the saved ones are named apart
    expect(await page.locator('[data-status="connected"]').count()).toBe(0);
    expect(await page.locator('[data-status="unchanged"]').textContent()).toContain('eva@verkoop.example');
    await page.fill('input[name="token"]', h.token);
    await page.click('[data-action="save-settings"]');
    expect(await page.locator('[data-status="connected"]').textContent({ timeout: 10_000 })).toContain('pieter@verkoop.example');
    await page.close();
  });

  it('the address is shown before it can be typed in, and stays as typed while a slow server answers', async () => {
    const slow = await holdProxy(h.serverUrl);
    try {
      await configure(h, slow.url, h.token);
      let answer!: () => void;
      slow.state.gate = new Promise<void>((r) => (answer = r));
      const page = await h.context.newPage();
      await page.goto(`chrome-extension://${h.extensionId}/options.html`);
      const address = page.locator('input[name="serverUrl"]');
      // editable means it shows the saved address: one arriving later would land in the middle of the typing
      await page.locator('input[name="serverUrl"]:enabled').waitFor({ timeout: 10_000 });
      expect(await address.inputValue()).toBe(slow.url);
      await page.fill('input[name="serverUrl"]', 'http://localhost:9');
      answer();
      await page.locator('[data-status="connected"]').waitFor({ timeout: 10_000 });
      expect(await address.inputValue()).toBe('http://localhost:9');
      await page.close();
      await configure(h, h.serverUrl, h.token);
    } finally {
      await slow.close();
    }
  });

  it('with the server down, a captured person still shows their phase, marked as not refreshed', async () => {
    await h.server.close();
    const page = await h.context.newPage();
    await page.goto(JAN);
    await sidebar(page).locator('[data-status="stale"]').waitFor({ timeout: 15_000 });
    expect(await sidebar(page).locator('[data-phase]').getAttribute('data-phase')).toBe('suspect');
    expect(await sidebar(page).locator('[data-action="capture"]').count()).toBe(0);
    await page.close();
  });
});
