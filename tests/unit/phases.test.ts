import { describe, expect, it } from 'vitest';
import { classifyMove, PHASES, PHASE_IDS, proposalFor, skippedOnCreate, type PhaseId } from '../../shared/phases';

/**
 * Every from→to pair, as the phase model specifies it:
 * . same phase (no move), F forward, B back (re-qualify or mistake),
 * C back as churn (paying account → prospect), L back after a lost quote.
 */
const MATRIX: Record<PhaseId, string> = {
  //            sus pro con neg clo cus rel amb
  suspect: '.   F   F   F   F   F   F   F',
  prospect: 'B   .   F   F   F   F   F   F',
  conversation: 'B   B   .   F   F   F   F   F',
  negotiation: 'B   L   L   .   F   F   F   F',
  closing: 'B   L   L   B   .   F   F   F',
  customer: 'B   C   B   B   B   .   F   F',
  relationship: 'B   C   B   B   B   B   .   F',
  ambassador: 'B   C   B   B   B   B   B   .',
};

describe('moves between phases', () => {
  for (const from of PHASE_IDS) {
    const row = MATRIX[from].split(/\s+/);
    PHASE_IDS.forEach((to, j) => {
      const expected = row[j];
      it(`${from} → ${to}: ${expected}`, () => {
        const move = classifyMove(from, to);
        switch (expected) {
          case '.':
            expect(move).toEqual({ kind: 'none' });
            break;
          case 'F':
            expect(move.kind).toBe('forward');
            break;
          case 'B':
            expect(move).toEqual({ kind: 'back', reasons: ['requalify', 'mistake'] });
            break;
          case 'C':
            expect(move).toEqual({ kind: 'back', reasons: ['churned', 'requalify', 'mistake'] });
            break;
          case 'L':
            expect(move).toEqual({ kind: 'back', reasons: ['lost_competitor', 'no_budget', 'no_need', 'requalify', 'mistake'] });
            break;
          default:
            throw new Error(`bad matrix cell ${expected}`);
        }
      });
    });
  }

  it('records skipped phases on a forward move, and none on a one-step move', () => {
    expect(classifyMove('suspect', 'prospect')).toEqual({ kind: 'forward', skipped: [] });
    expect(classifyMove('suspect', 'conversation')).toEqual({ kind: 'forward', skipped: ['prospect'] });
    expect(classifyMove('conversation', 'customer')).toEqual({ kind: 'forward', skipped: ['negotiation', 'closing'] });
    expect(skippedOnCreate('prospect')).toEqual(['suspect']);
    expect(skippedOnCreate('suspect')).toEqual([]);
  });
});

describe('the phases', () => {
  it('are the eight of the specification, in order, with Dutch and English labels', () => {
    expect(PHASES.map((p) => [p.id, p.label.nl, p.label.en])).toEqual([
      ['suspect', 'Suspect', 'Suspect'],
      ['prospect', 'Prospect', 'Prospect'],
      ['conversation', 'Klantgesprek', 'Customer conversation'],
      ['negotiation', 'Onderhandeling', 'Negotiation'],
      ['closing', 'Closen', 'Closing'],
      ['customer', 'Klant', 'Customer'],
      ['relationship', 'Relatiebeheer', 'Relationship management'],
      ['ambassador', 'Ambassadeur', 'Ambassador'],
    ]);
  });

  it('each has a checklist', () => {
    expect(PHASES.find((p) => p.id === 'conversation')!.checklist.map((c) => c.key)).toEqual(['need', 'budget', 'timing', 'competition', 'decisionRoles']);
    for (const p of PHASES) expect(p.checklist.length).toBeGreaterThan(0);
  });
});

describe('evidence proposes, never backwards', () => {
  it.each([
    ['linkedin_capture', null, 'suspect'],
    ['form', 'suspect', 'prospect'],
    ['first_email_from_contact', 'suspect', 'prospect'],
    ['first_email_from_contact', 'prospect', null],
    ['reply_from_contact', 'suspect', 'conversation'],
    ['reply_from_contact', 'prospect', 'conversation'],
    ['reply_from_contact', 'conversation', null],
    ['reply_from_contact', 'customer', null],
    ['meeting_with_outcome', 'prospect', 'conversation'],
    ['quote', 'conversation', 'negotiation'],
    ['quote', 'closing', null],
    ['confirmation', 'negotiation', 'closing'],
    ['first_paid_invoice', 'closing', 'customer'],
    ['first_paid_invoice', 'relationship', null],
    ['third_paid_invoice_12m', 'customer', 'relationship'],
    ['referral', 'relationship', 'ambassador'],
    ['programme_joined', 'customer', 'ambassador'],
    ['referral', 'ambassador', null],
  ] as const)('%s on %s proposes %s', (evidence, current, expected) => {
    expect(proposalFor(evidence, current)).toBe(expected);
  });
});
