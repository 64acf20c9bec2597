/** Sends what waits in the outbox without anyone opening a page: on alarms, at start-up, on wake, and when due again. */
import { makeApi, type Api } from './api';
import { flush, queued } from './outbox';
import { loadSettings } from './settings';

export const OUTBOX_ALARM = 'outbox';

/**
 * A worker idles out ~30 s after its last event, and an alarm comes at most every 30 s: a retry due
 * within this time waits on a timer of this worker (the server that came back gets the writes
 * seconds later, not at the next alarm); a later one is the alarm's.
 */
const RETRY_WITHIN_MS = 25_000;
let retry: ReturnType<typeof setTimeout> | undefined;

/** Sends what is due (all of it when forced); if the server did not answer, tries again when the first write is due. */
export async function deliver(api: Api | null, opts: { force?: boolean } = {}) {
  const report = await flush(api, opts);
  if (report.stopped === 'unreachable') {
    const head = (await queued())[0];
    const wait = head ? head.nextAttemptAt - Date.now() : Number.POSITIVE_INFINITY;
    clearTimeout(retry);
    // with the settings as they are then: a new token or server may have been saved meanwhile
    if (wait <= RETRY_WITHIN_MS) retry = setTimeout(() => void flushDue(true), Math.max(0, wait));
  }
  return report;
}

export async function flushDue(force: boolean) {
  const settings = await loadSettings();
  return deliver(settings ? makeApi(settings) : null, { force });
}
