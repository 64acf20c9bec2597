/** The funnel per selection: each list or source of the period's new accounts, followed to where its accounts went. */
import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '../../server/routers';
import { phaseById } from '../../shared/phases';
import { label, t } from '../i18n';
import { formatNumber } from '../format';
import { DEFINITIONS } from './definitions';
import { Card } from './charts';

type Figures = inferRouterOutputs<AppRouter>['reports']['dashboard'];

export function Selections({ selections }: { selections: Figures['selections'] }) {
  if (!selections.length) return null;
  const phases = selections[0]!.reached.map((r) => r.phase);
  return (
    <Card
      title={t('perSelection')}
      wide
      section="selections"
      csv={() => ({
        header: [t('selection'), ...phases.map((p) => label(phaseById(p).label))],
        rows: selections.map((s) => [s.source, ...s.reached.map((r) => r.count)]),
      })}
    >
      <div class="scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('selection')}</th>
              {phases.map((p) => (
                <th key={p} scope="col">
                  {label(phaseById(p).label)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {selections.map((s) => (
              <tr key={s.source} data-metric="selection" data-selection={s.source} title={label(DEFINITIONS.selection!)}>
                <th scope="row">{s.source}</th>
                {s.reached.map((r) => (
                  <td key={r.phase} data-selection-phase={r.phase}>
                    {formatNumber(r.count)}
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
