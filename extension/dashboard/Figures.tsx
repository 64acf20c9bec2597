/**
 * The dashboard's figures for one period and manager, card by card: each
 * with its definition, its section in the URL and its table as CSV. Data
 * comes from the server (reports.dashboard); this only draws it.
 */
import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '../../server/routers';
import { phaseById, type UserRole } from '../../shared/phases';
import { formatDay, formatMoney, formatNumber, formatPercent } from '../format';
import { label, t } from '../i18n';
import { Card, HBars, Trend } from './charts';
import { GarbageIn } from './GarbageIn';
import { ConversionByRep } from './ByRep';
import { CaptureHealth } from './CaptureHealth';
import { DEFINITIONS } from './definitions';
import { AdminPanel } from './AdminPanel';
import { IntakePanel } from './IntakePanel';
import { Forecast, Leaks } from './Leaks';
import { Selections } from './Selections';

export type DashboardFigures = inferRouterOutputs<AppRouter>['reports']['dashboard'];
const pct = formatPercent;
const num = formatNumber;
/** days to the day: "341 days", not "340.6" */
const wholeDays = (d: number | null) => num(d === null ? null : Math.round(d));

export function Figures({ f, ownerId, role }: { f: DashboardFigures; ownerId: string; role: UserRole | null }) {
  return (
    <div class="grid">
      <Card
        title={t('funnel')}
        wide
        section="funnel"
        csv={() => ({
          header: [t('phase'), t('reached'), t('conversion')],
          rows: f.funnel.map((p) => [label(phaseById(p.phase).label), p.reached, p.conversion?.rate ?? null]),
        })}
      >
        <HBars
          bars={f.funnel.map((p) => ({
            key: p.phase,
            label: label(phaseById(p.phase).label),
            value: p.reached,
            text: String(p.reached),
            attrs: { 'data-metric': 'reached', 'data-phase': p.phase, title: label(DEFINITIONS.reached!) },
          }))}
        />
        <p class="muted small">
          {t('conversion')}:{' '}
          {f.funnel
            .filter((p) => p.conversion)
            .map((p) => `${label(phaseById(p.phase).label)} ${pct(p.conversion!.rate)}`)
            .join(' · ')}
        </p>
      </Card>
      <Leaks leaks={f.leaks} perRep={Boolean(f.ownerId)} />
      <ConversionByRep reps={f.byRep} chosen={ownerId} />
      <Forecast forecast={f.forecast} />
      <Selections selections={f.selections} />
      <Card title={t('keyFigures')}>
        <dl class="kpis">
          <dt>{t('coverage')}</dt>
          <dd data-metric="coverage" title={label(DEFINITIONS.coverage!)}>
            {pct(f.coverage.recentActivity.rate)}
          </dd>
          <dt>{t('evidenceBacked')}</dt>
          <dd data-metric="evidence" title={label(DEFINITIONS.evidence!)}>
            {pct(f.coverage.evidence.rate)}
          </dd>
          <dt>{t('velocity')}</dt>
          <dd data-metric="velocity" title={label(DEFINITIONS.velocity!)}>
            {f.velocity.medianDays === null ? '–' : `${num(f.velocity.medianDays)} ${t('days')}`}
          </dd>
          <dt>{t('winRate')}</dt>
          <dd data-metric="win-rate" title={label(DEFINITIONS['win-rate']!)}>
            {pct(f.winRate.rate)}
          </dd>
          <dt>{t('pipeline')}</dt>
          <dd data-metric="pipeline" title={label(DEFINITIONS.pipeline!)}>
            {f.pipeline.length ? f.pipeline.map((p) => formatMoney(p.amount, p.currency)).join(' + ') : '–'}
          </dd>
        </dl>
      </Card>
      <Card
        title={t('timeInPhase')}
        section="time-in-phase"
        csv={() => ({
          header: [t('phase'), t('endedStays'), t('medianDays'), t('p90Days')],
          rows: f.timeInPhase.map((p) => [label(phaseById(p.phase).label), p.ended, p.medianDays, p.p90Days]),
        })}
      >
        <HBars
          unit={` ${t('days')}`}
          bars={f.timeInPhase
            .filter((p) => p.ended > 0)
            .map((p) => ({
              key: p.phase,
              label: label(phaseById(p.phase).label),
              value: p.medianDays ?? 0,
              back: p.p90Days,
              text: `${num(p.medianDays)} / ${num(p.p90Days)}`,
            }))}
        />
        <p class="muted small">{t('medianP90')}</p>
      </Card>
      <Card
        title={t('activityTrend')}
        wide
        section="activity"
        csv={() => ({
          header: [t('accountManager'), t('activitiesUnit'), t('perWeek')],
          rows: f.activity.byUser.map((u) => [u.name, u.total, u.perWeek]),
        })}
      >
        <Trend
          label={t('activityTrend')}
          unit={t('activitiesUnit')}
          points={f.activity.trend.map((w) => ({ x: formatDay(w.weekStart), y: w.count, partialOf: w.partial ? { days: w.days, of: 7 } : undefined }))}
          partialText={(p) => `${p.x}: ${num(p.y)} · ${t('partialWeek')} (${p.partialOf!.days}/${p.partialOf!.of} ${t('days')}), ${t('partialDrawnAtPace')}`}
        />
        <table>
          <tbody>
            {f.activity.byUser.map((u) => (
              <tr key={u.userId}>
                <td>{u.name}</td>
                <td>
                  {u.perWeek} {t('perWeek')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Card>
      <GarbageIn coverage={f.coverage} />
      <Card
        title={`${t('staleAccounts')} (${num(f.stale.count)})`}
        wide
        section="stale"
        csv={() => ({
          header: [t('accounts'), t('phase'), t('daysInPhase'), t('daysSinceActivity')],
          rows: f.stale.accounts.map((a) => [a.name, label(phaseById(a.phase).label), a.daysInPhase, a.daysSinceActivity]),
        })}
      >
        <ul class="stale">
          {f.stale.accounts.map((a) => (
            <li key={a.id} data-metric="stale" data-account-id={a.id} data-account-phase={a.phase} title={label(DEFINITIONS.stale!)}>
              <a href={`#account/${a.id}`}>{a.name}</a> · {label(phaseById(a.phase).label)} · {wholeDays(a.daysInPhase)} {t('daysInPhase')}
              {a.daysSinceActivity !== null && ` · ${wholeDays(a.daysSinceActivity)} ${t('daysSinceActivity')}`}
            </li>
          ))}
        </ul>
        {f.stale.count > f.stale.accounts.length && (
          <p>
            <a href={`#accounts?stale=1${ownerId ? `&manager=${encodeURIComponent(ownerId)}` : ''}`} data-action="all-stale">
              {t('allStale')} ({formatNumber(f.stale.count)})
            </a>
          </p>
        )}
      </Card>
      <Card title={t('relationshipHealth')}>
        <dl class="kpis">
          <dt>{t('openComplaints')}</dt>
          <dd>{num(f.health.openComplaints)}</dd>
          <dt>{t('daysToResolve')}</dt>
          <dd>{wholeDays(f.health.medianDaysToResolve)}</dd>
          <dt>{t('reviewsOverdue')}</dt>
          <dd>
            {f.health.annualReviews.overdue}/{f.health.annualReviews.accounts}
          </dd>
          <dt>{t('daysSinceContact')}</dt>
          <dd>{wholeDays(f.health.medianDaysSinceLastContact)}</dd>
          <dt>{t('referrals')}</dt>
          <dd>{num(f.health.referralsGiven)}</dd>
        </dl>
      </Card>
      <CaptureHealth />
      {(role === 'admin' || role === 'manager') && <IntakePanel role={role} />}
      {role === 'admin' && <AdminPanel />}
    </div>
  );
}
