/**
 * For managers and admins: a selection file in as suspects (check the
 * column mapping and the counts first, then import), web forms that send
 * enquiries in as prospects (admins), and every record out again.
 */
import { downloadText } from './download';
import { useEffect } from 'preact/hooks';
import { useSignal } from '@preact/signals';
import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '../../server/routers';
import type { UserRole } from '../../shared/phases';
import { EXPORT_TABLE_NAMES, HONEYPOT, IMPORT_FIELDS, IMPORT_FIELD_LABELS, type ImportField, type ImportMapping, type ImportReport } from '../../shared/intake';
import { label, t, troubleText } from '../i18n';
import { ask } from '../messaging/send';
import type { Reply } from '../messaging/protocol';
import { Card } from './charts';

type Forms = inferRouterOutputs<AppRouter>['forms']['list'];

/** The file's bytes as base64, in slices (a large file would overflow one call's arguments). */
async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** What a site pastes: the field names the server reads, and a hidden field only bots fill in. */
const snippetFor = (serverUrl: string, key: string) =>
  [
    `<form method="post" action="${serverUrl}/forms/${key}">`,
    '  <input name="name" placeholder="Name" required>',
    '  <input name="email" type="email" placeholder="E-mail" required>',
    '  <input name="company" placeholder="Company">',
    '  <input name="phone" placeholder="Phone">',
    '  <textarea name="message" placeholder="Message"></textarea>',
    `  <input name="${HONEYPOT}" tabindex="-1" autocomplete="off" style="position:absolute;left:-9999px" aria-hidden="true">`,
    '  <button type="submit">Send</button>',
    '</form>',
  ].join('\n');

