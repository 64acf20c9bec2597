/** The Hono app: /health, tRPC at /trpc, CORS for the extension, a body size limit. */
import { Hono } from 'hono';
import { TRPCError } from '@trpc/server';
import { cors } from 'hono/cors';
import { bodyLimit } from 'hono/body-limit';
import { trpcServer } from '@hono/trpc-server';
import type { Db } from './db/client';
import { appRouter } from './routers';
import { requestActor } from './http/request-actor';
import { intakeRoutes } from './http/intake';
import type { FormLimits } from './http/forms';
import { createAuthLimiter, RetryLater, type AuthLimitOptions } from './auth-limit';
import { RETRY_AFTER_S } from './db/lock-wait';
import { allowedOrigins } from './origins';

export const MAX_BODY_BYTES = 512 * 1024;
/** calls in one batched request: enough for a sidebar's reads, too few to hammer the server with one request */
export const MAX_BATCH = 10;

export interface AppOptions {
  authLimit?: AuthLimitOptions;
  /** extension origins allowed beside the extension's own stable id (EXTENSION_ORIGINS) */
  extraOrigins?: string[];
  formLimits?: FormLimits;
}

export function createApp(db: Db, opts: AppOptions = {}) {
  const app = new Hono();
  const limiter = createAuthLimiter(opts.authLimit);
  const origins = allowedOrigins(opts.extraOrigins);
  const extensionCors = cors({
    origin: (origin) => (origins.has(origin) ? origin : null),
    allowHeaders: ['Authorization', 'Content-Type', 'trpc-accept'],
    allowMethods: ['GET', 'POST', 'OPTIONS'],
    maxAge: 600,
  });
  // web forms answer their own sites' origins (forms.ts); everything else only the extension's
  app.use('*', (c, next) => (c.req.path.startsWith('/forms/') ? next() : extensionCors(c, next)));
  app.use(
    '/trpc/*',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      // the unread rest of the body makes the connection unusable: tell the client not to reuse it
      onError: (c) => c.json({ error: { message: `Request body over ${MAX_BODY_BYTES / 1024} KB`, code: -32600 } }, 413, { Connection: 'close' }),
    }),
  );
  app.get('/health', (c) => c.json({ ok: true }));
  app.use('/trpc/*', async (c, next) => {
    const calls = decodeURIComponent(c.req.path.slice('/trpc/'.length)).split(',').length;
    if (calls > MAX_BATCH) return c.json({ error: { message: `At most ${MAX_BATCH} calls in one request`, code: -32600 } }, 400);
    return next();
  });
  app.use(
    '/trpc/*',
    trpcServer({
      endpoint: '/trpc',
      router: appRouter,
      createContext: async (_opts, c) => {
        try {
          return { db, actor: await requestActor(db, limiter, c) };
        } catch (e) {
          if (e instanceof RetryLater)
            throw new TRPCError({ code: 'TOO_MANY_REQUESTS', message: `Too many failed sign-ins from this address; try again in ${e.seconds} s`, cause: e });
          throw e;
        }
      },
      responseMeta: ({ errors }) => {
        if (errors.some((e) => e.code === 'SERVICE_UNAVAILABLE')) return { headers: new Headers({ 'Retry-After': String(RETRY_AFTER_S) }) };
        const limited = errors.find((e) => e.cause instanceof RetryLater)?.cause as RetryLater | undefined;
        if (limited) return { headers: new Headers({ 'Retry-After': String(limited.seconds) }) };
        return {};
      },
    }),
  );
  app.route('/', intakeRoutes(db, limiter, opts.formLimits));
  app.notFound((c) => c.json({ error: 'Not found' }, 404));
  app.onError((err, c) => {
    console.error('[http] error:', err.name);
    return c.json({ error: 'Something went wrong on the server' }, 500);
  });
  return app;
}
