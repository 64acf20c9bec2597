/** Upsell and cross-sell for customers: each runs conversation → negotiation → closing → won or lost. */
import { useSignal } from '@preact/signals';
import { phaseById, type PhaseId, OPPORTUNITY_STAGES } from '../../shared/phases';
import type { AccountView } from '../messaging/answers';
import { label, t } from '../i18n';
import { busy, write } from './store';
import { formatMoney } from '../format';

const STAGES = OPPORTUNITY_STAGES;
const money = (amount: number | null, currency: string) => (amount === null ? '' : formatMoney(amount, currency));

export function Opportunities({ account }: { account: AccountView }) {
  const kind = useSignal<'upsell' | 'cross_sell'>('upsell');
  return (
    <div class="opportunities">
      <h3>{t('opportunities')}</h3>
      <ul>
        {account.opportunities.map((o) => (
          <li key={o.id} data-opportunity={o.id} data-stage={o.stage} data-outcome={o.outcome}>
            <strong>{o.title || t(o.kind === 'cross_sell' ? 'crossSell' : 'upsell')}</strong> {money(o.amount, o.currency)} ·{' '}
            {o.outcome === 'open' ? label(phaseById(o.stage as PhaseId).label) : t(o.outcome === 'won' ? 'won' : 'lost')}
            {o.outcome === 'open' && (
              <div class="row">
                {STAGES.filter((s) => STAGES.indexOf(s) > STAGES.indexOf(o.stage as (typeof STAGES)[number])).map((s) => (
                  <button
                    key={s}
                    type="button"
                    data-action="advance-opportunity"
                    data-to={s}
                    disabled={busy.value}
                    onClick={() => write({ path: 'opportunities.advance', input: { opportunityId: o.id, stage: s } })}
                  >
                    → {label(phaseById(s).label)}
                  </button>
                ))}
                <button
                  type="button"
                  class="primary"
                  data-action="win-opportunity"
                  disabled={busy.value}
                  onClick={() => write({ path: 'opportunities.close', input: { opportunityId: o.id, outcome: 'won' } })}
                >
                  {t('won')}
                </button>
                <button
                  type="button"
                  data-action="lose-opportunity"
                  disabled={busy.value}
                  onClick={() => write({ path: 'opportunities.close', input: { opportunityId: o.id, outcome: 'lost', lostReason: 'no_need' } })}
                >
                  {t('lost')}
                </button>
              </div>
            )}
          </li>
        ))}
      </ul>
      <form
        class="gap-form"
        onSubmit={(e) => {
          e.preventDefault();
          const f = e.currentTarget.elements;
          const title = (f.namedItem('opportunityTitle') as HTMLInputElement).value.trim();
          const amount = Number((f.namedItem('opportunityAmount') as HTMLInputElement).value);
          if (!title) return;
          void write({
            path: 'opportunities.create',
            input: { accountId: account.id, kind: kind.value, title, amount: Number.isFinite(amount) && amount > 0 ? amount : undefined },
          });
          e.currentTarget.reset();
        }}
      >
        <select
          name="opportunityKind"
          aria-label={t('opportunityKindLabel')}
          value={kind.value}
          onChange={(e) => (kind.value = e.currentTarget.value as 'upsell' | 'cross_sell')}
        >
          <option value="upsell">{t('upsell')}</option>
          <option value="cross_sell">{t('crossSell')}</option>
        </select>
        <input name="opportunityTitle" placeholder={t('description')} maxLength={200} />
        <input name="opportunityAmount" type="number" min="0" step="any" placeholder={t('amount')} />
        <button type="submit" data-action="create-opportunity" disabled={busy.value}>
          {t('add')}
        </button>
      </form>
    </div>
  );
}
