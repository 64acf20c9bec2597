/** Slips are cheap: a jump over phases asks first, and any move can be undone for a few seconds, truly. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configure, sidebar, startHarness, type Harness } from './harness';

const JAN = 'https://www.linkedin.com/in/jan-de-vries-4b2a1/';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await configure(h, h.serverUrl, h.token);
});
afterAll(() => h?.close());

describe('safe moves', () => {
  it('a jump onto Ambassador names the skipped phases and waits for a confirm; Undo puts everything back', async () => {
    const page = await h.context.newPage();
    await page.goto(JAN);
    const frame = sidebar(page);
    await frame.locator('[data-action="capture"]').click({ timeout: 15_000 });
    await frame.locator('[data-phase="suspect"]').waitFor({ timeout: 10_000 });
    // focus goes to the result of the action
    await expect.poll(() => frame.locator('[data-phase]').evaluate((el) => el === document.activeElement), { timeout: 10_000 }).toBe(true);
    // Escape closes an open panel
    await frame.locator('[data-step="ambassador"]').click();
    await frame.locator('[data-action="confirm-move"]').waitFor({ timeout: 10_000 });
    await frame.locator('[data-action="confirm-move"]').press('Escape');
    await expect.poll(() => frame.locator('[data-action="confirm-move"]').count(), { timeout: 10_000 }).toBe(0);
    await frame.locator('[data-step="ambassador"]').click();
    const dialog = frame.locator('[data-action="confirm-move"]');
    await dialog.waitFor({ timeout: 10_000 });
    expect(await frame.locator('.dialog').textContent()).toMatch(/Prospect.*Customer conversation.*Relationship management/);
    expect((await h.server.db.query.accounts.findFirst())!.phase).toBe('suspect');
    await dialog.click();
    await frame.locator('[data-phase="ambassador"]').waitFor({ timeout: 10_000 });
    await frame.locator('[data-action="undo"]').click();
    await frame.locator('[data-phase="suspect"]').waitFor({ timeout: 10_000 });
    expect((await h.server.db.query.accounts.findFirst())!.phase).toBe('suspect');
    expect(await h.server.db.query.phaseReaches.findMany()).toHaveLength(1);
    // one step forward stays one click
    await frame.locator('[data-step="prospect"]').click();
    await frame.locator('[data-phase="prospect"]').waitFor({ timeout: 10_000 });
    await page.close();
  });

  it('the options page shows the keyboard shortcuts', async () => {
    const options = await h.context.newPage();
    await options.goto(`chrome-extension://${h.extensionId}/options.html`);
    await options.locator('[data-shortcuts]').waitFor({ timeout: 10_000 });
    expect(await options.locator('[data-command]').evaluateAll((els) => els.map((e) => e.getAttribute('data-command')).sort())).toEqual([
      'capture-page',
      'toggle-sidebar',
    ]);
    expect(await options.locator('[data-command="toggle-sidebar"] kbd').textContent()).toMatch(/S/);
    await options.close();
  });
});
