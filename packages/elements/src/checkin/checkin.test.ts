import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createMentorKit, installedFeature, type MentorKit, type StorageAdapter } from '@mentorkit/core';
import { CHECKIN_MESSAGES, type CheckInsApi } from '@mentorkit/core/checkins';
import { failingStorage, pendingStorage, languagesReady } from '../testing/fixtures.js';
import { HOSTILE_NAME, kitOn, planningStorage } from '../testing/planning-fixtures.js';
import './define.js';
import type { MkCheckin } from './checkin.js';
import { disposeKitsAfterEach, focused, part, text } from '../testing/queries.js';

const waitForState = (element: MkCheckin, state: string) =>
  waitUntil(() => part(element, 'base')?.dataset.state === state, `state ${state}`, { timeout: 4000 });

async function checkinFor(kit: MentorKit | undefined, options: { pairingId?: string; inactiveAfterDays?: number; theme?: string } = {}): Promise<MkCheckin> {
  const wrapper = await fixture<HTMLElement>(
    html`<div data-mk-theme=${options.theme ?? 'light'}><mk-checkin .kit=${kit} pairing-id=${options.pairingId ?? 'p-daniel'} inactive-after-days=${options.inactiveAfterDays ?? 21} locale="en-GB"></mk-checkin></div>`,
  );
  const element = wrapper.querySelector('mk-checkin')!;
  await element.updateComplete;
  return element;
}

async function addFeedback(storage: StorageAdapter, ratings: number[]) {
  let index = 0;
  for (const rating of ratings) {
    index++;
    await storage.put(
      'feedback',
      {
        id: `f${index}`,
        pairingId: 'p-daniel',
        sessionId: `s${index}`,
        authorId: 'daniel',
        rating,
        helped: '',
        missed: '',
        tags: [],
        revealWhenBothSubmitted: false,
        submittedAt: `2026-03-2${index}T10:00:00Z`,
      },
      { expectedRevision: null },
    );
  }
}

