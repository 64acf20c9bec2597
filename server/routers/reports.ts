import { z } from 'zod';
import { authed, router } from '../trpc';
import { dashboard } from '../domain/reports';
import { id } from '../../shared/schemas';
import { captureHealthReport } from '../domain/capture-health';

const time = z.number().int().min(0).max(8.64e15);

export const reportsRouter = router({
  dashboard: authed
    .input(z.object({ from: time, to: time, ownerId: id.optional() }))
    .query(({ ctx, input }) => dashboard(ctx.db, ctx.actor, input)),

  captureHealth: authed.query(({ ctx }) => captureHealthReport(ctx.db, ctx.actor)),
});
