/** Beside the inbox, with no thread open, the sidebar is the rep's day; one click opens an account. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { configure, sidebar, startHarness, type Harness } from './harness';
import { createCallerFactory } from '../../server/trpc';
import { appRouter } from '../../server/routers';
import { authenticate } from '../../server/domain/auth';
import { jan, offerteThread } from '../helpers/data';

const INBOX = 'https://mail.google.com/mail/u/0/#inbox';
let h: Harness;
let accountId: string;
beforeAll(async () => {
  h = await startHarness();
  const api = createCallerFactory(appRouter)({ db: h.server.db, actor: await authenticate(h.server.db, h.token) });
  ({ accountId } = await api.capture.linkedInPerson({ person: jan }));
  await api.capture.emailContact({ person: { email: 'jan.devries@acme.example', name: 'Jan de Vries' }, wroteToUs: true });
  await api.activities.logThread({ thread: offerteThread });
  await api.accounts.update({ accountId, patch: { nextStep: 'Offerte nabellen', nextStepDue: Date.now() - 2 * 86_400_000, facts: { budget: '€ 20k' } } });
  await configure(h, h.serverUrl, h.token);
  h.overrides.set('https://mail.google.com/mail/u/0/', readFileSync(resolve('tests/fixtures/gmail/inbox-2024.html'), 'utf8'));
});
afterAll(() => h?.close());

describe('the day beside the inbox', () => {
  it("lists what waits (a proposal, an overdue next step) with each account's phase, and opens the account in one click", async () => {
    const page = await h.context.newPage();
    await page.goto(INBOX);
    const today = sidebar(page).locator('[data-view="today"]');
    await today.waitFor({ timeout: 15_000 });
    await expect.poll(() => today.locator('[data-item]').count(), { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
    expect(await today.locator('[data-item="proposal"]').getAttribute('data-account-phase')).toBe('suspect');
    expect(await today.locator('[data-item="next-step"]').textContent()).toContain('Offerte nabellen');
    // the known accounts among the senders in the list, with their phase (Karin's company is unknown)
    const known = today.locator('[data-known-senders] [data-account-id]');
    await expect.poll(() => known.count(), { timeout: 10_000 }).toBe(1);
    expect(await known.getAttribute('data-account-phase')).toBe('suspect');
    expect(await known.textContent()).toContain('Jan de Vries');
    // the current account's data-phase is not used in a list of several
    expect(await sidebar(page).locator('[data-phase]').count()).toBe(0);
    const opened = h.context.waitForEvent('page');
    await today.locator('[data-item="proposal"] button').click();
    const tab = await opened;
    await tab.locator(`[data-account-id="${accountId}"]`).waitFor({ timeout: 10_000 });
    await tab.close();
    await page.close();
  });

  it("the sidebar finds any account by a contact's name or address", async () => {
    const page = await h.context.newPage();
    await page.goto(INBOX);
    const box = sidebar(page).locator('input[type="search"][name="q"]');
    await box.fill('jan.devries', { timeout: 15_000 });
    await sidebar(page).locator(`[data-results] [data-account-id="${accountId}"]`).waitFor({ timeout: 10_000 });
    await box.fill('niemand-bekend');
    await expect.poll(() => sidebar(page).locator('[data-results]').getAttribute('data-results'), { timeout: 10_000 }).toBe('0');
    await page.close();
  });

  it('the dashboard lists the accounts, searched and filtered', async () => {
    const page = await h.context.newPage();
    await page.goto(`chrome-extension://${h.extensionId}/dashboard.html#accounts`);
    await page.locator(`#accounts [data-account-id="${accountId}"]`).waitFor({ timeout: 10_000 });
    await page.fill('#accounts input[name="q"]', 'de vries');
    await expect.poll(() => page.locator('#accounts [data-account-id]').count(), { timeout: 10_000 }).toBe(1);
    await page.selectOption('#accounts select[name="phase"]', 'customer');
    await expect.poll(() => page.locator('#accounts [data-account-id]').count(), { timeout: 10_000 }).toBe(0);
    // the account view shows the answers, and corrects them in place
    await page.goto(`chrome-extension://${h.extensionId}/dashboard.html#account/${accountId}`);
    await page.locator('[data-fact="budget"] [data-action="edit-fact"]').click({ timeout: 10_000 });
    await page.fill('[data-fact="budget"] input', '€ 25k');
    await page.click('[data-fact="budget"] button[type="submit"]');
    await expect.poll(async () => (await h.server.db.query.accounts.findFirst())?.facts.budget, { timeout: 10_000 }).toBe('€ 25k');
    await page.close();
  });
});
