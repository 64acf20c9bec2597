/** How the plain HTTP routes answer a failure: a status and a message a person can act on, never a stack. */
import type { Context } from 'hono';
import { DomainError } from '../domain/errors';
import { LockTimeout, RETRY_AFTER_S } from '../db/lock-wait';
import { RetryLater } from '../rate-window';

const STATUS = {
  NOT_FOUND: 404,
  CONFLICT: 409,
  BAD_REQUEST: 400,
  FORBIDDEN: 403,
  UNAUTHORIZED: 401,
  SERVICE_UNAVAILABLE: 503,
  TOO_MANY_REQUESTS: 429,
} as const;

/** Domain errors as their status and message; anything else is the server's fault and says nothing more. */
export function errorResponse(c: Context, e: unknown) {
  if (e instanceof DomainError) return c.json({ error: e.message }, STATUS[e.code]);
  if (e instanceof LockTimeout) return c.json({ error: e.message }, 503, { 'Retry-After': String(RETRY_AFTER_S) });
  if (e instanceof RetryLater) return c.json({ error: `Too many requests; try again in ${e.seconds} s` }, 429, { 'Retry-After': String(e.seconds) });
  console.error('[http] error:', e instanceof Error ? e.name : 'error');
  return c.json({ error: 'Something went wrong on the server' }, 500);
}

/** Refused before the body was read: the unread rest makes the connection unusable, so the client must not reuse it. */
export function unreadBody(res: Response, bodyRead: boolean): Response {
  if (!bodyRead) res.headers.set('Connection', 'close');
  return res;
}
