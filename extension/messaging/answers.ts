/**
 * What the background answers the sidebar with: the types the UI renders.
 * The server's parts are its routers' own output types, so a field the
 * server adds or drops is a compile error where the UI reads it.
 */
import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '../../server/routers';
import type { PhaseId } from '../../shared/phases';
import type { OpenPage, Trouble } from './protocol';

export type ServerOutputs = inferRouterOutputs<AppRouter>;
export type AccountView = ServerOutputs['accounts']['get'];
export type LinkedInMatch = ServerOutputs['accounts']['lookupLinkedIn'];
export type EmailLookup = ServerOutputs['accounts']['lookupEmails'];
export type SearchResults = ServerOutputs['accounts']['search'];

export type SidebarView =
  | { site: 'linkedin'; match: LinkedInMatch }
  | { site: 'gmail'; lookup: EmailLookup; neverLog: string[]; autoLog: boolean; status: ServerOutputs['activities']['threadStatus'] }
  | { site: 'today'; today: ServerOutputs['accounts']['today']; senders: EmailLookup | null };

/** What the sidebar shows of a write while it waits in the outbox. */
export type WriteSummary = { what: 'capture' | 'log' | 'accept' | 'dismiss' | 'move' | 'update' | 'activity'; label: string; to?: PhaseId };

/** A write the server refused for good, with its reason. */
export interface FailedWrite {
  clientId: string;
  summary: WriteSummary;
  message: string;
  at: number;
}

/**
 * Every frame request is answered with the page as scraped, what the team
 * knows about it (null when the server cannot say), and the writes still
 * waiting in the outbox, so the sidebar shows what the user did at once.
 */
export interface FrameAnswer {
  page: OpenPage;
  view: SidebarView | null;
  /** when the view is the last one the server gave (it cannot be reached now): since when */
  staleSince: number | null;
  trouble: { kind: Trouble; message: string } | null;
  pending: WriteSummary[];
  queued: number;
  failed: FailedWrite[];
  logged?: ServerOutputs['activities']['logThread'];
  /** messages of the open thread logged automatically (and not undone) */
  autoLogged: number;
}
