/** The writes the sidebar makes, as data: they wait in the outbox and are sent by `send`. */
import type { AccountPatch, ActivityData, GmailThread, LinkedInCompany, LinkedInPerson, Person } from '../../shared/schemas';
import type { ActivityType, ArchiveReason, BackReason, DecisionRole, OpportunityStage, PhaseId } from '../../shared/phases';
import type { Api } from './api';

export type WriteOp =
  | { path: 'capture.linkedInPerson'; input: { person: LinkedInPerson; linkContactId?: string } }
  | { path: 'capture.linkedInCompany'; input: { company: LinkedInCompany } }
  | { path: 'capture.emailContact'; input: { person: Person; wroteToUs: boolean; threadId?: string } }
  | { path: 'activities.logThread'; input: { thread: GmailThread } }
  | { path: 'activities.autoLogThread'; input: { thread: GmailThread } }
  | { path: 'activities.undoThreadLog'; input: { threadId: string; messageIds: string[] } }
  | { path: 'activities.acceptProposal'; input: { proposalId: string } }
  | { path: 'activities.dismissProposal'; input: { proposalId: string } }
  | { path: 'accounts.move'; input: { accountId: string; to: PhaseId; reason?: BackReason; note?: string } }
  | { path: 'accounts.undoMove'; input: { accountId: string } }
  | { path: 'accounts.archive'; input: { accountId: string; reason: ArchiveReason; note?: string } }
  | { path: 'accounts.restore'; input: { accountId: string } }
  | { path: 'opportunities.create'; input: { accountId: string; kind: 'new' | 'upsell' | 'cross_sell'; title: string; amount?: number } }
  | { path: 'opportunities.advance'; input: { opportunityId: string; stage: OpportunityStage } }
  | { path: 'opportunities.close'; input: { opportunityId: string; outcome: 'won' | 'lost'; lostReason?: BackReason } }
  | { path: 'accounts.update'; input: { accountId: string; patch: AccountPatch } }
  | { path: 'accounts.addContactChannel'; input: { contactId: string; email?: string; phone?: string } }
  | { path: 'accounts.setContactRole'; input: { contactId: string; role: DecisionRole } }
  | { path: 'accounts.correctContact'; input: { contactId: string; name?: string; headline?: string; companyName?: string } }
  | {
      path: 'activities.log';
      input: { accountId: string; type: ActivityType; subject?: string; occurredAt?: number; data?: ActivityData; sourceKey?: string };
    };

/** Sends one write with its client-made id: the server answers a repeat with the first result. */
export function send(api: Api, op: WriteOp, clientId: string): Promise<unknown> {
  switch (op.path) {
    case 'capture.linkedInPerson':
      return api.capture.linkedInPerson.mutate({ ...op.input, clientId });
    case 'capture.linkedInCompany':
      return api.capture.linkedInCompany.mutate({ ...op.input, clientId });
    case 'capture.emailContact':
      return api.capture.emailContact.mutate({ ...op.input, clientId });
    case 'activities.logThread':
      return api.activities.logThread.mutate({ ...op.input, clientId });
    case 'activities.autoLogThread':
      return api.activities.autoLogThread.mutate({ ...op.input, clientId });
    case 'activities.undoThreadLog':
      return api.activities.undoThreadLog.mutate({ ...op.input, clientId });
    case 'activities.acceptProposal':
      return api.activities.acceptProposal.mutate({ ...op.input, clientId });
    case 'activities.dismissProposal':
      return api.activities.dismissProposal.mutate({ ...op.input, clientId });
    case 'accounts.move':
      return api.accounts.move.mutate({ ...op.input, clientId });
    case 'accounts.undoMove':
      return api.accounts.undoMove.mutate({ ...op.input, clientId });
    case 'accounts.archive':
      return api.accounts.archive.mutate({ ...op.input, clientId });
    case 'accounts.restore':
      return api.accounts.restore.mutate({ ...op.input, clientId });
    case 'opportunities.create':
      return api.opportunities.create.mutate({ ...op.input, clientId });
    case 'opportunities.advance':
      return api.opportunities.advance.mutate({ ...op.input, clientId });
    case 'opportunities.close':
      return api.opportunities.close.mutate({ ...op.input, clientId });
    case 'accounts.update':
      return api.accounts.update.mutate({ ...op.input, clientId });
    case 'accounts.addContactChannel':
      return api.accounts.addContactChannel.mutate({ ...op.input, clientId });
    case 'accounts.setContactRole':
      return api.accounts.setContactRole.mutate({ ...op.input, clientId });
    case 'accounts.correctContact':
      return api.accounts.correctContact.mutate({ ...op.input, clientId });
    case 'activities.log':
      return api.activities.log.mutate({ ...op.input, clientId });
  }
}
