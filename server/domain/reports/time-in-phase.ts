/**
 * Time in phase (ended stays: median and 90th percentile, to the day; open
 * stays: age so far), velocity from suspect to customer, and the stale
 * accounts. Ended stays come from stay_days, counted on write.
 */
import { sql } from 'drizzle-orm';
import type { Orm } from '../../db/client';
import { PHASE_IDS, phaseIndex, type PhaseId, CUSTOMER_PHASE } from '../../../shared/phases';
import { byPhase, DAY_MS, days, everyPhase, oneOf, ownerFilter, type Scope } from './scope';
import { accountDays, dayOfRank, newestFirst } from './day-counts';

const STALE_NO_ACTIVITY_MS = 30 * DAY_MS;
const STALE_STAYS_WINDOW_MS = 365 * DAY_MS;
/** the worst (longest without activity) on the dashboard; the accounts list shows them all */
const STALE_LIST_LIMIT = 20;
/**
 * A stay shorter than this is never stale, whatever the history says: a young
 * team's first stays (a few accounts moved on the same day) would otherwise
 * make every account stale at 0 days.
 */
export const STALE_FLOOR_DAYS = 7;

/** Nearest-rank percentile from a histogram of (value, count), sorted by value. */
function histogramPercentile(h: { days: number; n: number }[], q: number): number | null {
  const total = h.reduce((s, b) => s + b.n, 0);
  if (!total) return null;
  const rank = Math.max(1, Math.ceil(q * total));
  let seen = 0;
  for (const b of h) if ((seen += b.n) >= rank) return b.days;
  return null;
}

/**
 * Lengths in days of the stays in each phase that ended inside [from, to), as histograms sorted by length.
 * One index range per phase, read in phase order, each phase's counts as one JSON array added up here:
 * grouped by length in SQL, every day's counts of the range went through a sort (a year: ~35 ms).
 */
async function endedStays(db: Orm, s: Scope, from: number, to: number) {
  const rows = await db.all<{ p: number; h: string }>(sql`
    select phase_idx as p, json_group_array(json_array(days, count)) as h from stay_days indexed by stay_days_phases
    where team_id = ${s.teamId} and ${everyPhase}
      and end_day >= ${Math.floor(from / DAY_MS)} and end_day < ${Math.ceil(to / DAY_MS)}${ownerFilter(s, sql`owner_id`)}
    group by phase_idx`);
  const out = new Map<PhaseId, { days: number; n: number }[]>();
  for (const r of rows) {
    const byLength = new Map<number, number>();
    for (const [days, n] of JSON.parse(r.h) as [number, number][]) byLength.set(days, (byLength.get(days) ?? 0) + n);
    out.set(
      PHASE_IDS[Number(r.p)]!,
      [...byLength].map(([days, n]) => ({ days, n })).sort((a, b) => a.days - b.days),
    );
  }
  return out;
}

export async function timeInPhase(db: Orm, s: Scope, openByPhase: Map<PhaseId, number>) {
  const ended = await endedStays(db, s, s.from, s.to);
  const openAge = await openStayMedians(db, s, openByPhase);
  const out = [];
  for (const phase of PHASE_IDS) {
    const h = ended.get(phase) ?? [];
    const open = openByPhase.get(phase) ?? 0;
    out.push({
      phase,
      ended: h.reduce((n, b) => n + b.n, 0),
      medianDays: histogramPercentile(h, 0.5),
      p90Days: histogramPercentile(h, 0.9),
      open,
      openMedianAgeDays: days(openAge.get(phase) ?? null),
    });
  }
  return out;
}

/**
 * Per phase, the median age of the open stays (in it by the report's moment): the median phase_since, newest
 * first, found among the days counted on write and read from that one day's accounts. The moment's own day is
 * counted from its accounts, as some of them came in after the moment.
 */
async function openStayMedians(db: Orm, s: Scope, openByPhase: Map<PhaseId, number>) {
  const out = new Map<PhaseId, number>();
  const phases = PHASE_IDS.filter((p) => openByPhase.get(p));
  if (!phases.length) return out;
  const open = sql`team_id = ${s.teamId} and created_at <= ${s.ref} and archived_at is null${ownerFilter(s, sql`owner_id`)}`;
  const refDay = Math.floor(s.ref / DAY_MS);
  const counted = await accountDays(db, s, 'since', phases);
  const onRefDay = new Map(
    (
      await db.all<{ phase: PhaseId; n: number }>(sql`
        select phase, count(*) as n from accounts indexed by accounts_team_phase_since
        where ${oneOf(sql`phase`, phases)} and phase_since >= ${refDay * DAY_MS} and phase_since <= ${s.ref} and ${open} group by phase`)
    ).map((r) => [r.phase, Number(r.n)]),
  );
  for (const phase of phases) {
    const daysBefore = newestFirst(counted, [phase]).filter(([day]) => day < refDay);
    const at = dayOfRank([[refDay, onRefDay.get(phase) ?? 0], ...daysBefore], Math.ceil(0.5 * openByPhase.get(phase)!) - 1);
    if (!at) continue;
    const row = await db.get<{ since: number }>(sql`
      select phase_since as since from accounts indexed by accounts_team_phase_since
      where phase = ${phase} and phase_since >= ${at.day * DAY_MS} and phase_since <= ${Math.min((at.day + 1) * DAY_MS - 1, s.ref)} and ${open}
      order by phase_since desc limit 1 offset ${at.rank}`);
    if (row) out.set(phase, s.ref - Number(row.since));
  }
  return out;
}

