/**
 * The phase model: the single source of truth for phases, moves, evidence
 * rules and checklists. The database enum, zod inputs, sidebar stepper and
 * reports all derive from this file (see ../shared/docs/phase-model.md).
 */

export const PHASE_IDS = ['suspect', 'prospect', 'conversation', 'negotiation', 'closing', 'customer', 'relationship', 'ambassador'] as const;

export type PhaseId = (typeof PHASE_IDS)[number];
export type Lang = 'nl' | 'en';
export type Label = Record<Lang, string>;

export interface ChecklistItem {
  key: string;
  label: Label;
  /** how the gap is filled in place: a text fact, a contact role, or an activity of this type */
  fill: 'text' | 'contactRole' | 'contactChannel' | 'activity';
  activityType?: ActivityType;
}

export interface Phase {
  id: PhaseId;
  label: Label;
  checklist: ChecklistItem[];
}

const text = (key: string, nl: string, en: string): ChecklistItem => ({ key, label: { nl, en }, fill: 'text' });
const act = (key: string, activityType: ActivityType, nl: string, en: string): ChecklistItem => ({
  key,
  label: { nl, en },
  fill: 'activity',
  activityType,
});

export const ACTIVITY_TYPES = [
  'email_in',
  'email_out',
  'call',
  'meeting',
  'visit',
  'trade_fair',
  'chat',
  'note',
  'form',
  'quote',
  'confirmation',
  'invoice',
  'payment',
  'complaint_opened',
  'complaint_resolved',
  'annual_review',
  'referral',
  'programme_joined',
  'delivery',
  'linkedin_capture',
] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];
/** the two activities a complaint is made of: relationship health pairs them by complaint id */
export const COMPLAINT_TYPES = ['complaint_opened', 'complaint_resolved'] as const satisfies readonly ActivityType[];
/** two-way contact with the account: what "days since the last contact" counts (a capture or a note is none) */
export const CONTACT_TYPES = [
  'email_in',
  'email_out',
  'call',
  'meeting',
  'visit',
  'trade_fair',
  'chat',
  'annual_review',
  'delivery',
] as const satisfies readonly ActivityType[];

/** What people call each activity, in the two languages of the interface: no internal id ever reaches a screen. */
export const ACTIVITY_TYPE_LABELS: Record<ActivityType, Label> = {
  email_in: { nl: 'E-mail ontvangen', en: 'E-mail received' },
  email_out: { nl: 'E-mail verstuurd', en: 'E-mail sent' },
  call: { nl: 'Telefoongesprek', en: 'Call' },
  meeting: { nl: 'Afspraak', en: 'Meeting' },
  visit: { nl: 'Bezoek', en: 'Visit' },
  trade_fair: { nl: 'Beurs', en: 'Trade fair' },
  chat: { nl: 'Chat', en: 'Chat' },
  note: { nl: 'Notitie', en: 'Note' },
  form: { nl: 'Webformulier', en: 'Web form' },
  quote: { nl: 'Offerte', en: 'Quote' },
  confirmation: { nl: 'Opdrachtbevestiging', en: 'Order confirmation' },
  invoice: { nl: 'Factuur', en: 'Invoice' },
  payment: { nl: 'Betaling', en: 'Payment' },
  complaint_opened: { nl: 'Klacht', en: 'Complaint' },
  complaint_resolved: { nl: 'Klacht opgelost', en: 'Complaint resolved' },
  annual_review: { nl: 'Jaargesprek', en: 'Annual review' },
  referral: { nl: 'Referentie gegeven', en: 'Referral given' },
  programme_joined: { nl: 'Lid van programma', en: 'Joined a programme' },
  delivery: { nl: 'Levering', en: 'Delivery' },
  linkedin_capture: { nl: 'Vastgelegd via LinkedIn', en: 'Captured from LinkedIn' },
};

