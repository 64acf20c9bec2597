/** Day-based times and a history writer for report tests. */
import type { Db } from '../../server/db/client';
import type { Actor } from '../../server/domain/actor';
import { timelineWriter } from '../../server/domain/timeline';
import type { PhaseId } from '../../shared/phases';

export const DAY = 86_400_000;
export const D0 = Date.UTC(2026, 0, 1);
export const day = (n: number) => D0 + n * DAY;

export function historyWriter(db: Db) {
  const w = timelineWriter(db);
  return {
    ...w,
    create: (actor: Actor, name: string, phase: PhaseId, at: number, type?: 'linkedin_capture' | 'form') => w.create(actor, { name }, phase, at, type),
  };
}
