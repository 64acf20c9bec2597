/**
 * Expected revenue per month for this month and the next two, from the
 * team's own history instead of hand-set stage probabilities: each open
 * quote (an account in negotiation or closing) counts with the measured
 * share of accounts in its phase that became customer over the last 12
 * months, spread over the months in which those customers closed, given how
 * long this account has waited already. The range is the 80 % interval of
 * that measured share (Wilson), so a small history shows a wide range.
 */
import { sql } from 'drizzle-orm';
import type { Orm } from '../../db/client';
import { PIPELINE_PHASES, phaseIndex, type PhaseId } from '../../../shared/phases';
import { firstInPeriod } from './funnel';
import { DAY_MS, inPhases, ownerFilter, rate, type Scope } from './scope';

const YEAR_MS = 365 * DAY_MS;
const MONTHS = 3;
const Z = 1.2816; // 80 %

/** The Wilson score interval of a share measured on n accounts. */
export function wilson(k: number, n: number): { low: number; high: number } {
  if (!n) return { low: 0, high: 1 };
  const p = k / n;
  const z2 = Z * Z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (Z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/** Times to close in days, distinct and ascending, with how many closes took at most each (`upTo`). */
export interface CloseTimes {
  days: number[];
  upTo: number[];
}

/** From (days, how many) pairs in any order. */
export function closeTimes(counted: { d: number; n: number }[]): CloseTimes {
  const sorted = [...counted].sort((a, b) => a.d - b.d);
  const days: number[] = [];
  const upTo: number[] = [];
  for (const { d, n } of sorted) {
    if (days.length && days[days.length - 1] === d) upTo[upTo.length - 1]! += n;
    else {
      days.push(d);
      upTo.push((upTo[upTo.length - 1] ?? 0) + n);
    }
  }
  return { days, upTo };
}

const total = (t: CloseTimes) => t.upTo[t.upTo.length - 1] ?? 0;
/** how many closes come before distinct day i */
const before = (t: CloseTimes, i: number) => (i ? t.upTo[i - 1]! : 0);

/** The k-th (from 0) of all closes in ascending order. */
const nth = (t: CloseTimes, k: number) => t.days[t.upTo.findIndex((n) => n > k)]!;

/**
 * The cohort of the last year in a phase (the accounts that first reached it
 * since `from`) and how long those that became customer (or a later phase)
 * took. won_at on the reach says when, so this is one range of the cohort
 * index, counted per distinct time to close.
 */
async function historyOf(db: Orm, s: Scope, phase: number, from: number) {
  const rows = await db.all<{ d: number | null; n: number }>(sql`
    select case when won_at < ${s.ref} then won_at - at end as d, count(*) as n from phase_reaches
    where team_id = ${s.teamId} and phase_idx = ${phase} and at >= ${from} and at < ${s.ref} and ${firstInPeriod({ from })}${ownerFilter(s, sql`owner_id`)}
    group by 1`);
  const closes = closeTimes(rows.filter((r) => r.d !== null).map((r) => ({ d: Number(r.d) / DAY_MS, n: Number(r.n) })));
  return { cohort: rows.reduce((n, r) => n + Number(r.n), 0), converted: total(closes), closes };
}

/**
 * The first distinct day that took longer than `waited` and, moved to
 * now + (days − waited), falls at or after `bound` (both hold from there on),
 * or days.length. A plain loop, no closures: it runs for every open quote.
 */
function firstFrom(t: CloseTimes, waited: number, ref: number, bound: number): number {
  let lo = 0;
  let hi = t.days.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const d = t.days[mid]!;
    if (d > waited && ref + (d - waited) * DAY_MS >= bound) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * For an open quote that has waited `waited` days: the closes of the past that
 * took longer, each moved to now + (days − waited), counted per month
 * [bounds[i], bounds[i+1]); `left` is how many took longer (none: it is due
 * now, in the first month). By binary search in the distinct days: a team's
 * year of closes times its open quotes is too many to walk one by one.
 */
export function closesPerMonth(t: CloseTimes, waited: number, ref: number, bounds: number[]): { counts: number[]; left: number } {
  const left = total(t) - before(t, firstFrom(t, waited, ref, Number.NEGATIVE_INFINITY));
  const counts: number[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    counts.push(left ? before(t, firstFrom(t, waited, ref, bounds[i + 1]!)) - before(t, firstFrom(t, waited, ref, bounds[i]!)) : Number(i === 0));
  }
  return { counts, left };
}

const monthKey = (t: number) => new Date(t).toISOString().slice(0, 7);
const monthStart = (t: number, plus: number) => {
  const d = new Date(t);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + plus, 1);
};

export async function forecast(db: Orm, s: Scope) {
  const from = s.ref - YEAR_MS;
  const history = new Map<PhaseId, { cohort: number; converted: number; rate: number | null; low: number; high: number; closes: CloseTimes }>();
  for (const phase of PIPELINE_PHASES) {
    // one pass gives both: the cohort of the last year, who of it became customer, and how long that took
    const c = await historyOf(db, s, phaseIndex(phase), from);
    history.set(phase, { ...c, rate: rate(c.converted, c.cohort), ...wilson(c.converted, c.cohort) });
  }
  // the open quotes off the covering quotes index (the wide account rows stay on disk), as one JSON array:
  // a large team has tens of thousands, and the client builds an object per row, ten times slower
  const packed = await db.get<{ json: string | null }>(sql`
    select json_group_array(json_array(phase, phase_since, latest_quote_amount, coalesce(latest_quote_currency, 'EUR'))) as json
    from accounts indexed by accounts_team_quotes
    where team_id = ${s.teamId} and ${inPhases(sql`phase`, PIPELINE_PHASES)} and archived_at is null and latest_quote_amount is not null${ownerFilter(s, sql`owner_id`)}`);
  const open = (JSON.parse(packed?.json ?? '[]') as [PhaseId, number, number, string][]).map(([phase, since, amount, currency]) => ({
    phase,
    since,
    amount,
    currency,
  }));
  const months = Array.from({ length: MONTHS }, (_, i) => monthKey(monthStart(s.ref, i)));
  const bounds = Array.from({ length: MONTHS + 1 }, (_, i) => monthStart(s.ref, i));
  const byCurrency = new Map<string, { month: string; expected: number; low: number; high: number }[]>();
  let counted = 0;
  for (const a of open) {
    const h = history.get(a.phase);
    if (!h || h.rate === null || !h.converted) continue;
    counted++;
    const waited = (s.ref - a.since) / DAY_MS;
    const { counts, left } = closesPerMonth(h.closes, waited, s.ref, bounds);
    const rows = byCurrency.get(a.currency) ?? months.map((month) => ({ month, expected: 0, low: 0, high: 0 }));
    const share = a.amount / Math.max(1, left);
    for (const [i, row] of rows.entries()) {
      row.expected += counts[i]! * share * h.rate;
      row.low += counts[i]! * share * h.low;
      row.high += counts[i]! * share * h.high;
    }
    byCurrency.set(a.currency, rows);
  }
  return {
    months,
    openQuotes: open.length,
    counted,
    byCurrency: [...byCurrency].map(([currency, rows]) => ({
      currency,
      rows: rows.map((r) => ({ ...r, expected: Math.round(r.expected), low: Math.round(r.low), high: Math.round(r.high) })),
    })),
    basis: PIPELINE_PHASES.map((phase) => {
      const h = history.get(phase)!;
      return {
        phase,
        cohort: h.cohort,
        converted: h.converted,
        rate: h.rate,
        medianDaysToClose: h.converted ? Math.round(nth(h.closes, Math.floor((h.converted - 1) / 2))) : null,
      };
    }),
  };
}