export const PHASES: readonly Phase[] = [
  {
    id: 'suspect',
    label: { nl: 'Suspect', en: 'Suspect' },
    checklist: [
      text('address', 'Adres, postcode en plaats', 'Address, postcode and city'),
      text('source', 'Selectie / bron', 'Selection / source'),
      text('industry', 'Branche', 'Industry'),
    ],
  },
  {
    id: 'prospect',
    label: { nl: 'Prospect', en: 'Prospect' },
    checklist: [
      { key: 'contactChannel', label: { nl: 'Contactpersoon met e-mail of telefoon', en: 'Contact with e-mail or phone' }, fill: 'contactChannel' },
      text('acknowledgedVia', 'Hoe ze ons kennen (bel, formulier, e-mail)', 'How they acknowledged us (call, form, e-mail)'),
    ],
  },
  {
    id: 'conversation',
    label: { nl: 'Klantgesprek', en: 'Customer conversation' },
    checklist: [
      text('need', 'Behoefte', 'Need'),
      text('budget', 'Budget', 'Budget'),
      text('timing', 'Timing', 'Timing'),
      text('competition', 'Concurrentie', 'Competition'),
      { key: 'decisionRoles', label: { nl: 'Beslissers en beïnvloeders', en: 'Decision makers and influencers' }, fill: 'contactRole' },
    ],
  },
  {
    id: 'negotiation',
    label: { nl: 'Onderhandeling', en: 'Negotiation' },
    checklist: [
      act('quote', 'quote', 'Offerte (bedrag, valuta, datum, versie)', 'Quote (amount, currency, date, version)'),
      text('negotiatedPrice', 'Onderhandelde prijs', 'Negotiated price'),
    ],
  },
  {
    id: 'closing',
    label: { nl: 'Closen', en: 'Closing' },
    checklist: [act('confirmation', 'confirmation', 'Schriftelijke bevestiging (datum, referentie)', 'Written confirmation (date, reference)')],
  },
  {
    id: 'customer',
    label: { nl: 'Klant', en: 'Customer' },
    checklist: [act('invoice', 'invoice', 'Factuur (datum, bedrag, betaald)', 'Invoice (date, amount, paid)')],
  },
  {
    id: 'relationship',
    label: { nl: 'Relatiebeheer', en: 'Relationship management' },
    checklist: [text('purchaseFrequency', 'Aankoopfrequentie', 'Purchase frequency'), text('nextAnnualReview', 'Volgend jaargesprek', 'Next annual review')],
  },
  {
    id: 'ambassador',
    label: { nl: 'Ambassadeur', en: 'Ambassador' },
    checklist: [
      act('programme', 'programme_joined', 'Lid van een programma', 'Programme membership'),
      act('referral', 'referral', 'Gegeven referenties', 'Referrals given'),
      text('satisfaction', 'Tevredenheidsscore', 'Satisfaction score'),
    ],
  },
];

export const phaseIndex = (id: PhaseId): number => PHASE_IDS.indexOf(id);

// Named groups of phases: every other file uses these, never a phase id written out.
/** Where a captured or outbound contact starts, and where someone who wrote to us starts. */
export const FIRST_PHASE: PhaseId = 'suspect';
export const INBOUND_PHASE: PhaseId = 'prospect';
export const entryPhase = (wroteToUs: boolean): PhaseId => (wroteToUs ? INBOUND_PHASE : FIRST_PHASE);
/** The phase after which an account is a customer: care, opportunities and reviews start here. */
export const CUSTOMER_PHASE: PhaseId = 'customer';
export const isCustomer = (p: PhaseId) => PHASE_IDS.indexOf(p) >= PHASE_IDS.indexOf(CUSTOMER_PHASE);
export const CARE_PHASES: readonly PhaseId[] = PHASE_IDS.slice(PHASE_IDS.indexOf(CUSTOMER_PHASE));
/** Repeat business and beyond: relationship management and ambassador. */
export const REPEAT_PHASES: readonly PhaseId[] = PHASE_IDS.slice(PHASE_IDS.indexOf('relationship'));
/** Phases 2 to 5, whose logging coverage is measured. */
export const ACTIVE_PHASES: readonly PhaseId[] = PHASE_IDS.slice(PHASE_IDS.indexOf('prospect'), PHASE_IDS.indexOf(CUSTOMER_PHASE));
/** Where the latest quote counts as pipeline value, and where win rate starts. */
export const PIPELINE_PHASES: readonly PhaseId[] = ['negotiation', 'closing'];
export const QUOTE_PHASE: PhaseId = 'negotiation';
/** The stages an opportunity of a customer runs through: the account's own phases from conversation to closing. */
export const OPPORTUNITY_STAGES = ['conversation', 'negotiation', 'closing'] as const satisfies readonly PhaseId[];
export type OpportunityStage = (typeof OPPORTUNITY_STAGES)[number];

/** The checklist answers an account keeps as facts, with their labels (from the checklists above). */
export const FACT_LABELS: Readonly<Record<string, Label>> = Object.fromEntries(
  PHASES.flatMap((p) => p.checklist.filter((c) => c.fill === 'text' && !['address', 'source', 'industry'].includes(c.key)).map((c) => [c.key, c.label])),
);
export const phaseById = (id: PhaseId): Phase => PHASES[phaseIndex(id)]!;

/** Activity types that fill a checklist item somewhere (a quote, an invoice…): only these change an account's gaps. */
export const CHECKLIST_ACTIVITY_TYPES: ReadonlySet<ActivityType> = new Set(
  PHASES.flatMap((p) => p.checklist.flatMap((c) => (c.activityType ? [c.activityType] : []))),
);

// ---------------------------------------------------------------------------
// Moves

