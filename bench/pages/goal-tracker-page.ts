// The page the goal-tracker bench loads (bundled by bench/goal-tracker.bench.ts with esbuild, in
// production mode): <mk-goal-tracker> with N goals, and a bare lit-html list of the same rows.
import { html, render } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { createMemoryStorage, createMentorKit, type MentorKit } from '@mentorkit/core';
import { goalProgress, goalsOf, type Goal } from '@mentorkit/core/goals';
import '@mentorkit/elements/goal-tracker/define.js';
import '@mentorkit/elements/celebration/define.js'; // so ours toasts its celebration, as on a real page
import type { MkGoalTracker } from '@mentorkit/elements';

const NOW = '2026-03-29T10:00:00Z';
const TODAY = '2026-03-29';
let kit: MentorKit;

interface BareRow {
  id: string;
  title: string;
  skill: string;
  status: string;
  due: string;
  dueText: string;
  percent: number;
  milestones: Array<{ id: string; title: string; done: boolean }>;
}

async function setup(count: number): Promise<void> {
  const week = { 1: ['09:00-17:00'] };
  const storage = createMemoryStorage({
    seed: {
      programs: [{ id: 'prog', name: 'Programme', adminIds: ['admin'] }],
      people: [
        { id: 'ana', displayName: 'Ana', roles: ['mentee'], timeZone: 'Europe/London', workingHours: week, programIds: ['prog'] },
        { id: 'kenji', displayName: 'Kenji', roles: ['mentor'], timeZone: 'Asia/Tokyo', workingHours: week, programIds: ['prog'] },
      ],
      pairings: [{ id: 'p', programId: 'prog', menteeId: 'ana', mentorIds: ['kenji'], status: 'active', kind: 'official', reasons: [] }],
      goals: Array.from({ length: count }, (_, index) => ({
        id: `g-${String(index).padStart(4, '0')}`,
        pairingId: 'p',
        ownerId: 'ana',
        visibility: 'pairing',
        archived: false,
        title: `Goal number ${index}: run ${index % 7} retrospectives`,
        skill: ['agility', 'time management', 'self-management'][index % 3],
        startDate: '2026-03-01',
        dueDate: `2026-0${4 + (index % 5)}-15`,
        milestones: [
          { id: `m-${index}-a`, title: 'Book a room', done: index % 2 === 0 },
          { id: `m-${index}-b`, title: 'Run the first one', dueDate: '2026-04-10', done: false },
          { id: `m-${index}-c`, title: 'Share the notes', done: false },
        ],
        createdAt: '2026-03-01T09:00:00Z',
      })),
    },
  });
  kit = createMentorKit({ storage, user: 'ana', now: () => NOW });
  const goals = goalsOf(kit);
  await kit.ready;
  await new Promise<void>((resolve) => {
    if (goals.$goals.get().length === count) return resolve();
    const off = goals.$goals.listen((list) => {
      if (list.length === count) {
        off();
        resolve();
      }
    });
  });
}

let host: HTMLElement | undefined;
/** The element the current list lives in. */
const container = () => host!;
/** A fresh, empty element to render into (so every first render starts from nothing). */
function freshContainer(): HTMLElement {
  host = document.createElement('div');
  document.getElementById('stage')!.replaceChildren(host);
  return host;
}
const layout = () => document.body.offsetHeight;
/** Lets the browser finish a frame (paint, content-visibility bookkeeping) before the next measurement. */
const settle = () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 0))));

async function renderOurs(): Promise<{ ms: number; rows: number }> {
  freshContainer();
  await new Promise((resolve) => setTimeout(resolve, 20));
  const started = performance.now();
  const tracker = document.createElement('mk-goal-tracker') as MkGoalTracker;
  tracker.kit = kit;
  tracker.filter = 'all';
  tracker.locale = 'en-GB';
  tracker.manualReview = true;
  container().append(tracker);
  await tracker.updateComplete;
  layout();
  const ms = performance.now() - started;
  return { ms, rows: tracker.shadowRoot!.querySelectorAll('[part~="goal"]').length };
}

