/**
 * Applies the committed migrations (drizzle-kit's files and journal table,
 * the same as drizzle's migrator) inside one write transaction.
 *
 * Why not drizzle's `migrate`: it reads which migrations are applied before
 * it takes the write lock, so two servers starting on one empty file both
 * decide to create every table, and the second fails ("already exists") or
 * leaves a lock behind. Here BEGIN IMMEDIATE comes first: the second server
 * waits (on timers, lock-wait.ts), then reads the journal the first wrote
 * and has nothing left to do.
 */
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { sql } from 'drizzle-orm';
import type { LibSQLDatabase } from 'drizzle-orm/libsql';
import { withLockWait } from './lock-wait';

const TABLE = '__drizzle_migrations';

export async function applyMigrations(orm: LibSQLDatabase<Record<string, unknown>>, migrationsFolder: string, waitMs: number): Promise<number> {
  const migrations = readMigrationFiles({ migrationsFolder });
  return withLockWait(
    () =>
      orm.transaction(
        async (tx) => {
          await tx.run(sql`CREATE TABLE IF NOT EXISTS ${sql.identifier(TABLE)} (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at numeric)`);
          const [last] = await tx.values<[unknown, unknown, unknown]>(
            sql`SELECT id, hash, created_at FROM ${sql.identifier(TABLE)} ORDER BY created_at DESC LIMIT 1`,
          );
          const pending = migrations.filter((m) => !last || Number(last[2]) < m.folderMillis);
          for (const m of pending) {
            for (const stmt of m.sql) if (stmt.trim()) await tx.run(sql.raw(stmt));
            await tx.run(sql`INSERT INTO ${sql.identifier(TABLE)} ("hash", "created_at") VALUES (${m.hash}, ${m.folderMillis})`);
          }
          return pending.length;
        },
        { behavior: 'immediate' },
      ),
    waitMs,
  );
}
