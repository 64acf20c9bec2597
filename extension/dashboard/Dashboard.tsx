/**
 * Monitoring the sales process: funnel, time in phase, activity, logging
 * coverage and stale accounts for a period and (for managers) one account
 * manager. Data comes from the background; this page only draws it.
 */
import { useEffect } from 'preact/hooks';
import { useSignal } from '@preact/signals';
import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '../../server/routers';
import { DAY_MS, phaseById, type UserRole } from '../../shared/phases';
import { formatDay, formatMoney, formatNumber, formatPercent } from '../format';
import { label, t, troubleText } from '../i18n';
import { ask } from '../messaging/send';
import { AccountView } from './AccountView';
import { Card, HBars, openSection, Trend } from './charts';
import { GarbageIn } from './GarbageIn';
import { ConversionByRep } from './ByRep';
import { CaptureHealth } from './CaptureHealth';
import { DEFINITIONS } from './definitions';
import { AdminPanel } from './AdminPanel';
import { IntakePanel } from './IntakePanel';
import { AccountsList } from './AccountsList';
import { Forecast, Leaks } from './Leaks';
import { Selections } from './Selections';

type Figures = inferRouterOutputs<AppRouter>['reports']['dashboard'];
const PERIODS = [30, 90, 365] as const;
const pct = formatPercent;
const num = formatNumber;
/** days to the day: "341 days", not "340.6" */
const wholeDays = (d: number | null) => num(d === null ? null : Math.round(d));

const route = () => (location.hash.startsWith('#account/') ? location.hash.slice('#account/'.length) : null);
const onAccountsList = () => location.hash === '#accounts' || location.hash.startsWith('#accounts?');

/**
 * The view lives in the URL (#period=90&manager=…&section=leaks; an account is
 * #account/<id>), so a reload or a shared link shows the same figures at the
 * same place. Links with the older `owner=` still open.
 */
function filtersFromHash(): { period: number; owner: string; section: string | null } {
  const hash = location.hash.slice(1);
  const params = new URLSearchParams(/^(period|section)=/.test(hash) ? hash : '');
  const period = Number(params.get('period'));
  return {
    period: (PERIODS as readonly number[]).includes(period) ? period : 90,
    owner: params.get('manager') ?? params.get('owner') ?? '',
    section: params.get('section'),
  };
}

function hashFor(period: number, owner: string, section: string | null) {
  const params = new URLSearchParams({ period: String(period) });
  if (owner) params.set('manager', owner);
  if (section) params.set('section', section);
  return `#${params}`;
}

