import { html, render } from 'lit';
import { isMentorKitError } from '@mentorkit/core';
import { coachingFeature } from '@mentorkit/core/coaching';
import { goalsFeature } from '@mentorkit/core/goals';
import type { MkTurnIntoGoalsDetail } from '@mentorkit/elements';
import type { DemoPanel } from './panel.js';

const MODEL_KEY = 'acme-demo-coaching-model';
const MODELS = [
  { id: 'grow', label: 'GROW: start from a goal, end with committed actions' },
  { id: 'oskar', label: 'OSKAR: build on what already works, one step up the scale' },
] as const;

/**
 * The demo's coaching panel: the pair opens with an icebreaker, picks GROW or OSKAR, and runs the
 * session in <mk-coaching-flow> — both for the current pairing (they follow it: no `pairing-id`). Every answer is saved as it is typed, so either person can leave
 * halfway, reload (or open it on another device) and carry on. "Turn into goals" is handled here,
 * by the host: the element fires `mk-turn-into-goals`, and the host hands the drafts to the goals
 * module through `kit.coaching.turnIntoGoals`, which records the hand-off on the run.
 */
export const coachingPanel: DemoPanel = {
  id: 'coaching-panel',
  visible: (context) => context.viewAs !== 'admin' && context.pairingId !== undefined,
  mount(container, context) {
    const { kit } = context;
    const coaching = kit.use(coachingFeature);
    const goals = kit.use(goalsFeature);
    let model = localStorage.getItem(MODEL_KEY) === 'oskar' ? 'oskar' : 'grow';

    const onTurnIntoGoals = async (event: CustomEvent<MkTurnIntoGoalsDetail>) => {
      // The element asked for the goals' due date and skill; they go with each draft.
      const { runId, dueDate, skill } = event.detail;
      try {
        const { results } = await coaching.turnIntoGoals(runId, (draft, handOff) => goals.create({ ...draft, pairingId: handOff.pairingId }), {
          dueDate,
          skill,
        });
        context.setStatus(`${results.length} ${results.length === 1 ? 'goal' : 'goals'} created from the session’s actions.`);
      } catch (error) {
        context.setStatus(isMentorKitError(error) ? error.message : `The goals could not be created: ${String(error)}`, 'error');
      }
    };
    const offs = [kit.on('coaching-run-completed', () => context.setStatus('Coaching session completed. Its summary is saved for both of you.'))];

    const draw = () =>
      render(
        html`<div class="lms-coaching" style="display: grid; gap: 1.25rem">
          <mk-icebreaker heading-level="3" show-formats></mk-icebreaker>
          <fieldset class="lms-choice" style="border: 0; padding: 0; margin: 0; display: grid; gap: 0.25rem">
            <legend style="font-weight: 600; padding: 0">Coaching model</legend>
            ${MODELS.map(
              (option) => html`<label style="display: flex; gap: 0.5rem; align-items: center">
                <input type="radio" name="coaching-model" value=${option.id} .checked=${model === option.id}
                  @change=${() => {
                    model = option.id;
                    localStorage.setItem(MODEL_KEY, model);
                    draw();
                  }} />
                ${option.label}
              </label>`,
            )}
          </fieldset>
          <mk-coaching-flow model=${model} heading-level="3" @mk-turn-into-goals=${onTurnIntoGoals}></mk-coaching-flow>
        </div>`,
        container,
      );
    draw();
    return () => {
      for (const off of offs) off();
      render(html``, container);
    };
  },
};
