/** The steps that most need attention, in words, and the forecast from the team's own history. */
import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '../../server/routers';
import { phaseById } from '../../shared/phases';
import { label, t } from '../i18n';
import { formatMoney, formatNumber, formatPercent } from '../format';
import { DEFINITIONS } from './definitions';
import { Card } from './charts';

type Figures = inferRouterOutputs<AppRouter>['reports']['dashboard'];
const phase = (id: string) => label(phaseById(id as Parameters<typeof phaseById>[0]).label);

export function Leaks({ leaks, perRep }: { leaks: Figures['leaks']; perRep: boolean }) {
  return (
    <Card
      title={t('leaksTitle')}
      wide
      section="leaks"
      csv={() => ({
        header: [t('phase'), t('nextPhase'), t('conversion'), t('accounts'), t('overLastYearCol'), t('teamRate'), t('waitingCol'), t('days')],
        rows: leaks.map((l) => [phase(l.phase), phase(l.next), l.rate, l.cohort, l.baselineRate, l.teamRate, l.waiting, l.waitDays]),
      })}
    >
      <ol class="leaks">
        {leaks.map((l) => (
          <li key={l.phase} data-metric="leak" data-phase={l.phase} title={label(DEFINITIONS.leak!)}>
            <strong>
              {phase(l.phase)} → {phase(l.next)}
            </strong>{' '}
            {t('convertsThisPeriod')} {formatPercent(l.rate)} ({formatNumber(l.cohort)})
            {l.baselineRate !== null ? ` ${t('againstLastYear')} ${formatPercent(l.baselineRate)} ${t('overLastYear')}` : ` · ${t('noHistoryYet')}`}
            {perRep && l.teamRate !== null && ` · ${t('teamRate')} ${formatPercent(l.teamRate)}`}
            {l.waiting > 0 && (
              <>
                {'; '}
                {formatNumber(l.waiting)} {t('waitedLonger')} {formatNumber(l.waitDays)} {t('days')}:{' '}
                {l.accounts.map((a, i) => (
                  <span key={a.id}>
                    {i > 0 && ', '}
                    <a href={`#account/${a.id}`} data-account-id={a.id}>
                      {a.name}
                    </a>{' '}
                    ({formatNumber(a.days)})
                  </span>
                ))}
                {l.waiting > l.accounts.length && ', …'}
              </>
            )}
          </li>
        ))}
      </ol>
    </Card>
  );
}

export function Forecast({ forecast }: { forecast: Figures['forecast'] }) {
  const monthName = (m: string) =>
    new Intl.DateTimeFormat(undefined, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(Date.parse(`${m}-01T00:00:00Z`));
  return (
    <Card
      title={t('forecastTitle')}
      wide
      section="forecast"
      csv={() => ({
        header: [t('currency'), t('month'), t('expected'), t('low'), t('high')],
        rows: forecast.byCurrency.flatMap(({ currency, rows }) => rows.map((r) => [currency, r.month, r.expected, r.low, r.high])),
      })}
    >
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: focusable so that its definition (title) shows on focus too */}
      <div data-metric="forecast" title={label(DEFINITIONS.forecast!)} tabIndex={0}>
        {forecast.byCurrency.length === 0 && <p class="muted">{t('noForecast')}</p>}
        {forecast.byCurrency.map(({ currency, rows }) => (
          <table key={currency}>
            <thead>
              <tr>
                <th scope="col">{t('month')}</th>
                <th scope="col">{t('expected')}</th>
                <th scope="col">{t('range')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.month} data-month={r.month} data-expected={r.expected}>
                  <td>{monthName(r.month)}</td>
                  <td>{formatMoney(r.expected, currency)}</td>
                  <td>
                    {formatMoney(r.low, currency)} – {formatMoney(r.high, currency)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
        <p class="muted small">
          {t('forecastBasis')}:{' '}
          {forecast.basis
            .map(
              (b) =>
                `${phase(b.phase)} ${formatNumber(b.converted)}/${formatNumber(b.cohort)} ${t('becameCustomer')}${b.medianDaysToClose !== null ? `, ${t('medianToClose')} ${formatNumber(b.medianDaysToClose)} ${t('days')}` : ''}`,
            )
            .join(' · ')}
        </p>
      </div>
    </Card>
  );
}