export function Dashboard() {
  const initial = filtersFromHash();
  openSection.value ??= initial.section;
  const periodDays = useSignal<number>(initial.period);
  const ownerId = useSignal<string>(initial.owner);
  const figures = useSignal<Figures | null>(null);
  const error = useSignal<string | null>(null);
  const account = useSignal<string | null>(route());
  const list = useSignal(onAccountsList());
  const role = useSignal<UserRole | null>(null);

  useEffect(() => {
    void ask<{ me?: { role: UserRole } }>({ type: 'settings:get' }).then((r) => (role.value = r.ok ? (r.data.me?.role ?? null) : null));
  }, []);

  useEffect(() => {
    const onHash = () => {
      account.value = route();
      list.value = onAccountsList();
      if (!account.value && !list.value) openSection.value = filtersFromHash().section;
    };
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);

  useEffect(() => {
    const to = Date.now();
    error.value = null;
    void ask<Figures>({ type: 'reports:dashboard', from: to - periodDays.value * DAY_MS, to, ownerId: ownerId.value || undefined }).then((r) => {
      if (r.ok) figures.value = r.data;
      else error.value = troubleText(r.trouble, r.message);
    });
  }, [periodDays.value, ownerId.value]);

  // the URL follows the filters and the opened section; the opened section scrolls into view once drawn
  useEffect(() => {
    if (account.value || list.value) return;
    const hash = hashFor(periodDays.value, ownerId.value, openSection.value);
    if (location.hash !== hash) history.replaceState(null, '', hash);
    if (openSection.value && figures.value) document.querySelector(`[data-section="${CSS.escape(openSection.value)}"]`)?.scrollIntoView({ block: 'start' });
  }, [periodDays.value, ownerId.value, openSection.value, figures.value, account.value, list.value]);

  const f = figures.value;
  return (
    <main>
      <header class="dhead">
        <h1>phase-crm · {t('dashboard')}</h1>
        <a href="#accounts" data-action="accounts-list">
          {t('accounts')}
        </a>
        <label>
          {t('period')}{' '}
          <select name="period" value={periodDays.value} onChange={(e) => (periodDays.value = Number(e.currentTarget.value))}>
            {PERIODS.map((d) => (
              <option key={d} value={d}>
                {t(`last${d}`)}
              </option>
            ))}
          </select>
        </label>
        {f && f.managers.length > 0 && (
          <label>
            {t('accountManager')}{' '}
            <select name="owner" value={ownerId.value} onChange={(e) => (ownerId.value = e.currentTarget.value)}>
              <option value="">{t('wholeTeam')}</option>
              {f.managers.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}
                </option>
              ))}
            </select>
          </label>
        )}
      </header>
      {error.value && (
        <p class="error" role="alert">
          {error.value}{' '}
          <button type="button" onClick={() => ask({ type: 'open:options' })}>
            {t('openOptions')}
          </button>
        </p>
      )}
      {list.value && <AccountsList managers={f?.managers ?? []} />}
      {account.value && <AccountView id={account.value} role={role.value} managers={f?.managers ?? []} />}
      {!account.value && !list.value && !f && !error.value && <p class="muted">{t('loading')}</p>}
      {!account.value && !list.value && f && (
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
          <ConversionByRep reps={f.byRep} chosen={ownerId.value} />
          <Forecast forecast={f.forecast} />
          <Selections selections={f.selections} />
          <Card title={t('keyFigures')}>
            <dl class="kpis">
              <dt>{t('coverage')}</dt>
              <dd data-metric="coverage" title={label(DEFINITIONS.coverage!)}>{pct(f.coverage.recentActivity.rate)}</dd>
              <dt>{t('evidenceBacked')}</dt>
              <dd data-metric="evidence" title={label(DEFINITIONS.evidence!)}>{pct(f.coverage.evidence.rate)}</dd>
              <dt>{t('velocity')}</dt>
              <dd data-metric="velocity" title={label(DEFINITIONS.velocity!)}>{f.velocity.medianDays === null ? '–' : `${num(f.velocity.medianDays)} ${t('days')}`}</dd>
              <dt>{t('winRate')}</dt>
              <dd data-metric="win-rate" title={label(DEFINITIONS['win-rate']!)}>{pct(f.winRate.rate)}</dd>
              <dt>{t('pipeline')}</dt>
              <dd data-metric="pipeline" title={label(DEFINITIONS.pipeline!)}>{f.pipeline.length ? f.pipeline.map((p) => formatMoney(p.amount, p.currency)).join(' + ') : '–'}</dd>
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
                .map((p) => ({ key: p.phase, label: label(phaseById(p.phase).label), value: p.medianDays ?? 0, back: p.p90Days, text: `${num(p.medianDays)} / ${num(p.p90Days)}` }))}
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
                <a href={`#accounts?stale=1${ownerId.value ? `&manager=${encodeURIComponent(ownerId.value)}` : ''}`} data-action="all-stale">
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
              <dd>{num(f.health.medianDaysToResolve)}</dd>
              <dt>{t('reviewsOverdue')}</dt>
              <dd>
                {f.health.annualReviews.overdue}/{f.health.annualReviews.accounts}
              </dd>
              <dt>{t('daysSinceContact')}</dt>
              <dd>{num(f.health.medianDaysSinceLastContact)}</dd>
              <dt>{t('referrals')}</dt>
              <dd>{num(f.health.referralsGiven)}</dd>
            </dl>
          </Card>
          <CaptureHealth />
          {(role.value === 'admin' || role.value === 'manager') && <IntakePanel role={role.value} />}
          {role.value === 'admin' && <AdminPanel />}
        </div>
      )}
    </main>
  );
}
