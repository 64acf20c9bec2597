import { z } from 'zod';
import { accountQuery, id, line, timestamp } from '../../shared/schemas';
import { WRITE_INPUTS } from '../../shared/write-inputs';
import { idempotent } from './idempotent';
import { authed, router } from '../trpc';
import { getAccount, lookupEmails, lookupLinkedIn, searchAccounts } from '../domain/accounts';
import { runWrite } from '../domain/writes';
import { applyMove, archiveAccount, restoreAccount } from '../domain/moves';
import { undoMove } from '../domain/undo-move';
import { today } from '../domain/today';
import { addContactChannel, correctContact, setContactRole, setOwner, updateAccount } from '../domain/edit';

const text = line;
const url = line(2000).pipe(z.url());

export const accountsRouter = router({
  search: authed.input(accountQuery.optional()).query(({ ctx, input }) => searchAccounts(ctx.db, ctx.actor, input ?? {})),

  get: authed.input(z.object({ id })).query(({ ctx, input }) => getAccount(ctx.db, ctx.actor, input.id)),

  today: authed.input(z.object({ dayStart: timestamp, dayEnd: timestamp })).query(({ ctx, input }) => today(ctx.db, ctx.actor, input)),

  lookupLinkedIn: authed
    .input(
      z.object({
        profileUrl: url.optional(),
        memberId: text(20).optional(),
        companyUrl: url.optional(),
        companyName: text(200).optional(),
        name: text(200).optional(),
      }),
    )
    .query(({ ctx, input }) => lookupLinkedIn(ctx.db, ctx.actor, input)),

  lookupEmails: authed
    .input(z.object({ people: z.array(z.object({ email: z.string().trim().toLowerCase().max(254).email(), name: text(200).optional() })).max(50) }))
    .query(({ ctx, input }) => lookupEmails(ctx.db, ctx.actor, input.people)),

  move: authed
    .input(idempotent(WRITE_INPUTS['accounts.move']))
    .mutation(({ ctx, input: { clientId: cid, ...input } }) => runWrite(ctx.db, ctx.actor, applyMove, input, cid)),

  undoMove: authed
    .input(idempotent(WRITE_INPUTS['accounts.undoMove']))
    .mutation(({ ctx, input: { clientId: cid, ...input } }) => runWrite(ctx.db, ctx.actor, undoMove, input, cid)),

  archive: authed
    .input(idempotent(WRITE_INPUTS['accounts.archive']))
    .mutation(({ ctx, input: { clientId: cid, ...input } }) => runWrite(ctx.db, ctx.actor, archiveAccount, input, cid)),

  restore: authed
    .input(idempotent(WRITE_INPUTS['accounts.restore']))
    .mutation(({ ctx, input: { clientId: cid, ...input } }) => runWrite(ctx.db, ctx.actor, restoreAccount, input, cid)),

  update: authed
    .input(idempotent(WRITE_INPUTS['accounts.update']))
    .mutation(({ ctx, input: { clientId: cid, ...input } }) => runWrite(ctx.db, ctx.actor, updateAccount, input, cid)),

  addContactChannel: authed
    .input(idempotent(WRITE_INPUTS['accounts.addContactChannel']))
    .mutation(({ ctx, input: { clientId: cid, ...input } }) => runWrite(ctx.db, ctx.actor, addContactChannel, input, cid)),

  setOwner: authed
    .input(idempotent(z.object({ accountId: id, ownerId: id.nullable() })))
    .mutation(({ ctx, input: { clientId: cid, ...input } }) => runWrite(ctx.db, ctx.actor, setOwner, input, cid)),

  correctContact: authed
    .input(idempotent(WRITE_INPUTS['accounts.correctContact']))
    .mutation(({ ctx, input: { clientId: cid, ...input } }) => runWrite(ctx.db, ctx.actor, correctContact, input, cid)),

  setContactRole: authed
    .input(idempotent(WRITE_INPUTS['accounts.setContactRole']))
    .mutation(({ ctx, input: { clientId: cid, ...input } }) => runWrite(ctx.db, ctx.actor, setContactRole, input, cid)),
});
