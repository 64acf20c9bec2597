/**
 * tRPC setup: the context carries the database and the caller; domain errors
 * become tRPC codes with their message; nothing internal (stack, SQL) ever
 * reaches a caller.
 */
import { initTRPC, TRPCError } from '@trpc/server';
import { ZodError } from 'zod';
import type { Db } from './db/client';
import type { Actor } from './domain/actor';
import { DomainError } from './domain/errors';

export interface Context {
  db: Db;
  actor: Actor | null;
}

const zodSummary = (e: ZodError) =>
  e.issues
    .slice(0, 5)
    .map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))
    .join('; ');

const t = initTRPC.context<Context>().create({
  isDev: false,
  errorFormatter({ shape, error }) {
    const cause = error.cause;
    let message = shape.message;
    if (cause instanceof ZodError) message = `Invalid input: ${zodSummary(cause)}`;
    else if (error.code === 'INTERNAL_SERVER_ERROR') message = 'Something went wrong on the server; nothing was changed';
    return { message, code: shape.code, data: { code: shape.data.code, httpStatus: shape.data.httpStatus } };
  },
});

const mapDomainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof DomainError) {
    const e = result.error.cause;
    throw new TRPCError({ code: e.code, message: e.message, cause: e });
  }
  if (!result.ok && result.error.code === 'INTERNAL_SERVER_ERROR') {
    console.error('[trpc]', result.error.cause ?? result.error);
  }
  return result;
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const publicProcedure = t.procedure.use(mapDomainErrors);

export const authed = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.actor) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Missing or invalid token' });
  return next({ ctx: { db: ctx.db, actor: ctx.actor } });
});
