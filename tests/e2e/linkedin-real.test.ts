/**
 * Real saved LinkedIn pages in Chromium with the built extension and a real
 * server: on every page the sidebar opens, one click captures, and what the
 * server stores is what a reader of the page writes down. A page that shows
 * nothing readable still gets a sidebar, and what is missing is corrected in
 * place before the click.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { eq } from 'drizzle-orm';
import { configure, sidebar, startHarness, type Harness } from './harness';
import { realExpectations } from '../helpers/real-pages';
import { accounts, captureHealth, contacts } from '../../server/db/schema';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await configure(h, h.serverUrl, h.token);
});
afterAll(() => h?.close());

const real = (file: string) => readFileSync(resolve('tests/fixtures/linkedin/real', file), 'utf8');

const captured = new Set<string>();

/** Opens the page and captures it; a person captured before (T2 is T1 logged out) must show as known instead. */
async function captureAt(url: string, html: string, before?: (frame: ReturnType<typeof sidebar>) => Promise<void>, key = url) {
  h.overrides.set(url.split('?')[0]!, html);
  const page = await h.context.newPage();
  await page.goto(url);
  const frame = sidebar(page);
  if (captured.has(key)) {
    expect(await frame.locator('[data-phase]').getAttribute('data-phase', { timeout: 15_000 })).toBe('suspect');
    expect(await frame.locator('[data-action="capture"]').count()).toBe(0);
    await page.close();
    return false;
  }
  captured.add(key);
  await frame.locator('[data-action="capture"]').waitFor({ timeout: 15_000 });
  await before?.(frame);
  await frame.locator('[data-action="capture"]').click();
  expect(await frame.locator('[data-phase]').getAttribute('data-phase', { timeout: 10_000 })).toBe('suspect');
  await page.close();
  return true;
}

describe('real LinkedIn pages: the sidebar opens and one click stores what the page shows', () => {
  for (const p of realExpectations()) {
    it(`${p.id} (${p.group}, ${p.kind})`, async () => {
      const fresh = await captureAt(p.url, real(p.file), undefined, p.expected.profileUrl ?? p.url);
      const e = p.expected;
      if (p.kind === 'person') {
        const contact = await h.server.db.query.contacts.findFirst({ where: eq(contacts.linkedinUrl, e.profileUrl!) });
        expect(contact, 'the person is stored under the normalised profile URL').toBeDefined();
        // a person met before keeps what the first capture stored
        if (!fresh) return;
        expect(`${contact!.firstName} ${contact!.lastName}`.trim()).toBe(e.name);
        if (e.headline !== undefined) expect(contact!.headline).toBe(e.headline);
        if (e.location !== undefined) expect(contact!.location).toBe(e.location);
        const account = await h.server.db.query.accounts.findFirst({ where: eq(accounts.id, contact!.accountId) });
        if (e.companyName !== undefined) expect([e.companyName, ...(p.accept?.companyName ?? [])]).toContain(account!.name);
        if (e.companyUrl !== undefined) expect(account!.linkedinCompanyUrl).toBe(e.companyUrl);
        if (e.city !== undefined && e.companyName) expect(account!.city).toBe(e.city);
      } else {
        const account = await h.server.db.query.accounts.findFirst({ where: eq(accounts.linkedinCompanyUrl, e.companyUrl!) });
        expect(account).toMatchObject({ name: e.name, industry: e.industry, city: e.city, website: e.website, tagline: e.tagline });
        expect([e.size, ...(p.accept?.size ?? [])]).toContain(account!.size);
      }
    });
  }

  it('every capture left a health record with its layout family', async () => {
    const rows = await h.server.db.select().from(captureHealth).all();
    expect(rows).toHaveLength(captured.size);
    expect(rows.filter((r) => r.layout.startsWith('sdui-2026'))).toHaveLength(3);
    expect(rows.every((r) => r.version && r.hasName)).toBe(true);
  });
});

describe('never a dead sidebar; corrections in place', () => {
  it('a profile whose page shows nothing readable opens from the URL, and the rep names the person before the click', async () => {
    const url = 'https://www.linkedin.com/in/anouk-de-wit-93a1b2/';
    await captureAt(url, '<!doctype html><html><body><main><div class="spinner"></div></main></body></html>', async (frame) => {
      const name = frame.locator('input[name="name"]');
      expect(await name.inputValue()).toBe('Anouk De Wit');
      await name.fill('Anouk de Wit');
      await frame.locator('input[name="companyName"]').fill('Wit & Co');
    });
    const contact = await h.server.db.query.contacts.findFirst({ where: eq(contacts.linkedinUrl, 'https://www.linkedin.com/in/anouk-de-wit-93a1b2') });
    expect(contact).toMatchObject({ firstName: 'Anouk', lastName: 'de Wit' });
    const account = await h.server.db.query.accounts.findFirst({ where: eq(accounts.id, contact!.accountId) });
    expect(account).toMatchObject({ name: 'Wit & Co', kind: 'company' });
    const health = (await h.server.db.select().from(captureHealth).all()).at(-1)!;
    expect(health.sources).toMatchObject({ name: 'edited', company: 'edited' });
    // what the rep had to type is what the page did not give: health counts it as missing
    expect(health).toMatchObject({ hasName: false, hasCompany: false, hasHeadline: false, hasLocation: false });
  });

  it('after the click, what was stored is corrected in place: name, company and headline', async () => {
    const url = 'https://www.linkedin.com/in/michiel-koopman/';
    const page = await h.context.newPage();
    await page.goto(url);
    const frame = sidebar(page);
    await frame.locator('[data-action="edit-capture"]').click({ timeout: 15_000 });
    await frame.locator('input[name="companyName"]').fill('Koopman Advies');
    await frame.locator('input[name="headline"]').fill('Adviseur klantgroei');
    await frame.locator('[data-action="save-correction"]').click();
    await expect
      .poll(
        async () => (await h.server.db.query.contacts.findFirst({ where: eq(contacts.linkedinUrl, 'https://www.linkedin.com/in/michiel-koopman') }))?.headline,
        { timeout: 10_000 },
      )
      .toBe('Adviseur klantgroei');
    const contact = await h.server.db.query.contacts.findFirst({ where: eq(contacts.linkedinUrl, 'https://www.linkedin.com/in/michiel-koopman') });
    expect((await h.server.db.query.accounts.findFirst({ where: eq(accounts.id, contact!.accountId) }))!.name).toBe('Koopman Advies');
    await page.close();
  });

  it('a cut-off profile asks only for what is missing; everything found needs no typing', async () => {
    // the same family as T6 (cut off inside the top card), another person
    const html = real('person-2026-sdui-femke-van-rijn-cut.html').replace(/femke-van-rijn-taalbureau-dom/g, 'femke-van-rijn-2');
    await captureAt('https://www.linkedin.com/in/femke-van-rijn-2/', html, async (frame) => {
      expect(await frame.locator('input[name="name"]').count()).toBe(0);
      expect(await frame.locator('input[name="headline"]').count()).toBe(0);
      await frame.locator('input[name="companyName"]').fill('Taalbureau Dom');
    });
    const contact = await h.server.db.query.contacts.findFirst({ where: eq(contacts.linkedinUrl, 'https://www.linkedin.com/in/femke-van-rijn-2') });
    const account = await h.server.db.query.accounts.findFirst({ where: eq(accounts.id, contact!.accountId) });
    expect(account!.name).toBe('Taalbureau Dom');
    expect(contact).toMatchObject({ firstName: 'Femke', lastName: 'van Rijn' });
    expect(contact!.headline).toMatch(/^Wij helpen lokale/);
  });
});
