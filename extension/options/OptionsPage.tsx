/**
 * Server URL and token: saved only once the server accepts the token, so the
 * page always says "connected" or why not. Also the user's never-log list.
 */
import { useEffect, useRef } from 'preact/hooks';
import { useSignal } from '@preact/signals';
import { browser } from 'wxt/browser';
import { t, troubleText } from '../i18n';
import { isLoopback, serverUrlProblem } from '../server-url';
import { ask } from '../messaging/send';
import type { Reply } from '../messaging/protocol';
import type { Me } from '../messaging/replies';

/** Loopback is granted in the manifest; any other server needs the user's permission, asked on save. */
async function permitOrigin(serverUrl: string): Promise<boolean> {
  const origin = new URL(serverUrl).origin;
  if (isLoopback(new URL(serverUrl))) return true;
  return browser.permissions.request({ origins: [`${origin}/*`] }).catch(() => false);
}

export function OptionsPage() {
  const serverUrl = useSignal('http://127.0.0.1:8787');
  const token = useSignal('');
  const me = useSignal<Me | null>(null);
  /** who the saved settings still connect as, after new ones were refused */
  const stillAs = useSignal<Me | null>(null);
  const error = useSignal<string | null>(null);
  const saving = useSignal(false);
  const neverLog = useSignal('');
  const neverLogSaved = useSignal(false);
  const shortcuts = useSignal<{ name: string; description: string; shortcut: string }[]>([]);
  /**
   * The form (its fieldset) is editable once it shows the saved address: a value set while someone types would
   * land in the middle of their typing (measured: a URL typed during the load came out doubled,
   * and the browser silently refused to submit it).
   */
  const addressKnown = useSignal(false);
  /** whether a save began on this page: who the saved settings connect as comes late on a busy browser */
  const saveBegun = useRef(false);

  useEffect(() => {
    void browser.commands
      .getAll()
      .then(
        (all) =>
          (shortcuts.value = all
            .filter((c) => c.name && c.description)
            .map((c) => ({ name: c.name!, description: c.description!, shortcut: c.shortcut ?? '' }))),
      )
      .catch(() => undefined);
    void ask({ type: 'settings:address' }).then((r) => {
      if (r.ok && r.data.serverUrl) serverUrl.value = r.data.serverUrl;
      addressKnown.value = true;
    });
    void ask({ type: 'settings:get' }).then((r) => {
      // a save begun meanwhile answers for itself: what was saved before must not come back over it
      if (saveBegun.current) return;
      if (!r.ok) return void (error.value = r.message);
      if (r.data.me) {
        me.value = r.data.me;
        neverLog.value = r.data.me.neverLog.join('\n');
      } else if (r.data.trouble) error.value = r.data.trouble.message;
    });
  }, []);

  const save = async (e: Event) => {
    e.preventDefault();
    error.value = null;
    const problem = serverUrlProblem(serverUrl.value.trim());
    if (problem) {
      error.value = t(problem === 'https-required' ? 'httpsRequired' : 'invalidServerUrl');
      return;
    }
    const url = new URL(serverUrl.value.trim()).origin;
    // while the new settings are checked the page does not say who the saved ones connect as; if the
    // new ones fail, nothing was saved and the saved ones still hold: it says so, apart from
    // "connected", which only ever means the settings just saved were accepted
    const saved = me.value ?? stillAs.value;
    stillAs.value = null;
    saveBegun.current = true;
    me.value = null;
    saving.value = true;
    if (!(await permitOrigin(url))) {
      saving.value = false;
      stillAs.value = saved;
      error.value = t('permissionDenied');
      return;
    }
    const r: Reply<Me> = await ask({ type: 'settings:save', serverUrl: url, token: token.value.trim() });
    saving.value = false;
    if (r.ok) {
      me.value = r.data;
      token.value = '';
      neverLog.value = r.data.neverLog.join('\n');
    } else {
      stillAs.value = saved;
      error.value = troubleText(r.trouble, r.message);
    }
  };

  const saveNeverLog = async () => {
    const entries = neverLog.value
      .split(/\s+/)
      .map((s) => s.trim())
      .filter(Boolean);
    const r = await ask({ type: 'settings:neverLog', entries });
    if (r.ok) {
      neverLog.value = r.data.join('\n');
      neverLogSaved.value = true;
    } else error.value = r.message;
  };

  return (
    <main>
      <h1>phase-crm</h1>
      <form onSubmit={save}>
        <fieldset disabled={!addressKnown.value}>
          <label>
            {t('serverUrl')}
            <input name="serverUrl" type="url" required value={serverUrl.value} onInput={(e) => (serverUrl.value = e.currentTarget.value)} />
          </label>
          <label>
            {t('token')}
            <input name="token" type="password" autoComplete="off" required value={token.value} onInput={(e) => (token.value = e.currentTarget.value)} />
          </label>
          <button type="submit" data-action="save-settings" disabled={saving.value}>
            {t('save')}
          </button>
        </fieldset>
      </form>
      {saving.value && (
        <p class="checking" data-status="checking" role="status">
          {t('checkingSettings')}
        </p>
      )}
      {me.value && (
        <p class="ok" data-status="connected">
          {t('connectedAs')} {me.value.name} ({me.value.email}) · {me.value.team}
        </p>
      )}
      {error.value && (
        <p class="error" role="alert" data-status="error">
          {error.value}
        </p>
      )}
      {stillAs.value && (
        <p data-status="unchanged">
          {t('stillConnectedAs')} {stillAs.value.name} ({stillAs.value.email}) · {stillAs.value.team}
        </p>
      )}
      {shortcuts.value.length > 0 && (
        <section data-shortcuts>
          <h2>{t('shortcuts')}</h2>
          <ul>
            {shortcuts.value.map((c) => (
              <li key={c.name} data-command={c.name}>
                <kbd>{c.shortcut || t('noShortcut')}</kbd> {c.description}
              </li>
            ))}
          </ul>
        </section>
      )}
      <section>
        <label class="check">
          <input
            type="checkbox"
            name="autoLog"
            checked={me.value ? me.value.autoLog : true}
            disabled={!me.value}
            onChange={async (e) => {
              const on = e.currentTarget.checked;
              const r = await ask({ type: 'settings:autoLog', on });
              if (r.ok && me.value) me.value = { ...me.value, autoLog: r.data.autoLog };
              else if (!r.ok) error.value = troubleText(r.trouble, r.message);
            }}
          />{' '}
          {t('autoLogOption')}
        </label>
      </section>
      {me.value && (
        <section>
          <label>
            {t('neverLog')}
            <textarea
              name="neverLog"
              rows={5}
              value={neverLog.value}
              onInput={(e) => ((neverLog.value = e.currentTarget.value), (neverLogSaved.value = false))}
            />
          </label>
          <button type="button" data-action="save-never-log" onClick={saveNeverLog}>
            {t('save')}
          </button>
          {neverLogSaved.value && <span class="ok"> {t('saved')}</span>}
        </section>
      )}
      <section class="privacy" data-privacy>
        <h2>{t('privacyTitle')}</h2>
        <p>{t('privacyRead')}</p>
        <p>{t('privacySent')}</p>
      </section>
    </main>
  );
}
