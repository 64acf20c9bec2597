/**
 * Capture health: for each LinkedIn capture, which fields the page gave and
 * where they came from; reported as shares over the last 7 and 30 days, in
 * total and per layout family, so that a LinkedIn change is seen the day it
 * ships. Shares are computed from what was captured, not from what the
 * extractor claims.
 */
import { and, eq, gte, sql } from 'drizzle-orm';
import type { Orm, Tx } from '../db/client';
import { captureHealth } from '../db/schema';
import { insertRow } from '../db/bulk-insert';
import type { ExtractionInfo, LinkedInCompany, LinkedInPerson } from '../../shared/schemas';
import { DAY_MS } from '../../shared/phases';
import { newId, type Actor } from './actor';

const found = (info: ExtractionInfo | undefined, field: string, value: string | undefined) =>
  Boolean(value) && info?.sources[field] !== 'url' && info?.sources[field] !== 'edited';

export async function recordCaptureHealth(tx: Tx, actor: Actor, page: LinkedInPerson | LinkedInCompany, at = Date.now()) {
  const info = page.extraction;
  const person = page.kind === 'person';
  await insertRow(tx, captureHealth, {
    id: newId(),
    teamId: actor.teamId,
    userId: actor.userId,
    at,
    kind: page.kind,
    layout: info?.layout ?? 'unknown',
    version: info?.version ?? 'unknown',
    sources: info?.sources ?? {},
    missing: info?.missing ?? [],
    // a field taken from the URL or typed by the rep is one the page did not give
    hasName: found(info, 'name', page.name),
    hasHeadline: person ? found(info, 'headline', page.headline) : found(info, 'tagline', page.tagline),
    hasCompany: person ? found(info, 'company', page.companyName) : true,
    hasLocation: found(info, 'location', page.location),
  });
}

const WINDOWS = [7, 30] as const;
const share = (part: number, whole: number) => (whole ? part / whole : null);

/** Captures of the team (a rep: their own) in the last 7 and 30 days, in total and per layout family. */
export async function captureHealthReport(db: Orm, actor: Actor, now = Date.now()) {
  const since = now - 30 * DAY_MS;
  const mine = actor.role === 'rep' ? eq(captureHealth.userId, actor.userId) : undefined;
  const rows = await db
    .select({
      kind: captureHealth.kind,
      layout: captureHealth.layout,
      recent: sql<number>`${captureHealth.at} >= ${now - 7 * DAY_MS}`,
      captures: sql<number>`count(*)`,
      name: sql<number>`sum(${captureHealth.hasName})`,
      headline: sql<number>`sum(${captureHealth.hasHeadline})`,
      company: sql<number>`sum(${captureHealth.hasCompany})`,
      location: sql<number>`sum(${captureHealth.hasLocation})`,
      version: sql<string>`max(${captureHealth.version})`,
    })
    .from(captureHealth)
    .where(and(eq(captureHealth.teamId, actor.teamId), gte(captureHealth.at, since), mine))
    .groupBy(captureHealth.kind, captureHealth.layout, sql`3`)
    .all();

  const sum = (list: typeof rows) => {
    const n = list.reduce((a, r) => a + r.captures, 0);
    const of = (k: 'name' | 'headline' | 'company' | 'location') =>
      share(
        list.reduce((a, r) => a + Number(r[k] ?? 0), 0),
        n,
      );
    return { captures: n, name: of('name'), headline: of('headline'), company: of('company'), location: of('location') };
  };
  const persons = rows.filter((r) => r.kind === 'person');
  const families = new Map<string, typeof rows>();
  for (const r of rows) families.set(`${r.kind}|${r.layout}`, [...(families.get(`${r.kind}|${r.layout}`) ?? []), r]);
  return {
    // headline, company and location are a person's fields: the totals are over person captures
    windows: WINDOWS.map((d) => ({ days: d, ...sum(d === 7 ? persons.filter((r) => r.recent) : persons) })),
    layouts: [...families.entries()]
      .map(([key, list]) => {
        const [kind, layout] = key.split('|') as ['person' | 'company', string];
        return {
          kind,
          layout,
          version: list
            .map((r) => r.version)
            .sort()
            .at(-1)!,
          last7: sum(list.filter((r) => r.recent)),
          last30: sum(list),
        };
      })
      .sort((a, b) => b.last30.captures - a.last30.captures),
  };
}
export type CaptureHealthReport = Awaited<ReturnType<typeof captureHealthReport>>;
