import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { Collections, createMemoryStorage, createMentorKit, type MentorKit, type StorageAdapter } from '@mentorkit/core';
import { registerSpanish } from '@mentorkit/core/es';
import { pairingFeature } from '@mentorkit/core/pairing';
import { DEMO_PROGRAM_ID, seedDemoProgram } from '../../../../examples/shared/demo-program.js';
import { HOSTILE_NAME, failingStorage, languagesReady, pendingStorage } from '../testing/fixtures.js';
import './define.js';
import type { MkPairingBoard } from './pairing-board.js';
import { disposeKitsAfterEach, text } from '../testing/queries.js';

const NOW = '2026-10-14T09:00:00Z';
const shadow = (element: MkPairingBoard) => element.shadowRoot!;
const part = (element: MkPairingBoard, name: string) => shadow(element).querySelector<HTMLElement>(`[part~="${name}"]`);
const parts = (element: MkPairingBoard, name: string) => [...shadow(element).querySelectorAll<HTMLElement>(`[part~="${name}"]`)];

async function demoStorage(options: { hostile?: boolean } = {}): Promise<StorageAdapter> {
  const storage = createMemoryStorage();
  await seedDemoProgram(storage);
  if (options.hostile) {
    const zara = await storage.get(Collections.people, 'zara-ahmed');
    await storage.put(Collections.people, { ...zara!, displayName: HOSTILE_NAME });
  }
  return storage;
}

async function kitFor(storage: StorageAdapter, userId = 'priya-raman'): Promise<MentorKit> {
  const kit = createMentorKit({ storage, user: userId, now: () => NOW });
  await kit.ready.catch(() => undefined);
  return kit;
}

async function board(kit: MentorKit, programId = DEMO_PROGRAM_ID): Promise<MkPairingBoard> {
  const element = await fixture<MkPairingBoard>(html`<mk-pairing-board .kit=${kit} program-id=${programId} locale="en-GB"></mk-pairing-board>`);
  await element.updateComplete;
  return element;
}

async function run(element: MkPairingBoard): Promise<void> {
  part(element, 'run')!.click();
  await waitUntil(() => parts(element, 'pair').length > 0, 'pairs proposed', { timeout: 10_000 });
  await element.updateComplete;
}

