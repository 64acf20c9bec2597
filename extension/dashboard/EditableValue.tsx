/** A value in the account view that can be corrected in place, as in the sidebar. */
import { useState } from 'preact/hooks';
import { t } from '../i18n';

export function EditableValue({ value, name, label, onSave }: { value: string; name: string; label: string; onSave: (v: string) => Promise<void> }) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(value);
  if (!editing)
    return (
      <>
        {value}{' '}
        <button type="button" class="link" data-action="edit-fact" aria-label={`${t('correct')}: ${label}`} onClick={() => (setDraft(value), setEditing(true))}>
          {t('correct')}
        </button>
      </>
    );
  return (
    <form
      class="inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        void onSave(draft.trim()).then(() => setEditing(false));
      }}
      onKeyDown={(e) => e.key === 'Escape' && setEditing(false)}
    >
      <input name={name} aria-label={label} value={draft} maxLength={500} onInput={(e) => setDraft(e.currentTarget.value)} />
      <button type="submit" disabled={!draft.trim()}>
        {t('save')}
      </button>
    </form>
  );
}
