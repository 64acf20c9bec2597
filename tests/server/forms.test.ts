/**
 * Web-form intake: an enquiry posted by the team's site becomes a prospect
 * with its message logged; spam, abuse and wrong keys are kept out.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../server/index';
import type { Db } from '../../server/db/client';
import { createUser } from '../../server/domain/auth';
import { captureLinkedInCompany } from '../../server/domain/capture';
import { admin } from '../helpers/cli';
import { tmpDbUrl } from '../helpers/tmp';
import { transact } from '../../server/domain/transact';

const dbUrl = tmpDbUrl('forms');
let server: Awaited<ReturnType<typeof startServer>>;
let db: Db;
let key: string;
const SITE = 'https://www.verkoop.example';

beforeAll(async () => {
  // low limits, so that the test reaches them with a handful of posts
  server = await startServer(
    { PORT: 0, HOST: '127.0.0.1', DATABASE_URL: dbUrl },
    { formLimits: { perAddress: { max: 7, windowMs: 60_000 }, perForm: { max: 1000, windowMs: 60_000 } } },
  );
  db = server.db;
  await createUser(db, { email: 'anne@verkoop.example', name: 'Anne Admin', team: 'Verkoop BV', role: 'admin' });
  ({ key } = admin(dbUrl, ['create-form', '--team', 'Verkoop BV', '--name', 'Contact', '--redirect', `${SITE}/bedankt`, '--origin', SITE]) as { key: string });
});
afterAll(() => server?.close());

const postForm = (fields: Record<string, string>, headers: Record<string, string> = {}, k = key) =>
  fetch(`${server.url}/forms/${k}`, { method: 'POST', redirect: 'manual', headers: { Origin: SITE, ...headers }, body: new URLSearchParams(fields) });

describe('web forms', () => {
  it('a form post makes a prospect with the message logged, and sends the browser to the thank-you page', async () => {
    const res = await postForm({
      name: 'Karin Zonneveld',
      email: 'karin@bakkerij-zon.example',
      company: 'Bakkerij Zon',
      telefoon: '030-1234567',
      message: 'Kunt u een offerte sturen?',
      branche: 'Bakkerij',
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`${SITE}/bedankt`);
    const [account] = await db.query.accounts.findMany();
    expect(account).toMatchObject({
      name: 'Bakkerij Zon',
      phase: 'prospect',
      source: 'website form: Contact',
      emailDomain: 'bakkerij-zon.example',
      facts: { acknowledgedVia: 'form' },
    });
    const [contact] = await db.query.contacts.findMany();
    expect(contact).toMatchObject({ firstName: 'Karin', lastName: 'Zonneveld', phone: '030-1234567', accountId: account!.id });
    const [activity] = await db.query.activities.findMany();
    expect(activity).toMatchObject({
      type: 'form',
      direction: 'in',
      snippet: 'Kunt u een offerte sturen?',
      contactId: contact!.id,
      data: { fields: { branche: 'Bakkerij', phone: '030-1234567', company: 'Bakkerij Zon' } },
    });
    const [change] = await db.query.phaseChanges.findMany();
    expect(change).toMatchObject({ from: null, to: 'prospect', evidenceActivityId: activity!.id });
  });

  it('the same enquiry sent twice is one activity; a JSON post gets JSON', async () => {
    const again = await fetch(`${server.url}/forms/${key}`, {
      method: 'POST',
      headers: { Origin: SITE, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        name: 'Karin Zonneveld',
        email: 'karin@bakkerij-zon.example',
        company: 'Bakkerij Zon',
        telefoon: '030-1234567',
        message: 'Kunt u een offerte sturen?',
        branche: 'Bakkerij',
      }),
    });
    expect(again.status).toBe(200);
    expect(again.headers.get('access-control-allow-origin')).toBe(SITE);
    expect(await again.json()).toEqual({ ok: true });
    expect(await db.query.activities.findMany()).toHaveLength(1);
    expect(await db.query.accounts.findMany()).toHaveLength(1);
  });

  it('a suspect the team already has gets the enquiry as evidence: prospect is proposed, the phase is not changed by itself', async () => {
    const anne = (await db.query.users.findFirst())!;
    const actor = { teamId: anne.teamId, userId: anne.id, role: 'admin' as const };
    const { accountId } = await transact(db, (tx) =>
      captureLinkedInCompany(tx, actor, { kind: 'company', companyUrl: 'https://www.linkedin.com/company/groenhuis', name: 'Groenhuis Installaties' }),
    );
    const res = await postForm({ naam: 'Gert Groen', email: 'gert@groenhuis.example', bedrijf: 'Groenhuis Installaties', bericht: 'Bel mij terug' });
    expect(res.status).toBe(303);
    const account = (await db.query.accounts.findMany()).find((a) => a.id === accountId)!;
    expect(account.phase).toBe('suspect');
    const proposals = (await db.query.proposals.findMany()).filter((p) => p.accountId === accountId);
    expect(proposals.map((p) => p.to)).toEqual(['prospect']);
    expect((await db.query.contacts.findMany()).filter((c) => c.accountId === accountId).map((c) => c.firstName)).toEqual(['Gert']);
  });

  it('keeps spam and abuse out: a honeypot, another site, no way to answer, a wrong key, a too large body, too many posts', async () => {
    const before = (await db.query.activities.findMany()).length;
    const bot = await postForm({ name: 'Bot', email: 'bot@spam.example', message: 'buy', hp_website: 'http://spam.example' });
    expect(bot.status).toBe(303);
    expect(await db.query.activities.findMany()).toHaveLength(before);

    const elsewhere = await postForm({ name: 'X', email: 'x@evil.example' }, { Origin: 'https://evil.example' });
    expect(elsewhere.status).toBe(403);

    const noWay = await postForm({ name: 'Anoniem', message: 'hoi' });
    expect(noWay.status).toBe(400);
    expect(await noWay.text()).toContain('Give an e-mail address or a phone number');
    // the reason names the form's own fields: shown as text, never as markup
    const hostile = await postForm({ email: 'x@y.example', '<img src=x onerror=alert(1)>': 'y'.repeat(1001) });
    expect(hostile.status).toBe(400);
    const body = await hostile.text();
    expect(body).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(body).not.toContain('<img');

    const wrong = await postForm({ name: 'X', email: 'x@y.example' }, {}, 'form_doesnotexist');
    const unknownRoute = await fetch(`${server.url}/no-such-thing`, { method: 'POST' });
    expect(wrong.status).toBe(404);
    expect(await wrong.text()).toBe(await unknownRoute.text());

    const big = await postForm({ name: 'X', email: 'x@y.example', message: 'x'.repeat(40_000) });
    expect(big.status).toBe(413);

    // seven posts per address in the window (six so far in this file): the rest wait
    let limited: Response | undefined;
    for (let i = 0; i < 8 && !limited; i++) {
      const r = await postForm({ name: `P${i}`, email: `p${i}@many.example` });
      if (r.status === 429) limited = r;
    }
    expect(limited?.status).toBe(429);
    expect(await db.query.activities.findMany()).toHaveLength(before + 1);
    expect(await limited!.text()).toContain('try again later');
  });
});
