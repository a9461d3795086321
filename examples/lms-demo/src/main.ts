/**
 * Acme Learning — the LMS demo host. It shows the three ways a host uses MentorKit:
 * the SDK (createMentorKit on the IndexedDB default), a drop-in element (<mk-pairing-card> inside
 * <mk-provider>, given the host's client through `.kit`), and domain events and stores for the
 * host's own UI (the details panel and the admin overview below).
 */
import { html, nothing, render } from 'lit';
import { unreadCountsOf } from '@mentorkit/core/messaging';
import { pairingFeature } from '@mentorkit/core/pairing';
import {
  createMentorKit,
  isMentorKitError,
  pairingMembers,
  type MentorKit,
  type Pairing,
  type PairingStatus,
  type Person,
  type StorageAdapter,
} from '@mentorkit/core';
import { createIndexedDbStorage } from '@mentorkit/storage-indexeddb';
import { createRestStorage, localStorageQueue, type RestStorage } from '@mentorkit/storage-rest';
import '@mentorkit/elements/define-all.js';
import { failedWriteText } from '@mentorkit/elements';
import { DEMO_VIEWERS, seedDemoProgram } from '../../shared/demo-program.js';
import type { DemoPanel, DemoPanelContext } from './panels/panel.js';
import { goalsPanel } from './panels/goals.js';
import { coachingPanel } from './panels/coaching.js';
import { schedulePanel } from './panels/schedule.js';
import { conversationPanel } from './panels/conversation.js';
import { pairingBoardPanel } from './panels/pairing-board.js';
import { notificationsPanel } from './panels/notifications.js';
import { reportPanel } from './panels/report.js';
import { certificatePanel } from './panels/certificate.js';
import { concernsPanel } from './panels/concerns.js';

/** Feature panels, in page order. Each owns one `<section>` of index.html (see panels/panel.ts). */
const PANELS: readonly DemoPanel[] = [
  pairingBoardPanel,
  goalsPanel,
  coachingPanel,
  schedulePanel,
  conversationPanel,
  notificationsPanel,
  concernsPanel,
  certificatePanel,
  reportPanel,
];

type ViewAs = keyof typeof DEMO_VIEWERS;
const DATABASE_NAME = 'acme-mentoring-demo';
const ROLE_LABEL: Record<string, string> = { mentee: 'Mentee', mentor: 'Mentor', 'co-mentor': 'Co-mentor', admin: 'Programme admin' };

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const provider = byId<HTMLElement & { kit?: MentorKit }>('provider');
const viewAsSelect = byId<HTMLSelectElement>('view-as');
const statusLine = byId<HTMLParagraphElement>('demo-status');
const detailsSection = byId<HTMLElement>('details');
const detailsBody = byId<HTMLDivElement>('details-body');
const overviewSection = byId<HTMLElement>('admin-overview');
const overviewBody = byId<HTMLDivElement>('overview-body');
const themeToggle = byId<HTMLButtonElement>('theme-toggle');
const workingWith = byId<HTMLDivElement>('working-with');
const currentPairingSelect = byId<HTMLSelectElement>('current-pairing');
const languageSelect = byId<HTMLSelectElement>('language');

const searchParams = new URLSearchParams(location.search);
/**
 * `?storage=rest&api=http://127.0.0.1:8787` runs the demo on MentorKit's server
 * (`npx mentorkit-server --dev-auth --seed-demo`) instead of this browser's IndexedDB.
 */
const restApi = searchParams.get('storage') === 'rest' ? (searchParams.get('api') ?? 'http://127.0.0.1:8787') : undefined;
/**
 * The demo's sign-in: a short-lived token for the viewer from the server's development endpoint
 * (`POST /dev/token`, served only with --dev-auth on loopback), kept until a minute before it
 * expires. A real host returns the token of its own session here instead.
 */
