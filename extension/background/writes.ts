/**
 * The writes the outbox keeps and sends, as data. Every server procedure that
 * takes a client id is one: its input type is the router's own, so the outbox
 * can hold nothing the server would not take, and a new write needs no line here.
 */
import { getUntypedClient } from '@trpc/client';
import type { inferRouterInputs } from '@trpc/server';
import type { AppRouter } from '../../server/routers';
import type { Api } from './api';

type In = inferRouterInputs<AppRouter>;
/** one write by its procedure path, without the client id (the outbox gives it one) */
export type WriteOp = {
  [R in keyof In]: {
    [Q in keyof In[R]]: 'clientId' extends keyof In[R][Q] ? { path: `${R & string}.${Q & string}`; input: Omit<In[R][Q], 'clientId'> } : never;
  }[keyof In[R]];
}[keyof In];

/** Sends one write with its client-made id: the server answers a repeat with the first result. */
export const send = (api: Api, op: WriteOp, clientId: string): Promise<unknown> => getUntypedClient(api).mutation(op.path, { ...op.input, clientId });
