/**
 * Zero-click logging from the sidebar's view of a thread: when the server
 * knows someone in it (and the user has it on), the thread's messages go to
 * the outbox as one automatic log, with an id made from the thread and its
 * newest message, so a reopened thread adds nothing and a new reply is logged
 * as it appears. The server applies every rule again (never-log list,
 * recipient limit, free mail, undone threads).
 */
import { storage } from '#imports';
import type { GmailThread } from '../../shared/schemas';
import { MAX_LOGGED_RECIPIENTS, neverLogged, recipientCount } from '../../shared/email';
import { deliveredResult, enqueue } from './outbox';
import { deliver } from './delivery';
import type { Api } from './api';
import { serialized } from '../../shared/serialized';
import type { SidebarView } from '../messaging/answers';

const countsItem = storage.defineItem<Record<string, number>>('session:autoLogged', { fallback: {} });
/** automatic logs already sent: a replayed id would answer with its first result and count twice */
const sentItem = storage.defineItem<string[]>('session:autoLogSent', { fallback: [] });
const SENT_KEPT = 500;

export const autoLoggedCount = async (threadId: string) => (await countsItem.getValue())[threadId] ?? 0;

export async function forgetAutoLogged(threadId: string) {
  const counts = { ...(await countsItem.getValue()) };
  delete counts[threadId];
  await countsItem.setValue(counts);
}

// claims are checked and written one at a time: the worker answers several frame requests at once
const serial = serialized();
const claim = (clientId: string) =>
  serial(async () => {
    const sent = await sentItem.getValue();
    if (sent.includes(clientId)) return false;
    await sentItem.setValue([...sent, clientId].slice(-SENT_KEPT));
    return true;
  });
const unclaim = (clientId: string) => serial(async () => sentItem.setValue((await sentItem.getValue()).filter((c) => c !== clientId)));

/** Logs the thread if it is due; true when something new was logged (the view should be read again). */
export async function autoLogDue(api: Api, view: Extract<SidebarView, { site: 'gmail' }>, thread: GmailThread, pageKey: string): Promise<boolean> {
  if (!view.autoLog || recipientCount(thread) > MAX_LOGGED_RECIPIENTS) return false;
  if (view.status.logged >= thread.messages.length) return false;
  const known = view.lookup.participants.some((p) => p.accountId && !neverLogged(view.neverLog, p.email));
  if (!known) return false;
  const newest = thread.messages[thread.messages.length - 1]!.id;
  const clientId = `auto-${thread.threadId}-${newest}`;
  // two views of the same thread at once (an action and a refresh) must send and count it once: claim it first
  if (!(await claim(clientId))) return false;
  await enqueue({ clientId, op: { path: 'activities.autoLogThread', input: { thread } }, pageKey, summary: { what: 'log', label: thread.subject } });
  const report = await deliver(api, { force: true });
  if (!report.delivered.includes(clientId)) {
    // not sent now (offline): the outbox delivers it later; a later view may count it then
    await unclaim(clientId);
    return false;
  }
  const result = (await deliveredResult(clientId)) as { logged?: number } | undefined;
  const logged = result?.logged ?? 0;
  if (logged > 0) {
    const counts = await countsItem.getValue();
    await countsItem.setValue({ ...counts, [thread.threadId]: (counts[thread.threadId] ?? 0) + logged });
  }
  return logged > 0;
}
