/**
 * Web forms on the team's site: an enquiry becomes a prospect (the phase
 * model: "a filled-in web form makes a prospect"), or, for an account the
 * team already has, an activity that proposes prospect. The message is the
 * activity; what else the form sent is kept with it.
 */
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { Db, Tx } from '../../db/client';
import { accounts, activities, contactEmails, contacts, users, webForms } from '../../db/schema';
import { INBOUND_PHASE } from '../../../shared/phases';
import { splitName } from '../../../shared/names';
import { domainOf } from '../../../shared/email';
import { email, note, webFormInput } from '../../../shared/schemas';
import { newId, type Actor } from '../actor';
import { createAccount } from '../records/accounts';
import { noteChange } from '../../db/changes';
import { transact } from '../transact';
import { logActivity } from '../activities';
import { findAccount, findContact } from '../matching';
import { isFreeMail, nameFromAddress, nameFromDomain } from '../free-mail';
import { DomainError } from '../errors';
import { requireRole } from '../roles';

export type NewForm = z.input<typeof webFormInput>;

const mintKey = () => `form_${randomBytes(18).toString('base64url')}`;
const originOf = (u: string) => new URL(u).origin;

export async function createForm(db: Db, actor: Actor, input: NewForm) {
  requireRole(actor, 'admin', 'create web forms');
  const f = webFormInput.parse(input);
  const team = (id: string) => and(eq(users.teamId, actor.teamId), eq(users.id, id));
  const owner = f.ownerEmail ? await db.query.users.findFirst({ where: and(eq(users.teamId, actor.teamId), eq(users.email, f.ownerEmail)) }) : undefined;
  if (f.ownerEmail && !owner) throw new DomainError('BAD_REQUEST', `No user ${f.ownerEmail} in this team`);
  // a submission is logged by someone: the creating admin, or (from the CLI) the owner or the team's first admin
  const creator =
    (actor.userId && (await db.query.users.findFirst({ where: team(actor.userId) }))) ||
    owner ||
    (await db.query.users.findFirst({ where: and(eq(users.teamId, actor.teamId), eq(users.role, 'admin')) }));
  if (!creator) throw new DomainError('BAD_REQUEST', 'The team has no admin yet; create one first');
  const row = {
    id: newId(),
    teamId: actor.teamId,
    key: mintKey(),
    name: f.name,
    redirectUrl: f.redirectUrl ?? null,
    origins: [...new Set(f.origins.map(originOf))],
    ownerId: owner?.id ?? null,
    createdBy: creator.id,
  };
  await db.write((tx) => tx.insert(webForms).values(row));
  return { id: row.id, key: row.key, name: row.name, redirectUrl: row.redirectUrl, origins: row.origins };
}

export async function listForms(db: Db, actor: Actor) {
  requireRole(actor, 'admin', 'see web forms');
  return db
    .select({
      id: webForms.id,
      key: webForms.key,
      name: webForms.name,
      redirectUrl: webForms.redirectUrl,
      origins: webForms.origins,
      createdAt: webForms.createdAt,
    })
    .from(webForms)
    .where(and(eq(webForms.teamId, actor.teamId), isNull(webForms.disabledAt)))
    .all();
}

export const findForm = (db: Db, key: string) =>
  key.length > 100 ? Promise.resolve(undefined) : db.query.webForms.findFirst({ where: and(eq(webForms.key, key), isNull(webForms.disabledAt)) });
export type WebForm = NonNullable<Awaited<ReturnType<typeof findForm>>>;

/** What a site's form sends; field names in English or Dutch. Unknown fields are kept, within limits. */
export const submission = z.object({
  name: note(200).optional(),
  // an empty e-mail field is no address
  email: email.optional().or(z.literal('').transform(() => undefined)),
  company: note(200).optional(),
  phone: note(50).optional(),
  message: note(5000).optional(),
  fields: z.record(z.string().max(60), z.string().max(1000)).refine((f) => Object.keys(f).length <= 30, 'at most 30 fields'),
});
export type Submission = z.infer<typeof submission>;

const ALIASES: Record<string, keyof Omit<Submission, 'fields'>> = {
  name: 'name',
  naam: 'name',
  fullname: 'name',
  email: 'email',
  'e-mail': 'email',
  emailadres: 'email',
  mail: 'email',
  company: 'company',
  bedrijf: 'company',
  bedrijfsnaam: 'company',
  organisation: 'company',
  organization: 'company',
  phone: 'phone',
  telefoon: 'phone',
  tel: 'phone',
  telephone: 'phone',
  message: 'message',
  bericht: 'message',
  vraag: 'message',
  comments: 'message',
  opmerking: 'message',
};

