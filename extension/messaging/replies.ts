/**
 * What the background answers each message with, by the message's type. The
 * background's handlers are checked against this table, and `ask` returns the
 * entry for the message it sends: no caller states its own reply type.
 */
import type { ImportReport } from '../../shared/intake';
import type { FrameAnswer, SearchResults, ServerOutputs as Out } from './answers';
import type { ExtensionPageRequest, FrameRequest, Trouble } from './protocol';

export type Me = Out['me']['get'];
/** the options page's view of the connection */
export type SettingsState = { serverUrl: string; connected: boolean; me?: Me; trouble?: { kind: Trouble; message: string } };

type FrameReplies = { [K in Exclude<FrameRequest['type'], 'sidebar:cached'>]: FrameAnswer } & {
  'sidebar:cached': FrameAnswer | null;
  'sidebar:search': SearchResults;
  'sidebar:expected': boolean;
};

type PageReplies = {
  'settings:get': SettingsState;
  'settings:address': { serverUrl: string };
  'settings:save': Me;
  'settings:autoLog': Out['me']['setAutoLog'];
  'settings:neverLog': Out['me']['setNeverLog'];
  'open:options': null;
  'open:dashboard': null;
  'open:account': null;
  'reports:dashboard': Out['reports']['dashboard'];
  'reports:captureHealth': Out['reports']['captureHealth'];
  'users:list': Out['users']['list'];
  'users:invite': Out['users']['invite'];
  'users:setRole': Out['users']['setRole'];
  'users:revoke': Out['users']['revoke'];
  'privacy:export': Out['privacy']['exportPerson'];
  'privacy:erasePerson': Out['privacy']['erasePerson'];
  'privacy:eraseAccount': Out['privacy']['eraseAccount'];
  'accounts:setOwner': Out['accounts']['setOwner'];
  'accounts:get': Out['accounts']['get'];
  'accounts:search': Out['accounts']['search'];
  'accounts:update': Out['accounts']['update'];
  'intake:import': ImportReport;
  'intake:export': { name: string; text: string };
  'forms:list': Out['forms']['list'];
  'forms:create': Out['forms']['create'];
};

// every message type has exactly one reply type: a new message without one does not compile
type Exhaustive<T extends Record<ExtensionPageRequest['type'], unknown>> = T;
export type Replies = FrameReplies & Exhaustive<PageReplies>;
export type MessageType = keyof Replies;
