/**
 * For admins: the team's users (invite with a one-time token, change a role,
 * revoke) and personal data (export everything about a person, erase a
 * person). Everything goes through the background, like the rest of the page.
 */
import { useEffect } from 'preact/hooks';
import { useSignal } from '@preact/signals';
import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '../../server/routers';
import { USER_ROLES, type UserRole } from '../../shared/phases';
import { t, troubleText } from '../i18n';
import { ask } from '../messaging/send';
import type { Reply } from '../messaging/protocol';
import { Card } from './charts';

type Users = inferRouterOutputs<AppRouter>['users']['list'];
type PersonRef = { email?: string; linkedinUrl?: string };

const refOf = (who: string): PersonRef => (who.includes('@') ? { email: who.trim().toLowerCase() } : { linkedinUrl: who.trim() });

export function AdminPanel() {
  const users = useSignal<Users>([]);
  const message = useSignal<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const invited = useSignal<{ email: string; token: string } | null>(null);
  const invite = useSignal({ email: '', name: '', role: 'rep' as UserRole });
  const who = useSignal('');
  const exported = useSignal<string | null>(null);

  const done = <T,>(r: Reply<T>, ok?: string) => {
    message.value = r.ok ? (ok ? { kind: 'ok', text: ok } : null) : { kind: 'error', text: troubleText(r.trouble, r.message) };
    return r.ok;
  };
  const reload = async () => {
    const r = await ask({ type: 'users:list' });
    if (done(r)) users.value = r.ok ? r.data : [];
  };
  useEffect(() => void reload(), []);

  const sendInvite = async (e: Event) => {
    e.preventDefault();
    const r = await ask({ type: 'users:invite', ...invite.value });
    if (done(r) && r.ok) {
      invited.value = r.data;
      invite.value = { email: '', name: '', role: 'rep' };
      await reload();
    }
  };

  return (
    <Card title={t('teamAndPrivacy')} wide>
      <div id="team-admin">
        {message.value && (
          <p
            class={message.value.kind === 'error' ? 'error' : 'muted'}
            role={message.value.kind === 'error' ? 'alert' : 'status'}
            data-status={message.value.kind}
          >
            {message.value.text}
          </p>
        )}
        <table>
          <thead>
            <tr>
              <th>{t('fieldName')}</th>
              <th>E-mail</th>
              <th>{t('role')}</th>
              <th>{t('activeTokens')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {users.value.map((u) => (
              <tr key={u.id} data-user={u.email}>
                <td>{u.name}</td>
                <td>{u.email}</td>
                <td>
                  <select
                    name="role"
                    aria-label={`${t('role')}: ${u.name}`}
                    value={u.role}
                    onChange={async (e) =>
                      done(await ask({ type: 'users:setRole', email: u.email, role: e.currentTarget.value as UserRole }), t('saved')) && reload()
                    }
                  >
                    {USER_ROLES.map((r) => (
                      <option key={r} value={r}>
                        {t(`role_${r}`)}
                      </option>
                    ))}
                  </select>
                </td>
                <td>{u.activeTokens}</td>
                <td>
                  <button
                    type="button"
                    data-action="revoke-user"
                    disabled={!u.activeTokens}
                    onClick={async () => confirm(t('confirmRevoke')) && done(await ask({ type: 'users:revoke', email: u.email }), t('saved')) && reload()}
                  >
                    {t('revoke')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <form class="inline-form" onSubmit={sendInvite}>
          <input
            name="inviteEmail"
            type="email"
            required
            placeholder="E-mail"
            aria-label="E-mail"
            value={invite.value.email}
            onInput={(e) => (invite.value = { ...invite.value, email: e.currentTarget.value })}
          />
          <input
            name="inviteName"
            required
            placeholder={t('fieldName')}
            aria-label={t('fieldName')}
            value={invite.value.name}
            onInput={(e) => (invite.value = { ...invite.value, name: e.currentTarget.value })}
          />
          <select
            name="inviteRole"
            aria-label={t('role')}
            value={invite.value.role}
            onChange={(e) => (invite.value = { ...invite.value, role: e.currentTarget.value as UserRole })}
          >
            {USER_ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`role_${r}`)}
              </option>
            ))}
          </select>
          <button type="submit" data-action="invite-user">
            {t('invite')}
          </button>
        </form>
        {invited.value && (
          <p class="token-once" data-status="invited">
            {t('tokenShownOnce')} <strong>{invited.value.email}</strong>: <code data-token>{invited.value.token}</code>
          </p>
        )}
      </div>
      <div id="privacy">
        <h3>{t('personalData')}</h3>
        <form class="inline-form" onSubmit={(e) => e.preventDefault()}>
          <input
            name="person"
            required
            placeholder={t('personRef')}
            aria-label={t('personRef')}
            value={who.value}
            onInput={(e) => (who.value = e.currentTarget.value)}
          />
          <button
            type="button"
            data-action="export-person"
            disabled={!who.value.trim()}
            onClick={async () => {
              const r = await ask({ type: 'privacy:export', ...refOf(who.value) });
              if (done(r) && r.ok) exported.value = JSON.stringify(r.data, null, 2);
            }}
          >
            {t('exportPerson')}
          </button>
          <button
            type="button"
            data-action="erase-person"
            class="danger"
            disabled={!who.value.trim()}
            onClick={async () => {
              if (!confirm(t('confirmErase'))) return;
              const r = await ask({ type: 'privacy:erasePerson', ...refOf(who.value) });
              if (done(r, t('erased'))) exported.value = null;
            }}
          >
            {t('erasePerson')}
          </button>
        </form>
        {exported.value && (
          <p>
            <a data-action="download-export" download="person-export.json" href={`data:application/json;charset=utf-8,${encodeURIComponent(exported.value)}`}>
              {t('downloadExport')}
            </a>
          </p>
        )}
      </div>
    </Card>
  );
}
