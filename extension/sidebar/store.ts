/**
 * The sidebar's state, as signals. Data flows one way: an action asks the
 * background, whose answer replaces the view; components only read.
 */
import { signal } from '@preact/signals';
import type { FrameRequest, Trouble } from '../messaging/protocol';
import { ask, newClientId } from '../messaging/send';
import type { FrameAnswer, SidebarView } from '../background/views';

export const token = signal(location.hash.slice(1));
export const view = signal<SidebarView | null>(null);
export const trouble = signal<{ kind: Trouble; message: string } | null>(null);
export const busy = signal(false);
export const notice = signal<'saving' | 'saved' | null>(null);
export const logged = signal<FrameAnswer['logged'] | null>(null);

type Action = Exclude<FrameRequest, { type: 'sidebar:view' }>;
type ActionInput = { [K in Action['type']]: Omit<Extract<Action, { type: K }>, 'token' | 'clientId'> }[Action['type']];

export async function load() {
  const reply = await ask<FrameAnswer>({ type: 'sidebar:view', token: token.value });
  if (reply.ok) {
    view.value = reply.data.view;
    trouble.value = null;
  } else trouble.value = { kind: reply.trouble, message: reply.message };
}

/** Runs one write; the answer is the new view. */
export async function act(input: ActionInput) {
  if (busy.value) return;
  busy.value = true;
  notice.value = 'saving';
  const reply = await ask<FrameAnswer>({ ...input, token: token.value, clientId: newClientId() });
  busy.value = false;
  if (reply.ok) {
    view.value = reply.data.view;
    logged.value = reply.data.logged ?? null;
    trouble.value = null;
    notice.value = 'saved';
  } else {
    notice.value = null;
    trouble.value = { kind: reply.trouble, message: reply.message };
  }
}
