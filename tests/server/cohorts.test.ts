/**
 * A cohort is one index range because each reach row knows when its account
 * reached the phase the time before (prev_at), kept by triggers whichever
 * code writes or deletes the rows. Checked here on the rows themselves and
 * on the funnel they feed, with an account that goes back and forth.
 */
import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { readFileSync } from 'node:fs';
import { testDb } from '../helpers/server';
import { day, historyWriter } from '../helpers/history';

async function setup() {
  const t = await testDb();
  const rep = await t.user('kim@verkoop.example');
  const h = historyWriter(t.db);
  const id = await h.create(rep.actor, 'Heen en Weer BV', 'suspect', day(0));
  await h.move(rep.actor, id, 'prospect', day(10));
  await h.move(rep.actor, id, 'suspect', day(12), undefined, 'requalify');
  await h.move(rep.actor, id, 'prospect', day(20));
  const prospectRows = () =>
    t.db.all<{ at: number; prev: number | null }>(
      sql`select at, prev_at as prev from phase_reaches where account_id = ${id} and phase_idx = 1 order by at, rowid`,
    );
  return { t, rep, id, prospectRows };
}

describe('first reaches per period', () => {
  it('each reach knows the one before it; the funnel counts an account once per period, also when it came back', async () => {
    const { rep, prospectRows } = await setup();
    expect(await prospectRows()).toEqual([
      { at: day(10), prev: null },
      { at: day(20), prev: day(10) },
    ]);
    const reached = async (from: number, to: number) => (await rep.api.reports.dashboard({ from, to })).funnel.find((p) => p.phase === 'prospect')!.reached;
    // both reaches in the period: one account
    expect(await reached(day(0), day(30))).toBe(1);
    // only the second: it is the first inside this period
    expect(await reached(day(15), day(30))).toBe(1);
    // only the first
    expect(await reached(day(5), day(15))).toBe(1);
    expect(await reached(day(21), day(30))).toBe(0);
  });

  it('a reach written out of order or deleted puts the others right', async () => {
    const { t, id, prospectRows } = await setup();
    const team = (await t.db.get<{ team: string }>(sql`select team_id as team from accounts where id = ${id}`))!.team;
    // an earlier reach written last (an import of old history)
    await t.db.run(sql`insert into phase_reaches (team_id, account_id, owner_id, phase_idx, at) values (${team}, ${id}, null, 1, ${day(5)})`);
    expect(await prospectRows()).toEqual([
      { at: day(5), prev: null },
      { at: day(10), prev: day(5) },
      { at: day(20), prev: day(10) },
    ]);
    // the middle one goes (an undone move): the last one now follows the first
    await t.db.run(sql`delete from phase_reaches where account_id = ${id} and phase_idx = 1 and at = ${day(10)}`);
    expect(await prospectRows()).toEqual([
      { at: day(5), prev: null },
      { at: day(20), prev: day(5) },
    ]);
  });

  it('the migration fills in prev_at for the history written before it, as the triggers would have', async () => {
    const { t, prospectRows } = await setup();
    const kept = await prospectRows();
    const backfill = readFileSync('server/db/migrations/0008_cohort_first_reach.sql', 'utf8')
      .split('--> statement-breakpoint')
      .find((st) => st.trim().startsWith('UPDATE'))!;
    await t.db.run(sql`update phase_reaches set prev_at = null`);
    await t.db.run(sql.raw(backfill));
    expect(await prospectRows()).toEqual(kept);
  });
});
