/**
 * A loopback proxy in front of the server that can swallow answers: with
 * `hold` on, a POST reaches the server (and commits), but its answer never
 * reaches the client. That is the moment a stopped worker loses. With a
 * `gate`, every request waits for it before it goes on: a slow server.
 */
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';

export async function holdProxy(target: string) {
  const upstream = new URL(target);
  const held: ServerResponse[] = [];
  /** the client write ids of every POST that passed, in order */
  const clientIds: string[] = [];
  let committed = 0;
  const state: { hold: boolean; gate?: Promise<void> } = { hold: false };
  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    // the request's body stays unread (paused) until it passes
    await state.gate;
    const swallow = state.hold && req.method === 'POST';
    const up = request({ hostname: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers: req.headers }, (answer) => {
      if (swallow) {
        committed++;
        answer.resume();
        held.push(res);
        return;
      }
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    up.on('error', () => res.destroy());
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const id = /"clientId":"([^"]+)"/.exec(Buffer.concat(chunks).toString())?.[1];
      if (req.method === 'POST' && id) clientIds.push(id);
    });
    req.pipe(up);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}`,
    state,
    swallowed: () => committed,
    clientIds,
    close: () =>
      new Promise<void>((r) => {
        for (const res of held) res.destroy();
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
