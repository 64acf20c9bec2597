/**
 * The sidebar's state, as signals. Data flows one way: an action asks the
 * background, whose answer replaces the state; components only read.
 */
import { computed, signal } from '@preact/signals';
import type { FrameRequestIn, Reply, Trouble } from '../messaging/protocol';
import { ask, newClientId } from '../messaging/send';
import type { FrameAnswer } from '../messaging/answers';
import { receiveToken } from '../messaging/frame-channel';
import type { SidebarWrite } from '../../shared/write-inputs';

/** this frame's token, from the content script that made it (empty until then) */
export const token = signal('');
const handshake = receiveToken().then((t) => (token.value = t ?? ''));
export const answer = signal<FrameAnswer | null>(null);
/** a refusal of the request itself (e.g. the page was left), when there is no answer to show */
const refusal = signal<{ kind: Trouble; message: string } | null>(null);
export const busy = signal(false);
export const notice = signal<'saving' | 'saved' | null>(null);
/** when a click was ignored because the sidebar was covered or made invisible by the page */
export const coveredClick = signal<number | null>(null);

export const view = computed(() => answer.value?.view ?? null);
export const trouble = computed(() => refusal.value ?? answer.value?.trouble ?? null);
export const pending = computed(() => answer.value?.pending ?? []);
/**
 * The last "Log this thread" result, kept apart from the answer: the view is
 * refreshed after every write (by this frame and by the background), and the
 * result must stay on screen until the rep leaves the thread.
 */
const lastLog = signal<{ thread: string; result: NonNullable<FrameAnswer['logged']> } | null>(null);
const threadOf = (a: FrameAnswer | null) => (a?.page.site === 'gmail' ? a.page.data.threadId : null);
export const logged = computed(() => (lastLog.value && lastLog.value.thread === threadOf(answer.value) ? lastLog.value.result : null));

type Action = Exclude<FrameRequestIn, { type: 'sidebar:view' | 'sidebar:cached' }>;
type ActionInput = { [K in Action['type']]: Omit<Extract<Action, { type: K }>, 'token' | 'clientId'> }[Action['type']];

function take(reply: Reply<FrameAnswer>) {
  if (reply.ok) {
    const thread = threadOf(reply.data);
    if (reply.data.logged && thread) lastLog.value = { thread, result: reply.data.logged };
    answer.value = reply.data;
    refusal.value = null;
  } else refusal.value = { kind: reply.trouble, message: reply.message };
  return reply.ok;
}

export async function load() {
  await handshake;
  // no token came: a frame the host page made; the background would refuse it anyway
  if (!token.value) return take({ ok: false, trouble: 'expired', message: 'No token' });
  // known stays known: what the server said last time shows at once (marked not refreshed) until it answers again
  const live = ask({ type: 'sidebar:view', token: token.value });
  if (!answer.value) {
    const cached = await ask({ type: 'sidebar:cached', token: token.value });
    if (cached.ok && cached.data && !answer.value) answer.value = cached.data;
  }
  take(await live);
}

/** The move just made, undoable until `until` (a true undo on the server). */
export const lastMove = signal<{ accountId: string; until: number } | null>(null);
export const UNDO_MS = 10_000;

/** Runs one write; the answer is the new state (with the write pending if the server did not take it yet). True when it was taken. */
export async function act(input: ActionInput, clientId: string = newClientId()): Promise<boolean> {
  if (busy.value) return false;
  coveredClick.value = null;
  busy.value = true;
  notice.value = 'saving';
  const ok = take(await ask({ ...input, token: token.value, clientId }));
  busy.value = false;
  notice.value = ok && !answer.value?.pending.length && !answer.value?.trouble ? 'saved' : null;
  // focus goes to the result: the account's phase (screen readers read it out)
  if (ok) requestAnimationFrame(() => document.querySelector<HTMLElement>('[data-phase]')?.focus());
  return ok && !answer.value?.trouble;
}

/** One write on an account, as the server takes it (`shared/write-inputs.ts`). */
export const write = (w: SidebarWrite, clientId?: string) => act({ type: 'sidebar:write', write: w }, clientId);

/** A phase move that can be undone for a few seconds afterwards. */
export async function moveWithUndo(input: Extract<SidebarWrite, { path: 'accounts.move' }>['input']) {
  if (!(await write({ path: 'accounts.move', input }))) return;
  const until = Date.now() + UNDO_MS;
  lastMove.value = { accountId: input.accountId, until };
  setTimeout(() => {
    if (lastMove.value?.until === until) lastMove.value = null;
  }, UNDO_MS);
}
