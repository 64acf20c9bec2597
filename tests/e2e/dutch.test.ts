import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configure, sidebar, startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ locale: 'nl-NL' });
  await configure(h, h.serverUrl, h.token);
});
afterAll(() => h?.close());

describe('a Dutch browser', () => {
  it('shows the sidebar and the dashboard in Dutch, with the phase ids unchanged', async () => {
    const page = await h.context.newPage();
    await page.goto('https://www.linkedin.com/in/jan-de-vries-4b2a1/');
    const frame = sidebar(page);
    await expect.poll(() => frame.locator('[data-action="capture"]').textContent(), { timeout: 10_000 }).toBe('Vastleggen als suspect');
    await frame.locator('[data-action="capture"]').click();
    await expect.poll(() => frame.locator('[data-phase]').getAttribute('data-phase'), { timeout: 10_000 }).toBe('suspect');
    expect(await frame.locator('[data-step="conversation"]').textContent()).toBe('Klantgesprek');
    expect(await frame.locator('[data-step="relationship"]').textContent()).toBe('Relatiebeheer');

    const dash = await h.context.newPage();
    await dash.goto(`chrome-extension://${h.extensionId}/dashboard.html`);
    await expect.poll(() => dash.locator('h2').first().textContent(), { timeout: 10_000 }).toBe('Trechter: bereikt per fase');
    expect(await dash.locator('[data-metric="reached"][data-phase="suspect"]').textContent()).toBe('1');
  });
});
