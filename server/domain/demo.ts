/**
 * A demo team with a year of realistic history, so that a newcomer sees a
 * living dashboard at once. Deterministic: the same seed gives the same team.
 * Everything goes through the domain functions, as real clicks would.
 */
import type { Db } from '../db/client';
import { ACTIVE_PHASES, DAY_MS as DAY, PHASE_IDS, QUOTE_PHASE, entryPhase, isCustomer, phaseIndex, type ActivityType, type PhaseId } from '../../shared/phases';
import { createUser } from './auth';
import { authenticate } from './auth';
import { timelineWriter } from './timeline';
import type { Actor } from './actor';

const CITIES = ['Utrecht', 'Amsterdam', 'Rotterdam', 'Den Haag', 'Eindhoven', 'Groningen', 'Arnhem', 'Zwolle', 'Breda', 'Tilburg'];
const INDUSTRIES = ['Construction', 'Installation', 'Retail', 'Logistics', 'Healthcare', 'Education', 'ICT', 'Manufacturing'];
const WORDS = ['Noord', 'Zuid', 'Groen', 'Blauw', 'Delta', 'Polder', 'Duin', 'Haven', 'Molen', 'Brug', 'Kade', 'Linde', 'Eik', 'Vos', 'Meer'];
const KINDS = ['Bouw', 'Installaties', 'Techniek', 'Logistiek', 'Zorg', 'Groep', 'Advies', 'Services'];
const REPS = [
  ['anna@demo.example', 'Anna de Boer'],
  ['bram@demo.example', 'Bram Visser'],
  ['chantal@demo.example', 'Chantal el Idrissi'],
  ['daan@demo.example', 'Daan van Dijk'],
] as const;

/** mulberry32: a small seeded generator, so the demo is the same every time */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface DemoOptions {
  team?: string;
  accounts?: number;
  now?: number;
  seed?: number;
}

export async function seedDemo(db: Db, o: DemoOptions = {}) {
  const team = o.team ?? 'Demo';
  const now = o.now ?? Date.now();
  const r = rng(o.seed ?? 2026);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const between = (lo: number, hi: number) => lo + r() * (hi - lo);

  const manager = await createUser(db, { email: 'manager@demo.example', name: 'Mila Manager', team, role: 'manager' });
  const reps: Actor[] = [];
  for (const [email, name] of REPS) {
    const u = await createUser(db, { email, name, team, role: 'rep' });
    reps.push((await authenticate(db, u.token))!);
  }
  const w = timelineWriter(db);
  let phaseChanges = 0;
  let activities = 0;
  const count = o.accounts ?? 320;

  for (let i = 0; i < count; i++) {
    const rep = pick(reps);
    const name = `${pick(WORDS)}${pick(WORDS).toLowerCase()} ${pick(KINDS)}`;
    const start = now - between(5, 365) * DAY;
    const viaForm = r() < 0.15;
    const id = await w.create(
      rep,
      { name, city: pick(CITIES), industry: r() < 0.7 ? pick(INDUSTRIES) : undefined },
      entryPhase(viaForm),
      start,
      viaForm ? 'form' : 'linkedin_capture',
    );
    phaseChanges++;
    activities++;
    let at = start;
    let phase: PhaseId = entryPhase(viaForm);
    // how far this account gets: most stop early, as in any funnel
    const goal = pick(GOALS);
    const log = async (type: ActivityType, when: number, data = {}) => {
      if (when < now) {
        await w.activity(rep, id, type, when, data);
        activities++;
      }
    };
    while (phaseIndex(phase) < goal) {
      const stay = between(3, 40) * DAY;
      // activity during the stay, so coverage and trends have something to show
      for (let k = 0; k < Math.floor(between(0, 4)); k++) await log(pick(['email_out', 'email_in', 'call', 'meeting', 'note'] as const), at + between(0, stay));
      at += stay;
      if (at >= now) break;
      const skip: number = r() < 0.1 && phaseIndex(phase) + 2 <= goal ? 2 : 1;
      const to: PhaseId = PHASE_IDS[phaseIndex(phase) + skip]!;
      const evidence = EVIDENCE[to];
      const withEvidence = evidence && r() < 0.8;
      await w.move(rep, id, to, at, withEvidence ? { type: evidence, data: evidenceData(to, r) } : undefined);
      if (withEvidence) activities++;
      phaseChanges++;
      phase = to;
      // some quotes are lost, some customers leave
      if (to === QUOTE_PHASE && r() < 0.25) {
        at += between(5, 20) * DAY;
        if (at < now) {
          await w.move(rep, id, BEFORE_QUOTE, at, undefined, pick(['lost_competitor', 'no_budget', 'no_need'] as const));
          phaseChanges++;
          phase = BEFORE_QUOTE;
        }
        break;
      }
    }
    // accounts still in play get recent attention from most reps, not all: coverage has a story to tell
    if (ACTIVE_PHASES.includes(phase) && r() < 0.6) {
      await log(pick(['email_out', 'call', 'meeting'] as const), now - between(0, 20) * DAY);
    }
    if (isCustomer(phase)) {
      if (r() < 0.3) {
        const opened = at + between(5, 60) * DAY;
        const cid = `demo-${i}`;
        await log('complaint_opened', opened, { complaintId: cid });
        if (r() < 0.7) await log('complaint_resolved', opened + between(1, 20) * DAY, { complaintId: cid });
      }
      if (r() < 0.5) await log('annual_review', at + between(30, 300) * DAY);
      if (phase === PHASE_IDS.at(-1) && r() < 0.6) await log('referral', at + between(5, 90) * DAY);
    }
  }
  return { team, token: manager.token, email: 'manager@demo.example', accounts: count, phaseChanges, activities };
}

/** The evidence each phase is reached with, by position in PHASE_IDS (the first phase needs none). */
const EVIDENCE_BY_INDEX: (ActivityType | undefined)[] = [undefined, 'email_in', 'meeting', 'quote', 'confirmation', 'invoice', 'invoice', 'programme_joined'];
const EVIDENCE: Partial<Record<PhaseId, ActivityType>> = Object.fromEntries(PHASE_IDS.map((p, i) => [p, EVIDENCE_BY_INDEX[i]]));
/** How far accounts get, by phase position: most stop early, as in any funnel. */
const GOALS = [0, 0, 1, 1, 2, 2, 3, 4, 5, 5, 6, 7];
const BEFORE_QUOTE = PHASE_IDS[phaseIndex(QUOTE_PHASE) - 1]!;

function evidenceData(to: PhaseId, r: () => number) {
  if (to === QUOTE_PHASE) return { amount: Math.round(2_000 + r() * 48_000), currency: 'EUR', version: '1' };
  if (isCustomer(to) && to !== PHASE_IDS.at(-1)) return { amount: Math.round(1_000 + r() * 20_000), paid: true };
  if (to === BEFORE_QUOTE) return { outcome: 'Need, budget and timing discussed' };
  return {};
}
