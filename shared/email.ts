/** E-mail rules both sides apply: what a domain is, the privacy list, and the recipient limit for logging. */
import type { GmailThread } from './schemas';

export const domainOf = (email: string) => email.slice(email.lastIndexOf('@') + 1).toLowerCase();

/** Threads with more recipients than this are newsletters or mass mail: never offered for logging. */
export const MAX_LOGGED_RECIPIENTS = 20;

export const recipientCount = (t: GmailThread) => new Set(t.messages.flatMap((m) => [m.from, ...m.to, ...m.cc].map((p) => p.email))).size;

/** A user's privacy list holds addresses and whole domains. */
export const neverLogged = (neverLog: string[], email: string) => neverLog.includes(email) || neverLog.includes(domainOf(email));
