import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { MentorKit } from '@mentorkit/core';
import { goalsOf } from '@mentorkit/core/goals';
import { HOSTILE_NAME, readyKit, seededStorage, languagesReady } from '../testing/fixtures.js';
import './define.js';
import type { MkGoalEditor } from './goal-editor.js';
import { disposeKitsAfterEach, text } from '../testing/queries.js';

const shadow = (element: HTMLElement) => element.shadowRoot!;
const byId = <T extends HTMLElement = HTMLInputElement>(element: HTMLElement, id: string) => shadow(element).getElementById(id) as T;
const part = (element: HTMLElement, name: string) => shadow(element).querySelector<HTMLElement>(`[part~="${name}"]`);
const missing = (element: MkGoalEditor) =>
  [...shadow(element).querySelectorAll<HTMLElement>('[part~="criterion"]')]
    .filter((item) => !item.hasAttribute('data-met'))
    .map((item) => item.dataset.criterion);

async function type(element: MkGoalEditor, id: string, value: string) {
  const input = byId(element, id);
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await element.updateComplete;
}

async function editorFor(kit: MentorKit): Promise<MkGoalEditor> {
  const element = await fixture<MkGoalEditor>(html`<mk-goal-editor .kit=${kit}></mk-goal-editor>`);
  await element.updateComplete;
  return element;
}

