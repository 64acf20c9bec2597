/**
 * The writes a rep makes on an account from the sidebar, as the server checks
 * them. Declared once: each router takes its entry (with a client id), and the
 * sidebar's message carries the same input through the background's outbox
 * unchanged, so a field added here is a field both ends know.
 * Writes that depend on the open page (captures, thread logging) are not here:
 * the background builds those from what it scraped, never from the frame.
 */
import { z } from 'zod';
import { OPPORTUNITY_STAGES } from './phases';
import {
  accountPatch,
  activityData,
  activityType,
  archiveReason,
  backReason,
  decisionRole,
  email,
  id,
  line,
  note,
  opportunityKind,
  phaseId,
  timestamp,
} from './schemas';

const amount = z.number().nonnegative().max(1e12);

export const WRITE_INPUTS = {
  'accounts.move': z.object({ accountId: id, to: phaseId, reason: backReason.optional(), note: note(1000).optional() }),
  'accounts.undoMove': z.object({ accountId: id }),
  'accounts.archive': z.object({ accountId: id, reason: archiveReason, note: note(1000).optional() }),
  'accounts.restore': z.object({ accountId: id }),
  'accounts.update': z.object({ accountId: id, patch: accountPatch }),
  'accounts.addContactChannel': z.object({
    contactId: id,
    email: email.optional(),
    phone: z
      .string()
      .trim()
      .min(6)
      .max(40)
      .regex(/^[+0-9 ()-]+$/, 'digits, spaces, +, - and brackets only')
      .optional(),
  }),
  'accounts.correctContact': z.object({
    contactId: id,
    name: line(200).pipe(z.string().min(1)).optional(),
    headline: line(500).optional(),
    companyName: line(200).pipe(z.string().min(1)).optional(),
  }),
  'accounts.setContactRole': z.object({ contactId: id, role: decisionRole }),
  'opportunities.create': z.object({
    accountId: id,
    kind: opportunityKind,
    title: line(200).pipe(z.string().min(1)),
    amount: amount.optional(),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/)
      .optional(),
  }),
  'opportunities.advance': z.object({ opportunityId: id, stage: z.enum(OPPORTUNITY_STAGES), amount: amount.optional() }),
  'opportunities.close': z.object({ opportunityId: id, outcome: z.enum(['won', 'lost']), lostReason: backReason.optional() }),
  'activities.log': z.object({
    accountId: id,
    contactId: id.optional(),
    type: activityType,
    direction: z.enum(['in', 'out']).optional(),
    occurredAt: timestamp.optional(),
    subject: note(500).optional(),
    snippet: note(500).optional(),
    data: activityData.optional(),
    /** what makes a replayed log the same activity; the background sets it for the sidebar's logs */
    sourceKey: line(300).pipe(z.string().min(1)).optional(),
  }),
  'activities.acceptProposal': z.object({ proposalId: id }),
  'activities.dismissProposal': z.object({ proposalId: id }),
} as const;

export type SidebarWritePath = keyof typeof WRITE_INPUTS;
/** one write as the sidebar asks for it, told apart by its procedure path */
export type SidebarWrite = { [P in SidebarWritePath]: { path: P; input: z.input<(typeof WRITE_INPUTS)[P]> } }[SidebarWritePath];
/** the same after checking (defaults applied, text trimmed) */
export type CheckedSidebarWrite = { [P in SidebarWritePath]: { path: P; input: z.output<(typeof WRITE_INPUTS)[P]> } }[SidebarWritePath];

const options = Object.entries(WRITE_INPUTS).map(([path, input]) => z.object({ path: z.literal(path), input }));
/**
 * Checks a sidebar write against its own path's input. Built from the table
 * above; the one cast says what zod cannot infer from a list made at run time.
 */
export const sidebarWrite = z.discriminatedUnion('path', options as [(typeof options)[number], ...typeof options]) as unknown as z.ZodType<
  CheckedSidebarWrite,
  SidebarWrite
>;
