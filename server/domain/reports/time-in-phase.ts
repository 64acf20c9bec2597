/**
 * Time in phase (ended stays: median and 90th percentile; open stays: age so
 * far), velocity from suspect to customer, and the stale accounts.
 */
import { sql } from 'drizzle-orm';
import type { Orm } from '../../db/client';
import { PHASE_IDS, phaseIndex, type PhaseId } from '../../../shared/phases';
import { DAY_MS, days, ownerFilter, percentile, type Scope } from './scope';

const STALE_NO_ACTIVITY_MS = 30 * DAY_MS;
const STALE_STAYS_WINDOW_MS = 365 * DAY_MS;
const STALE_LIST_LIMIT = 50;

/** Nearest-rank percentiles of the stays in each phase that ended inside [from, to). */
async function endedStays(db: Orm, s: Scope, from: number, to: number, qs: number[]) {
  // each event closes the stay in its `from` phase, which began at `from_since`
  const rows = await db.all<{ p: PhaseId; d: number; rn: number; n: number }>(sql`
    select p, d, rn, n from (
      select pc.from_phase as p, pc.at - pc.from_since as d,
             row_number() over (partition by pc.from_phase order by pc.at - pc.from_since) as rn,
             count(*) over (partition by pc.from_phase) as n
      from phase_changes pc ${s.ownerId ? sql`join accounts a on a.id = pc.account_id` : sql``}
      where pc.team_id = ${s.teamId} and pc.from_phase is not null and pc.at >= ${from} and pc.at < ${to}${ownerFilter(s, sql`a.owner_id`)}
    ) where ${sql.join(qs.map((q) => sql`rn = max(1, cast(${q} * n as integer) + (${q} * n > cast(${q} * n as integer)))`), sql` or `)}`);
  const out = new Map<PhaseId, { n: number; values: Map<number, number> }>();
  for (const r of rows) {
    const e = out.get(r.p) ?? { n: Number(r.n), values: new Map() };
    for (const q of qs) if (Number(r.rn) === Math.max(1, Math.ceil(q * Number(r.n)))) e.values.set(q, Number(r.d));
    out.set(r.p, e);
  }
  return out;
}

export async function timeInPhase(db: Orm, s: Scope) {
  const ended = await endedStays(db, s, s.from, s.to, [0.5, 0.9]);
  const open = await db.all<{ p: PhaseId; age: number }>(sql`
    select phase as p, ${s.ref} - phase_since as age from accounts
    where team_id = ${s.teamId} and archived_at is null and created_at <= ${s.ref} and phase_since <= ${s.ref}${ownerFilter(s, sql`owner_id`)}
    order by phase, age`);
  const ages = new Map<PhaseId, number[]>();
  for (const r of open) (ages.get(r.p) ?? ages.set(r.p, []).get(r.p)!).push(Number(r.age));
  return PHASE_IDS.map((phase) => {
    const e = ended.get(phase);
    const a = ages.get(phase) ?? [];
    return {
      phase,
      ended: e?.n ?? 0,
      medianDays: days(e?.values.get(0.5) ?? null),
      p90Days: days(e?.values.get(0.9) ?? null),
      open: a.length,
      openMedianAgeDays: days(percentile(a, 0.5)),
    };
  });
}

/** Median days from suspect (the account's creation) to customer, over accounts that first became customers in the period. */
export async function velocity(db: Orm, s: Scope) {
  const rows = await db.all<{ d: number }>(sql`
    select c.first_at - a.created_at as d
    from (select account_id, min(at) as first_at from phase_reaches
          where team_id = ${s.teamId} and phase_idx = ${phaseIndex('customer')}${ownerFilter(s, sql`owner_id`)}
          group by account_id) c
    join accounts a on a.id = c.account_id
    where c.first_at >= ${s.from} and c.first_at < ${s.to}
    order by d`);
  const ds = rows.map((r) => Number(r.d));
  return { accounts: ds.length, medianDays: days(percentile(ds, 0.5)) };
}

/**
 * Accounts whose time in their current phase is past that phase's 75th
 * percentile (over the stays that ended in the year before the period's
 * end), or with no activity for 30 days.
 */
export async function staleAccounts(db: Orm, s: Scope) {
  const p75 = await endedStays(db, s, s.ref - STALE_STAYS_WINDOW_MS, s.ref, [0.75]);
  const thresholds = sql.join(
    PHASE_IDS.map((p) => sql`select ${p} as p, ${p75.get(p)?.values.get(0.75) ?? null} as limit_ms`),
    sql` union all `,
  );
  const where = sql`a.team_id = ${s.teamId} and a.archived_at is null and a.created_at <= ${s.ref}${ownerFilter(s, sql`a.owner_id`)}
    and ((t.limit_ms is not null and ${s.ref} - a.phase_since > t.limit_ms)
         or coalesce(a.last_activity_at, a.created_at) < ${s.ref - STALE_NO_ACTIVITY_MS})`;
  const count = await db.get<{ n: number }>(sql`select count(*) as n from accounts a join (${thresholds}) t on t.p = a.phase where ${where}`);
  const list = await db.all<{ id: string; name: string; phase: PhaseId; phaseSince: number; lastActivityAt: number | null; ownerId: string | null }>(sql`
    select a.id, a.name, a.phase, a.phase_since as phaseSince, a.last_activity_at as lastActivityAt, a.owner_id as ownerId
    from accounts a join (${thresholds}) t on t.p = a.phase where ${where}
    order by coalesce(a.last_activity_at, a.created_at) limit ${STALE_LIST_LIMIT}`);
  return {
    count: Number(count?.n ?? 0),
    thresholdDays: Object.fromEntries(PHASE_IDS.map((p) => [p, days(p75.get(p)?.values.get(0.75) ?? null)])),
    accounts: list.map((r) => ({
      ...r,
      daysInPhase: days(s.ref - Number(r.phaseSince)),
      daysSinceActivity: r.lastActivityAt === null ? null : days(s.ref - Number(r.lastActivityAt)),
    })),
  };
}
