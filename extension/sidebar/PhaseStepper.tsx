/** All eight phases: one click moves forward (also skipping); a move back asks for a reason first. */
import { useEscape } from './escape';
import { useSignal } from '@preact/signals';
import { BACK_REASON_LABELS, classifyMove, PHASES, phaseIndex, type BackReason, type PhaseId } from '../../shared/phases';
import { label, t } from '../i18n';
import { busy, moveWithUndo } from './store';

export function PhaseStepper({ accountId, current, proposed }: { accountId: string; current: PhaseId; proposed?: PhaseId }) {
  const back = useSignal<PhaseId | null>(null);
  const skip = useSignal<PhaseId | null>(null);
  const reason = useSignal<BackReason | null>(null);
  const note = useSignal('');
  const now = phaseIndex(current);
  useEscape(() => {
    back.value = null;
    skip.value = null;
  });

  const choose = (to: PhaseId) => {
    if (to === current || busy.value) return;
    // one step forward is one click; a jump over phases asks first (a slip onto Ambassador skips six)
    if (phaseIndex(to) === now + 1) void moveWithUndo({ accountId, to });
    else if (phaseIndex(to) > now) {
      skip.value = to;
      back.value = null;
    } else {
      skip.value = null;
      back.value = to;
      reason.value = null;
    }
  };
  const move = back.value ? classifyMove(current, back.value) : null;
  const skipped = skip.value ? PHASES.slice(now + 1, phaseIndex(skip.value)) : [];

  return (
    <div class="stepper">
      <ol>
        {PHASES.map((p, i) => (
          <li key={p.id}>
            <button
              type="button"
              data-step={p.id}
              class={`step ${i < now ? 'done' : ''} ${i === now ? 'current' : ''} ${p.id === proposed ? 'proposed' : ''}`}
              aria-current={i === now ? 'step' : undefined}
              disabled={busy.value}
              onClick={() => choose(p.id)}
            >
              <span class="dot" aria-hidden="true" />
              {label(p.label)}
            </button>
          </li>
        ))}
      </ol>
      {skip.value && (
        <div class="dialog" role="group" aria-label={t('confirmSkip')}>
          <p>
            {t('moveTo')} <strong>{label(PHASES[phaseIndex(skip.value)]!.label)}</strong>, {t('skipping')}: {skipped.map((p) => label(p.label)).join(', ')}
          </p>
          <div class="row">
            <button
              type="button"
              class="primary"
              data-action="confirm-move"
              disabled={busy.value}
              onClick={async () => {
                const to = skip.value!;
                skip.value = null;
                await moveWithUndo({ accountId, to });
              }}
            >
              {t('confirmSkip')}
            </button>
            <button type="button" onClick={() => (skip.value = null)}>
              {t('cancel')}
            </button>
          </div>
        </div>
      )}
      {back.value && move?.kind === 'back' && (
        <div class="dialog" role="group" aria-label={t('moveBack')}>
          <p>
            {t('moveBack')} <strong>{label(PHASES[phaseIndex(back.value)]!.label)}</strong>
          </p>
          <p class="muted">{t('reason')}</p>
          <div class="reasons">
            {move.reasons.map((r) => (
              <button
                type="button"
                key={r}
                data-reason={r}
                class={reason.value === r ? 'chosen' : ''}
                aria-pressed={reason.value === r}
                onClick={() => (reason.value = r)}
              >
                {label(BACK_REASON_LABELS[r])}
              </button>
            ))}
          </div>
          <textarea placeholder={t('noteOptional')} maxLength={1000} value={note.value} onInput={(e) => (note.value = e.currentTarget.value)} />
          <div class="row">
            <button
              type="button"
              class="primary"
              data-action="confirm-move"
              disabled={!reason.value || busy.value}
              onClick={async () => {
                await moveWithUndo({ accountId, to: back.value!, reason: reason.value!, note: note.value || undefined });
                back.value = null;
                note.value = '';
              }}
            >
              {t('confirmMove')}
            </button>
            <button type="button" onClick={() => (back.value = null)}>
              {t('cancel')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
