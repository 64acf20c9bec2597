/** One account, opened from the dashboard (e.g. a stale account): phase, contacts and timeline. */
import { useEffect } from 'preact/hooks';
import { useSignal } from '@preact/signals';
import { phaseById } from '../../shared/phases';
import type { AccountView as Account } from '../background/views';
import { label, t } from '../i18n';
import { ask } from '../messaging/send';
import { formatDate } from '../format';


export function AccountView({ id }: { id: string }) {
  const account = useSignal<Account | null>(null);
  const error = useSignal<string | null>(null);
  useEffect(() => {
    void ask<Account>({ type: 'accounts:get', id }).then((r) => (r.ok ? (account.value = r.data) : (error.value = r.message)));
  }, [id]);
  const a = account.value;
  if (error.value) return <p class="error">{error.value}</p>;
  if (!a) return <p class="muted">{t('loading')}</p>;
  return (
    <section class="dcard wide" data-account-id={a.id}>
      <p>
        <a href="#">← {t('dashboard')}</a>
      </p>
      <h2>
        {a.name} <span class="phase">{label(phaseById(a.phase).label)}</span>
      </h2>
      <p class="muted">{[a.city, a.industry, a.emailDomain].filter(Boolean).join(' · ')}</p>
      <h3>{t('contacts')}</h3>
      <ul>
        {a.contacts.map((c) => (
          <li key={c.id}>
            {c.name} {c.email && <span class="muted">· {c.email}</span>}
          </li>
        ))}
      </ul>
      <h3>{t('phaseHistory')}</h3>
      <ul>
        {a.phaseChanges.map((c) => (
          <li key={c.id}>
            {formatDate(c.at)}: {c.from ? label(phaseById(c.from).label) : '—'} → {label(phaseById(c.to).label)}
            {c.reason && <span class="muted"> ({c.reason})</span>}
          </li>
        ))}
      </ul>
      <h3>{t('lastActivities')}</h3>
      <ul>
        {a.activities.map((x) => (
          <li key={x.id}>
            {formatDate(x.occurredAt)} · {x.type.replace(/_/g, ' ')}
            {x.subject && ` · ${x.subject}`}
          </li>
        ))}
      </ul>
    </section>
  );
}
