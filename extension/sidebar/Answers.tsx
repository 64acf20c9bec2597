/**
 * What the checklists asked and the rep answered (need, budget, timing…),
 * the address and the latest quote: shown again, and each answer corrected
 * in place. Answers never vanish once saved.
 */
import { useState } from 'preact/hooks';
import { FACT_LABELS } from '../../shared/phases';
import type { AccountFacts } from '../../shared/schemas';
import type { AccountView } from '../messaging/answers';
import { label, t } from '../i18n';
import { formatDate, formatMoney } from '../format';
import { busy, write } from './store';
import { useEscape } from './escape';

export function Answers({ account }: { account: AccountView }) {
  const [editing, setEditing] = useState<string | null>(null);
  const [value, setValue] = useState('');
  useEscape(() => setEditing(null));
  const facts = Object.entries(account.facts as Record<string, string | undefined>).filter(([k, v]) => v && FACT_LABELS[k]);
  const place = [account.address, account.postcode, account.city].filter(Boolean).join(', ');
  if (!facts.length && !place && account.latestQuoteAmount === null) return null;
  return (
    <>
      <h3>{t('answers')}</h3>
      <dl class="answers">
        {place && (
          <>
            <dt>{t('address')}</dt>
            <dd>{place}</dd>
          </>
        )}
        {account.latestQuoteAmount !== null && (
          <>
            <dt>{t('latestQuote')}</dt>
            <dd>
              {formatMoney(account.latestQuoteAmount, account.latestQuoteCurrency ?? 'EUR')}
              {account.latestQuoteAt !== null && <span class="muted"> · {formatDate(account.latestQuoteAt)}</span>}
            </dd>
          </>
        )}
        {facts.map(([key, v]) => (
          <div key={key} data-fact={key}>
            <dt>{label(FACT_LABELS[key]!)}</dt>
            {editing === key ? (
              <dd>
                <form
                  class="gap-form"
                  onSubmit={(e) => {
                    e.preventDefault();
                    void write({ path: 'accounts.update', input: { accountId: account.id, patch: { facts: { [key]: value.trim() } as AccountFacts } } }).then(
                      () => setEditing(null),
                    );
                  }}
                >
                  <input name={key} value={value} aria-label={label(FACT_LABELS[key]!)} maxLength={500} onInput={(e) => setValue(e.currentTarget.value)} />
                  <button type="submit" disabled={busy.value || !value.trim()}>
                    {t('save')}
                  </button>
                </form>
              </dd>
            ) : (
              <dd>
                {v}{' '}
                <button
                  type="button"
                  class="link"
                  data-action="edit-fact"
                  aria-label={`${t('correct')}: ${label(FACT_LABELS[key]!)}`}
                  onClick={() => (setEditing(key), setValue(v ?? ''))}
                >
                  {t('correct')}
                </button>
              </dd>
            )}
          </div>
        ))}
      </dl>
    </>
  );
}
