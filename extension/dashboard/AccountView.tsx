/** One account, opened from the dashboard (e.g. a stale account): phase, contacts and timeline. */
import { useEffect } from 'preact/hooks';
import { useSignal } from '@preact/signals';
import { ACTIVITY_TYPE_LABELS, FACT_LABELS, phaseById, reasonLabel, type PhaseId, type UserRole } from '../../shared/phases';
import type { AccountView as Account } from '../messaging/answers';
import { label, t } from '../i18n';
import { ask } from '../messaging/send';
import { formatDate, formatMoney } from '../format';
import { EditableValue } from './EditableValue';

type Entry = Account['history'][number];

function describe(h: Entry): string {
  if (h.kind === 'moved')
    return `${h.from ? label(phaseById(h.from as PhaseId).label) : '—'} → ${label(phaseById(h.to as PhaseId).label)}${h.reason ? ` (${label(reasonLabel(h.reason)!)})` : ''}${h.note ? `: ${h.note}` : ''}`;
  const fields = (h.detail as { fields?: string[] }).fields;
  return fields?.length ? fields.join(', ') : '';
}

export function AccountView({ id, role, managers }: { id: string; role: UserRole | null; managers: { id: string; name: string }[] }) {
  const account = useSignal<Account | null>(null);
  const error = useSignal<string | null>(null);
  const load = () => ask({ type: 'accounts:get', id }).then((r) => (r.ok ? (account.value = r.data) : (error.value = r.message)));
  useEffect(() => void load(), [id]);
  const act = async (req: Parameters<typeof ask>[0], confirmText?: string) => {
    if (confirmText && !confirm(confirmText)) return;
    const r = await ask(req);
    if (!r.ok) error.value = r.message;
    else await load();
  };
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
      {role && role !== 'rep' && (
        <p>
          <label>
            {t('owner')}{' '}
            <select
              name="accountOwner"
              value={a.ownerId ?? ''}
              onChange={(e) => act({ type: 'accounts:setOwner', accountId: a.id, ownerId: e.currentTarget.value || null })}
            >
              <option value="">{t('nobody')}</option>
              {managers.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}
                </option>
              ))}
            </select>
          </label>{' '}
          {role === 'admin' && !a.erasedAt && (
            <button
              type="button"
              class="danger"
              data-action="erase-account"
              onClick={() => act({ type: 'privacy:eraseAccount', accountId: a.id }, t('confirmErase'))}
            >
              {t('eraseAccount')}
            </button>
          )}
        </p>
      )}
      <h3>{t('answers')}</h3>
      <dl class="kpis" data-answers>
        {[a.address, a.postcode, a.city].some(Boolean) && (
          <>
            <dt>{t('address')}</dt>
            <dd>{[a.address, a.postcode, a.city].filter(Boolean).join(', ')}</dd>
          </>
        )}
        {a.nextStep && (
          <>
            <dt>{t('nextStep')}</dt>
            <dd>
              {a.nextStep}
              {a.nextStepDue !== null && ` · ${formatDate(a.nextStepDue)}`}
            </dd>
          </>
        )}
        {Object.entries(a.facts as Record<string, string | undefined>)
          .filter(([k, v]) => v && FACT_LABELS[k])
          .map(([k, v]) => (
            <div key={k} data-fact={k} style={{ display: 'contents' }}>
              <dt>{label(FACT_LABELS[k]!)}</dt>
              <dd>
                <EditableValue
                  value={v ?? ''}
                  name={k}
                  label={label(FACT_LABELS[k]!)}
                  onSave={(value) => act({ type: 'accounts:update', accountId: a.id, patch: { facts: { [k]: value } } })}
                />
              </dd>
            </div>
          ))}
      </dl>
      <h3>{t('contacts')}</h3>
      <ul>
        {a.contacts.map((c) => (
          <li key={c.id}>
            {c.name} {c.email && <span class="muted">· {c.email}</span>}
          </li>
        ))}
      </ul>
      <h3>{t('history')}</h3>
      <ul data-history>
        {a.history.map((h, i) => (
          <li key={i} data-event={h.kind}>
            {formatDate(h.at)} · {t(`ev_${h.kind}`)} {describe(h) && <span>· {describe(h)}</span>}
            {h.by && (
              <span class="muted">
                {' '}
                · {t('byWhom')} {h.by}
              </span>
            )}
          </li>
        ))}
      </ul>
      <h3>{t('lastActivities')}</h3>
      <ul>
        {a.activities.map((x) => (
          <li key={x.id}>
            {formatDate(x.occurredAt)} · {label(ACTIVITY_TYPE_LABELS[x.type])}
            {x.subject && ` · ${x.subject}`}
            {x.data.amount !== undefined && ` · ${formatMoney(x.data.amount, x.data.currency ?? 'EUR')}`}
          </li>
        ))}
      </ul>
    </section>
  );
}
