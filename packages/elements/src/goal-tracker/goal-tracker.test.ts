import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createMentorKit, MentorKitError, type MentorKit } from '@mentorkit/core';
import { goalsOf, type GoalCreateInput } from '@mentorkit/core/goals';
import { FIXED_NOW, HOSTILE_NAME, pendingStorage, readyKit, seededStorage, languagesReady, animationsFinished } from '../testing/fixtures.js';
import './define.js';
import '../celebration/define.js'; // the tracker's toast needs <mk-celebration> defined (hosts load it)
import type { MkGoalTracker } from './goal-tracker.js';
import type { MkCelebration } from '../celebration/celebration.js';
import { disposeKitsAfterEach, text } from '../testing/queries.js';

const shadow = (element: HTMLElement) => element.shadowRoot!;
const part = (element: HTMLElement, name: string) => shadow(element).querySelector<HTMLElement>(`[part~="${name}"]`);
const parts = (element: HTMLElement, name: string) => [...shadow(element).querySelectorAll<HTMLElement>(`[part~="${name}"]`)];
const celebrationOf = (element: MkGoalTracker) => shadow(element).querySelector<MkCelebration>('mk-celebration')!;

// FIXED_NOW is 29 March 2026 (22:10 in London, where Lucía is).
const RETROS: GoalCreateInput = {
  pairingId: 'p-lucia',
  title: 'Run 3 team retrospectives',
  skill: 'facilitation',
  startDate: '2026-03-16',
  dueDate: '2026-04-30',
  milestones: [{ title: 'Book a room' }, { title: 'Run the first retro', dueDate: '2026-04-10' }],
};

async function trackerFor(kit: MentorKit | undefined, attributes = ''): Promise<MkGoalTracker> {
  const element = await fixture<MkGoalTracker>(html`<mk-goal-tracker .kit=${kit} locale="en-GB" pairing-id=${attributes || 'p-lucia'}></mk-goal-tracker>`);
  await element.updateComplete;
  return element;
}

