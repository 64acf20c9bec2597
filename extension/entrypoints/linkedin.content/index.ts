import { extractLinkedIn } from '../../sites/linkedin/extract';
import { watchPage } from '../../content/watch';
import { createSidebar } from '../../content/sidebar-frame';
import type { LinkedInPage } from '../../../shared/schemas';

/** After this long on a profile or company URL that shows nothing we can read, the sidebar opens from the URL alone. */
const URL_ONLY_AFTER_MS = 4000;

export default defineContentScript({
  matches: ['https://www.linkedin.com/*', 'https://*.linkedin.com/*'],
  runAt: 'document_idle',
  main(ctx) {
    const sidebar = createSidebar(ctx, 'linkedin');
    let url = location.href;
    let since = Date.now();
    watchPage<LinkedInPage>(ctx, {
      extract: () => {
        if (url !== location.href) [url, since] = [location.href, Date.now()];
        return extractLinkedIn(document, location.href, { allowUrlOnly: Date.now() - since >= URL_ONLY_AFTER_MS });
      },
      keyOf: (p) => (p.kind === 'person' ? `${p.profileUrl}|${p.name}|${p.companyName ?? ''}|${p.headline ?? ''}` : `${p.companyUrl}|${p.name}`),
      contentOf: (p) => p.name,
      onPage: (p) => void sidebar.show(p ? { site: 'linkedin', data: p } : null),
      retryEmptyMs: URL_ONLY_AFTER_MS + 100,
    });
  },
});
