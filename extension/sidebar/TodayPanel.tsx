/**
 * Beside the inbox: the rep's day. Proposals to confirm, next steps due or
 * overdue, reviews due, open complaints, own accounts gone quiet — each one
 * click to the account, and to the last thread with it where there is one.
 */
import type { SidebarView } from '../messaging/answers';
import { phaseById, type PhaseId } from '../../shared/phases';
import { label, t } from '../i18n';
import { formatDate } from '../format';
import { ask } from '../messaging/send';

type TodayView = Extract<SidebarView, { site: 'today' }>;
type Today = TodayView['today'];
const KIND_LABEL = {
  proposal: 'todayProposal',
  'next-step': 'todayNextStep',
  review: 'todayReview',
  complaint: 'todayComplaint',
  stale: 'todayStale',
} as const;

/** The known accounts among the senders of the visible thread list, with their phase. */
function KnownSenders({ senders }: { senders: TodayView['senders'] }) {
  if (!senders?.accounts.length) return null;
  return (
    <>
      <h3>{t('knownInList')}</h3>
      <ul class="today" data-known-senders>
        {senders.accounts.map((a) => (
          <li key={a.id} data-account-id={a.id} data-account-phase={a.phase}>
            <button type="button" class="link" onClick={() => ask({ type: 'open:account', id: a.id })}>
              {a.name}
            </button>{' '}
            <span class="phase small">{label(phaseById(a.phase).label)}</span>
            <span class="muted">
              {' '}
              ·{' '}
              {senders.participants
                .filter((p) => p.accountId === a.id)
                .map((p) => p.name || p.email)
                .join(', ')}
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}

export function TodayPanel({ today, senders }: { today: Today | null; senders: TodayView['senders'] }) {
  if (!today) return null;
  return (
    <section class="card" data-view="today">
      <h2>{t('today')}</h2>
      {today.items.length === 0 && <p class="muted">{t('todayEmpty')}</p>}
      <ul class="today">
        {today.items.map((i, n) => (
          <li
            key={`${i.kind}-${i.accountId}-${n}`}
            data-item={i.kind}
            data-account-id={i.accountId}
            data-account-phase={i.phase}
            class={i.overdue ? 'overdue' : ''}
          >
            <span class="muted">{t(KIND_LABEL[i.kind])}</span>{' '}
            <button type="button" class="link" onClick={() => ask({ type: 'open:account', id: i.accountId })}>
              {i.name}
            </button>{' '}
            <span class="phase small">{label(phaseById(i.phase).label)}</span>
            {i.kind === 'proposal' && i.detail && <span> → {label(phaseById(i.detail as PhaseId).label)}</span>}
            {i.kind !== 'proposal' && i.detail && <span> · {i.detail}</span>}
            {i.at !== null && i.kind !== 'proposal' && <span class="muted"> · {formatDate(i.at)}</span>}
            {i.lastMessageId && (
              <>
                {' '}
                <a href={`https://mail.google.com/mail/u/0/#all/${i.lastMessageId}`} target="_top">
                  {t('openThread')}
                </a>
              </>
            )}
          </li>
        ))}
      </ul>
      <KnownSenders senders={senders} />
    </section>
  );
}