export const BACK_REASONS = ['lost_competitor', 'no_budget', 'no_need', 'churned', 'requalify', 'mistake'] as const;
export type BackReason = (typeof BACK_REASONS)[number];

export const BACK_REASON_LABELS: Record<BackReason, Label> = {
  lost_competitor: { nl: 'Verloren aan concurrent', en: 'Lost to competitor' },
  no_budget: { nl: 'Geen budget', en: 'No budget' },
  no_need: { nl: 'Geen behoefte', en: 'No need' },
  churned: { nl: 'Klant vertrokken', en: 'Churned' },
  requalify: { nl: 'Opnieuw kwalificeren', en: 'Re-qualify' },
  mistake: { nl: 'Eerdere stap was een vergissing', en: 'Earlier move was a mistake' },
};

export const ARCHIVE_REASONS = ['no_fit', 'duplicate', 'out_of_business', 'do_not_contact', 'other'] as const;
export type ArchiveReason = (typeof ARCHIVE_REASONS)[number];
export const ARCHIVE_REASON_LABELS: Record<ArchiveReason, Label> = {
  no_fit: { nl: 'Past niet', en: 'No fit' },
  duplicate: { nl: 'Dubbel', en: 'Duplicate' },
  out_of_business: { nl: 'Bestaat niet meer', en: 'Out of business' },
  do_not_contact: { nl: 'Niet benaderen', en: 'Do not contact' },
  other: { nl: 'Anders', en: 'Other' },
};

const PAID_PHASES: readonly PhaseId[] = ['customer', 'relationship', 'ambassador'];
const QUOTE_PHASES: readonly PhaseId[] = ['negotiation', 'closing'];

export type Move = { kind: 'none' } | { kind: 'forward'; skipped: PhaseId[] } | { kind: 'back'; reasons: BackReason[] };

/**
 * Classifies a move. Forward moves may skip phases (recorded, not invented).
 * Back moves are always allowed but need a reason; which reasons fit depends
 * on the move: churn takes a paying account back to prospect, a rejected
 * quote takes negotiation/closing back to conversation or prospect, and any
 * move back may re-qualify or correct a mistake (events are never edited).
 */
export function classifyMove(from: PhaseId, to: PhaseId): Move {
  const a = phaseIndex(from);
  const b = phaseIndex(to);
  if (a === b) return { kind: 'none' };
  if (b > a) return { kind: 'forward', skipped: PHASE_IDS.slice(a + 1, b) as PhaseId[] };
  const reasons: BackReason[] = [];
  if (PAID_PHASES.includes(from) && to === 'prospect') reasons.push('churned');
  if (QUOTE_PHASES.includes(from) && (to === 'conversation' || to === 'prospect')) {
    reasons.push('lost_competitor', 'no_budget', 'no_need');
  }
  reasons.push('requalify', 'mistake');
  return { kind: 'back', reasons };
}

/** Phases a new account created straight into `to` skipped. */
export const skippedOnCreate = (to: PhaseId): PhaseId[] => PHASE_IDS.slice(0, phaseIndex(to)) as PhaseId[];

// ---------------------------------------------------------------------------
// Evidence → proposal rules

export const EVIDENCE_KINDS = [
  'linkedin_capture',
  'form',
  'first_email_from_contact',
  'reply_from_contact',
  'meeting_with_outcome',
  'quote',
  'confirmation',
  'first_paid_invoice',
  'third_paid_invoice_12m',
  'referral',
  'programme_joined',
  'promoter_score',
] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

export const EVIDENCE_LABELS: Record<EvidenceKind, Label> = {
  linkedin_capture: { nl: 'vastgelegd via LinkedIn', en: 'captured from LinkedIn' },
  form: { nl: 'webformulier', en: 'web form' },
  first_email_from_contact: { nl: 'eerste e-mail van een contact', en: 'first e-mail from a contact' },
  reply_from_contact: { nl: 'antwoord van een contact', en: 'reply from a contact' },
  meeting_with_outcome: { nl: 'gesprek met uitkomst', en: 'meeting with an outcome' },
  quote: { nl: 'offerte', en: 'quote' },
  confirmation: { nl: 'opdrachtbevestiging', en: 'order confirmation' },
  first_paid_invoice: { nl: 'eerste betaalde factuur', en: 'first paid invoice' },
  third_paid_invoice_12m: { nl: 'derde betaalde factuur in 12 maanden', en: 'third paid invoice in 12 months' },
  referral: { nl: 'referentie', en: 'referral' },
  programme_joined: { nl: 'lid van programma', en: 'joined a programme' },
  promoter_score: { nl: 'promotorscore', en: 'promoter score' },
};

