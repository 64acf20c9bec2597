/** Every account of the team (a rep: theirs and all others), searched, filtered and sorted; one click opens one. */
import { useEffect } from 'preact/hooks';
import { useSignal } from '@preact/signals';
import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '../../server/routers';
import { PHASES, phaseById, type PhaseId } from '../../shared/phases';
import { label, t, troubleText } from '../i18n';
import { ask } from '../messaging/send';
import { formatDate } from '../format';

type Rows = inferRouterOutputs<AppRouter>['accounts']['search'];
type Sort = 'name' | 'phaseSince' | 'lastActivity';

/** Filters a link may carry: `#accounts?stale=1&manager=…` (the dashboard's "all stale accounts"). */
const linkedFilters = () => new URLSearchParams(location.hash.split('?')[1] ?? '');

export function AccountsList({ managers }: { managers: { id: string; name: string }[] }) {
  const linked = linkedFilters();
  const q = useSignal('');
  const phase = useSignal<PhaseId | ''>('');
  const owner = useSignal(linked.get('manager') ?? '');
  const archived = useSignal(false);
  const stale = useSignal(linked.get('stale') === '1');
  const sort = useSignal<Sort>('name');
  const rows = useSignal<Rows | null>(null);
  const error = useSignal<string | null>(null);

  useEffect(() => {
    const timer = setTimeout(async () => {
      const r = await ask({
        type: 'accounts:search',
        q: q.value.trim() || undefined,
        phase: phase.value || undefined,
        ownerId: owner.value || undefined,
        archived: archived.value,
        stale: stale.value || undefined,
        sort: sort.value,
      });
      if (r.ok) rows.value = r.data;
      else error.value = troubleText(r.trouble, r.message);
    }, 200);
    return () => clearTimeout(timer);
  }, [q.value, phase.value, owner.value, archived.value, stale.value, sort.value]);

  const ownerName = (id: string | null) => managers.find((m) => m.id === id)?.name ?? '';
  return (
    <section class="dcard wide" id="accounts">
      <p>
        <a href="#">← {t('dashboard')}</a>
      </p>
      <h2>{t('accounts')}</h2>
      <div class="inline-form">
        <input
          type="search"
          name="q"
          aria-label={t('searchAccounts')}
          placeholder={t('searchAccounts')}
          value={q.value}
          onInput={(e) => (q.value = e.currentTarget.value)}
        />
        <select name="phase" aria-label={t('phase')} value={phase.value} onChange={(e) => (phase.value = e.currentTarget.value as PhaseId | '')}>
          <option value="">{t('allPhases')}</option>
          {PHASES.map((p) => (
            <option key={p.id} value={p.id}>
              {label(p.label)}
            </option>
          ))}
        </select>
        {managers.length > 0 && (
          <select name="accountsOwner" aria-label={t('owner')} value={owner.value} onChange={(e) => (owner.value = e.currentTarget.value)}>
            <option value="">{t('wholeTeam')}</option>
            {managers.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </select>
        )}
        <select name="sort" aria-label={t('sortBy')} value={sort.value} onChange={(e) => (sort.value = e.currentTarget.value as Sort)}>
          <option value="name">{t('sortName')}</option>
          <option value="phaseSince">{t('sortPhaseSince')}</option>
          <option value="lastActivity">{t('sortLastActivity')}</option>
        </select>
        <label>
          <input type="checkbox" name="stale" checked={stale.value} onChange={(e) => (stale.value = e.currentTarget.checked)} /> {t('staleOnly')}
        </label>
        <label>
          <input type="checkbox" name="archived" checked={archived.value} onChange={(e) => (archived.value = e.currentTarget.checked)} /> {t('archivedOnly')}
        </label>
      </div>
      {error.value && <p class="error">{error.value}</p>}
      {rows.value && (
        <table>
          <tbody>
            {rows.value.map((a) => (
              <tr key={a.id} data-account-id={a.id} data-account-phase={a.phase}>
                <td>
                  <a href={`#account/${a.id}`}>{a.name}</a>
                </td>
                <td>{label(phaseById(a.phase).label)}</td>
                <td class="muted">{a.city ?? ''}</td>
                <td class="muted">{ownerName(a.ownerId)}</td>
                <td class="muted">{a.lastActivityAt ? formatDate(a.lastActivityAt) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
