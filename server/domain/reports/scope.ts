/** Who and what a report covers: a period, a team, and optionally one account manager. */
import { sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../actor';
import { DomainError } from '../errors';
import { DAY_MS, PHASE_IDS } from '../../../shared/phases';

export interface ReportInput {
  from: number;
  to: number;
  ownerId?: string;
}

export interface Scope {
  teamId: string;
  from: number;
  to: number;
  /** the moment "now" stands for: ages and recency are measured at the period's end */
  ref: number;
  ownerId: string | null;
}

export { DAY_MS };

/** `phase_idx` in every phase: a list the indexes (team, phase, …) seek through one by one, in phase order */
export const everyPhase = sql`phase_idx in (${sql.raw(PHASE_IDS.map((_, i) => i).join(', '))})`;

/** A share, or null when there is nothing to share out. */
export const rate = (part: number, whole: number) => (whole ? part / whole : null);

const MAX_PERIOD_MS = 5 * 366 * DAY_MS;

/** A rep sees their own figures; a manager or admin the whole team's, or one account manager's. */
export function scopeFor(actor: Actor, input: ReportInput, now = Date.now()): Scope {
  if (!(input.from < input.to)) throw new DomainError('BAD_REQUEST', 'The period must end after it starts');
  if (input.to - input.from > MAX_PERIOD_MS) throw new DomainError('BAD_REQUEST', 'A period can be at most five years');
  const ownerId = actor.role === 'rep' ? actor.userId : (input.ownerId ?? null);
  return { teamId: actor.teamId, from: input.from, to: input.to, ref: Math.min(input.to, now), ownerId };
}

/** `and <column> = owner` when the report is for one account manager. */
export const ownerFilter = (s: Pick<Scope, 'ownerId'>, column: SQL) => (s.ownerId ? sql` and ${column} = ${s.ownerId}` : sql``);

/** Nearest-rank percentile of sorted values: the value at rank ceil(q·n). */
export function percentile(sorted: number[], q: number): number | null {
  if (!sorted.length) return null;
  return sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)]!;
}

export const days = (ms: number | null) => (ms === null ? null : Math.round((ms / DAY_MS) * 10) / 10);

/** `<column> in (…)` for a group from shared/phases.ts (phases, activity types): SQL derived from the model, never typed out. */
export const oneOf = (column: SQL, phases: readonly string[]) =>
  sql`${column} in (${sql.join(
    phases.map((p) => sql`${p}`),
    sql`, `,
  )})`;

/**
 * [t1, t2) (t2 may be Infinity) as whole UTC days [a, b) that day counts kept on write serve, and the
 * parts of a day outside them that must be read from the rows themselves.
 */
export function dayParts(t1: number, t2: number): { days: [number, number] | null; parts: [number, number][] } {
  const a = Math.ceil(t1 / DAY_MS);
  const b = Number.isFinite(t2) ? Math.floor(t2 / DAY_MS) : Number.POSITIVE_INFINITY;
  if (a > b) return { days: null, parts: [[t1, t2]] };
  const parts: [number, number][] = [[t1, a * DAY_MS]];
  if (Number.isFinite(b)) parts.push([b * DAY_MS, t2]);
  return { days: a < b ? [a, b] : null, parts: parts.filter(([x, y]) => x < y) };
}

/** SQL: `case a.phase when <phase> then <value> … end` over the given phases (null for the others). */
export const byPhase = <P extends string>(phases: readonly P[], value: (phase: P) => number) =>
  phases.length
    ? sql`case a.phase ${sql.join(
        phases.map((p) => sql`when ${p} then ${value(p)}`),
        sql` `,
      )} end`
    : sql`null`;