/** Raw form fields (strings) into a submission: the known ones by name, the rest kept as they came. */
export function readSubmission(raw: Record<string, string>, honeypot: string): Submission {
  const known: Record<string, string> = {};
  const fields: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw)) {
    if (k === honeypot) continue;
    const to = ALIASES[k.trim().toLowerCase()];
    if (to) known[to] = v;
    else if (v.trim()) fields[k] = v.trim();
  }
  const parsed = submission.safeParse({ ...known, fields });
  if (!parsed.success) throw new DomainError('BAD_REQUEST', parsed.error.issues.map((i) => `${i.path.join('.') || 'form'}: ${i.message}`).join('; '));
  if (!parsed.data.email && !parsed.data.phone) throw new DomainError('BAD_REQUEST', 'Give an e-mail address or a phone number so that we can answer');
  return parsed.data;
}

/** The enquiry into the CRM: the contact and account found or made, the message logged as first contact. */
export async function submitForm(db: Db, form: WebForm, s: Submission, at = Date.now()) {
  const actor: Actor = { teamId: form.teamId, userId: form.createdBy ?? '', role: 'admin' };
  // the same enquiry sent twice (a double click, a resend) is one activity
  const sourceKey = `form:${form.id}:${createHash('sha256')
    .update(JSON.stringify([s.email, s.phone, s.name, s.company, s.message]))
    .digest('base64url')
    .slice(0, 22)}`;
  const message = { type: 'form' as const, sourceKey, direction: 'in' as const, subject: form.name, snippet: s.message, data: extra(s) };
  return transact(db, async (tx) => {
    const known = s.email ? await findContact(tx, form.teamId, { email: s.email }) : undefined;
    const domain = s.email && !isFreeMail(s.email) ? domainOf(s.email) : undefined;
    const company = s.company || (domain ? nameFromDomain(domain) : undefined);
    const account = known
      ? await tx
          .select()
          .from(accounts)
          .where(and(eq(accounts.id, known.accountId), isNull(accounts.archivedAt)))
          .get()
      : domain || company
        ? await findAccount(tx, form.teamId, { domain, name: company })
        : undefined;
    const personName = s.name || (s.email ? nameFromAddress(s.email) : s.phone!);
    const source = `website form: ${form.name}`;
    const accountId =
      account?.id ??
      (await createAccount(
        tx,
        actor,
        company
          ? { kind: 'company', name: company, emailDomain: domain ?? null, source, ownerId: form.ownerId }
          : { kind: 'person', name: personName, source, ownerId: form.ownerId },
        INBOUND_PHASE,
        message,
        at,
      ));
    const contactId = (known && account ? known.id : undefined) ?? (await addFormContact(tx, form.teamId, accountId, personName, s));
    // a known account logs the enquiry as evidence: it proposes prospect, it never moves the account by itself
    const logged = account ? await logActivity(tx, actor, { ...message, accountId, contactId, occurredAt: at }) : null;
    if (!account)
      await tx
        .update(activities)
        .set({ contactId })
        .where(and(eq(activities.teamId, form.teamId), eq(activities.sourceKey, sourceKey)));
    const facts = (await tx.select({ facts: accounts.facts }).from(accounts).where(eq(accounts.id, accountId)).get())?.facts ?? {};
    if (!facts.acknowledgedVia)
      await tx
        .update(accounts)
        .set({ facts: { ...facts, acknowledgedVia: 'form' } })
        .where(eq(accounts.id, accountId));
    noteChange(tx, { kind: 'checklist', accountId });
    return { accountId, created: !account, proposal: logged?.proposal ?? null };
  });
}

/** The phone and company as typed, and whatever else the form sent, kept with the message. */
const extra = (s: Submission) => {
  const fields = { ...s.fields, ...(s.phone ? { phone: s.phone } : {}), ...(s.company ? { company: s.company } : {}) };
  return Object.keys(fields).length ? { fields } : {};
};

async function addFormContact(tx: Tx, teamId: string, accountId: string, name: string, s: Submission) {
  const id = newId();
  await tx.insert(contacts).values({ id, teamId, accountId, ...splitName(name), phone: s.phone ?? null });
  if (s.email) await tx.insert(contactEmails).values({ teamId, email: s.email, contactId: id }).onConflictDoNothing();
  return id;
}
