import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import type { MentorKit } from '@mentorkit/core';
import { goalsOf, type GoalMoment } from '@mentorkit/core/goals';
import { HOSTILE_NAME, readyKit, seededStorage, languagesReady } from '../testing/fixtures.js';
import './define.js';
import type { MkCelebration } from './celebration.js';
import { part, text } from '../testing/queries.js';

const celebration: GoalMoment = {
  kind: 'celebration',
  goalId: 'g1',
  goalTitle: 'Run 3 retros',
  milestoneId: 'm1',
  heading: 'Milestone reached!',
  message: `You did it: "${HOSTILE_NAME}" is done.`,
  suggestions: [],
};
const reassurance: GoalMoment = {
  kind: 'reassurance',
  goalId: 'g1',
  goalTitle: 'Run 3 retros',
  heading: 'Time to re-plan',
  message: 'That happens to everyone.',
  suggestions: [
    { kind: 'split', text: 'Split the goal' },
    { kind: 'move-date', text: 'Move the date' },
  ],
};

describe('<mk-celebration>', () => {
  const kits: MentorKit[] = [];
  afterEach(async () => {
    await Promise.all(kits.splice(0).map((kit) => kit.dispose()));
  });

  it('is an empty polite live region until a moment shows; passes axe', async () => {
    const element = await fixture<MkCelebration>(html`<mk-celebration></mk-celebration>`);
    expect(part(element, 'region')!.getAttribute('role')).to.equal('status');
    expect(part(element, 'moment')).to.equal(null);
    await expect(element).to.be.accessible();
  });

  it('celebrates (hostile text as text) and closes itself after its duration; passes axe', async () => {
    const element = await fixture<MkCelebration>(html`<mk-celebration duration="150"></mk-celebration>`);
    element.show(celebration);
    await element.updateComplete;
    expect(part(element, 'moment')!.dataset.kind).to.equal('celebration');
    expect(text(part(element, 'heading'))).to.equal('Milestone reached!');
    expect(text(part(element, 'message'))).to.contain(HOSTILE_NAME);
    expect(element.shadowRoot!.querySelector('img')).to.equal(null);
    await expect(element).to.be.accessible();
    await waitUntil(() => element.moment === undefined, 'closes itself', { timeout: 2000 });
  });

  it('reassures with re-plan choices, stays until closed, and queues the next moment; passes axe', async () => {
    const element = await fixture<MkCelebration>(html`<mk-celebration duration="50"></mk-celebration>`);
    element.show(reassurance);
    element.show(celebration);
    await element.updateComplete;
    await aTimeout(120);
    expect(element.moment?.kind, 'reassurance stays').to.equal('reassurance');
    expect([...element.shadowRoot!.querySelectorAll('[part~="suggestion"]')].map((button) => text(button))).to.deep.equal(['Split the goal', 'Move the date']);
    await expect(element).to.be.accessible();
    const replan = oneEvent(element, 'mk-goal-replan');
    element.shadowRoot!.querySelector<HTMLButtonElement>('[data-suggestion="move-date"]')!.click();
    expect((await replan).detail).to.deep.equal({ goalId: 'g1', suggestion: 'move-date' });
    await element.updateComplete;
    expect(element.moment?.kind, 'the queued one follows').to.equal('celebration');
  });

  it('Escape closes the moment when focus is inside', async () => {
    const element = await fixture<MkCelebration>(html`<mk-celebration></mk-celebration>`);
    element.show(reassurance);
    await element.updateComplete;
    part(element, 'close')!.focus();
    const closed = oneEvent(element, 'mk-celebration-close');
    await sendKeys({ press: 'Escape' });
    expect((await closed).detail).to.deep.equal({ goalId: 'g1', kind: 'reassurance' });
    expect(element.moment).to.equal(undefined);
  });

  it('Escape closes the moment wherever focus is on the page, unless something else handled that Escape', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div><button id="outside" type="button">Elsewhere</button><mk-celebration duration="0"></mk-celebration></div>`,
    );
    const element = wrapper.querySelector<MkCelebration>('mk-celebration')!;
    const outside = wrapper.querySelector<HTMLButtonElement>('#outside')!;
    element.show(celebration);
    await element.updateComplete;
    outside.focus();
    // A handler that takes the Escape for itself (an open menu, a dialog) keeps the toast.
    const claim = (event: KeyboardEvent) => event.key === 'Escape' && event.preventDefault();
    outside.addEventListener('keydown', claim);
    await sendKeys({ press: 'Escape' });
    expect(element.moment?.kind, 'an Escape someone else handled').to.equal('celebration');
    outside.removeEventListener('keydown', claim);
    const closed = oneEvent(element, 'mk-celebration-close');
    await sendKeys({ press: 'Escape' });
    expect((await closed).detail.kind).to.equal('celebration');
    expect(element.moment).to.equal(undefined);
    expect(document.activeElement, 'focus stays where it was').to.equal(outside);
  });

  it('closing the last moment gives focus back to where it was before, never to <body>; with another moment waiting, to its close button', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div><input id="checkbox" type="checkbox" /><mk-celebration duration="0"></mk-celebration></div>`);
    const element = wrapper.querySelector<MkCelebration>('mk-celebration')!;
    const checkbox = wrapper.querySelector<HTMLInputElement>('#checkbox')!;
    element.show(reassurance);
    element.show(celebration);
    await element.updateComplete;
    checkbox.focus();
    await sendKeys({ press: 'Tab' });
    expect(element.shadowRoot!.activeElement, 'Tab reaches the toast').to.not.equal(null);
    part(element, 'close')!.focus();
    await sendKeys({ press: 'Enter' });
    await element.updateComplete;
    expect(element.moment?.kind).to.equal('celebration');
    expect(element.shadowRoot!.activeElement, "the next moment's close button").to.equal(part(element, 'close'));
    await sendKeys({ press: 'Escape' });
    await element.updateComplete;
    expect(element.moment).to.equal(undefined);
    await waitUntil(() => document.activeElement === checkbox, 'focus back on the checkbox it came from', { timeout: 2000 });
  });

  it('choosing a re-plan with nothing else taking focus gives focus back too', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div><button id="origin" type="button">Origin</button><mk-celebration duration="0"></mk-celebration></div>`,
    );
    const element = wrapper.querySelector<MkCelebration>('mk-celebration')!;
    element.show(reassurance);
    await element.updateComplete;
    wrapper.querySelector<HTMLButtonElement>('#origin')!.focus();
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect(element.shadowRoot!.activeElement?.getAttribute('data-suggestion')).to.equal('split');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => document.activeElement?.id === 'origin', 'focus back where it came from', { timeout: 2000 });
  });

  it("with auto, shows the client's own milestone celebrations", async () => {
    const kit = await readyKit(await seededStorage(), 'lucia');
    kits.push(kit);
    const element = await fixture<MkCelebration>(html`<mk-celebration auto .kit=${kit}></mk-celebration>`);
    const goal = await goalsOf(kit).create({
      pairingId: 'p-lucia',
      title: 'Run 3 team retrospectives',
      milestones: [{ title: 'Book a room' }, { title: 'Run it' }],
    });
    await goalsOf(kit).completeMilestone(goal.id, goal.milestones[0]!.id!);
    await element.updateComplete;
    expect(element.moment?.message).to.contain('"Book a room"');
  });

  it('speaks Spanish under lang="es": core\'s Spanish moments and its own close button; passes axe', async () => {
    const kit = await readyKit(await seededStorage(), 'lucia');
    kits.push(kit);
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="es"><mk-celebration auto duration="0" .kit=${kit}></mk-celebration></div>`);
    await languagesReady(wrapper);
    const element = wrapper.querySelector<MkCelebration>('mk-celebration')!;
    const goal = await goalsOf(kit).create({ pairingId: 'p-lucia', title: 'Dirigir 3 retrospectivas', milestones: [{ title: 'Reservar sala' }] });
    await goalsOf(kit).completeMilestone(goal.id, goal.milestones[0]!.id!);
    await element.updateComplete;
    expect(text(part(element, 'heading'))).to.equal('¡Hito alcanzado!');
    expect(text(part(element, 'message'))).to.contain('«Reservar sala»');
    expect(part(element, 'close')!.getAttribute('aria-label')).to.equal('Cerrar');
    await expect(element).to.be.accessible();
    element.close();
    await element.updateComplete;
    expect(text(part(element, 'heading')), 'the goal was achieved too').to.equal('¡Meta lograda!');
    expect(text(part(element, 'message'))).to.contain('Alcanzaste «Dirigir 3 retrospectivas»');
    // A moment the host wrote itself shows as given.
    element.close();
    element.show(reassurance);
    await element.updateComplete;
    expect(text(part(element, 'heading'))).to.equal('Time to re-plan');
    await expect(element).to.be.accessible();
  });

  it('animates in, except when the person prefers reduced motion', async () => {
    const element = await fixture<MkCelebration>(html`<mk-celebration></mk-celebration>`);
    element.show(celebration);
    await element.updateComplete;
    const moment = part(element, 'moment')!;
    expect(getComputedStyle(moment).animationName).to.equal('mk-celebrate');
    await emulateMedia({ reducedMotion: 'reduce' });
    try {
      expect(Number.parseFloat(getComputedStyle(moment).animationDuration)).to.be.below(0.001);
    } finally {
      await emulateMedia({ reducedMotion: 'no-preference' });
    }
  });
});
