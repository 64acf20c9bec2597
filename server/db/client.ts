/**
 * Opens the database: an embedded libSQL file by default, or a libSQL
 * server (sqld, Turso) at libsql:// or http(s):// for teams that outgrow one
 * machine. The server keeps no state of its own besides this.
 */
import { createClient, type Client } from '@libsql/client';
import { drizzle, type LibSQLDatabase } from 'drizzle-orm/libsql';
import { migrate } from 'drizzle-orm/libsql/migrator';
import { fileURLToPath } from 'node:url';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import * as schema from './schema';
import { installStatementCache } from './statement-cache';
import { serialized } from './serialize';

export type Orm = LibSQLDatabase<typeof schema>;
export type Tx = Parameters<Parameters<Orm['transaction']>[0]>[0];
/** Reads go straight to the pool; every change runs in one write transaction, one at a time per process. */
export type Db = Orm & { write: <T>(fn: (tx: Tx) => Promise<T>) => Promise<T>; client: Client };

const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

export interface DbOptions {
  url: string;
  authToken?: string;
}

export async function openDb({ url, authToken }: DbOptions): Promise<Db> {
  if (url.startsWith('file:') && !url.includes(':memory:')) {
    mkdirSync(dirname(fileURLToPath(new URL(url, `file://${process.cwd()}/`))), { recursive: true });
  }
  installStatementCache();
  const client = createClient({ url, authToken });
  const orm = drizzle(client, { schema });
  await migrate(orm, { migrationsFolder });
  const queue = serialized();
  // libsql-js is synchronous: a second BEGIN IMMEDIATE on another pooled
  // connection would busy-wait on the event loop the first one needs to
  // commit. So writers from this process queue; busy_timeout still covers
  // writers in other processes behind the same file.
  const write = <T>(fn: (tx: Tx) => Promise<T>) => queue(() => orm.transaction(fn, { behavior: 'immediate' }));
  return Object.assign(orm, { write, client });
}

/** A fresh, migrated in-memory database, for tests and benchmarks. */
export const openMemoryDb = () => openDb({ url: 'file::memory:' });
