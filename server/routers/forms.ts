import { authed, router } from '../trpc';
import { createForm, listForms, newFormInput } from '../domain/intake/forms';

export const formsRouter = router({
  list: authed.query(({ ctx }) => listForms(ctx.db, ctx.actor)),
  create: authed.input(newFormInput).mutation(({ ctx, input }) => createForm(ctx.db, ctx.actor, input)),
});
