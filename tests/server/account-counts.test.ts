/**
 * The dashboard's account figures from counts kept on write (account_counts,
 * accounts-pass.ts) against their definition read straight off every
 * account, on a seeded random team: accounts written and changed as any code
 * might (phase, owner, gaps, quotes, archived and back, deleted), reports at
 * moments before, inside and after the history, with and without stale
 * history per phase, for the team and for one account manager.
 */
import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testDb } from '../helpers/server';
import { DAY, day } from '../helpers/history';
import { prng } from '../helpers/prng';
import { backfillOf, refill, sortedRows, tally } from '../helpers/kept-counts';
import type { Orm } from '../../server/db/client';
import { accountsPass, type AccountsPassRow } from '../../server/domain/reports/accounts-pass';
import { quotesPerRange } from '../../server/domain/reports/forecast-quotes';
import { pipeline, relationshipHealth } from '../../server/domain/reports/health';
import { staleRule, staleSql, timeInPhase } from '../../server/domain/reports/time-in-phase';
import { waitingSince, waitingSql } from '../../server/domain/reports/waiting';
import { oneOf, type Scope } from '../../server/domain/reports/scope';
import { ANNUAL_REVIEW_DUE_MS, CARE_PHASES, PHASE_IDS, PIPELINE_PHASES, REPEAT_PHASES, type PhaseId } from '../../shared/phases';

/** The definition: one pass over every open account created, and in its phase, by the report's moment. */
async function byDefinition(db: Orm, s: Scope, thresholds: Map<PhaseId, number | null>) {
  const rows = await db.all<AccountsPassRow>(sql`
    select a.phase as phase, a.owner_id as ownerId, count(*) as accounts, sum(coalesce(a.checklist_gaps, 0)) as gaps,
           sum(coalesce(a.last_activity_at, 0) >= ${s.ref - 14 * DAY}) as recent, sum(${staleSql(s, thresholds)}) as stale,
           sum(${waitingSql(waitingSince(s, thresholds))}) as waiting
    from accounts a
    where a.team_id = ${s.teamId} and a.archived_at is null and a.created_at <= ${s.ref} and a.phase_since <= ${s.ref}${s.ownerId ? sql` and a.owner_id = ${s.ownerId}` : sql``}
    group by a.phase, a.owner_id order by a.phase, a.owner_id`);
  return rows.map((r) => ({ ...r, gaps: Number(r.gaps), recent: Number(r.recent), stale: Number(r.stale), waiting: Number(r.waiting) }));
}

const recount = (db: Orm, teamId: string) =>
  db.all(sql`
    select phase, coalesce(owner_id, '') as owner, case when latest_quote_at is null then '' else coalesce(latest_quote_currency, 'EUR') end as currency,
           count(*) as accounts, sum(coalesce(checklist_gaps, 0)) as gaps, round(sum(case when latest_quote_at is null then 0 else coalesce(latest_quote_amount, 0) end), 6) as amount
    from accounts where team_id = ${teamId} and archived_at is null group by 1, 2, 3 order by 1, 2, 3`);
const kept = (db: Orm, teamId: string) =>
  db.all(sql`
    select phase, owner_id as owner, currency, accounts, gaps, round(amount, 6) as amount from account_counts
    where team_id = ${teamId} and accounts <> 0 order by 1, 2, 3`);

/** account_days recounted from the accounts, by the definitions of schema.ts (not the triggers' SQL) */
async function recountDays(db: Orm, teamId: string) {
  const rows = await db.all<{ phase: PhaseId; owner: string | null; since: number; contact: number | null; review: number | null }>(sql`
    select phase, owner_id as owner, phase_since as since, last_activity_at as contact, coalesce(last_review_at, phase_since) as review
    from accounts where team_id = ${teamId} and archived_at is null`);
  const keys: unknown[][] = [];
  for (const r of rows)
    for (const owner of [r.owner ?? '', '*']) {
      keys.push(['since', r.phase, owner, Math.floor(r.since / DAY)]);
      if (!CARE_PHASES.includes(r.phase)) continue;
      keys.push(['contact', r.phase, owner, r.contact === null ? -1 : Math.floor(r.contact / DAY)]);
      keys.push(['review', r.phase, owner, Math.floor(r.review! / DAY)]);
    }
  return tally(keys);
}
const keptDays = async (db: Orm, teamId: string) =>
  sortedRows(
    (
      await db.all<{ kind: string; phase: string; owner: string; day: number; n: number }>(sql`
      select kind, phase, owner_id as owner, day, n from account_days where team_id = ${teamId} and n <> 0`)
    ).map((r) => [r.kind, r.phase, r.owner, Number(r.day), Number(r.n)]),
  );