describe('<mk-pairing-board>', () => {
  const track = disposeKitsAfterEach();

  it('is busy while loading, and passes axe', async () => {
    const element = await board(track(createMentorKit({ storage: pendingStorage(), user: 'priya-raman' })));
    expect(part(element, 'base')!.getAttribute('aria-busy')).to.equal('true');
    await expect(element).to.be.accessible();
  });

  it('shows a load error as an alert, and passes axe', async () => {
    const element = await board(track(await kitFor(failingStorage())));
    expect(part(element, 'error')!.getAttribute('role')).to.equal('alert');
    await expect(element).to.be.accessible();
  });

  it('tells a non-admin why they cannot match, and passes axe', async () => {
    const element = await board(track(await kitFor(await demoStorage(), 'lucia-fernandez')));
    expect(text(part(element, 'error'))).to.equal('Only admins of this programme can match its cohort.');
    await expect(element).to.be.accessible();
  });

  it('before a run: the cohort, the weights and the capacity, and passes axe', async () => {
    const element = await board(track(await kitFor(await demoStorage())));
    expect(text(part(element, 'cohort'))).to.equal('7 mentees waiting · 6 mentors with 6 free seats');
    expect(parts(element, 'weight')).to.have.length(5);
    expect(text(shadow(element).querySelector('[data-mentor="kenji-watanabe"]'))).to.contain('3 of 3 seats');
    await expect(element).to.be.accessible();
  });

  it('runs the matching: each pair with breakdown and reasons, unmatched with why; hostile names are text; passes axe', async () => {
    const element = await board(track(await kitFor(await demoStorage({ hostile: true }))));
    await run(element);
    const pairs = parts(element, 'pair');
    expect(pairs).to.have.length(6);
    for (const pair of pairs) {
      expect(pair.querySelectorAll('meter').length).to.be.greaterThan(3);
      expect(pair.querySelectorAll('[part~="reasons"] li').length).to.be.greaterThan(0);
    }
    expect(text(part(element, 'unmatched'))).to.contain('Mateo Silva');
    expect(shadow(element).querySelector('img')).to.equal(null);
    expect(text(part(element, 'proposal'))).to.contain(HOSTILE_NAME);
    expect(text(part(element, 'status'))).to.equal('Matching done: 6 pairs proposed.');
    await expect(element).to.be.accessible();
    // with the reasons open too
    for (const details of shadow(element).querySelectorAll('details')) details.open = true;
    await expect(element).to.be.accessible();
  });

  it('veto re-runs without the vetoed pair; pin and swap adjust the round', async () => {
    const kit = track(await kitFor(await demoStorage()));
    const element = await board(kit);
    await run(element);
    const first = parts(element, 'pair')[0]!;
    const menteeId = first.dataset.mentee!;
    const before = kit
      .use(pairingFeature)
      .$rounds.get()[0]!
      .proposal.assignments.find((a) => a.menteeId === menteeId)!.mentorIds[0];
    const changed = oneEvent(element, 'mk-pairing-round-change');
    (first.querySelector('[part~="veto"]') as HTMLButtonElement).click();
    expect((await changed).detail.action).to.equal('veto');
    await waitUntil(() => text(part(element, 'status')).startsWith('Vetoed'));
    const round = kit.use(pairingFeature).$rounds.get()[0]!;
    expect(round.vetoes).to.deep.equal([[menteeId, before]]);
    expect(round.proposal.assignments.find((a) => a.menteeId === menteeId)?.mentorIds[0]).not.to.equal(before);

    const pin = parts(element, 'pair')[0]!.querySelector<HTMLButtonElement>('[part~="pin"]')!;
    pin.click();
    await waitUntil(() => parts(element, 'pair')[0]!.querySelector('[part~="pin"]')!.getAttribute('aria-pressed') === 'true');
    await expect(element).to.be.accessible();

    const second = parts(element, 'pair')[1]!;
    const select = second.querySelector('select')!;
    select.value = select.options[1]!.value;
    select.dispatchEvent(new Event('change'));
    await element.updateComplete;
    (second.querySelector('[part~="swap"] button') as HTMLButtonElement).click();
    await waitUntil(() => text(part(element, 'status')).startsWith('Swapped'));
  });

  it('keeps keyboard focus through pin, veto and approve: never on <body>', async () => {
    const kit = track(await kitFor(await demoStorage()));
    const element = await board(kit);
    part(element, 'run')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => parts(element, 'pair').length > 0);
    await waitUntil(() => shadow(element).activeElement === part(element, 'run'), 'Run keeps focus while the matching runs');
    const pin = parts(element, 'pair')[0]!.querySelector<HTMLButtonElement>('[part~="pin"]')!;
    pin.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => pin.getAttribute('aria-pressed') === 'true', 'pinned');
    await element.updateComplete;
    expect(shadow(element).activeElement, 'focus stays on Pin').to.equal(pin);
    const veto = parts(element, 'pair')[1]!.querySelector<HTMLButtonElement>('[part~="veto"]')!;
    veto.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => text(part(element, 'status')).startsWith('Vetoed'), 'vetoed');
    await element.updateComplete;
    expect(document.activeElement, 'not <body> after a veto').to.equal(element);
    expect(shadow(element).activeElement).to.not.equal(null);
    part(element, 'approve')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => text(part(element, 'status')).includes('activated'), 'activated');
    await waitUntil(() => shadow(element).activeElement?.id === 'proposal-heading', 'Approve is gone: focus on the proposal heading');
    await expect(element).to.be.accessible();
  });

  it('is keyboard-complete: a slider moves with the arrow keys and re-runs; Enter runs and approves', async () => {
    const kit = track(await kitFor(await demoStorage()));
    const element = await board(kit);
    part(element, 'run')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => parts(element, 'pair').length > 0);
    const slider = shadow(element).querySelector<HTMLInputElement>('#weight-availability')!;
    slider.focus();
    await sendKeys({ press: 'ArrowRight' });
    await waitUntil(() => kit.use(pairingFeature).$rounds.get()[0]!.weights.availability === 4, 'weights applied', { timeout: 5000 });
    const activated = oneEvent(element, 'mk-pairing-round-activate');
    await waitUntil(() => part(element, 'approve') && part(element, 'approve')!.getAttribute('aria-disabled') === 'false');
    part(element, 'approve')!.focus();
    await sendKeys({ press: 'Enter' });
    const { detail } = await activated;
    expect(detail.pairingIds).to.have.length(6);
    expect(
      kit.$pairings
        .get()
        .filter((pairing) => detail.pairingIds.includes(pairing.id))
        .every((pairing) => pairing.status === 'active'),
    ).to.equal(true);
    await waitUntil(() => text(part(element, 'status')).includes('activated'));
    expect(text(part(element, 'cohort'))).to.equal('1 mentee waiting · 0 mentors with 0 free seats');
    await expect(element).to.be.accessible();
  });

  it("on a Spanish page, core's reasons and why a mentee is unmatched are in Spanish; passes axe", async () => {
    registerSpanish();
    const kit = track(await kitFor(await demoStorage()));
    const wrapper = await fixture<HTMLElement>(html`<div lang="es"><mk-pairing-board .kit=${kit} program-id=${DEMO_PROGRAM_ID}></mk-pairing-board></div>`);
    await languagesReady(wrapper);
    const element = wrapper.querySelector('mk-pairing-board')!;
    await element.updateComplete;
    await run(element);
    const reasons = parts(element, 'reasons').map((list) => text(list));
    expect(
      reasons.every((line) => /en común|Quiere|no indica|Ningún|Sin horario/.test(line)),
      reasons.join(' | '),
    ).to.equal(true);
    expect(text(part(element, 'unmatched'))).to.match(/Ningún mentor compatible|Todos los mentores compatibles|Solo un mentor/);
    expect(kit.use(pairingFeature).$rounds.get()[0]!.locale).to.equal('es');
    await expect(element).to.be.accessible();
  });

  it('pairings start in December: the run computes that week; a round run in English reads in Spanish once the page is', async () => {
    registerSpanish();
    const kit = track(await kitFor(await demoStorage()));
    const wrapper = await fixture<HTMLElement>(html`<div lang="en"><mk-pairing-board .kit=${kit} program-id=${DEMO_PROGRAM_ID}></mk-pairing-board></div>`);
    const element = wrapper.querySelector('mk-pairing-board')!;
    await element.updateComplete;
    const startsOn = part(element, 'starts-on') as HTMLInputElement;
    startsOn.value = '2026-12-07';
    startsOn.dispatchEvent(new Event('change'));
    await run(element);
    const round = kit.use(pairingFeature).$rounds.get()[0]!;
    expect(round.startsOn).to.equal('2026-12-07');
    expect(round.locale).to.equal('en');
    const english = parts(element, 'reasons')
      .map((list) => text(list))
      .join(' | ');
    expect(english).to.match(/h\/week overlap/);
    // The page turns Spanish (the board follows <html lang>; here its own locale).
    wrapper.setAttribute('lang', 'es');
    element.locale = 'es';
    await languagesReady(wrapper);
    await element.updateComplete;
    const spanish = parts(element, 'reasons')
      .map((list) => text(list))
      .join(' | ');
    expect(spanish, 'worded again in the page language, not frozen in the round').to.not.match(/h\/week overlap|Wants /);
    expect(spanish).to.match(/en común|Quiere|h\/semana/);
    expect(kit.use(pairingFeature).$rounds.get()[0]!.revision, 'nothing re-run or stored for that').to.equal(round.revision);
    await expect(element).to.be.accessible();
  });

  it('handles a 500-person cohort without long tasks', async () => {
    const storage = createMemoryStorage();
    const zones = ['Europe/Madrid', 'Asia/Tokyo', 'America/New_York', 'Asia/Kathmandu', 'Australia/Sydney', 'Africa/Lagos'];
    const skills = ['TypeScript', 'leadership', 'security', 'writing', 'Python', 'agility'];
    const weekdays = { 1: ['09:00-17:00'], 2: ['09:00-17:00'], 3: ['09:00-17:00'], 4: ['09:00-17:00'], 5: ['09:00-17:00'] };
    const base = {
      createdAt: NOW,
      updatedBy: 'seed',
      workingHours: weekdays,
      offLimitsDays: [],
      offLimitsDates: [],
      languages: ['en'],
      interests: [],
      programIds: ['big'],
      skills: [],
      wantsToLearn: [],
    };
    await storage.put(Collections.programs, { id: 'big', name: 'Big', adminIds: ['admin'], defaultCoachingModel: 'grow' }, { expectedRevision: null });
    await storage.put(
      Collections.people,
      { ...base, id: 'admin', displayName: 'Admin', roles: ['admin'], timeZone: 'UTC', capacity: 1 },
      { expectedRevision: null },
    );
    for (let j = 0; j < 100; j++)
      await storage.put(
        Collections.people,
        {
          ...base,
          id: `m${j}`,
          displayName: `Mentor ${j}`,
          roles: ['mentor'],
          timeZone: zones[j % 6],
          capacity: 5,
          skills: [{ name: skills[j % 6], level: 5 }],
        },
        { expectedRevision: null },
      );
    for (let i = 0; i < 400; i++)
      await storage.put(
        Collections.people,
        {
          ...base,
          id: `e${i}`,
          displayName: `Mentee ${i}`,
          roles: ['mentee'],
          timeZone: zones[(i * 7) % 6],
          capacity: 1,
          wantsToLearn: [{ name: skills[i % 6], priority: 3 }],
        },
        { expectedRevision: null },
      );
    const kit = track(await kitFor(storage, 'admin'));
    const element = await board(kit, 'big');
    const longTasks: number[] = [];
    const observer = new PerformanceObserver((list) => list.getEntries().forEach((entry) => longTasks.push(entry.duration)));
    observer.observe({ type: 'longtask', buffered: false });
    await run(element);
    expect(parts(element, 'pair')).to.have.length(400);
    // a weight change on a full cohort: re-run and shown. How fast is measured in `npm run bench`
    // (bench/pairing-board.bench.ts: the same cohort and weight change against a bare lit-html list of
    // the pairs after the same re-run), not timed here: a wall-clock limit fails on a loaded machine.
    const roundId = kit.use(pairingFeature).$rounds.get()[0]!.id;
    await kit.use(pairingFeature).adjust(roundId, { weights: { interests: 3 } });
    await element.updateComplete;
    observer.disconnect();
    expect(kit.use(pairingFeature).$rounds.get()[0]!.weights.interests, 're-run with the new weight').to.equal(3);
    expect(parts(element, 'pair')).to.have.length(400);
  });
});
