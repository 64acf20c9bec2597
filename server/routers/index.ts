import { router } from '../trpc';
import { accountsRouter } from './accounts';
import { activitiesRouter } from './activities';
import { captureRouter } from './capture';
import { meRouter } from './me';
import { reportsRouter } from './reports';
import { opportunitiesRouter } from './opportunities';
import { usersRouter } from './users';
import { privacyRouter } from './privacy';
import { formsRouter } from './forms';

export const appRouter = router({
  me: meRouter,
  accounts: accountsRouter,
  capture: captureRouter,
  activities: activitiesRouter,
  reports: reportsRouter,
  opportunities: opportunitiesRouter,
  users: usersRouter,
  privacy: privacyRouter,
  forms: formsRouter,
});

export type AppRouter = typeof appRouter;
