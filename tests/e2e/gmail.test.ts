import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { like } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { configure, sidebar, startHarness, type Harness } from './harness';
import { navigateInAppTo } from './spa';
import { activities } from '../../server/db/schema';
import { captureEmailContact } from '../../server/domain/capture';
import { transact } from '../../server/domain/transact';

const THREAD = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQZTMNbQwDkJrLxTvWcPqHsRnKm';
const fixture = readFileSync(resolve('tests/fixtures/gmail/thread-2024.html'), 'utf8');

/** Another conversation: Karin of Bakkerij Zon writes about a delivery. */
const karinThread = fixture
  .replace(/19cb2f7f30052e6b/g, '19cc0a1b2c3d4e5f')
  .replace(/19cbe775ea0f2a74/g, '19cc0b2c3d4e5f60')
  .replace(/19cbe851a40269e0/g, '19cc0c3d4e5f6071')
  .replace(/jan\.devries@acme\.example/g, 'karin@bakkerij-zon.example')
  .replace(/Jan de Vries/g, 'Karin Zonneveld')
  .replace(/m\.jansen@acme\.example/g, 'joost@bakkerij-zon.example')
  .replace(/Marieke Jansen/g, 'Joost Bakker')
  .replace(/Offerte bouwmaterialen Q2/g, 'Vraag over levering');

let h: Harness;
let page: Page;
beforeAll(async () => {
  h = await startHarness();
  await configure(h, h.serverUrl, h.token);
  page = await h.context.newPage();
});
afterAll(() => h?.close());

const frame = () => sidebar(page);
const mail = () => h.server.db.select().from(activities).where(like(activities.sourceKey, 'gmail:%')).all();

describe('Gmail in Chromium', () => {
  it('shows the outside participants of the open thread, and adds an unknown company in one click as a prospect', async () => {
    await page.goto(THREAD);
    const capture = frame().locator('[data-action="capture"][data-email="jan.devries@acme.example"]');
    await capture.click({ timeout: 10_000 });
    await expect.poll(() => frame().locator('[data-phase]').getAttribute('data-phase'), { timeout: 10_000 }).toBe('prospect');
    const [acme] = await h.server.db.query.accounts.findMany();
    expect(acme).toMatchObject({ name: 'Acme', emailDomain: 'acme.example', phase: 'prospect' });
    // Marieke is now a new colleague at a known account, offered as a contact of it
    await expect.poll(() => frame().locator('[data-email="m.jansen@acme.example"]').textContent()).toMatch(/add as contact/i);
  });

  it('the thread of a now known account logs itself; the reply proposes customer conversation, accepted in one click', async () => {
    await expect.poll(() => frame().locator('[data-auto-logged]').getAttribute('data-auto-logged'), { timeout: 10_000 }).toBe('3');
    expect(await frame().locator('[data-logged-count]').getAttribute('data-logged-count')).toBe('3');
    await frame().locator('[data-action="accept-proposal"]').click({ timeout: 10_000 });
    await expect.poll(() => frame().locator('[data-phase]').getAttribute('data-phase'), { timeout: 10_000 }).toBe('conversation');
    expect((await mail()).map((a) => [a.sourceKey, a.type]).sort()).toEqual([
      ['gmail:19cb2f7f30052e6b', 'email_out'],
      ['gmail:19cbe775ea0f2a74', 'email_in'],
      ['gmail:19cbe851a40269e0', 'email_out'],
    ]);
    const changes = await h.server.db.query.phaseChanges.findMany();
    const reply = (await mail()).find((a) => a.sourceKey === 'gmail:19cbe775ea0f2a74')!;
    expect(changes.at(-1)).toMatchObject({ from: 'prospect', to: 'conversation', evidenceActivityId: reply.id });
  });

  it('logging again doubles nothing', async () => {
    await frame().locator('[data-action="log-thread"]').click();
    await expect.poll(() => frame().locator('.notice').getAttribute('data-status')).toBe('saved');
    expect(await mail()).toHaveLength(3);
    expect(await frame().locator('[data-phase]').getAttribute('data-phase')).toBe('conversation');
  });

  it('follows Gmail to another thread', async () => {
    await navigateInAppTo(page, '#inbox/FMfcgzQZTMNbQwDkJrLxTvWcKarinZon', karinThread, 400);
    await expect.poll(() => frame().locator('[data-email="karin@bakkerij-zon.example"]').count(), { timeout: 10_000 }).toBe(1);
    expect(await frame().locator('[data-phase]').count()).toBe(0);
    expect(await frame().locator('h2').first().textContent()).toBe('Vraag over levering');
  });

  it('never logs what is on the privacy list, by itself or by a click', async () => {
    // Karin's company is known, but her domain is on the privacy list
    const options = await h.context.newPage();
    await options.goto(`chrome-extension://${h.extensionId}/options.html`);
    await options.fill('textarea[name="neverLog"]', 'bakkerij-zon.example', { timeout: 10_000 });
    await options.click('[data-action="save-never-log"]');
    await expect.poll(() => h.server.db.query.users.findFirst().then((u) => u?.neverLog)).toEqual(['bakkerij-zon.example']);
    await options.close();
    await page.bringToFront();
    const pieter = (await h.server.db.query.users.findFirst())!;
    const actor = { userId: pieter.id, teamId: pieter.teamId, role: pieter.role };
    await transact(h.server.db, (tx) =>
      captureEmailContact(tx, actor, { email: 'karin@bakkerij-zon.example', name: 'Karin Zonneveld', wroteToUs: true, sourceKey: 'test:karin' }),
    );

    h.overrides.set('https://mail.google.com/mail/u/0/', karinThread);
    await page.reload();
    await expect.poll(() => frame().locator('[data-private="karin@bakkerij-zon.example"]').count(), { timeout: 30_000 }).toBe(1);
    expect(await frame().locator('[data-logged-count]').getAttribute('data-logged-count', { timeout: 10_000 })).toBe('0');
    expect(await frame().locator('[data-auto-logged]').count()).toBe(0);
    await frame().locator('[data-action="log-thread"]').click();
    await expect.poll(() => frame().locator('[data-private-skipped]').getAttribute('data-private-skipped')).toBe('3');
    expect(await h.server.db.select().from(activities).where(like(activities.sourceKey, 'gmail:19cc%')).all()).toEqual([]);
    h.overrides.delete('https://mail.google.com/mail/u/0/');
  });
});
