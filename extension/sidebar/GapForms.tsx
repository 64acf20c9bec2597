/** Each open checklist item, filled in place in one step: a fact, contact roles, or the activity it asks for. */
import { useEscape } from './escape';
import { useSignal } from '@preact/signals';
import { DECISION_ROLES, DECISION_ROLE_LABELS } from '../../shared/phases';
import type { AccountFacts } from '../../shared/schemas';
import type { AccountView } from '../messaging/answers';
import { label, t } from '../i18n';
import { busy, write } from './store';
import { ActivityFields, readActivity } from './activity-form';

type Gap = AccountView['gaps'][number];
const ACCOUNT_FIELDS = ['source', 'industry'] as const;

function Field({ name, placeholder, type = 'text' }: { name: string; placeholder: string; type?: 'text' | 'number' | 'date' }) {
  // preact's input types discriminate on a literal `type`; ours is chosen at run time
  const props = { name, type, placeholder, 'aria-label': placeholder, maxLength: 200, step: type === 'number' ? 'any' : undefined } as object;
  return <input {...props} />;
}

/** What a gap's form sends, read from its named inputs. */
function submit(gap: Gap, account: AccountView, form: HTMLFormElement) {
  const v = (n: string) => (form.elements.namedItem(n) as HTMLInputElement | null)?.value.trim() ?? '';
  if (gap.key === 'address')
    return write({ path: 'accounts.update', input: { accountId: account.id, patch: { address: v('address'), postcode: v('postcode'), city: v('city') } } });
  if ((ACCOUNT_FIELDS as readonly string[]).includes(gap.key))
    return write({ path: 'accounts.update', input: { accountId: account.id, patch: { [gap.key]: v('value') } } });
  if (gap.fill === 'text')
    return write({ path: 'accounts.update', input: { accountId: account.id, patch: { facts: { [gap.key]: v('value') } as AccountFacts } } });
  if (gap.fill === 'activity' && gap.activityType) {
    return write({ path: 'activities.log', input: { accountId: account.id, type: gap.activityType, ...readActivity(gap.activityType, form) } });
  }
  return undefined;
}

export function GapForms({ account, gaps = account.gaps }: { account: AccountView; gaps?: Gap[] }) {
  const open = useSignal<string | null>(null);
  useEscape(() => (open.value = null));
  return (
    <ul class="gaps">
      {gaps.map((g) => (
        <li key={g.key} data-gap={g.key}>
          <button type="button" class="link" aria-expanded={open.value === g.key} onClick={() => (open.value = open.value === g.key ? null : g.key)}>
            {label(g.label)}
          </button>
          {open.value === g.key && g.fill === 'contactRole' && (
            <div class="gap-form">
              {account.contacts.map((c) => (
                <label key={c.id} class="inline">
                  {c.name}{' '}
                  <select
                    name="role"
                    value={c.role}
                    disabled={busy.value}
                    onChange={(e) =>
                      write({ path: 'accounts.setContactRole', input: { contactId: c.id, role: e.currentTarget.value as (typeof DECISION_ROLES)[number] } })
                    }
                  >
                    {DECISION_ROLES.map((r) => (
                      <option key={r} value={r}>
                        {label(DECISION_ROLE_LABELS[r])}
                      </option>
                    ))}
                  </select>
                </label>
              ))}
            </div>
          )}
          {open.value === g.key && g.fill === 'contactChannel' && (
            <form
              class="gap-form"
              onSubmit={async (e) => {
                e.preventDefault();
                const f = e.currentTarget.elements;
                const value = (n: string) => (f.namedItem(n) as HTMLInputElement).value.trim() || undefined;
                const contactId = (f.namedItem('contact') as HTMLSelectElement).value;
                await write({ path: 'accounts.addContactChannel', input: { contactId, email: value('email'), phone: value('phone') } });
                open.value = null;
              }}
            >
              {account.contacts.length === 0 ? (
                <p class="muted">{t('contactChannelHint')}</p>
              ) : (
                <>
                  <select name="contact" aria-label={t('contacts')}>
                    {account.contacts.map((c) => (
                      <option key={c.id} value={c.id}>
                        {c.name}
                      </option>
                    ))}
                  </select>
                  <input name="email" type="email" placeholder="E-mail" aria-label="E-mail" maxLength={254} />
                  <input name="phone" type="tel" placeholder={t('phone')} aria-label={t('phone')} maxLength={40} />
                  <button type="submit" class="primary" data-action="fill-gap" disabled={busy.value}>
                    {t('save')}
                  </button>
                </>
              )}
            </form>
          )}
          {open.value === g.key && (g.fill === 'text' || g.fill === 'activity') && (
            <form
              class="gap-form"
              onSubmit={async (e) => {
                e.preventDefault();
                await submit(g, account, e.currentTarget);
                open.value = null;
              }}
            >
              {g.key === 'address' ? (
                <>
                  <Field name="address" placeholder={t('address')} />
                  <Field name="postcode" placeholder={t('postcode')} />
                  <Field name="city" placeholder={t('city')} />
                </>
              ) : g.fill === 'activity' ? (
                <ActivityFields type={g.activityType} />
              ) : (
                <Field name="value" placeholder={label(g.label)} />
              )}
              <button type="submit" class="primary" data-action="fill-gap" disabled={busy.value}>
                {t('save')}
              </button>
            </form>
          )}
        </li>
      ))}
    </ul>
  );
}
