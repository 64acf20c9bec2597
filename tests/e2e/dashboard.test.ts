import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { configure, startHarness, type Harness } from './harness';
import { seedDemo } from '../../server/domain/demo';
import { dashboard } from '../../server/domain/reports';
import { authenticate, createUser } from '../../server/domain/auth';
import { timelineWriter } from '../../server/domain/timeline';
import { PHASE_IDS } from '../../shared/phases';

let h: Harness;
let token: string;
beforeAll(async () => {
  h = await startHarness();
  ({ token } = await seedDemo(h.server.db, { accounts: 80 }));
  await configure(h, h.serverUrl, token);
});
afterAll(() => h?.close());

describe('the dashboard in Chromium', () => {
  it('draws the funnel and coverage of a small team, as worked out by hand, for the chosen period and account manager', async () => {
    // Hand BV: a manager and two reps with five accounts at known days before now
    const now = Date.now();
    const ago = (d: number) => now - d * 86_400_000;
    const manager = await createUser(h.server.db, { email: 'mila@hand.example', name: 'Mila', team: 'Hand BV', role: 'manager' });
    const [anna, bert] = await Promise.all(
      ['anna@hand.example', 'bert@hand.example'].map(async (email) => {
        const u = await createUser(h.server.db, { email, name: email.split('@')[0]!, team: 'Hand BV', role: 'rep' });
        return (await authenticate(h.server.db, u.token))!;
      }),
    );
    const w = timelineWriter(h.server.db);
    const a1 = await w.create(anna!, { name: 'Aap BV' }, 'suspect', ago(10));
    await w.move(anna!, a1, 'prospect', ago(5));
    await w.move(anna!, a1, 'conversation', ago(2));
    const a2 = await w.create(anna!, { name: 'Beer BV' }, 'suspect', ago(40));
    await w.move(anna!, a2, 'prospect', ago(30));
    await w.create(anna!, { name: 'Cavia BV' }, 'suspect', ago(100));
    const b1 = await w.create(bert!, { name: 'Das BV' }, 'suspect', ago(200));
    await w.move(bert!, b1, 'prospect', ago(150));
    await w.move(bert!, b1, 'conversation', ago(60));
    // a web form makes a prospect: it skipped suspect, so it reached suspect too
    await w.create(bert!, { name: 'Egel BV' }, 'prospect', ago(20), 'form');
    // Reached, last 90 days: suspect Aap, Beer, Egel = 3; prospect Aap (5 d), Beer (30 d), Egel (20 d) = 3;
    //   conversation Aap (2 d), Das (60 d) = 2. Last year: Cavia (100 d) and Das (200 d) add a suspect each,
    //   Das's prospect (150 d) adds one: 5, 4, 2. Anna's year: Aap, Beer, Cavia = 3; Aap, Beer = 2; Aap = 1.
    // Coverage (accounts in prospect to closing with an activity in the last 14 days): of Aap (captured
    //   10 d ago), Beer (40 d), Das (200 d) and Egel (20 d) only Aap: 1 of 4 = 25 %; Anna's: Aap of Aap, Beer = 50 %.
    const none = { customer: 0, relationship: 0, ambassador: 0, negotiation: 0, closing: 0 };
    await configure(h, h.serverUrl, manager.token);
    try {
      const page = await h.context.newPage();
      await page.goto(`chrome-extension://${h.extensionId}/dashboard.html`);
      await page.locator('[data-metric="reached"][data-phase="suspect"]').waitFor({ timeout: 10_000 });
      const shown = async () =>
        Object.fromEntries(
          await Promise.all(PHASE_IDS.map(async (p) => [p, Number(await page.locator(`[data-metric="reached"][data-phase="${p}"]`).textContent())])),
        );
      const coverage = () => page.locator('[data-metric="coverage"]').textContent();

      await expect.poll(shown).toEqual({ ...none, suspect: 3, prospect: 3, conversation: 2 });
      expect(await coverage()).toBe('25%');
      await page.selectOption('select[name="period"]', '365');
      await expect.poll(shown).toEqual({ ...none, suspect: 5, prospect: 4, conversation: 2 });
      await page.selectOption('select[name="owner"]', anna!.userId);
      await expect.poll(shown).toEqual({ ...none, suspect: 3, prospect: 2, conversation: 1 });
      await expect.poll(coverage).toBe('50%');
      // the filters are in the URL: a reload shows the same figures
      expect(page.url()).toContain(`#period=365&manager=${anna!.userId}`);
      await page.reload();
      await expect.poll(() => page.locator('select[name="period"]').inputValue(), { timeout: 10_000 }).toBe('365');
      await expect.poll(shown).toEqual({ ...none, suspect: 3, prospect: 2, conversation: 1 });
      await page.close();
    } finally {
      await configure(h, h.serverUrl, token);
    }
  });

  it('names where the process leaks, the forecast, stale accounts and a definition for every figure (the demo team)', async () => {
    const page = await h.context.newPage();
    const actor = (await authenticate(h.server.db, token))!;
    const anna = (await h.server.db.query.users.findMany()).find((u) => u.email === 'anna@demo.example')!;
    await page.goto(`chrome-extension://${h.extensionId}/dashboard.html#period=365&manager=${anna.id}`);
    await page.locator('[data-metric="reached"][data-phase="suspect"]').waitFor({ timeout: 10_000 });
    // where the process leaks: the three steps the server names, in its order; the forecast beside them
    const now = Date.now();
    const f = await dashboard(h.server.db, actor, { from: now - 365 * 86_400_000, to: now, ownerId: anna.id });
    await expect
      .poll(() => page.locator('[data-metric="leak"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-phase'))))
      .toEqual(f.leaks.map((l) => l.phase));
    expect(f.leaks).toHaveLength(3);
    expect(await page.locator('[data-metric="forecast"]').count()).toBe(1);
    // every figure explains itself
    expect(
      await page.locator('[data-metric]').evaluateAll((els) => els.filter((e) => !e.getAttribute('title') && !e.getAttribute('aria-describedby')).length),
    ).toBe(0);
    mkdirSync('tests/e2e/.artifacts', { recursive: true });
    await page.screenshot({ path: 'tests/e2e/.artifacts/dashboard.png', fullPage: true });

    // a stale account links to its account
    const link = page.locator('.stale a').first();
    const name = await link.textContent();
    await link.click();
    await expect.poll(() => page.locator('[data-account-id] h2').textContent()).toContain(name!);

    // the team's 20 worst stale accounts, and a link to all of them in the accounts list
    await page.goto(`chrome-extension://${h.extensionId}/dashboard.html#period=365`);
    await page.selectOption('select[name="owner"]', '', { timeout: 10_000 });
    const team = await dashboard(h.server.db, actor, { from: Date.now() - 365 * 86_400_000, to: Date.now() });
    expect(team.stale.count).toBeGreaterThan(20);
    await expect.poll(() => page.locator('[data-metric="stale"]').count(), { timeout: 10_000 }).toBe(20);
    await page.click('[data-action="all-stale"]');
    await expect.poll(() => page.locator('#accounts input[name="stale"]').isChecked(), { timeout: 10_000 }).toBe(true);
    await expect.poll(() => page.locator('#accounts [data-account-id]').count(), { timeout: 10_000 }).toBe(Math.min(team.stale.count, 200));
  });

  it('garbage-in per phase and per rep, conversion per rep, a partial week marked, any table as CSV, and the open section in the URL', async () => {
    const page = await h.context.newPage();
    await page.goto(`chrome-extension://${h.extensionId}/dashboard.html#period=90`);
    await page.locator('[data-metric="garbage-in"][data-by="phase"]').waitFor({ timeout: 10_000 });
    const actor = (await authenticate(h.server.db, token))!;
    const now = Date.now();
    const f = await dashboard(h.server.db, actor, { from: now - 90 * 86_400_000, to: now });
    const pct = (x: number | null) => (x === null ? '–' : `${Math.round(x * 100)}%`);

    // the meter shows what the server counts, per phase and per account manager
    const phaseRows = f.coverage.checklist.filter((p) => p.accounts > 0);
    expect(await page.locator('[data-by="phase"] tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-phase')))).toEqual(
      phaseRows.map((p) => p.phase),
    );
    for (const p of phaseRows) {
      const row = page.locator(`[data-by="phase"] tr[data-phase="${p.phase}"]`);
      expect([await row.locator('[data-cell="checklist"]').textContent(), await row.locator('[data-cell="logged"]').textContent()]).toEqual([
        pct(p.completeness),
        pct(p.logged),
      ]);
    }
    expect(await page.locator('[data-by="owner"] tbody tr').count()).toBe(f.coverage.byOwner.length);
    // conversion per rep, side by side, as the server computes it
    expect(f.byRep.length).toBeGreaterThan(1);
    const first = f.byRep[0]!;
    expect(await page.locator(`[data-metric="rep-conversion"] tr[data-owner-id="${first.ownerId}"] td`).allTextContents()).toEqual(
      first.phases.map((p) => pct(p.rate)),
    );

    // 90 days end in a partial week: its point is marked and says so, not drawn as a drop
    expect(f.activity.trend.at(-1)!.partial).toBe(true);
    const partial = page.locator('.trend circle[data-partial="true"]');
    expect(await partial.count()).toBe(1);
    expect(await partial.locator('title').textContent()).toContain('partial week');

    // any table as CSV: the funnel's file holds the reached counts the page shows
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="csv"][data-table="funnel"]')]);
    const csv = readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '');
    const lines = parse(csv, { delimiter: ',' }) as string[][];
    expect(lines[0]).toEqual(['Phase', 'Reached', 'Conversion']);
    expect(lines.slice(1).map((l) => Number(l[1]))).toEqual(f.funnel.map((p) => p.reached));

    // a section's title link puts it in the URL; a reload opens the page there
    await page.click('[data-section="garbage-in"] .section-link');
    await expect.poll(() => page.url()).toContain('section=garbage-in');
    await page.reload();
    await page.locator('[data-section="garbage-in"]').waitFor({ timeout: 10_000 });
    await expect
      .poll(() => page.evaluate(() => Math.round(document.querySelector('[data-section="garbage-in"]')!.getBoundingClientRect().top)))
      .toBeLessThan(50);
    expect(await page.evaluate(() => scrollY)).toBeGreaterThan(0);
    await page.close();
  });
});
