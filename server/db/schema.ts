/**
 * The whole data model in one drizzle schema. Times are integer
 * milliseconds since 1970 (UTC). Every row carries its team so that a query
 * can always be scoped to the caller's team with one condition.
 */
import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import {
  ACTIVITY_TYPES,
  DECISION_ROLES,
  OPPORTUNITY_KINDS,
  OPPORTUNITY_OUTCOMES,
  PHASE_IDS,
  USER_ROLES,
  type AutoMoveSettings,
  OPPORTUNITY_STAGES,
} from '../../shared/phases';
import type { AccountFacts, ActivityData } from '../../shared/schemas';

const now = sql`(cast(unixepoch('subsecond') * 1000 as integer))`;
const created = () => integer('created_at').notNull().default(now);

export const teams = sqliteTable('teams', {
  id: text('id').primaryKey(),
  name: text('name').notNull().unique(),
  autoMove: text('auto_move', { mode: 'json' }).$type<AutoMoveSettings>().notNull().default({}),
  createdAt: created(),
});

export const users = sqliteTable(
  'users',
  {
    id: text('id').primaryKey(),
    teamId: text('team_id')
      .notNull()
      .references(() => teams.id),
    email: text('email').notNull(),
    name: text('name').notNull(),
    role: text('role', { enum: USER_ROLES }).notNull().default('rep'),
    /** addresses and domains this user never logs (privacy list) */
    neverLog: text('never_log', { mode: 'json' }).$type<string[]>().notNull().default([]),
    /** threads with known accounts log themselves; the user may turn it off (the team default is on) */
    autoLog: integer('auto_log', { mode: 'boolean' }).notNull().default(true),
    createdAt: created(),
  },
  (t) => [uniqueIndex('users_email').on(t.email), index('users_team').on(t.teamId)],
);

export const apiTokens = sqliteTable(
  'api_tokens',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    teamId: text('team_id')
      .notNull()
      .references(() => teams.id),
    /** sha-256 of the token; the token itself is shown once and never stored */
    tokenHash: text('token_hash').notNull(),
    label: text('label').notNull().default(''),
    createdAt: created(),
    lastUsedAt: integer('last_used_at'),
    revokedAt: integer('revoked_at'),
  },
  (t) => [uniqueIndex('api_tokens_hash').on(t.tokenHash), index('api_tokens_user').on(t.userId)],
);

export const accounts = sqliteTable(
  'accounts',
  {
    id: text('id').primaryKey(),
    teamId: text('team_id')
      .notNull()
      .references(() => teams.id),
    kind: text('kind', { enum: ['company', 'person'] })
      .notNull()
      .default('company'),
    name: text('name').notNull(),
    /** the name as company matching compares it (name-key.ts), written with the name; null until filled in */
    nameKey: text('name_key'),
    address: text('address'),
    postcode: text('postcode'),
    city: text('city'),
    country: text('country'),
    industry: text('industry'),
    size: text('size'),
    website: text('website'),
    /** a company's own one-liner, as its LinkedIn page shows it */
    tagline: text('tagline'),
    /** the Chamber of Commerce (KvK) number, 8 digits, from a selection */
    kvkNumber: text('kvk_number'),
    phone: text('phone'),
    emailDomain: text('email_domain'),
    linkedinCompanyUrl: text('linkedin_company_url'),
    source: text('source'),
    ownerId: text('owner_id').references(() => users.id),
    phase: text('phase', { enum: PHASE_IDS }).notNull(),
    phaseSince: integer('phase_since').notNull(),
    facts: text('facts', { mode: 'json' }).$type<AccountFacts>().notNull().default({}),
    nextStep: text('next_step'),
    nextStepDue: integer('next_step_due'),
    archivedAt: integer('archived_at'),
    archiveReason: text('archive_reason'),
    /** the latest activity's time, kept on write: coverage and staleness read it without scanning activities */
    lastActivityAt: integer('last_activity_at'),
    /** open checklist items of the current phase, kept on write (checklist.ts holds the rules) */
    checklistGaps: integer('checklist_gaps'),
    /** the latest quote and annual review, kept on write for pipeline value and review reminders */
    latestQuoteAmount: real('latest_quote_amount'),
    latestQuoteCurrency: text('latest_quote_currency'),
    latestQuoteAt: integer('latest_quote_at'),
    lastReviewAt: integer('last_review_at'),
    /** set when an admin erased the account: its name and details are gone, its figures stay */
    erasedAt: integer('erased_at'),
    createdAt: created(),
  },
  (t) => [
    index('accounts_team_domain').on(t.teamId, t.emailDomain),
    // the reports read accounts through these covering indexes and never touch the wide rows: per phase in order of
    // phase_since (median ages, the young in their phase), by latest activity (the recent), and quotes (by the start
    // of their stay: forecast.ts); what every account adds up to is in account_counts
    index('accounts_team_phase_since').on(t.teamId, t.phase, t.phaseSince, t.createdAt, t.archivedAt, t.ownerId, t.lastActivityAt, t.lastReviewAt),
    index('accounts_team_last_activity').on(t.teamId, t.lastActivityAt, t.phase, t.archivedAt, t.createdAt, t.ownerId, t.phaseSince),
    index('accounts_team_quotes').on(t.teamId, t.phase, t.phaseSince, t.latestQuoteAmount, t.latestQuoteCurrency, t.archivedAt, t.ownerId, t.latestQuoteAt),
    index('accounts_team_li').on(t.teamId, t.linkedinCompanyUrl),
    index('accounts_team_name').on(t.teamId, t.name),
    // company matching: one lookup by the key (name-key.ts); its null range is what is left to fill in
    index('accounts_name_key').on(t.nameKey, t.teamId),
    // a selection's rows are matched on these (import.ts)
    index('accounts_team_kvk').on(t.teamId, t.kvkNumber),
    index('accounts_team_postcode').on(t.teamId, t.postcode),
    // the accounts that came in during a part of a day, for the funnel per selection (selections.ts)
    index('accounts_team_created').on(t.teamId, t.createdAt, t.source, t.ownerId),
    // the accounts reviewed during a part of a day, for reviews due (account_days finishes the day from here); few
    index('accounts_team_review').on(t.teamId, t.lastReviewAt, t.phase, t.archivedAt, t.createdAt, t.ownerId).where(sql`${t.lastReviewAt} is not null`),
  ],
);

