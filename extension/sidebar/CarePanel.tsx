/**
 * What keeps an account alive: the next step (overdue shows), attention
 * (days since the last contact), open complaints, the annual review, and a
 * one-line logger for calls, meetings, deliveries, referrals and the like.
 */
import { useSignal } from '@preact/signals';
import { ACTIVITY_TYPE_LABELS, DAY_MS, type ActivityType, isCustomer } from '../../shared/phases';
import { formatDate } from '../format';
import type { AccountView } from '../messaging/answers';
import { label, t } from '../i18n';
import { busy, write } from './store';
import { ActivityFields, readActivity } from './activity-form';

const LOGGABLE: ActivityType[] = [
  'call',
  'meeting',
  'visit',
  'note',
  'delivery',
  'complaint_opened',
  'annual_review',
  'referral',
  'programme_joined',
  'payment',
];

export function CarePanel({ account, now = Date.now() }: { account: AccountView; now?: number }) {
  const type = useSignal<ActivityType>('call');
  const { openComplaints, lastReviewAt, reviewDueAt, lastContactAt } = account.care;
  const caring = isCustomer(account.phase);
  const daysSince = lastContactAt !== null ? Math.max(0, Math.floor((now - lastContactAt) / DAY_MS)) : null;
  const overdue = account.nextStepDue !== null && account.nextStepDue < now;

  return (
    <div class="care">
      <h3>{t('nextStep')}</h3>
      {account.nextStep && (
        <p class={overdue ? 'overdue' : ''} data-next-step-overdue={overdue ? 'true' : undefined}>
          {account.nextStep}
          {account.nextStepDue !== null && ` · ${formatDate(account.nextStepDue)}`}
          {overdue && ` · ${t('overdue')}`}
        </p>
      )}
      <form
        class="gap-form"
        onSubmit={(e) => {
          e.preventDefault();
          const f = e.currentTarget.elements;
          const what = (f.namedItem('nextStep') as HTMLInputElement).value.trim();
          const due = (f.namedItem('nextStepDue') as HTMLInputElement).value;
          void write({
            path: 'accounts.update',
            input: { accountId: account.id, patch: { nextStep: what || null, nextStepDue: due ? Date.parse(due) : null } },
          });
        }}
      >
        <input name="nextStep" placeholder={t('nextStep')} aria-label={t('nextStep')} maxLength={500} />
        <input name="nextStepDue" type="date" aria-label={t('date')} />
        <button type="submit" data-action="save-next-step" disabled={busy.value}>
          {t('save')}
        </button>
      </form>

      <p class="muted" data-days-since-contact={daysSince ?? undefined}>
        {daysSince === null ? t('noContactYet') : `${t('daysSinceContactLabel')}: ${daysSince}`}
      </p>
      {caring && (
        <p class={reviewDueAt !== null && reviewDueAt < now ? 'overdue' : 'muted'}>
          {t('annualReview')}: {lastReviewAt ? formatDate(lastReviewAt) : '—'} · {t('nextDue')}: {reviewDueAt ? formatDate(reviewDueAt) : '—'}
        </p>
      )}
      {openComplaints.length > 0 && (
        <ul class="complaints">
          {openComplaints.map(({ complaintId: id, subject }) => (
            <li key={id} data-complaint={id}>
              {t('openComplaint')}: {subject || '—'}{' '}
              <button
                type="button"
                data-action="resolve-complaint"
                disabled={busy.value}
                onClick={() => write({ path: 'activities.log', input: { accountId: account.id, type: 'complaint_resolved', data: { complaintId: id } } })}
              >
                {t('resolve')}
              </button>
            </li>
          ))}
        </ul>
      )}

      <h3>{t('logActivity')}</h3>
      <form
        class="gap-form"
        onSubmit={(e) => {
          e.preventDefault();
          void write({ path: 'activities.log', input: { accountId: account.id, type: type.value, ...readActivity(type.value, e.currentTarget) } });
          e.currentTarget.reset();
        }}
      >
        <select name="activityType" aria-label={t('activityKind')} value={type.value} onChange={(e) => (type.value = e.currentTarget.value as ActivityType)}>
          {LOGGABLE.map((x) => (
            <option key={x} value={x}>
              {label(ACTIVITY_TYPE_LABELS[x])}
            </option>
          ))}
        </select>
        <ActivityFields type={type.value} />
        <button type="submit" class="primary" data-action="log-activity" disabled={busy.value}>
          {t('log')}
        </button>
      </form>
    </div>
  );
}
