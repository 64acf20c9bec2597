import { extractThread, visibleSenders } from '../../sites/gmail/extract';
import { watchPage } from '../../content/watch';
import { createSidebar } from '../../content/sidebar-frame';
import type { OpenPage } from '../../messaging/protocol';
import { gmailView } from '../../sites/gmail/pages';

export default defineContentScript({
  matches: ['https://mail.google.com/*'],
  runAt: 'document_idle',
  main(ctx) {
    const sidebar = createSidebar(ctx, 'gmail');
    watchPage<OpenPage>(ctx, {
      // a thread when one is open; otherwise, once Gmail has drawn its inbox, the rep's day
      extract: () => {
        const thread = extractThread(document, location.href);
        if (thread) return { site: 'gmail', data: thread };
        const view = gmailView(location.href);
        return view && !view.maybeThread && document.querySelector('[role="main"]') ? { site: 'today', data: { senders: visibleSenders(document) } } : null;
      },
      // a new message in the open thread is a new page: it may be a reply to log
      keyOf: (p) =>
        p.site === 'gmail'
          ? `${p.data.threadId}|${p.data.messages.map((m) => m.id).join(',')}`
          : p.site === 'today'
            ? `today|${p.data.senders.map((s) => s.email).join(',')}`
            : p.site,
      contentOf: (p) => (p.site === 'gmail' ? p.data.threadId : p.site),
      onPage: (p) => void sidebar.show(p),
    });
  },
});