async function toggleOurs(): Promise<{ ms: number; done: boolean; store: number; render: number }> {
  const tracker = container().querySelector('mk-goal-tracker') as MkGoalTracker;
  const goals = goalsOf(kit);
  await settle();
  const box = tracker.shadowRoot!.querySelector<HTMLInputElement>('[data-goal-id="g-0500"] [part~="milestone-checkbox"]:not(:checked)')!;
  const changed = new Promise<void>((resolve) => {
    const off = goals.$goals.listen(() => {
      off();
      resolve();
    });
  });
  const started = performance.now();
  box.click();
  await changed;
  const storeMs = performance.now() - started;
  await tracker.updateComplete;
  const renderMs = performance.now() - started;
  layout();
  const ms = performance.now() - started;
  const done = tracker.shadowRoot!.querySelectorAll('[data-goal-id="g-0500"] [part~="milestone"]')[1]?.hasAttribute('data-done') === true;
  // Put it back (not measured) so every run toggles the same milestone.
  const goal = goals.get('g-0500');
  for (const milestone of goal.milestones) if (milestone.done && milestone.id !== 'm-500-a') await goals.reopenMilestone('g-0500', milestone.id!);
  await tracker.updateComplete;
  return { ms, done, store: storeMs, render: renderMs - storeMs };
}

function bareRow(goal: Goal): BareRow {
  const progress = goalProgress(goal, TODAY);
  return {
    id: goal.id,
    title: goal.title,
    skill: goal.skill ?? '',
    status: progress.status,
    due: goal.dueDate ?? '',
    dueText: goal.dueDate ?? '',
    percent: Math.round(progress.percent),
    milestones: goal.milestones.map((milestone) => ({ id: milestone.id!, title: milestone.title, done: milestone.done })),
  };
}
const bareRows = (): BareRow[] => goalsOf(kit).$goals.get().map(bareRow);
/** The reference's update: only the changed goal's row is rebuilt (from the store), then lit-html diffs the list. */
const bareUpdate = (id: string) => (rows = rows.map((row) => (row.id === id ? bareRow(goalsOf(kit).get(id)) : row)));

let rows: BareRow[] = [];
const bareTemplate = (list: BareRow[]) => html`<ul>
  ${repeat(
    list,
    (row) => row.id,
    (row) => html`<li data-status=${row.status}>
      <div><h3>${row.title}</h3><span>${row.status}</span></div>
      <p><span>${row.skill}</span><span>Due <time datetime=${row.due}>${row.dueText}</time></span></p>
      <div role="progressbar" aria-label=${row.title} aria-valuemin="0" aria-valuemax="100" aria-valuenow=${row.percent}><div style="inline-size: ${row.percent}%"></div></div>
      <ul>${row.milestones.map((milestone) => html`<li ?data-done=${milestone.done}><label><input type="checkbox" .checked=${milestone.done} /><span>${milestone.title}</span></label></li>`)}</ul>
      <div><button type="button">Edit</button><button type="button">Archive</button></div>
    </li>`,
  )}
</ul>`;

async function renderBare(): Promise<{ ms: number; rows: number }> {
  freshContainer();
  await new Promise((resolve) => setTimeout(resolve, 20));
  const started = performance.now();
  rows = bareRows();
  render(bareTemplate(rows), container());
  layout();
  const ms = performance.now() - started;
  return { ms, rows: container().querySelectorAll('li[data-status]').length };
}

/**
 * The reference toggle does the same work as ours where it is not rendering: the same command through
 * core (validate, policy, write, store) on the same milestone, then rebuilds that goal's row from the
 * store and re-renders the list (lit-html diffs all 1,000 rows and touches the changed one).
 */
async function toggleBare(): Promise<{ ms: number; done: boolean; store: number }> {
  await settle();
  const goals = goalsOf(kit);
  const started = performance.now();
  await goals.completeMilestone('g-0500', 'm-500-b');
  const store = performance.now() - started;
  bareUpdate('g-0500');
  render(bareTemplate(rows), container());
  layout();
  const ms = performance.now() - started;
  const index = rows.findIndex((row) => row.id === 'g-0500');
  const done = container().querySelectorAll('li[data-status]')[index]?.querySelectorAll('li')[1]?.hasAttribute('data-done') === true;
  await goals.reopenMilestone('g-0500', 'm-500-b');
  bareUpdate('g-0500');
  render(bareTemplate(rows), container());
  return { ms, done, store };
}

Object.assign(globalThis, { goalBench: { setup, renderOurs, toggleOurs, renderBare, toggleBare } });
