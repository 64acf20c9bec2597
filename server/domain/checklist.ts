/** Which checklist items of a phase are still open for an account: the gaps the sidebar asks to fill. */
import { phaseById, type ActivityType, type ChecklistItem, type PhaseId } from '../../shared/phases';
import type { AccountFacts } from '../../shared/schemas';

export interface ChecklistSubject {
  account: {
    address: string | null;
    postcode: string | null;
    city: string | null;
    source: string | null;
    industry: string | null;
    facts: AccountFacts;
  };
  contacts: { emails: string[]; phone: string | null; role: string }[];
  activityTypes: Set<ActivityType>;
}

function filled(item: ChecklistItem, s: ChecklistSubject): boolean {
  const { account } = s;
  switch (item.key) {
    case 'address':
      return Boolean(account.address && account.postcode && account.city);
    case 'source':
      return Boolean(account.source);
    case 'industry':
      return Boolean(account.industry);
    case 'contactChannel':
      return s.contacts.some((c) => c.emails.length > 0 || Boolean(c.phone));
    case 'decisionRoles':
      return s.contacts.some((c) => c.role === 'decision_maker' || c.role === 'influencer');
  }
  if (item.fill === 'activity') return s.activityTypes.has(item.activityType!);
  return Boolean(account.facts[item.key as keyof AccountFacts]);
}

export const checklistGaps = (phase: PhaseId, s: ChecklistSubject): ChecklistItem[] =>
  phaseById(phase).checklist.filter((item) => !filled(item, s));
