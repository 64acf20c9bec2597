/** Gmail views from the URL: which account (/u/N/) and which view in the hash. */
export interface GmailView {
  accountIndex: number;
  /** the hash route: "inbox", "inbox/FMfcg…", "label/x/FMfcg…", "search/q/FMfcg…" */
  route: string;
  /** true when the route ends in a conversation key: a thread may be open */
  maybeThread: boolean;
}

export function gmailView(url: URL | string): GmailView | null {
  const u = typeof url === 'string' ? new URL(url) : url;
  if (u.hostname !== 'mail.google.com' || !u.pathname.startsWith('/mail/')) return null;
  const m = /^\/mail\/u\/(\d+)/.exec(u.pathname);
  const route = decodeURIComponent(u.hash.replace(/^#/, ''));
  const last = route.split('/').pop() ?? '';
  return { accountIndex: m ? Number(m[1]) : 0, route, maybeThread: route.includes('/') && /^[A-Za-z0-9]{16,}$/.test(last) };
}
