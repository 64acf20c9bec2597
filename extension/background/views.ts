/** What the sidebar shows for a page: the page's own data plus what the team knows about it. */
import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '../../server/routers';
import type { GmailThread, LinkedInPage } from '../../shared/schemas';
import type { OpenPage } from '../messaging/protocol';
import type { Api } from './api';

type Out = inferRouterOutputs<AppRouter>;
export type AccountView = Out['accounts']['get'];
export type LinkedInMatch = Out['accounts']['lookupLinkedIn'];
export type EmailLookup = Out['accounts']['lookupEmails'];

export const MAX_RECIPIENTS = 20;

/** Every frame request is answered with the page's view; logging a thread also says what it did. */
export interface FrameAnswer {
  view: SidebarView;
  logged?: Out['activities']['logThread'];
}

export type SidebarView =
  | { site: 'linkedin'; page: LinkedInPage; match: LinkedInMatch }
  | { site: 'gmail'; thread: GmailThread; lookup: EmailLookup; neverLog: string[]; tooManyRecipients: boolean };

export const recipientCount = (t: GmailThread) =>
  new Set(t.messages.flatMap((m) => [m.from, ...m.to, ...m.cc].map((p) => p.email))).size;

export async function buildView(api: Api, page: OpenPage): Promise<SidebarView> {
  if (page.site === 'linkedin') {
    const p = page.data;
    const match = await api.accounts.lookupLinkedIn.query(
      p.kind === 'person'
        ? { profileUrl: p.profileUrl, memberId: p.memberId, companyUrl: p.companyUrl, companyName: p.companyName }
        : { companyUrl: p.companyUrl, companyName: p.name },
    );
    return { site: 'linkedin', page: p, match };
  }
  const thread = page.data;
  const [lookup, me] = await Promise.all([
    api.accounts.lookupEmails.query({ people: thread.external.slice(0, 50) }),
    api.me.get.query(),
  ]);
  return { site: 'gmail', thread, lookup, neverLog: me.neverLog, tooManyRecipients: recipientCount(thread) > MAX_RECIPIENTS };
}
