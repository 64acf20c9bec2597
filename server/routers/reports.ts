import { z } from 'zod';
import { authed, router } from '../trpc';
import { dashboard } from '../domain/reports';
import { id, timestamp } from '../../shared/schemas';
import { captureHealthReport } from '../domain/capture-health';

const time = timestamp;

export const reportsRouter = router({
  dashboard: authed.input(z.object({ from: time, to: time, ownerId: id.optional() })).query(({ ctx, input }) => dashboard(ctx.db, ctx.actor, input)),

  captureHealth: authed.query(({ ctx }) => captureHealthReport(ctx.db, ctx.actor)),
});
