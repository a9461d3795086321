// Issue 19, items 6/7: long text never breaks a layout. Every element renders at 320 px wide with
// 200-character unbroken strings in every text a person can type (names, headlines, titles, skills, units,
// messages, notes, answers), and nothing may stick out sideways: no element wider than its 320 px
// column, and no scroll area or clipped box with content wider than itself.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import { Collections, type MentorKit, type StorageAdapter } from '@mentorkit/core';
import { agreementsFeature } from '@mentorkit/core/agreements';
import { coachingFeature } from '@mentorkit/core/coaching';
import { goalsOf } from '@mentorkit/core/goals';
import { messagingFeature } from '@mentorkit/core/messaging';
import { sessionsFeature } from '@mentorkit/core/scheduling';
import { PROGRAM_ID, readyKit, seededStorage } from '../testing/fixtures.js';
import '../define-all.js';

/** 200 characters without a break opportunity. */
const LONG = `Supercalifragilistic${'x'.repeat(160)}expialidocious!!`.slice(0, 200);
const WIDTH = 320;

async function longTextStorage(): Promise<StorageAdapter> {
  const storage = await seededStorage();
  for (const id of ['lucia', 'kenji', 'arjun', 'daniel']) {
    const person = (await storage.get(Collections.people, id))!;
    await storage.put(Collections.people, {
      ...person,
      displayName: `${id}${LONG}`.slice(0, 200),
      headline: LONG,
      skills: [{ name: LONG.slice(0, 100), level: 5 }],
      wantsToLearn: [{ name: LONG.slice(0, 100), priority: 3 }],
    });
  }
  // A mentor with free seats and a waiting mentee, both with long names, for the pairing board.
  const kenji = (await storage.get(Collections.people, 'kenji'))!;
  const { revision: _revision, updatedAt: _updatedAt, ...mentor } = kenji;
  await storage.put(Collections.people, { ...mentor, id: 'free-mentor', displayName: `Free${LONG}`.slice(0, 200), capacity: 2 }, { expectedRevision: null });
  const mateo = (await storage.get(Collections.people, 'mateo'))!;
  await storage.put(Collections.people, {
    ...mateo,
    displayName: `Mateo${LONG}`.slice(0, 200),
    wantsToLearn: [{ name: LONG.slice(0, 100), priority: 3 }],
    languages: kenji.languages ?? ['en'],
  });
  const program = (await storage.get(Collections.programs, PROGRAM_ID))!;
  await storage.put(Collections.programs, { ...program, name: LONG });
  return storage;
}

async function fillWithLongText(storage: StorageAdapter): Promise<MentorKit> {
  const lucia = await readyKit(storage, 'lucia');
  await goalsOf(lucia).create({
    pairingId: 'p-lucia',
    title: LONG,
    skill: LONG.slice(0, 100),
    metric: { name: LONG.slice(0, 120), unit: LONG.slice(0, 40), start: 0, target: 3 },
    startDate: '2026-03-16',
    dueDate: '2026-04-30',
    milestones: [{ title: LONG }],
  });
  await lucia.use(messagingFeature).ready;
  await lucia.use(messagingFeature).send({ pairingId: 'p-lucia', text: LONG });
  const sessions = lucia.use(sessionsFeature);
  await sessions.book({ pairingId: 'p-lucia', title: LONG, agenda: LONG, start: '2026-03-30T08:00:00Z', durationMinutes: 60 });
  const coaching = lucia.use(coachingFeature);
  const run = await coaching.start({ pairingId: 'p-lucia', model: 'grow' });
  await coaching.answer(run.id, 'goal-what', LONG);
  await lucia.use(agreementsFeature).propose({
    pairingId: 'p-lucia',
    cadence: 'fortnightly',
    sessionMinutes: 60,
    channels: [{ kind: 'chat', detail: LONG.slice(0, 100) }],
    responseTimeHours: 48,
    participants: [
      { personId: 'lucia', timeZone: 'Europe/London', workingHours: { 1: ['09:00-17:00'] } },
      { personId: 'kenji', timeZone: 'Asia/Tokyo', workingHours: { 1: ['08:00-17:00'] } },
    ],
    sharedDocumentsUrl: `https://drive.example.com/${LONG}`,
    coachingModel: 'grow',
    checkInLevel: 'regular',
    notes: LONG,
  });
  await lucia.dispose();
  return readyKit(storage, 'lucia');
}

