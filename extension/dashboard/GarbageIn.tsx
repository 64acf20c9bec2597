/**
 * The garbage-in meter: how much of what the figures rest on is filled in,
 * per phase and per account manager (checklist completeness, and logging
 * in the last 14 days for phases 2 to 5), so a manager sees whose numbers
 * to trust before reading them.
 */
import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '../../server/routers';
import { phaseById } from '../../shared/phases';
import { formatNumber, formatPercent } from '../format';
import { label, t } from '../i18n';
import { Card } from './charts';
import { DEFINITIONS } from './definitions';

type Coverage = inferRouterOutputs<AppRouter>['reports']['dashboard']['coverage'];

export function GarbageIn({ coverage }: { coverage: Coverage }) {
  const phases = coverage.checklist.filter((p) => p.accounts > 0);
  const definition = label(DEFINITIONS['garbage-in']!);
  const header = (first: string) => [first, t('accounts'), t('checklistComplete'), t('loggedRecently')];
  return (
    <Card
      title={t('garbageIn')}
      wide
      section="garbage-in"
      csv={() => ({
        header: header(`${t('phase')} / ${t('accountManager')}`),
        rows: [
          ...phases.map((p) => [label(phaseById(p.phase).label), p.accounts, p.completeness, p.logged]),
          ...coverage.byOwner.map((o) => [o.name || '—', o.accounts, o.completeness, o.rate]),
        ],
      })}
    >
      <div class="two-tables">
        <table data-metric="garbage-in" data-by="phase" title={definition}>
          <thead>
            <tr>
              {header(t('phase')).map((h) => (
                <th key={h}>{h}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {phases.map((p) => (
              <tr key={p.phase} data-phase={p.phase}>
                <td>{label(phaseById(p.phase).label)}</td>
                <td class="num">{formatNumber(p.accounts)}</td>
                <td class="num" data-cell="checklist">
                  {formatPercent(p.completeness)}
                </td>
                <td class="num" data-cell="logged">
                  {formatPercent(p.logged)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <table data-metric="garbage-in" data-by="owner" title={definition}>
          <thead>
            <tr>
              {header(t('accountManager')).map((h) => (
                <th key={h}>{h}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {coverage.byOwner.map((o) => (
              <tr key={o.ownerId ?? 'none'} data-owner-id={o.ownerId ?? ''}>
                <td>{o.name || '—'}</td>
                <td class="num">{formatNumber(o.accounts)}</td>
                <td class="num" data-cell="checklist">
                  {formatPercent(o.completeness)}
                </td>
                <td class="num" data-cell="logged">
                  {formatPercent(o.rate)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}
