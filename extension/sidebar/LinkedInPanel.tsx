/**
 * A LinkedIn person or company: who it is, and either the known account or a
 * one-click capture. What the page did not show (or showed wrongly) is
 * corrected in place before the click; nothing to fill when all was found.
 */
import { useEscape } from './escape';
import { useState } from 'preact/hooks';
import type { LinkedInPage } from '../../shared/schemas';
import type { LinkedInMatch } from '../messaging/answers';
import type { CaptureEdits } from '../messaging/protocol';
import { label, t } from '../i18n';
import { phaseById } from '../../shared/phases';
import { AccountCard } from './AccountCard';
import { act, busy, pending, write } from './store';

type Editable = keyof CaptureEdits;

function editableFields(page: LinkedInPage): Editable[] {
  return page.kind === 'person' ? ['name', 'companyName', 'headline'] : ['name'];
}

/** Fields to ask for at once: missing, or only guessed from the URL. */
function uncertain(page: LinkedInPage): Editable[] {
  const info = page.extraction;
  if (!info) return [];
  const out: Editable[] = [];
  if (info.sources.name === 'url') out.push('name');
  if (page.kind === 'person') {
    if (info.missing.includes('company')) out.push('companyName');
    if (info.missing.includes('headline')) out.push('headline');
  }
  return out;
}

const pageValues = (page: LinkedInPage): Record<Editable, string> => ({
  name: page.name,
  companyName: page.kind === 'person' ? (page.companyName ?? '') : '',
  headline: page.kind === 'person' ? (page.headline ?? '') : '',
});

function CorrectionForm({
  values,
  fields,
  edits,
  onChange,
}: {
  values: Record<Editable, string>;
  fields: Editable[];
  edits: CaptureEdits;
  onChange: (e: CaptureEdits) => void;
}) {
  return (
    <div class="gap-form correction">
      {fields.map((f) => (
        <label key={f} class="field">
          <span class="muted">{t(f === 'name' ? 'fieldName' : f === 'companyName' ? 'fieldCompany' : 'fieldHeadline')}</span>
          <input
            name={f}
            value={edits[f] ?? values[f]}
            maxLength={f === 'headline' ? 500 : 200}
            placeholder={t('notFoundOnPage')}
            onInput={(e) => onChange({ ...edits, [f]: (e.target as HTMLInputElement).value })}
          />
        </label>
      ))}
    </div>
  );
}

/** A person already captured: what was stored can be corrected in place (name, company, headline). */
function CorrectStored({ match }: { match: LinkedInMatch }) {
  const contact = match.account?.contacts.find((c) => c.id === match.contactId);
  const [open, setOpen] = useState(false);
  const [edits, setEdits] = useState<CaptureEdits>({});
  useEscape(() => setOpen(false));
  if (!contact || !match.account) return null;
  const stored: Record<Editable, string> = { name: contact.name, companyName: match.account.name, headline: contact.headline ?? '' };
  const changed = Object.fromEntries(
    Object.entries(edits).filter(([k, v]) => v.trim() !== stored[k as Editable] && (k === 'headline' || v.trim())),
  ) as CaptureEdits;
  if (!open)
    return (
      <button type="button" class="link" data-action="edit-capture" onClick={() => setOpen(true)}>
        {t('correct')}
      </button>
    );
  return (
    <>
      <CorrectionForm values={stored} fields={['name', 'companyName', 'headline']} edits={edits} onChange={setEdits} />
      <div class="row">
        <button
          type="button"
          class="primary"
          data-action="save-correction"
          disabled={busy.value || !Object.keys(changed).length}
          onClick={() => void write({ path: 'accounts.correctContact', input: { contactId: contact.id, ...changed } }).then(() => setOpen(false))}
        >
          {t('save')}
        </button>
        <button type="button" onClick={() => setOpen(false)}>
          {t('cancel')}
        </button>
      </div>
    </>
  );
}

export function LinkedInPanel({ page, match }: { page: LinkedInPage; match: LinkedInMatch | null }) {
  const captured = pending.value.find((p) => p.what === 'capture');
  const known = match && (match.matchedBy === 'person' || (page.kind === 'company' && match.account));
  const [editing, setEditing] = useState(false);
  useEscape(() => setEditing(false));
  const [edits, setEdits] = useState<CaptureEdits>({});
  const open = editing ? editableFields(page) : uncertain(page);
  const values = pageValues(page);
  const changed = Object.fromEntries(Object.entries(edits).filter(([k, v]) => v.trim() !== values[k as Editable])) as CaptureEdits;
  const nameMissing = changed.name !== undefined && !changed.name.trim();

  return (
    <>
      <section class="card subject">
        <h2>{changed.name ?? page.name}</h2>
        {page.kind === 'person' ? (
          <>
            {page.headline && <p>{page.headline}</p>}
            <p class="muted">{[page.companyName, page.city, page.country].filter(Boolean).join(' · ')}</p>
          </>
        ) : (
          <p class="muted">{[page.industry, page.city, page.size].filter(Boolean).join(' · ')}</p>
        )}
        {captured ? (
          // what the user did shows at once, marked as waiting for the server
          <p class="pending">
            <span class="phase" data-phase={captured.to} data-pending="true">
              {label(phaseById(captured.to!).label)}
            </span>{' '}
            {t('pendingNote')}
          </p>
        ) : known ? (
          match.matchedBy === 'person' && <CorrectStored match={match} />
        ) : (
          !known && (
            <>
              <p class="muted">{match?.account ? t('knownCompany') : match ? t('notInCrm') : ''}</p>
              {match?.proposedContact && (
                // the same name at this company, met by e-mail: offered as that person, never merged without a click
                <div class="proposal">
                  <p>
                    {t('samePersonAs')} <strong>{match.proposedContact.name}</strong>?
                  </p>
                  <button
                    type="button"
                    class="primary"
                    data-action="link-contact"
                    disabled={busy.value}
                    onClick={() => act({ type: 'sidebar:capture', linkContactId: match.proposedContact!.id })}
                  >
                    {t('linkContact')}
                  </button>
                </div>
              )}
              {open.length > 0 && <CorrectionForm values={pageValues(page)} fields={open} edits={edits} onChange={setEdits} />}
              <div class="row">
                <button
                  type="button"
                  class="primary"
                  data-action="capture"
                  disabled={busy.value || nameMissing}
                  onClick={() => act({ type: 'sidebar:capture', ...(Object.keys(changed).length ? { edits: changed } : {}) })}
                >
                  {match?.account ? t('addAsContact') : page.kind === 'person' ? t('captureSuspect') : t('captureCompany')}
                </button>
                {!editing && open.length < editableFields(page).length && (
                  <button type="button" class="link" data-action="edit-capture" onClick={() => setEditing(true)}>
                    {t('correct')}
                  </button>
                )}
              </div>
            </>
          )
        )}
      </section>
      {match?.account && <AccountCard account={match.account} />}
    </>
  );
}
