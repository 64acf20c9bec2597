/**
 * Import and export go to the server's plain HTTP routes (a file is bytes,
 * an export is a stream); the background holds the token, so they pass here.
 */
import type { Reply } from '../messaging/protocol';
import type { ImportMapping, ImportReport } from '../../shared/intake';
import type { Settings } from './settings';
import { failWith, isTransient } from './api';

const TIMEOUT_MS = 5 * 60_000;

async function request(s: Settings, path: string, init: RequestInit = {}): Promise<Reply<Response>> {
  let res: Response;
  try {
    res = await fetch(`${s.serverUrl.replace(/\/+$/, '')}${path}`, {
      ...init,
      headers: { ...(init.headers as Record<string, string>), Authorization: `Bearer ${s.token}` },
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch {
    return failWith('unreachable');
  }
  if (res.ok) return { ok: true, data: res };
  if (res.status === 401) return failWith('unauthorized');
  const message = await res.json().then(
    (b: { error?: unknown }) => (typeof b.error === 'string' ? b.error : ''),
    () => '',
  );
  if (isTransient(res.status) && !message) return failWith('unreachable');
  return { ok: false, trouble: 'refused', message: message || `The server answered ${res.status}` };
}

const bytesOf = (base64: string) => Uint8Array.from(atob(base64), (ch) => ch.charCodeAt(0));

export async function importFile(
  s: Settings,
  base64: string,
  o: { source: string; owner?: string; dryRun: boolean; mapping?: ImportMapping },
): Promise<Reply<ImportReport>> {
  const q = new URLSearchParams({ source: o.source, dryRun: o.dryRun ? '1' : '0' });
  if (o.owner) q.set('owner', o.owner);
  if (o.mapping) q.set('mapping', JSON.stringify(o.mapping));
  const r = await request(s, `/import?${q}`, { method: 'POST', headers: { 'Content-Type': 'text/csv' }, body: bytesOf(base64) });
  // the server's import route answers with its report (shared/intake.ts)
  return r.ok ? { ok: true, data: (await r.data.json()) as ImportReport } : r;
}

export async function exportText(s: Settings, table: string, format: 'csv' | 'jsonl', delimiter: ';' | ','): Promise<Reply<{ name: string; text: string }>> {
  const r = await request(s, `/export/${encodeURIComponent(table)}?${new URLSearchParams({ format, delimiter })}`);
  return r.ok ? { ok: true, data: { name: `${table}.${format}`, text: await r.data.text() } } : r;
}
