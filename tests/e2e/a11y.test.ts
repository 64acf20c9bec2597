/**
 * Accessibility with axe-core in Chromium: no serious or critical violation
 * on the sidebar (capture, known account with its card, Gmail thread, the
 * day), the options page and the dashboard.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Frame, Page } from 'playwright-core';
import { configure, startHarness, type Harness } from './harness';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const JAN = 'https://www.linkedin.com/in/jan-de-vries-4b2a1/';
const THREAD = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQZTMNbQwDkJrLxTvWcPqHsRnKm';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await configure(h, h.serverUrl, h.token);
});
afterAll(() => h?.close());

async function violations(target: Page | Frame): Promise<string[]> {
  await target.evaluate(axeSource);
  const result = await target.evaluate(() =>
    (
      globalThis as unknown as { axe: { run: (o: object) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }
    ).axe.run({ resultTypes: ['violations'] }),
  );
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(', ')}`,
    );
}

const sidebarFrame = async (page: Page, ready: string) => {
  const locator = page.frameLocator('[data-phase-crm="sidebar"] iframe').locator(ready);
  await locator.first().waitFor({ timeout: 15_000 });
  return page.frames().find((f) => f.url().includes('/sidebar.html'))!;
};

describe('accessibility (axe-core)', () => {
  it('the sidebar, in each state, has no serious or critical violation', async () => {
    const page = await h.context.newPage();
    await page.goto(JAN);
    expect(await violations(await sidebarFrame(page, '[data-action="capture"]')), 'capture').toEqual([]);
    await page.frameLocator('[data-phase-crm="sidebar"] iframe').locator('[data-action="capture"]').click();
    expect(await violations(await sidebarFrame(page, '[data-phase="suspect"]')), 'known account').toEqual([]);
    await page.goto(THREAD);
    expect(await violations(await sidebarFrame(page, '[data-logged-count]')), 'Gmail thread').toEqual([]);
    h.overrides.set('https://mail.google.com/mail/u/0/', readFileSync('tests/fixtures/gmail/inbox-2024.html', 'utf8'));
    await page.goto('about:blank');
    await page.goto('https://mail.google.com/mail/u/0/#inbox');
    expect(await violations(await sidebarFrame(page, '[data-view="today"]')), 'the day').toEqual([]);
    h.overrides.delete('https://mail.google.com/mail/u/0/');
    await page.close();
  });

  it('the options page and the dashboard have no serious or critical violation', async () => {
    const page = await h.context.newPage();
    await page.goto(`chrome-extension://${h.extensionId}/options.html`);
    await page.locator('[data-status="connected"]').waitFor({ timeout: 10_000 });
    expect(await violations(page), 'options').toEqual([]);
    await page.goto(`chrome-extension://${h.extensionId}/dashboard.html`);
    await page.locator('[data-metric="reached"]').first().waitFor({ timeout: 10_000 });
    expect(await violations(page), 'dashboard').toEqual([]);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.close();
  });
});
