/** The open Gmail thread: each outside participant's account, one-click add, log, and proposals. */
import type { SidebarView } from '../background/views';
import { t } from '../i18n';
import { AccountCard } from './AccountCard';
import { act, busy, logged } from './store';

type GmailView = Extract<SidebarView, { site: 'gmail' }>;
const domainOf = (email: string) => email.slice(email.lastIndexOf('@') + 1);

export function GmailPanel({ view }: { view: GmailView }) {
  const { thread, lookup, neverLog, tooManyRecipients } = view;
  const isPrivate = (email: string) => neverLog.includes(email) || neverLog.includes(domainOf(email));
  const accountName = (id: string | null) => lookup.accounts.find((a) => a.id === id)?.name ?? '';
  const unknown = lookup.participants.filter((p) => !p.contactId && !isPrivate(p.email));
  const privateOnes = lookup.participants.filter((p) => isPrivate(p.email));
  const result = logged.value;
  const anyKnownAccount = lookup.accounts.length > 0;

  return (
    <>
      <section class="card subject">
        <h2>{thread.subject || '—'}</h2>
        <p class="muted">
          {thread.messages.length} {t('messages')}
        </p>
        {lookup.participants.length === 0 && <p class="muted">{t('nobodyOutside')}</p>}
        <ul class="participants">
          {unknown.map((p) => (
            <li key={p.email}>
              <div>
                <strong>{p.name || p.email}</strong> <span class="muted">{p.email}</span>
              </div>
              {p.accountId && (
                <p class="muted">
                  {t('newColleague')} {accountName(p.accountId)}
                </p>
              )}
              <button type="button" class="primary" data-action="capture" data-email={p.email} disabled={busy.value} onClick={() => act({ type: 'sidebar:capture', email: p.email })}>
                {p.accountId ? t('addAsContact') : p.freeMail ? t('addPerson') : `${t('addCompany')} (${domainOf(p.email)})`}
              </button>
            </li>
          ))}
          {privateOnes.map((p) => (
            <li key={p.email} data-private={p.email}>
              <strong>{p.name || p.email}</strong> <span class="muted">{p.email}</span>
              <p class="muted">{t('privateParticipant')}</p>
            </li>
          ))}
        </ul>
        {result && (
          <p class="muted" role="status" data-logged={result.logged} data-already={result.alreadyLogged} data-private-skipped={result.privateSkipped}>
            {t('threadLogged')}: {result.logged} · {t('alreadyLogged')}: {result.alreadyLogged}
            {result.privateSkipped > 0 && ` · ${t('skippedPrivate')}: ${result.privateSkipped}`}
          </p>
        )}
        {anyKnownAccount &&
          (tooManyRecipients ? (
            <p class="muted">{t('tooManyRecipients')}</p>
          ) : (
            <button type="button" data-action="log-thread" disabled={busy.value} onClick={() => act({ type: 'sidebar:logThread' })}>
              {t('logThread')}
            </button>
          ))}
      </section>
      {lookup.accounts.map((a) => (
        <AccountCard key={a.id} account={a} />
      ))}
    </>
  );
}
