/**
 * Capture health: how often LinkedIn pages gave name, headline, company and
 * location over the last 7 and 30 days, and per layout family, so that a
 * change on LinkedIn's side is seen the day it ships.
 */
import { useEffect } from 'preact/hooks';
import { useSignal } from '@preact/signals';
import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '../../server/routers';
import { label, t, troubleText } from '../i18n';
import { DEFINITIONS } from './definitions';
import { ask } from '../messaging/send';
import { Card } from './charts';
import { formatNumber, formatPercent as pct } from '../format';

type Health = inferRouterOutputs<AppRouter>['reports']['captureHealth'];
const FIELDS = ['name', 'headline', 'company', 'location'] as const;
const FIELD_LABEL = { name: 'fieldName', headline: 'fieldHeadline', company: 'fieldCompany', location: 'fieldLocation' } as const;

export function CaptureHealth() {
  const health = useSignal<Health | null>(null);
  const error = useSignal<string | null>(null);
  useEffect(() => {
    void ask({ type: 'reports:captureHealth' }).then((r) => {
      if (r.ok) health.value = r.data;
      else error.value = troubleText(r.trouble, r.message);
    });
  }, []);
  const h = health.value;
  return (
    <Card
      title={t('captureHealth')}
      wide
      section="capture-health"
      csv={
        h
          ? () => ({
              header: [t('layoutFamily'), t('captures'), ...FIELDS.map((f) => t(FIELD_LABEL[f]))],
              rows: [
                ...h.windows.map((w) => [t(w.days === 7 ? 'days7' : 'days30'), w.captures, ...FIELDS.map((f) => w[f])]),
                ...h.layouts.map((l) => [`${l.layout} (${l.kind}, ${l.version}), 30`, l.last30.captures, ...FIELDS.map((f) => l.last30[f])]),
              ],
            })
          : undefined
      }
    >
      {error.value && <p class="error">{error.value}</p>}
      {h && (
        <>
          <table data-metric="capture-health" title={label(DEFINITIONS['capture-health']!)}>
            <thead>
              <tr>
                <th />
                <th>{t('captures')}</th>
                {FIELDS.map((f) => (
                  <th key={f}>{t(FIELD_LABEL[f])}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {h.windows.map((w) => (
                <tr key={w.days} data-window={w.days}>
                  <th>{t(w.days === 7 ? 'days7' : 'days30')}</th>
                  <td data-field="captures">{formatNumber(w.captures)}</td>
                  {FIELDS.map((f) => (
                    <td key={f} data-field={f}>
                      {pct(w[f])}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          {h.layouts.length === 0 ? (
            <p class="muted small">{t('noCaptures')}</p>
          ) : (
            <table class="small">
              <thead>
                <tr>
                  <th>{t('layoutFamily')}</th>
                  <th>{t('captures')} (7 / 30)</th>
                  {FIELDS.map((f) => (
                    <th key={f}>{t(FIELD_LABEL[f])}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {h.layouts.map((l) => (
                  <tr key={`${l.kind}-${l.layout}`} data-layout={l.layout}>
                    <td>
                      {l.layout}{' '}
                      <span class="muted">
                        ({l.kind}, {l.version})
                      </span>
                    </td>
                    <td>
                      {formatNumber(l.last7.captures)} / {formatNumber(l.last30.captures)}
                    </td>
                    {FIELDS.map((f) => (
                      <td key={f}>{l.kind === 'company' && (f === 'company' || f === 'headline') ? '—' : pct(l.last30[f])}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <p class="muted small">{t('captureHealthNote')}</p>
        </>
      )}
    </Card>
  );
}