export const contacts = sqliteTable(
  'contacts',
  {
    id: text('id').primaryKey(),
    teamId: text('team_id')
      .notNull()
      .references(() => teams.id),
    accountId: text('account_id')
      .notNull()
      .references(() => accounts.id),
    firstName: text('first_name').notNull().default(''),
    lastName: text('last_name').notNull().default(''),
    phone: text('phone'),
    headline: text('headline'),
    location: text('location'),
    linkedinUrl: text('linkedin_url'),
    linkedinMemberId: text('linkedin_member_id'),
    photoUrl: text('photo_url'),
    role: text('role', { enum: DECISION_ROLES }).notNull().default('unknown'),
    createdAt: created(),
  },
  (t) => [
    index('contacts_account').on(t.accountId),
    uniqueIndex('contacts_team_li').on(t.teamId, t.linkedinUrl),
    index('contacts_team_member').on(t.teamId, t.linkedinMemberId),
  ],
);

/** A contact may have several addresses; an address belongs to one contact per team. */
export const contactEmails = sqliteTable(
  'contact_emails',
  {
    teamId: text('team_id')
      .notNull()
      .references(() => teams.id),
    email: text('email').notNull(),
    contactId: text('contact_id')
      .notNull()
      .references(() => contacts.id),
  },
  (t) => [uniqueIndex('contact_emails_team_email').on(t.teamId, t.email), index('contact_emails_contact').on(t.contactId)],
);

export const activities = sqliteTable(
  'activities',
  {
    id: text('id').primaryKey(),
    teamId: text('team_id')
      .notNull()
      .references(() => teams.id),
    accountId: text('account_id')
      .notNull()
      .references(() => accounts.id),
    contactId: text('contact_id').references(() => contacts.id),
    type: text('type', { enum: ACTIVITY_TYPES }).notNull(),
    direction: text('direction', { enum: ['in', 'out'] }),
    occurredAt: integer('occurred_at').notNull(),
    subject: text('subject'),
    snippet: text('snippet'),
    data: text('data', { mode: 'json' }).$type<ActivityData>().notNull().default({}),
    /** where it came from (Gmail message id, LinkedIn URL, ...): one activity per key per team */
    sourceKey: text('source_key').notNull(),
    loggedBy: text('logged_by')
      .notNull()
      .references(() => users.id),
    createdAt: created(),
  },
  (t) => [
    uniqueIndex('activities_team_source').on(t.teamId, t.sourceKey),
    index('activities_account_time').on(t.accountId, t.occurredAt),
    index('activities_account_type').on(t.accountId, t.type, t.occurredAt),
    index('activities_team_type').on(t.teamId, t.type, t.occurredAt),
  ],
);

