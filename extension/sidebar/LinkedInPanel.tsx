/** A LinkedIn person or company: who it is, and either the known account or a one-click capture. */
import type { LinkedInPage } from '../../shared/schemas';
import type { LinkedInMatch } from '../background/views';
import { label, t } from '../i18n';
import { phaseById } from '../../shared/phases';
import { AccountCard } from './AccountCard';
import { act, busy, pending } from './store';

export function LinkedInPanel({ page, match }: { page: LinkedInPage; match: LinkedInMatch | null }) {
  const captured = pending.value.find((p) => p.what === 'capture');
  const known = match && (match.matchedBy === 'person' || (page.kind === 'company' && match.account));
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
        {captured ? (
          // what the user did shows at once, marked as waiting for the server
          <p class="pending">
            <span class="phase" data-phase={captured.to} data-pending="true">
              {label(phaseById(captured.to!).label)}
            </span>{' '}
            {t('pendingNote')}
          </p>
        ) : (
          !known && (
            <>
              <p class="muted">{match?.account ? t('knownCompany') : match ? t('notInCrm') : ''}</p>
              <button type="button" class="primary" data-action="capture" disabled={busy.value} onClick={() => act({ type: 'sidebar:capture' })}>
                {match?.account ? t('addAsContact') : page.kind === 'person' ? t('captureSuspect') : t('captureCompany')}
              </button>
            </>
          )
        )}
      </section>
      {match?.account && <AccountCard account={match.account} />}
    </>
  );
}