/** What sticks out of the column, as readable lines: boxes wider than the column, and scroll areas or clipped boxes wider than themselves. */
function overflowIn(column: HTMLElement): string[] {
  const limit = column.getBoundingClientRect().right + 1;
  const problems: string[] = [];
  const visit = (root: Element | ShadowRoot, path: string) => {
    for (const element of root.querySelectorAll<HTMLElement>('*')) {
      const name = `${path} ${element.localName}${element.getAttribute('part') ? `[part=${element.getAttribute('part')}]` : element.className && typeof element.className === 'string' ? `.${element.className.split(' ')[0]}` : ''}`;
      const style = getComputedStyle(element);
      if (style.display === 'none' || element.closest('.visually-hidden') || style.position === 'absolute' || style.position === 'fixed') continue;
      if (['input', 'textarea', 'select', 'option', 'svg', 'datalist'].includes(element.localName) || element instanceof SVGElement) continue;
      const rect = element.getBoundingClientRect();
      if (rect.width > 0 && rect.right > limit) problems.push(`${name} ends at ${Math.round(rect.right)} px (column ends at ${Math.round(limit - 1)})`);
      else if (style.overflowX !== 'visible' && element.scrollWidth > element.clientWidth + 1)
        problems.push(`${name} scrolls sideways: ${element.scrollWidth} > ${element.clientWidth}`);
      if (element.shadowRoot) visit(element.shadowRoot, name);
    }
  };
  visit(column, '');
  return [...new Set(problems)].slice(0, 12);
}

describe('long text at 320 px', () => {
  let kit: MentorKit;
  before(async () => {
    kit = await fillWithLongText(await longTextStorage());
  });
  after(async () => {
    await kit.dispose();
  });

  const cases: Array<[string, () => TemplateResult]> = [
    ['mk-pairing-card', () => html`<mk-pairing-card .kit=${kit}></mk-pairing-card>`],
    ['mk-goal-tracker', () => html`<mk-goal-tracker .kit=${kit}></mk-goal-tracker>`],
    ['mk-goal-editor', () => html`<mk-goal-editor .kit=${kit}></mk-goal-editor>`],
    ['mk-coaching-flow', () => html`<mk-coaching-flow .kit=${kit}></mk-coaching-flow>`],
    ['mk-icebreaker', () => html`<mk-icebreaker .kit=${kit} show-formats></mk-icebreaker>`],
    ['mk-agreement', () => html`<mk-agreement .kit=${kit}></mk-agreement>`],
    ['mk-scheduler', () => html`<mk-scheduler .kit=${kit}></mk-scheduler>`],
    ['mk-checkin', () => html`<mk-checkin .kit=${kit}></mk-checkin>`],
    ['mk-thread', () => html`<mk-thread .kit=${kit}></mk-thread>`],
    ['mk-session-feedback', () => html`<mk-session-feedback .kit=${kit}></mk-session-feedback>`],
    ['mk-feedback-insights', () => html`<mk-feedback-insights .kit=${kit} pairing-id="p-lucia"></mk-feedback-insights>`],
  ];

  for (const [tag, template] of cases) {
    it(`<${tag}> fits a 320 px column with 200-character unbroken strings`, async () => {
      const column = await fixture<HTMLDivElement>(html`<div style="inline-size: ${WIDTH}px" lang="en-GB">${template()}</div>`);
      const element = column.firstElementChild as HTMLElement & { updateComplete: Promise<unknown> };
      await element.updateComplete;
      await waitUntil(
        () =>
          element.shadowRoot!.querySelector('[part~="base"]')?.getAttribute('aria-busy') !== 'true' && !element.shadowRoot!.querySelector('[part~="loading"]'),
        'loaded',
        { timeout: 4000 },
      );
      await new Promise((resolve) => setTimeout(resolve, 50));
      await element.updateComplete;
      expect(overflowIn(column), `<${tag}>`).to.deep.equal([]);
    });
  }

  it('<mk-pairing-board> fits a 320 px column with 200-character names', async () => {
    const board = await readyKit(kit.storage, 'priya');
    const column = await fixture<HTMLDivElement>(
      html`<div style="inline-size: ${WIDTH}px" lang="en-GB"><mk-pairing-board .kit=${board} program-id=${PROGRAM_ID}></mk-pairing-board></div>`,
    );
    const element = column.firstElementChild as HTMLElement & { updateComplete: Promise<unknown> };
    await element.updateComplete;
    element.shadowRoot!.querySelector<HTMLButtonElement>('[part~="run"]')!.click();
    await waitUntil(() => element.shadowRoot!.querySelectorAll('[part~="pair"]').length > 0, 'proposed', { timeout: 8000 });
    for (const details of element.shadowRoot!.querySelectorAll('details')) details.open = true;
    await element.updateComplete;
    expect(overflowIn(column), '<mk-pairing-board>').to.deep.equal([]);
    await board.dispose();
  });
});
