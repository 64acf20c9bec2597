/** What the sidebar shows for a page: the page's own data plus what the team knows about it. */
import type { OpenPage } from '../messaging/protocol';
import type { SidebarView } from '../messaging/answers';
import type { Api } from './api';

/** Identifies the page a write was made on. */
export const pageKey = (page: OpenPage) =>
  page.site === 'today'
    ? 'today'
    : page.site === 'gmail'
      ? `gmail:${page.data.threadId}`
      : page.data.kind === 'person'
        ? page.data.profileUrl
        : page.data.companyUrl;

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
