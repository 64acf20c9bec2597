import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { configure, sidebar, startHarness, type Harness } from './harness';
import { navigateInApp } from './spa';
import { probingPage, type Probe } from './hostile-pages';

const JAN = 'https://www.linkedin.com/in/jan-de-vries-4b2a1/';
const FEED = 'https://www.linkedin.com/feed/';
const ACME_ABOUT = 'https://www.linkedin.com/company/acme-bv/about/';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

const phaseShown = (page: import('playwright-core').Page) => sidebar(page).locator('[data-phase]').getAttribute('data-phase', { timeout: 10_000 });
const contacts = () => h.server.db.query.contacts.findMany();
const accounts = () => h.server.db.query.accounts.findMany();

describe('LinkedIn in Chromium', () => {
  it('before configuration, the sidebar says it is not connected and offers the settings', async () => {
    const page = await h.context.newPage();
    await page.goto(JAN);
    await expect.poll(() => sidebar(page).locator('[data-status="not-configured"]').count(), { timeout: 10_000 }).toBe(1);
    expect(await sidebar(page).locator('[data-action="open-options"]').count()).toBe(1);
    await page.close();
  });

  it('the options page refuses a wrong token and says why', async () => {
    const page = await h.context.newPage();
    await page.goto(`chrome-extension://${h.extensionId}/options.html`);
    await page.fill('input[name="serverUrl"]', h.serverUrl);
    await page.fill('input[name="token"]', 'pcrm_not-a-real-token');
    await page.click('[data-action="save-settings"]');
    await expect.poll(() => page.locator('[data-status="error"]').textContent(), { timeout: 10_000 }).toContain('token');
    expect(await page.locator('[data-status="connected"]').count()).toBe(0);
    await page.close();
  });

  it('the options page asks for https:// for a server outside this computer', async () => {
    const page = await h.context.newPage();
    await page.goto(`chrome-extension://${h.extensionId}/options.html`);
    await page.fill('input[name="serverUrl"]', 'http://crm.acme.example');
    await page.fill('input[name="token"]', h.token);
    await page.click('[data-action="save-settings"]');
    await expect.poll(() => page.locator('[data-status="error"]').textContent(), { timeout: 10_000 }).toContain('https://');
    expect(await page.locator('[data-status="connected"]').count()).toBe(0);
    await page.close();
  });

  it('captures a profile as a suspect in one click, and shows it as known on a revisit', async () => {
    await configure(h, h.serverUrl, h.token);
    const page = await h.context.newPage();
    await page.goto(JAN);
    await sidebar(page).locator('[data-action="capture"]').click({ timeout: 10_000 });
    expect(await phaseShown(page)).toBe('suspect');
    expect((await accounts()).map((a) => [a.name, a.phase, a.city, a.source])).toEqual([['Acme BV', 'suspect', 'Utrecht', 'LinkedIn']]);
    expect((await contacts()).map((c) => [c.firstName, c.lastName, c.linkedinUrl])).toEqual([
      ['Jan', 'de Vries', 'https://www.linkedin.com/in/jan-de-vries-4b2a1'],
    ]);

    await page.reload();
    expect(await phaseShown(page)).toBe('suspect');
    expect(await sidebar(page).locator('[data-action="capture"]').count()).toBe(0);
    await page.close();
  });

  it('two tabs on the same person: a capture in one shows in the other at once, and makes one contact', async () => {
    const FATIMA = 'https://www.linkedin.com/in/fatima-el-amrani/';
    const [a, b] = [await h.context.newPage(), await h.context.newPage()];
    await a.goto(FATIMA);
    await b.goto(FATIMA);
    // a tab in the background gets no animation frames, which Playwright's waiting relies on
    await b.bringToFront();
    await sidebar(b).locator('[data-action="capture"]').waitFor({ timeout: 10_000 });
    await a.bringToFront();
    await sidebar(a).locator('[data-action="capture"]').click({ timeout: 10_000 });
    expect(await phaseShown(a)).toBe('suspect');
    // the other tab follows the write without a reload: known, nothing left to capture
    await b.bringToFront();
    expect(await phaseShown(b)).toBe('suspect');
    expect(await sidebar(b).locator('[data-action="capture"]').count()).toBe(0);
    const fatimas = (await contacts()).filter((c) => c.lastName === 'el Amrani');
    expect(fatimas).toHaveLength(1);
    expect((await accounts()).filter((x) => x.name === 'Groenhuis Installaties')).toHaveLength(1);
    await a.close();
    await b.close();
  });

  it('follows in-app navigation from the feed to a profile, and never shows the page the user left', async () => {
    const page = await h.context.newPage();
    // no sidebar on the feed: shown below, once the content script has proven alive on a profile
    await page.goto(FEED);

    await navigateInApp(page, '/in/jan-de-vries-4b2a1/', 'linkedin/person-2024.html');
    expect(await phaseShown(page)).toBe('suspect');
    await expect.poll(() => sidebar(page).locator('h2').first().textContent()).toBe('Jan de Vries');

    // on to Fatima: until her page has rendered, Jan's sidebar must be gone, not shown beside her URL
    await navigateInApp(page, '/in/fatima-el-amrani/', 'linkedin/person-2026.html', 600);
    await expect.poll(() => page.locator('[data-phase-crm]').count(), { timeout: 10_000 }).toBe(0);
    await expect.poll(() => sidebar(page).locator('h2').first().textContent(), { timeout: 10_000 }).toBe('Fatima el Amrani');

    await navigateInApp(page, '/feed/', 'linkedin/feed.html');
    await expect.poll(() => page.locator('[data-phase-crm]').count(), { timeout: 5_000 }).toBe(0);
    await page.close();
  });

  it('a company page (also /about/) is matched to its account, or captured in one click', async () => {
    const page = await h.context.newPage();
    await page.goto(ACME_ABOUT);
    // Acme BV is known from Jan's capture: matched by its LinkedIn URL, no second account
    expect(await phaseShown(page)).toBe('suspect');
    expect(await sidebar(page).locator('[data-action="capture"]').count()).toBe(0);
    expect((await accounts()).filter((a) => a.name === 'Acme BV')).toHaveLength(1);

    const NOORD = 'https://www.linkedin.com/company/bouwgroep-noord/';
    h.overrides.set(
      NOORD,
      readFileSync(resolve('tests/fixtures/linkedin/company-2024.html'), 'utf8')
        .replace(/Acme BV/g, 'Bouwgroep Noord')
        .replace(/acme-bv/g, 'bouwgroep-noord')
        .replace(/acme\.example/g, 'bouwgroep-noord.example'),
    );
    await page.goto(NOORD);
    await sidebar(page).locator('[data-action="capture"]').click({ timeout: 10_000 });
    expect(await phaseShown(page)).toBe('suspect');
    const noord = (await accounts()).find((a) => a.name === 'Bouwgroep Noord');
    expect(noord).toMatchObject({
      industry: 'Construction',
      city: 'Utrecht',
      emailDomain: 'bouwgroep-noord.example',
      linkedinCompanyUrl: 'https://www.linkedin.com/company/bouwgroep-noord',
    });
    h.overrides.delete(NOORD);
    await page.close();
  });

  it('collapses out of the way, and stays collapsed on the next page', async () => {
    const page = await h.context.newPage();
    await page.goto(JAN);
    const iframe = page.locator('[data-phase-crm="sidebar"] iframe');
    await sidebar(page).locator('[data-phase]').waitFor({ timeout: 10_000 });
    expect((await iframe.boundingBox())!.width).toBeGreaterThan(300);
    await sidebar(page).locator('button[aria-label="Collapse"]').click();
    await expect.poll(async () => (await iframe.boundingBox())?.width).toBeLessThan(40);
    await page.goto(ACME_ABOUT);
    await expect.poll(async () => (await page.locator('[data-phase-crm="sidebar"] iframe').boundingBox())?.width, { timeout: 10_000 }).toBeLessThan(40);
    // folded away, the tab still tells the account's phase
    expect(await sidebar(page).locator('[data-action="expand"] [data-phase]').getAttribute('data-phase', { timeout: 10_000 })).toBe('suspect');
    // remembered per site: Gmail's sidebar stays open
    const gmail = await h.context.newPage();
    await gmail.goto('https://mail.google.com/mail/u/0/#inbox/FMfcgzQZTMNbQwDkJrLxTvWcPqHsRnKm');
    await sidebar(gmail).locator('[data-logged-count], [data-status]').first().waitFor({ timeout: 10_000 });
    expect((await gmail.locator('[data-phase-crm="sidebar"] iframe').boundingBox())!.width).toBeGreaterThan(300);
    await gmail.close();
    await page.bringToFront();
    await sidebar(page).locator('button[aria-label="Expand"]').click();
    await expect.poll(async () => (await page.locator('[data-phase-crm="sidebar"] iframe').boundingBox())?.width).toBeGreaterThan(300);
    await page.close();
  });

  it("the host page's scripts cannot read the sidebar, nor use its token in a frame of their own", async () => {
    const html = probingPage('linkedin/person-2024.html');
    h.overrides.set(JAN, html);
    const page = await h.context.newPage();
    await page.goto(JAN);
    expect(await phaseShown(page)).toBe('suspect');
    // the probe has looked many times while the sidebar showed CRM data
    await expect.poll(() => page.evaluate(() => (window as unknown as { __probe: Probe }).__probe.runs), { timeout: 15_000 }).toBeGreaterThanOrEqual(10);
    const probe = await page.evaluate(() => (window as unknown as { __probe: Probe }).__probe);
    expect(probe.frameDoc).toBeNull();
    expect(probe.findHits).toEqual([]);
    // the token never appears where the page can read it
    expect(probe.src).toMatch(/^chrome-extension:\/\/[a-z0-9-]+\/sidebar\.html$/);
    const attacker = page.frameLocator('#attacker');
    await expect.poll(() => attacker.locator('[data-status="expired"]').count(), { timeout: 20_000 }).toBe(1);
    expect(await attacker.locator('[data-phase]').count()).toBe(0);
    h.overrides.delete(JAN);
    await page.close();
  });
});
