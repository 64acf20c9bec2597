/**
 * The account-based figures every part of the dashboard shares, per phase and
 * account manager: open accounts (created and in their phase by the report's
 * moment), their checklist gaps, how many had activity in the last 14 days,
 * how many are stale, and how many have waited in their phase longer than it
 * usually takes (leaks.ts).
 *
 * Without reading every account: the totals come from account_counts (kept
 * on write), the time-bound figures from their complements, which are recent
 * and so few — accounts active lately, accounts young in their phase — each
 * one index range. Accounts created or moved after the report's moment (none
 * for a period ending now) are read and taken off.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Orm } from '../../db/client';
import { PHASE_IDS, type PhaseId } from '../../../shared/phases';
import { DAY_MS, oneOf, ownerFilter, type Scope } from './scope';
import { staleCutSql, staleRuleSql, type StaleRule } from './time-in-phase';
import { waitingSql } from './waiting';

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

export interface PassRules {
  stale: StaleRule;
  /** per phase: in it since before this has waited too long */
  waitingSince: Map<PhaseId, number>;
}

type Figures = Omit<AccountsPassRow, 'phase' | 'ownerId'>;
type Part = Partial<Figures> & { phase: PhaseId; ownerId: string | null };
const FIGURES = ['accounts', 'gaps', 'recent', 'stale', 'waiting'] as const;

export async function accountsPass(db: Orm, s: Scope, rules: PassRules): Promise<AccountsPassRow[]> {
  const owner = (column: SQL) => ownerFilter(s, column);
  const open = sql`a.team_id = ${s.teamId} and a.archived_at is null${owner(sql`a.owner_id`)}`;
  const recentSince = s.ref - RECENT_MS;
  /** SQL that is 1 for an account not stale by its stay: its phase has no cut, or it came in since */
  const freshStay = sql`not coalesce(a.phase_since < ${staleCutSql(rules.stale)}, 0)`;

  // every open account, from the counts kept on write
  const totals = await db.all<Part>(sql`
    select phase, nullif(owner_id, '') as ownerId, sum(accounts) as accounts, sum(gaps) as gaps from account_counts
    where team_id = ${s.teamId}${owner(sql`owner_id`)} group by phase, owner_id`);
  // the active lately: recent, and (with a stay that is not stale) not stale
  const active = await db.all<Part & { fresh: number }>(sql`
    select a.phase as phase, a.owner_id as ownerId, sum(a.last_activity_at >= ${recentSince}) as recent,
           sum(a.last_activity_at >= ${rules.stale.quietSince} and ${freshStay}) as fresh
    from accounts a indexed by accounts_team_last_activity
    where ${open} and a.last_activity_at >= ${Math.min(recentSince, rules.stale.quietSince)}
    group by a.phase, a.owner_id`);
  // without any activity, an account is quiet since its creation
  const created = await db.all<Part & { fresh: number }>(sql`
    select a.phase as phase, a.owner_id as ownerId, sum(${freshStay}) as fresh from accounts a indexed by accounts_team_created
    where ${open} and a.created_at >= ${rules.stale.quietSince} and a.last_activity_at is null
    group by a.phase, a.owner_id`);
  // the young in their phase have not waited too long: one range per phase
  const young = await db.all<Part & { n: number }>(sql`
    select a.phase as phase, a.owner_id as ownerId, count(*) as n
    from json_each(${JSON.stringify([...rules.waitingSince])}) c cross join accounts a indexed by accounts_team_phase_since
    where a.team_id = ${s.teamId} and a.phase = c.value ->> 0 and a.phase_since >= c.value ->> 1 and a.archived_at is null${owner(sql`a.owner_id`)}
    group by a.phase, a.owner_id`);
  // accounts that came in, or into their phase, after the report's moment: each figure of theirs is taken off
  const figures = sql`a.phase as phase, a.owner_id as ownerId, count(*) as accounts, sum(coalesce(a.checklist_gaps, 0)) as gaps,
    sum(coalesce(a.last_activity_at, 0) >= ${recentSince}) as recent, sum(${staleRuleSql(rules.stale)}) as stale, sum(${waitingSql(rules.waitingSince)}) as waiting`;
  const later = [
    ...(await db.all<Part>(sql`
      select ${figures} from accounts a indexed by accounts_team_created where ${open} and a.created_at > ${s.ref} group by a.phase, a.owner_id`)),
    ...(await db.all<Part>(sql`
      select ${figures} from accounts a indexed by accounts_team_phase_since
      where a.team_id = ${s.teamId} and ${oneOf(sql`a.phase`, PHASE_IDS)} and a.phase_since > ${s.ref} and a.created_at <= ${s.ref} and a.archived_at is null${owner(sql`a.owner_id`)}
      group by a.phase, a.owner_id`)),
  ];

  const rows = new Map<string, AccountsPassRow & { fresh: number; young: number }>();
  const row = (p: Part) => {
    const key = `${p.phase}\u0000${p.ownerId ?? ''}`;
    let r = rows.get(key);
    if (!r) rows.set(key, (r = { phase: p.phase, ownerId: p.ownerId ?? null, accounts: 0, gaps: 0, recent: 0, stale: 0, waiting: 0, fresh: 0, young: 0 }));
    return r;
  };
  for (const t of totals) Object.assign(row(t), { accounts: Number(t.accounts), gaps: Number(t.gaps) });
  for (const a of active) {
    row(a).recent += Number(a.recent);
    row(a).fresh += Number(a.fresh);
  }
  for (const c of created) row(c).fresh += Number(c.fresh);
  for (const y of young) row(y).young += Number(y.n);
  for (const r of rows.values()) {
    r.stale = r.accounts - r.fresh;
    r.waiting = r.accounts - r.young;
  }
  for (const l of later) for (const f of FIGURES) row(l)[f] -= Number(l[f] ?? 0);
  return [...rows.values()]
    .filter((r) => r.accounts > 0)
    .sort((a, b) => cmp(a.phase, b.phase) || cmp(a.ownerId ?? '', b.ownerId ?? ''))
    .map(({ fresh: _f, young: _y, ...r }) => r);
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
