import { z } from 'zod';
import { authed, router } from '../trpc';
import { me, setAutoLog, setNeverLog } from '../domain/auth';

export const meRouter = router({
  get: authed.query(({ ctx }) => me(ctx.db, ctx.actor)),
  setNeverLog: authed
    .input(
      z.object({
        entries: z
          .array(
            z
              .string()
              .trim()
              .toLowerCase()
              .max(254)
              .regex(/^[^\s@]*@?[^\s@]+$/, 'an address or a domain'),
          )
          .max(500),
      }),
    )
    .mutation(({ ctx, input }) => setNeverLog(ctx.db, ctx.actor, input.entries)),
  setAutoLog: authed.input(z.object({ on: z.boolean() })).mutation(({ ctx, input }) => setAutoLog(ctx.db, ctx.actor, input.on)),
});
