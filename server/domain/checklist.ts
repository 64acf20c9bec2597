/**
 * Which checklist items of a phase are still open for an account: the gaps
 * the sidebar asks to fill. The count is also kept on the account on every
 * write, so the reports' completeness figure follows these same rules.
 */
import { eq, sql } from 'drizzle-orm';
import { prepared } from '../db/prepared';
import type { Orm, Tx } from '../db/client';
import { activities, contactEmails, contacts } from '../db/schema';
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

export const checklistGaps = (phase: PhaseId, s: ChecklistSubject): ChecklistItem[] => phaseById(phase).checklist.filter((item) => !filled(item, s));

/** Loads what the checklist rules look at for one account. */
export async function checklistSubject(q: Orm | Tx, accountId: string) {
  // prepared once (db/prepared.ts): every capture, log and move recounts its account's gaps
  const id = { accountId };
  const [people, emails, types] = await Promise.all([
    prepared(q, 'checklist.contacts', (d) =>
      d
        .select({ id: contacts.id, phone: contacts.phone, role: contacts.role })
        .from(contacts)
        .where(eq(contacts.accountId, sql.placeholder('accountId'))),
    ).all(id),
    prepared(q, 'checklist.emails', (d) =>
      d
        .select({ contactId: contactEmails.contactId, email: contactEmails.email })
        .from(contactEmails)
        .innerJoin(contacts, eq(contacts.id, contactEmails.contactId))
        .where(eq(contacts.accountId, sql.placeholder('accountId'))),
    ).all(id),
    prepared(q, 'checklist.types', (d) =>
      d
        .selectDistinct({ type: activities.type })
        .from(activities)
        .where(eq(activities.accountId, sql.placeholder('accountId'))),
    ).all(id),
  ]);
  return {
    contacts: people.map((c) => ({ ...c, emails: emails.filter((e) => e.contactId === c.id).map((e) => e.email) })),
    activityTypes: new Set(types.map((t) => t.type as ActivityType)),
  };
}