/** Median days from suspect (the account's creation) to customer, over accounts that first became customers in the period. */
export async function velocity(db: Orm, s: Scope) {
  const customer = phaseIndex(CUSTOMER_PHASE);
  // an account's first customer reach ever (no earlier one: prev_at is null), inside the period
  const firstCustomer = sql`team_id = ${s.teamId} and phase_idx = ${customer} and at >= ${s.from} and at < ${s.to} and prev_at is null${ownerFilter(s, sql`owner_id`)}`;
  const n = Number((await db.get<{ n: number }>(sql`select count(*) as n from phase_reaches where ${firstCustomer}`))?.n ?? 0);
  if (!n) return { accounts: 0, medianDays: null };
  // the median (nearest rank) picked by SQLite off the cohort index: started_at on each reach is the account's first
  // suspect reach (every account reaches suspect when it is created; later phases count the skipped ones)
  const median = await db.get<{ d: number }>(sql`
    select at - started_at as d from phase_reaches where ${firstCustomer}
    order by d limit 1 offset ${Math.ceil(0.5 * n) - 1}`);
  return { accounts: n, medianDays: days(median ? Number(median.d) : null) };
}

/**
 * Per phase, the stay length past which an account counts as stale: the 75th
 * percentile of the last year's ended stays (phase-model.md), at least
 * STALE_FLOOR_DAYS; none without history (then only the 30 days without
 * activity count).
 */
export async function staleThresholds(db: Orm, s: Scope) {
  const stays = await endedStays(db, s, s.ref - STALE_STAYS_WINDOW_MS, s.ref);
  return new Map(
    PHASE_IDS.map((p) => {
      const p75 = histogramPercentile(stays.get(p) ?? [], 0.75);
      return [p, p75 === null ? null : Math.max(STALE_FLOOR_DAYS, p75)];
    }),
  );
}

/** Who is stale, as moments: in their phase since before its cut, or quiet since before `quietSince`. */
export interface StaleRule {
  /** per phase: in it since before this is stale; null: a stay alone is never stale (no history) */
  since: Map<PhaseId, number | null>;
  /** no activity (or, with none, no creation) since this is stale */
  quietSince: number;
}

export function staleRule(s: Scope, thresholds: Map<PhaseId, number | null>): StaleRule {
  return {
    since: new Map(PHASE_IDS.map((p) => [p, thresholds.get(p) == null ? null : s.ref - thresholds.get(p)! * DAY_MS])),
    quietSince: s.ref - STALE_NO_ACTIVITY_MS,
  };
}

/** SQL: the phase's stale cut for an account (alias `a`), null when its stay alone is never stale. */
export const staleCutSql = (rule: StaleRule) => {
  const cut = PHASE_IDS.filter((p) => rule.since.get(p) !== null);
  return byPhase(cut, (p) => rule.since.get(p)!);
};

/** SQL that is 1 for a stale account (alias `a`). */
export const staleRuleSql = (rule: StaleRule) => sql`(a.phase_since < ${staleCutSql(rule)} or coalesce(a.last_activity_at, a.created_at) < ${rule.quietSince})`;
export const staleSql = (s: Scope, thresholds: Map<PhaseId, number | null>) => staleRuleSql(staleRule(s, thresholds));

export async function staleAccounts(db: Orm, s: Scope, thresholds: Map<PhaseId, number | null>, count: number) {
  const list = await db.all<{ id: string; name: string; phase: PhaseId; phaseSince: number; lastActivityAt: number | null; ownerId: string | null }>(sql`
    select a.id, a.name, a.phase, a.phase_since as phaseSince, a.last_activity_at as lastActivityAt, a.owner_id as ownerId
    from accounts a indexed by accounts_team_last_activity
    where a.team_id = ${s.teamId} and a.archived_at is null and a.created_at <= ${s.ref}${ownerFilter(s, sql`a.owner_id`)} and ${staleSql(s, thresholds)}
    order by a.last_activity_at limit ${STALE_LIST_LIMIT}`);
  return {
    count,
    thresholdDays: Object.fromEntries(PHASE_IDS.map((p) => [p, thresholds.get(p) ?? null])),
    accounts: list.map((r) => ({
      ...r,
      daysInPhase: days(s.ref - Number(r.phaseSince)),
      daysSinceActivity: r.lastActivityAt === null ? null : days(s.ref - Number(r.lastActivityAt)),
    })),
  };
}
