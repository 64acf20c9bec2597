/**
 * A manager in the dashboard: picks a Dutch KvK export, checks the mapping
 * and the counts (nothing saved), corrects a column, imports; an admin makes
 * a web form whose snippet posts to the server; a table is downloaded.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { configure, startHarness, type Harness } from './harness';
import { createUser } from '../../server/domain/auth';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  const boss = await createUser(h.server.db, { email: 'anne@verkoop.example', name: 'Anne Admin', team: 'Verkoop BV', role: 'admin' });
  await configure(h, h.serverUrl, boss.token);
});
afterAll(() => h?.close());

describe('lists, web forms and export in the dashboard', () => {
  it('checks a selection first (counts, the file as it is, the mapping), then imports it as suspects', async () => {
    const page = await h.context.newPage();
    await page.goto(`chrome-extension://${h.extensionId}/dashboard.html`);
    await page.locator('#intake').waitFor({ timeout: 10_000 });
    await page.setInputFiles('input[name="selection"]', resolve('tests/fixtures/intake/kvk-selectie-nl.csv'));
    await page.fill('input[name="source"]', 'KvK Utrecht 2026');
    await page.click('[data-action="check-import"]');
    const report = page.locator('[data-import-report][data-dry-run="true"]');
    await report.waitFor({ timeout: 10_000 });
    expect(await report.locator('[data-count="imported"]').textContent()).toBe('3');
    expect(await report.locator('[data-count="invalid"]').textContent()).toBe('2');
    expect(await report.locator('[data-invalid-line="5"]').textContent()).toContain('12-34');
    // the file read as Windows-1252: accents intact
    expect(await report.locator('table.mapping').textContent()).toContain('Café De Gouden Leeuw B.V.');
    expect(await h.server.db.query.accounts.findMany()).toEqual([]);

    // the industry is not wanted from this list: the column is left out, then imported
    await page.locator('select[name="map-industry"]').selectOption('');
    await page.click('[data-action="import"]');
    await page.locator('[data-import-report][data-dry-run="false"]').waitFor({ timeout: 20_000 });
    const accounts = await h.server.db.query.accounts.findMany();
    expect(accounts.map((a) => [a.name, a.phase, a.source, a.industry]).sort()).toEqual([
      ['Bakkerij Zon', 'suspect', 'KvK Utrecht 2026', null],
      ['Café De Gouden Leeuw B.V.', 'suspect', 'KvK Utrecht 2026', null],
      ['Groenhuis Installaties', 'suspect', 'KvK Utrecht 2026', null],
    ]);
    await page.close();
  });

  it('an admin makes a web form; its snippet, posted as a visitor would, makes a prospect', async () => {
    const page = await h.context.newPage();
    await page.goto(`chrome-extension://${h.extensionId}/dashboard.html`);
    await page.fill('input[name="formName"]', 'Contact', { timeout: 10_000 });
    await page.fill('input[name="redirectUrl"]', 'https://www.verkoop.example/bedankt');
    await page.click('[data-action="create-form"]');
    const form = page.locator('[data-form-key]');
    await form.waitFor({ timeout: 10_000 });
    await form.locator('summary').click();
    const snippet = (await form.locator('pre').textContent())!;
    expect(snippet).toContain(`action="${h.serverUrl}/forms/${await form.getAttribute('data-form-key')}"`);

    // the visitor's browser: the snippet on the team's site, filled in and sent
    const site = await h.context.newPage();
    await h.context.route('https://www.verkoop.example/**', (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: route.request().url().endsWith('/bedankt') ? '<p id="thanks">Bedankt!</p>' : `<!doctype html><body>${snippet}</body>`,
      }),
    );
    await site.goto('https://www.verkoop.example/contact');
    await site.fill('input[name="name"]', 'Karin Zonneveld');
    await site.fill('input[name="email"]', 'karin@bakkerij-zon.example');
    await site.fill('input[name="company"]', 'Bakkerij Zon');
    await site.fill('textarea[name="message"]', 'Graag een offerte');
    await site.click('button[type="submit"]');
    await site.locator('#thanks').waitFor({ timeout: 10_000 });
    // the list's suspect Bakkerij Zon is the same company: it gets the enquiry and a proposal, not a duplicate
    const zon = (await h.server.db.query.accounts.findMany()).filter((a) => a.name === 'Bakkerij Zon');
    expect(zon).toHaveLength(1);
    expect((await h.server.db.query.proposals.findMany()).map((p) => [p.accountId, p.to])).toEqual([[zon[0]!.id, 'prospect']]);
    await site.close();
    await page.close();
  });

  it('downloads the accounts as CSV for Excel', async () => {
    const page = await h.context.newPage();
    await page.goto(`chrome-extension://${h.extensionId}/dashboard.html`);
    const download = page.waitForEvent('download', { timeout: 10_000 });
    await page.click('[data-action="export"][data-table="accounts"]', { timeout: 10_000 });
    const file = await download;
    expect(file.suggestedFilename()).toBe('accounts.csv');
    await page.close();
  });
});
