import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { ifDefined } from 'lit/directives/if-defined.js';
import { MentorKitError, createMentorKit, type MentorKit, type StorageAdapter } from '@mentorkit/core';
import { registerSpanish } from '@mentorkit/core/es';
import { coachingFeature, defineCoachingModel, type CoachingModel, type GoalDraft } from '@mentorkit/core/coaching';
import { HOSTILE_NAME, failingStorage, pendingStorage, readyKit, seededStorage, languagesReady } from '../testing/fixtures.js';
import './define.js';
import type { MkCoachingFlow, MkTurnIntoGoalsDetail } from './coaching-flow.js';
import { disposeKitsAfterEach, text } from '../testing/queries.js';

const shadow = (element: MkCoachingFlow) => element.shadowRoot!;
const part = (element: MkCoachingFlow, name: string) => shadow(element).querySelector<HTMLElement>(`[part~="${name}"]`);
const parts = (element: MkCoachingFlow, name: string) => [...shadow(element).querySelectorAll<HTMLElement>(`[part~="${name}"]`)];
const state = (element: MkCoachingFlow) => part(element, 'base')!.dataset.state;
const field = (element: MkCoachingFlow, promptId: string) => shadow(element).querySelector<HTMLTextAreaElement>(`#prompt-${promptId}`)!;
const currentStepId = (element: MkCoachingFlow) => part(element, 'step')?.dataset.step;
/** The element focused inside the element's shadow root. */
const focused = (element: MkCoachingFlow) => shadow(element).activeElement as HTMLElement | null;

async function flowFor(
  kit: MentorKit | undefined,
  attributes: { model?: string; pairingId?: string; runId?: string; models?: CoachingModel[] } = {},
): Promise<MkCoachingFlow> {
  const element = await fixture<MkCoachingFlow>(
    html`<mk-coaching-flow .kit=${kit} model=${attributes.model ?? 'grow'} pairing-id=${ifDefined(attributes.pairingId ?? 'p-lucia')} run-id=${ifDefined(attributes.runId)} .models=${attributes.models ?? []} locale="en-GB"></mk-coaching-flow>`,
  );
  await element.updateComplete;
  return element;
}

async function ready(element: MkCoachingFlow, expected: string) {
  await waitUntil(() => state(element) === expected, `expected the ${expected} state, got ${state(element)}`);
  await element.updateComplete;
}

/** Types into a field as a person would (input events), then leaves it (change: saved at once). */
async function typeInto(element: MkCoachingFlow, promptId: string, value: string) {
  const textarea = field(element, promptId);
  textarea.value = value;
  textarea.dispatchEvent(new Event('input', { bubbles: true }));
  textarea.dispatchEvent(new Event('change', { bubbles: true }));
  await element.updateComplete;
}

async function pressNext(element: MkCoachingFlow) {
  part(element, 'next-button')!.click();
  await element.updateComplete;
  await waitUntil(() => !(part(element, 'next-button')?.getAttribute('aria-disabled') === 'true'), 'next finishes');
  await element.updateComplete;
}

/** Presses Tab until the focused element inside the widget matches. */
async function tabTo(element: MkCoachingFlow, matches: (focusedElement: HTMLElement) => boolean, what: string) {
  for (let presses = 0; presses < 40; presses++) {
    const current = focused(element);
    if (current && matches(current)) return;
    await sendKeys({ press: 'Tab' });
  }
  throw new Error(`could not Tab to ${what}`);
}

