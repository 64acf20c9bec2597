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
import { staleAccounts, timeInPhase, velocity } from './time-in-phase';

export async function dashboard(db: Orm, actor: Actor, input: ReportInput, now = Date.now()) {
  const s = scopeFor(actor, input, now);
  const managers =
    actor.role === 'rep'
      ? []
      : await db.select({ id: users.id, name: users.name }).from(users).where(eq(users.teamId, actor.teamId)).orderBy(asc(users.name)).all();
  const f = await funnel(db, s);
  return {
    period: { from: s.from, to: s.to },
    ownerId: s.ownerId,
    managers,
    funnel: f.phases,
    winRate: f.winRate,
    timeInPhase: await timeInPhase(db, s),
    velocity: await velocity(db, s),
    pipeline: await pipeline(db, s),
    activity: await activity(db, s),
    coverage: await coverage(db, s),
    stale: await staleAccounts(db, s),
    health: await relationshipHealth(db, s),
  };
}
export type Dashboard = Awaited<ReturnType<typeof dashboard>>;
