/**
 * An admin in the dashboard: invites a user (a token shown once that works),
 * changes a role, exports and erases a person; a manager reassigns an
 * account, and its history names who did what.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configure, startHarness, type Harness } from './harness';
import { createUser, authenticate } from '../../server/domain/auth';
import { createCallerFactory } from '../../server/trpc';
import { appRouter } from '../../server/routers';
import { jan } from '../helpers/data';

let h: Harness;
let accountId: string;
beforeAll(async () => {
  h = await startHarness();
  const boss = await createUser(h.server.db, { email: 'admin@verkoop.example', name: 'Anne Admin', team: 'Verkoop BV', role: 'admin' });
  const api = createCallerFactory(appRouter)({ db: h.server.db, actor: await authenticate(h.server.db, h.token) });
  ({ accountId } = await api.capture.linkedInPerson({ person: jan }));
  await api.capture.emailContact({ person: { email: 'jan.devries@acme.example', name: 'Jan de Vries' }, wroteToUs: true });
  await configure(h, h.serverUrl, boss.token);
});
afterAll(() => h?.close());

describe('team and personal data in the dashboard', () => {
  it('an admin invites a user with a token shown once, and changes their role', async () => {
    const page = await h.context.newPage();
    await page.goto(`chrome-extension://${h.extensionId}/dashboard.html`);
    await page.locator('#team-admin').waitFor({ timeout: 10_000 });
    await page.fill('input[name="inviteEmail"]', 'nieuw@verkoop.example');
    await page.fill('input[name="inviteName"]', 'Nina Nieuw');
    await page.click('[data-action="invite-user"]');
    const token = await page.locator('[data-status="invited"] [data-token]').textContent({ timeout: 10_000 });
    expect(await authenticate(h.server.db, token!)).toMatchObject({ role: 'rep' });
    await page.locator('tr[data-user="nieuw@verkoop.example"] select[name="role"]').selectOption('manager');
    await expect.poll(async () => (await h.server.db.query.users.findMany()).find((u) => u.email === 'nieuw@verkoop.example')?.role).toBe('manager');
    await page.close();
  });

  it('an admin exports a person, then erases them; the account keeps its figures and shows the erasure', async () => {
    const page = await h.context.newPage();
    page.on('dialog', (d) => void d.accept());
    await page.goto(`chrome-extension://${h.extensionId}/dashboard.html`);
    await page.fill('input[name="person"]', 'jan.devries@acme.example', { timeout: 10_000 });
    await page.click('[data-action="export-person"]');
    const href = await page.locator('[data-action="download-export"]').getAttribute('href', { timeout: 10_000 });
    expect(decodeURIComponent(href!)).toContain('"lastName": "de Vries"');
    await page.click('[data-action="erase-person"]');
    await page.locator('[data-status="ok"]').waitFor({ timeout: 10_000 });
    expect(await h.server.db.query.contacts.findMany()).toEqual([]);

    await page.goto(`chrome-extension://${h.extensionId}/dashboard.html#account/${accountId}`);
    await page.locator('[data-event="person_erased"]').waitFor({ timeout: 10_000 });
    expect(await page.locator('[data-event="person_erased"]').textContent()).toContain('Anne Admin');
    expect(await page.locator('[data-account-id]').textContent()).not.toMatch(/Jan de Vries|jan\.devries/);
    await page.close();
  });
});
