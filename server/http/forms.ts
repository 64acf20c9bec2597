/**
 * POST /forms/<key>: an enquiry from the team's website. A browser's form
 * post is answered with a redirect to the thank-you page; a script's JSON
 * post with JSON. Spam and abuse are kept out by a honeypot field, limits per
 * form and per address, a size limit and the form's allowed site origins.
 * A wrong key is a plain 404 that says nothing about which keys exist.
 */
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { html } from 'hono/html';
import type { Db } from '../db/client';
import { findForm, readSubmission, submitForm, type WebForm } from '../domain/intake/forms';
import { DomainError } from '../domain/errors';
import { createWindowCounter, RetryLater, type WindowLimit } from '../rate-window';
import { addressOf } from './request-actor';
import { HONEYPOT } from '../../shared/intake';
import { errorResponse, unreadBody } from './errors';

export const MAX_FORM_BYTES = 32 * 1024;

export interface FormLimits {
  perAddress: WindowLimit;
  perForm: WindowLimit;
}
export const DEFAULT_FORM_LIMITS: FormLimits = { perAddress: { max: 10, windowMs: 10 * 60_000 }, perForm: { max: 300, windowMs: 60 * 60_000 } };

const notFound = (c: Context) => c.json({ error: 'Not found' }, 404);

/** Fields as strings, from a form post or a JSON object of plain values. */
async function readFields(c: Context): Promise<{ fields: Record<string, string>; json: boolean }> {
  const type = (c.req.header('content-type') ?? '').toLowerCase();
  if (type.startsWith('application/json')) {
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      throw new DomainError('BAD_REQUEST', 'The body is not JSON');
    }
    if (!body || typeof body !== 'object' || Array.isArray(body)) throw new DomainError('BAD_REQUEST', 'Send the fields as one JSON object');
    const fields: Record<string, string> = {};
    for (const [k, v] of Object.entries(body)) {
      if (v === null || v === undefined) continue;
      if (typeof v === 'object') throw new DomainError('BAD_REQUEST', `${k}: give text, not a list or an object`);
      fields[k] = String(v);
    }
    return { fields, json: true };
  }
  if (type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data')) {
    const form = await c.req.parseBody();
    const fields: Record<string, string> = {};
    for (const [k, v] of Object.entries(form)) if (typeof v === 'string') fields[k] = v;
    return { fields, json: false };
  }
  throw new DomainError('BAD_REQUEST', 'Send the form as application/x-www-form-urlencoded or application/json');
}

const originAllowed = (form: WebForm, origin: string | undefined) => !origin || !form.origins.length || form.origins.includes(origin);

const corsHeaders = (form: WebForm, origin: string | undefined): Record<string, string> =>
  origin && form.origins.includes(origin)
    ? { 'Access-Control-Allow-Origin': origin, Vary: 'Origin' }
    : form.origins.length
      ? {}
      : { 'Access-Control-Allow-Origin': '*' };

/** A browser that posted the form sees a page, not JSON; the reason names the form's own fields, so it is escaped. */
const page = async (c: Context, status: 200 | 400 | 429 | 503, text: string, reason?: string): Promise<Response> =>
  c.html(
    html`<!doctype html><meta charset="utf-8"><title>${text}</title><p>${text}</p>${reason ? html`<p>${reason}</p>` : ''}<p><a href="javascript:history.back()">←</a></p>`,
    status,
  );

export function formRoutes(db: Db, limits: FormLimits = DEFAULT_FORM_LIMITS) {
  const app = new Hono();
  const byAddress = createWindowCounter(limits.perAddress);
  const byForm = createWindowCounter(limits.perForm, (key) =>
    console.warn(`[forms] form ${key.slice(0, 9)}… reached ${limits.perForm.max} posts in its window`),
  );

  app.options('/:key', async (c) => {
    const form = await findForm(db, c.req.param('key'));
    if (!form) return notFound(c);
    const origin = c.req.header('origin');
    if (!originAllowed(form, origin)) return c.body(null, 403);
    return c.body(null, 204, {
      ...corsHeaders(form, origin),
      'Access-Control-Allow-Methods': 'POST',
      'Access-Control-Allow-Headers': 'Content-Type',
      'Access-Control-Max-Age': '600',
    });
  });

  app.post(
    '/:key',
    bodyLimit({
      maxSize: MAX_FORM_BYTES,
      onError: (c) => c.json({ error: `A form post is at most ${MAX_FORM_BYTES / 1024} KB` }, 413, { Connection: 'close' }),
    }),
    async (c) => {
      const form = await findForm(db, c.req.param('key'));
      if (!form) return unreadBody(notFound(c), false);
      const origin = c.req.header('origin');
      const cors = corsHeaders(form, origin);
      if (!originAllowed(form, origin)) return unreadBody(c.json({ error: 'This form does not take posts from that site' }, 403), false);
      let json = (c.req.header('content-type') ?? '').toLowerCase().startsWith('application/json');
      let bodyRead = false;
      try {
        for (const [counter, key] of [
          [byAddress, `${form.id}:${addressOf(c)}`],
          [byForm, form.key],
        ] as const) {
          const wait = counter.retryAfter(key);
          if (wait) throw new RetryLater(wait);
          counter.count(key);
        }
        const read = await readFields(c);
        bodyRead = true;
        json = read.json;
        const thanks = () =>
          json ? c.json({ ok: true }, 200, cors) : form.redirectUrl ? c.redirect(form.redirectUrl, 303) : page(c, 200, 'Thank you, we received your message.');
        // a filled honeypot is a bot: it is told all went well, and nothing is stored
        if (read.fields[HONEYPOT]?.trim()) return thanks();
        await submitForm(db, form, readSubmission(read.fields, HONEYPOT));
        return thanks();
      } catch (e) {
        if (json) {
          const res = errorResponse(c, e);
          for (const [k, v] of Object.entries(cors)) res.headers.set(k, v);
          return unreadBody(res, bodyRead);
        }
        if (e instanceof DomainError && e.code === 'BAD_REQUEST')
          return unreadBody(await page(c, 400, 'The form could not be sent. Please correct it and try again.', e.message), bodyRead);
        if (e instanceof RetryLater) return unreadBody(await page(c, 429, 'Too many messages from here; please try again later.'), bodyRead);
        return unreadBody(await page(c, 503, 'The form could not be sent just now; please try again in a moment.'), bodyRead);
      }
    },
  );
  return app;
}
