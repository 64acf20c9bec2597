/**
 * Message handlers of the background worker. Content scripts may only
 * register the page they scraped; CRM data goes only to our own sidebar
 * frame holding a valid token for its tab, and to our extension pages.
 */
import { browser, type Browser } from 'wxt/browser';
import {
  extensionPageRequest,
  frameExpected,
  frameRequest,
  frameSearch,
  pageOpen,
  type ExtensionPageRequest,
  type FrameRequest,
  type Reply,
} from '../messaging/protocol';
import type { Replies } from '../messaging/replies';
import { call, failWith, makeApi } from './api';
import { awaitsFrame, grantFrame, redeem } from './frames';
import { loadSettings, saveSettings, type Settings } from './settings';
import { exportText, importFile } from './intake';
import { answerFrame, cachedAnswer } from './frame-requests';
import { unblockAuth } from './outbox';
import { deliver } from './delivery';

type Sender = Browser.runtime.MessageSender;

/** the asking frame as the browser names it: Chrome gives its document, Firefox only its frame */
const askerOf = (sender: Sender) => ({ tabId: sender.tab?.id, frameId: sender.frameId, documentId: (sender as { documentId?: string }).documentId });

const refused = (message: string): Reply<never> => ({ ok: false, trouble: 'refused', message });

/** Our own extension page (sidebar frame, options, dashboard), not a content script in a web page. */
function extensionPagePath(sender: Sender): string | null {
  if (sender.id !== browser.runtime.id || !sender.url) return null;
  const url = new URL(sender.url);
  return url.protocol === 'chrome-extension:' || url.protocol === 'moz-extension:' ? url.pathname : null;
}

async function withApi<T>(fn: (api: ReturnType<typeof makeApi>) => Promise<T>): Promise<Reply<T>> {
  const settings = await loadSettings();
  if (!settings) return failWith('not-configured');
  const api = makeApi(settings);
  return call(() => fn(api));
}

async function withSettings<T>(fn: (s: Settings) => Promise<Reply<T>>): Promise<Reply<T>> {
  const settings = await loadSettings();
  return settings ? fn(settings) : failWith('not-configured');
}

async function onContentScript(message: unknown, sender: Sender): Promise<Reply<{ token: string }>> {
  const parsed = pageOpen.safeParse(message);
  if (!parsed.success || sender.tab?.id === undefined) return refused('Unrecognised page');
  return { ok: true, data: { token: await grantFrame(sender.tab.id, parsed.data.page) } };
}

async function onFrame(message: unknown, sender: Sender): Promise<Reply<Replies[FrameRequest['type'] | 'sidebar:search' | 'sidebar:expected']>> {
  if (frameExpected.safeParse(message).success) return { ok: true, data: await awaitsFrame(sender.tab?.id) };
  const search = frameSearch.safeParse(message);
  if (search.success) {
    const grant = await redeem(search.data.token, askerOf(sender));
    if (!grant) return failWith('expired');
    return withApi((api) => api.accounts.search.query({ q: search.data.q, archived: false, limit: 20 }));
  }
  const parsed = frameRequest.safeParse(message);
  if (!parsed.success) return refused('Bad request');
  const grant = await redeem(parsed.data.token, askerOf(sender));
  if (!grant) return failWith('expired');
  if (parsed.data.type === 'sidebar:cached') return { ok: true, data: await cachedAnswer(grant.page) };
  return { ok: true, data: await answerFrame(parsed.data, grant.page) };
}

