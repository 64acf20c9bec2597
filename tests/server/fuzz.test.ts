/**
 * Every procedure over real HTTP with fuzzed input: random shapes, wrong
 * types, huge and hostile strings, out-of-range numbers, and valid inputs
 * with one field broken. Not one answer may be a 5xx, carry a stack trace or
 * SQL, and the data that was there stays readable.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../server/index';
import { createUser } from '../../server/domain/auth';
import { appRouter } from '../../server/routers';
import { tmpDbUrl } from '../helpers/tmp';
import { acme, jan, offerteThread } from '../helpers/data';
import { prng } from '../helpers/prng';

let server: Awaited<ReturnType<typeof startServer>>;
let token: string;
let accountId: string;

beforeAll(async () => {
  server = await startServer({ PORT: 0, HOST: '127.0.0.1', DATABASE_URL: tmpDbUrl('fuzz') });
  ({ token } = await createUser(server.db, { email: 'pieter@verkoop.example', name: 'Pieter', team: 'Verkoop BV', role: 'admin' }));
  const r = await call('capture.linkedInPerson', 'mutation', { person: jan });
  accountId = (await r.json()).result.data.accountId;
});
afterAll(() => server?.close());

function call(path: string, type: string, input: unknown) {
  const headers = { Authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  return type === 'query'
    ? fetch(`${server.url}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input) ?? '')}`, { headers })
    : fetch(`${server.url}/trpc/${path}`, { method: 'POST', headers, body: JSON.stringify(input) ?? '' });
}

const KEYS = [
  'id',
  'accountId',
  'contactId',
  'opportunityId',
  'proposalId',
  'person',
  'company',
  'thread',
  'patch',
  'q',
  'to',
  'reason',
  'note',
  'clientId',
  'data',
  'type',
  'occurredAt',
  'from',
  'profileUrl',
  'email',
  'entries',
  'stage',
  'outcome',
  'kind',
  'title',
  'amount',
  'people',
  'role',
  'facts',
  'name',
];
const STRINGS = [
  '',
  ' ',
  'a',
  'x'.repeat(5000),
  '\u0000',
  'nul\u0000in',
  '\u001b[31m',
  '\n\t',
  '<img src=x onerror=alert(1)>',
  "'; drop table accounts; --",
  '☃️🙂',
  'suspect',
  'customer',
  'call',
  'won',
  'https://www.linkedin.com/in/x',
  'pieter@verkoop.example',
  '9'.repeat(40),
  'null',
  '__proto__',
  'constructor',
];
const NUMBERS = [0, -1, 1, 1.5, 2 ** 53, -(2 ** 53), 1e308, 9_000_000_000_000_000, Date.UTC(1900, 0, 1), Date.now()];

function value(r: () => number, depth: number): unknown {
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)]!;
  const k = r();
  if (depth > 3 || k < 0.3) return pick(STRINGS);
  if (k < 0.5) return pick(NUMBERS);
  if (k < 0.55) return r() < 0.5;
  if (k < 0.6) return null;
  if (k < 0.75) return Array.from({ length: Math.floor(r() * 4) }, () => value(r, depth + 1));
  return Object.fromEntries(Array.from({ length: 1 + Math.floor(r() * 5) }, () => [pick(KEYS), value(r, depth + 1)]));
}

/** A valid input with one field replaced by junk: reaches the domain, not only the parser. */
function broken(r: () => number): unknown {
  const valid: Record<string, unknown>[] = [
    { person: jan },
    { company: acme },
    { thread: offerteThread },
    { accountId, patch: { city: 'Utrecht' } },
    { accountId, to: 'prospect' },
    { accountId, type: 'call' },
    { id: accountId },
    { q: 'acme' },
  ];
  const base = structuredClone(valid[Math.floor(r() * valid.length)]!);
  const target = (base.person ?? base.company ?? base.thread ?? base.patch ?? base) as Record<string, unknown>;
  const keys = Object.keys(target);
  target[keys[Math.floor(r() * keys.length)]!] = value(r, 2);
  return base;
}

describe('fuzzing every procedure', () => {
  it('no answer is a 5xx or shows internals, over every procedure', { timeout: 180_000 }, async () => {
    const procedures = Object.entries((appRouter as unknown as { _def: { procedures: Record<string, { _def: { type: string } }> } })._def.procedures);
    expect(procedures.length).toBeGreaterThan(20);
    const r = prng(20261128);
    const bad: string[] = [];
    let sent = 0;
    for (const [path, proc] of procedures) {
      for (let i = 0; i < 40; i++) {
        const input = i % 2 ? broken(r) : value(r, 0);
        const res = await call(path, proc._def.type, input);
        const text = await res.text();
        sent++;
        if (res.status >= 500 || /SQLITE|\bat .+\.ts:\d+|stack/i.test(text))
          bad.push(`${path} ${res.status} ${JSON.stringify(input).slice(0, 200)} → ${text.slice(0, 200)}`);
      }
    }
    expect(bad).toEqual([]);
    expect(sent).toBeGreaterThan(800);
    const after = await call('accounts.get', 'query', { id: accountId });
    expect(after.status).toBe(200);
  });
});
