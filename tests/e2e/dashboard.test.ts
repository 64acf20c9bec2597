import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { configure, startHarness, type Harness } from './harness';
import { seedDemo } from '../../server/domain/demo';
import { dashboard } from '../../server/domain/reports';
import { authenticate } from '../../server/domain/auth';
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
  it('draws the funnel and coverage the server computes, for the chosen period and account manager', async () => {
    const page = await h.context.newPage();
    await page.goto(`chrome-extension://${h.extensionId}/dashboard.html`);
    await page.locator('[data-metric="reached"][data-phase="suspect"]').waitFor({ timeout: 10_000 });
    const shown = async () =>
      Object.fromEntries(
        await Promise.all(PHASE_IDS.map(async (p) => [p, Number(await page.locator(`[data-metric="reached"][data-phase="${p}"]`).textContent())])),
      );

    const actor = (await authenticate(h.server.db, token))!;
    const expected = async (days: number, ownerId?: string) => {
      const now = Date.now();
      const f = await dashboard(h.server.db, actor, { from: now - days * 86_400_000, to: now, ownerId });
      return { reached: Object.fromEntries(f.funnel.map((p) => [p.phase, p.reached])), coverage: f.coverage.recentActivity.rate };
    };
    const pct = (x: number | null) => (x === null ? '–' : `${Math.round(x * 100)}%`);

    let want = await expected(90);
    expect(await shown()).toEqual(want.reached);
    expect(Object.values(want.reached).some((n) => n > 0)).toBe(true);
    expect(await page.locator('[data-metric="coverage"]').textContent()).toBe(pct(want.coverage));

    await page.selectOption('select[name="period"]', '365');
    want = await expected(365);
    await expect.poll(shown).toEqual(want.reached);

    const anna = (await h.server.db.query.users.findMany()).find((u) => u.email === 'anna@demo.example')!;
    await page.selectOption('select[name="owner"]', anna.id);
    want = await expected(365, anna.id);
    await expect.poll(shown).toEqual(want.reached);
    expect(await page.locator('[data-metric="coverage"]').textContent()).toBe(pct(want.coverage));
    // where the process leaks: the three steps the server names, in its order; the forecast beside them
    const now = Date.now();
    const f = await dashboard(h.server.db, actor, { from: now - 365 * 86_400_000, to: now, ownerId: anna.id });
    await expect
      .poll(() => page.locator('[data-metric="leak"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-phase'))))
      .toEqual(f.leaks.map((l) => l.phase));
    expect(f.leaks).toHaveLength(3);
    expect(await page.locator('[data-metric="forecast"]').count()).toBe(1);
    // every figure explains itself, and the filters are in the URL: a reload shows the same figures
    expect(
      await page.locator('[data-metric]').evaluateAll((els) => els.filter((e) => !e.getAttribute('title') && !e.getAttribute('aria-describedby')).length),
    ).toBe(0);
    expect(page.url()).toContain(`#period=365&manager=${anna.id}`);
    await page.reload();
    await expect.poll(() => page.locator('select[name="period"]').inputValue(), { timeout: 10_000 }).toBe('365');
    await expect.poll(shown).toEqual(want.reached);
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
