/**
 * One pass over the team's accounts (an index-only scan) that every
 * account-based figure shares: open stays per phase, checklist gaps,
 * recent activity per account manager, the stale count, and how many have
 * waited in their phase longer than it usually takes (leaks.ts).
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Orm } from '../../db/client';
import type { PhaseId } from '../../../shared/phases';
import { DAY_MS, ownerFilter, type Scope } from './scope';

const RECENT_MS = 14 * DAY_MS;

export interface AccountsPassRow {
  phase: PhaseId;
  ownerId: string | null;
  accounts: number;
  gaps: number;
  recent: number;
  stale: number;
  waiting: number;
}

/** `stale` and `waiting`: SQL that is 1 for such an account (alias `a`). */
export async function accountsPass(db: Orm, s: Scope, is: { stale: SQL; waiting: SQL }): Promise<AccountsPassRow[]> {
  const rows = await db.all<AccountsPassRow>(sql`
    select a.phase as phase, a.owner_id as ownerId, count(*) as accounts, sum(coalesce(a.checklist_gaps, 0)) as gaps,
           sum(coalesce(a.last_activity_at, 0) >= ${s.ref - RECENT_MS}) as recent, sum(${is.stale}) as stale, sum(${is.waiting}) as waiting
    from accounts a indexed by accounts_team_phase_owner
    where a.team_id = ${s.teamId} and a.archived_at is null and a.created_at <= ${s.ref} and a.phase_since <= ${s.ref}${ownerFilter(s, sql`a.owner_id`)}
    group by a.phase, a.owner_id`);
  return rows.map((r) => ({
    ...r,
    accounts: Number(r.accounts),
    gaps: Number(r.gaps),
    recent: Number(r.recent),
    stale: Number(r.stale),
    waiting: Number(r.waiting),
  }));
}
