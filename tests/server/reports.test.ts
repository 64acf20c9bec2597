/**
 * Every dashboard figure against answers computed by hand (in the comments)
 * on a seeded history with skips, a move back, churn, open and ended stays.
 * The period is days 0 to 90 of 2026; "now" is long after it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { testDb, type TestDb } from '../helpers/server';
import { day, historyWriter } from '../helpers/history';
import { PHASES } from '../../shared/phases';

let t: TestDb;
let pieter: Awaited<ReturnType<TestDb['user']>>;
let sanne: Awaited<ReturnType<TestDb['user']>>;
let manager: Awaited<ReturnType<TestDb['user']>>;
const ids: Record<string, string> = {};
const period = { from: day(0), to: day(90) };

beforeAll(async () => {
  t = await testDb();
  pieter = await t.user('pieter@verkoop.example', 'Verkoop BV', 'rep');
  sanne = await t.user('sanne@verkoop.example', 'Verkoop BV', 'rep');
  manager = await t.user('mira@verkoop.example', 'Verkoop BV', 'manager');
  const h = historyWriter(t.db);
  const P = pieter.actor;
  const S = sanne.actor;

  // A1 (Pieter): the whole way to customer
  ids.A1 = await h.create(P, 'A1', 'suspect', day(0));
  await h.move(P, ids.A1, 'prospect', day(4));
  await h.move(P, ids.A1, 'conversation', day(20), { type: 'email_in', at: day(19) });
  await h.move(P, ids.A1, 'negotiation', day(30), { type: 'quote', data: { amount: 10_000, currency: 'EUR' } });
  await h.move(P, ids.A1, 'closing', day(45), { type: 'confirmation' });
  await h.move(P, ids.A1, 'customer', day(50), { type: 'invoice', data: { paid: true, amount: 10_000 } });

  // A2 (Pieter): a web form makes a prospect; the quote is lost, back to conversation
  ids.A2 = await h.create(P, 'A2', 'prospect', day(5), 'form');
  await h.move(P, ids.A2, 'conversation', day(15));
  await h.move(P, ids.A2, 'negotiation', day(27), { type: 'quote', data: { amount: 5_000, currency: 'EUR' } });
  await h.move(P, ids.A2, 'conversation', day(35), undefined, 'lost_competitor');
  await h.activity(P, ids.A2, 'call', day(80));

  // A3 (Sanne): straight from suspect to negotiation, still there
  ids.A3 = await h.create(S, 'A3', 'suspect', day(2));
  await h.move(S, ids.A3, 'negotiation', day(12), { type: 'quote', data: { amount: 7_000, currency: 'EUR' } });
  await h.activity(S, ids.A3, 'call', day(85));

  // A4 (Sanne): a customer from before the period churns in it
  ids.A4 = await h.create(S, 'A4', 'suspect', day(-30));
  await h.move(S, ids.A4, 'customer', day(-10), { type: 'invoice', data: { paid: true } });
  await h.move(S, ids.A4, 'prospect', day(60), undefined, 'churned');
  await h.activity(S, ids.A4, 'complaint_opened', day(61), { complaintId: 'c1' });
  await h.activity(S, ids.A4, 'complaint_resolved', day(65), { complaintId: 'c1' });
  await h.activity(S, ids.A4, 'complaint_opened', day(70), { complaintId: 'c2' });

  // A5 (Pieter): after the period, counts nowhere
  ids.A5 = await h.create(P, 'A5', 'suspect', day(100));
});

const figures = (who = manager, input: { ownerId?: string } = {}) => who.api.reports.dashboard({ ...period, ...input });
const byPhase = <T extends { phase: string }>(rows: T[]) => Object.fromEntries(rows.map((r) => [r.phase, r]));

describe('the dashboard figures', () => {
  it('Reached: events into a phase, or skipping it, inside the period', async () => {
    const f = byPhase((await figures()).funnel);
    // suspect: A1 d0, A2 (created into prospect d5, skipped), A3 d2 — A4 was before the period
    // prospect: A1 d4, A2 d5, A3 (skipped d12), A4 d60; conversation: A1, A2, A3 (skipped)
    // negotiation: A1, A2, A3; closing: A1; customer: A1
    expect(Object.values(f).map((p) => p.reached)).toEqual([3, 4, 3, 3, 1, 1, 0, 0]);
  });

  it('Conversion: of the cohort reaching P, the share that later reached a phase after P', async () => {
    const f = byPhase((await figures()).funnel);
    expect(f.suspect!.conversion).toMatchObject({ cohort: 3, converted: 3 });
    // A4 came back to prospect and went nowhere
    expect(f.prospect!.conversion).toMatchObject({ cohort: 4, converted: 3, rate: 0.75 });
    expect(f.conversation!.conversion).toMatchObject({ cohort: 3, converted: 3 });
    // only A1 left negotiation forwards; A2 went back, A3 is still there
    expect(f.negotiation!.conversion).toMatchObject({ cohort: 3, converted: 1 });
    expect(f.closing!.conversion).toMatchObject({ cohort: 1, converted: 1, rate: 1 });
    expect(f.customer!.conversion).toMatchObject({ cohort: 1, converted: 0, rate: 0 });
    expect(f.relationship!.conversion).toMatchObject({ cohort: 0, rate: null });
    expect(f.ambassador!.conversion).toBeNull();
  });

  it('Win rate: of the quotes (negotiation entries), the share that reached customer', async () => {
    expect((await figures()).winRate).toEqual({ quotes: 3, won: 1, rate: 1 / 3 });
  });

  it('Time in phase: median and 90th percentile of ended stays; open stays as age so far', async () => {
    const f = byPhase((await figures()).timeInPhase);
    // suspect stays: A1 4d, A3 10d; prospect: A2 10d, A1 16d; conversation: A1 10d, A2 12d
    // negotiation: A2 8d, A1 15d; closing: A1 5d; customer: A4 70d (from day -10 to 60)
    expect(f.suspect).toMatchObject({ ended: 2, medianDays: 4, p90Days: 10 });
    expect(f.prospect).toMatchObject({ ended: 2, medianDays: 10, p90Days: 16, open: 1, openMedianAgeDays: 30 });
    expect(f.conversation).toMatchObject({ ended: 2, medianDays: 10, p90Days: 12, open: 1, openMedianAgeDays: 55 });
    expect(f.negotiation).toMatchObject({ ended: 2, medianDays: 8, p90Days: 15, open: 1, openMedianAgeDays: 78 });
    expect(f.closing).toMatchObject({ ended: 1, medianDays: 5, p90Days: 5, open: 0 });
    expect(f.customer).toMatchObject({ ended: 1, medianDays: 70, p90Days: 70, open: 1, openMedianAgeDays: 40 });
    expect(f.relationship).toMatchObject({ ended: 0, medianDays: null, open: 0 });
  });

  it('Velocity: median days from suspect to customer over accounts that became customers in the period', async () => {
    // A1: day 0 to day 50; A4 became a customer before the period
    expect((await figures()).velocity).toEqual({ accounts: 1, medianDays: 50 });
  });

  it('Pipeline value: the latest quote of accounts in negotiation and closing', async () => {
    // only A3 is in negotiation now (A2 went back to conversation)
    expect((await figures()).pipeline).toEqual([{ currency: 'EUR', amount: 7_000, accounts: 1 }]);
  });

  it('Activity per account manager per week, by type', async () => {
    const a = (await figures()).activity;
    // 90 days = 12.857 weeks; Pieter logged 8 (A1: 5, A2: 3), Sanne 6 (A3: 3, A4: 3)
    expect(a.weeks).toBe(12.9);
    const who = Object.fromEntries(a.byUser.map((u) => [u.name, u]));
    expect(who.pieter).toMatchObject({ total: 8, perWeek: 0.6 });
    expect(who.sanne).toMatchObject({ total: 6, perWeek: 0.5 });
    expect(who.sanne!.byType.complaint_opened).toBe(0.2);
    expect(a.trend.reduce((n, w) => n + w.count, 0)).toBe(14);
    // 90 days: 12 whole weeks and a last week of 6 days, marked partial instead of drawn as a drop
    expect(a.trend.map((w) => w.days)).toEqual([...Array(12).fill(7), 6]);
    expect(a.trend.map((w) => w.partial)).toEqual([...Array(12).fill(false), true]);
  });

  it('a week still under way is partial up to its last minute, its days never rounded up to a whole week', async () => {
    // a period of 90 days that starts 23:55 into a day (as "the last 90 days" does at 23:55): the last week has 6.997 days
    const late = { from: day(1) - 5 * 60_000, to: day(91) - 5 * 60_000 };
    const last = (await manager.api.reports.dashboard(late)).activity.trend.at(-1)!;
    expect(last).toMatchObject({ partial: true, days: 6.9 });
  });

  it('Logging coverage: recent activity on phases 2 to 5, evidence behind phase changes, checklist completeness', async () => {
    const c = (await figures()).coverage;
    // A2 (call d80) and A3 (call d85) are within 14 days of day 90; A4 (d70) is not
    expect(c.recentActivity).toEqual({ eligible: 3, covered: 2, rate: 2 / 3 });
    expect(Object.fromEntries(c.byOwner.map((o) => [o.name, [o.eligible, o.covered]]))).toEqual({ pieter: [1, 1], sanne: [2, 1] });
    // 13 phase changes in the period, 9 backed by an activity (creations carry theirs)
    expect(c.evidence).toEqual({ changes: 13, backed: 9, rate: 9 / 13 });
    const cl = byPhase(c.checklist);
    expect(cl.negotiation).toMatchObject({ accounts: 1, completeness: 0.5 });
    expect(cl.customer).toMatchObject({ accounts: 1, completeness: 1 });
    expect(cl.conversation).toMatchObject({ accounts: 1, completeness: 0 });
    // the garbage-in meter per phase: logged in the last 14 days (phases 2 to 5 only)
    expect([cl.prospect!.logged, cl.conversation!.logged, cl.negotiation!.logged, cl.customer!.logged]).toEqual([0, 1, 1, null]);
    // … and per account manager, over all their accounts: Pieter has A1 (customer, complete) and A2 (conversation, nothing filled in)
    const items = (phase: string) => PHASES.find((p) => p.id === phase)!.checklist.length;
    const pieterMeter = c.byOwner.find((o) => o.name === 'pieter')!;
    expect(pieterMeter).toMatchObject({ accounts: 2, completeness: items('customer') / (items('customer') + items('conversation')) });
  });

  it('Stale accounts: past their phase 75th percentile, or no activity for 30 days', async () => {
    const s = (await figures()).stale;
    // p75 of stays ended in the year: suspect 20d (A4 4/10/20), prospect 16d, conversation 12d, negotiation 15d, customer 70d
    expect(s.thresholdDays).toMatchObject({ suspect: 20, prospect: 16, conversation: 12, negotiation: 15, customer: 70 });
    // A1: customer 40 days, no activity for 40 days; A2: 55 days in conversation; A3: 78 in negotiation; A4: 30 in prospect
    expect(s.accounts.map((a) => a.name).sort()).toEqual(['A1', 'A2', 'A3', 'A4']);
    expect(s.count).toBe(4);
  });

  it('Relationship health: complaints, reviews, attention, referrals', async () => {
    expect((await figures()).health).toEqual({
      openComplaints: 1,
      medianDaysToResolve: 4,
      annualReviews: { accounts: 0, overdue: 0 },
      medianDaysSinceLastContact: 40,
      referralsGiven: 0,
    });
  });

  it('a rep sees their own figures; a manager may pick an account manager', async () => {
    const own = await figures(pieter, { ownerId: sanne.actor.userId });
    // Pieter's accounts only (the ownerId he asked for is ignored): A1 and A2
    expect(own.ownerId).toBe(pieter.actor.userId);
    expect(own.funnel.map((p) => p.reached)).toEqual([2, 2, 2, 2, 1, 1, 0, 0]);
    expect(own.managers).toEqual([]);
    const hers = await figures(manager, { ownerId: sanne.actor.userId });
    expect(hers.funnel.map((p) => p.reached)).toEqual([1, 2, 1, 1, 0, 0, 0, 0]);
    expect(hers.coverage.recentActivity).toEqual({ eligible: 2, covered: 1, rate: 0.5 });
    // her phase changes in the period: A3 created (its capture) and moved to negotiation (the quote), A4 back to prospect (no evidence)
    expect(hers.coverage.evidence).toEqual({ changes: 3, backed: 2, rate: 2 / 3 });
    expect(hers.managers.map((m) => m.name).sort()).toEqual(['mira', 'pieter', 'sanne']);
  });

  it('conversion per account manager: what the funnel shows for each rep, side by side, for managers only', async () => {
    const team = await figures(manager);
    expect(team.byRep.map((r) => r.name)).toEqual(['pieter', 'sanne']);
    for (const rep of [pieter, sanne]) {
      const own = await figures(manager, { ownerId: rep.actor.userId });
      const row = team.byRep.find((r) => r.ownerId === rep.actor.userId)!;
      expect(row.phases.map((p) => [p.cohort, p.converted])).toEqual(own.funnel.slice(0, -1).map((p) => [p.conversion!.cohort, p.conversion!.converted]));
    }
    // by hand: Pieter's negotiation cohort is A1 (went on to closing) and A2 (went back): 1 of 2
    expect(team.byRep[0]!.phases.find((p) => p.phase === 'negotiation')).toMatchObject({ cohort: 2, converted: 1, rate: 0.5 });
    // a rep does not see colleagues' rates
    expect((await figures(pieter)).byRep).toEqual([]);
  });

  it('refuses a period that ends before it starts', async () => {
    await expect(manager.api.reports.dashboard({ from: day(10), to: day(5) })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});

describe('a young team', () => {
  it('stays that all ended at once do not make every account stale: the threshold is at least 7 days', async () => {
    const young = await testDb();
    const rep = await young.user('kim@nieuw.example', 'Nieuw BV', 'rep');
    const h = historyWriter(young.db);
    // five accounts moved on from suspect on the day they came in: the 75th percentile is 0 days
    for (const n of [1, 2, 3, 4, 5]) await h.move(rep.actor, await h.create(rep.actor, `Moved ${n}`, 'suspect', day(10)), 'prospect', day(10));
    await h.create(rep.actor, 'Two days in', 'suspect', day(18));
    const s = (await rep.api.reports.dashboard({ from: day(0), to: day(20) })).stale;
    expect(s.thresholdDays.suspect).toBe(7);
    // with its own activity two days ago and two days in its phase, it is not stale
    expect(s.accounts.map((a) => a.name)).toEqual([]);
  });
});
