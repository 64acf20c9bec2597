/**
 * One-time frame tokens. The content script registers the page it scraped
 * and gets a token for the sidebar frame it mounts; the frame presents it.
 * A token belongs to one tab and, from its first use, to one frame: its
 * document where the browser names it (Chrome's documentId), else the frame
 * (Firefox has no documentId; its frameId names the frame in the tab). So a
 * frame the host page creates itself gets nothing, even with the token. The
 * token itself never reaches the page (messaging/frame-channel.ts). Kept in
 * session storage: MV3 workers are stopped when idle.
 */
import { storage } from '#imports';
import type { OpenPage } from '../messaging/protocol';

export interface FrameGrant {
  tabId: number;
  page: OpenPage;
  /** the frame that used it first: `doc:<documentId>` or `frame:<frameId>` */
  boundTo?: string;
  createdAt: number;
}

const TTL_MS = 12 * 3600 * 1000;
const key = (token: string) => `session:frame:${token}` as const;

export function newToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
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

/** Who is asking, as the browser tells the background (never as the frame says). */
export interface Asker {
  tabId?: number;
  frameId?: number;
  documentId?: string;
}

const frameOf = (a: Asker) => (a.documentId ? `doc:${a.documentId}` : a.frameId !== undefined ? `frame:${a.frameId}` : null);

/** The grant for this token if the asking frame may have it, binding it to that frame on first use. */
export async function redeem(token: string, asker: Asker): Promise<FrameGrant | null> {
  const grant = await storage.getItem<FrameGrant>(key(token));
  if (!grant || grant.tabId !== asker.tabId || Date.now() - grant.createdAt > TTL_MS) return null;
  const frame = frameOf(asker);
  // the tab's top document is never the sidebar
  if (!frame || asker.frameId === 0) return null;
  if (grant.boundTo) return grant.boundTo === frame ? grant : null;
  await storage.setItem<FrameGrant>(key(token), { ...grant, boundTo: frame });
  return grant;
}

/** Whether the tab's content script made a frame that has not yet used its token (a frame made by the page finds none). */
export async function awaitsFrame(tabId: number | undefined): Promise<boolean> {
  if (tabId === undefined) return false;
  const token = await storage.getItem<string>(tabKey(tabId));
  const grant = token ? await storage.getItem<FrameGrant>(key(token)) : null;
  return !!grant && !grant.boundTo;
}

/** The page open in a tab, as its content script registered it (for keyboard commands). */
export async function pageOfTab(tabId: number): Promise<OpenPage | null> {
  const token = await storage.getItem<string>(tabKey(tabId));
  const grant = token ? await storage.getItem<FrameGrant>(key(token)) : null;
  return grant?.page ?? null;
}
