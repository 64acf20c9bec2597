/**
 * Expected revenue per month for this month and the next two, from the
 * team's own history instead of hand-set stage probabilities: each open
 * quote (an account in negotiation or closing) counts with the measured
 * share of accounts in its phase that became customer over the last 12
 * months, spread over the months in which those customers closed, given how
 * long this account has waited already. The range is the 80 % interval of
 * that measured share (Wilson), so a small history shows a wide range.
 */
import type { Orm } from '../../db/client';
import { PIPELINE_PHASES, phaseIndex, type PhaseId } from '../../../shared/phases';
import { forecastHistory } from './forecast-history';
import { quotesPerRange } from './forecast-quotes';
import { DAY_MS, rate, type Scope } from './scope';

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

/** Times to close in milliseconds, distinct and ascending, with how many closes took at most each (`upTo`). */
export interface CloseTimes {
  ms: number[];
  upTo: number[];
}

/** From (time to close, how many) pairs in any order. */
export function closeTimes(counted: { ms: number; n: number }[]): CloseTimes {
  const sorted = [...counted].sort((a, b) => a.ms - b.ms);
  const ms: number[] = [];
  const upTo: number[] = [];
  for (const c of sorted) {
    if (ms.length && ms[ms.length - 1] === c.ms) upTo[upTo.length - 1]! += c.n;
    else {
      ms.push(c.ms);
      upTo.push((upTo[upTo.length - 1] ?? 0) + c.n);
    }
  }
  return { ms, upTo };
}

const total = (t: CloseTimes) => t.upTo[t.upTo.length - 1] ?? 0;
/** how many closes come before distinct time i */
const before = (t: CloseTimes, i: number) => (i ? t.upTo[i - 1]! : 0);
/** The k-th (from 0) of all closes in ascending order. */
const nth = (t: CloseTimes, k: number) => t.ms[t.upTo.findIndex((n) => n > k)]!;

/**
 * The first distinct time to close longer than the quote has waited (now −
 * `since`) that, counted from `since`, ends at or after `bound` (both hold
 * from there on), or ms.length. In whole milliseconds: exact.
 */
function firstFrom(t: CloseTimes, since: number, ref: number, bound: number): number {
  let lo = 0;
  let hi = t.ms.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const d = t.ms[mid]!;
    if (d > ref - since && since + d >= bound) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * For an open quote in its phase since `since`: the closes of the past that
 * took longer than it has waited, each moved to `since` + its time to close,
 * counted per month [bounds[i], bounds[i+1]); `left` is how many took longer
 * (none: it is due now, in the first month). By binary search in the distinct
 * times: a team's year of closes times its open quotes is too many to walk.
 */
export function closesPerMonth(t: CloseTimes, since: number, ref: number, bounds: number[]): { counts: number[]; left: number } {
  const left = total(t) - before(t, firstFrom(t, since, ref, Number.NEGATIVE_INFINITY));
  const counts: number[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    counts.push(left ? before(t, firstFrom(t, since, ref, bounds[i + 1]!)) - before(t, firstFrom(t, since, ref, bounds[i]!)) : Number(i === 0));
  }
  return { counts, left };
}

const FAR = Number.MAX_SAFE_INTEGER;

/**
 * The ranges of `since` [lo, hi) over which closesPerMonth gives one answer:
 * its every comparison is `since` ≥ some cut (ref − d + 1 for "took longer",
 * bound − d for "ends at or after bound"), so between consecutive cuts
 * nothing changes. The open quotes are summed per range in SQL, however many.
 */
export function sinceRanges(t: CloseTimes, ref: number, bounds: number[]): [number, number][] {
  const cuts = new Set<number>();
  for (const d of t.ms) {
    cuts.add(ref - d + 1);
    for (const b of bounds) cuts.add(b - d);
  }
  const edges = [-FAR, ...[...cuts].sort((x, y) => x - y), FAR];
  return edges.slice(0, -1).map((lo, i) => [lo, edges[i + 1]!]);
}

/** A `since` inside [lo, hi) that stands for all of it. */
export const within = ([lo, hi]: [number, number]) => (lo > -FAR ? lo : hi < FAR ? hi - 1 : 0);

const monthKey = (t: number) => new Date(t).toISOString().slice(0, 7);
const monthStart = (t: number, plus: number) => {
  const d = new Date(t);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + plus, 1);
};

export async function forecast(db: Orm, s: Scope) {
  const from = s.ref - YEAR_MS;
  const history = new Map<PhaseId, { cohort: number; converted: number; rate: number | null; low: number; high: number; closes: CloseTimes }>();
  // the cohort of the last year in each phase, who of it became customer (or a later phase), and how long that took
  const years = await forecastHistory(db, s, from);
  for (const phase of PIPELINE_PHASES) {
    const year = years.get(phaseIndex(phase))!;
    const closes = closeTimes([...year.closes].map(([ms, n]) => ({ ms, n })));
    const converted = total(closes);
    history.set(phase, { cohort: year.cohort, converted, closes, rate: rate(converted, year.cohort), ...wilson(converted, year.cohort) });
  }
  const months = Array.from({ length: MONTHS }, (_, i) => monthKey(monthStart(s.ref, i)));
  const bounds = Array.from({ length: MONTHS + 1 }, (_, i) => monthStart(s.ref, i));
  const byCurrency = new Map<string, { month: string; expected: number; low: number; high: number }[]>();
  let counted = 0;
  let openQuotes = 0;
  for (const phase of PIPELINE_PHASES) {
    const h = history.get(phase)!;
    const usable = h.rate !== null && h.converted > 0;
    const ranges = usable ? sinceRanges(h.closes, s.ref, bounds) : [[-FAR, FAR] as [number, number]];
    // the open quotes of the phase summed per range of `since` and currency: every quote of a range has the same prospects
    const sums = await quotesPerRange(db, s, phase, ranges);
    for (const g of sums) {
      openQuotes += g.quotes;
      if (!usable) continue;
      counted += g.quotes;
      const { counts, left } = closesPerMonth(h.closes, within(ranges[g.k]!), s.ref, bounds);
      const rows = byCurrency.get(g.currency) ?? months.map((month) => ({ month, expected: 0, low: 0, high: 0 }));
      // every quote in the range has the same counts and `left`: their amounts are summed first
      const share = g.amount / Math.max(1, left);
      for (const [i, row] of rows.entries()) {
        row.expected += counts[i]! * share * h.rate!;
        row.low += counts[i]! * share * h.low;
        row.high += counts[i]! * share * h.high;
      }
      byCurrency.set(g.currency, rows);
    }
  }
  return {
    months,
    openQuotes,
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
        medianDaysToClose: h.converted ? Math.round(nth(h.closes, Math.floor((h.converted - 1) / 2)) / DAY_MS) : null,
      };
    }),
  };
}