/**
 * A phase change's reason in words: a move-back reason, an archive reason,
 * or the evidence that proposed it ("evidence:quote"). Unknown text is shown
 * as it is (a note someone typed).
 */
export function reasonLabel(reason: string | null | undefined): Label | null {
  if (!reason) return null;
  if (reason.startsWith('evidence:')) {
    const kind = reason.slice('evidence:'.length) as EvidenceKind;
    const e = EVIDENCE_LABELS[kind];
    return e ? { nl: `bewijs: ${e.nl}`, en: `evidence: ${e.en}` } : { nl: reason, en: reason };
  }
  const [code, ...note] = reason.split(': ');
  const known = BACK_REASON_LABELS[code as BackReason] ?? ARCHIVE_REASON_LABELS[code as ArchiveReason];
  if (!known) return { nl: reason, en: reason };
  const rest = note.length ? `: ${note.join(': ')}` : '';
  return { nl: known.nl + rest, en: known.en + rest };
}

/** What each kind of evidence proposes, and the phase an account must be before for the rule to fire. */
export const EVIDENCE_RULES: Record<EvidenceKind, { to: PhaseId; onlyFrom?: readonly PhaseId[] }> = {
  linkedin_capture: { to: 'suspect' },
  form: { to: 'prospect' },
  first_email_from_contact: { to: 'prospect', onlyFrom: ['suspect'] },
  reply_from_contact: { to: 'conversation', onlyFrom: ['suspect', 'prospect'] },
  meeting_with_outcome: { to: 'conversation', onlyFrom: ['suspect', 'prospect'] },
  quote: { to: 'negotiation' },
  confirmation: { to: 'closing' },
  first_paid_invoice: { to: 'customer' },
  third_paid_invoice_12m: { to: 'relationship' },
  referral: { to: 'ambassador' },
  programme_joined: { to: 'ambassador' },
  promoter_score: { to: 'ambassador' },
};

/** The evidence kinds a team may switch to "move without asking"; by default every rule proposes. */
export type AutoMoveSettings = Partial<Record<EvidenceKind, boolean>>;

/**
 * The phase that evidence proposes for an account in `current`, or null.
 * A rule never moves an account backwards, nor to where it already is.
 */
export function proposalFor(evidence: EvidenceKind, current: PhaseId | null): PhaseId | null {
  const rule = EVIDENCE_RULES[evidence];
  if (current === null) return rule.to;
  if (rule.onlyFrom && !rule.onlyFrom.includes(current)) return null;
  return phaseIndex(rule.to) > phaseIndex(current) ? rule.to : null;
}

/** Reply e-mails are the only evidence that needs a previous outgoing message; the rest map from the activity type. */
export function evidenceForActivity(type: ActivityType, meta: { isReply?: boolean; hasOutcome?: boolean; paid?: boolean }): EvidenceKind | null {
  switch (type) {
    case 'email_in':
      return meta.isReply ? 'reply_from_contact' : 'first_email_from_contact';
    case 'meeting':
    case 'call':
    case 'visit':
      return meta.hasOutcome ? 'meeting_with_outcome' : null;
    case 'form':
      return 'form';
    case 'quote':
      return 'quote';
    case 'confirmation':
      return 'confirmation';
    case 'invoice':
    case 'payment':
      return meta.paid || type === 'payment' ? 'first_paid_invoice' : null;
    case 'referral':
      return 'referral';
    case 'programme_joined':
      return 'programme_joined';
    case 'linkedin_capture':
      return 'linkedin_capture';
    default:
      return null;
  }
}

// ---------------------------------------------------------------------------
// Contacts

export const DECISION_ROLES = ['decision_maker', 'influencer', 'user', 'gatekeeper', 'unknown'] as const;
export type DecisionRole = (typeof DECISION_ROLES)[number];
export const DECISION_ROLE_LABELS: Record<DecisionRole, Label> = {
  decision_maker: { nl: 'Beslisser', en: 'Decision maker' },
  influencer: { nl: 'Beïnvloeder', en: 'Influencer' },
  user: { nl: 'Gebruiker', en: 'User' },
  gatekeeper: { nl: 'Poortwachter', en: 'Gatekeeper' },
  unknown: { nl: 'Onbekend', en: 'Unknown' },
};

export const OPPORTUNITY_KINDS = ['new', 'upsell', 'cross_sell'] as const;
export const OPPORTUNITY_OUTCOMES = ['open', 'won', 'lost'] as const;
export const USER_ROLES = ['rep', 'manager', 'admin'] as const;
export type UserRole = (typeof USER_ROLES)[number];

// ---------------------------------------------------------------------------
// Care of relationships (phases 7 and 8)

export const DAY_MS = 86_400_000;

/** An annual review is due twelve months after the last one. */
export const ANNUAL_REVIEW_DUE_MS = 365 * DAY_MS;
