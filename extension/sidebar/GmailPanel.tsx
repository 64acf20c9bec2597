/** The open Gmail thread: each outside participant's account, one-click add, log, and proposals. */
import type { GmailThread } from '../../shared/schemas';
import type { EmailLookup } from '../messaging/answers';
import { domainOf, MAX_LOGGED_RECIPIENTS, neverLogged, recipientCount } from '../../shared/email';
import { t } from '../i18n';
import { formatDate } from '../format';
import { AccountCard } from './AccountCard';
import { act, busy, logged, pending } from './store';

type Status = { logged: number; lastLoggedAt: number | null };

export function GmailPanel({
  thread,
  lookup,
  neverLog,
  status,
  autoLogged,
}: {
  thread: GmailThread;
  lookup: EmailLookup | null;
  neverLog: string[];
  status: Status | null;
  autoLogged: number;
}) {
  const isPrivate = (email: string) => neverLogged(neverLog, email);
  const accountName = (id: string | null) => lookup?.accounts.find((a) => a.id === id)?.name ?? '';
  // offline, every outside participant is offered; the server sorts out who is known once it answers
  const participants = lookup?.participants ?? thread.external.map((p) => ({ ...p, contactId: null, accountId: null, freeMail: false, proposedContact: null }));
  const unknown = participants.filter((p) => !p.contactId && !isPrivate(p.email));
  const privateOnes = participants.filter((p) => isPrivate(p.email));
  const pendingLabels = new Set(pending.value.filter((p) => p.what === 'capture').map((p) => p.label));
  const result = logged.value;
  const canLog = lookup ? lookup.accounts.length > 0 : true;

  return (
    <>
      <section class="card subject">
        <h2>{thread.subject || '—'}</h2>
        <p class="muted">
          {thread.messages.length} {t('messages')}
        </p>
        {participants.length === 0 && <p class="muted">{t('nobodyOutside')}</p>}
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
              {pendingLabels.has(p.name || p.email) ? (
                <p class="pending">{t('pendingNote')}</p>
              ) : p.proposedContact ? (
                // the same name at the same company: offered as that contact, never merged without a click
                <div class="proposal">
                  <p>
                    {t('samePersonAs')} <strong>{p.proposedContact.name}</strong> ({accountName(p.accountId)})?
                  </p>
                  <button
                    type="button"
                    class="primary"
                    data-action="link-contact"
                    data-email={p.email}
                    disabled={busy.value}
                    onClick={() => act({ type: 'sidebar:linkContact', contactId: p.proposedContact!.id, email: p.email })}
                  >
                    {t('linkContact')}
                  </button>
                </div>
              ) : (
                <button
                  type="button"
                  class="primary"
                  data-action="capture"
                  data-email={p.email}
                  disabled={busy.value}
                  onClick={() => act({ type: 'sidebar:capture', email: p.email })}
                >
                  {p.accountId ? t('addAsContact') : p.freeMail ? t('addPerson') : `${t('addCompany')} (${domainOf(p.email)})`}
                </button>
              )}
            </li>
          ))}
          {privateOnes.map((p) => (
            <li key={p.email} data-private={p.email}>
              <strong>{p.name || p.email}</strong> <span class="muted">{p.email}</span>
              <p class="muted">{t('privateParticipant')}</p>
            </li>
          ))}
        </ul>
        {status && (
          <p class="muted" data-logged-count={status.logged}>
            {status.logged > 0
              ? `${t('loggedOf')} ${status.logged}/${thread.messages.length}${status.lastLoggedAt ? ` · ${formatDate(status.lastLoggedAt)}` : ''}`
              : t('notLoggedYet')}
          </p>
        )}
        {autoLogged > 0 && (
          <p class="auto-logged" role="status" data-auto-logged={autoLogged}>
            {t('loggedAutomatically')}: {autoLogged}{' '}
            <button type="button" class="link" data-action="undo-auto-log" disabled={busy.value} onClick={() => act({ type: 'sidebar:undoAutoLog' })}>
              {t('undo')}
            </button>
          </p>
        )}
        {canLog &&
          (recipientCount(thread) > MAX_LOGGED_RECIPIENTS ? (
            <p class="muted">{t('tooManyRecipients')}</p>
          ) : (
            <button type="button" data-action="log-thread" disabled={busy.value} onClick={() => act({ type: 'sidebar:logThread' })}>
              {t('logThread')}
            </button>
          ))}
        {result && (
          <p class="muted" role="status" data-logged={result.logged} data-already={result.alreadyLogged} data-private-skipped={result.privateSkipped}>
            {t('threadLogged')}: {result.logged} · {t('alreadyLogged')}: {result.alreadyLogged}
            {result.privateSkipped > 0 && ` · ${t('skippedPrivate')}: ${result.privateSkipped}`}
          </p>
        )}
      </section>
      {lookup?.accounts.map((a) => (
        <AccountCard key={a.id} account={a} />
      ))}
    </>
  );
}
