/** An account as the sidebar shows it: phase, proposal, stepper, checklist gaps, last activities. */
import { ACTIVITY_TYPE_LABELS, PHASE_IDS, phaseById, phaseIndex, type PhaseId, isCustomer } from '../../shared/phases';
import type { AccountView } from '../messaging/answers';
import { label, t } from '../i18n';
import { PhaseStepper } from './PhaseStepper';
import { formatDate } from '../format';
import { GapForms } from './GapForms';
import { CarePanel } from './CarePanel';
import { ArchiveControl } from './ArchiveControl';
import { Opportunities } from './Opportunities';
import { Answers } from './Answers';
import { busy, lastMove, write } from './store';

const ACTIVITY_LIMIT = 5;

export function AccountCard({ account }: { account: AccountView }) {
  const phase = phaseById(account.phase);
  const proposal = account.proposal;
  // the evidence the next phase asks for (a quote, a confirmation, an invoice) can be logged from here
  const next = PHASE_IDS[phaseIndex(account.phase) + 1];
  const evidenceForNext = next
    ? phaseById(next)
        .checklist.filter((c) => c.fill === 'activity')
        .map((c) => ({ key: `next-${c.key}`, label: c.label, fill: c.fill, activityType: c.activityType ?? null }))
    : [];
  return (
    <section class="card account" data-account-id={account.id}>
      <header>
        <h2>{account.name}</h2>
        <span class="phase" data-phase={account.phase} tabIndex={-1}>
          {label(phase.label)}
        </span>
      </header>
      {account.city && <p class="muted">{account.city}</p>}
      {proposal && (
        <div class="proposal" role="status">
          <span>
            {t('proposed')}: <strong>{label(phaseById(proposal.to as PhaseId).label)}</strong>
          </span>
          <div class="row">
            <button
              type="button"
              class="primary"
              data-action="accept-proposal"
              disabled={busy.value}
              onClick={() => write({ path: 'activities.acceptProposal', input: { proposalId: proposal.id } })}
            >
              {t('accept')}
            </button>
            <button
              type="button"
              data-action="dismiss-proposal"
              disabled={busy.value}
              onClick={() => write({ path: 'activities.dismissProposal', input: { proposalId: proposal.id } })}
            >
              {t('dismiss')}
            </button>
          </div>
        </div>
      )}
      {lastMove.value?.accountId === account.id && (
        <p class="undo" role="status">
          {t('moved')}{' '}
          <button
            type="button"
            class="link"
            data-action="undo"
            disabled={busy.value}
            onClick={() => void write({ path: 'accounts.undoMove', input: { accountId: account.id } }).then(() => (lastMove.value = null))}
          >
            {t('undo')}
          </button>
        </p>
      )}
      {!account.archived && <PhaseStepper accountId={account.id} current={account.phase} proposed={proposal?.to as PhaseId | undefined} />}
      <ArchiveControl account={account} />
      <Answers account={account} />
      <h3>{t('gaps')}</h3>
      {account.gaps.length ? <GapForms account={account} /> : <p class="muted">{t('noGaps')}</p>}
      {evidenceForNext.length > 0 && (
        <>
          <h3>{t('toMoveOn')}</h3>
          <GapForms account={account} gaps={evidenceForNext} />
        </>
      )}
      {isCustomer(account.phase) && <Opportunities account={account} />}
      <CarePanel account={account} />
      {account.contacts.length > 0 && (
        <>
          <h3>{t('contacts')}</h3>
          <ul class="contacts">
            {account.contacts.map((c) => (
              <li key={c.id}>
                {c.name}
                {c.email && <span class="muted"> · {c.email}</span>}
              </li>
            ))}
          </ul>
        </>
      )}
      <h3>{t('lastActivities')}</h3>
      {account.activities.length ? (
        <ul class="activities">
          {account.activities.slice(0, ACTIVITY_LIMIT).map((a) => (
            <li key={a.id} data-activity-type={a.type}>
              <span class="muted">{formatDate(a.occurredAt)}</span> {label(ACTIVITY_TYPE_LABELS[a.type])}
              {a.subject && <span> · {a.subject}</span>}
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">{t('noActivities')}</p>
      )}
    </section>
  );
}
