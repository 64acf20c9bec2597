import { z } from 'zod';
import { backReason, clientId, id, line, opportunityKind } from '../../shared/schemas';
import { authed, router } from '../trpc';
import { runWrite } from '../domain/writes';
import { advanceOpportunity, closeOpportunity, createOpportunity, OPPORTUNITY_STAGES } from '../domain/opportunities';

const amount = z.number().nonnegative().max(1e12);

export const opportunitiesRouter = router({
  create: authed
    .input(
      z.object({
        accountId: id,
        kind: opportunityKind,
        title: line(200).pipe(z.string().min(1)),
        amount: amount.optional(),
        currency: z
          .string()
          .regex(/^[A-Z]{3}$/)
          .optional(),
        clientId: clientId.optional(),
      }),
    )
    .mutation(({ ctx, input: { clientId: cid, ...input } }) => runWrite(ctx.db, ctx.actor, createOpportunity, input, cid)),
  advance: authed
    .input(z.object({ opportunityId: id, stage: z.enum(OPPORTUNITY_STAGES), amount: amount.optional(), clientId: clientId.optional() }))
    .mutation(({ ctx, input: { clientId: cid, ...input } }) => runWrite(ctx.db, ctx.actor, advanceOpportunity, input, cid)),
  close: authed
    .input(z.object({ opportunityId: id, outcome: z.enum(['won', 'lost']), lostReason: backReason.optional(), clientId: clientId.optional() }))
    .mutation(({ ctx, input: { clientId: cid, ...input } }) => runWrite(ctx.db, ctx.actor, closeOpportunity, input, cid)),
});
