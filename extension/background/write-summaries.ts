/** What the sidebar shows of each of its writes while it waits in the outbox (or after the server refused it). */
import { ACTIVITY_TYPE_LABELS } from '../../shared/phases';
import type { CheckedSidebarWrite } from '../../shared/write-inputs';
import type { WriteSummary } from '../messaging/answers';
import { label } from '../i18n';

/** What the sidebar shows of a write while it waits in the outbox. */
export function summaryOf(w: CheckedSidebarWrite): WriteSummary {
  switch (w.path) {
    case 'accounts.move':
      return { what: 'move', label: '', to: w.input.to };
    case 'accounts.undoMove':
      return { what: 'move', label: 'undo' };
    case 'accounts.archive':
      return { what: 'update', label: w.input.reason };
    case 'accounts.restore':
      return { what: 'update', label: '' };
    case 'accounts.update':
      return { what: 'update', label: Object.keys(w.input.patch).join(', ') };
    case 'accounts.addContactChannel':
      return { what: 'update', label: w.input.email ?? w.input.phone ?? '' };
    case 'accounts.correctContact': {
      const { contactId: _id, ...edits } = w.input;
      return { what: 'update', label: Object.keys(edits).join(', ') };
    }
    case 'accounts.setContactRole':
      return { what: 'update', label: w.input.role };
    case 'opportunities.create':
      return { what: 'update', label: w.input.title };
    case 'opportunities.advance':
      return { what: 'update', label: w.input.stage };
    case 'opportunities.close':
      return { what: 'update', label: w.input.outcome };
    case 'activities.log':
      return { what: 'activity', label: label(ACTIVITY_TYPE_LABELS[w.input.type]) };
    case 'activities.acceptProposal':
      return { what: 'accept', label: '' };
    case 'activities.dismissProposal':
      return { what: 'dismiss', label: '' };
  }
}
