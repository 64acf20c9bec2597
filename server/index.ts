/** Starts the HTTP server on a migrated database; returns a handle to stop it (used by tests too). */
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { openDb } from './db/client';
import { createApp, type AppOptions } from './app';
import { backfillChecklistGaps } from './domain/derived';
import type { Env } from './env';

export async function startServer(env: Pick<Env, 'PORT' | 'HOST' | 'DATABASE_URL' | 'DATABASE_AUTH_TOKEN'> & { EXTENSION_ORIGINS?: string[] }, opts: Omit<AppOptions, 'extraOrigins'> = {}) {
  const db = await openDb({ url: env.DATABASE_URL, authToken: env.DATABASE_AUTH_TOKEN });
  await backfillChecklistGaps(db);
  const app = createApp(db, { ...opts, extraOrigins: env.EXTENSION_ORIGINS });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: env.PORT, hostname: env.HOST }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    db,
    port,
    url: `http://${env.HOST}:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => (db.client.close(), resolve()))),
  };
}
