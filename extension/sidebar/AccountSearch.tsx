/** Find any account from the sidebar: by name, city, contact or e-mail address; one click opens it. */
import { useRef, useState } from 'preact/hooks';
import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '../../server/routers';
import { phaseById } from '../../shared/phases';
import { label, t } from '../i18n';
import { ask } from '../messaging/send';
import { token } from './store';

type Results = inferRouterOutputs<AppRouter>['accounts']['search'];
const DEBOUNCE_MS = 250;

export function AccountSearch() {
  const [q, setQ] = useState('');
  const [results, setResults] = useState<Results | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const asked = useRef('');

  const search = (value: string) => {
    setQ(value);
    clearTimeout(timer.current);
    if (!value.trim()) return setResults(null);
    timer.current = setTimeout(async () => {
      asked.current = value;
      const r = await ask({ type: 'sidebar:search', token: token.value, q: value.trim() });
      // only the answer to what is in the box now
      if (asked.current === value) setResults(r.ok ? r.data : []);
    }, DEBOUNCE_MS);
  };

  return (
    <section class="card search" role="search">
      <input
        type="search"
        name="q"
        value={q}
        placeholder={t('searchAccounts')}
        aria-label={t('searchAccounts')}
        onInput={(e) => search(e.currentTarget.value)}
      />
      {results && (
        <ul class="today" data-results={results.length}>
          {results.length === 0 && <li class="muted">{t('noResults')}</li>}
          {results.map((a) => (
            <li key={a.id} data-account-id={a.id} data-account-phase={a.phase}>
              <button type="button" class="link" onClick={() => ask({ type: 'open:account', id: a.id })}>
                {a.name}
              </button>{' '}
              <span class="phase small">{label(phaseById(a.phase).label)}</span>
              {a.city && <span class="muted"> · {a.city}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