/** Append only: never updated, never deleted. The current phase is the `to` of the latest. */
export const phaseChanges = sqliteTable(
  'phase_changes',
  {
    id: text('id').primaryKey(),
    teamId: text('team_id')
      .notNull()
      .references(() => teams.id),
    accountId: text('account_id')
      .notNull()
      .references(() => accounts.id),
    from: text('from_phase', { enum: PHASE_IDS }),
    to: text('to_phase', { enum: PHASE_IDS }).notNull(),
    at: integer('at').notNull(),
    byUserId: text('by_user_id')
      .notNull()
      .references(() => users.id),
    reason: text('reason'),
    note: text('note'),
    evidenceActivityId: text('evidence_activity_id').references(() => activities.id),
    skipped: text('skipped', { mode: 'json' }).$type<string[]>().notNull().default([]),
    /** when the stay in `from` began: each event closes one stay, so time in phase needs no window scan */
    fromSince: integer('from_since'),
  },
  (t) => [
    index('phase_changes_account_time').on(t.accountId, t.at),
    index('phase_changes_team_time').on(t.teamId, t.at, t.evidenceActivityId),
    index('phase_changes_team_from').on(t.teamId, t.from, t.at, t.fromSince),
  ],
);

/**
 * Which phases an account reached when, one row per phase: the event's
 * target and every phase it skipped (the phase model counts skipped phases
 * as reached). Derived from phase_changes on write, for the funnel.
 */
export const phaseReaches = sqliteTable(
  'phase_reaches',
  {
    teamId: text('team_id')
      .notNull()
      .references(() => teams.id),
    accountId: text('account_id')
      .notNull()
      .references(() => accounts.id),
    ownerId: text('owner_id'),
    phaseIdx: integer('phase_idx').notNull(),
    at: integer('at').notNull(),
    /** when the account first went on to a later phase after this reach: conversion without a search per account */
    leftAt: integer('left_at'),
    /**
     * when the account reached this phase the time before (by time, then insertion), null for its
     * first: a reach is the account's first in a period [from, to) exactly when prev_at is null or
     * before `from`, so a cohort is one index range, with no grouping per account. Kept by
     * triggers (migration 0008) on every insert and delete, whichever code writes the rows.
     */
    prevAt: integer('prev_at'),
    /**
     * when the account first reached customer or a later phase at or after this reach: the win rate
     * and the forecast's time to close read it off the cohort index. Kept by triggers (migration 0009).
     */
    wonAt: integer('won_at'),
    /** when the account first reached suspect (its start): velocity without a search per account. Kept by triggers (migration 0012). */
    startedAt: integer('started_at'),
  },
  (t) => [
    index('phase_reaches_cohort').on(t.teamId, t.phaseIdx, t.at, t.prevAt, t.leftAt, t.ownerId, t.wonAt, t.startedAt, t.accountId),
    index('phase_reaches_account').on(t.accountId, t.phaseIdx, t.at),
    // what the day counts in reach_days cannot say (cohort-counts.ts): the lefts of a part of a day,
    // the stays that span a whole period (longest first), and the accounts that came back to a phase
    index('phase_reaches_left').on(t.teamId, t.phaseIdx, t.leftAt, t.ownerId).where(sql`${t.leftAt} is not null`),
    index('phase_reaches_long').on(t.teamId, t.phaseIdx, sql`${t.leftAt} - ${t.at}`, t.at, t.leftAt, t.ownerId).where(sql`${t.leftAt} is not null`),
    index('phase_reaches_again').on(t.teamId, t.phaseIdx, t.prevAt, t.at, t.leftAt, t.ownerId).where(sql`${t.prevAt} is not null`),
  ],
);

/**
 * phase_reaches counted per team, phase, account manager ('' for none) and
 * UTC day, kept by triggers (migration 0009) whichever code writes the
 * reaches: how many reached the phase that day (`reaches`), how many of
 * those have not gone on yet (`open_reaches`), and how many stays in the
 * phase ended that day (`leaves`). A cohort's size and conversion over a
 * year read a few thousand of these instead of a million reaches.
 */
