/**
 * zod shapes shared by the site extractors, the tRPC inputs and the UI.
 * Every string has a length limit: scraped pages and hostile callers both
 * send whatever they like.
 */
import { z } from 'zod';
import {
  ACTIVITY_TYPES,
  ARCHIVE_REASONS,
  BACK_REASONS,
  DECISION_ROLES,
  OPPORTUNITY_KINDS,
  OPPORTUNITY_OUTCOMES,
  PHASE_IDS,
} from './phases';

export const phaseId = z.enum(PHASE_IDS);
export const id = z.string().min(1).max(64);
/** A write's id, made by the client so that a retry or replay never makes a duplicate. */
export const clientId = z.string().min(8).max(64).regex(/^[A-Za-z0-9_-]+$/);
const short = z.string().trim().max(200);
const medium = z.string().trim().max(500);
const url = z.string().trim().max(2000).url();
export const email = z.string().trim().toLowerCase().max(254).email();

/** Where each field of a capture came from, and what the page did not give: capture health is measured from it. */
export const EXTRACTION_LAYERS = ['embedded', 'dom', 'experience', 'meta', 'url', 'edited'] as const;
export const extractionInfo = z.object({
  version: z.string().max(20),
  layout: z.string().max(40).regex(/^[a-z0-9+-]+$/),
  sources: z.record(z.string().max(20), z.enum(EXTRACTION_LAYERS)).refine((r) => Object.keys(r).length <= 12, 'too many fields'),
  missing: z.array(z.string().max(20)).max(12),
});
export type ExtractionInfo = z.infer<typeof extractionInfo>;

export const linkedInPerson = z.object({
  kind: z.literal('person'),
  name: short.min(1),
  firstName: short,
  lastName: short,
  headline: medium.optional(),
  companyName: short.optional(),
  companyUrl: url.optional(),
  location: short.optional(),
  city: short.optional(),
  country: short.optional(),
  profileUrl: url,
  memberId: z.string().regex(/^\d{1,20}$/).optional(),
  photoUrl: url.optional(),
  extraction: extractionInfo.optional(),
});
export type LinkedInPerson = z.infer<typeof linkedInPerson>;

export const linkedInCompany = z.object({
  kind: z.literal('company'),
  name: short.min(1),
  industry: short.optional(),
  size: short.optional(),
  location: short.optional(),
  city: short.optional(),
  country: short.optional(),
  website: url.optional(),
  tagline: medium.optional(),
  companyUrl: url,
  extraction: extractionInfo.optional(),
});
export type LinkedInCompany = z.infer<typeof linkedInCompany>;

export const linkedInPage = z.discriminatedUnion('kind', [linkedInPerson, linkedInCompany]);
export type LinkedInPage = z.infer<typeof linkedInPage>;

export const person = z.object({ email, name: short.default('') });
export type Person = z.infer<typeof person>;

export const gmailMessage = z.object({
  id: z.string().regex(/^[0-9a-f]{6,32}$/),
  from: person,
  to: z.array(person).max(200),
  cc: z.array(person).max(200),
  at: z.number().int().nonnegative(),
  snippet: z.string().max(500),
  direction: z.enum(['in', 'out']),
});
export type GmailMessage = z.infer<typeof gmailMessage>;

export const gmailThread = z.object({
  user: email,
  threadId: z.string().regex(/^[0-9a-f]{6,32}$/),
  subject: z.string().max(500),
  messages: z.array(gmailMessage).min(1).max(200),
  external: z.array(person).max(200),
});
export type GmailThread = z.infer<typeof gmailThread>;

export const activityType = z.enum(ACTIVITY_TYPES);
export const decisionRole = z.enum(DECISION_ROLES);
export const backReason = z.enum(BACK_REASONS);
export const archiveReason = z.enum(ARCHIVE_REASONS);
export const opportunityKind = z.enum(OPPORTUNITY_KINDS);
export const opportunityOutcome = z.enum(OPPORTUNITY_OUTCOMES);

/** Extra data an activity carries: amounts for quotes and invoices, outcomes for meetings. */
export const activityData = z
  .object({
    amount: z.number().nonnegative().max(1e12).optional(),
    currency: z.string().regex(/^[A-Z]{3}$/).optional(),
    version: short.optional(),
    reference: short.optional(),
    paid: z.boolean().optional(),
    onTime: z.boolean().optional(),
    outcome: medium.optional(),
    score: z.number().int().min(0).max(10).optional(),
    referredCompany: short.optional(),
    complaintId: id.optional(),
    opportunityId: id.optional(),
  })
  .strict();
export type ActivityData = z.infer<typeof activityData>;

export const accountFacts = z
  .object({
    need: medium,
    budget: short,
    timing: short,
    competition: short,
    acknowledgedVia: short,
    negotiatedPrice: short,
    purchaseFrequency: short,
    nextAnnualReview: short,
    satisfaction: short,
  })
  .partial()
  .strict();
export type AccountFacts = z.infer<typeof accountFacts>;

/** The account fields a user fills in place (checklist gaps, next step). */
export const accountPatch = z
  .object({
    name: z.string().trim().min(1).max(200),
    address: z.string().trim().max(200),
    postcode: z.string().trim().max(20),
    city: z.string().trim().max(100),
    country: z.string().trim().max(100),
    industry: z.string().trim().max(100),
    website: z.string().trim().max(2000),
    source: z.string().trim().max(200),
    facts: accountFacts,
    nextStep: z.string().trim().max(500).nullable(),
    nextStepDue: z.number().int().nonnegative().nullable(),
  })
  .partial()
  .strict();
export type AccountPatch = z.infer<typeof accountPatch>;
