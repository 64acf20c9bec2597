/**
 * Known stays known: the last view of each page (a profile, a company, a
 * thread, the day) is kept in extension storage with its time, and shown
 * when the server cannot be reached — marked as not refreshed — instead of
 * a known person looking new.
 *
 * Each view under its own key, with a short list of keys for the order: every
 * page a rep opens writes its view, and one map of all 300 views rewritten and
 * read back on each page cost 380 ms more per page once it was full (measured
 * in Chromium; `npm run bench`, `BENCH_ONLY=capture`).
 */
import { storage } from '#imports';
import type { SidebarView } from '../messaging/answers';
import { serialized } from '../../shared/serialized';

export type Cached = { view: SidebarView; at: number };
export const KEEP = 300;

const KEYS = 'local:viewKeys';
const keysItem = storage.defineItem<string[]>(KEYS, { fallback: [] });
const viewKey = (pageKey: string) => `local:view:${pageKey}` as const;
/** the one map of every view that earlier versions kept */
const legacyItem = storage.defineItem<unknown>('local:viewCache');

// the list of keys is read, changed and written back: one change at a time
const serial = serialized();

export function rememberView(pageKey: string, view: SidebarView, at = Date.now()) {
  return serial(async () => {
    const keys = await keysItem.getValue();
    // newest last; the oldest go once there are too many
    const next = [...keys.filter((k) => k !== pageKey), pageKey];
    const dropped = next.splice(0, Math.max(0, next.length - KEEP));
    await storage.setItems([
      { key: viewKey(pageKey), value: { view, at } satisfies Cached },
      { key: KEYS, value: next },
    ]);
    if (dropped.length) await storage.removeItems(dropped.map(viewKey));
    // no list yet: the first view since this version came, so the old map is of no more use
    if (!keys.length) await legacyItem.removeValue();
  });
}

export const cachedView = (pageKey: string): Promise<Cached | null> => storage.getItem<Cached>(viewKey(pageKey));
