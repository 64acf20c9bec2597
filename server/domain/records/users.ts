/** User rows: what a user set for logging, read on every thread the sidebar logs or considers logging. */
import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { users } from '../../db/schema';
import { prepared } from '../../db/prepared';
import type { Actor } from '../actor';

/** The user's never-log list and automatic logging switch (undefined for a user not in the actor's team). */
export const loggingSettings = (tx: Tx, actor: Actor) =>
  prepared(tx, 'users.logging', (d) =>
    d
      .select({ neverLog: users.neverLog, autoLog: users.autoLog })
      .from(users)
      .where(and(eq(users.id, sql.placeholder('userId')), eq(users.teamId, sql.placeholder('teamId')))),
  ).get({ userId: actor.userId, teamId: actor.teamId });
