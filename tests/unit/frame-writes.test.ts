/**
 * The sidebar's writes on an account travel as the server's own input
 * (`shared/write-inputs.ts`): checked on arrival in the background, queued
 * in the outbox, sent by procedure path. Driven here against the real server.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { frameRequest, type OpenPage } from '../../extension/messaging/protocol';
import { answerFrame } from '../../extension/background/frame-requests';
import { saveSettings } from '../../extension/background/settings';
import { WRITE_INPUTS } from '../../shared/write-inputs';
import { appRouter } from '../../server/routers';
import { startServer } from '../../server/index';
import { createUser } from '../../server/domain/auth';
import { tmpDbUrl } from '../helpers/tmp';
import { jan } from '../helpers/data';

const token = 'frame-token-0123456789';
const page: OpenPage = { site: 'linkedin', data: jan };

describe('a sidebar write as a message', () => {
  const write = (w: unknown) => frameRequest.safeParse({ type: 'sidebar:write', token, clientId: 'client-0001', write: w });

  it('is checked against its own procedure input, and only the sidebar writes are taken', () => {
    expect(write({ path: 'accounts.move', input: { accountId: 'a1', to: 'prospect' } }).success).toBe(true);
    expect(write({ path: 'accounts.move', input: { accountId: 'a1', to: 'won' } }).success).toBe(false);
    expect(write({ path: 'accounts.move', input: { accountId: 'a1' } }).success).toBe(false);
    // a manager's write from the dashboard, not from the sidebar
    expect(write({ path: 'accounts.setOwner', input: { accountId: 'a1', ownerId: null } }).success).toBe(false);
    // the scraped page's writes are built by the background, never taken from the frame
    expect(write({ path: 'capture.linkedInPerson', input: { person: jan } }).success).toBe(false);
  });

  it('names a mutation of the server that takes a client id, for every entry', () => {
    type Procedure = { _def: { type: string; inputs: { shape?: Record<string, unknown> }[] } };
    for (const path of Object.keys(WRITE_INPUTS)) {
      const procedure = (appRouter._def.procedures as unknown as Record<string, Procedure | undefined>)[path];
      expect(procedure?._def.type, path).toBe('mutation');
      // the outbox sends every write with its client id: the server must take it (a repeat answers the first result)
      expect(procedure?._def.inputs[0]?.shape?.clientId, path).toBeDefined();
    }
  });
});

describe('a sidebar write through the outbox', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let accountId: string;

  beforeEach(async () => {
    fakeBrowser.reset();
    server = await startServer({ PORT: 0, HOST: '127.0.0.1', DATABASE_URL: tmpDbUrl('frame-writes') });
    const { token: apiToken } = await createUser(server.db, { email: 'pieter@verkoop.example', name: 'Pieter', team: 'Verkoop BV' });
    await saveSettings({ serverUrl: server.url, token: apiToken });
    const captured = await answerFrame({ type: 'sidebar:capture', token, clientId: 'capture-0001' }, page);
    expect(captured.view?.site === 'linkedin' && captured.view.match.account).toBeTruthy();
    if (captured.view?.site !== 'linkedin' || !captured.view.match.account) throw new Error('capture failed');
    accountId = captured.view.match.account.id;
  });
  afterEach(() => server.close());

  const logCall = (clientId: string) =>
    answerFrame(
      { type: 'sidebar:write', token, clientId, write: { path: 'activities.log', input: { accountId, type: 'call', subject: 'Intake call' } } },
      page,
    );
  const calls = async () => (await server.db.query.activities.findMany()).filter((a) => a.type === 'call');

  it('logs an activity once, however often the same click is sent again', async () => {
    const first = await logCall('log-call-0001');
    expect(first.trouble).toBeNull();
    expect(first.pending).toEqual([]);
    await logCall('log-call-0001');
    expect((await calls()).map((a) => a.subject)).toEqual(['Intake call']);
    await logCall('log-call-0002');
    expect(await calls()).toHaveLength(2);
  });

  it('moves the account and shows the new phase in the answer', async () => {
    const moved = await answerFrame(
      { type: 'sidebar:write', token, clientId: 'move-0001', write: { path: 'accounts.move', input: { accountId, to: 'prospect' } } },
      page,
    );
    expect(moved.trouble).toBeNull();
    expect(moved.view?.site === 'linkedin' && moved.view.match.account?.phase).toBe('prospect');
  });

  it('shows a refused write with the server’s reason and keeps nothing half done', async () => {
    const refused = await answerFrame(
      { type: 'sidebar:write', token, clientId: 'move-0002', write: { path: 'accounts.move', input: { accountId: 'no-such-account', to: 'prospect' } } },
      page,
    );
    expect(refused.failed.map((f) => f.summary)).toEqual([{ what: 'move', label: '', to: 'prospect' }]);
    expect(refused.failed[0]?.message).toMatch(/not found|unknown|no such/i);
    expect(refused.queued).toBe(0);
  });
});
