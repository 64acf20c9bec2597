/**
 * Where the extension may send a token: https anywhere, plain http only to
 * this machine (a local server). A token sent over plain http to another
 * host could be read on the way.
 */
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

export const isLoopback = (url: URL) => LOOPBACK_HOSTS.has(url.hostname);

export function serverUrlProblem(raw: string): 'invalid' | 'https-required' | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'invalid';
  }
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:' && isLoopback(url)) return null;
  return url.protocol === 'http:' ? 'https-required' : 'invalid';
}
