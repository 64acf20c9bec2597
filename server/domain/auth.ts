/** Teams, users and API tokens. Tokens are shown once and stored only as a SHA-256 hash. */
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { prepared } from '../db/prepared';
import type { Db, Tx } from '../db/client';
import { apiTokens, teams, users } from '../db/schema';
import type { UserRole } from '../../shared/phases';
import { newId, type Actor } from './actor';
import { DomainError } from './errors';

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
const mintToken = () => `pcrm_${randomBytes(24).toString('base64url')}`;

/** Throttles the last-used write so that a busy token does not turn every read into a write. */
const LAST_USED_GRANULARITY_MS = 60_000;

export interface NewUser {
  email: string;
  name: string;
  team: string;
  role?: UserRole;
}

/** Creates the team (same name, same team) and the user, or finds them, and issues a new token. */
export const createUser = (db: Db, input: NewUser) => db.write((tx) => createUserIn(tx, input));

/**
 * On the first start with an empty database: the first team and its admin,
 * made in one write transaction, so that of two servers starting at once on
 * the same file exactly one makes (and prints) the "shown once" token.
 */
export const createFirstAdmin = (db: Db, input: NewUser) =>
  db.write(async (tx) => ((await tx.select({ id: teams.id }).from(teams).limit(1).all()).length ? null : createUserIn(tx, input)));

async function createUserIn(tx: Tx, input: NewUser) {
  const email = input.email.trim().toLowerCase();
  let team = await tx.query.teams.findFirst({ where: eq(teams.name, input.team.trim()) });
  if (!team) {
    [team] = await tx.insert(teams).values({ id: newId(), name: input.team.trim() }).returning();
  }
  let user = await tx.query.users.findFirst({ where: eq(users.email, email) });
  if (user && user.teamId !== team!.id) {
    throw new DomainError('CONFLICT', `${email} already belongs to another team`);
  }
  if (!user) {
    [user] = await tx
      .insert(users)
      .values({ id: newId(), teamId: team!.id, email, name: input.name.trim(), role: input.role ?? 'rep' })
      .returning();
  }
  const token = mintToken();
  const tokenId = newId();
  await tx.insert(apiTokens).values({ id: tokenId, userId: user!.id, teamId: team!.id, tokenHash: hashToken(token) });
  return { token, tokenId, userId: user!.id, teamId: team!.id, team: team!.name, email, role: user!.role };
}

export async function authenticate(db: Db, token: string, now = Date.now()): Promise<Actor | null> {
  if (!token || token.length > 200) return null;
  // every request asks this: built once per process (db/prepared.ts)
  const row = await prepared(db, 'auth.token', (d) =>
    d
      .select({ id: apiTokens.id, userId: users.id, teamId: users.teamId, role: users.role, lastUsedAt: apiTokens.lastUsedAt })
      .from(apiTokens)
      .innerJoin(users, eq(users.id, apiTokens.userId))
      .where(and(eq(apiTokens.tokenHash, sql.placeholder('hash')), isNull(apiTokens.revokedAt))),
  ).get({ hash: hashToken(token) });
  if (!row) return null;
  if (!row.lastUsedAt || now - row.lastUsedAt > LAST_USED_GRANULARITY_MS) {
    // bookkeeping only: a read never waits on it, and a busy database skips it until the next minute
    await db.tryWrite((tx) => tx.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.id)));
  }
  return { userId: row.userId, teamId: row.teamId, role: row.role };
}

export async function listUsers(db: Db, teamName?: string) {
  const rows = await db
    .select({
      email: users.email,
      name: users.name,
      role: users.role,
      team: teams.name,
      tokenId: apiTokens.id,
      lastUsedAt: apiTokens.lastUsedAt,
      revokedAt: apiTokens.revokedAt,
    })
    .from(users)
    .innerJoin(teams, eq(teams.id, users.teamId))
    .leftJoin(apiTokens, eq(apiTokens.userId, users.id))
    .where(teamName ? eq(teams.name, teamName) : undefined)
    .all();
  return rows;
}

/** Revokes one token by its id, or every token of a user by e-mail. */
export async function revokeTokens(db: Db, by: { tokenId?: string; email?: string }, now = Date.now()) {
  return db.write(async (tx) => {
    if (by.tokenId) {
      const r = await tx
        .update(apiTokens)
        .set({ revokedAt: now })
        .where(and(eq(apiTokens.id, by.tokenId), isNull(apiTokens.revokedAt)))
        .returning();
      return r.length;
    }
    const user = by.email ? await tx.query.users.findFirst({ where: eq(users.email, by.email.toLowerCase()) }) : undefined;
    if (!user) throw new DomainError('NOT_FOUND', 'No such user');
    const r = await tx
      .update(apiTokens)
      .set({ revokedAt: now })
      .where(and(eq(apiTokens.userId, user.id), isNull(apiTokens.revokedAt)))
      .returning();
    return r.length;
  });
}

export async function me(db: Db, actor: Actor) {
  const row = await db
    .select({ email: users.email, name: users.name, role: users.role, team: teams.name, neverLog: users.neverLog, autoLog: users.autoLog })
    .from(users)
    .innerJoin(teams, eq(teams.id, users.teamId))
    .where(eq(users.id, actor.userId))
    .get();
  if (!row) throw new DomainError('UNAUTHORIZED', 'Unknown user');
  return row;
}

export async function setNeverLog(db: Db, actor: Actor, entries: string[]) {
  const clean = [...new Set(entries.map((e) => e.trim().toLowerCase()).filter(Boolean))];
  await db.write((tx) => tx.update(users).set({ neverLog: clean }).where(eq(users.id, actor.userId)));
  return clean;
}

export async function setAutoLog(db: Db, actor: Actor, on: boolean) {
  await db.write((tx) => tx.update(users).set({ autoLog: on }).where(eq(users.id, actor.userId)));
  return { autoLog: on };
}
