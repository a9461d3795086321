import { html, nothing, render } from 'lit';
import { agreementsFeature } from '@mentorkit/core/agreements';
import { sessionsFeature } from '@mentorkit/core/scheduling';
import type { DemoPanel, DemoPanelContext } from './panel.js';

/**
 * The demo's "Agreement and meetings" panel for mentees and mentors: the pair's working agreement
 * (<mk-agreement>), finding a time across time zones and booking it (<mk-scheduler>, with .ics
 * download), the person's own calendars whose busy times the scheduler leaves out and the feed of their
 * booked sessions (<mk-calendar-connections>; on IndexedDB it says this needs the MentorKit server, on
 * `?storage=rest` it works), and when the next check-in is due (<mk-checkin>), for the current pairing (mentors with
 * several mentees pick it once, in "Working with" or on the pairing card, and every panel follows).
 * The host only listens to the elements' events to update its status line.
 */
export const schedulePanel: DemoPanel = {
  id: 'schedule-panel',
  visible: (context) => context.viewAs !== 'admin' && context.pairingId !== undefined,
  mount(container, context: DemoPanelContext) {
    const { kit } = context;
    if (!context.pairingId) return () => undefined;
    kit.use(agreementsFeature);
    kit.use(sessionsFeature);
    const say = (message: string) => () => context.setStatus(message);
    // The calendars are the viewer's own, whatever the pairing. The three other elements follow the current pairing ("Working with", or the pairing card): no `pairing-id`.
    const draw = () =>
      render(
        html`<div class="schedule-panel" style="display: grid; gap: 1.25rem">
          <mk-agreement heading-level="3"
            @mk-agreement-proposed=${say('Working agreement proposed: the others are asked to confirm it.')}
            @mk-agreement-changed=${say('Working agreement changed: a new version to confirm.')}
            @mk-agreement-confirmed=${say('You confirmed the working agreement.')}></mk-agreement>
          <mk-calendar-connections heading-level="3"
            @mk-calendar-connected=${(event: CustomEvent<{ calendar: { label: string } }>) => context.setStatus(`Calendar “${event.detail.calendar.label}” connected: the scheduler leaves out the times it holds.`)}
            @mk-calendar-disconnected=${(event: CustomEvent<{ label: string }>) => context.setStatus(`Calendar “${event.detail.label}” disconnected: its busy times are forgotten.`)}
            @mk-calendar-feed-changed=${(event: CustomEvent<{ action: 'rotated' | 'stopped' | 'started' }>) =>
              context.setStatus(
                event.detail.action === 'stopped'
                  ? 'Sessions feed stopped: its address no longer works.'
                  : event.detail.action === 'rotated'
                    ? 'New sessions feed address: the old one no longer works.'
                    : 'Sessions feed address made.',
              )}></mk-calendar-connections>
          <mk-scheduler heading-level="3"
            @mk-session-booked=${(event: CustomEvent<{ sessionIds: string[] }>) => context.setStatus(`${event.detail.sessionIds.length === 1 ? 'Session' : `${event.detail.sessionIds.length} sessions`} booked.`)}
            @mk-calendar-download=${say('Calendar file downloaded: open it to add the sessions to your calendar.')}></mk-scheduler>
          <mk-checkin heading-level="3"
            @mk-checkin-level-change=${say('Check-in level change proposed in the agreement.')}></mk-checkin>
        </div>`,
        container,
      );
    draw();
    return () => render(nothing, container);
  },
};
