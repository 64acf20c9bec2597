import { describe, expect, it } from 'vitest';
import { extractThread, signedInUser, timeFromMessageId, visibleSenders } from '../../extension/sites/gmail/extract';
import { gmailView } from '../../extension/sites/gmail/pages';
import { fixture, pageAt } from '../helpers/dom';

const THREAD_URL = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQZTMNbQwDkJrLxTvWcPqHsRnKm';
const INBOX_URL = 'https://mail.google.com/mail/u/0/#inbox';
const thread = () => fixture('gmail/thread-2024.html');

const pieter = { email: 'pieter@verkoop.example', name: 'Pieter Bos' };
const jan = { email: 'jan.devries@acme.example', name: 'Jan de Vries' };
const marieke = { email: 'm.jansen@acme.example', name: 'Marieke Jansen' };

describe('Gmail views from the URL', () => {
  it.each([
    [THREAD_URL, { accountIndex: 0, route: 'inbox/FMfcgzQZTMNbQwDkJrLxTvWcPqHsRnKm', maybeThread: true }],
    [INBOX_URL, { accountIndex: 0, route: 'inbox', maybeThread: false }],
    [
      'https://mail.google.com/mail/u/2/#label/Klanten/FMfcgzQZTMNbQwDkJrLxTvWcPqHsRnKm',
      { accountIndex: 2, route: 'label/Klanten/FMfcgzQZTMNbQwDkJrLxTvWcPqHsRnKm', maybeThread: true },
    ],
    ['https://mail.google.com/mail/u/0/#search/offerte', { accountIndex: 0, route: 'search/offerte', maybeThread: false }],
    ['https://www.google.com/mail/u/0/#inbox', null],
  ])('%s', (url, expected) => expect(gmailView(url)).toEqual(expected));
});