describe('<mk-goal-editor>', () => {
  const track = disposeKitsAfterEach();

  it('explains every SMART letter and what a vague draft misses, live; passes axe', async () => {
    const element = await editorFor(track(await readyKit(await seededStorage(), 'lucia')));
    expect([...shadow(element).querySelectorAll('[part~="letter"]')].map((letter) => letter.textContent)).to.deep.equal(['S', 'M', 'A', 'R', 'T']);
    await type(element, 'title', 'Get better');
    expect(missing(element)).to.deep.equal(['specific', 'measurable', 'relevant', 'time-bound']);
    expect(text(part(element, 'summary'))).to.equal('1 of 5 SMART letters met');
    expect(text(shadow(element).querySelector('[data-criterion="measurable"] [part~="verdict"]'))).to.contain('Add a target, such as "run 3 retrospectives"');
    await expect(element).to.be.accessible();
    await type(element, 'title', 'Run 3 team retrospectives');
    await type(element, 'skill', 'facilitation');
    await type(element, 'metric-name', 'retrospectives run');
    await type(element, 'metric-target', '3');
    await type(element, 'due-date', '2026-05-15');
    expect(missing(element)).to.deep.equal([]);
    expect(text(part(element, 'summary'))).to.equal('5 of 5 SMART letters met');
    await expect(element).to.be.accessible();
  });

  it('a vague draft asks before it saves: Keep editing goes to the first letter it misses, Save anyway saves; passes axe', async () => {
    const kit = track(await readyKit(await seededStorage(), 'lucia'));
    const element = await editorFor(kit);
    await type(element, 'title', 'Get better');
    byId(element, 'title').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => part(element, 'confirm') !== null, 'the editor asks first');
    expect(text(part(element, 'confirm'))).to.contain('This goal meets 1 of 5 SMART letters, so it may be hard to tell when it is done.');
    expect(goalsOf(kit).$goals.get(), 'nothing saved yet').to.have.length(0);
    expect(shadow(element).activeElement).to.equal(part(element, 'confirm-keep'));
    await expect(element).to.be.accessible();
    await sendKeys({ press: 'Enter' });
    await element.updateComplete;
    expect(part(element, 'confirm')).to.equal(null);
    await waitUntil(() => shadow(element).activeElement === byId(element, 'title'), 'Keep editing: the title, the first letter it misses');
    // Typing changes the draft: the question goes; the next save asks again; "Save anyway" saves.
    await type(element, 'title', 'Get better at it');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => part(element, 'confirm-save') !== null);
    part(element, 'confirm-save')!.click();
    await waitUntil(() => goalsOf(kit).$goals.get().length === 1, 'saved once confirmed');
    // A draft with 3 letters saves without asking.
    await type(element, 'title', 'Run 3 team retrospectives');
    await type(element, 'skill', 'facilitation');
    byId(element, 'title').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => goalsOf(kit).$goals.get().length === 2, 'saved at once');
    expect(part(element, 'confirm')).to.equal(null);
  });

  it('sets a goal with milestones from the keyboard and resets for the next one', async () => {
    const kit = track(await readyKit(await seededStorage(), 'lucia'));
    const element = await editorFor(kit);
    byId(element, 'title').focus();
    await sendKeys({ type: 'Give one lightning talk' });
    await type(element, 'skill', 'public speaking');
    await type(element, 'due-date', '2026-05-15');
    part(element, 'add-milestone')!.focus();
    await sendKeys({ press: 'Enter' });
    await element.updateComplete;
    await sendKeys({ type: 'Pick a topic' });
    const saved = oneEvent(element, 'mk-goal-save');
    byId(element, 'title').focus();
    await sendKeys({ press: 'Enter' });
    const { detail } = await saved;
    expect(detail.created).to.equal(true);
    const goal = goalsOf(kit).get(detail.goalId);
    expect(goal.title).to.equal('Give one lightning talk');
    expect(goal.milestones.map((milestone) => milestone.title)).to.deep.equal(['Pick a topic']);
    expect(goal.pairingId).to.equal('p-lucia');
    await element.updateComplete;
    expect(byId(element, 'title').value).to.equal('');
    expect(text(part(element, 'status'))).to.equal('Goal "Give one lightning talk" is set.');
  });

  it('shows errors inline next to their field, and passes axe', async () => {
    const element = await editorFor(track(await readyKit(await seededStorage(), 'lucia')));
    await type(element, 'metric-name', 'talks');
    part(element, 'save')!.click();
    await element.updateComplete;
    const title = byId(element, 'title');
    expect(title.getAttribute('aria-invalid')).to.equal('true');
    expect(text(byId(element, 'title-error'))).to.equal('Give the goal a title.');
    expect(title.getAttribute('aria-describedby')).to.contain('title-error');
    expect(byId(element, 'metric-target').getAttribute('aria-invalid')).to.equal('true');
    expect(shadow(element).activeElement).to.equal(title);
    await expect(element).to.be.accessible();
    // Core's own validation lands inline too: a due date before the start.
    await type(element, 'title', 'Give one lightning talk');
    await type(element, 'metric-target', '1');
    await type(element, 'start-date', '2026-05-01');
    await type(element, 'due-date', '2026-04-01');
    part(element, 'save')!.click();
    await waitUntil(() => byId(element, 'due-date').getAttribute('aria-invalid') === 'true');
    expect(text(byId(element, 'due-date-error'))).to.contain('must not be before the start date');
  });

  describe('length limits', () => {
    const counter = (element: MkGoalEditor, id: string) => shadow(element).getElementById(`${id}-counter`);

    it('no maxlength; a counter from 80 % of the limit, as an accessible description', async () => {
      const element = await editorFor(track(await readyKit(await seededStorage(), 'lucia')));
      expect(shadow(element).querySelectorAll('[maxlength]').length).to.equal(0);
      await type(element, 'title', 'x'.repeat(159));
      expect(counter(element, 'title'), 'below 80 % of 200').to.equal(null);
      await type(element, 'title', 'x'.repeat(160));
      expect(text(counter(element, 'title'))).to.equal('40 characters left');
      expect(byId(element, 'title').getAttribute('aria-describedby')).to.contain('title-counter');
      expect(byId(element, 'title').getAttribute('aria-invalid')).to.equal('false');
      await expect(element).to.be.accessible();
    });

    it('a pasted title over 200 characters never throws: marked with a message, the checklist and every button still work, saving waits; passes axe', async () => {
      const thrown: unknown[] = [];
      const onError = (event: ErrorEvent) => thrown.push(event.error ?? event.message);
      const onRejection = (event: PromiseRejectionEvent) => thrown.push(event.reason);
      window.addEventListener('error', onError);
      window.addEventListener('unhandledrejection', onRejection);
      try {
        const kit = track(await readyKit(await seededStorage(), 'lucia'));
        const element = await editorFor(kit);
        const long = `Run three retrospectives ${HOSTILE_NAME} ${'x'.repeat(200)}`;
        await type(element, 'title', long);
        await type(element, 'title', `${long}!`);
        expect(byId(element, 'title').value).to.equal(`${long}!`, 'nothing cut');
        expect(byId(element, 'title').getAttribute('aria-invalid')).to.equal('true');
        expect(text(counter(element, 'title'))).to.contain(`${long.length + 1 - 200} characters too many: the most is 200`);
        expect(counter(element, 'title')!.dataset.state).to.equal('over');
        expect(text(part(element, 'summary')), 'the checklist still answers').to.match(/of 5 SMART letters met/);
        expect(shadow(element).querySelector('img')).to.equal(null, 'hostile text stays text');

        part(element, 'add-milestone')!.click();
        await element.updateComplete;
        expect(shadow(element).querySelectorAll('.milestone-row').length, 'Add milestone works').to.equal(1);

        part(element, 'save')!.click();
        await waitUntil(() => part(element, 'form-error') !== null, 'Set goal answers');
        expect(text(part(element, 'form-error'))).to.contain('Shorten the fields marked');
        expect(part(element, 'form-error')!.getAttribute('role')).to.equal('alert');
        expect(shadow(element).activeElement?.id).to.equal('title');
        expect(goalsOf(kit).$goals.get()).to.have.length(0, 'nothing saved');
        expect(byId(element, 'title').value).to.equal(`${long}!`);
        await expect(element).to.be.accessible();
        expect(thrown, 'nothing threw').to.deep.equal([]);
      } finally {
        window.removeEventListener('error', onError);
        window.removeEventListener('unhandledrejection', onRejection);
      }
    });

    it('every field over its limit is marked at once; once shortened, the goal is set', async () => {
      const kit = track(await readyKit(await seededStorage(), 'lucia'));
      const element = await editorFor(kit);
      await type(element, 'title', 't'.repeat(201));
      await type(element, 'description', 'd'.repeat(4001));
      await type(element, 'skill', 's'.repeat(101));
      await type(element, 'metric-name', 'n'.repeat(121));
      await type(element, 'metric-unit', 'u'.repeat(41));
      await type(element, 'metric-target', '3');
      part(element, 'add-milestone')!.click();
      await element.updateComplete;
      const milestoneId = shadow(element).querySelector<HTMLInputElement>('.milestone-row input[type="text"]')!.id;
      await type(element, milestoneId, 'm'.repeat(201));
      part(element, 'save')!.click();
      await waitUntil(() => part(element, 'form-error') !== null);
      const fields = ['title', 'description', 'skill', 'metric-name', 'metric-unit', milestoneId];
      for (const id of fields) {
        expect(byId(element, id).getAttribute('aria-invalid'), id).to.equal('true');
        expect(counter(element, id)?.dataset.state, id).to.equal('over');
        expect(byId(element, id).getAttribute('aria-describedby'), id).to.contain(`${id}-counter`);
      }
      expect(text(counter(element, 'metric-unit'))).to.contain('1 character too many: the most is 40');
      await expect(element).to.be.accessible();

      await type(element, 'title', 'Run 3 team retrospectives');
      await type(element, 'description', 'Details');
      await type(element, 'skill', 'facilitation');
      await type(element, 'metric-name', 'retrospectives run');
      await type(element, 'metric-unit', 'retros');
      await type(element, milestoneId, 'First retrospective');
      expect(part(element, 'form-error'), 'the refusal goes once everything fits').to.equal(null);
      const saved = oneEvent(element, 'mk-goal-save');
      part(element, 'save')!.click();
      expect((await saved).detail.created).to.equal(true);
      expect(goalsOf(kit).$goals.get()[0]!.milestones[0]!.title).to.equal('First retrospective');
    });

    it('speaks Spanish: counter and refusal', async () => {
      const kit = track(await readyKit(await seededStorage(), 'lucia'));
      const wrapper = await fixture<HTMLDivElement>(html`<div lang="es"><mk-goal-editor .kit=${kit}></mk-goal-editor></div>`);
      await languagesReady(wrapper);
      const element = wrapper.querySelector<MkGoalEditor>('mk-goal-editor')!;
      await type(element, 'skill', 's'.repeat(99));
      expect(text(counter(element, 'skill'))).to.equal('Queda 1 carácter');
      await type(element, 'skill', 's'.repeat(102));
      expect(text(counter(element, 'skill'))).to.contain('Sobran 2 caracteres: el máximo es 100');
      await expect(element).to.be.accessible();
    });
  });

  it('edits a goal, and says so when someone else changed it meanwhile, keeping the edits', async () => {
    const storage = await seededStorage();
    const kit = track(await readyKit(storage, 'lucia'));
    const kenji = track(await readyKit(storage, 'kenji'));
    const goal = await goalsOf(kit).create({
      pairingId: 'p-lucia',
      title: HOSTILE_NAME,
      skill: 'agility',
      dueDate: '2026-05-01',
      milestones: [{ title: 'One' }],
    });
    const element = await editorFor(kit);
    element.edit(goal.id, { focus: 'dueDate' });
    await element.updateComplete;
    await element.updateComplete;
    expect(text(part(element, 'heading'))).to.equal('Edit goal with Kenji Watanabe and Arjun Shrestha');
    expect(byId(element, 'title').value).to.equal(HOSTILE_NAME);
    expect(shadow(element).querySelector('img')).to.equal(null);
    expect(shadow(element).activeElement?.id).to.equal('due-date');
    await expect(element).to.be.accessible();
    await kenji.refresh();
    await goalsOf(kenji).update(goal.id, { dueDate: '2026-05-20' });
    await type(element, 'title', 'Try agile estimation in 3 sprints');
    part(element, 'save')!.click();
    await waitUntil(() => part(element, 'form-error') !== null);
    expect(text(part(element, 'form-error'))).to.contain('Someone else changed this goal');
    expect(byId(element, 'title').value).to.equal('Try agile estimation in 3 sprints');
    await expect(element).to.be.accessible();
    const saved = oneEvent(element, 'mk-goal-save');
    part(element, 'save')!.click();
    expect((await saved).detail).to.deep.equal({ goalId: goal.id, created: false });
    expect(goalsOf(kit).get(goal.id).title).to.equal('Try agile estimation in 3 sprints');
  });

  it('speaks Spanish under lang="es", with core\'s Spanish SMART texts; passes axe', async () => {
    const kit = track(await readyKit(await seededStorage(), 'lucia'));
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="es"><mk-goal-editor .kit=${kit}></mk-goal-editor></div>`);
    await languagesReady(wrapper);
    const element = wrapper.querySelector<MkGoalEditor>('mk-goal-editor')!;
    await element.updateComplete;
    expect(text(part(element, 'heading'))).to.equal('Nueva meta con Kenji Watanabe y Arjun Shrestha');
    expect(text(shadow(element).querySelector('label[for="title"]'))).to.equal('¿Qué quieres lograr?');
    expect(text(part(element, 'save'))).to.equal('Fijar meta');
    expect(text(shadow(element).querySelector('[part~="criterion"][data-criterion="specific"] .criterion-name'))).to.equal('Específico: falta');
    await type(element, 'title', 'Mejorar');
    expect(text(part(element, 'summary'))).to.equal('1 de 5 letras SMART cumplidas');
    expect(text(shadow(element).querySelector('[data-criterion="specific"] [part~="verdict"]'))).to.match(/^Cuenta un poco más: usa al menos \d+ palabras/);
    expect(text(shadow(element).querySelector('[data-criterion="time-bound"] [part~="verdict"]'))).to.equal(
      'Añade una fecha límite, para que ambos sepan cuándo revisarla.',
    );
    expect(text(shadow(element).querySelector('[data-criterion="achievable"] [part~="verdict"]'))).to.equal('✓ Cumplido');
    await expect(element).to.be.accessible();
    // Errors of its own, in Spanish too.
    await type(element, 'title', '');
    await type(element, 'metric-name', 'charlas');
    part(element, 'save')!.click();
    await element.updateComplete;
    expect(text(shadow(element).getElementById('title-error'))).to.equal('Ponle un título a la meta.');
    expect(text(shadow(element).getElementById('metric-target-error'))).to.equal('Escribe el número que quieres alcanzar.');
    await expect(element).to.be.accessible();
  });

  it('Escape cancels an edit', async () => {
    const kit = track(await readyKit(await seededStorage(), 'lucia'));
    const goal = await goalsOf(kit).create({ pairingId: 'p-lucia', title: 'Run 3 team retrospectives' });
    const element = await editorFor(kit);
    element.edit(goal.id);
    await element.updateComplete;
    await element.updateComplete;
    const cancelled = oneEvent(element, 'mk-goal-cancel');
    await sendKeys({ press: 'Escape' });
    expect((await cancelled).detail.goalId).to.equal(goal.id);
    await element.updateComplete;
    expect(text(part(element, 'heading'))).to.equal('New goal with Kenji Watanabe and Arjun Shrestha');
  });
});
