/** The whole dashboard's figures for one period, team and (optionally) account manager. */
import { asc, eq } from 'drizzle-orm';
import type { Orm } from '../../db/client';
import { users } from '../../db/schema';
import type { Actor } from '../actor';
import { activity } from './activity';
import { coverage } from './coverage';
import { funnel } from './funnel';
import { pipeline, relationshipHealth } from './health';
import { scopeFor, type ReportInput } from './scope';
import { staleAccounts, staleRule, staleThresholds, timeInPhase, velocity } from './time-in-phase';
import { accountsPass } from './accounts-pass';
import { leaks } from './leaks';
import { waitingSince } from './waiting';
import { forecast } from './forecast';
import { selections } from './selections';
import { conversionByRep } from './by-rep';
import type { PhaseId } from '../../../shared/phases';

export async function dashboard(db: Orm, actor: Actor, input: ReportInput, now = Date.now()) {
  const s = scopeFor(actor, input, now);
  const managers =
    actor.role === 'rep'
      ? []
      : await db.select({ id: users.id, name: users.name }).from(users).where(eq(users.teamId, actor.teamId)).orderBy(asc(users.name)).all();
  const f = await funnel(db, s);
  const thresholds = await staleThresholds(db, s);
  const pass = await accountsPass(db, s, { stale: staleRule(s, thresholds), waitingSince: waitingSince(s, thresholds) });
  const openByPhase = new Map<PhaseId, number>();
  for (const r of pass) openByPhase.set(r.phase, (openByPhase.get(r.phase) ?? 0) + r.accounts);
  return {
    period: { from: s.from, to: s.to },
    ownerId: s.ownerId,
    managers,
    funnel: f.phases,
    winRate: f.winRate,
    timeInPhase: await timeInPhase(db, s, openByPhase),
    velocity: await velocity(db, s),
    pipeline: await pipeline(db, s),
    activity: await activity(db, s),
    coverage: await coverage(db, s, pass),
    stale: await staleAccounts(
      db,
      s,
      thresholds,
      pass.reduce((n, r) => n + r.stale, 0),
    ),
    health: await relationshipHealth(db, s),
    leaks: await leaks(db, s, thresholds, f.phases, pass),
    forecast: await forecast(db, s),
    selections: await selections(db, s),
    // managers compare reps; a rep sees only their own figures
    byRep: actor.role === 'rep' ? [] : await conversionByRep(db, s, f.perOwner),
  };
}
export type Dashboard = Awaited<ReturnType<typeof dashboard>>;