/** One handler per extension-page message, each checked against the reply the contract gives it (`messaging/replies.ts`). */
const pageHandlers: { [K in ExtensionPageRequest['type']]: (req: Extract<ExtensionPageRequest, { type: K }>) => Promise<Reply<Replies[K]>> } = {
  'settings:get': async () => {
    const s = await loadSettings();
    if (!s) return { ok: true, data: { serverUrl: '', connected: false } };
    const me = await call(() => makeApi(s).me.get.query());
    // the address is known even when the server does not answer: the options page shows both
    return me.ok
      ? { ok: true, data: { serverUrl: s.serverUrl, connected: true, me: me.data } }
      : { ok: true, data: { serverUrl: s.serverUrl, connected: false, trouble: { kind: me.trouble, message: me.message } } };
  },
  'settings:address': async () => ({ ok: true, data: { serverUrl: (await loadSettings())?.serverUrl ?? '' } }),
  'settings:save': async (req) => {
    const s = { serverUrl: req.serverUrl.replace(/\/+$/, ''), token: req.token };
    const me = await call(() => makeApi(s).me.get.query());
    if (me.ok) {
      await saveSettings(s);
      await unblockAuth();
      void deliver(makeApi(s), { force: true });
    }
    return me;
  },
  'settings:autoLog': (req) => withApi((api) => api.me.setAutoLog.mutate({ on: req.on })),
  'settings:neverLog': (req) => withApi((api) => api.me.setNeverLog.mutate({ entries: req.entries })),
  'reports:dashboard': (req) => withApi((api) => api.reports.dashboard.query({ from: req.from, to: req.to, ownerId: req.ownerId })),
  'reports:captureHealth': () => withApi((api) => api.reports.captureHealth.query()),
  'users:list': () => withApi((api) => api.users.list.query()),
  'users:invite': (req) => withApi((api) => api.users.invite.mutate({ email: req.email, name: req.name, role: req.role })),
  'users:setRole': (req) => withApi((api) => api.users.setRole.mutate({ email: req.email, role: req.role })),
  'users:revoke': (req) => withApi((api) => api.users.revoke.mutate({ email: req.email })),
  'privacy:export': (req) => withApi((api) => api.privacy.exportPerson.query({ email: req.email, linkedinUrl: req.linkedinUrl })),
  'privacy:erasePerson': (req) => withApi((api) => api.privacy.erasePerson.mutate({ email: req.email, linkedinUrl: req.linkedinUrl })),
  'privacy:eraseAccount': (req) => withApi((api) => api.privacy.eraseAccount.mutate({ accountId: req.accountId })),
  'accounts:setOwner': (req) => withApi((api) => api.accounts.setOwner.mutate({ accountId: req.accountId, ownerId: req.ownerId })),
  'accounts:search': (req) =>
    withApi((api) => {
      const { type: _type, ...query } = req;
      return api.accounts.search.query({ ...query, limit: query.limit ?? 200 });
    }),
  'accounts:update': (req) => withApi((api) => api.accounts.update.mutate({ accountId: req.accountId, patch: req.patch, clientId: crypto.randomUUID() })),
  'accounts:get': (req) => withApi((api) => api.accounts.get.query({ id: req.id })),
  'open:options': async () => {
    await browser.runtime.openOptionsPage();
    return { ok: true, data: null };
  },
  'intake:import': async (req) => {
    const { type: _type, file, ...options } = req;
    return withSettings((s) => importFile(s, file, options));
  },
  'intake:export': (req) => withSettings((s) => exportText(s, req.table, req.format, req.delimiter)),
  'forms:list': () => withApi((api) => api.forms.list.query()),
  'forms:create': (req) =>
    withApi((api) => {
      const { type: _type, ...form } = req;
      return api.forms.create.mutate(form);
    }),
  'open:dashboard': async () => {
    await browser.tabs.create({ url: browser.runtime.getURL('/dashboard.html') });
    return { ok: true, data: null };
  },
  'open:account': async (req) => {
    await browser.tabs.create({ url: `${browser.runtime.getURL('/dashboard.html')}#account/${encodeURIComponent(req.id)}` });
    return { ok: true, data: null };
  },
};

async function onExtensionPage(message: unknown): Promise<Reply<unknown>> {
  const parsed = extensionPageRequest.safeParse(message);
  if (!parsed.success) return refused('Bad request');
  // TypeScript cannot pair a union's member with its own handler; the table's type did that above
  const handle = pageHandlers[parsed.data.type] as (req: ExtensionPageRequest) => Promise<Reply<unknown>>;
  return handle(parsed.data);
}

export function handleMessage(message: unknown, sender: Sender): Promise<Reply<unknown>> {
  const path = extensionPagePath(sender);
  if (path === null) return onContentScript(message, sender);
  if (path === '/sidebar.html') {
    const type = (message as { type?: string } | null)?.type;
    if (type === 'open:options' || type === 'open:dashboard' || type === 'open:account') return onExtensionPage(message);
    return onFrame(message, sender);
  }
  return onExtensionPage(message);
}
