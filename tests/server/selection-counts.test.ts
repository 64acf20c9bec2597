/**
 * The funnel per selection from day counts kept on write (selection_days)
 * against its definition read off the accounts and their reaches, on a
 * seeded random history: accounts coming in at any millisecond from a few
 * sources, moves forward and back, reaches deleted (an undone move), owners
 * and sources changed afterwards; periods that start and end anywhere in a
 * day, or inside one day.
 */
import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { backfillOf, refill } from '../helpers/kept-counts';
import { testDb } from '../helpers/server';
import { DAY, day } from '../helpers/history';
import { prng } from '../helpers/prng';
import { timelineWriter } from '../../server/domain/timeline';
import { selections } from '../../server/domain/reports/selections';
import { PHASE_IDS } from '../../shared/phases';
import type { Orm } from '../../server/db/client';

const SOURCES = ['KvK Utrecht ICT 2026', 'Beurs Jaarbeurs', 'LinkedIn', 'Web form'];

/** The definition: the accounts that came in during [from, to) with a source, and per phase how many of them have reached it. */
async function byDefinition(db: Orm, teamId: string, from: number, to: number, ownerId: string | null) {
  const rows = await db.all<{ source: string; idx: number; n: number }>(sql`
    select a.source as source, r.phase_idx as idx, count(distinct a.id) as n
    from accounts a join phase_reaches r on r.account_id = a.id
    where a.team_id = ${teamId} and a.source is not null and a.created_at >= ${from} and a.created_at < ${to}${ownerId ? sql` and a.owner_id = ${ownerId}` : sql``}
    group by a.source, r.phase_idx`);
  return rows.map((r) => `${r.source}|${r.idx}|${r.n}`).sort();
}

const flatten = (got: Awaited<ReturnType<typeof selections>>) =>
  got.flatMap((s) => s.reached.filter((r) => r.count).map((r) => `${s.source}|${PHASE_IDS.indexOf(r.phase)}|${r.count}`)).sort();

async function randomHistory(seed: number) {
  const t = await testDb();
  const reps = [await t.user('ann@verkoop.example'), await t.user('bob@verkoop.example', 'Verkoop BV', 'manager')];
  const teamId = reps[0]!.actor.teamId;
  const w = timelineWriter(t.db);
  const random = prng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  const ids: string[] = [];
  for (let i = 0; i < 40; i++) {
    const at = day(0) + Math.floor(random() * 20 * DAY);
    const phase = pick(['suspect', 'suspect', 'prospect', 'negotiation'] as const);
    const id = await w.create(pick(reps).actor, { name: `Selectie ${i} BV`, source: pick(SOURCES) }, phase, at);
    ids.push(id);
    if (random() < 0.5) await w.move(reps[0]!.actor, id, pick(PHASE_IDS.slice(PHASE_IDS.indexOf(phase) + 1)), at + Math.floor(random() * 5 * DAY));
  }
  // afterwards: reaches gone, owners and sources changed, an account without a source
  const reachIds = async () => (await t.db.all<{ id: number }>(sql`select rowid as id from phase_reaches where team_id = ${teamId}`)).map((r) => r.id);
  for (let i = 0; i < 25; i++) {
    const what = random();
    if (what < 0.3) await t.db.run(sql`delete from phase_reaches where rowid = ${pick(await reachIds())}`);
    else if (what < 0.6) await t.db.run(sql`update accounts set owner_id = ${pick(reps).userId} where id = ${pick(ids)}`);
    else if (what < 0.9) await t.db.run(sql`update accounts set source = ${pick(SOURCES)} where id = ${pick(ids)}`);
    else await t.db.run(sql`update accounts set source = null where id = ${pick(ids)}`);
  }
  return { t, teamId, random, reps };
}

describe('selections from day counts', () => {
  it('equal the definition for every source and phase, whatever the period', async () => {
    for (const seed of [11, 12]) {
      const { t, teamId, random, reps } = await randomHistory(seed);
      const periods: [number, number][] = [
        [day(0), day(30)],
        [day(3) + 3_600_000, day(3) + 20 * 3_600_000],
      ];
      for (let i = 0; i < 30; i++) {
        const from = day(0) + Math.floor(random() * 20 * DAY);
        periods.push([from, from + 1 + Math.floor(random() * (random() < 0.3 ? DAY : 15 * DAY))]);
      }
      for (const [from, to] of periods) {
        for (const ownerId of [null, reps[0]!.userId]) {
          const got = flatten(await selections(t.db, { teamId, ownerId, from, to, ref: to }));
          expect(got, `seed ${seed}, [${from}, ${to}), owner ${ownerId}`).toEqual(await byDefinition(t.db, teamId, from, to, ownerId));
        }
      }
    }
  });

  it('the migration counts the history written before it as the triggers do', async () => {
    const { t, teamId } = await randomHistory(13);
    const counts = () =>
      t.db.all(sql`select day, source, phase_idx, owner_id, accounts from selection_days where team_id = ${teamId} and accounts <> 0 order by 1, 2, 3, 4`);
    const kept = await counts();
    expect(kept.length).toBeGreaterThan(10);
    const backfill = backfillOf('0010_selection_day_counts', 'selection_days');
    expect(backfill).toHaveLength(1);
    await refill(t.db, 'selection_days', backfill);
    expect(await counts()).toEqual(kept);
  });
});
