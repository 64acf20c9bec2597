import { extractCompany, extractPerson } from '../../sites/linkedin/extract';
import { linkedInPage } from '../../sites/linkedin/pages';
import { watchPage } from '../../content/watch';
import { createSidebar } from '../../content/sidebar-frame';
import type { LinkedInPage } from '../../../shared/schemas';

export default defineContentScript({
  matches: ['https://www.linkedin.com/*', 'https://*.linkedin.com/*'],
  runAt: 'document_idle',
  main(ctx) {
    const sidebar = createSidebar(ctx);
    watchPage<LinkedInPage>(ctx, {
      extract: () => {
        const ref = linkedInPage(location.href);
        if (ref?.kind === 'person') return extractPerson(document, location.href);
        if (ref?.kind === 'company') return extractCompany(document, location.href);
        return null;
      },
      keyOf: (p) => (p.kind === 'person' ? `${p.profileUrl}|${p.name}|${p.companyName ?? ''}` : `${p.companyUrl}|${p.name}`),
      contentOf: (p) => p.name,
      onPage: (p) => void sidebar.show(p ? { site: 'linkedin', data: p } : null),
    });
  },
});
