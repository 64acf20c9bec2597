/** Sends what waits in the outbox without anyone opening a page: on alarms, at start-up and on wake. */
import { makeApi } from './api';
import { flush } from './outbox';
import { loadSettings } from './settings';

export const OUTBOX_ALARM = 'outbox';

export async function flushDue(force: boolean) {
  const settings = await loadSettings();
  return flush(settings ? makeApi(settings) : null, { force });
}
