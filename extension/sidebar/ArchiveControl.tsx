/** An account that is no fit leaves the funnel with a reason; its history stays, and it can come back. */
import { useEscape } from './escape';
import { useSignal } from '@preact/signals';
import { ARCHIVE_REASONS, ARCHIVE_REASON_LABELS, reasonLabel, type ArchiveReason } from '../../shared/phases';
import type { AccountView } from '../messaging/answers';
import { label, t } from '../i18n';
import { busy, write } from './store';

export function ArchiveControl({ account }: { account: AccountView }) {
  const open = useSignal(false);
  useEscape(() => (open.value = false));
  const reason = useSignal<ArchiveReason>('no_fit');
  if (account.archived) {
    return (
      <p class="archived" data-archived="true">
        {t('archived')}: {account.archiveReason ? label(reasonLabel(account.archiveReason)!) : ''}{' '}
        <button type="button" data-action="restore" disabled={busy.value} onClick={() => write({ path: 'accounts.restore', input: { accountId: account.id } })}>
          {t('restore')}
        </button>
      </p>
    );
  }
  if (!open.value) {
    return (
      <button type="button" class="link" data-action="archive" onClick={() => (open.value = true)}>
        {t('archive')}
      </button>
    );
  }
  return (
    <form
      class="gap-form"
      onSubmit={(e) => {
        e.preventDefault();
        const note = (e.currentTarget.elements.namedItem('archiveNote') as HTMLInputElement).value.trim() || undefined;
        void write({ path: 'accounts.archive', input: { accountId: account.id, reason: reason.value, note } });
        open.value = false;
      }}
    >
      <select name="archiveReason" aria-label={t('reason')} value={reason.value} onChange={(e) => (reason.value = e.currentTarget.value as ArchiveReason)}>
        {ARCHIVE_REASONS.map((r) => (
          <option key={r} value={r}>
            {label(ARCHIVE_REASON_LABELS[r])}
          </option>
        ))}
      </select>
      <input name="archiveNote" placeholder={t('noteOptional')} maxLength={1000} />
      <button type="submit" data-action="confirm-archive" disabled={busy.value}>
        {t('archive')}
      </button>
      <button type="button" onClick={() => (open.value = false)}>
        {t('cancel')}
      </button>
    </form>
  );
}
