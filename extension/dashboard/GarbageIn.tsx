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

const meterHeader = (first: string) => [first, t('accounts'), t('checklistComplete'), t('loggedRecently')];

interface MeterRow {
  key: string;
  attrs: Record<string, string>;
  name: string;
  accounts: number;
  completeness: number | null;
  logged: number | null;
}

/** One side of the meter: per phase or per account manager, the same columns. */
function MeterTable({ by, first, definition, rows }: { by: 'phase' | 'owner'; first: string; definition: string; rows: MeterRow[] }) {
  return (
    <table data-metric="garbage-in" data-by={by} title={definition}>
      <thead>
        <tr>
          {meterHeader(first).map((h) => (
            <th key={h}>{h}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key} {...r.attrs}>
            <td>{r.name}</td>
            <td class="num">{formatNumber(r.accounts)}</td>
            <td class="num" data-cell="checklist">
              {formatPercent(r.completeness)}
            </td>
            <td class="num" data-cell="logged">
              {formatPercent(r.logged)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function GarbageIn({ coverage }: { coverage: Coverage }) {
  const phases = coverage.checklist.filter((p) => p.accounts > 0);
  const definition = label(DEFINITIONS['garbage-in']!);
  return (
    <Card
      title={t('garbageIn')}
      wide
      section="garbage-in"
      csv={() => ({
        header: meterHeader(`${t('phase')} / ${t('accountManager')}`),
        rows: [
          ...phases.map((p) => [label(phaseById(p.phase).label), p.accounts, p.completeness, p.logged]),
          ...coverage.byOwner.map((o) => [o.name || '—', o.accounts, o.completeness, o.rate]),
        ],
      })}
    >
      <div class="two-tables">
        <MeterTable
          by="phase"
          first={t('phase')}
          definition={definition}
          rows={phases.map((p) => ({
            key: p.phase,
            attrs: { 'data-phase': p.phase },
            name: label(phaseById(p.phase).label),
            accounts: p.accounts,
            completeness: p.completeness,
            logged: p.logged,
          }))}
        />
        <MeterTable
          by="owner"
          first={t('accountManager')}
          definition={definition}
          rows={coverage.byOwner.map((o) => ({
            key: o.ownerId ?? 'none',
            attrs: { 'data-owner-id': o.ownerId ?? '' },
            name: o.name || '—',
            accounts: o.accounts,
            completeness: o.completeness,
            logged: o.rate,
          }))}
        />
      </div>
    </Card>
  );
}
