/**
 * Stopping the server (Ctrl-C on `npm start`) with a browser open: a browser
 * keeps connections open, some of which never sent a request (preconnects).
 * The stop must end them, not wait out the headers timeout (over a minute).
 */
import { describe, expect, it } from 'vitest';
import { connect } from 'node:net';
import { startServer } from '../../server/index';
import { tmpDbUrl } from '../helpers/tmp';

describe('stopping the server', () => {
  it('ends a connection that sent nothing and an idle keep-alive one, and stops', { timeout: 30_000 }, async () => {
    const server = await startServer({ PORT: 0, HOST: '127.0.0.1', DATABASE_URL: tmpDbUrl('stop') });
    const preconnect = connect(server.port, '127.0.0.1');
    await new Promise((r) => preconnect.once('connect', r));
    const ended = new Promise((r) => preconnect.once('close', r));
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
    await server.close();
    await ended;
    // stopped: nothing listens any more
    await expect(fetch(`${server.url}/health`)).rejects.toThrow();
  });
});