export const reachDays = sqliteTable(
  'reach_days',
  {
    teamId: text('team_id')
      .notNull()
      .references(() => teams.id),
    day: integer('day').notNull(),
    phaseIdx: integer('phase_idx').notNull(),
    ownerId: text('owner_id').notNull().default(''),
    reaches: integer('reaches').notNull().default(0),
    openReaches: integer('open_reaches').notNull().default(0),
    leaves: integer('leaves').notNull().default(0),
  },
  (t) => [
    uniqueIndex('reach_days_key').on(t.teamId, t.day, t.phaseIdx, t.ownerId),
    // the reports sum a range of days per phase and owner off this index alone, in its order: no sort (cohort-counts.ts)
    index('reach_days_groups').on(t.teamId, t.phaseIdx, t.ownerId, t.day, t.reaches, t.openReaches, t.leaves),
  ],
);

/**
 * The funnel per selection kept on write: per team, source, account
 * manager ('' for none) and UTC day the accounts came in, how many of those
 * accounts have reached each phase. Kept by triggers (migration 0010) on
 * phase_reaches (an account's first reach of a phase, its last one gone)
 * and on accounts (source, owner or creation time changed).
 */
export const selectionDays = sqliteTable(
  'selection_days',
  {
    teamId: text('team_id')
      .notNull()
      .references(() => teams.id),
    day: integer('day').notNull(),
    source: text('source').notNull(),
    phaseIdx: integer('phase_idx').notNull(),
    ownerId: text('owner_id').notNull().default(''),
    accounts: integer('accounts').notNull().default(0),
  },
  (t) => [
    uniqueIndex('selection_days_key').on(t.teamId, t.day, t.source, t.phaseIdx, t.ownerId),
    index('selection_days_sums').on(t.teamId, t.day, t.source, t.phaseIdx, t.ownerId, t.accounts),
  ],
);

/**
 * The team's open (not archived) accounts added up per phase, account manager
 * ('' for none) and quote currency ('' for no quote), kept by triggers on
 * accounts (migration 0014) whichever code writes them: how many, their open
 * checklist items, and their latest quotes' amounts. The dashboard's account
 * figures start from these instead of reading every account (accounts-pass.ts).
 */
export const accountCounts = sqliteTable(
  'account_counts',
  {
    teamId: text('team_id')
      .notNull()
      .references(() => teams.id),
    phase: text('phase', { enum: PHASE_IDS }).notNull(),
    ownerId: text('owner_id').notNull().default(''),
    currency: text('currency').notNull().default(''),
    accounts: integer('accounts').notNull().default(0),
    gaps: integer('gaps').notNull().default(0),
    amount: real('amount').notNull().default(0),
  },
  (t) => [uniqueIndex('account_counts_key').on(t.teamId, t.phase, t.ownerId, t.currency)],
);

/**
 * The team's open accounts counted per UTC day of one of their moments, kept by
 * triggers on accounts (migration 0016) whichever code writes them, per phase
 * and account manager ('' for none, '*' for the whole team): `since`, the day
 * they came into their phase (every phase); in care, `contact`, the day of
 * their latest activity (-1: none), and `review`, the day of their latest
 * annual review or else of their coming into the phase. A median or a count
 * up to a moment reads these days and finishes one day from its accounts
 * (day-counts.ts) instead of walking half of a phase's accounts.
 */
export const accountDays = sqliteTable(
  'account_days',
  {
    teamId: text('team_id')
      .notNull()
      .references(() => teams.id),
    kind: text('kind', { enum: ['since', 'contact', 'review'] }).notNull(),
    phase: text('phase', { enum: PHASE_IDS }).notNull(),
    ownerId: text('owner_id').notNull(),
    day: integer('day').notNull(),
    n: integer('n').notNull().default(0),
  },
  (t) => [uniqueIndex('account_days_key').on(t.teamId, t.kind, t.phase, t.ownerId, t.day)],
);

/**
 * The open quotes of the pipeline phases (open accounts in negotiation or
 * closing with a latest quote amount) counted and summed per team, phase,
 * account manager ('' for none, '*' for the whole team), UTC day they came
 * into their phase and currency (none: EUR), kept by triggers on accounts
 * (migration 0018) whichever code writes them. The forecast sums the quotes
 * per range of that moment from these, and reads the quotes themselves only
 * for the days a range ends in (forecast-quotes.ts). WITHOUT ROWID, as won_days.
 */
