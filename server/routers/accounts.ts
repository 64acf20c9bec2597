import { z } from 'zod';
import { accountQuery, accountPatch, archiveReason, backReason, clientId, decisionRole, id, line, note, phaseId, timestamp } from '../../shared/schemas';
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
    .input(z.object({ accountId: id, to: phaseId, reason: backReason.optional(), note: note(1000).optional(), clientId: clientId.optional() }))
    .mutation(({ ctx, input: { clientId: cid, ...input } }) => runWrite(ctx.db, ctx.actor, applyMove, input, cid)),

  undoMove: authed
    .input(z.object({ accountId: id, clientId: clientId.optional() }))
    .mutation(({ ctx, input: { clientId: cid, ...input } }) => runWrite(ctx.db, ctx.actor, undoMove, input, cid)),

  archive: authed
    .input(z.object({ accountId: id, reason: archiveReason, note: note(1000).optional(), clientId: clientId.optional() }))
    .mutation(({ ctx, input: { clientId: cid, ...input } }) => runWrite(ctx.db, ctx.actor, archiveAccount, input, cid)),

  restore: authed
    .input(z.object({ accountId: id, clientId: clientId.optional() }))
    .mutation(({ ctx, input: { clientId: cid, ...input } }) => runWrite(ctx.db, ctx.actor, restoreAccount, input, cid)),

  update: authed
    .input(
      z.object({
        accountId: id,
        clientId: clientId.optional(),
        patch: accountPatch,
      }),
    )
    .mutation(({ ctx, input: { clientId: cid, ...input } }) => runWrite(ctx.db, ctx.actor, updateAccount, input, cid)),

  addContactChannel: authed
    .input(
      z.object({
        contactId: id,
        email: z.string().trim().toLowerCase().max(254).email().optional(),
        phone: z
          .string()
          .trim()
          .min(6)
          .max(40)
          .regex(/^[+0-9 ()-]+$/, 'digits, spaces, +, - and brackets only')
          .optional(),
        clientId: clientId.optional(),
      }),
    )
    .mutation(({ ctx, input: { clientId: cid, ...input } }) => runWrite(ctx.db, ctx.actor, addContactChannel, input, cid)),

  setOwner: authed
    .input(z.object({ accountId: id, ownerId: id.nullable(), clientId: clientId.optional() }))
    .mutation(({ ctx, input: { clientId: cid, ...input } }) => runWrite(ctx.db, ctx.actor, setOwner, input, cid)),

  correctContact: authed
    .input(
      z.object({
        contactId: id,
        name: text(200).pipe(z.string().min(1)).optional(),
        headline: text(500).optional(),
        companyName: text(200).pipe(z.string().min(1)).optional(),
        clientId: clientId.optional(),
      }),
    )
    .mutation(({ ctx, input: { clientId: cid, ...input } }) => runWrite(ctx.db, ctx.actor, correctContact, input, cid)),

  setContactRole: authed
    .input(z.object({ contactId: id, role: decisionRole, clientId: clientId.optional() }))
    .mutation(({ ctx, input: { clientId: cid, ...input } }) => runWrite(ctx.db, ctx.actor, setContactRole, input, cid)),
});