export function IntakePanel({ role }: { role: UserRole }) {
  const message = useSignal<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const file = useSignal<File | null>(null);
  const source = useSignal('');
  const mapping = useSignal<ImportMapping | undefined>(undefined);
  const report = useSignal<ImportReport | null>(null);
  const working = useSignal(false);
  const forms = useSignal<Forms>([]);
  const serverUrl = useSignal('');
  const newForm = useSignal({ name: '', redirectUrl: '', origin: '' });
  const format = useSignal<'csv' | 'jsonl'>('csv');

  const done = <T,>(r: Reply<T>, ok?: string) => {
    message.value = r.ok ? (ok ? { kind: 'ok', text: ok } : null) : { kind: 'error', text: troubleText(r.trouble, r.message) };
    return r.ok;
  };
  const loadForms = async () => {
    if (role !== 'admin') return;
    const r = await ask({ type: 'forms:list' });
    if (done(r) && r.ok) forms.value = r.data;
  };
  useEffect(() => {
    void loadForms();
    void ask({ type: 'settings:address' }).then((r) => (serverUrl.value = r.ok ? r.data.serverUrl : ''));
  }, []);

  const runImport = async (dryRun: boolean) => {
    if (!file.value) return;
    working.value = true;
    const r = await ask({
      type: 'intake:import',
      file: await base64Of(file.value),
      source: source.value.trim() || file.value.name.replace(/\.[^.]+$/, ''),
      dryRun,
      mapping: mapping.value,
    });
    working.value = false;
    if (done(r, dryRun ? t('dryRunNote') : t('importedNote')) && r.ok) {
      report.value = r.data;
      mapping.value = r.data.mapping;
    }
  };

  const setColumn = (field: ImportField, column: string) => {
    const next = { ...(mapping.value ?? {}) };
    delete next[field];
    if (column !== '') {
      // a column serves one field
      for (const f of IMPORT_FIELDS) if (next[f] === Number(column)) delete next[f];
      next[field] = Number(column);
    }
    mapping.value = next;
  };

  const download = async (table: (typeof EXPORT_TABLE_NAMES)[number]) => {
    const r = await ask({ type: 'intake:export', table, format: format.value, delimiter: ';' });
    if (!done(r) || !r.ok) return;
    downloadText(r.data.name, r.data.text, format.value === 'csv' ? 'text/csv' : 'application/x-ndjson');
  };

  const createForm = async (e: Event) => {
    e.preventDefault();
    const f = newForm.value;
    const r = await ask({
      type: 'forms:create',
      name: f.name,
      redirectUrl: f.redirectUrl.trim() || undefined,
      origins: f.origin.trim() ? [f.origin.trim()] : [],
    });
    if (done(r, t('saved'))) {
      newForm.value = { name: '', redirectUrl: '', origin: '' };
      await loadForms();
    }
  };

  const rep = report.value;
  return (
    <Card title={t('intake')} wide>
      <div id="intake">
        {message.value && (
          <p
            class={message.value.kind === 'error' ? 'error' : 'muted'}
            role={message.value.kind === 'error' ? 'alert' : 'status'}
            data-status={message.value.kind}
          >
            {message.value.text}
          </p>
        )}
        <h3>{t('importSelection')}</h3>
        <form class="row" onSubmit={(e) => (e.preventDefault(), void runImport(true))}>
          <input
            type="file"
            name="selection"
            accept=".csv,text/csv"
            aria-label={t('importSelection')}
            onChange={(e) => {
              file.value = e.currentTarget.files?.[0] ?? null;
              mapping.value = undefined;
              report.value = null;
            }}
          />
          <input
            name="source"
            placeholder={t('selectionName')}
            aria-label={t('selectionName')}
            maxLength={200}
            value={source.value}
            onInput={(e) => (source.value = e.currentTarget.value)}
          />
          <button type="submit" data-action="check-import" disabled={!file.value || working.value}>
            {t('checkFile')}
          </button>
        </form>
        {rep && (
          <div data-import-report data-dry-run={String(rep.dryRun)}>
            <p>
              <span data-count="imported">{rep.imported}</span> {t('rowsNew')} · <span data-count="matched">{rep.matched}</span> {t('rowsMatched')} ·{' '}
              <span data-count="invalid">{rep.invalid}</span> {t('rowsInvalid')}
            </p>
            <table class="mapping">
              <thead>
                <tr>
                  {rep.headers.map((h, i) => (
                    <th key={i} scope="col">
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rep.sample.map((cells, r) => (
                  <tr key={r}>
                    {rep.headers.map((_, i) => (
                      <td key={i}>{cells[i] ?? ''}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
            <ul class="fields">
              {IMPORT_FIELDS.map((f) => (
                <li key={f}>
                  <label>
                    {label(IMPORT_FIELD_LABELS[f])}{' '}
                    <select name={`map-${f}`} value={mapping.value?.[f] ?? ''} onChange={(e) => setColumn(f, e.currentTarget.value)}>
                      <option value="">{t('notImported')}</option>
                      {rep.headers.map((h, i) => (
                        <option key={i} value={i}>
                          {h}
                        </option>
                      ))}
                    </select>
                  </label>
                </li>
              ))}
            </ul>
            {rep.errors.length > 0 && (
              <ul class="errors">
                {rep.errors.slice(0, 20).map((e) => (
                  <li key={e.line} data-invalid-line={e.line}>
                    {t('line')} {e.line}: {e.reason}
                  </li>
                ))}
              </ul>
            )}
            {rep.dryRun && (
              <p>
                <button type="button" class="link" data-action="check-import" disabled={working.value} onClick={() => runImport(true)}>
                  {t('checkFile')}
                </button>{' '}
                <button type="button" class="primary" data-action="import" disabled={working.value} onClick={() => runImport(false)}>
                  {t('importNow')}
                </button>
              </p>
            )}
          </div>
        )}

        {role === 'admin' && (
          <>
            <h3>{t('webForms')}</h3>
            <ul class="forms">
              {forms.value.map((f) => (
                <li key={f.id} data-form-key={f.key}>
                  <strong>{f.name}</strong>
                  <details>
                    <summary>{t('snippet')}</summary>
                    <pre>{snippetFor(serverUrl.value, f.key)}</pre>
                  </details>
                </li>
              ))}
            </ul>
            <form class="row" onSubmit={createForm}>
              <input
                name="formName"
                required
                maxLength={200}
                placeholder={t('formName')}
                aria-label={t('formName')}
                value={newForm.value.name}
                onInput={(e) => (newForm.value = { ...newForm.value, name: e.currentTarget.value })}
              />
              <input
                name="redirectUrl"
                type="url"
                placeholder={t('thankYouUrl')}
                aria-label={t('thankYouUrl')}
                value={newForm.value.redirectUrl}
                onInput={(e) => (newForm.value = { ...newForm.value, redirectUrl: e.currentTarget.value })}
              />
              <input
                name="origin"
                type="url"
                placeholder={t('siteOrigin')}
                aria-label={t('siteOrigin')}
                value={newForm.value.origin}
                onInput={(e) => (newForm.value = { ...newForm.value, origin: e.currentTarget.value })}
              />
              <button type="submit" data-action="create-form">
                {t('createForm')}
              </button>
            </form>
          </>
        )}

        <h3>{t('exportData')}</h3>
        <p class="row">
          <select
            name="exportFormat"
            aria-label={t('exportData')}
            value={format.value}
            onChange={(e) => (format.value = e.currentTarget.value as 'csv' | 'jsonl')}
          >
            <option value="csv">CSV (Excel)</option>
            <option value="jsonl">JSON lines</option>
          </select>
          {EXPORT_TABLE_NAMES.map((table) => (
            <button key={table} type="button" data-action="export" data-table={table} onClick={() => download(table)}>
              {t('exportTable')} {table.replace('_', ' ')}
            </button>
          ))}
        </p>
      </div>
    </Card>
  );
}
