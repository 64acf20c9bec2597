/**
 * Conversion per account manager, phase by phase, side by side: where one
 * rep's process leaks against the others'. The chosen manager's row is
 * marked; each cell names its cohort on hover.
 */
import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '../../server/routers';
import { phaseById } from '../../shared/phases';
import { formatNumber, formatPercent } from '../format';
import { label, t } from '../i18n';
import { Card } from './charts';
import { DEFINITIONS } from './definitions';

type ByRep = inferRouterOutputs<AppRouter>['reports']['dashboard']['byRep'];

export function ConversionByRep({ reps, chosen }: { reps: ByRep; chosen: string }) {
  if (!reps.length) return null;
  const phases = reps[0]!.phases.map((p) => p.phase);
  const phaseName = (p: (typeof phases)[number]) => label(phaseById(p).label);
  return (
    <Card
      title={t('conversionByRep')}
      wide
      section="by-rep"
      csv={() => ({
        header: [t('accountManager'), ...phases.flatMap((p) => [`${phaseName(p)} ${t('accounts')}`, `${phaseName(p)} ${t('conversion')}`])],
        rows: reps.map((r) => [r.name, ...r.phases.flatMap((p) => [p.cohort, p.rate])]),
      })}
    >
      <div class="scroll">
        <table data-metric="rep-conversion" title={label(DEFINITIONS['rep-conversion']!)}>
          <thead>
            <tr>
              <th scope="col">{t('accountManager')}</th>
              {phases.map((p) => (
                <th key={p} scope="col">
                  {phaseName(p)} →
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {reps.map((r) => (
              <tr
                key={r.ownerId}
                data-owner-id={r.ownerId}
                class={r.ownerId === chosen ? 'chosen' : undefined}
                aria-current={r.ownerId === chosen ? 'true' : undefined}
              >
                <th scope="row">{r.name}</th>
                {r.phases.map((p) => (
                  <td key={p.phase} class="num" data-phase={p.phase} title={`${formatNumber(p.converted)} / ${formatNumber(p.cohort)}`}>
                    {formatPercent(p.rate)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}