describe('<mk-coaching-flow>', () => {
  const track = disposeKitsAfterEach();

  describe('states around the session', () => {
    it('is busy while the client loads, and passes axe', async () => {
      const element = await flowFor(track(createMentorKit({ storage: pendingStorage(), user: 'lucia' })));
      expect(state(element)).to.equal('loading');
      expect(part(element, 'base')!.getAttribute('aria-busy')).to.equal('true');
      expect(text(part(element, 'loading'))).to.equal('Loading the coaching session…');
      await expect(element).to.be.accessible();
    });

    it('shows a load error in an alert, and passes axe', async () => {
      const kit = track(createMentorKit({ storage: failingStorage('The storage service is unreachable (HTTP 503).'), user: 'lucia' }));
      await kit.ready.catch(() => undefined);
      const element = await flowFor(kit);
      await ready(element, 'error');
      expect(part(element, 'error')!.getAttribute('role')).to.equal('alert');
      expect(text(part(element, 'error'))).to.contain('HTTP 503');
      await expect(element).to.be.accessible();
    });

    it('asks for a pairing when it has none of the user’s, and names an unknown model', async () => {
      const kit = track(await readyKit(await seededStorage(), 'lucia'));
      const element = await flowFor(kit, { pairingId: 'p-daniel' });
      await ready(element, 'unavailable');
      expect(text(part(element, 'unavailable'))).to.equal('Choose one of your pairings to run a coaching session.');
      await expect(element).to.be.accessible();
      element.pairingId = 'p-lucia';
      element.model = 'nope';
      await ready(element, 'unavailable');
      expect(text(part(element, 'unavailable'))).to.equal('There is no coaching model “nope”.');
    });

    it('introduces the model with its steps and a start button, and passes axe', async () => {
      const element = await flowFor(track(await readyKit(await seededStorage(), 'lucia')));
      await ready(element, 'intro');
      expect(text(part(element, 'heading'))).to.equal('GROW session with Kenji Watanabe and Arjun Shrestha');
      expect(text(part(element, 'intro'))).to.contain('Goal: Agree what you want to achieve');
      expect(text(part(element, 'start-button'))).to.equal('Start a new GROW session');
      await expect(element).to.be.accessible();
    });
  });

  describe('a GROW run', () => {
    it('starts at Goal: a stepper list with aria-current, labelled fields, and axe passes', async () => {
      const kit = track(await readyKit(await seededStorage(), 'lucia'));
      const element = await flowFor(kit);
      await ready(element, 'intro');
      setTimeout(() => part(element, 'start-button')!.click());
      const started = await oneEvent(element, 'mk-coaching-run-start');
      expect(started.detail.modelId).to.equal('grow');
      await ready(element, 'step');
      const stepper = part(element, 'stepper')!;
      expect(stepper.tagName).to.equal('OL');
      const items = parts(element, 'stepper-item');
      expect(items.map(text)).to.deep.equal(['1Goal', '2Reality', '3Options', '4Will', 'Summary']);
      expect(items.map((item) => item.getAttribute('aria-current'))).to.deep.equal(['step', null, null, null, null]);
      expect(text(part(element, 'step-title'))).to.equal('Goal');
      expect(focused(element)?.id).to.equal('step-title', 'focus moves to the step');
      expect(text(part(element, 'purpose'))).to.contain('Agree what you want to achieve');
      const goal = field(element, 'goal-what');
      expect(goal.getAttribute('aria-required')).to.equal('true');
      expect(text(shadow(element).querySelector(`label[for="prompt-goal-what"]`))).to.equal('What do you want to achieve? (required)');
      expect(text(part(element, 'next-button'))).to.equal('Next: Reality');
      expect(part(element, 'back-button')).to.equal(null);
      await expect(element).to.be.accessible();
    });

    it('refuses Next while a required question is empty, says which, marks the field and focuses it; axe passes', async () => {
      const kit = track(await readyKit(await seededStorage(), 'lucia'));
      await kit.use(coachingFeature).start({ pairingId: 'p-lucia', model: 'grow' });
      const element = await flowFor(kit);
      await ready(element, 'step');
      await pressNext(element);
      const alert = part(element, 'step-error')!;
      expect(alert.getAttribute('role')).to.equal('alert');
      expect(text(alert)).to.equal('Before leaving Goal, answer this question: “What do you want to achieve?”.');
      expect(field(element, 'goal-what').getAttribute('aria-invalid')).to.equal('true');
      expect(field(element, 'goal-what').getAttribute('aria-describedby')).to.contain('step-error');
      expect(focused(element)?.id).to.equal('prompt-goal-what');
      expect(currentStepId(element)).to.equal('goal');
      await expect(element).to.be.accessible();
    });

    it('keyboard only: a whole GROW run from Start to the summary', async () => {
      const storage = await seededStorage();
      const kit = track(await readyKit(storage, 'lucia'));
      const element = await flowFor(kit);
      await ready(element, 'intro');
      part(element, 'start-button')!.focus();
      await sendKeys({ press: 'Enter' });
      await ready(element, 'step');

      const answerText = async (promptId: string, value: string) => {
        await tabTo(element, (node) => node.id === `prompt-${promptId}`, promptId);
        await sendKeys({ type: value });
      };
      const next = async (expectedStep: string | undefined) => {
        await tabTo(element, (node) => node.getAttribute('part') === 'next-button', 'Next');
        await sendKeys({ press: 'Enter' });
        if (expectedStep) await waitUntil(() => currentStepId(element) === expectedStep, `on to ${expectedStep}`);
        else await ready(element, 'summary');
      };

      await answerText('goal-what', 'Lead the design review of the payments API');
      await next('reality');
      expect(focused(element)?.id).to.equal('step-title');
      await answerText('reality-now', 'I review code but have never led a review');
      // The scale is a radio group: Space picks the first value, arrows move.
      await tabTo(element, (node) => node.id === 'prompt-reality-position', 'the scale');
      await sendKeys({ press: 'Space' });
      for (let step = 0; step < 3; step++) await sendKeys({ press: 'ArrowRight' });
      expect(focused(element)?.getAttribute('value') ?? (focused(element) as HTMLInputElement).value).to.equal('3');
      await next('options');
      await answerText('options-list', 'Shadow Kenji');
      await sendKeys({ press: 'Enter' });
      await sendKeys({ type: 'Write a checklist' });
      await next('will');
      await answerText('will-actions', 'Shadow Kenji on 14 April');
      await sendKeys({ press: 'Enter' });
      await sendKeys({ type: 'Draft the checklist by Friday' });
      await next(undefined);

      expect(focused(element)?.id).to.equal('summary-title');
      const summary = text(part(element, 'summary'));
      expect(summary).to.contain('GROW session: Lead the design review of the payments API');
      expect(summary).to.contain('3 on a scale of 0 to 10');
      expect(parts(element, 'stepper-item').at(-1)!.getAttribute('aria-current')).to.equal('step');
      const run = kit.use(coachingFeature).runsOf('p-lucia')[0]!;
      expect(run.completedAt).to.be.a('string');
      const flow = kit.use(coachingFeature).flowOf(run);
      expect(flow.answers['options-list']!.value).to.deep.equal(['Shadow Kenji', 'Write a checklist']);
      expect(flow.answers['reality-position']!.value).to.equal(3);
      expect(flow.answers['will-actions']!.answeredBy).to.equal('lucia');
      await expect(element).to.be.accessible();
    });

    it('autosaves as you type, and resumes on another device where it was left', async () => {
      const storage = await seededStorage();
      const lucia = track(await readyKit(storage, 'lucia'));
      const run = await lucia.use(coachingFeature).start({ pairingId: 'p-lucia', model: 'grow' });
      const element = await flowFor(lucia);
      await ready(element, 'step');
      const textarea = field(element, 'goal-what');
      textarea.value = 'Speak at the guild';
      textarea.dispatchEvent(new Event('input', { bubbles: true }));
      await waitUntil(
        async () => ((await storage.get('coaching-runs', run.id))?.state as { answers: Record<string, unknown> }).answers['goal-what'] !== undefined,
        'saved after a pause, without leaving the field',
        { timeout: 3000 },
      );
      await waitUntil(() => text(part(element, 'save-status')) === 'Saved');
      await pressNext(element);
      await waitUntil(() => currentStepId(element) === 'reality');
      element.remove();

      // Kenji, on his own device, opens the pairing's GROW session: it resumes at Reality.
      const kenji = track(await readyKit(storage, 'kenji'));
      const resumed = await flowFor(kenji);
      await ready(resumed, 'step');
      expect(currentStepId(resumed)).to.equal('reality');
      await resumed.updateComplete;
      parts(resumed, 'back-button')[0]!.click();
      await waitUntil(() => currentStepId(resumed) === 'goal');
      expect(field(resumed, 'goal-what').value).to.equal('Speak at the guild');
      expect(text(part(resumed, 'answered-by'))).to.equal('Answered by Lucía Fernández');
      await expect(resumed).to.be.accessible();
    });

    it('two answers and Next in quick succession all land (core queues the run’s writes); a save storage refuses says so, never "Saved", and the next one saves', async () => {
      const seeded = await seededStorage();
      let refuse = false;
      const storage: StorageAdapter = {
        ...seeded,
        put: async (collection, record, options) => {
          if (refuse && collection === 'coaching-runs') {
            refuse = false;
            throw new MentorKitError('storage-error', 'The storage service is unreachable (HTTP 503).');
          }
          return seeded.put(collection, record, options);
        },
      };
      const kit = track(await readyKit(storage, 'lucia'));
      const run = await kit.use(coachingFeature).start({ pairingId: 'p-lucia', model: 'grow' });
      const element = await flowFor(kit);
      await ready(element, 'step');

      // Storage refuses the first save: the status says it was not saved, the text stays in its field.
      refuse = true;
      await typeInto(element, 'goal-why', 'It matters');
      await waitUntil(() => part(element, 'save-status')?.dataset.state === 'error', 'the refused save is reported');
      expect(text(part(element, 'save-status'))).to.equal('Not saved: The storage service is unreachable (HTTP 503).');
      expect(field(element, 'goal-why').value).to.equal('It matters');

      // Two answers and Next without waiting for any save: each write starts from the revision the one before it left.
      const revision = (await storage.get('coaching-runs', run.id))!.revision;
      await typeInto(element, 'goal-what', 'Speak at the guild');
      await typeInto(element, 'goal-session', 'A first outline');
      await pressNext(element);
      await waitUntil(() => currentStepId(element) === 'reality', 'moved on');
      const stored = (await storage.get('coaching-runs', run.id))!;
      const answers = (stored.state as { answers: Record<string, { value: unknown }> }).answers;
      expect(answers['goal-what']!.value).to.equal('Speak at the guild');
      expect(answers['goal-session']!.value).to.equal('A first outline');
      expect(answers['goal-why']!.value, 'the refused answer, kept in its field, is saved with the others').to.equal('It matters');
      expect(stored.revision).to.equal(revision + 4);
      expect(text(part(element, 'save-status'))).to.equal('Saved');
      await expect(element).to.be.accessible();
    });

    it('summary: "Turn into goals" fires mk-turn-into-goals with drafts and hands them to createGoal; axe passes', async () => {
      const kit = track(await readyKit(await seededStorage(), 'lucia'));
      const coaching = kit.use(coachingFeature);
      const run = await coaching.start({ pairingId: 'p-lucia', model: 'grow' });
      await coaching.answer(run.id, 'goal-what', 'Lead a review');
      await coaching.next(run.id);
      await coaching.answer(run.id, 'reality-now', 'Never done it');
      await coaching.next(run.id);
      await coaching.answer(run.id, 'options-list', ['Shadow']);
      await coaching.next(run.id);
      await coaching.answer(run.id, 'will-actions', ['Shadow Kenji', 'Draft a checklist']);
      await coaching.complete(run.id);
      const created: GoalDraft[] = [];
      const element = await flowFor(kit, { runId: run.id });
      element.createGoal = async (draft) => {
        created.push(draft);
      };
      await ready(element, 'summary');
      expect(text(part(element, 'summary-actions'))).to.contain('Shadow Kenji');
      await expect(element).to.be.accessible();
      part(element, 'turn-into-goals-button')!.click();
      // First the goals' date and skill (SMART's T and R): the date four weeks ahead, the skill to name.
      await waitUntil(() => part(element, 'hand-off') !== null, 'the questions before the hand-off');
      const due = element.shadowRoot!.querySelector<HTMLInputElement>('#hand-off-due')!;
      const skill = element.shadowRoot!.querySelector<HTMLInputElement>('#hand-off-skill')!;
      expect(element.shadowRoot!.activeElement).to.equal(due);
      expect(due.value).to.equal('2026-04-26');
      expect(text(part(element, 'hand-off'))).to.contain('Before these 2 actions become goals');
      await expect(element).to.be.accessible();
      // Every unanswered field at once: a past date and no skill.
      due.value = '2026-01-01';
      due.dispatchEvent(new Event('input'));
      part(element, 'hand-off-create')!.click();
      await element.updateComplete;
      expect([due.getAttribute('aria-invalid'), skill.getAttribute('aria-invalid')]).to.deep.equal(['true', 'true']);
      expect(text(part(element, 'hand-off'))).to.contain('Choose a due date from today on.');
      expect(text(part(element, 'hand-off'))).to.contain('Name the skill or development area these goals serve.');
      expect(created).to.have.length(0);
      await expect(element).to.be.accessible();
      // The skill becomes each goal's skill: over core's limit (100) it shows a counter and is refused, kept whole.
      skill.value = 'x'.repeat(105);
      skill.dispatchEvent(new Event('input'));
      await element.updateComplete;
      const counter = element.shadowRoot!.querySelector<HTMLElement>('#hand-off-skill-counter');
      expect(text(counter)).to.equal('5 characters too many: the most is 100. Shorten it to save; nothing is cut.');
      expect(skill.getAttribute('aria-describedby')).to.contain('hand-off-skill-counter');
      expect(skill.getAttribute('aria-invalid')).to.equal('true');
      part(element, 'hand-off-create')!.click();
      await element.updateComplete;
      expect(skill.value).to.have.length(105);
      expect(created).to.have.length(0);
      await expect(element).to.be.accessible();
      due.value = '2026-05-15';
      due.dispatchEvent(new Event('input'));
      skill.value = 'code review';
      skill.dispatchEvent(new Event('input'));
      await element.updateComplete;
      setTimeout(() => part(element, 'hand-off-create')!.click());
      const event = await oneEvent(element, 'mk-turn-into-goals');
      const detail = event.detail as MkTurnIntoGoalsDetail;
      expect(detail.drafts.map((draft) => [draft.title, draft.dueDate, draft.skill])).to.deep.equal([
        ['Shadow Kenji', '2026-05-15', 'code review'],
        ['Draft a checklist', '2026-05-15', 'code review'],
      ]);
      expect([detail.dueDate, detail.skill]).to.deep.equal(['2026-05-15', 'code review']);
      expect(detail.pairingId).to.equal('p-lucia');
      await waitUntil(() => part(element, 'handed-off') !== null, 'the hand-off is recorded');
      expect(created.map((draft) => [draft.title, draft.dueDate, draft.skill])).to.deep.equal([
        ['Shadow Kenji', '2026-05-15', 'code review'],
        ['Draft a checklist', '2026-05-15', 'code review'],
      ]);
      expect(text(part(element, 'handed-off'))).to.match(/^Turned into 2 goals on /);
      expect(part(element, 'turn-into-goals-button')).to.equal(null);
      await expect(element).to.be.accessible();
    });

    it('shows hostile text in answers as text, never as HTML', async () => {
      const kit = track(await readyKit(await seededStorage(), 'lucia'));
      const coaching = kit.use(coachingFeature);
      const run = await coaching.start({ pairingId: 'p-lucia', model: 'grow' });
      await coaching.answer(run.id, 'goal-what', HOSTILE_NAME);
      await coaching.next(run.id);
      await coaching.answer(run.id, 'reality-now', '<script>alert(1)</script>');
      await coaching.next(run.id);
      await coaching.answer(run.id, 'options-list', [HOSTILE_NAME]);
      await coaching.next(run.id);
      await coaching.answer(run.id, 'will-actions', ['<b>bold</b>']);
      await coaching.next(run.id);
      const element = await flowFor(kit, { runId: run.id });
      await ready(element, 'summary');
      expect(shadow(element).querySelector('img, script, b')).to.equal(null);
      expect(text(part(element, 'summary'))).to.contain(HOSTILE_NAME);
      expect(text(part(element, 'summary'))).to.contain('<b>bold</b>');
      await expect(element).to.be.accessible();
      part(element, 'back-button')!.click();
      await waitUntil(() => currentStepId(element) === 'will');
      expect(field(element, 'will-actions').value).to.equal('<b>bold</b>');
    });
  });

  describe('length limits', () => {
    const savedAnswer = async (storage: StorageAdapter, runId: string, promptId: string) =>
      ((await storage.get('coaching-runs', runId))?.state as { answers: Record<string, { value: unknown } | undefined> }).answers[promptId]?.value;
    const counter = (element: MkCoachingFlow, promptId: string) => shadow(element).querySelector<HTMLElement>(`#prompt-${promptId}-counter`);

    it('an answer over 4,000 characters blocks Next with a message at the field; the text stays whole; fixing it goes on; a reload keeps the saved answer; axe passes', async () => {
      const storage = await seededStorage();
      const kit = track(await readyKit(storage, 'lucia'));
      const run = await kit.use(coachingFeature).start({ pairingId: 'p-lucia', model: 'grow' });
      const element = await flowFor(kit);
      await ready(element, 'step');

      await typeInto(element, 'goal-what', 'x'.repeat(3199));
      expect(counter(element, 'goal-what'), 'below 80 %: no counter').to.equal(null);
      await typeInto(element, 'goal-what', 'x'.repeat(3200));
      expect(text(counter(element, 'goal-what'))).to.equal('800 characters left');
      expect(field(element, 'goal-what').getAttribute('aria-describedby')).to.contain('prompt-goal-what-counter');

      const long = `${HOSTILE_NAME} ${'x'.repeat(4000)}`;
      await typeInto(element, 'goal-what', long);
      const goal = field(element, 'goal-what');
      expect(goal.value).to.equal(long, 'nothing cut');
      expect(goal.getAttribute('aria-invalid')).to.equal('true');
      expect(text(counter(element, 'goal-what'))).to.contain(`${long.length - 4000} characters too many: the most is 4,000`);
      await waitUntil(() => text(part(element, 'save-status')) === 'Not saved: an answer is too long.');
      expect(shadow(element).querySelector('img')).to.equal(null, 'hostile text stays text');

      await pressNext(element);
      expect(currentStepId(element), 'Next is refused').to.equal('goal');
      expect(text(part(element, 'step-error'))).to.contain('Shorten the fields marked');
      expect(part(element, 'step-error')!.getAttribute('role')).to.equal('alert');
      expect(goal.getAttribute('aria-describedby')).to.contain('step-error');
      expect(focused(element)?.id).to.equal('prompt-goal-what', 'focus on the answer to shorten');
      expect(field(element, 'goal-what').value).to.equal(long, 'still whole after the refusal');
      expect(await savedAnswer(storage, run.id, 'goal-what')).to.equal('x'.repeat(3200), 'the last answer that fitted stays saved; nothing is saved cut short');
      await expect(element).to.be.accessible();

      await typeInto(element, 'goal-what', 'Lead the design review of the payments API');
      expect(part(element, 'step-error'), 'the refusal goes once fixed').to.equal(null);
      await pressNext(element);
      await waitUntil(() => currentStepId(element) === 'reality');
      expect(await savedAnswer(storage, run.id, 'goal-what')).to.equal('Lead the design review of the payments API');

      // "Reload": a new client and element on the same storage resume with the saved answer.
      element.remove();
      const reloaded = await flowFor(track(await readyKit(storage, 'lucia')));
      await ready(reloaded, 'step');
      expect(currentStepId(reloaded)).to.equal('reality');
      parts(reloaded, 'back-button')[0]!.click();
      await waitUntil(() => currentStepId(reloaded) === 'goal');
      expect(field(reloaded, 'goal-what').value).to.equal('Lead the design review of the payments API');
    });

    it('nothing is lost across Back and Next: an over-limit answer is still in its field, still marked, when its step comes back', async () => {
      const kit = track(await readyKit(await seededStorage(), 'lucia'));
      const coaching = kit.use(coachingFeature);
      const run = await coaching.start({ pairingId: 'p-lucia', model: 'grow' });
      await coaching.answer(run.id, 'goal-what', 'Lead the design review');
      await coaching.next(run.id);
      const element = await flowFor(kit);
      await ready(element, 'step');
      expect(currentStepId(element)).to.equal('reality');
      const long = 'y'.repeat(4100);
      await typeInto(element, 'reality-now', long);
      parts(element, 'back-button')[0]!.click();
      await waitUntil(() => currentStepId(element) === 'goal', `back to goal; on ${currentStepId(element)}: ${text(part(element, 'base'))}`);
      await pressNext(element);
      await waitUntil(() => currentStepId(element) === 'reality');
      expect(field(element, 'reality-now').value).to.equal(long);
      expect(field(element, 'reality-now').getAttribute('aria-invalid')).to.equal('true');
      await pressNext(element);
      expect(currentStepId(element)).to.equal('reality');
      expect(text(part(element, 'step-error'))).to.contain('Shorten the fields marked');
    });

    it('list answers: an item over 500 characters, by line, blocks Finish on the last step; axe passes', async () => {
      const kit = track(await readyKit(await seededStorage(), 'lucia'));
      const coaching = kit.use(coachingFeature);
      const run = await coaching.start({ pairingId: 'p-lucia', model: 'grow' });
      await coaching.answer(run.id, 'goal-what', 'Lead the design review');
      await coaching.next(run.id);
      await coaching.answer(run.id, 'reality-now', 'Never led one');
      await coaching.next(run.id);
      await coaching.answer(run.id, 'options-list', 'Shadow Kenji');
      await coaching.next(run.id);
      const element = await flowFor(kit);
      await ready(element, 'step');
      expect(currentStepId(element)).to.equal('will');
      await typeInto(element, 'will-actions', `Shadow Kenji\n${'z'.repeat(420)}`);
      expect(text(counter(element, 'will-actions'))).to.equal('Longest item: 80 characters left');
      await typeInto(element, 'will-actions', `Shadow Kenji\n${'z'.repeat(501)}`);
      expect(text(counter(element, 'will-actions'))).to.contain('Line 2: 1 character too many (the most is 500 per item)');
      expect(text(part(element, 'next-button'))).to.equal('Finish');
      await pressNext(element);
      expect(state(element), 'Finish is refused').to.equal('step');
      expect(text(part(element, 'step-error'))).to.contain('Shorten the fields marked');
      await expect(element).to.be.accessible();
    });
  });

  describe('OSKAR', () => {
    it('Scaling is two 0–10 radio groups (now and the target); axe passes', async () => {
      const kit = track(await readyKit(await seededStorage(), 'lucia'));
      const coaching = kit.use(coachingFeature);
      const run = await coaching.start({ pairingId: 'p-lucia', model: 'oskar' });
      await coaching.answer(run.id, 'outcome-what', 'Speak up');
      await coaching.next(run.id);
      const element = await flowFor(kit, { model: 'oskar' });
      await ready(element, 'step');
      expect(currentStepId(element)).to.equal('scaling');
      const groups = parts(element, 'scale');
      expect(groups).to.have.length(2);
      expect(groups.map((group) => group.tagName)).to.deep.equal(['FIELDSET', 'FIELDSET']);
      expect(groups[0]!.querySelectorAll('input[type="radio"]')).to.have.length(11);
      expect(text(groups[1]!.querySelector('legend'))).to.equal('Where do you want to be by our next conversation? (required)');
      expect(text(groups[0])).to.contain('0: Nowhere yet. 10: Fully achieved.');
      await expect(element).to.be.accessible();
      const seven = groups[0]!.querySelector<HTMLInputElement>('input[value="7"]')!;
      seven.click();
      await waitUntil(() => coaching.flowOf(run.id).answers['scaling-now']?.value === 7, 'the scale saves on change');
    });

    it('Review shows what the previous OSKAR run said; axe passes', async () => {
      const kit = track(await readyKit(await seededStorage(), 'lucia'));
      const coaching = kit.use(coachingFeature);
      const walk = async (answers: Record<string, unknown>) => {
        const run = await coaching.start({ pairingId: 'p-lucia', model: 'oskar' });
        const steps: Array<Array<[string, unknown]>> = [
          [['outcome-what', answers.outcome]],
          [
            ['scaling-now', 3],
            ['scaling-target', 5],
          ],
          [['know-how-working', 'Notes']],
          [['action-steps', ['Ask one question per stand-up']]],
        ];
        for (const step of steps) {
          for (const [promptId, value] of step) await coaching.answer(run.id, promptId, value as never);
          await coaching.next(run.id);
        }
        return run;
      };
      const first = await walk({ outcome: 'Speak up in meetings' });
      await coaching.complete(first.id);
      const second = await walk({ outcome: 'Lead the stand-up' });
      const element = await flowFor(kit, { model: 'oskar', runId: second.id });
      await ready(element, 'step');
      expect(currentStepId(element)).to.equal('review');
      const previous = part(element, 'previous')!;
      expect(text(previous)).to.contain('OSKAR session: Speak up in meetings');
      expect(text(previous)).to.contain('Where are you today on a scale of 0 to 10? 3 on a scale of 0 to 10');
      expect(text(previous)).to.contain('Ask one question per stand-up');
      expect(text(part(element, 'next-button'))).to.equal('Finish');
      await expect(element).to.be.accessible();
    });
  });

  describe('custom models', () => {
    const retro = defineCoachingModel({
      id: 'retro',
      name: 'Retro',
      steps: [
        { id: 'wins', title: 'Wins', purpose: 'Start from what went well.', prompts: [{ id: 'wins', kind: 'list', text: 'What went well?', required: true }] },
        {
          id: 'confidence',
          title: 'Confidence',
          purpose: 'Take a reading.',
          prompts: [{ id: 'confidence', kind: 'scale', text: 'How confident are you?', min: 1, max: 5 }],
        },
        { id: 'next', title: 'Next', purpose: 'Commit.', prompts: [{ id: 'tries', kind: 'list', text: 'What will you try?', actions: true }] },
      ],
    });

    it('render from .models and run with no extra code; axe passes on each step', async () => {
      const kit = track(await readyKit(await seededStorage(), 'lucia'));
      const element = await flowFor(kit, { model: 'retro', models: [retro] });
      await ready(element, 'intro');
      expect(text(part(element, 'start-button'))).to.equal('Start a new Retro session');
      part(element, 'start-button')!.click();
      await ready(element, 'step');
      await expect(element).to.be.accessible();
      await typeInto(element, 'wins', 'Shipped the importer');
      await pressNext(element);
      await waitUntil(() => currentStepId(element) === 'confidence');
      expect(parts(element, 'scale')[0]!.querySelectorAll('input')).to.have.length(5);
      await expect(element).to.be.accessible();
      await pressNext(element);
      await waitUntil(() => currentStepId(element) === 'next');
      await typeInto(element, 'tries', 'Pair on the release');
      await pressNext(element);
      await ready(element, 'summary');
      expect(text(part(element, 'summary-actions'))).to.contain('Pair on the release');
      expect(part(element, 'turn-into-goals-button')).to.not.equal(null);
    });
  });

  describe('the custom model of docs/coaching.md', () => {
    it('renders and runs from the exact JSON in the docs', async () => {
      const markdown = await (await fetch('/docs/coaching.md')).text();
      const json = /```json\n([\s\S]*?)\n```/.exec(markdown)![1]!;
      const model = defineCoachingModel(JSON.parse(json));
      const kit = track(await readyKit(await seededStorage(), 'lucia'));
      const element = await flowFor(kit, { model: model.id, models: [model] });
      await ready(element, 'intro');
      part(element, 'start-button')!.click();
      await ready(element, 'step');
      expect(parts(element, 'stepper-item').map(text)).to.deep.equal(['1Wins', '2Energy', '3Next', 'Summary']);
      await typeInto(element, 'wins', 'Shipped the importer');
      await pressNext(element);
      await waitUntil(() => currentStepId(element) === 'energy');
      expect(text(parts(element, 'scale')[0])).to.contain('1: Drained. 5: Full.');
      shadow(element).querySelector<HTMLInputElement>('#prompt-energy-4')!.click();
      await pressNext(element);
      await waitUntil(() => currentStepId(element) === 'next');
      await typeInto(element, 'try', 'Pair on the release');
      await pressNext(element);
      await ready(element, 'summary');
      expect(text(part(element, 'summary'))).to.contain('4 on a scale of 1 to 5');
      await expect(element).to.be.accessible();
    });
  });

  describe('themes and languages', () => {
    it('passes axe in the dark theme on a step and on the summary', async () => {
      const kit = track(await readyKit(await seededStorage(), 'lucia'));
      const coaching = kit.use(coachingFeature);
      const run = await coaching.start({ pairingId: 'p-lucia', model: 'oskar' });
      await coaching.answer(run.id, 'outcome-what', 'Speak up');
      await coaching.next(run.id);
      const wrapper = await fixture<HTMLElement>(
        html`<div data-mk-theme="dark" style="background: #15181d; padding: 1rem"><mk-coaching-flow .kit=${kit} model="oskar" pairing-id="p-lucia" locale="en-GB"></mk-coaching-flow></div>`,
      );
      const element = wrapper.querySelector('mk-coaching-flow')!;
      await ready(element, 'step');
      await expect(wrapper).to.be.accessible();
    });

    it('speaks Spanish under lang="es", (localize.test.ts checks every catalogue is complete)', async () => {
      const kit = track(await readyKit(await seededStorage(), 'lucia'));
      const wrapper = await fixture<HTMLElement>(html`<div lang="es"><mk-coaching-flow .kit=${kit} pairing-id="p-lucia"></mk-coaching-flow></div>`);
      await languagesReady(wrapper);
      const element = wrapper.querySelector('mk-coaching-flow')!;
      await ready(element, 'intro');
      expect(text(part(element, 'start-button'))).to.equal('Empezar una nueva sesión GROW');
    });

    it('shows GROW in Spanish on a Spanish page: intro, steps, questions, refusals and summary; saved answers keep their ids', async () => {
      registerSpanish();
      const kit = track(await readyKit(await seededStorage(), 'lucia'));
      const wrapper = await fixture<HTMLElement>(html`<div lang="es"><mk-coaching-flow .kit=${kit} pairing-id="p-lucia"></mk-coaching-flow></div>`);
      await languagesReady(wrapper);
      const element = wrapper.querySelector('mk-coaching-flow')!;
      await ready(element, 'intro');
      expect(text(shadow(element).querySelector('.intro-steps')))
        .to.contain('Meta:')
        .and.contain('Realidad:');
      await expect(element).to.be.accessible();
      part(element, 'start-button')!.click();
      await ready(element, 'step');
      expect(text(part(element, 'step-title'))).to.equal('Meta');
      expect(text(shadow(element).querySelector('label[for="prompt-goal-what"]'))).to.contain('¿Qué quieres lograr?');
      expect(text(part(element, 'stepper'))).to.contain('Voluntad');
      await pressNext(element);
      expect(text(part(element, 'step-error'))).to.equal('Antes de salir de Meta, responde esta pregunta: «¿Qué quieres lograr?».');
      await expect(element).to.be.accessible();
      await typeInto(element, 'goal-what', 'Dirigir la revisión de diseño');
      await waitUntil(() => {
        const run = kit.use(coachingFeature).$runs.get()[0];
        return run !== undefined && kit.use(coachingFeature).flowOf(run).answers['goal-what']?.value === 'Dirigir la revisión de diseño';
      }, 'saved under the same prompt id');
      await pressNext(element);
      expect(text(part(element, 'step-title'))).to.equal('Realidad');
      await expect(element).to.be.accessible();
    });
  });
});

export type { StorageAdapter };