describe('<mk-checkin>', () => {
  const track = disposeKitsAfterEach();

  it('loading, error, not-found and no-agreement states pass axe', async () => {
    const loading = await checkinFor(track(createMentorKit({ storage: pendingStorage(), user: 'kenji' })));
    expect(text(part(loading, 'loading'))).to.equal('Loading check-ins…');
    await expect(loading).to.be.accessible();
    const failing = track(createMentorKit({ storage: failingStorage(), user: 'kenji' }));
    await failing.ready.catch(() => undefined);
    const error = await checkinFor(failing);
    expect(part(error, 'error')!.getAttribute('role')).to.equal('alert');
    await expect(error).to.be.accessible();
    const kit = track(await kitOn(await planningStorage({ agreement: false }), 'kenji'));
    const none = await checkinFor(kit);
    await waitForState(none, 'no-agreement');
    expect(text(part(none, 'empty'))).to.contain('No working agreement yet');
    await expect(none).to.be.accessible();
    const missing = await checkinFor(kit, { pairingId: 'p-unknown' });
    await waitForState(missing, 'not-found');
  });

  it('overdue: when it was due, by how much, and reminders for the mentor at a sensible local hour', async () => {
    const kit = track(await kitOn(await planningStorage(), 'kenji'));
    const element = await checkinFor(kit);
    await waitForState(element, 'ready');
    const due = part(element, 'due')!;
    expect(due.dataset.overdue).to.equal('true');
    // Agreed 10 March (Los Angeles 02:00 = Tokyo 18:00 … the proposal at 09:00Z): regular = 14 days.
    expect(part(element, 'due-date')!.getAttribute('datetime')).to.equal('2026-03-24T09:00:00.000Z');
    expect(text(due)).to.contain('Was due Tue 24 Mar, 18:00');
    // One figure, counted once in core on Kenji's calendar (Tuesday 24 to Monday 30 March): it used to
    // read "6 days ago" beside "overdue by 5 days" (5.5 days of hours, rounded here and floored there).
    expect(text(due)).to.contain('(6 days ago)');
    expect(text(part(element, 'overdue'))).to.contain('Check-in overdue by 6 days');
    const nudges = [...part(element, 'nudges')!.querySelectorAll<HTMLElement>('li')];
    expect(nudges.map((nudge) => [nudge.dataset.kind, nudge.dataset.person])).to.deep.equal([['check-in-overdue', 'kenji']]);
    // 06:10 Monday in Tokyo: the reminder waits for 09:00.
    expect(text(nudges[0])).to.contain('Kenji Watanabe, Mon 30 Mar, 09:00 their time');
    expect(part(element, 'inactive')).to.equal(null);
    await expect(element).to.be.accessible();
  });

  it('on track after a held session; the next booked session is shown', async () => {
    const kit = track(
      await kitOn(
        await planningStorage({
          sessions: [
            { start: '2026-03-24T22:00:00Z', end: '2026-03-24T23:00:00Z', status: 'held' },
            { start: '2026-04-06T22:00:00Z', end: '2026-04-06T23:00:00Z' },
          ],
        }),
        'daniel',
      ),
    );
    const element = await checkinFor(kit);
    await waitForState(element, 'ready');
    expect(part(element, 'due')!.dataset.overdue).to.equal('false');
    expect(text(part(element, 'due'))).to.contain('Last check-in: a session');
    expect(text(part(element, 'due'))).to.contain('it covers this check-in');
    expect(part(element, 'overdue')).to.equal(null);
    await expect(element).to.be.accessible();
  });

  it('a quiet pair (inactive-after-days) is flagged and everyone is nudged', async () => {
    const kit = track(await kitOn(await planningStorage(), 'daniel'));
    const element = await checkinFor(kit, { inactiveAfterDays: 14, theme: 'dark' });
    await waitForState(element, 'ready');
    expect(text(part(element, 'inactive'))).to.contain('No activity for 20 days');
    const people = [...part(element, 'nudges')!.querySelectorAll<HTMLElement>('li')].map((nudge) => `${nudge.dataset.kind}:${nudge.dataset.person}`);
    expect(people).to.include.members(['pair-inactive:daniel', 'pair-inactive:kenji', 'check-in-overdue:kenji']);
    await expect(element.parentElement!).to.be.accessible();
  });

  it('suggests more hand-holding after low ratings, explains why, and the keyboard can adopt or keep it', async () => {
    const storage = await planningStorage();
    await addFeedback(storage, [2, 2, 3]);
    const kit = track(await kitOn(storage, 'kenji'));
    const element = await checkinFor(kit);
    await waitUntil(() => part(element, 'level')?.dataset.change === 'more', 'the suggestion appears');
    expect(text(part(element, 'level'))).to.contain('Agreed: Regular · suggested: High-touch');
    expect(text(part(element, 'reasons'))).to.equal('Recent session ratings average 2.3 of 5.');
    await expect(element).to.be.accessible();
    part(element, 'keep-button')!.focus();
    await sendKeys({ press: 'Enter' });
    await element.updateComplete;
    expect(focused()).to.equal(part(element, 'notice'));
    expect(text(part(element, 'reasons'))).to.contain('Kept at Regular by choice (the suggestion was High-touch).');
    expect(part(element, 'adopt-button')).to.equal(null);

    const second = await checkinFor(kit);
    await waitUntil(() => part(second, 'adopt-button') !== null, 'adopt button');
    const changed = oneEvent(second, 'mk-checkin-level-change');
    part(second, 'adopt-button')!.click();
    const event = await changed;
    expect(event.detail).to.deep.equal({ pairingId: 'p-daniel', level: 'high-touch', version: 2 });
    await waitUntil(() => text(part(second, 'notice')).includes('High-touch'), 'notice');
    expect(text(part(second, 'due'))).to.contain('High-touch: every 7 days');
    await expect(second).to.be.accessible();
  });

  it('installs the check-ins feature on its client and shows its view; a host catalogue words the reasons and reminders', async () => {
    const storage = await planningStorage();
    await addFeedback(storage, [2, 2, 3]);
    const kit = track(await kitOn(storage, 'kenji'));
    const messages = {
      ...CHECKIN_MESSAGES,
      levels: { 'high-touch': 'Close', regular: 'Usual', 'light-touch': 'Loose' },
      reasons: { ...CHECKIN_MESSAGES.reasons, lowRatings: 'Ratings: {average}.', overridden: 'Kept {level}, not {suggested}.' },
      nudges: { ...CHECKIN_MESSAGES.nudges, 'check-in-overdue': 'Late with {other}: {days} {days|day|days}.' },
    };
    const wrapper = await fixture<HTMLElement>(
      html`<div><mk-checkin .kit=${kit} .messages=${messages} pairing-id="p-daniel" locale="en-GB"></mk-checkin></div>`,
    );
    const element = wrapper.querySelector('mk-checkin')!;
    await waitUntil(() => part(element, 'level')?.dataset.change === 'more', 'the suggestion appears');
    const checkins = installedFeature<CheckInsApi>(kit, 'checkins');
    expect(checkins, 'kit.checkins').to.not.equal(undefined);
    const view = checkins!.viewFor('p-daniel').get();
    expect(view.state).to.equal('ready');
    expect(text(part(element, 'reasons'))).to.equal('Ratings: 2.3.');
    expect(text(part(element, 'nudges'))).to.contain('Late with Daniel Kim: 6 days.');
    expect(text(part(element, 'level'))).to.contain('Agreed: Usual · suggested: Close');
    part(element, 'keep-button')!.click();
    await element.updateComplete;
    expect(text(part(element, 'reasons'))).to.contain('Kept Usual, not Close.');
  });

  it('shows hostile names as text in reminders', async () => {
    const kit = track(await kitOn(await planningStorage(), 'kenji'));
    await kit.people.save({ ...kit.people.get('kenji'), displayName: HOSTILE_NAME });
    const element = await checkinFor(kit);
    await waitForState(element, 'ready');
    expect(text(part(element, 'nudges')!.querySelector('.nudge-who'))).to.equal(HOSTILE_NAME);
    expect(element.shadowRoot!.querySelector('img')).to.equal(null);
  });
  it('speaks Spanish under lang="es" (reasons and reminders too) and passes axe', async () => {
    const storage = await planningStorage();
    await addFeedback(storage, [2, 2, 3]);
    const kit = track(await kitOn(storage, 'kenji'));
    const wrapper = await fixture<HTMLElement>(html`<div lang="es"><mk-checkin .kit=${kit} pairing-id="p-daniel"></mk-checkin></div>`);
    await languagesReady(wrapper);
    const element = wrapper.querySelector('mk-checkin')!;
    await waitUntil(() => part(element, 'level')?.dataset.change === 'more', 'the suggestion appears');
    expect(text(part(element, 'heading'))).to.equal('Seguimientos con Daniel Kim');
    expect(text(part(element, 'due'))).to.contain('Próximo seguimiento');
    expect(text(part(element, 'due'))).to.contain('Regular: cada 14 días.');
    expect(text(part(element, 'overdue'))).to.contain('Seguimiento atrasado 6 días');
    expect(text(part(element, 'level'))).to.contain('Acordado: Regular · sugerido: Intensivo');
    expect(text(part(element, 'reasons'))).to.equal('Las sesiones recientes tienen una valoración media de 2,3 sobre 5.');
    expect(text(part(element, 'adopt-button'))).to.equal('Cambiar a Intensivo');
    expect(text(part(element, 'nudges'))).to.contain('lleva 6 días de retraso');
    expect(text(part(element, 'nudges'))).to.contain('hora local');
    expect(text(part(element, 'base'))).not.to.match(/\b(?:Check-in|Reminders|Agreed|their time)\b/);
    await expect(wrapper).to.be.accessible();
    part(element, 'keep-button')!.click();
    await element.updateComplete;
    expect(text(part(element, 'notice'))).to.equal('Se mantiene en Regular.');
    expect(text(part(element, 'reasons'))).to.contain('Se mantiene en Regular por decisión propia (la sugerencia era Intensivo).');
  });
});
