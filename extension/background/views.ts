/** What the sidebar shows for a page: the page's own data plus what the team knows about it. */
import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '../../server/routers';
import type { OpenPage, Trouble } from '../messaging/protocol';
import type { FailedWrite, OutboxEntry } from './outbox';
import type { Api } from './api';

type Out = inferRouterOutputs<AppRouter>;
export type AccountView = Out['accounts']['get'];
export type LinkedInMatch = Out['accounts']['lookupLinkedIn'];
export type EmailLookup = Out['accounts']['lookupEmails'];

/**
 * Every frame request is answered with the page as scraped, what the team
 * knows about it (null when the server cannot say), and the writes still
 * waiting in the outbox, so the sidebar shows what the user did at once.
 */
export interface FrameAnswer {
  page: OpenPage;
  view: SidebarView | null;
  /** when the view is the last one the server gave (it cannot be reached now): since when */
  staleSince: number | null;
  trouble: { kind: Trouble; message: string } | null;
  pending: OutboxEntry['summary'][];
  queued: number;
  failed: FailedWrite[];
  logged?: Out['activities']['logThread'];
  /** messages of the open thread logged automatically (and not undone) */
  autoLogged: number;
}

/** Identifies the page a write was made on. */
export const pageKey = (page: OpenPage) =>
  page.site === 'today'
    ? 'today'
    : page.site === 'gmail'
      ? `gmail:${page.data.threadId}`
      : page.data.kind === 'person'
        ? page.data.profileUrl
        : page.data.companyUrl;

export type SidebarView =
  | { site: 'linkedin'; match: LinkedInMatch }
  | { site: 'gmail'; lookup: EmailLookup; neverLog: string[]; autoLog: boolean; status: Out['activities']['threadStatus'] }
  | { site: 'today'; today: Out['accounts']['today']; senders: EmailLookup | null };

export async function buildView(api: Api, page: OpenPage): Promise<SidebarView> {
  if (page.site === 'today') {
    // the user's own day: local midnight to midnight
    const start = new Date();
    start.setHours(0, 0, 0, 0);
    const end = new Date(start);
    end.setDate(end.getDate() + 1);
    const senders = page.data.senders;
    const [today, known] = await Promise.all([
      api.accounts.today.query({ dayStart: start.getTime(), dayEnd: end.getTime() - 1 }),
      senders.length ? api.accounts.lookupEmails.query({ people: senders }) : Promise.resolve(null),
    ]);
    return { site: 'today', today, senders: known };
  }
  if (page.site === 'linkedin') {
    const p = page.data;
    const match = await api.accounts.lookupLinkedIn.query(
      p.kind === 'person'
        ? { profileUrl: p.profileUrl, memberId: p.memberId, companyUrl: p.companyUrl, companyName: p.companyName, name: p.name }
        : { companyUrl: p.companyUrl, companyName: p.name },
    );
    return { site: 'linkedin', match };
  }
  const thread = page.data;
  const [lookup, me, status] = await Promise.all([
    api.accounts.lookupEmails.query({ people: thread.external.slice(0, 50) }),
    api.me.get.query(),
    api.activities.threadStatus.query({ messageIds: thread.messages.map((m) => m.id) }),
  ]);
  return { site: 'gmail', lookup, neverLog: me.neverLog, autoLog: me.autoLog, status };
}
