/**
 * Expected revenue per month for this month and the next two, from the
 * team's own history instead of hand-set stage probabilities: each open
 * quote (an account in negotiation or closing) counts with the measured
 * share of accounts in its phase that became customer over the last 12
 * months, spread over the months in which those customers closed, given how
 * long this account has waited already. The range is the 80 % interval of
 * that measured share (Wilson), so a small history shows a wide range.
 */
import { and, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import { sql } from 'drizzle-orm';
import type { Orm } from '../../db/client';
import { accounts } from '../../db/schema';
import { CUSTOMER_PHASE, PIPELINE_PHASES, phaseIndex, type PhaseId } from '../../../shared/phases';
import { firstInPeriod } from './funnel';
import { DAY_MS, ownerFilter, rate, type Scope } from './scope';

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

/**
 * Per account that first reached the phase since `from`: days until it became
 * customer (or a later phase), null if it has not (yet).
 */
async function daysToClose(db: Orm, s: Scope, phase: number, from: number): Promise<(number | null)[]> {
  const rows = await db.all<{ d: number | null }>(sql`
    select (select min(r2.at) from phase_reaches r2 where r2.account_id = c.account_id and r2.phase_idx >= ${phaseIndex(CUSTOMER_PHASE)} and r2.at >= c.first_at and r2.at < ${s.ref}) - c.first_at as d
    from (select account_id, at as first_at from phase_reaches
          where team_id = ${s.teamId} and phase_idx = ${phase} and at >= ${from} and at < ${s.ref} and ${firstInPeriod({ from })}${ownerFilter(s, sql`owner_id`)}) c`);
  return rows.map((r) => (r.d === null ? null : Number(r.d) / DAY_MS));
}

/** The first index in ascending `xs` where `ok` holds (it holds from there on), or xs.length. */
function firstIndex(xs: number[], ok: (x: number) => boolean): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ok(xs[mid]!)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * For an open quote that has waited `waited` days: the closes of the past that
 * took longer, each moved to now + (days − waited), counted per month
 * [bounds[i], bounds[i+1]); `left` is how many took longer (none: it is due
 * now, in the first month). By binary search in the sorted days: a team's
 * year of closes times its open quotes is too many to walk one by one.
 */
export function closesPerMonth(sortedDays: number[], waited: number, ref: number, bounds: number[]): { counts: number[]; left: number } {
  const closeAt = (d: number) => ref + (d - waited) * DAY_MS;
  const later = firstIndex(sortedDays, (d) => d > waited);
  const left = sortedDays.length - later;
  const from = (bound: number) =>
    Math.max(
      later,
      firstIndex(sortedDays, (d) => d > waited && closeAt(d) >= bound),
    );
  const counts = bounds.slice(0, -1).map((b, i) => (left ? from(bounds[i + 1]!) - from(b) : Number(i === 0)));
  return { counts, left };
}

const monthKey = (t: number) => new Date(t).toISOString().slice(0, 7);
const monthStart = (t: number, plus: number) => {
  const d = new Date(t);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + plus, 1);
};

export async function forecast(db: Orm, s: Scope) {
  const from = s.ref - YEAR_MS;
  const history = new Map<PhaseId, { cohort: number; converted: number; rate: number | null; low: number; high: number; days: number[] }>();
  for (const phase of PIPELINE_PHASES) {
    // one pass gives both: the cohort of the last year, who of it became customer, and how long that took
    const all = await daysToClose(db, s, phaseIndex(phase), from);
    const days = all.filter((d): d is number => d !== null).sort((x, y) => x - y);
    const c = { cohort: all.length, converted: days.length };
    history.set(phase, { ...c, rate: rate(c.converted, c.cohort), ...wilson(c.converted, c.cohort), days });
  }
  const open = await db
    .select({ id: accounts.id, phase: accounts.phase, since: accounts.phaseSince, amount: accounts.latestQuoteAmount, currency: accounts.latestQuoteCurrency })
    .from(accounts)
    .where(
      and(
        eq(accounts.teamId, s.teamId),
        inArray(accounts.phase, [...PIPELINE_PHASES]),
        isNull(accounts.archivedAt),
        isNotNull(accounts.latestQuoteAmount),
        ...(s.ownerId ? [eq(accounts.ownerId, s.ownerId)] : []),
      ),
    )
    .all();
  const months = Array.from({ length: MONTHS }, (_, i) => monthKey(monthStart(s.ref, i)));
  const bounds = Array.from({ length: MONTHS + 1 }, (_, i) => monthStart(s.ref, i));
  const byCurrency = new Map<string, { month: string; expected: number; low: number; high: number }[]>();
  let counted = 0;
  for (const a of open) {
    const h = history.get(a.phase);
    if (!h || h.rate === null || !h.days.length) continue;
    counted++;
    const waited = (s.ref - a.since) / DAY_MS;
    const { counts, left } = closesPerMonth(h.days, waited, s.ref, bounds);
    const rows = byCurrency.get(a.currency ?? 'EUR') ?? months.map((month) => ({ month, expected: 0, low: 0, high: 0 }));
    const share = a.amount! / Math.max(1, left);
    for (const [i, row] of rows.entries()) {
      row.expected += counts[i]! * share * h.rate;
      row.low += counts[i]! * share * h.low;
      row.high += counts[i]! * share * h.high;
    }
    byCurrency.set(a.currency ?? 'EUR', rows);
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
        medianDaysToClose: h.days.length ? Math.round(h.days[Math.floor((h.days.length - 1) / 2)]!) : null,
      };
    }),
  };
}
