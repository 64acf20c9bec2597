import { z } from 'zod';
import { authed, router } from '../trpc';
import { email, line } from '../../shared/schemas';
import { USER_ROLES } from '../../shared/phases';
import { inviteUser, revokeUser, setUserRole, teamUsers } from '../domain/users';

const role = z.enum(USER_ROLES);

export const usersRouter = router({
  list: authed.query(({ ctx }) => teamUsers(ctx.db, ctx.actor)),
  invite: authed
    .input(z.object({ email, name: line(200).pipe(z.string().min(1)), role: role.default('rep') }))
    .mutation(({ ctx, input }) => inviteUser(ctx.db, ctx.actor, input)),
  revoke: authed.input(z.object({ email })).mutation(({ ctx, input }) => revokeUser(ctx.db, ctx.actor, input)),
  setRole: authed.input(z.object({ email, role })).mutation(({ ctx, input }) => setUserRole(ctx.db, ctx.actor, input)),
});
