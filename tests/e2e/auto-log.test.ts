/**
 * Zero clicks: a person captured on LinkedIn writes by e-mail. The sidebar
 * knows them at once (proposed as that contact, linked in one click), the
 * thread logs itself, a reply arriving in the open thread logs itself too,
 * and Undo takes the thread out again, for good.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { like } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { configure, sidebar, startHarness, type Harness } from './harness';
import { activities, contactEmails } from '../../server/db/schema';
import { captureLinkedInPerson } from '../../server/domain/capture';
import { jan } from '../helpers/data';
import { transact } from '../../server/domain/transact';

const THREAD = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQZTMNbQwDkJrLxTvWcPqHsRnKm';
const _fixture = readFileSync(resolve('tests/fixtures/gmail/thread-2024.html'), 'utf8');

let h: Harness;
let page: Page;
beforeAll(async () => {
  h = await startHarness();
  const pieter = (await h.server.db.query.users.findFirst())!;
  await transact(h.server.db, (tx) =>
    captureLinkedInPerson(tx, { userId: pieter.id, teamId: pieter.teamId, role: pieter.role }, { ...jan, companyUrl: undefined }),
  );
  await configure(h, h.serverUrl, h.token);
  page = await h.context.newPage();
});
afterAll(() => h?.close());

const frame = () => sidebar(page);
const mail = () => h.server.db.select().from(activities).where(like(activities.sourceKey, 'gmail:%')).all();

describe('logging without clicks', () => {
  it('the options page has automatic logging on by default', async () => {
    const options = await h.context.newPage();
    await options.goto(`chrome-extension://${h.extensionId}/options.html`);
    await options.locator('[data-status="connected"]').waitFor({ timeout: 10_000 });
    expect(await options.locator('input[name="autoLog"]').isChecked()).toBe(true);
    await options.close();
  });

  it("a thread with a person met on LinkedIn logs itself and shows the account's phase; the person is linked in one click", async () => {
    await page.goto(THREAD);
    await expect.poll(() => frame().locator('[data-auto-logged]').getAttribute('data-auto-logged'), { timeout: 15_000 }).toBe('3');
    expect(await frame().locator('[data-logged-count]').getAttribute('data-logged-count')).toBe('3');
    expect(await frame().locator('[data-phase]').getAttribute('data-phase')).toBe('suspect');
    expect(await mail()).toHaveLength(3);
    await frame().locator('[data-action="link-contact"][data-email="jan.devries@acme.example"]').click();
    await expect
      .poll(async () => (await h.server.db.select().from(contactEmails).all()).map((e) => e.email), { timeout: 10_000 })
      .toEqual(['jan.devries@acme.example']);
    await expect.poll(() => frame().locator('[data-action="link-contact"]').count(), { timeout: 10_000 }).toBe(0);
  });

  it('a reply arriving in the open thread logs itself as it appears', async () => {
    // Gmail draws the new message into the open thread: the page changes, the URL does not
    await page.evaluate(() => {
      const last = [...document.querySelectorAll('[data-message-id]')].at(-1)!;
      const copy = last.cloneNode(true) as HTMLElement;
      const id = '19cbf0000000aaaa';
      copy.setAttribute('data-message-id', `#msg-f:${BigInt(`0x${id}`).toString()}`);
      copy.setAttribute('data-legacy-message-id', id);
      for (const e of copy.querySelectorAll('[data-legacy-message-id]')) e.setAttribute('data-legacy-message-id', id);
      last.after(copy);
    });
    await expect.poll(async () => (await mail()).length, { timeout: 15_000 }).toBe(4);
    await expect.poll(() => frame().locator('[data-logged-count]').getAttribute('data-logged-count'), { timeout: 10_000 }).toBe('4');
  });

  it('Undo removes what was logged automatically, and the thread does not log itself again', async () => {
    await frame().locator('[data-action="undo-auto-log"]').click();
    await expect.poll(async () => (await mail()).length, { timeout: 10_000 }).toBe(0);
    await expect.poll(() => frame().locator('[data-logged-count]').getAttribute('data-logged-count'), { timeout: 10_000 }).toBe('0');
    await page.reload();
    await frame().locator('[data-logged-count]').waitFor({ timeout: 10_000 });
    expect(await frame().locator('[data-auto-logged]').count()).toBe(0);
    expect(await mail()).toHaveLength(0);
  });
});
