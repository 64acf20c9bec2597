import { WRITE_INPUTS } from '../../shared/write-inputs';
import { idempotent } from './idempotent';
import { authed, router } from '../trpc';
import { runWrite } from '../domain/writes';
import { advanceOpportunity, closeOpportunity, createOpportunity } from '../domain/opportunities';

export const opportunitiesRouter = router({
  create: authed
    .input(idempotent(WRITE_INPUTS['opportunities.create']))
    .mutation(({ ctx, input: { clientId: cid, ...input } }) => runWrite(ctx.db, ctx.actor, createOpportunity, input, cid)),
  advance: authed
    .input(idempotent(WRITE_INPUTS['opportunities.advance']))
    .mutation(({ ctx, input: { clientId: cid, ...input } }) => runWrite(ctx.db, ctx.actor, advanceOpportunity, input, cid)),
  close: authed
    .input(idempotent(WRITE_INPUTS['opportunities.close']))
    .mutation(({ ctx, input: { clientId: cid, ...input } }) => runWrite(ctx.db, ctx.actor, closeOpportunity, input, cid)),
});
