/**
 * Logging an open Gmail thread: each message becomes an email_in or
 * email_out activity keyed by its message id, on the account of the
 * thread's known participants. Subjects and short snippets only.
 */
import type { Tx } from '../db/client';
import type { GmailThread } from '../../shared/schemas';
import type { Actor } from './actor';
import { DomainError } from './errors';
import { MAX_LOGGED_RECIPIENTS, neverLogged, recipientCount } from '../../shared/email';
import { findAccountForAddress, findContact } from './matching';
import { logActivities } from './activities';
import type { ActivityInput } from './records/activities';
import { parseInvitation } from '../../shared/invitations';
import { applyInvitation } from './meetings';
import { loggingSettings } from './records/users';

export async function logThread(tx: Tx, actor: Actor, thread: GmailThread) {
  if (recipientCount(thread) > MAX_LOGGED_RECIPIENTS) {
    throw new DomainError('BAD_REQUEST', `Threads with more than ${MAX_LOGGED_RECIPIENTS} recipients are not logged`);
  }
  const user = await loggingSettings(tx, actor);
  const neverLog = user?.neverLog ?? [];
  let accountId: string | undefined;
  const contactIds = new Map<string, string>();
  for (const p of thread.external) {
    const contact = await findContact(tx, actor.teamId, { email: p.email });
    if (contact) {
      contactIds.set(p.email, contact.id);
      accountId ??= contact.accountId;
    }
  }
  for (const p of thread.external) {
    if (neverLogged(neverLog, p.email)) continue;
    accountId ??= (await findAccountForAddress(tx, actor.teamId, p.email))?.id;
  }
  if (!accountId) throw new DomainError('BAD_REQUEST', 'Nobody in this thread belongs to a known account yet: add the company first');

  let privateSkipped = 0;
  let sentOne = false;
  const messages: ActivityInput[] = [];
  for (const m of thread.messages) {
    const people = [m.from, ...m.to, ...m.cc].map((p) => p.email);
    if (people.some((e) => neverLogged(neverLog, e))) {
      privateSkipped++;
      continue;
    }
    messages.push({
      accountId,
      contactId: m.direction === 'in' ? contactIds.get(m.from.email) : undefined,
      type: m.direction === 'in' ? 'email_in' : 'email_out',
      direction: m.direction,
      occurredAt: m.at,
      subject: thread.subject,
      snippet: m.snippet,
      sourceKey: `gmail:${m.id}`,
      isReply: m.direction === 'in' && sentOne,
    });
    if (m.direction === 'out') sentOne = true;
  }
  const results = messages.length ? await logActivities(tx, actor, accountId, messages) : [];
  const logged = results.filter((r) => r.created).length;
  const already = results.length - logged;
  const proposal = results.reduce<{ id: string; to: string } | null>((last, r) => r.proposal ?? last, null);
  const invitation = parseInvitation(thread.subject);
  // an invitation only counts when something of the thread could be logged (not all of it private)
  const meeting = invitation && privateSkipped < thread.messages.length ? await applyInvitation(tx, actor, accountId, invitation) : null;
  return { accountId, logged, alreadyLogged: already, privateSkipped, proposal, meeting };
}