function devTokenFor(personId: string): (options: { refresh: boolean }) => Promise<string> {
  let cached: { token: string; expiresAt: number } | undefined;
  return async ({ refresh }) => {
    if (!refresh && cached && cached.expiresAt - Date.now() > 60_000) return cached.token;
    const response = await fetch(`${restApi}/dev/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ personId }),
    });
    if (!response.ok) throw new Error(`POST /dev/token answered ${response.status}; start the server with --dev-auth`);
    const { token, expiresAt } = (await response.json()) as { token: string; expiresAt: string };
    cached = { token, expiresAt: Date.parse(expiresAt) };
    return token;
  };
}
/** One REST adapter per viewer: signed in as that person, with an offline queue of their own. */
function restStorageFor(personId: string): StorageAdapter {
  return createRestStorage({
    baseUrl: restApi!,
    getToken: devTokenFor(personId),
    offlineQueue: { persistence: localStorageQueue(`acme-demo-rest-queue:${personId}`) },
  });
}
let storage: StorageAdapter = restApi ? restStorageFor(DEMO_VIEWERS.mentee) : createIndexedDbStorage({ databaseName: DATABASE_NAME });

/**
 * `?now=2026-12-01T23:00:00Z` starts the demo's clock at that instant (it then runs on), so a
 * walkthrough or test can show "a week later" without waiting. Without it, the real clock.
 */
function demoClock(): (() => Date) | undefined {
  const start = new URLSearchParams(location.search).get('now');
  if (!start || Number.isNaN(Date.parse(start))) return undefined;
  const offset = Date.parse(start) - Date.now();
  return () => new Date(Date.now() + offset);
}
const clock = demoClock();
let kit: MentorKit | undefined;
let selectedPairingId: string | undefined;
let unsubscribers: Array<() => void> = [];
let panelCleanups: Array<() => void> = [];

function setStatus(message: string, kind: 'info' | 'error' = 'info') {
  statusLine.textContent = message;
  statusLine.dataset.kind = kind;
  statusLine.setAttribute('role', kind === 'error' ? 'alert' : 'status');
}

function initialViewAs(): ViewAs {
  const fromUrl = new URLSearchParams(location.search).get('as');
  if (fromUrl && fromUrl in DEMO_VIEWERS) return fromUrl as ViewAs;
  const stored = localStorage.getItem('acme-demo-view-as');
  return stored && stored in DEMO_VIEWERS ? (stored as ViewAs) : 'mentee';
}

/**
 * The widgets follow the page's `<html lang>`: switching it re-renders every MentorKit element in that
 * language (English and Spanish ship; hosts add more with registerMessages). The host page's own chrome
 * stays in English here.
 */
function applyLanguage(language: string) {
  const value = language === 'es' ? 'es' : 'en';
  document.documentElement.lang = value;
  languageSelect.value = value;
  localStorage.setItem('acme-demo-language', value);
  // Core's sentences on the host's own panel (why a pairing fits) follow the language too (Spanish loads on first use).
  if (kit) renderDetails(kit);
  if (value === 'es') void import('@mentorkit/core/es').then((module) => (module.registerSpanish(), kit && renderDetails(kit)));
}

function applyTheme(theme: 'light' | 'dark') {
  document.documentElement.dataset.mkTheme = theme;
  themeToggle.setAttribute('aria-pressed', String(theme === 'dark'));
  localStorage.setItem('acme-demo-theme', theme);
}

const nameOf = (people: Readonly<Record<string, Person>>, id: string) => people[id]?.displayName ?? id;

/** Writes the REST adapter holds until the server is back (0 on IndexedDB, which is never offline). */
function queuedWrites(): number {
  const pending = (storage as Partial<RestStorage>).pendingWrites;
  return typeof pending === 'function' ? pending.call(storage).length : 0;
}

const waitingMessage = (waiting: number) =>
  `Saved on this device: ${waiting === 1 ? '1 change waits' : `${waiting} changes wait`} for the server and will be sent when it is back.`;
let queueTimer: ReturnType<typeof setInterval> | undefined;
let shownWaiting = 0;
/** Changes the server refused since the status line last said what was waiting (see watchQueuedWrites). */
let refusedSinceQueued = 0;
/** While the REST adapter holds writes, keeps the status line on it, and says when they have all gone. */
function watchQueuedWrites(announce = true) {
  const waiting = queuedWrites();
  if (waiting === 0 || queueTimer !== undefined) return;
  if (announce) setStatus(waitingMessage(waiting));
  shownWaiting = waiting;
  refusedSinceQueued = 0;
  queueTimer = setInterval(() => {
    const now = queuedWrites();
    if (now > 0) {
      if (now !== shownWaiting) setStatus(waitingMessage((shownWaiting = now)));
      return;
    }
    clearInterval(queueTimer);
    queueTimer = undefined;
    // Never "every change reached the server" when the server refused some: <mk-provider> lists them.
    if (refusedSinceQueued === 0) setStatus('Every change made offline has reached the server.');
    else
      setStatus(
        `The server is back, but ${refusedSinceQueued === 1 ? '1 change made offline was not saved' : `${refusedSinceQueued} changes made offline were not saved`}: see the notice at the bottom of the window.`,
        'error',
      );
  }, 1000);
}

/**
 * A change the storage had accepted and the server later refused (the REST adapter's offline queue):
 * the status line says which, in the same words as <mk-provider>'s notice, and why.
 */
function reportFailedWrites(current: MentorKit): () => void {
  let known = current.$failedWrites.get().length;
  return current.$failedWrites.listen((failures) => {
    if (kit !== current) return;
    const added = failures.length - known;
    known = failures.length;
    if (added <= 0) return;
    refusedSinceQueued += added;
    const newest = failedWriteText(current, failures[failures.length - 1]!);
    setStatus(added === 1 ? newest : `${added} changes were not saved. The last one: ${newest}`, 'error');
  });
}

async function run(action: () => Promise<unknown>, success: string) {
  try {
    await action();
    const waiting = queuedWrites();
    // Offline on the REST backend the change is kept on this device, not yet on the server: say so.
    setStatus(waiting === 0 ? success : `${success} ${waitingMessage(waiting)}`);
    watchQueuedWrites(false);
  } catch (error) {
    setStatus(isMentorKitError(error) ? error.message : `Something went wrong: ${String(error)}`, 'error');
  }
}

/** Buttons for exactly the status changes core allows this person now (transitions and policy). */
function statusActions(current: MentorKit, pairing: Pairing) {
  const label = (status: PairingStatus) =>
    status === 'active' ? (pairing.status === 'paused' ? 'Resume pairing' : 'Activate pairing') : status === 'paused' ? 'Pause pairing' : 'Close pairing';
  return html`<div class="lms-actions">
    ${current.pairings.allowedStatusChanges(pairing.id).map(
      (status) => html`<button type="button" class="lms-button ${status === 'closed' ? 'lms-button--secondary' : ''}" data-action=${status}
        @click=${() => {
          if (status === 'closed' && !confirm('Close this pairing? Closing is final.')) return;
          void run(() => current.pairings.setStatus(pairing.id, status), `${label(status)}: done.`);
        }}>${label(status)}</button>`,
    )}
  </div>`;
}

/**
 * The "Working with" picker for people with several pairings: it sets the client's current pairing,
 * which every MentorKit panel follows (so does picking a pairing on <mk-pairing-card>), and it shows
 * the current one whoever changed it, with each pairing's unread messages (core's `unreadCountsOf`).
 */
function renderWorkingWith(current: MentorKit) {
  const people = current.$people.get();
  const mine = current.$myPairings.get().filter((pairing) => pairing.status !== 'closed');
  const unread = unreadCountsOf(current).get().pairings;
  workingWith.hidden = mine.length < 2;
  const label = (pairing: Pairing) => {
    const names = pairingMembers(pairing)
      .filter((member) => member.personId !== current.user.id)
      .map((member) => nameOf(people, member.personId))
      .join(' and ');
    const count = unread[pairing.id]?.total ?? 0;
    return count > 0 ? `${names} (${count} unread)` : names;
  };
  render(
    html`${mine.map((pairing) => html`<option value=${pairing.id} ?selected=${pairing.id === current.$currentPairingId.get()}>${label(pairing)}</option>`)}`,
    currentPairingSelect,
  );
  currentPairingSelect.value = current.$currentPairingId.get() ?? '';
}

/**
 * "Why this pairing", worded now: from the members' current profiles, for this week's clocks (or the
 * week it starts) and in the page's language (core's `reasonsFor`) — not the sentences stored when the
 * pairing was made, which stay in one language and quote that week's time zones.
 */
function whyThisPairing(current: MentorKit, pairing: Pairing) {
  let reasons: string[];
  try {
    reasons = current.use(pairingFeature).reasonsFor(pairing.id, { locale: document.documentElement.lang || 'en' });
  } catch {
    reasons = pairing.reasons ?? [];
  }
  return reasons.length > 0
    ? html`<h3>Why this pairing</h3><ul data-testid="details-reasons">${reasons.map((reason) => html`<li>${reason}</li>`)}</ul>`
    : nothing;
}

function renderDetails(current: MentorKit) {
  const pairing = current.$pairings.get().find((candidate) => candidate.id === selectedPairingId);
  detailsSection.hidden = !pairing;
  if (!pairing) return render(nothing, detailsBody);
  const people = current.$people.get();
  render(
    html`<dl class="lms-facts">
        ${pairingMembers(pairing).map((member) => html`<dt>${ROLE_LABEL[member.role]}</dt><dd>${nameOf(people, member.personId)} · ${people[member.personId]?.timeZone ?? ''}</dd>`)}
        <dt>Status</dt><dd data-testid="details-status">${pairing.status}</dd>
        <dt>Kind</dt><dd>${pairing.kind}</dd>
        ${pairing.startedOn ? html`<dt>Started</dt><dd>${new Date(`${pairing.startedOn}T12:00:00Z`).toLocaleDateString(undefined, { dateStyle: 'long' })}</dd>` : nothing}
      </dl>
      ${whyThisPairing(current, pairing)}
      ${statusActions(current, pairing)}`,
    detailsBody,
  );
}

function renderOverview(current: MentorKit) {
  const program = current.$programs.get().find((candidate) => candidate.adminIds.includes(current.user.id));
  overviewSection.hidden = !program;
  if (!program) return render(nothing, overviewBody);
  const people = current.$people.get();
  const pairings = current.$pairings.get().filter((pairing) => pairing.programId === program.id);
  const counts = { active: 0, paused: 0, proposed: 0, closed: 0 } as Record<PairingStatus, number>;
  for (const pairing of pairings) counts[pairing.status]++;
  const paired = new Set(pairings.filter((pairing) => pairing.status !== 'closed').map((pairing) => pairing.menteeId));
  const waiting = Object.values(people).filter((person) => person.roles.includes('mentee') && person.programIds.includes(program.id) && !paired.has(person.id));
  const zones = new Set(
    Object.values(people)
      .filter((person) => person.programIds.includes(program.id))
      .map((person) => person.timeZone),
  );
  render(
    html`<ul class="lms-stats" aria-label="Pairings by status">
        ${(['active', 'paused', 'proposed', 'closed'] as const).map((status) => html`<li><strong data-testid="count-${status}">${counts[status]}</strong>${status}</li>`)}
        <li><strong>${waiting.length}</strong>waiting for a match</li>
        <li><strong>${zones.size}</strong>time zones</li>
      </ul>
      <div class="lms-table-scroll" role="region" aria-label="Every pairing" tabindex="0">
      <table class="lms-table">
        <caption class="visually-hidden">Every pairing in ${program.name}</caption>
        <thead><tr><th scope="col">Mentee</th><th scope="col">Mentor(s)</th><th scope="col">Status</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>
        <tbody>
          ${pairings.map(
            (pairing) => html`<tr data-pairing=${pairing.id}>
              <td>${nameOf(people, pairing.menteeId)}</td>
              <td>${pairing.mentorIds.map((id) => nameOf(people, id)).join(' + ')}</td>
              <td>${pairing.status}</td>
              <td><button type="button" class="lms-button lms-button--link" @click=${() => selectPairing(pairing.id)}>Details<span class="visually-hidden"> of ${nameOf(people, pairing.menteeId)}’s pairing</span></button></td>
            </tr>`,
          )}
        </tbody>
      </table>
      </div>
      ${waiting.length > 0 ? html`<h3>Waiting for a match</h3><p>${waiting.map((person) => person.displayName).join(', ')}</p>` : nothing}`,
    overviewBody,
  );
}

/** Mounts every feature panel for the current viewer (after unmounting the previous viewer's). */
function mountPanels(current: MentorKit, viewAs: ViewAs) {
  for (const cleanup of panelCleanups) cleanup();
  panelCleanups = [];
  // The panels' elements follow the client's current pairing themselves; the context says whether there is one.
  const context: DemoPanelContext = { kit: current, viewAs, pairingId: current.$currentPairingId.get(), setStatus };
  for (const panel of PANELS) {
    const section = byId<HTMLElement>(panel.id);
    const body = section.querySelector<HTMLElement>('.lms-panel-body') ?? section;
    const visible = panel.visible(context);
    section.hidden = !visible;
    if (!visible) continue;
    try {
      panelCleanups.push(panel.mount(body, context));
    } catch (error) {
      setStatus(`The ${panel.id} could not start: ${(error as Error).message}`, 'error');
    }
  }
}

/** The pairing card's (or the overview's) choice: show its details; the card has made it the current pairing already. */
function selectPairing(pairingId: string) {
  selectedPairingId = pairingId;
  if (kit && kit.$currentPairingId.get() !== pairingId) kit.selectPairing(pairingId);
  if (kit) renderDetails(kit);
  detailsSection.querySelector('h2')?.setAttribute('tabindex', '-1');
  (detailsSection.querySelector('h2') as HTMLElement | null)?.focus();
}

async function showAs(viewAs: ViewAs) {
  for (const unsubscribe of unsubscribers) unsubscribe();
  unsubscribers = [];
  for (const cleanup of panelCleanups) cleanup();
  panelCleanups = [];
  await kit?.dispose();
  if (restApi) {
    await storage.dispose?.();
    storage = restStorageFor(DEMO_VIEWERS[viewAs]);
  }
  selectedPairingId = undefined;
  localStorage.setItem('acme-demo-view-as', viewAs);
  viewAsSelect.value = viewAs;
  const url = new URL(location.href);
  url.searchParams.set('as', viewAs);
  history.replaceState(null, '', url);

  const current = createMentorKit({ storage, user: { id: DEMO_VIEWERS[viewAs] }, ...(clock ? { now: clock } : {}) });
  kit = current;
  provider.kit = current;
  const rerender = () => {
    if (kit !== current) return;
    renderDetails(current);
    renderOverview(current);
    renderWorkingWith(current);
  };
  unsubscribers.push(current.$pairings.listen(rerender), current.$people.listen(rerender), current.$programs.listen(rerender));
  unsubscribers.push(unreadCountsOf(current).listen(() => kit === current && renderWorkingWith(current)));
  // Every panel follows the current pairing; the details panel, once open, does too.
  unsubscribers.push(
    current.$currentPairingId.listen((pairingId) => {
      if (kit !== current) return;
      if (selectedPairingId !== undefined && pairingId !== undefined) selectedPairingId = pairingId;
      rerender();
    }),
  );
  unsubscribers.push(current.on('*', (event) => console.info('[acme] MentorKit event', event.type, event.recordId)));
  // On the REST backend, a widget's change made while the server is down waits on this device: say so,
  // and say when the queue has reached the server.
  unsubscribers.push(current.on('*', () => watchQueuedWrites()));
  unsubscribers.push(reportFailedWrites(current));
  try {
    await current.ready;
  } catch (error) {
    setStatus(`Could not load the mentoring data: ${(error as Error).message}`, 'error');
    return;
  }
  if (kit !== current) return;
  const me = current.$me.get();
  // Programme admins without pairings of their own get the overview instead of an empty card.
  byId('my-pairings').hidden = current.$myPairings.get().length === 0 && current.$programs.get().some((program) => program.adminIds.includes(current.user.id));
  const programme = current.$programs.get()[0];
  byId('programme-line').textContent = programme ? `${programme.name} · ${programme.description ?? ''}` : 'No programme yet';
  setStatus(me ? `Viewing as ${me.displayName} (${ROLE_LABEL[me.roles[0] ?? 'mentee']}) · ${me.timeZone}` : `Viewing as ${current.user.id}`);
  rerender();
  mountPanels(current, viewAs);
}

async function start() {
  applyTheme(localStorage.getItem('acme-demo-theme') === 'dark' ? 'dark' : 'light');
  applyLanguage(new URLSearchParams(location.search).get('lang') ?? localStorage.getItem('acme-demo-language') ?? 'en');
  languageSelect.addEventListener('change', () => applyLanguage(languageSelect.value));
  themeToggle.addEventListener('click', () => applyTheme(document.documentElement.dataset.mkTheme === 'dark' ? 'light' : 'dark'));
  viewAsSelect.addEventListener('change', () => void showAs(viewAsSelect.value as ViewAs));
  currentPairingSelect.addEventListener('change', () => kit?.selectPairing(currentPairingSelect.value || undefined));
  provider.addEventListener('mk-pairing-select', (event) => selectPairing((event as CustomEvent<{ pairingId: string }>).detail.pairingId));
  // A pair opened from the programme report: its details here, instead of following the report's link.
  provider.addEventListener('mk-pair-open', (event) => {
    event.preventDefault();
    selectPairing(event.detail.pairingId);
  });
  byId('reset-demo').addEventListener('click', async () => {
    if (!confirm('Delete every change you made and start again with the sample programme?')) return;
    await kit?.dispose();
    await storage.dispose?.();
    await new Promise<void>((resolve) => {
      const request = indexedDB.deleteDatabase(DATABASE_NAME);
      request.onsuccess = request.onerror = request.onblocked = () => resolve();
    });
    location.reload();
  });

  // On the REST backend the server seeds the programme (`--seed-demo`); a viewer may not.
  byId('reset-demo').hidden = Boolean(restApi);
  if (!restApi) {
    try {
      const seeded = await seedDemoProgram(storage);
      if (seeded) console.info('[acme] seeded the sample programme into IndexedDB');
    } catch (error) {
      setStatus(`Could not prepare the demo data: ${(error as Error).message}`, 'error');
      return;
    }
  }
  await showAs(initialViewAs());
}

void start();
