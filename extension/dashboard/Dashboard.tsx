/**
 * The dashboard page: the period and account manager (kept in the URL with
 * the open section), the accounts list and an account's page by the hash,
 * and the figures (Figures.tsx). Data comes from the background.
 */
import { useEffect } from 'preact/hooks';
import { useSignal } from '@preact/signals';
import { DAY_MS, type UserRole } from '../../shared/phases';
import { t, troubleText } from '../i18n';
import { ask } from '../messaging/send';
import { AccountView } from './AccountView';
import { openSection } from './charts';
import { AccountsList } from './AccountsList';
import { Figures, type DashboardFigures } from './Figures';

const PERIODS = [30, 90, 365] as const;

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
  const figures = useSignal<DashboardFigures | null>(null);
  const error = useSignal<string | null>(null);
  const account = useSignal<string | null>(route());
  const list = useSignal(onAccountsList());
  const role = useSignal<UserRole | null>(null);

  useEffect(() => {
    void ask({ type: 'settings:get' }).then((r) => (role.value = r.ok ? (r.data.me?.role ?? null) : null));
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
    void ask({ type: 'reports:dashboard', from: to - periodDays.value * DAY_MS, to, ownerId: ownerId.value || undefined }).then((r) => {
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
      {!account.value && !list.value && f && <Figures f={f} ownerId={ownerId.value} role={role.value} />}
    </main>
  );
}
