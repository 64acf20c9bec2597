import { authed, router } from '../trpc';
import { createForm, listForms } from '../domain/intake/forms';
import { webFormInput } from '../../shared/schemas';

export const formsRouter = router({
  list: authed.query(({ ctx }) => listForms(ctx.db, ctx.actor)),
  create: authed.input(webFormInput).mutation(({ ctx, input }) => createForm(ctx.db, ctx.actor, input)),
});
