import { z } from 'zod';
import { clientId, gmailThread } from '../../shared/schemas';
import { WRITE_INPUTS } from '../../shared/write-inputs';
import { idempotent } from './idempotent';
import { authed, router } from '../trpc';
import { runWrite } from '../domain/writes';
import { logActivity } from '../domain/activities';
import { logThread } from '../domain/threads';
import { acceptProposal, dismissProposal } from '../domain/proposals';
import { autoLogThread, threadStatus, undoThreadLog } from '../domain/auto-log';

const messageId = z.string().regex(/^[0-9a-f]{6,32}$/);

export const activitiesRouter = router({
  log: authed
    .input(idempotent(WRITE_INPUTS['activities.log']))
    .mutation(({ ctx, input: { clientId: cid, ...input } }) => runWrite(ctx.db, ctx.actor, logActivity, input, cid)),

  logThread: authed
    .input(z.object({ thread: gmailThread, clientId: clientId.optional() }))
    .mutation(({ ctx, input }) => runWrite(ctx.db, ctx.actor, logThread, input.thread, input.clientId)),

  autoLogThread: authed
    .input(z.object({ thread: gmailThread, clientId: clientId.optional() }))
    .mutation(({ ctx, input }) => runWrite(ctx.db, ctx.actor, autoLogThread, input.thread, input.clientId)),

  threadStatus: authed
    .input(z.object({ messageIds: z.array(messageId).max(200) }))
    .query(({ ctx, input }) => threadStatus(ctx.db, ctx.actor, input.messageIds)),

  undoThreadLog: authed
    .input(z.object({ threadId: messageId, messageIds: z.array(messageId).max(200), clientId: clientId.optional() }))
    .mutation(({ ctx, input: { clientId: cid, ...input } }) => runWrite(ctx.db, ctx.actor, undoThreadLog, input, cid)),

  acceptProposal: authed
    .input(idempotent(WRITE_INPUTS['activities.acceptProposal']))
    .mutation(({ ctx, input: { clientId: cid, ...input } }) => runWrite(ctx.db, ctx.actor, acceptProposal, input, cid)),

  dismissProposal: authed
    .input(idempotent(WRITE_INPUTS['activities.dismissProposal']))
    .mutation(({ ctx, input: { clientId: cid, ...input } }) => runWrite(ctx.db, ctx.actor, dismissProposal, input, cid)),
});
