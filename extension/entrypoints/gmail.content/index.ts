import { extractThread } from '../../sites/gmail/extract';
import { watchPage } from '../../content/watch';
import { createSidebar } from '../../content/sidebar-frame';
import type { GmailThread } from '../../../shared/schemas';

export default defineContentScript({
  matches: ['https://mail.google.com/*'],
  runAt: 'document_idle',
  main(ctx) {
    const sidebar = createSidebar(ctx);
    watchPage<GmailThread>(ctx, {
      extract: () => extractThread(document, location.href),
      // a new message in the open thread is a new page: it may be a reply to log
      keyOf: (t) => `${t.threadId}|${t.messages.map((m) => m.id).join(',')}`,
      contentOf: (t) => t.threadId,
      onPage: (t) => void sidebar.show(t ? { site: 'gmail', data: t } : null),
    });
  },
});
