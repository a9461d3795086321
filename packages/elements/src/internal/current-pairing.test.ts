// Issue 19, item 1: a mentor with several mentees is no longer stuck on the first one. Every element
// about one pairing follows the client's current pairing (set by <mk-pairing-card> and
// <mk-provider pairing-id>) unless its own `pairing-id` pins it, and says whose it is.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { MentorKit } from '@mentorkit/core';
import { coachingFeature } from '@mentorkit/core/coaching';
import { goalsOf } from '@mentorkit/core/goals';
import { readyKit, seededStorage } from '../testing/fixtures.js';
import '../define-all.js';
import { text } from '../testing/queries.js';

const FOLLOWERS = [
  'mk-goal-tracker',
  'mk-goal-editor',
  'mk-coaching-flow',
  'mk-icebreaker',
  'mk-agreement',
  'mk-scheduler',
  'mk-checkin',
  'mk-session-feedback',
] as const;
const withLine = (element: Element) => text(element.shadowRoot!.querySelector('[part~="pairing-with"]'));
const headingOf = (element: Element) => text(element.shadowRoot!.querySelector('[part~="heading"]'));

describe('the current pairing', () => {
  const kits: MentorKit[] = [];
  afterEach(async () => {
    await Promise.all(kits.splice(0).map((kit) => kit.dispose()));
  });

  async function page(attributes: { providerPairing?: string } = {}) {
    const kit = await readyKit(await seededStorage(), 'kenji');
    kits.push(kit);
    const root = await fixture<HTMLElement>(html`<mk-provider .kit=${kit} pairing-id=${attributes.providerPairing ?? ''} lang="en-GB">
      <mk-pairing-card></mk-pairing-card>
      ${FOLLOWERS.map((tag) => {
        switch (tag) {
          case 'mk-goal-tracker':
            return html`<mk-goal-tracker></mk-goal-tracker>`;
          case 'mk-goal-editor':
            return html`<mk-goal-editor></mk-goal-editor>`;
          case 'mk-coaching-flow':
            return html`<mk-coaching-flow></mk-coaching-flow>`;
          case 'mk-icebreaker':
            return html`<mk-icebreaker></mk-icebreaker>`;
          case 'mk-agreement':
            return html`<mk-agreement></mk-agreement>`;
          case 'mk-scheduler':
            return html`<mk-scheduler></mk-scheduler>`;
          case 'mk-checkin':
            return html`<mk-checkin></mk-checkin>`;
          default:
            return html`<mk-session-feedback></mk-session-feedback>`;
        }
      })}
      <mk-thread></mk-thread>
      <mk-goal-tracker id="pinned" pairing-id="p-daniel"></mk-goal-tracker>
    </mk-provider>`);
    const elements = FOLLOWERS.map((tag) => root.querySelector(tag)!);
    await Promise.all(
      [...elements, root.querySelector('mk-thread')!, root.querySelector('#pinned')!].map(
        (element) => (element as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete,
      ),
    );
    return {
      kit,
      root,
      elements,
      thread: root.querySelector('mk-thread')!,
      pinned: root.querySelector('#pinned')!,
      card: root.querySelector('mk-pairing-card')!,
    };
  }

  it("every panel shows the mentor's first pairing and says whose it is; picking another on the card moves them all, a pinned one stays; passes axe", async () => {
    const { kit, elements, thread, pinned, card } = await page();
    expect(kit.$currentPairingId.get()).to.equal('p-daniel');
    for (const element of elements)
      await waitUntil(() => withLine(element) === 'with Daniel Kim', `${element.localName} says with Daniel Kim (has "${withLine(element)}")`, {
        timeout: 4000,
      });
    await waitUntil(() => headingOf(thread) === 'Conversation with Daniel Kim', 'the thread heading');
    // The card marks the pairing every panel shows.
    const buttons = [...card.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~="pairing-button"]')];
    const daniel = buttons.find((button) => text(button) === 'Daniel Kim')!;
    const lucia = buttons.find((button) => text(button) === 'Lucía Fernández and Arjun Shrestha')!;
    expect(daniel.getAttribute('aria-current')).to.equal('true');
    expect(lucia.hasAttribute('aria-current')).to.equal(false);
    expect(text(daniel.closest('[part~="pairing"]')!.querySelector('[part~="current"]'))).to.equal('Shown in every panel');
    await expect(card).to.be.accessible();

    lucia.focus();
    await sendKeys({ press: 'Enter' });
    expect(kit.$currentPairingId.get()).to.equal('p-lucia');
    for (const element of elements)
      await waitUntil(() => withLine(element) === 'with Lucía Fernández and Arjun Shrestha', `${element.localName} follows (has "${withLine(element)}")`, {
        timeout: 4000,
      });
    await waitUntil(() => headingOf(thread) === 'Conversation with Lucía Fernández and Arjun Shrestha', 'the thread follows');
    expect(lucia.getAttribute('aria-current')).to.equal('true');
    expect(withLine(pinned), 'pinned with pairing-id').to.equal('with Daniel Kim');
    for (const element of elements) await expect(element).to.be.accessible();
  });

  it('the coaching flow shows the chosen mentee\'s session, and "New goal" sets the goal for the chosen mentee', async () => {
    const { kit, root } = await page();
    await kit.use(coachingFeature).start({ pairingId: 'p-lucia', model: 'grow' });
    const flow = root.querySelector('mk-coaching-flow')!;
    const state = () => flow.shadowRoot!.querySelector('[part~="base"]')?.getAttribute('data-state');
    await waitUntil(() => state() === 'intro', 'Daniel has no session yet');
    kit.selectPairing('p-lucia');
    await waitUntil(() => state() === 'step', "Lucía's session in progress, resumed");
    kit.selectPairing('p-daniel');
    await waitUntil(() => state() === 'intro', 'back to Daniel');

    kit.selectPairing('p-lucia');
    const tracker = root.querySelector('mk-goal-tracker')!;
    const editor = root.querySelector('mk-goal-editor')!;
    await waitUntil(() => withLine(editor) === 'with Lucía Fernández and Arjun Shrestha');
    tracker.shadowRoot!.querySelector<HTMLButtonElement>('[part~="new-goal"], [part~="empty-action"]')!.click();
    const title = editor.shadowRoot!.querySelector<HTMLInputElement>('#title')!;
    title.value = 'Review 2 design docs with Lucía';
    title.dispatchEvent(new Event('input'));
    await (editor as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    editor.shadowRoot!.querySelector<HTMLButtonElement>('[part~="save"]')!.click();
    // A title alone meets 2 of 5 SMART letters: the editor asks first.
    await waitUntil(() => editor.shadowRoot!.querySelector('[part~="confirm-save"]') !== null, 'the editor asks before saving a vague draft');
    editor.shadowRoot!.querySelector<HTMLButtonElement>('[part~="confirm-save"]')!.click();
    await waitUntil(() => goalsOf(kit).$goals.get().length === 1, 'the goal is saved', { timeout: 4000 });
    expect(goalsOf(kit).$goals.get()[0]!.pairingId).to.equal('p-lucia');
    await waitUntil(() => tracker.shadowRoot!.querySelectorAll('[part~="goal"]').length === 1, 'the tracker lists it');
    kit.selectPairing('p-daniel');
    await waitUntil(() => tracker.shadowRoot!.querySelectorAll('[part~="goal"]').length === 0, "Daniel's goals: none");
  });

  it('<mk-provider pairing-id> sets the current pairing', async () => {
    const { kit, elements } = await page({ providerPairing: 'p-lucia' });
    expect(kit.$currentPairingId.get()).to.equal('p-lucia');
    await waitUntil(() => withLine(elements[0]!) === 'with Lucía Fernández and Arjun Shrestha');
  });
});
