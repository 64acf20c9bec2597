import { escapePressed } from './escape';
import { useEffect } from 'preact/hooks';
import { useComputed, useSignal } from '@preact/signals';
import { sidebarCollapsed } from '../sidebar-collapsed';
import { label, t, troubleText } from '../i18n';
import { browser } from 'wxt/browser';
import { formatDate } from '../format';
import { phaseById, type PhaseId } from '../../shared/phases';
import type { SidebarView } from '../messaging/answers';
import { ask } from '../messaging/send';
import { GmailPanel } from './GmailPanel';
import { LinkedInPanel } from './LinkedInPanel';
import { OutboxNote } from './OutboxNote';
import { TodayPanel } from './TodayPanel';
import { AccountSearch } from './AccountSearch';
import { answer, coveredClick, load, notice, trouble, view } from './store';

const POLL_MS = 10_000;

function TroubleNote() {
  const tr = trouble.value!;
  const text = troubleText(tr.kind, tr.message);
  return (
    <div class="trouble" role="alert" data-status={tr.kind}>
      <p>{text}</p>
      <div class="row">
        {(tr.kind === 'not-configured' || tr.kind === 'unauthorized') && (
          <button type="button" data-action="open-options" onClick={() => ask({ type: 'open:options' })}>
            {t('openOptions')}
          </button>
        )}
        {tr.kind === 'unreachable' && (
          <button type="button" onClick={() => load()}>
            {t('retry')}
          </button>
        )}
      </div>
    </div>
  );
}

/** The phase of the account the page is about: the person's or company's on LinkedIn, the thread's first known account in Gmail. */
function currentPhase(v: SidebarView | null): PhaseId | null {
  if (v?.site === 'linkedin') return v.match.account?.phase ?? null;
  if (v?.site === 'gmail') return v.lookup.accounts[0]?.phase ?? null;
  return null;
}

export function App() {
  const collapsed = useSignal(false);
  // folded or not is remembered per site: the page's site is known once the first answer is in
  const site = useComputed(() => {
    const s = answer.value?.page.site;
    return s === 'linkedin' ? 'linkedin' : s ? 'gmail' : null;
  });
  useEffect(() => {
    if (site.value)
      void sidebarCollapsed(site.value)
        .getValue()
        .then((c) => (collapsed.value = c));
  }, [site.value]);
  useEffect(() => {
    void load();
    // while writes wait for the server, look again now and then: the outbox may have emptied meanwhile
    const timer = setInterval(() => (answer.value?.queued || trouble.value?.kind === 'unreachable') && void load(), POLL_MS);
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && (escapePressed.value += 1);
    document.addEventListener('keydown', onKey);
    // new settings saved in the options: this sidebar connects at once, no reload needed
    // … and shows a write made elsewhere (a keyboard command, the outbox sending) at once
    const onSettings = (changes: Record<string, unknown>, area: string) => area === 'local' && ('settings' in changes || 'outbox' in changes) && void load();
    browser.storage.onChanged.addListener(onSettings);
    return () => {
      clearInterval(timer);
      browser.storage.onChanged.removeListener(onSettings);
      document.removeEventListener('keydown', onKey);
    };
  }, []);
  const toggle = () => {
    collapsed.value = !collapsed.value;
    if (site.value) void sidebarCollapsed(site.value).setValue(collapsed.value);
  };
  if (collapsed.value) {
    const phase = currentPhase(view.value);
    return (
      <button type="button" class="expand" data-action="expand" title={t('expand')} aria-label={t('expand')} onClick={toggle}>
        ◀
        {phase ? (
          <span class="tab-phase" data-phase={phase}>
            {label(phaseById(phase).label)}
          </span>
        ) : (
          view.value?.site === 'linkedin' && <span class="tab-phase">{t('new')}</span>
        )}
      </button>
    );
  }
  const a = answer.value;
  const v = view.value;
  return (
    <div class="sidebar">
      <header class="top">
        <strong>phase-crm</strong>
        <span class="notice" role="status" data-status={notice.value ?? undefined}>
          {notice.value === 'saving' ? t('saving') : notice.value === 'saved' ? t('saved') : ''}
        </span>
        <button type="button" class="link" onClick={() => ask({ type: 'open:dashboard' })}>
          {t('dashboard')}
        </button>
        <button type="button" class="icon" data-action="collapse" title={t('collapse')} aria-label={t('collapse')} onClick={toggle}>
          ▶
        </button>
      </header>
      {coveredClick.value && (
        <p class="trouble" role="alert" data-status="covered">
          {t('clickIgnoredCovered')}
        </p>
      )}
      {trouble.value && <TroubleNote />}
      {a?.staleSince && (
        <p class="muted pad" data-status="stale">
          {t('notRefreshedSince')} {formatDate(a.staleSince)}
        </p>
      )}
      {!a && !trouble.value && <p class="muted pad">{t('loading')}</p>}
      <OutboxNote />
      {a?.page.site === 'linkedin' && <LinkedInPanel page={a.page.data} match={v?.site === 'linkedin' ? v.match : null} />}
      {a && !trouble.value && <AccountSearch />}
      {a?.page.site === 'today' && <TodayPanel today={v?.site === 'today' ? v.today : null} senders={v?.site === 'today' ? v.senders : null} />}
      {a?.page.site === 'gmail' && (
        <GmailPanel
          thread={a.page.data}
          lookup={v?.site === 'gmail' ? v.lookup : null}
          neverLog={v?.site === 'gmail' ? v.neverLog : []}
          status={v?.site === 'gmail' ? v.status : null}
          autoLogged={a.autoLogged}
        />
      )}
    </div>
  );
}
