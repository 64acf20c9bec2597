/** The Hono app: /health, tRPC at /trpc, CORS for the extension, a body size limit. */
import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { bodyLimit } from 'hono/body-limit';
import { trpcServer } from '@hono/trpc-server';
import type { Db } from './db/client';
import { appRouter } from './routers';
import { authenticate } from './domain/auth';

export const MAX_BODY_BYTES = 512 * 1024;

const extensionOrigin = /^(chrome-extension|moz-extension|safari-web-extension):\/\/[a-z0-9-]+$/i;

export function createApp(db: Db) {
  const app = new Hono();
  app.use(
    '*',
    cors({
      origin: (origin) => (extensionOrigin.test(origin) ? origin : null),
      allowHeaders: ['Authorization', 'Content-Type', 'trpc-accept'],
      allowMethods: ['GET', 'POST', 'OPTIONS'],
      maxAge: 600,
    }),
  );
  app.use(
    '/trpc/*',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      // the unread rest of the body makes the connection unusable: tell the client not to reuse it
      onError: (c) => c.json({ error: { message: `Request body over ${MAX_BODY_BYTES / 1024} KB`, code: -32600 } }, 413, { Connection: 'close' }),
    }),
  );
  app.get('/health', (c) => c.json({ ok: true }));
  app.use(
    '/trpc/*',
    trpcServer({
      endpoint: '/trpc',
      router: appRouter,
      createContext: async (_opts, c) => {
        const header = c.req.header('authorization') ?? '';
        const token = header.startsWith('Bearer ') ? header.slice(7).trim() : '';
        return { db, actor: token ? await authenticate(db, token) : null };
      },
    }),
  );
  app.notFound((c) => c.json({ error: 'Not found' }, 404));
  app.onError((err, c) => {
    console.error('[http]', err);
    return c.json({ error: 'Something went wrong on the server' }, 500);
  });
  return app;
}