export const quoteDays = sqliteTable(
  'quote_days',
  {
    teamId: text('team_id')
      .notNull()
      .references(() => teams.id),
    phase: text('phase', { enum: PHASE_IDS }).notNull(),
    ownerId: text('owner_id').notNull(),
    day: integer('day').notNull(),
    currency: text('currency').notNull(),
    n: integer('n').notNull().default(0),
    amount: real('amount').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.phase, t.ownerId, t.day, t.currency] })],
);

/**
 * The wins of the pipeline phases' reaches (negotiation, closing: won_at set)
 * counted per team, phase, account manager ('' for none, '*' for the whole
 * team), UTC day of the reach and time to close in milliseconds (won_at −
 * at), kept by triggers on phase_reaches (migration 0017) whichever code
 * writes them. The forecast's year of times to close reads these instead of
 * every reach of the year (forecast-history.ts). The key is the table's own
 * order (WITHOUT ROWID, added in the migration): a year of one phase is one
 * range of it, with the counts in the same pages.
 */
export const wonDays = sqliteTable(
  'won_days',
  {
    teamId: text('team_id')
      .notNull()
      .references(() => teams.id),
    phaseIdx: integer('phase_idx').notNull(),
    ownerId: text('owner_id').notNull(),
    day: integer('day').notNull(),
    close: integer('close').notNull(),
    n: integer('n').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.phaseIdx, t.ownerId, t.day, t.close] })],
);

/**
 * Ended stays counted per phase, end day and length in whole days, kept on
 * write: time-in-phase percentiles read a few thousand counts, not a million events.
 */
export const stayDays = sqliteTable(
  'stay_days',
  {
    teamId: text('team_id')
      .notNull()
      .references(() => teams.id),
    ownerId: text('owner_id').notNull().default(''),
    phaseIdx: integer('phase_idx').notNull(),
    endDay: integer('end_day').notNull(),
    days: integer('days').notNull(),
    count: integer('count').notNull().default(0),
  },
  (t) => [
    uniqueIndex('stay_days_key').on(t.teamId, t.endDay, t.phaseIdx, t.days, t.ownerId),
    // the histograms read a range of end days per phase off this index alone, in phase order (time-in-phase.ts)
    index('stay_days_phases').on(t.teamId, t.phaseIdx, t.endDay, t.days, t.ownerId, t.count),
  ],
);

/** Activities counted per team, day, user and type, kept on write, for activity trends at any scale. */
export const activityDaily = sqliteTable(
  'activity_daily',
  {
    teamId: text('team_id')
      .notNull()
      .references(() => teams.id),
    day: integer('day').notNull(),
    userId: text('user_id').notNull(),
    type: text('type', { enum: ACTIVITY_TYPES }).notNull(),
    count: integer('count').notNull().default(0),
  },
  (t) => [uniqueIndex('activity_daily_key').on(t.teamId, t.day, t.userId, t.type)],
);

/** Proposed moves from evidence, waiting for one click (or dismissed). */
export const proposals = sqliteTable(
  'proposals',
  {
    id: text('id').primaryKey(),
    teamId: text('team_id')
      .notNull()
      .references(() => teams.id),
    accountId: text('account_id')
      .notNull()
      .references(() => accounts.id),
    to: text('to_phase', { enum: PHASE_IDS }).notNull(),
    evidence: text('evidence').notNull(),
    evidenceActivityId: text('evidence_activity_id')
      .notNull()
      .references(() => activities.id),
    status: text('status', { enum: ['open', 'accepted', 'dismissed'] })
      .notNull()
      .default('open'),
    createdAt: created(),
  },
  (t) => [index('proposals_account').on(t.accountId, t.status)],
);

export const opportunities = sqliteTable(
  'opportunities',
  {
    id: text('id').primaryKey(),
    teamId: text('team_id')
      .notNull()
      .references(() => teams.id),
    accountId: text('account_id')
      .notNull()
      .references(() => accounts.id),
    kind: text('kind', { enum: OPPORTUNITY_KINDS }).notNull(),
    title: text('title').notNull().default(''),
    amount: real('amount'),
    currency: text('currency').notNull().default('EUR'),
    stage: text('stage', { enum: OPPORTUNITY_STAGES }).notNull().default(OPPORTUNITY_STAGES[0]),
    outcome: text('outcome', { enum: OPPORTUNITY_OUTCOMES }).notNull().default('open'),
    lostReason: text('lost_reason'),
    createdAt: created(),
  },
  (t) => [index('opportunities_account').on(t.accountId)],
);

