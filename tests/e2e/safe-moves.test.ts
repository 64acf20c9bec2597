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
});