/** The open stays' median ages, the annual reviews and the median time since the last contact, read off every account. */
async function careAndAgesByDefinition(db: Orm, s: Scope) {
  const mine = s.ownerId ? sql` and owner_id = ${s.ownerId}` : sql``;
  const open = sql`team_id = ${s.teamId} and archived_at is null and created_at <= ${s.ref}${mine}`;
  const ages = new Map<PhaseId, number>();
  const openByPhase = new Map<PhaseId, number>();
  for (const phase of PHASE_IDS) {
    const since = (await db.all<{ t: number }>(sql`select phase_since as t from accounts where ${open} and phase = ${phase} and phase_since <= ${s.ref}`))
      .map((r) => Number(r.t))
      .sort((a, b) => b - a);
    if (since.length) ages.set(phase, s.ref - since[Math.ceil(0.5 * since.length) - 1]!);
    openByPhase.set(phase, since.length);
  }
  const care = await db.all<{ phase: PhaseId; due: number; contact: number | null }>(sql`
    select phase, coalesce(last_review_at, phase_since) as due, last_activity_at as contact from accounts where ${open} and ${oneOf(sql`phase`, CARE_PHASES)}`);
  const repeat = care.filter((c) => REPEAT_PHASES.includes(c.phase));
  // newest contact first, never contacted last
  const contacts = care.map((c) => c.contact).sort((a, b) => (b ?? Number.NEGATIVE_INFINITY) - (a ?? Number.NEGATIVE_INFINITY));
  const median = care.length ? contacts[Math.ceil(0.5 * care.length) - 1] : null;
  const round = (ms: number | null) => (ms === null ? null : Math.round((ms / DAY) * 10) / 10);
  return {
    openByPhase,
    ages: PHASE_IDS.map((p) => [p, round(ages.get(p) ?? null)]),
    annualReviews: { accounts: repeat.length, overdue: repeat.filter((c) => c.due < s.ref - ANNUAL_REVIEW_DUE_MS).length },
    medianDaysSinceLastContact: round(median === null || median === undefined ? null : s.ref - median),
  };
}

