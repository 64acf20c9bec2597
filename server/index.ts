/** Starts the HTTP server on a migrated database; returns a handle to stop it (used by tests too). */
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { openDb } from './db/client';
import { startCheckpointer } from './db/checkpointer';
import { createApp, type AppOptions } from './app';
import { backfillChecklistGaps } from './domain/projections/checklist-gaps';
import type { Env } from './env';

/** how long a stop waits for requests being answered before it ends their connections */
const STOP_GRACE_MS = 3_000;

export async function startServer(
  env: Pick<Env, 'PORT' | 'HOST' | 'DATABASE_URL' | 'DATABASE_AUTH_TOKEN'> & { EXTENSION_ORIGINS?: string[] },
  opts: Omit<AppOptions, 'extraOrigins'> = {},
) {
  const db = await openDb({ url: env.DATABASE_URL, authToken: env.DATABASE_AUTH_TOKEN });
  await backfillChecklistGaps(db);
  const checkpoints = startCheckpointer(env.DATABASE_URL);
  const app = createApp(db, { ...opts, extraOrigins: env.EXTENSION_ORIGINS });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: env.PORT, hostname: env.HOST }, () => resolve(s));
  });
  // An idle keep-alive connection is closed by the client first (undici: 4 s), never by us at the
  // moment a client reuses it: Node's default of 5 s, fired late on a busy event loop, reset such
  // requests (ECONNRESET). Proxies and load balancers keep 60 s; we keep a little longer.
  const http = server as unknown as Server;
  http.keepAliveTimeout = 65_000;
  http.headersTimeout = 66_000;
  const { port } = server.address() as AddressInfo;
  return {
    db,
    port,
    url: `http://${env.HOST}:${port}`,
    /**
     * Stops taking connections; idle ones end at once, a request being answered gets a moment to
     * finish, then every connection ends: one that never sent a request (a browser's preconnect)
     * would otherwise hold the stop for the headers timeout, over a minute. `cut` ends them at once.
     */
    close: (opts: { cut?: boolean } = {}) =>
      new Promise<void>((resolve) => {
        server.close(() => void checkpoints.stop().then(() => (db.client.close(), resolve())));
        if (opts.cut) http.closeAllConnections();
        else setTimeout(() => http.closeAllConnections(), STOP_GRACE_MS).unref();
      }),
  };
}
