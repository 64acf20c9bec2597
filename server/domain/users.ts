/** An admin's management of the team's users: invite (a one-time token), revoke, change role. */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { apiTokens, teams, users } from '../db/schema';
import type { UserRole } from '../../shared/phases';
import type { Actor } from './actor';
import { createUser, revokeTokens } from './auth';
import { DomainError, notFound } from './errors';
import { requireRole } from './roles';

export async function teamUsers(db: Db, actor: Actor) {
  requireRole(actor, 'admin', 'manage users');
  return db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      activeTokens: sql<number>`count(${apiTokens.id}) filter (where ${apiTokens.revokedAt} is null)`,
      lastUsedAt: sql<number | null>`max(${apiTokens.lastUsedAt})`,
    })
    .from(users)
    .leftJoin(apiTokens, eq(apiTokens.userId, users.id))
    .where(eq(users.teamId, actor.teamId))
    .groupBy(users.id)
    .orderBy(asc(users.name))
    .all();
}

/** A new user of the admin's team (or a new token for one), with a token shown once. */
export async function inviteUser(db: Db, actor: Actor, input: { email: string; name: string; role: UserRole }) {
  requireRole(actor, 'admin', 'manage users');
  const team = await db.query.teams.findFirst({ where: eq(teams.id, actor.teamId) });
  if (!team) throw notFound('Team');
  const made = await createUser(db, { ...input, team: team.name });
  return { email: made.email, role: made.role, token: made.token };
}

async function teamUser(db: Db, actor: Actor, email: string) {
  const user = await db.query.users.findFirst({ where: and(eq(users.email, email.toLowerCase()), eq(users.teamId, actor.teamId)) });
  if (!user) throw notFound('User');
  return user;
}

export async function revokeUser(db: Db, actor: Actor, input: { email: string }) {
  requireRole(actor, 'admin', 'manage users');
  await teamUser(db, actor, input.email);
  return { revoked: await revokeTokens(db, { email: input.email }) };
}

export async function setUserRole(db: Db, actor: Actor, input: { email: string; role: UserRole }) {
  requireRole(actor, 'admin', 'manage users');
  const user = await teamUser(db, actor, input.email);
  if (user.id === actor.userId && input.role !== 'admin') {
    // a team without an admin could never manage its users again
    const admins = await db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.teamId, actor.teamId), eq(users.role, 'admin')))
      .all();
    if (admins.length <= 1) throw new DomainError('CONFLICT', 'You are the only admin of this team: make someone else admin first');
  }
  await db.write((tx) => tx.update(users).set({ role: input.role }).where(eq(users.id, user.id)));
  return { email: user.email, role: input.role };
}

/** Sets a role by team and e-mail, for the CLI. */
export async function setRoleByTeam(db: Db, teamName: string, email: string, role: UserRole) {
  const row = await db
    .select({ id: users.id })
    .from(users)
    .innerJoin(teams, eq(teams.id, users.teamId))
    .where(and(eq(teams.name, teamName), eq(users.email, email.toLowerCase())))
    .get();
  if (!row) throw new DomainError('NOT_FOUND', `No user ${email} in team ${teamName}`);
  await db.write((tx) => tx.update(users).set({ role }).where(eq(users.id, row.id)));
  return { email: email.toLowerCase(), role };
}