describe('the open thread', () => {
  it('reads the 2024 fixture as the fixtures README says', () => {
    const t = extractThread(pageAt(THREAD_URL, thread()), THREAD_URL);
    expect(t).toMatchObject({ user: 'pieter@verkoop.example', threadId: '19cb2f7f30052e6b', subject: 'Offerte bouwmaterialen Q2' });
    expect(t!.messages.map((m) => [m.id, m.from.email, m.to.map((p) => p.email), m.cc.map((p) => p.email), new Date(m.at).toISOString(), m.direction])).toEqual(
      [
        ['19cb2f7f30052e6b', pieter.email, [jan.email], [], '2026-03-03T09:12:00.000Z', 'out'],
        ['19cbe775ea0f2a74', jan.email, [pieter.email], [marieke.email], '2026-03-05T14:47:00.000Z', 'in'],
        ['19cbe851a40269e0', pieter.email, [jan.email], [marieke.email], '2026-03-05T15:02:00.000Z', 'out'],
      ],
    );
    expect(t!.messages[1]!.from).toEqual(jan);
    expect(t!.external).toEqual([jan, marieke]);
  });

  it('keeps a short snippet without the quoted earlier message', () => {
    const t = extractThread(pageAt(THREAD_URL, thread()), THREAD_URL)!;
    expect(t.messages[1]!.snippet).toMatch(/^Hoi Pieter, Dank voor je mail\./);
    expect(t.messages[1]!.snippet).not.toContain('schreef Pieter Bos');
    for (const m of t.messages) expect(m.snippet.length).toBeLessThanOrEqual(500);
  });

  it('ignores the hidden inbox view above the thread', () => {
    const t = extractThread(pageAt(THREAD_URL, thread()), THREAD_URL)!;
    const everyone = t.messages.flatMap((m) => [m.from, ...m.to, ...m.cc]).map((p) => p.email);
    expect(everyone).not.toContain('karin@bakkerij-zon.example');
    expect(everyone).not.toContain('noreply@leverancier.example');
  });

  it('finds no thread in the inbox', () => {
    expect(extractThread(pageAt(INBOX_URL, fixture('gmail/inbox-2024.html')), INBOX_URL)).toBeNull();
  });

  it('reads the signed-in user from the account button, or else the page title', () => {
    expect(signedInUser(pageAt(INBOX_URL, fixture('gmail/inbox-2024.html')))).toBe('pieter@verkoop.example');
    const noButton = thread().replace(/aria-label="Google Account:[^"]*"/, 'aria-label="Account"');
    expect(signedInUser(pageAt(THREAD_URL, noButton))).toBe('pieter@verkoop.example');
  });

  it('Dutch Gmail: "aan", "cc:" and "Google-account"', () => {
    const html = thread()
      .replace('aria-label="Google Account: Pieter Bos', 'aria-label="Google-account: Pieter Bos')
      .replace(/<span class="hb">to /g, '<span class="hb">aan ')
      .replace(
        '<title>Offerte bouwmaterialen Q2 - pieter@verkoop.example - Verkoop BV Mail</title>',
        '<title>Offerte bouwmaterialen Q2 - pieter@verkoop.example - Verkoop BV e-mail</title>',
      );
    const t = extractThread(pageAt(THREAD_URL, html), THREAD_URL)!;
    expect(t.user).toBe('pieter@verkoop.example');
    expect(t.messages[1]!.cc.map((p) => p.email)).toEqual([marieke.email]);
    expect(t.external).toEqual([jan, marieke]);
  });

  it('several hidden views, one with an older thread: only the visible one counts', () => {
    const stale = `<div class="nH" style="display: none;"><div role="main"><h2 class="hP" data-legacy-thread-id="18aaaaaaaaaaaaaa">Oud draadje</h2>
      <div data-legacy-message-id="18aaaaaaaaaaaaaa"><h3><span email="karin@bakkerij-zon.example" name="Karin Zonneveld" class="gD">Karin</span></h3></div></div></div>`;
    const html = thread().replace('<!-- the visible view: an open conversation -->', `${stale}${stale.replace('display: none;', 'display:none')}`);
    const t = extractThread(pageAt(THREAD_URL, html), THREAD_URL)!;
    expect(t.threadId).toBe('19cb2f7f30052e6b');
    expect(t.external.map((p) => p.email)).toEqual([jan.email, marieke.email]);
  });

  it('leaves out a message that is not sent yet (a draft has no legacy id)', () => {
    const draft =
      '<div class="adn ads" data-message-id="#msg-a:r-123"><h3><span email="pieter@verkoop.example" name="Pieter Bos" class="gD">Pieter</span></h3></div>';
    const html = thread().replace('<div class="amn">', `${draft}<div class="amn">`);
    expect(extractThread(pageAt(THREAD_URL, html), THREAD_URL)!.messages).toHaveLength(3);
  });

  it('split pane: the thread beside the list is found in the visible view', () => {
    const html = thread().replace('<div class="nH" style="display: none;">', '<div class="nH">');
    const t = extractThread(pageAt(THREAD_URL, html), THREAD_URL)!;
    expect(t.threadId).toBe('19cb2f7f30052e6b');
    expect(t.external.map((p) => p.email)).toEqual([jan.email, marieke.email]);
  });

  it('times come from the message id', () => {
    expect(new Date(timeFromMessageId('19cbe775ea0f2a74')!).toISOString()).toBe('2026-03-05T14:47:00.000Z');
    expect(timeFromMessageId('zz')).toBeNull();
  });
});

describe('the thread list beside the sidebar', () => {
  it('gives the senders of the visible rows, without the signed-in user', () => {
    const url = 'https://mail.google.com/mail/u/0/#inbox';
    const senders = visibleSenders(pageAt(url, fixture('gmail/inbox-2024.html')));
    expect(senders.map((s) => s.email)).toEqual(expect.arrayContaining(['jan.devries@acme.example', 'karin@bakkerij-zon.example']));
    expect(senders.map((s) => s.email)).not.toContain('pieter@verkoop.example');
  });
});