describe('<mk-goal-tracker>', () => {
  const track = disposeKitsAfterEach();

  it('is busy while loading, and passes axe', async () => {
    const element = await trackerFor(track(createMentorKit({ storage: pendingStorage(), user: 'lucia' })));
    expect(part(element, 'base')!.getAttribute('aria-busy')).to.equal('true');
    expect(text(part(element, 'loading'))).to.equal('Loading goals…');
    await expect(element).to.be.accessible();
  });

  it('invites a first goal when there is none, and passes axe', async () => {
    const element = await trackerFor(track(await readyKit(await seededStorage(), 'lucia')));
    await waitUntil(() => part(element, 'empty') !== null);
    expect(text(part(element, 'empty-title'))).to.equal('No goals yet — set your first one');
    const event = oneEvent(element, 'mk-goal-new');
    part(element, 'empty-action')!.click();
    expect((await event).detail).to.deep.equal({ pairingId: 'p-lucia' });
    await expect(element).to.be.accessible();
  });

  it('shows progress bars with values, status, due dates in the locale, and milestones; passes axe', async () => {
    const kit = track(await readyKit(await seededStorage(), 'lucia'));
    await goalsOf(kit).create({
      ...RETROS,
      milestones: [
        { title: 'Book a room', done: true },
        { title: 'Run the first retro', dueDate: '2026-04-10' },
      ],
    });
    const element = await trackerFor(kit);
    await waitUntil(() => parts(element, 'goal').length === 1);
    const bar = part(element, 'progress')!;
    expect(bar.getAttribute('role')).to.equal('progressbar');
    expect(bar.getAttribute('aria-valuenow')).to.equal('50');
    expect(bar.getAttribute('aria-valuemin')).to.equal('0');
    expect(bar.getAttribute('aria-valuemax')).to.equal('100');
    expect(bar.getAttribute('aria-valuetext')).to.match(/^50% done, 30% expected by today · On track$/);
    expect(bar.getAttribute('aria-label')).to.equal('Progress of Run 3 team retrospectives');
    expect(text(part(element, 'status'))).to.equal('On track');
    expect(part(element, 'due')!.querySelector('time')!.getAttribute('datetime')).to.equal('2026-04-30');
    expect(text(part(element, 'due'))).to.equal('Due 30 Apr 2026 (in 32 days)');
    const boxes = parts(element, 'milestone-checkbox') as HTMLInputElement[];
    expect(boxes.map((box) => box.checked)).to.deep.equal([true, false]);
    expect(text(part(element, 'milestones'))).to.contain('10 Apr 2026');
    await expect(element).to.be.accessible();
  });

  it('ticks a milestone in place: saved through core, celebrated, announced; passes axe with the toast', async () => {
    const kit = track(await readyKit(await seededStorage(), 'lucia'));
    const goal = await goalsOf(kit).create(RETROS);
    const element = await trackerFor(kit);
    await waitUntil(() => parts(element, 'milestone-checkbox').length === 2);
    const toggled = oneEvent(element, 'mk-milestone-toggle');
    (parts(element, 'milestone-checkbox')[0] as HTMLInputElement).click();
    expect((await toggled).detail).to.deep.equal({ goalId: goal.id, milestoneId: goal.milestones[0]!.id, done: true });
    expect(goalsOf(kit).get(goal.id).milestones[0]!.done).to.equal(true);
    const celebration = celebrationOf(element);
    await waitUntil(() => celebration.moment !== undefined, 'the celebration shows');
    expect(celebration.moment!.kind).to.equal('celebration');
    expect(text(celebration.shadowRoot!.querySelector('[part~="message"]'))).to.contain('"Book a room"');
    expect(celebration.shadowRoot!.querySelector('[part~="region"]')!.getAttribute('role')).to.equal('status');
    await waitUntil(() => part(element, 'progress')!.getAttribute('aria-valuenow') === '50');
    await animationsFinished();
    await expect(element).to.be.accessible();
    // Unticking reopens it.
    (parts(element, 'milestone-checkbox')[0] as HTMLInputElement).click();
    await waitUntil(() => goalsOf(kit).get(goal.id).milestones[0]!.done === false);
  });

  it('a tick storage refuses puts the box back and says why; nothing is celebrated', async () => {
    const storage = await seededStorage();
    const kit = track(await readyKit(storage, 'lucia'));
    const goal = await goalsOf(kit).create(RETROS);
    const element = await trackerFor(kit);
    await waitUntil(() => parts(element, 'milestone-checkbox').length === 2);
    // Storage refuses the write, as it does when someone else changed the goal first.
    storage.put = async () => {
      throw new MentorKitError('conflict', 'Revision 1 of this goal is no longer the latest.');
    };
    const box = parts(element, 'milestone-checkbox')[0] as HTMLInputElement;
    box.click();
    await waitUntil(() => part(element, 'error') !== null, 'the error shows');
    expect(text(part(element, 'error'))).to.contain('changed');
    expect(box.checked, 'the box is put back').to.equal(false);
    expect(goalsOf(kit).get(goal.id).milestones[0]!.done).to.equal(false);
    expect(celebrationOf(element).moment).to.equal(undefined);
    await expect(element).to.be.accessible();
  });

  it('ticking the last milestone with the keyboard: the achieved goal leaves "Active" and focus moves to the next goal, never to <body>; passes axe', async () => {
    const kit = track(await readyKit(await seededStorage(), 'lucia'));
    await goalsOf(kit).create({ ...RETROS, title: 'First goal', milestones: [{ title: 'Only step' }] });
    await goalsOf(kit).create({ ...RETROS, title: 'Second goal' });
    const element = await trackerFor(kit);
    await waitUntil(() => parts(element, 'goal').length === 2);
    const box = parts(element, 'milestone-checkbox')[0] as HTMLInputElement;
    box.focus();
    await sendKeys({ press: 'Space' });
    await waitUntil(() => parts(element, 'goal').length === 1, 'the achieved goal leaves the active list');
    await waitUntil(() => shadow(element).activeElement !== null, 'focus stays in the tracker');
    expect(text(shadow(element).activeElement)).to.equal('Second goal');
    await expect(element).to.be.accessible();
    // Archiving the last goal left: focus goes to "New goal".
    parts(element, 'archive')[0]!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => parts(element, 'goal').length === 0, 'archived');
    await waitUntil(() => shadow(element).activeElement === part(element, 'new-goal'), 'focus on New goal');
  });

  it('a new 6-day goal is "Not started" on its first day, not "At risk"', async () => {
    const kit = track(await readyKit(await seededStorage(), 'lucia'));
    // FIXED_NOW is 29 March 2026 in London: a goal from today to 3 April.
    await goalsOf(kit).create({
      pairingId: 'p-lucia',
      title: 'Write the onboarding guide',
      skill: 'writing',
      startDate: '2026-03-29',
      dueDate: '2026-04-03',
      milestones: [{ title: 'Outline' }, { title: 'Draft' }, { title: 'Review' }],
    });
    const element = await trackerFor(kit);
    await waitUntil(() => parts(element, 'goal').length === 1);
    expect(text(part(element, 'status'))).to.equal('Not started');
  });

  it('filters active, achieved and all with pressed buttons; passes axe in each', async () => {
    const kit = track(await readyKit(await seededStorage(), 'lucia'));
    await goalsOf(kit).create(RETROS);
    await goalsOf(kit).create({ ...RETROS, title: 'Give one lightning talk', milestones: [{ title: 'Talk given', done: true }] });
    const element = await trackerFor(kit);
    await waitUntil(() => parts(element, 'goal').length === 1);
    const filters = parts(element, 'filter');
    expect(filters.map((button) => `${text(button)}:${button.getAttribute('aria-pressed')}`)).to.deep.equal(['Active:true', 'Achieved:false', 'All:false']);
    filters[1]!.click();
    await element.updateComplete;
    expect(element.filter).to.equal('achieved');
    expect(parts(element, 'goal').map((goal) => goal.dataset.status)).to.deep.equal(['achieved']);
    await expect(element).to.be.accessible();
    filters[2]!.click();
    await element.updateComplete;
    expect(parts(element, 'goal')).to.have.length(2);
    await expect(element).to.be.accessible();
  });

  it('records a goal that slipped past its date once and offers reassurance with re-plan choices; passes axe', async () => {
    const storage = await seededStorage();
    const setup = track(await readyKit(storage, 'lucia', '2026-03-10T09:00:00Z'));
    await goalsOf(setup).create({ ...RETROS, startDate: '2026-03-02', dueDate: '2026-03-20' });
    const kit = track(await readyKit(storage, 'lucia'));
    const missed: unknown[] = [];
    kit.on('goal-missed', (event) => missed.push(event));
    const element = await trackerFor(kit);
    await waitUntil(() => parts(element, 'goal')[0]?.dataset.status === 'missed');
    await waitUntil(() => celebrationOf(element).moment?.kind === 'reassurance', 'the reassurance toast shows');
    expect(missed).to.have.length(1);
    expect(text(part(element, 'reassurance'))).to.contain('That happens to everyone');
    expect(parts(element, 'replan').map((button) => button.dataset.suggestion)).to.deep.equal(['split', 'move-date']);
    expect(text(part(element, 'due'))).to.contain('(9 days ago)');
    await celebrationOf(element).updateComplete;
    await animationsFinished();
    await expect(element).to.be.accessible();
    const edit = oneEvent(element, 'mk-goal-edit');
    parts(element, 'replan')[1]!.click();
    expect((await edit).detail.focus).to.equal('dueDate');
    element.requestUpdate();
    await element.updateComplete;
    expect(missed, 'recorded once').to.have.length(1);
  });

  it("a mentor sees the mentee's shared goals, not her private ones; an admin may look but not tick", async () => {
    const storage = await seededStorage();
    const lucia = track(await readyKit(storage, 'lucia'));
    await goalsOf(lucia).create(RETROS);
    await goalsOf(lucia).create({ ...RETROS, title: 'Apply for the staff role', visibility: 'private' });
    const kenji = await trackerFor(track(await readyKit(storage, 'kenji')));
    await waitUntil(() => parts(kenji, 'goal').length === 1);
    expect(text(part(kenji, 'goal-title'))).to.equal('Run 3 team retrospectives');
    expect((part(kenji, 'milestone-checkbox') as HTMLInputElement).disabled).to.equal(false);
    const priya = await trackerFor(track(await readyKit(storage, 'priya')));
    await waitUntil(() => parts(priya, 'goal').length === 1);
    expect((part(priya, 'milestone-checkbox') as HTMLInputElement).disabled).to.equal(true);
    expect(part(priya, 'edit')).to.equal(null);
    await expect(priya).to.be.accessible();
  });

  it('speaks Spanish under lang="es": its own words and core\'s status, celebration and reassurance; passes axe', async () => {
    const storage = await seededStorage();
    const setup = track(await readyKit(storage, 'lucia', '2026-03-10T09:00:00Z'));
    await goalsOf(setup).create({ ...RETROS, title: 'Dar una charla', startDate: '2026-03-02', dueDate: '2026-03-20', milestones: [{ title: 'Elegir tema' }] });
    const kit = track(await readyKit(storage, 'lucia'));
    await goalsOf(kit).create({
      ...RETROS,
      milestones: [
        { title: 'Book a room', done: true },
        { title: 'Run the first retro', dueDate: '2026-04-10' },
      ],
    });
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="es"><mk-goal-tracker .kit=${kit} pairing-id="p-lucia"></mk-goal-tracker></div>`);
    await languagesReady(wrapper);
    const element = wrapper.querySelector<MkGoalTracker>('mk-goal-tracker')!;
    await waitUntil(() => parts(element, 'goal').length === 2);
    expect(text(part(element, 'heading'))).to.equal('Metas con Kenji Watanabe y Arjun Shrestha');
    expect(parts(element, 'filter').map((button) => text(button))).to.deep.equal(['Activas', 'Logradas', 'Todas']);
    expect(text(part(element, 'new-goal'))).to.equal('Nueva meta');
    expect(part(element, 'filters')!.getAttribute('aria-label')).to.equal('Mostrar metas');
    const retros = parts(element, 'goal').find((goal) => goal.dataset.status === 'on-track')!;
    const bar = retros.querySelector('[part~="progress"]')!;
    expect(bar.getAttribute('aria-label')).to.equal('Progreso de Run 3 team retrospectives');
    expect(bar.getAttribute('aria-valuetext')).to.equal('50 % hecho, 30 % previsto para hoy · Va bien');
    expect(text(retros.querySelector('[part~="status"]'))).to.equal('Va bien');
    expect(text(retros.querySelector('[part~="due"]'))).to.match(/^Vence el 30 abr 2026 \(dentro de 32 días\)$/);
    expect(retros.querySelector('[part~="milestones"]')!.getAttribute('aria-label')).to.equal('Hitos de Run 3 team retrospectives');
    expect(text(retros.querySelector('[part~="edit"]'))).to.equal('Editar Run 3 team retrospectives');
    // The missed goal: core's Spanish reassurance, in the list and in the toast.
    const talk = parts(element, 'goal').find((goal) => goal.dataset.status === 'missed')!;
    expect(text(talk.querySelector('[part~="status"]'))).to.equal('No alcanzada');
    expect(text(talk.querySelector('[part~="reassurance"]'))).to.contain('Le pasa a todo el mundo');
    expect([...talk.querySelectorAll('[part~="replan"]')].map((button) => text(button))[0]).to.equal(
      'Divide la meta en metas más pequeñas y empieza por la siguiente.',
    );
    const celebration = celebrationOf(element);
    await waitUntil(() => celebration.moment?.kind === 'reassurance', 'the reassurance toast shows');
    await celebration.updateComplete;
    expect(text(celebration.shadowRoot!.querySelector('[part~="heading"]'))).to.equal('Es momento de replanificar');
    expect(celebration.shadowRoot!.querySelector('[part~="close"]')!.getAttribute('aria-label')).to.equal('Cerrar');
    await animationsFinished();
    await expect(element).to.be.accessible();
    celebration.close();
    // Ticking a milestone celebrates in Spanish.
    retros.querySelectorAll<HTMLInputElement>('[part~="milestone-checkbox"]')[1]!.click();
    await waitUntil(() => celebration.moment?.kind === 'celebration', 'the celebration shows');
    await celebration.updateComplete;
    expect(text(celebration.shadowRoot!.querySelector('[part~="heading"]'))).to.equal('¡Hito alcanzado!');
    expect(text(celebration.shadowRoot!.querySelector('[part~="message"]'))).to.contain('«Run the first retro»');
    await animationsFinished();
    await expect(element).to.be.accessible();
  });

  it('shows hostile titles as text', async () => {
    const kit = track(await readyKit(await seededStorage(), 'lucia'));
    await goalsOf(kit).create({ ...RETROS, title: HOSTILE_NAME, skill: '<b>bold</b>', milestones: [{ title: '<script>alert(1)</script>' }] });
    const element = await trackerFor(kit);
    await waitUntil(() => parts(element, 'goal').length === 1);
    expect(text(part(element, 'goal-title'))).to.equal(HOSTILE_NAME);
    expect(shadow(element).querySelector('img, b, script')).to.equal(null);
    expect(text(part(element, 'milestones'))).to.contain('<script>alert(1)</script>');
    await expect(element).to.be.accessible();
  });

  it('passes axe in the dark theme', async () => {
    const kit = track(await readyKit(await seededStorage(), 'lucia'));
    await goalsOf(kit).create(RETROS);
    const wrapper = await fixture<HTMLElement>(
      html`<div data-mk-theme="dark" style="background:#15181d"><mk-goal-tracker .kit=${kit} locale="en-GB"></mk-goal-tracker></div>`,
    );
    const element = wrapper.querySelector('mk-goal-tracker')!;
    await waitUntil(() => parts(element, 'goal').length === 1);
    await expect(wrapper).to.be.accessible();
  });

  it('renders 1,000 goals and toggles one quickly', async () => {
    const storage = await seededStorage();
    const now = new Date().toISOString();
    for (let index = 0; index < 1000; index++) {
      await storage.put(
        'goals',
        {
          id: `g-${String(index).padStart(4, '0')}`,
          pairingId: 'p-lucia',
          ownerId: 'lucia',
          visibility: 'pairing',
          archived: false,
          title: `Goal number ${index}`,
          skill: 'agility',
          startDate: '2026-03-01',
          dueDate: '2026-06-30',
          milestones: [
            { id: `m-${index}-a`, title: 'First step', done: false },
            { id: `m-${index}-b`, title: 'Second step', done: index % 2 === 0 },
          ],
          createdAt: now,
        },
        { expectedRevision: null },
      );
    }
    // How fast the first render and a toggle are is measured in `npm run bench` (bench/goal-tracker.bench.ts:
    // 1,000 goals, first render and a milestone toggle against a bare lit-html list of the same rows), not
    // timed here: a wall-clock limit fails on a loaded machine. This test checks what they do.
    const kit = track(await readyKit(storage, 'lucia', FIXED_NOW));
    const element = await trackerFor(kit);
    await waitUntil(() => parts(element, 'goal').length === 1000, 'all 1,000 goals rendered');
    const box = shadow(element).querySelector<HTMLInputElement>('[data-goal-id="g-0500"] [part~="milestone-checkbox"]')!;
    box.click();
    await waitUntil(() => goalsOf(kit).get('g-0500').milestones[0]!.done, 'the milestone ticked');
    await element.updateComplete;
  });
});