async function randomTeam(seed: number, spanDays = 120, phases: readonly PhaseId[] = PHASE_IDS) {
  const t = await testDb();
  const reps = [await t.user('ann@verkoop.example'), await t.user('bob@verkoop.example'), await t.user('cas@verkoop.example')];
  const teamId = reps[0]!.actor.teamId;
  const random = prng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  const owners = [...reps.map((r) => r.userId), null];
  const maybe = <T>(p: number, f: () => T) => (random() < p ? f() : null);
  const at = () => day(0) + Math.floor(random() * spanDays * DAY);
  const quote = () =>
    maybe(0.4, () => ({ at: at(), amount: maybe(0.9, () => Math.round(random() * 1e6) / 100), currency: maybe(0.7, () => pick(['EUR', 'USD'])) }));
  for (let i = 0; i < 80; i++) {
    const created = at();
    const q = quote();
    await t.db.run(sql`insert into accounts (id, team_id, name, phase, phase_since, owner_id, created_at, last_activity_at, checklist_gaps, archived_at,
                                             latest_quote_at, latest_quote_amount, latest_quote_currency, last_review_at)
      values (${`acc-${i}`}, ${teamId}, ${`Willekeurig ${i} BV`}, ${pick(phases)}, ${created + Math.floor(random() * (spanDays / 2) * DAY)}, ${pick(owners)}, ${created},
              ${maybe(0.7, () => created + Math.floor(random() * (spanDays * 0.75) * DAY))}, ${maybe(0.8, () => Math.floor(random() * 4))}, ${maybe(0.1, at)},
              ${q?.at ?? null}, ${q?.amount ?? null}, ${q?.currency ?? null}, ${maybe(0.3, at)})`);
  }
  // then changed, one column or several at a time, as the use cases and an admin do
  for (let i = 0; i < 120; i++) {
    const id = `acc-${Math.floor(random() * 80)}`;
    const what = random();
    if (what < 0.2) await t.db.run(sql`update accounts set phase = ${pick(phases)}, phase_since = ${at()} where id = ${id}`);
    else if (what < 0.35) await t.db.run(sql`update accounts set owner_id = ${pick(owners)} where id = ${id}`);
    else if (what < 0.5) await t.db.run(sql`update accounts set checklist_gaps = ${maybe(0.9, () => Math.floor(random() * 4))} where id = ${id}`);
    else if (what < 0.65) {
      const q = quote();
      await t.db.run(
        sql`update accounts set latest_quote_at = ${q?.at ?? null}, latest_quote_amount = ${q?.amount ?? null}, latest_quote_currency = ${q?.currency ?? null} where id = ${id}`,
      );
    } else if (what < 0.75) await t.db.run(sql`update accounts set archived_at = ${maybe(0.5, at)} where id = ${id}`);
    else if (what < 0.82) await t.db.run(sql`update accounts set last_activity_at = ${at()} where id = ${id}`);
    else if (what < 0.87) await t.db.run(sql`update accounts set last_review_at = ${maybe(0.8, at)} where id = ${id}`);
    else if (what < 0.9) await t.db.run(sql`update accounts set name = ${`Hernoemd ${i}`} where id = ${id}`);
    else if (what < 0.92) await t.db.run(sql`update accounts set latest_quote_currency = ${maybe(0.7, () => pick(['EUR', 'USD']))} where id = ${id}`);
    else await t.db.run(sql`delete from accounts where id = ${id}`);
  }
  return { t, teamId, random, owners };
}

describe('account figures from counts kept on write', () => {
  it('the counts equal a recount of the accounts after any writes, and the migration counts what came before it alike', async () => {
    for (const seed of [1, 2]) {
      const { t, teamId } = await randomTeam(seed);
      const expected = await recount(t.db, teamId);
      expect(expected.length).toBeGreaterThan(10);
      expect(await kept(t.db, teamId)).toEqual(expected);
      await refill(t.db, 'account_counts', backfillOf('0014_account_counts', 'account_counts'));
      expect(await kept(t.db, teamId)).toEqual(expected);
    }
  });

  it('the accounts pass and the pipeline equal their definitions, at any moment, with or without history, per owner', async () => {
    for (const seed of [3, 4, 5]) {
      const { t, teamId, random, owners } = await randomTeam(seed);
      const moments = [day(-10), day(30), day(60) + 7 * 3_600_000, day(119), day(400)];
      for (let i = 0; i < 10; i++) moments.push(day(0) + Math.floor(random() * 200 * DAY));
      for (const ref of moments) {
        for (const ownerId of [null, owners[1]!]) {
          const s: Scope = { teamId, from: ref - 90 * DAY, to: ref, ref, ownerId };
          // stale cuts in days per phase: from a history, none for some phases, or none at all (a new team)
          const thresholds = new Map(PHASE_IDS.map((p) => [p, random() < 0.3 ? null : 7 + Math.floor(random() * 40)]));
          for (const th of [thresholds, new Map<PhaseId, number | null>(PHASE_IDS.map((p) => [p, null]))]) {
            const got = await accountsPass(t.db, s, { stale: staleRule(s, th), waitingSince: waitingSince(s, th) });
            expect(got, `seed ${seed}, at ${ref}, owner ${ownerId}`).toEqual(await byDefinition(t.db, s, th));
          }
        }
      }
      for (const ownerId of [null, owners[0]!]) {
        const quotes = await t.db.all<{ currency: string; amount: number; accounts: number }>(sql`
          select coalesce(latest_quote_currency, 'EUR') as currency, round(sum(coalesce(latest_quote_amount, 0)), 2) as amount, count(*) as accounts from accounts
          where team_id = ${teamId} and archived_at is null and latest_quote_at is not null and ${oneOf(sql`phase`, PIPELINE_PHASES)}${ownerId ? sql` and owner_id = ${ownerId}` : sql``}
          group by 1 order by 1`);
        expect(await pipeline(t.db, { teamId, from: 0, to: day(500), ref: day(500), ownerId })).toEqual(quotes);
      }
    }
  });

  it('the counts per day equal a recount after any writes, and the migration counts what came before it alike', async () => {
    for (const seed of [6, 7]) {
      const { t, teamId } = await randomTeam(seed, 12);
      const expected = await recountDays(t.db, teamId);
      expect(expected.filter((r) => r[0] === 'review').length).toBeGreaterThan(5);
      expect(await keptDays(t.db, teamId)).toEqual(expected);
      const backfill = backfillOf('0016_account_days', 'account_days');
      expect(backfill).toHaveLength(3);
      await refill(t.db, 'account_days', backfill);
      expect(await keptDays(t.db, teamId)).toEqual(expected);
    }
  });

  it("the open stays' median ages, the reviews due and the median last contact equal their definitions, at any moment, per owner", async () => {
    for (const [seed, span] of [
      [8, 12],
      [9, 120],
      [10, 30],
    ] as const) {
      const { t, teamId, random, owners } = await randomTeam(seed, span);
      // before, inside and after the history, on the cut's own day and a year on (reviews fall due)
      const moments = [day(-10), day(3) + 5 * 3_600_000, day(span), day(400), day(365) + 11 * 3_600_000];
      for (let i = 0; i < 8; i++) moments.push(day(0) + Math.floor(random() * span * 1.5 * DAY), day(365) + Math.floor(random() * span * DAY));
      for (const ref of moments) {
        for (const ownerId of [null, owners[1]!]) {
          const s: Scope = { teamId, from: ref - 90 * DAY, to: ref, ref, ownerId };
          const want = await careAndAgesByDefinition(t.db, s);
          const ages = (await timeInPhase(t.db, s, want.openByPhase)).map((r) => [r.phase, r.openMedianAgeDays]);
          const health = await relationshipHealth(t.db, s);
          const where = `seed ${seed}, at ${ref}, owner ${ownerId}`;
          expect(ages, where).toEqual(want.ages);
          expect(health.annualReviews, where).toEqual(want.annualReviews);
          expect(health.medianDaysSinceLastContact, where).toEqual(want.medianDaysSinceLastContact);
        }
      }
    }
  });
});

