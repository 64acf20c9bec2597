/**
 * The origins the API answers from a browser: the extension's own stable id
 * (the manifest key), and any listed in EXTENSION_ORIGINS (a store build's
 * id, a Firefox install's moz-extension origin), comma-separated.
 */
import { EXTENSION_ID } from '../shared/extension-id';

const ORIGIN = /^(chrome-extension|moz-extension|safari-web-extension):\/\/[a-z0-9-]+$/i;

export function allowedOrigins(extra: string[] = []): Set<string> {
  const listed = extra.map((o) => o.trim().replace(/\/+$/, '')).filter(Boolean);
  const bad = listed.filter((o) => !ORIGIN.test(o));
  if (bad.length) throw new Error(`EXTENSION_ORIGINS: not an extension origin: ${bad.join(', ')}`);
  return new Set([`chrome-extension://${EXTENSION_ID}`, ...listed]);
}
