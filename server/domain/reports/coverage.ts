/**
 * Logging coverage, the "garbage in" figure: accounts in phases 2 to 5 with
 * an activity in the last 14 days (overall and per account manager), phase
 * changes backed by an evidence activity, and checklist completeness.
 */
import { inArray, sql } from 'drizzle-orm';
import type { Orm } from '../../db/client';
import { users } from '../../db/schema';
import { PHASES, type PhaseId, ACTIVE_PHASES } from '../../../shared/phases';
import { ownerFilter, rate, type Scope } from './scope';
import type { AccountsPassRow } from './accounts-pass';

/** checklist items an account in this phase should have filled in */
const itemsOf = (phase: PhaseId) => CHECKLIST_LENGTH.get(phase) ?? 0;
const CHECKLIST_LENGTH = new Map(PHASES.map((p) => [p.id, p.checklist.length]));

/**
 * The garbage-in meter over some of the accounts: the share of checklist
 * items filled in for their phase, and (phases 2 to 5) the share logged in
 * the last 14 days.
 */
function meter(rows: AccountsPassRow[]) {
  const active = rows.filter((r) => ACTIVE_PHASES.includes(r.phase));
  const items = rows.reduce((n, r) => n + r.accounts * itemsOf(r.phase), 0);
  const gaps = rows.reduce((n, r) => n + r.gaps, 0);
  const eligible = active.reduce((n, r) => n + r.accounts, 0);
  const covered = active.reduce((n, r) => n + r.recent, 0);
  return {
    accounts: rows.reduce((n, r) => n + r.accounts, 0),
    eligible,
    covered,
    rate: rate(covered, eligible),
    checklistItems: items,
    completeness: rate(items - gaps, items),
  };
}
export async function coverage(db: Orm, s: Scope, pass: AccountsPassRow[]) {
  const owners = new Map<string | null, AccountsPassRow[]>();
  for (const r of pass) owners.set(r.ownerId, [...(owners.get(r.ownerId) ?? []), r]);
  const ids = [...owners.keys()].filter((k): k is string => k !== null);
  const names = new Map(
    ids.length ? (await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, ids)).all()).map((u) => [u.id, u.name]) : [],
  );
  const all = meter(pass);

  // the team: one range of the (team, at) index. One manager: from their accounts to each one's changes
  // (CROSS JOIN keeps that order), not every team change to its account.
  const evidence = await db.get<{ changes: number; backed: number }>(
    s.ownerId
      ? sql`
    select count(pc.account_id) as changes, count(pc.evidence_activity_id) as backed
    from accounts a cross join phase_changes pc on pc.account_id = a.id and pc.at >= ${s.from} and pc.at < ${s.to}
    where a.team_id = ${s.teamId}${ownerFilter(s, sql`a.owner_id`)}`
      : sql`
    select count(*) as changes, count(pc.evidence_activity_id) as backed
    from phase_changes pc where pc.team_id = ${s.teamId} and pc.at >= ${s.from} and pc.at < ${s.to}`,
  );

  return {
    recentActivity: { eligible: all.eligible, covered: all.covered, rate: all.rate },
    // per account manager: the same meter over their own accounts
    byOwner: [...owners.entries()].map(([ownerId, rows]) => ({ ownerId, name: (ownerId && names.get(ownerId)) || '', ...meter(rows) })),
    evidence: {
      changes: Number(evidence?.changes ?? 0),
      backed: Number(evidence?.backed ?? 0),
      rate: rate(Number(evidence?.backed ?? 0), Number(evidence?.changes ?? 0)),
    },
    // per phase: checklist completeness, and for phases 2 to 5 the share logged recently
    checklist: PHASES.map((phase) => {
      const m = meter(pass.filter((r) => r.phase === phase.id));
      return { phase: phase.id, accounts: m.accounts, completeness: m.completeness, logged: ACTIVE_PHASES.includes(phase.id) ? m.rate : null };
    }),
  };
}