/** quote_days recounted from the accounts, by the definition of schema.ts (not the triggers' SQL) */
async function recountQuotes(db: Orm, teamId: string) {
  const rows = await db.all<{ phase: PhaseId; owner: string | null; since: number; currency: string | null; amount: number }>(sql`
    select phase, owner_id as owner, phase_since as since, latest_quote_currency as currency, latest_quote_amount as amount
    from accounts where team_id = ${teamId} and archived_at is null and latest_quote_amount is not null`);
  const sums = new Map<string, [number, number]>();
  for (const r of rows) {
    if (!PIPELINE_PHASES.includes(r.phase)) continue;
    for (const owner of [r.owner ?? '', '*']) {
      const key = JSON.stringify([r.phase, owner, Math.floor(r.since / DAY), r.currency ?? 'EUR']);
      const [n, amount] = sums.get(key) ?? [0, 0];
      sums.set(key, [n + 1, amount + r.amount]);
    }
  }
  return sortedRows([...sums].map(([k, [n, amount]]) => [...(JSON.parse(k) as unknown[]), n, Math.round(amount * 100) / 100]));
}
const keptQuotes = async (db: Orm, teamId: string) =>
  sortedRows(
    (
      await db.all<{ phase: string; owner: string; day: number; currency: string; n: number; amount: number }>(sql`
      select phase, owner_id as owner, day, currency, n, amount from quote_days where team_id = ${teamId} and n <> 0`)
    ).map((r) => [r.phase, r.owner, Number(r.day), r.currency, Number(r.n), Math.round(Number(r.amount) * 100) / 100]),
  );

