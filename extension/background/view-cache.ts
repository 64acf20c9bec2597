/**
 * Known stays known: the last view of each page (a profile, a company, a
 * thread, the day) is kept in extension storage with its time, and shown
 * when the server cannot be reached — marked as not refreshed — instead of
 * a known person looking new.
 */
import { storage } from '#imports';
import type { SidebarView } from '../messaging/answers';

type Cached = { view: SidebarView; at: number };
const cacheItem = storage.defineItem<Record<string, Cached>>('local:viewCache', { fallback: {} });
const KEEP = 300;

export async function rememberView(pageKey: string, view: SidebarView, at = Date.now()) {
  const cache = await cacheItem.getValue();
  const { [pageKey]: _old, ...rest } = cache;
  // newest last; the oldest go once there are too many
  const entries = [...Object.entries(rest), [pageKey, { view, at }] as const].slice(-KEEP);
  await cacheItem.setValue(Object.fromEntries(entries));
}

export const cachedView = async (pageKey: string): Promise<Cached | null> => (await cacheItem.getValue())[pageKey] ?? null;
