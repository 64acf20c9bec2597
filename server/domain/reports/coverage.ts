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


export async function coverage(db: Orm, s: Scope, pass: AccountsPassRow[]) {
  const active = pass.filter((r) => ACTIVE_PHASES.includes(r.phase));
  const owners = new Map<string | null, { eligible: number; covered: number }>();
  for (const r of active) {
    const o = owners.get(r.ownerId) ?? { eligible: 0, covered: 0 };
    o.eligible += r.accounts;
    o.covered += r.recent;
    owners.set(r.ownerId, o);
  }
  const ids = [...owners.keys()].filter((k): k is string => k !== null);
  const names = new Map(
    ids.length ? (await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, ids)).all()).map((u) => [u.id, u.name]) : [],
  );
  const eligible = active.reduce((n, r) => n + r.accounts, 0);
  const covered = active.reduce((n, r) => n + r.recent, 0);

  const evidence = await db.get<{ changes: number; backed: number }>(sql`
    select count(*) as changes, count(pc.evidence_activity_id) as backed
    from phase_changes pc ${s.ownerId ? sql`join accounts a on a.id = pc.account_id` : sql``}
    where pc.team_id = ${s.teamId} and pc.at >= ${s.from} and pc.at < ${s.to}${ownerFilter(s, sql`a.owner_id`)}`);

  const checklist = PHASES.map((phase) => {
    const rows = pass.filter((r) => r.phase === phase.id);
    const n = rows.reduce((x, r) => x + r.accounts, 0);
    const gaps = rows.reduce((x, r) => x + r.gaps, 0);
    const items = n * phase.checklist.length;
    return { phase: phase.id, accounts: n, completeness: rate(items - gaps, items) };
  });

  return {
    recentActivity: { eligible, covered, rate: rate(covered, eligible) },
    byOwner: [...owners.entries()].map(([ownerId, o]) => ({ ownerId, name: (ownerId && names.get(ownerId)) || '', ...o, rate: rate(o.covered, o.eligible) })),
    evidence: { changes: Number(evidence?.changes ?? 0), backed: Number(evidence?.backed ?? 0), rate: rate(Number(evidence?.backed ?? 0), Number(evidence?.changes ?? 0)) },
    checklist,
  };
}
