import { z } from 'zod';
import { authed, router } from '../trpc';
import { email, id, line } from '../../shared/schemas';
import { eraseAccount, erasePerson, exportPerson } from '../domain/privacy';

const person = z
  .object({ email: email.optional(), linkedinUrl: line(2000).pipe(z.url()).optional() })
  .refine((p) => p.email || p.linkedinUrl, 'give an e-mail address or a LinkedIn profile URL');

export const privacyRouter = router({
  exportPerson: authed.input(person).query(({ ctx, input }) => exportPerson(ctx.db, ctx.actor, input)),
  erasePerson: authed.input(person).mutation(({ ctx, input }) => erasePerson(ctx.db, ctx.actor, input)),
  eraseAccount: authed.input(z.object({ accountId: id })).mutation(({ ctx, input }) => eraseAccount(ctx.db, ctx.actor, input)),
});
