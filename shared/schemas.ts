/**
 * zod shapes shared by the site extractors, the tRPC inputs and the UI.
 * Every string has a length limit: scraped pages and hostile callers both
 * send whatever they like.
 */
import { z } from 'zod';
import { CSV_DELIMITERS, EXPORT_FORMATS, IMPORT_FIELDS } from './intake';
import { ACTIVITY_TYPES, ARCHIVE_REASONS, BACK_REASONS, DECISION_ROLES, OPPORTUNITY_KINDS, OPPORTUNITY_OUTCOMES, PHASE_IDS } from './phases';

/** Control characters (NUL, escapes, bells…); a note may keep its line breaks and tabs. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const LINE_BREAK = /[\n\r\t]/;
/** One line of text: no control characters, no line breaks. */
export const line = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((v) => !CONTROL.test(v) && !LINE_BREAK.test(v), 'control characters or line breaks are not allowed here');
/** Free text: line breaks and tabs allowed, other control characters not. */
export const note = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((v) => !CONTROL.test(v), 'control characters are not allowed');
export const hasControlCharacters = (v: string) => CONTROL.test(v);

/** The earliest and latest time the CRM accepts: a date outside is a typo, and would break every view of the account. */
export const MIN_TIME = Date.UTC(1990, 0, 1);
const TEN_YEARS_MS = 10 * 366 * 24 * 3600 * 1000;
export const maxTime = (now = Date.now()) => now + TEN_YEARS_MS;
export const timestamp = z
  .number()
  .int()
  .min(MIN_TIME, 'a date from 1990 on')
  .refine((v) => v <= maxTime(), 'a date at most ten years ahead');

export const phaseId = z.enum(PHASE_IDS);
export const id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_.:-]+$/, 'an id');
/** A write's id, made by the client so that a retry or replay never makes a duplicate. */
export const clientId = z
  .string()
  .min(8)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/);
const short = line(200);
const medium = line(500);
const url = line(2000).pipe(z.url());
export const email = z.string().trim().toLowerCase().max(254).email();

/** Where each field of a capture came from, and what the page did not give: capture health is measured from it. */
export const EXTRACTION_LAYERS = ['embedded', 'dom', 'experience', 'meta', 'url', 'edited'] as const;
export const extractionInfo = z.object({
  version: line(20),
  layout: z
    .string()
    .max(40)
    .regex(/^[a-z0-9+-]+$/),
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
  memberId: z
    .string()
    .regex(/^\d{1,20}$/)
    .optional(),
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
  at: timestamp,
  snippet: note(500),
  direction: z.enum(['in', 'out']),
});
export type GmailMessage = z.infer<typeof gmailMessage>;

export const gmailThread = z.object({
  user: email,
  threadId: z.string().regex(/^[0-9a-f]{6,32}$/),
  subject: line(500),
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
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/)
      .optional(),
    version: short.optional(),
    reference: short.optional(),
    paid: z.boolean().optional(),
    onTime: z.boolean().optional(),
    outcome: note(500).optional(),
    score: z.number().int().min(0).max(10).optional(),
    referredCompany: short.optional(),
    complaintId: id.optional(),
    opportunityId: id.optional(),
    /** what else a web form sent (its own field names), kept as it came */
    fields: z
      .record(z.string().max(60), z.string().max(1000))
      .refine((f) => Object.keys(f).length <= 30, 'at most 30 fields')
      .optional(),
  })
  .strict();
export type ActivityData = z.infer<typeof activityData>;

export const accountFacts = z
  .object({
    need: note(500),
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
    name: line(200).pipe(z.string().min(1, 'a name')),
    address: line(200),
    postcode: line(20),
    city: line(100),
    country: line(100),
    industry: line(100),
    website: line(2000),
    source: line(200),
    facts: accountFacts,
    nextStep: line(500).nullable(),
    nextStepDue: timestamp.nullable(),
  })
  .partial()
  .strict()
  .refine((p) => Object.keys(p).length > 0, 'nothing to change: the patch is empty');
export type AccountPatch = z.infer<typeof accountPatch>;

/** Finding accounts: by words (name, city, contact, address), phase, owner, stale or archived; sorted. */
export const accountQuery = z.object({
  q: line(200).optional(),
  phase: phaseId.optional(),
  ownerId: id.optional(),
  archived: z.boolean().optional(),
  stale: z.boolean().optional(),
  sort: z.enum(['name', 'phaseSince', 'lastActivity']).optional(),
  limit: z.number().int().min(1).max(200).optional(),
});

// ---------------------------------------------------------------------------
// Intake and export (shared/intake.ts holds what they mean)

/** Which column of a selection file fills which field. */
export const importMapping = z.partialRecord(z.enum(IMPORT_FIELDS), z.number().int().min(0).max(500));
/** How a table is exported: CSV for Excel (`;` by default, for Dutch Excel) or JSON lines. */
export const exportOptions = z.object({ format: z.enum(EXPORT_FORMATS).default('csv'), delimiter: z.enum(CSV_DELIMITERS).default(';') });
const siteUrl = z
  .string()
  .trim()
  .max(2000)
  .url()
  .refine((u) => /^https?:\/\//i.test(u), 'an http(s) address');
/** A new web form: its name, the thank-you page, the sites that may post to it, and who gets its prospects. */
export const webFormInput = z.object({
  name: line(200).pipe(z.string().min(1)),
  redirectUrl: siteUrl.optional(),
  origins: z.array(siteUrl).max(20).default([]),
  ownerEmail: email.optional(),
});
