/** Who a request is from (its Bearer token), for tRPC and the plain HTTP routes alike. */
import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Db } from '../db/client';
import { authenticate } from '../domain/auth';
import type { Actor } from '../domain/actor';
import { RetryLater } from '../rate-window';
import type { AuthLimiter } from '../auth-limit';

export const addressOf = (c: Context) => {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
};

/** The actor, null without a token; a wrong token counts against its address (throws RetryLater once limited). */
export async function requestActor(db: Db, limiter: AuthLimiter, c: Context): Promise<Actor | null> {
  const header = c.req.header('authorization') ?? '';
  const token = header.startsWith('Bearer ') ? header.slice(7).trim() : '';
  const actor = token ? await authenticate(db, token) : null;
  if (token && !actor) {
    // a guesser is slowed; a valid token from the same address (an office behind one IP) still works
    const address = addressOf(c);
    const wait = limiter.retryAfter(address);
    if (wait) throw new RetryLater(wait);
    limiter.fail(address);
  }
  return actor;
}
