/** A LinkedIn person or company: who it is, and either the known account or a one-click capture. */
import type { SidebarView } from '../background/views';
import { t } from '../i18n';
import { AccountCard } from './AccountCard';
import { act, busy } from './store';

export function LinkedInPanel({ view }: { view: Extract<SidebarView, { site: 'linkedin' }> }) {
  const { page, match } = view;
  const knownPerson = match.matchedBy === 'person';
  return (
    <>
      <section class="card subject">
        <h2>{page.name}</h2>
        {page.kind === 'person' ? (
          <>
            {page.headline && <p>{page.headline}</p>}
            <p class="muted">{[page.companyName, page.city].filter(Boolean).join(' · ')}</p>
          </>
        ) : (
          <p class="muted">{[page.industry, page.city, page.size].filter(Boolean).join(' · ')}</p>
        )}
        {!knownPerson && !(page.kind === 'company' && match.account) && (
          <>
            <p class="muted">{match.account ? t('knownCompany') : t('notInCrm')}</p>
            <button type="button" class="primary" data-action="capture" disabled={busy.value} onClick={() => act({ type: 'sidebar:capture' })}>
              {match.account ? t('addAsContact') : page.kind === 'person' ? t('captureSuspect') : t('captureCompany')}
            </button>
          </>
        )}
      </section>
      {match.account && <AccountCard account={match.account} />}
    </>
  );
}
