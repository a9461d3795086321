import { html, nothing, render } from 'lit';
import { isMentorKitError, type MentorKit } from '@mentorkit/core';
import { sessionsFeature } from '@mentorkit/core/scheduling';
import { feedbackFeature, type TrainingCourseInput } from '@mentorkit/core/feedback';
import { messagingFeature } from '@mentorkit/core/messaging';
import type { DemoPanel, DemoPanelContext } from './panel.js';

/** Acme's mentor-training catalogue: what the LMS offers, and which needs each course answers. */
export const ACME_TRAINING_CATALOGUE: TrainingCourseInput[] = [
  {
    id: 'acme-timebox',
    title: 'Timeboxing a 45-minute mentoring session',
    url: 'https://learn.acme.example/courses/mentor-timeboxing',
    needs: ['time-management'],
    durationMinutes: 25,
  },
  {
    id: 'acme-prepare',
    title: 'Preparing a session in ten minutes',
    url: 'https://learn.acme.example/courses/mentor-preparation',
    needs: ['preparation', 'goal-setting'],
    durationMinutes: 15,
  },
  {
    id: 'acme-listening',
    title: 'Active listening for mentors',
    url: 'https://learn.acme.example/courses/active-listening',
    needs: ['listening'],
    durationMinutes: 40,
  },
  {
    id: 'acme-feedback-loop',
    title: 'When ratings fall: a mentor’s reset',
    url: 'https://learn.acme.example/courses/ratings-reset',
    needs: ['falling-rating', 'low-rating', 'follow-up'],
    durationMinutes: 30,
  },
];

/**
 * Writes a session of the pairing that ended a few minutes ago — the demo has no booking UI here, so
 * this stands in for "a session ends": booked, then marked held, through the sessions feature.
 */
async function logEndedSession(kit: MentorKit, pairingId: string): Promise<void> {
  kit.use(feedbackFeature);
  const now = Date.parse(kit.now());
  const start = new Date(now - 50 * 60_000).toISOString();
  const end = new Date(now - 5 * 60_000).toISOString();
  const sessions = kit.use(sessionsFeature);
  const session = await sessions.book({
    pairingId,
    title: `Mentoring session, ${new Date(start).toLocaleDateString(undefined, { dateStyle: 'medium' })}`,
    start,
    end,
    timeZone: kit.$me.get()?.timeZone ?? 'UTC',
  });
  await sessions.markHeld(session.id);
}

/**
 * The demo's conversation and feedback panel: the quick feedback form, insights and the pair's thread.
 * Mentors are asked too (`askMentors`): the mentee, the mentor and a co-mentor each get their own
 * form for the same session, so "reveal when both submit" completes — each sees the other's note once
 * both have sent theirs. The form shows the newest open request, else the person's last note (editable
 * until its deadline), so a note sent before a reload is still there.
 */
export const conversationPanel: DemoPanel = {
  id: 'conversation-panel',
  visible: (context) =>
    context.viewAs === 'admin'
      ? context.kit.$programs.get().some((program) => program.adminIds.includes(context.kit.user.id))
      : context.pairingId !== undefined,
  mount(container, context: DemoPanelContext) {
    const { kit, viewAs } = context;
    kit.use(feedbackFeature).configure({ askMentors: true, courses: ACME_TRAINING_CATALOGUE });
    kit.use(messagingFeature);
    const program = kit.$programs.get().find((candidate) => candidate.adminIds.includes(kit.user.id));
    const logSession = async () => {
      // A session of the pairing every panel shows now.
      const pairingId = kit.$currentPairingId.get();
      if (!pairingId) return;
      try {
        await logEndedSession(kit, pairingId);
        context.setStatus('A session that just ended was logged: its feedback request is open.');
      } catch (error) {
        context.setStatus(isMentorKitError(error) ? error.message : String(error), 'error');
      }
    };
    const onFeedback = (event: CustomEvent<{ edited: boolean }>) =>
      context.setStatus(event.detail.edited ? 'Your feedback was changed.' : 'Your feedback was sent.');
    // The form, the insights and the thread follow the current pairing ("Working with", the pairing card).
    const draw = () =>
      render(
        html`<div class="conversation-panel" style="display: grid; gap: 1.25rem">
          ${
            viewAs === 'admin'
              ? html`<mk-feedback-insights program-id=${program?.id ?? ''} heading-level="3"></mk-feedback-insights>`
              : html`
                <div class="lms-actions" style="margin-top: 0">
                  <button type="button" class="lms-button lms-button--secondary" data-action="log-session" @click=${logSession}>Log a session that just ended (demo)</button>
                </div>
                <mk-session-feedback heading-level="3" @mk-feedback-submit=${onFeedback}></mk-session-feedback>
                ${viewAs === 'mentee' ? nothing : html`<mk-feedback-insights heading-level="3"></mk-feedback-insights>`}
                <mk-thread heading-level="3"></mk-thread>
              `
          }
        </div>`,
        container,
      );
    draw();
    return () => render(nothing, container);
  },
};
