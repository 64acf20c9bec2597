/**
 * One-time frame tokens. The content script registers the page it scraped
 * and gets a token for the sidebar frame it mounts; the frame presents it.
 * A token belongs to one tab and, from its first use, to one frame document,
 * so a frame the host page creates itself gets nothing. Kept in session
 * storage: MV3 workers are stopped when idle.
 */
import { storage } from '#imports';
import type { OpenPage } from '../messaging/protocol';

export interface FrameGrant {
  tabId: number;
  page: OpenPage;
  documentId?: string;
  createdAt: number;
}

const TTL_MS = 12 * 3600 * 1000;
const key = (token: string) => `session:frame:${token}` as const;

export function newToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

const tabKey = (tabId: number) => `session:tab:${tabId}` as const;

/** A new grant replaces the tab's previous one: the frame of a page the user has left gets nothing more. */
export async function grantFrame(tabId: number, page: OpenPage): Promise<string> {
  const token = newToken();
  const previous = await storage.getItem<string>(tabKey(tabId));
  if (previous) await storage.removeItem(key(previous));
  await storage.setItems([
    { key: key(token), value: { tabId, page, createdAt: Date.now() } satisfies FrameGrant },
    { key: tabKey(tabId), value: token },
  ]);
  return token;
}

/** The grant for this token if the asking frame may have it, binding it to that frame on first use. */
export async function redeem(token: string, tabId: number | undefined, documentId: string | undefined): Promise<FrameGrant | null> {
  const grant = await storage.getItem<FrameGrant>(key(token));
  if (!grant || grant.tabId !== tabId || Date.now() - grant.createdAt > TTL_MS) return null;
  if (grant.documentId && grant.documentId !== documentId) return null;
  if (!grant.documentId && documentId) await storage.setItem<FrameGrant>(key(token), { ...grant, documentId });
  return grant;
}

/** The page open in a tab, as its content script registered it (for keyboard commands). */
export async function pageOfTab(tabId: number): Promise<OpenPage | null> {
  const token = await storage.getItem<string>(tabKey(tabId));
  const grant = token ? await storage.getItem<FrameGrant>(key(token)) : null;
  return grant?.page ?? null;
}
