import { z } from 'zod';
import { clientId, id, linkedInCompany, linkedInPerson, person } from '../../shared/schemas';
import { authed, router } from '../trpc';
import { runWrite } from '../domain/writes';
import { captureEmailContact, captureLinkedInCompany, captureLinkedInPerson } from '../domain/capture';

export const captureRouter = router({
  linkedInPerson: authed
    .input(z.object({ person: linkedInPerson, linkContactId: id.optional(), clientId: clientId.optional() }))
    .mutation(({ ctx, input }) => runWrite(ctx.db, ctx.actor, captureLinkedInPerson, { ...input.person, linkContactId: input.linkContactId }, input.clientId)),

  linkedInCompany: authed
    .input(z.object({ company: linkedInCompany, clientId: clientId.optional() }))
    .mutation(({ ctx, input }) => runWrite(ctx.db, ctx.actor, captureLinkedInCompany, input.company, input.clientId)),

  emailContact: authed
    .input(
      z.object({
        person,
        wroteToUs: z.boolean(),
        threadId: z
          .string()
          .regex(/^[0-9a-f]{6,32}$/)
          .optional(),
        clientId: clientId.optional(),
      }),
    )
    .mutation(({ ctx, input }) =>
      runWrite(
        ctx.db,
        ctx.actor,
        captureEmailContact,
        { ...input.person, wroteToUs: input.wroteToUs, sourceKey: `gmail-capture:${input.threadId ?? 'none'}:${input.person.email}` },
        input.clientId,
      ),
    ),
});
