/**
 * The outbox: every write goes to extension storage first, so it survives the
 * worker being stopped, the browser being closed and the server being down.
 * Writes are sent in order, each with the id the client made for it; a write
 * whose answer was lost is simply sent again and the server answers with the
 * first result. A write the server refuses for good leaves the queue with its
 * message; a refused token stops all sending until a new one is saved.
 */
import { storage } from '#imports';
import type { Trouble } from '../messaging/protocol';
import type { FailedWrite, WriteSummary } from '../messaging/answers';
import { troubleOf, type Api } from './api';
import { send, type WriteOp } from './writes';
import { serialized } from '../../shared/serialized';

export interface OutboxEntry {
  clientId: string;
  op: WriteOp;
  /** which page it was made on, so that page's sidebar can show it as pending */
  pageKey: string;
  summary: WriteSummary;
  createdAt: number;
  attempts: number;
  nextAttemptAt: number;
}

const queueItem = storage.defineItem<OutboxEntry[]>('local:outbox', { fallback: [] });
const failedItem = storage.defineItem<FailedWrite[]>('local:outboxFailed', { fallback: [] });
const authBlockedItem = storage.defineItem<boolean>('local:outboxAuthBlocked', { fallback: false });
/** results of recently delivered writes, for the sidebar that is waiting on them */
const resultsItem = storage.defineItem<Record<string, unknown>>('session:outboxResults', { fallback: {} });

const BASE_DELAY_MS = 5_000;
const MAX_DELAY_MS = 5 * 60_000;
const MAX_FAILED_KEPT = 50;
const MAX_RESULTS_KEPT = 50;

export const backoff = (attempts: number) => Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.max(0, attempts - 1));

// One worker instance at a time runs this code; the chain keeps its own
// reads and writes of the queue in order (the queue itself lives in storage).
const serial = serialized();

export function enqueue(entry: Omit<OutboxEntry, 'createdAt' | 'attempts' | 'nextAttemptAt'>, now = Date.now()) {
  return serial(async () => {
    const queue = await queueItem.getValue();
    // never mutate what storage hands out: the fallback array is shared
    if (!queue.some((e) => e.clientId === entry.clientId)) {
      await queueItem.setValue([...queue, { ...entry, createdAt: now, attempts: 0, nextAttemptAt: now }]);
    }
  });
}

export interface FlushReport {
  delivered: string[];
  stopped: Trouble | null;
  remaining: number;
}

/**
 * Sends what is due, oldest first. `force` ignores the backoff (a user just
 * acted, or the server was seen to answer again).
 */
export function flush(api: Api | null, { force = false, now = () => Date.now() } = {}): Promise<FlushReport> {
  return serial(async () => {
    const delivered: string[] = [];
    if (!api) return { delivered, stopped: 'not-configured', remaining: (await queueItem.getValue()).length };
    if (await authBlockedItem.getValue()) return { delivered, stopped: 'unauthorized', remaining: (await queueItem.getValue()).length };
    for (;;) {
      const queue = await queueItem.getValue();
      const head = queue[0];
      if (!head) return { delivered, stopped: null, remaining: 0 };
      if (!force && head.nextAttemptAt > now()) return { delivered, stopped: null, remaining: queue.length };
      let result: unknown;
      try {
        result = await send(api, head.op, head.clientId);
      } catch (e) {
        const t = troubleOf(e);
        if (t.ok) throw new Error('unreachable');
        if (t.trouble === 'unreachable') {
          // the wait grows with tries spaced out by it, not with a rep's clicks (or a browser start) in between
          const due = head.nextAttemptAt <= now();
          await updateHead(head.clientId, (h) => {
            const attempts = due ? h.attempts + 1 : Math.max(1, h.attempts);
            return { ...h, attempts, nextAttemptAt: now() + backoff(attempts) };
          });
          return { delivered, stopped: 'unreachable', remaining: queue.length };
        }
        if (t.trouble === 'unauthorized') {
          await authBlockedItem.setValue(true);
          return { delivered, stopped: 'unauthorized', remaining: queue.length };
        }
        // refused for good (validation, permission, gone): out of the queue, with its message
        await removeEntry(head.clientId);
        const failed = await failedItem.getValue();
        await failedItem.setValue([...failed, { clientId: head.clientId, summary: head.summary, message: t.message, at: now() }].slice(-MAX_FAILED_KEPT));
        continue;
      }
      await removeEntry(head.clientId);
      await rememberResult(head.clientId, result);
      delivered.push(head.clientId);
    }
  });
}

async function updateHead(clientId: string, f: (e: OutboxEntry) => OutboxEntry) {
  const queue = await queueItem.getValue();
  await queueItem.setValue(queue.map((e) => (e.clientId === clientId ? f(e) : e)));
}

async function removeEntry(clientId: string) {
  const queue = await queueItem.getValue();
  await queueItem.setValue(queue.filter((e) => e.clientId !== clientId));
}

async function rememberResult(clientId: string, result: unknown) {
  const results = await resultsItem.getValue();
  const entries = Object.entries({ ...results, [clientId]: result ?? null }).slice(-MAX_RESULTS_KEPT);
  await resultsItem.setValue(Object.fromEntries(entries));
}

export const deliveredResult = async (clientId: string) => (await resultsItem.getValue())[clientId];
export const queued = () => queueItem.getValue();
export const failedWrites = () => failedItem.getValue();
export const dismissFailed = (clientId: string) =>
  serial(async () => failedItem.setValue((await failedItem.getValue()).filter((f) => f.clientId !== clientId)));
/** A new token was saved: sending may start again. */
export const unblockAuth = () => authBlockedItem.setValue(false);
export const isAuthBlocked = () => authBlockedItem.getValue();