/** Results of client-made write ids: a replayed write answers with its first result. */
export const clientWrites = sqliteTable(
  'client_writes',
  {
    teamId: text('team_id')
      .notNull()
      .references(() => teams.id),
    /** a write id is the caller's own, for one procedure: a colleague's id, or one reused on another procedure, is another write */
    userId: text('user_id').notNull().default(''),
    procedure: text('procedure').notNull().default(''),
    clientId: text('client_id').notNull(),
    result: text('result', { mode: 'json' }).notNull(),
    createdAt: created(),
  },
  (t) => [uniqueIndex('client_writes_scope').on(t.teamId, t.userId, t.procedure, t.clientId)],
);

export const ACCOUNT_EVENT_KINDS = [
  'edited',
  'archived',
  'restored',
  'owner_changed',
  'contact_added',
  'contact_edited',
  'person_erased',
  'account_erased',
  'imported',
  'merged',
] as const;
export type AccountEventKind = (typeof ACCOUNT_EVENT_KINDS)[number];

/**
 * The trail of an account beside its phase changes: who changed what, when.
 * `detail` names fields and ids, never personal data (an erasure stays
 * recorded without what was erased).
 */
export const accountEvents = sqliteTable(
  'account_events',
  {
    id: text('id').primaryKey(),
    teamId: text('team_id')
      .notNull()
      .references(() => teams.id),
    accountId: text('account_id')
      .notNull()
      .references(() => accounts.id),
    userId: text('user_id').references(() => users.id),
    at: integer('at').notNull(),
    kind: text('kind', { enum: ACCOUNT_EVENT_KINDS }).notNull(),
    detail: text('detail', { mode: 'json' }).$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [index('account_events_account').on(t.accountId, t.at)],
);

/**
 * One row per LinkedIn capture: which layer of the extractor gave each field
 * and which fields the page did not give, per layout family and extractor
 * version, so that a LinkedIn change shows on the dashboard the day it ships.
 */
export const captureHealth = sqliteTable(
  'capture_health',
  {
    id: text('id').primaryKey(),
    teamId: text('team_id')
      .notNull()
      .references(() => teams.id),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    at: integer('at').notNull(),
    kind: text('kind', { enum: ['person', 'company'] }).notNull(),
    layout: text('layout').notNull(),
    version: text('version').notNull(),
    sources: text('sources', { mode: 'json' }).$type<Record<string, string>>().notNull(),
    missing: text('missing', { mode: 'json' }).$type<string[]>().notNull(),
    hasName: integer('has_name', { mode: 'boolean' }).notNull(),
    hasHeadline: integer('has_headline', { mode: 'boolean' }).notNull(),
    hasCompany: integer('has_company', { mode: 'boolean' }).notNull(),
    hasLocation: integer('has_location', { mode: 'boolean' }).notNull(),
  },
  (t) => [index('capture_health_team_at').on(t.teamId, t.at, t.kind, t.layout)],
);

/** Threads a user took out of automatic logging (by undoing it): never logged automatically again. */
export const autoLogSkips = sqliteTable(
  'auto_log_skips',
  {
    teamId: text('team_id')
      .notNull()
      .references(() => teams.id),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    threadId: text('thread_id').notNull(),
    createdAt: created(),
  },
  (t) => [uniqueIndex('auto_log_skips_key').on(t.teamId, t.userId, t.threadId)],
);

/** A web form on the team's site that sends enquiries in as prospects (POST /forms/<key>). */
export const webForms = sqliteTable(
  'web_forms',
  {
    id: text('id').primaryKey(),
    teamId: text('team_id')
      .notNull()
      .references(() => teams.id),
    /** public: it is in the form's HTML; it only lets a site send enquiries */
    key: text('key').notNull(),
    name: text('name').notNull(),
    /** where a browser goes after a form post (the site's thank-you page) */
    redirectUrl: text('redirect_url'),
    /** the site origins a browser may post from; empty allows any */
    origins: text('origins', { mode: 'json' }).$type<string[]>().notNull().default([]),
    /** the rep who gets the new prospects; none leaves them unassigned */
    ownerId: text('owner_id').references(() => users.id),
    createdBy: text('created_by').references(() => users.id),
    createdAt: created(),
    disabledAt: integer('disabled_at'),
  },
  (t) => [uniqueIndex('web_forms_key').on(t.key), index('web_forms_team').on(t.teamId)],
);
