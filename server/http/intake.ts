/**
 * Intake and export over plain HTTP, beside tRPC: a selection file is bytes
 * (its encoding is part of what we read), an export is a stream, and a web
 * form is posted by a browser on the team's site.
 *   POST /import?source=S[&owner=E][&dryRun=1][&mapping={...}]   body: the CSV file
 *   GET  /export/<table>?format=csv|jsonl[&delimiter=,]
 *   POST /forms/<key>   (form post or JSON)
 */
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import type { Db } from '../db/client';
import type { Actor } from '../domain/actor';
import { DomainError } from '../domain/errors';
import { importSelection } from '../domain/intake/import';
import { MAX_IMPORT_BYTES } from '../domain/intake/read-csv';
import { exportFileName, exportTable } from '../domain/intake/export';
import { EXPORT_TABLE_NAMES } from '../../shared/intake';
import { email, exportOptions, importMapping } from '../../shared/schemas';
import { requireRole } from '../domain/roles';
import type { AuthLimiter } from '../auth-limit';
import { requestActor } from './request-actor';
import { errorResponse, unreadBody } from './errors';
import { formRoutes, type FormLimits } from './forms';

async function signedIn(db: Db, limiter: AuthLimiter, c: Context): Promise<Actor> {
  const actor = await requestActor(db, limiter, c);
  if (!actor) throw new DomainError('UNAUTHORIZED', 'Sign in with a token (Authorization: Bearer …)');
  return actor;
}

const importQuery = z.object({
  source: z.string().trim().min(1, 'name the selection (?source=…)').max(200),
  owner: email.optional(),
  dryRun: z.enum(['0', '1', 'true', 'false']).optional(),
  mapping: z
    .string()
    .max(2000)
    .transform((s, ctx) => {
      try {
        return JSON.parse(s) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'mapping is not JSON' });
        return z.NEVER;
      }
    })
    .pipe(importMapping)
    .optional(),
});

const badRequest = (issues: z.core.$ZodIssue[]) =>
  new DomainError('BAD_REQUEST', issues.map((i) => `${i.path.join('.') || 'request'}: ${i.message}`).join('; '));

export function intakeRoutes(db: Db, limiter: AuthLimiter, formLimits?: FormLimits) {
  const app = new Hono();

  app.post(
    '/import',
    bodyLimit({
      maxSize: MAX_IMPORT_BYTES,
      onError: (c) => c.json({ error: `The file is over ${MAX_IMPORT_BYTES / 1024 / 1024} MB; split it into parts` }, 413, { Connection: 'close' }),
    }),
    async (c) => {
      let bodyRead = false;
      try {
        const actor = await signedIn(db, limiter, c);
        requireRole(actor, 'manager', 'import a selection');
        const q = importQuery.safeParse(c.req.query());
        if (!q.success) throw badRequest(q.error.issues);
        const bytes = new Uint8Array(await c.req.arrayBuffer());
        bodyRead = true;
        const dryRun = q.data.dryRun === '1' || q.data.dryRun === 'true';
        return c.json(await importSelection(db, actor, bytes, { source: q.data.source, ownerEmail: q.data.owner, mapping: q.data.mapping, dryRun }));
      } catch (e) {
        return unreadBody(errorResponse(c, e), bodyRead);
      }
    },
  );

  app.get('/export/:table', async (c) => {
    try {
      const actor = await signedIn(db, limiter, c);
      const table = z.enum(EXPORT_TABLE_NAMES).safeParse(c.req.param('table'));
      if (!table.success) throw new DomainError('NOT_FOUND', `No table "${c.req.param('table')}"; tables: ${EXPORT_TABLE_NAMES.join(', ')}`);
      const q = exportOptions.safeParse(c.req.query());
      if (!q.success) throw badRequest(q.error.issues);
      requireRole(actor, 'manager', 'export the team’s data');
      const chunks = exportTable(db, actor, table.data, q.data);
      const encoder = new TextEncoder();
      const body = new ReadableStream<Uint8Array>({
        async pull(controller) {
          const next = await chunks.next();
          if (next.done) controller.close();
          else controller.enqueue(encoder.encode(next.value));
        },
        cancel: () => void chunks.return(undefined),
      });
      return new Response(body, {
        headers: {
          'Content-Type': q.data.format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8',
          'Content-Disposition': `attachment; filename="${exportFileName(table.data, q.data.format)}"`,
        },
      });
    } catch (e) {
      return errorResponse(c, e);
    }
  });

  app.route('/forms', formRoutes(db, formLimits));
  return app;
}
