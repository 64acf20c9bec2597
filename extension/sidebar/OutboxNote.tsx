/** Writes still waiting for the server, and writes it refused for good, in words. */
import { label, t } from '../i18n';
import { phaseById } from '../../shared/phases';
import { act, answer } from './store';

export function OutboxNote() {
  const a = answer.value;
  if (!a || (!a.queued && !a.failed.length)) return null;
  return (
    <section class="card outbox">
      {a.queued > 0 && (
        <p class="pending" data-pending-count={a.queued}>
          {t('waitingToSync')}: {a.queued}
        </p>
      )}
      {a.pending.length > 0 && (
        <ul>
          {a.pending.map((p, i) => (
            <li key={i} data-pending={p.what}>
              {t(`pending_${p.what}`)}
              {p.label && `: ${p.label}`}
              {p.to && ` → ${label(phaseById(p.to).label)}`}
            </li>
          ))}
        </ul>
      )}
      {a.failed.map((f) => (
        <div key={f.clientId} class="failed" role="alert" data-failed={f.clientId}>
          <p>
            {t('notSaved')} ({t(`pending_${f.summary.what}`)}
            {f.summary.label && `: ${f.summary.label}`}): {f.message}
          </p>
          <button type="button" onClick={() => act({ type: 'sidebar:dismissFailed' }, f.clientId)}>
            {t('dismiss')}
          </button>
        </div>
      ))}
    </section>
  );
}
