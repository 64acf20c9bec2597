/**
 * What the sidebar frame asks for. Writes go through the outbox: queued
 * first, then sent at once if the server answers; either way the answer
 * shows the page, what the server knows, and what is still pending.
 */
import type { FrameRequest, OpenPage } from '../messaging/protocol';
import { FIRST_PHASE, entryPhase } from '../../shared/phases';
import { makeApi, troubleFor, troubleOf } from './api';
import { loadSettings } from './settings';
import { deliveredResult, dismissFailed, enqueue, failedWrites, isAuthBlocked, queued } from './outbox';
import { deliver } from './delivery';
import { buildView, pageKey } from './views';
import type { FrameAnswer, WriteSummary } from '../messaging/answers';
import type { WriteOp } from './writes';
import { withEdits } from './capture-edits';
import { summaryOf } from './write-summaries';
import { autoLogDue, autoLoggedCount, forgetAutoLogged } from './auto-log';
import { cachedView, rememberView } from './view-cache';

type Write = { op: WriteOp; summary: WriteSummary };

/** The write a frame request stands for, or a message why it cannot be made on this page. */
function writeFor(req: Exclude<FrameRequest, { type: 'sidebar:view' | 'sidebar:cached' | 'sidebar:dismissFailed' }>, page: OpenPage): Write | string {
  switch (req.type) {
    case 'sidebar:capture': {
      if (page.site === 'linkedin') {
        const d = withEdits(page.data, req.edits);
        const summary = { what: 'capture' as const, label: d.name, to: FIRST_PHASE };
        return d.kind === 'person'
          ? { op: { path: 'capture.linkedInPerson', input: { person: d, ...(req.linkContactId ? { linkContactId: req.linkContactId } : {}) } }, summary }
          : { op: { path: 'capture.linkedInCompany', input: { company: d } }, summary };
      }
      if (page.site !== 'gmail') return 'Nothing to capture here';
      const person = page.data.external.find((p) => p.email === req.email) ?? (req.email ? undefined : page.data.external[0]);
      if (!person) return 'This person is not in the open thread';
      const wroteToUs = page.data.messages.some((m) => m.from.email === person.email);
      return {
        op: { path: 'capture.emailContact', input: { person, wroteToUs, threadId: page.data.threadId } },
        summary: { what: 'capture', label: person.name || person.email, to: entryPhase(wroteToUs) },
      };
    }
    case 'sidebar:logThread':
      if (page.site !== 'gmail') return 'Only a Gmail thread can be logged';
      return { op: { path: 'activities.logThread', input: { thread: page.data } }, summary: { what: 'log', label: page.data.subject } };
    case 'sidebar:undoAutoLog':
      if (page.site !== 'gmail') return 'Only a Gmail thread can be logged';
      return {
        op: { path: 'activities.undoThreadLog', input: { threadId: page.data.threadId, messageIds: page.data.messages.map((m) => m.id) } },
        summary: { what: 'log', label: page.data.subject },
      };
    case 'sidebar:linkContact':
      if (page.site !== 'gmail' || !page.data.external.some((p) => p.email === req.email)) return 'This address is not in the open thread';
      return {
        op: { path: 'accounts.addContactChannel', input: { contactId: req.contactId, email: req.email } },
        summary: { what: 'update', label: req.email },
      };
    case 'sidebar:write':
      return {
        // the client id doubles as a log's source key: a replayed log never makes a second activity
        op: req.write.path === 'activities.log' ? { ...req.write, input: { ...req.write.input, sourceKey: `sidebar:${req.clientId}` } } : req.write,
        summary: summaryOf(req.write),
      };
  }
}

/** The last known view of the page at once, without asking the server (null when there is none). */
export async function cachedAnswer(page: OpenPage): Promise<FrameAnswer | null> {
  const cached = await cachedView(pageKey(page));
  if (!cached) return null;
  return { page, view: cached.view, staleSince: cached.at, trouble: null, pending: [], queued: 0, failed: [], autoLogged: 0 };
}

export async function answerFrame(req: FrameRequest, page: OpenPage): Promise<FrameAnswer> {
  const settings = await loadSettings();
  const api = settings ? makeApi(settings) : null;
  const key = pageKey(page);
  let trouble: FrameAnswer['trouble'] = null;
  let logged: FrameAnswer['logged'];

  if (req.type === 'sidebar:dismissFailed') await dismissFailed(req.clientId);
  else if (req.type !== 'sidebar:view' && req.type !== 'sidebar:cached') {
    const write = writeFor(req, page);
    if (typeof write === 'string') trouble = { kind: 'refused', message: write };
    else {
      await enqueue({ clientId: req.clientId, op: write.op, pageKey: key, summary: write.summary });
      const report = await deliver(api, { force: true });
      if (report.stopped) trouble = troubleFor(report.stopped);
      // asked by id, not from this flush's report: a flush already running (the page's own view) may have sent it first
      if (req.type === 'sidebar:logThread') logged = ((await deliveredResult(req.clientId)) ?? undefined) as FrameAnswer['logged'];
    }
  }

  if (req.type === 'sidebar:undoAutoLog' && page.site === 'gmail') await forgetAutoLogged(page.data.threadId);

  let view: FrameAnswer['view'] = null;
  if (!api) trouble = troubleFor('not-configured');
  else if (await isAuthBlocked()) trouble = troubleFor('unauthorized');
  else if (!trouble || trouble.kind === 'refused') {
    try {
      view = await buildView(api, page);
      if (view.site === 'gmail' && page.site === 'gmail' && (await autoLogDue(api, view, page.data, key))) {
        view = await buildView(api, page);
      }
      await rememberView(key, view);
      // the server answers: whatever waited from earlier can go now
      if ((await queued()).length) {
        const report = await deliver(api, { force: true });
        if (report.delivered.length) view = await buildView(api, page);
      }
    } catch (e) {
      const t = troubleOf(e);
      if (!t.ok) trouble = { kind: t.trouble, message: t.message };
    }
  }

  // the server cannot say now: what it said last time, marked with its age
  let staleSince: number | null = null;
  if (!view && trouble?.kind === 'unreachable') {
    const cached = await cachedView(key);
    if (cached) [view, staleSince] = [cached.view, cached.at];
  }

  const queue = await queued();
  return {
    page,
    view,
    staleSince,
    trouble,
    pending: queue.filter((e) => e.pageKey === key).map((e) => e.summary),
    queued: queue.length,
    failed: await failedWrites(),
    logged,
    autoLogged: page.site === 'gmail' ? await autoLoggedCount(page.data.threadId) : 0,
  };
}
