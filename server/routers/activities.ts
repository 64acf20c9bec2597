import { z } from 'zod';
import { activityData, activityType, clientId, gmailThread, id, line, note, timestamp } from '../../shared/schemas';
import { authed, router } from '../trpc';
import { runWrite } from '../domain/writes';
import { logActivity } from '../domain/activities';
import { logThread } from '../domain/threads';
import { acceptProposal, dismissProposal } from '../domain/proposals';

export const activitiesRouter = router({
  log: authed
    .input(
      z.object({
        accountId: id,
        contactId: id.optional(),
        type: activityType,
        direction: z.enum(['in', 'out']).optional(),
        occurredAt: timestamp.optional(),
        subject: note(500).optional(),
        snippet: note(500).optional(),
        data: activityData.optional(),
        sourceKey: line(300).pipe(z.string().min(1)).optional(),
        clientId: clientId.optional(),
      }),
    )
    .mutation(({ ctx, input: { clientId: cid, ...input } }) => runWrite(ctx.db, ctx.actor, logActivity, input, cid)),

  logThread: authed
    .input(z.object({ thread: gmailThread, clientId: clientId.optional() }))
    .mutation(({ ctx, input }) => runWrite(ctx.db, ctx.actor, logThread, input.thread, input.clientId)),

  acceptProposal: authed
    .input(z.object({ proposalId: id, clientId: clientId.optional() }))
    .mutation(({ ctx, input: { clientId: cid, ...input } }) => runWrite(ctx.db, ctx.actor, acceptProposal, input, cid)),

  dismissProposal: authed
    .input(z.object({ proposalId: id, clientId: clientId.optional() }))
    .mutation(({ ctx, input: { clientId: cid, ...input } }) => runWrite(ctx.db, ctx.actor, dismissProposal, input, cid)),
});
