/**
 * Messages to the background worker, the only part that talks to the server.
 * Every request is checked with zod on arrival: a content script runs in a
 * hostile page, and extension pages can be opened by anyone.
 */
import { z } from 'zod';
import { serverUrlProblem } from '../server-url';
import { USER_ROLES } from '../../shared/phases';
import { EXPORT_TABLE_NAMES } from '../../shared/intake';
import {
  exportOptions,
  importMapping,
  webFormInput,
  person,
  accountQuery,
  accountPatch,
  clientId,
  email,
  gmailThread,
  id,
  line,
  linkedInPage,
} from '../../shared/schemas';
import { sidebarWrite } from '../../shared/write-inputs';

const token = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/);

export const captureEdits = z
  .object({
    name: line(200).pipe(z.string().min(1)),
    companyName: line(200),
    headline: line(500),
  })
  .partial()
  .strict();
export type CaptureEdits = z.infer<typeof captureEdits>;

export const pageOpen = z.object({
  type: z.literal('page:open'),
  page: z.discriminatedUnion('site', [
    z.object({ site: z.literal('linkedin'), data: linkedInPage }),
    z.object({ site: z.literal('gmail'), data: gmailThread }),
    // beside the inbox (no thread open): the rep's day
    z.object({ site: z.literal('today'), data: z.object({ senders: z.array(person).max(50).default([]) }) }),
  ]),
});

/**
 * A sidebar frame without a token yet asks whether its tab waits for one: a frame the host page made
 * itself learns at once that it gets nothing, instead of after the handshake's wait.
 */
export const frameExpected = z.object({ type: z.literal('sidebar:expected') });

/** The sidebar's account search: answered with a list, not with the page's view. */
export const frameSearch = z.object({ type: z.literal('sidebar:search'), token, q: line(200) });

export const frameRequest = z.discriminatedUnion('type', [
  z.object({ type: z.literal('sidebar:view'), token }),
  // what the server said last time about this page, from storage, while the live view is on its way
  z.object({ type: z.literal('sidebar:cached'), token }),
  z.object({
    type: z.literal('sidebar:capture'),
    token,
    email: email.optional(),
    /** what the rep corrected in place before the one click: it wins over what the page showed */
    edits: captureEdits.optional(),
    /** the rep confirmed this profile is a contact the team met by e-mail */
    linkContactId: id.optional(),
    clientId,
  }),
  z.object({ type: z.literal('sidebar:logThread'), token, clientId }),
  z.object({ type: z.literal('sidebar:undoAutoLog'), token, clientId }),
  z.object({ type: z.literal('sidebar:linkContact'), token, contactId: id, email, clientId }),
  z.object({ type: z.literal('sidebar:dismissFailed'), token, clientId }),
  // a write on an account as the server takes it (shared/write-inputs.ts), queued in the outbox as it is
  z.object({ type: z.literal('sidebar:write'), token, write: sidebarWrite, clientId }),
]);

export const settingsSave = z.object({
  type: z.literal('settings:save'),
  serverUrl: z
    .string()
    .trim()
    .max(500)
    .url()
    .refine((u) => serverUrlProblem(u) === null, 'https:// is required for a server outside this computer'),
  token: z.string().trim().min(1).max(200),
});

export const extensionPageRequest = z.discriminatedUnion('type', [
  settingsSave,
  z.object({ type: z.literal('settings:get') }),
  // the saved address alone, from storage: a form shows it before anyone types (settings:get waits on the server)
  z.object({ type: z.literal('settings:address') }),
  z.object({ type: z.literal('settings:autoLog'), on: z.boolean() }),
  z.object({ type: z.literal('settings:neverLog'), entries: z.array(z.string().trim().toLowerCase().max(254)).max(500) }),
  z.object({ type: z.literal('open:options') }),
  z.object({ type: z.literal('reports:dashboard'), from: z.number().int().nonnegative(), to: z.number().int().nonnegative(), ownerId: id.optional() }),
  z.object({ type: z.literal('reports:captureHealth') }),
  z.object({ type: z.literal('users:list') }),
  z.object({ type: z.literal('users:invite'), email, name: line(200).pipe(z.string().min(1)), role: z.enum(USER_ROLES) }),
  z.object({ type: z.literal('users:setRole'), email, role: z.enum(USER_ROLES) }),
  z.object({ type: z.literal('users:revoke'), email }),
  z.object({ type: z.literal('privacy:export'), email: email.optional(), linkedinUrl: line(2000).pipe(z.url()).optional() }),
  z.object({ type: z.literal('privacy:erasePerson'), email: email.optional(), linkedinUrl: line(2000).pipe(z.url()).optional() }),
  z.object({ type: z.literal('privacy:eraseAccount'), accountId: id }),
  z.object({ type: z.literal('accounts:setOwner'), accountId: id, ownerId: id.nullable() }),
  z.object({ type: z.literal('accounts:get'), id }),
  accountQuery.extend({ type: z.literal('accounts:search') }),
  z.object({ type: z.literal('accounts:update'), accountId: id, patch: accountPatch }),
  z.object({ type: z.literal('open:dashboard') }),
  z.object({ type: z.literal('open:account'), id }),
  z.object({
    type: z.literal('intake:import'),
    /** the file's bytes, base64: its encoding (UTF-8 or Windows-1252) is read on the server */
    file: z.string().max(36_000_000),
    source: line(200).pipe(z.string().min(1)),
    owner: email.optional(),
    dryRun: z.boolean(),
    mapping: importMapping.optional(),
  }),
  exportOptions.extend({ type: z.literal('intake:export'), table: z.enum(EXPORT_TABLE_NAMES) }),
  z.object({ type: z.literal('forms:list') }),
  webFormInput.extend({ type: z.literal('forms:create') }),
]);

export type PageOpen = z.infer<typeof pageOpen>;
export type FrameRequest = z.infer<typeof frameRequest>;
/** a frame request as the sidebar writes it (before defaults and trimming) */
export type FrameRequestIn = z.input<typeof frameRequest>;
export type ExtensionPageRequest = z.infer<typeof extensionPageRequest>;
export type ExtensionPageRequestIn = z.input<typeof extensionPageRequest>;
export type OpenPage = PageOpen['page'];

/** Why the sidebar cannot show CRM data right now; each is said to the user in words. */
export type Trouble = 'not-configured' | 'unauthorized' | 'unreachable' | 'refused' | 'expired';

/** What the background answers every request with: data, or a reason a person can act on. */
export type Reply<T> = { ok: true; data: T } | { ok: false; trouble: Trouble; message: string };