/** The definition: every open quote of the phase, each put in its range by a walk. */
async function perRangeByDefinition(db: Orm, teamId: string, ownerId: string | null, phase: PhaseId, ranges: [number, number][]) {
  const quotes = await db.all<{ since: number; currency: string; amount: number }>(sql`
    select phase_since as since, coalesce(latest_quote_currency, 'EUR') as currency, latest_quote_amount as amount from accounts
    where team_id = ${teamId} and phase = ${phase} and archived_at is null and latest_quote_amount is not null${ownerId ? sql` and owner_id = ${ownerId}` : sql``}`);
  const sums = new Map<string, { k: number; currency: string; amount: number; quotes: number }>();
  for (const q of quotes) {
    const k = ranges.findIndex(([lo, hi]) => q.since >= lo && q.since < hi);
    const sum = sums.get(`${k} ${q.currency}`) ?? sums.set(`${k} ${q.currency}`, { k, currency: q.currency, amount: 0, quotes: 0 }).get(`${k} ${q.currency}`)!;
    sum.quotes++;
    sum.amount += q.amount;
  }
  return [...sums.values()];
}
const settled = (sums: { k: number; currency: string; amount: number; quotes: number }[]) =>
  sums.map((r) => ({ ...r, amount: Math.round(r.amount * 100) / 100 })).sort((a, b) => a.k - b.k || (a.currency < b.currency ? -1 : 1));

describe("the forecast's open quotes from counts kept on write", () => {
  it('are counted per day as a recount of the accounts would, by the triggers and by the migration alike', async () => {
    // migration 0018 names these phases in its SQL
    expect(PIPELINE_PHASES).toEqual(['negotiation', 'closing']);
    for (const seed of [11, 12]) {
      const { t, teamId } = await randomTeam(seed, 12, [...PIPELINE_PHASES, 'customer']);
      // and a quote's currency alone corrected, as an edit may
      await t.db.run(sql`update accounts set latest_quote_currency = case latest_quote_currency when 'USD' then 'EUR' else 'USD' end
        where rowid in (select rowid from accounts where team_id = ${teamId} and archived_at is null and latest_quote_amount is not null and ${oneOf(sql`phase`, PIPELINE_PHASES)} limit 3)`);
      const expected = await recountQuotes(t.db, teamId);
      expect(expected.length).toBeGreaterThan(10);
      expect(await keptQuotes(t.db, teamId)).toEqual(expected);
      const backfill = backfillOf('0018_quote_days', 'quote_days');
      expect(backfill).toHaveLength(1);
      await refill(t.db, 'quote_days', backfill);
      expect(await keptQuotes(t.db, teamId)).toEqual(expected);
    }
  });

  it('are summed per range of their moment and currency as a walk over every quote would, per owner', async () => {
    for (const seed of [13, 14, 15]) {
      const { t, teamId, random, owners } = await randomTeam(seed, 12, [...PIPELINE_PHASES, 'customer']);
      const far = Number.MAX_SAFE_INTEGER;
      const rangesFrom = (cuts: number[]) => {
        const edges = [-far, ...[...new Set(cuts)].sort((a, b) => a - b), far];
        return edges.slice(0, -1).map((lo, i): [number, number] => [lo, edges[i + 1]!]);
      };
      const cutSets = [
        [],
        // at midnights, a millisecond after, anywhere in a day, several in one day
        Array.from({ length: 8 }, (_, i) => day(i * 2)),
        Array.from({ length: 8 }, (_, i) => day(i) + 1),
        Array.from({ length: 20 }, () => day(-2) + Math.floor(random() * 20 * DAY)),
        [day(5) + 3_600_000, day(5) + 7_200_000, day(5) + 7_200_001],
        // exactly at quotes' own moments: a quote at a range's start is in that range
        (await t.db.all<{ since: number }>(sql`select phase_since as since from accounts where team_id = ${teamId} and latest_quote_amount is not null`))
          .map((r) => Number(r.since))
          .filter((_, i) => i % 3 === 0),
      ];
      for (const cuts of cutSets) {
        const ranges = rangesFrom(cuts);
        for (const ownerId of [null, owners[2]!]) {
          for (const phase of PIPELINE_PHASES) {
            const got = await quotesPerRange(t.db, { teamId, ownerId }, phase, ranges);
            expect(settled(got), `seed ${seed}, ${phase}, cuts ${cuts.length}, owner ${ownerId}`).toEqual(
              settled(await perRangeByDefinition(t.db, teamId, ownerId, phase, ranges)),
            );
          }
        }
      }
    }
  });
});
