import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { Collections, createMemoryStorage, createMentorKit, type MentorKit, type StorageAdapter } from '@mentorkit/core';
import { pairingFeature } from '@mentorkit/core/pairing';
import { DEMO_PROGRAM_ID, seedDemoProgram } from '../../../../examples/shared/demo-program.js';
import { languagesReady } from '../testing/fixtures.js';
import './define.js';
import type { MkPairingBoard } from './pairing-board.js';

// The demo: Kenji is away until 12 January 2027 and Tom is not taking mentees (both without a free seat).
const NOW = '2026-10-14T09:00:00Z';
const shadow = (element: MkPairingBoard) => element.shadowRoot!;
const part = (element: MkPairingBoard, name: string) => shadow(element).querySelector<HTMLElement>(`[part~="${name}"]`);
const parts = (element: MkPairingBoard, name: string) => [...shadow(element).querySelectorAll<HTMLElement>(`[part~="${name}"]`)];
/** The text a person hears: decorative icons (`aria-hidden`) left out. */
const text = (node: Element | null | undefined) => {
  if (!node) return '';
  const copy = node.cloneNode(true) as Element;
  copy.querySelectorAll('[aria-hidden="true"]').forEach((hidden) => hidden.remove());
  return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
};
const capacityOf = (element: MkPairingBoard, mentorId: string) =>
  shadow(element).querySelector<HTMLElement>(`[part~="capacity"] li[data-mentor="${mentorId}"]`);

async function demoStorage(): Promise<StorageAdapter> {
  const storage = createMemoryStorage();
  await seedDemoProgram(storage);
  const aisha = (await storage.get(Collections.people, 'aisha-bello'))!;
  await storage.put(Collections.people, { ...aisha, availability: { status: 'away', until: '2026-12-31' } }, { expectedRevision: aisha.revision });
  return storage;
}

describe('<mk-pairing-board>: mentors who are away or not taking mentees', () => {
  const kits: MentorKit[] = [];
  afterEach(async () => {
    await Promise.all(kits.splice(0).map((kit) => kit.dispose()));
  });

  async function board(lang = 'en-GB'): Promise<{ element: MkPairingBoard; kit: MentorKit }> {
    const kit = createMentorKit({ storage: await demoStorage(), user: 'priya-raman', now: () => NOW });
    kits.push(kit);
    await kit.ready;
    const wrapper = await fixture<HTMLDivElement>(
      html`<div lang=${lang}><mk-pairing-board .kit=${kit} program-id=${DEMO_PROGRAM_ID}></mk-pairing-board></div>`,
    );
    await languagesReady(wrapper);
    const element = wrapper.querySelector<MkPairingBoard>('mk-pairing-board')!;
    await element.updateComplete;
    return { element, kit };
  }

  it('says so in the mentor list, and leaves their seats out of the free ones; passes axe', async () => {
    const { element } = await board();
    await waitUntil(() => capacityOf(element, 'kenji-watanabe') !== null, 'the mentor list renders');
    expect(text(capacityOf(element, 'kenji-watanabe')!.querySelector('[part~="mentor-availability"]'))).to.equal('Away until Tuesday, 12 January 2027');
    expect(capacityOf(element, 'tom-becker')!.querySelector<HTMLElement>('[part~="mentor-availability"]')!.dataset.status).to.equal('not-taking-mentees');
    expect(text(capacityOf(element, 'tom-becker')!.querySelector('[part~="mentor-availability"]'))).to.equal('Not taking mentees');
    expect(text(capacityOf(element, 'aisha-bello')!.querySelector('[part~="mentor-availability"]'))).to.equal('Away until Thursday 31 December');
    expect(capacityOf(element, 'maria-gonzalez')!.querySelector('[part~="mentor-availability"]')).to.equal(null);
    // 6 free seats in the demo; Aisha's one is not free while she is away.
    expect(text(part(element, 'cohort'))).to.equal('7 mentees waiting · 5 mentors with 5 free seats');
    await expect(element).to.be.accessible();
  });

  it('matching does not propose an away mentor; a pin names her anyway, and the pair warns', async () => {
    const { element, kit } = await board();
    part(element, 'run')!.click();
    await waitUntil(() => parts(element, 'pair').length > 0, 'pairs proposed', { timeout: 10_000 });
    const round = kit.use(pairingFeature).$rounds.get()[0]!;
    expect(round.proposal.assignments.flatMap((assignment) => assignment.mentorIds)).to.not.include('aisha-bello');
    expect(parts(element, 'warning')).to.have.length(0);
    await kit.use(pairingFeature).adjust(round.id, { pin: ['zara-ahmed', 'aisha-bello'] });
    await waitUntil(() => parts(element, 'warning').length === 1, 'the pinned pair warns');
    const warning = parts(element, 'warning')[0]!;
    expect(warning.closest('[part~="pair"]')!.getAttribute('data-mentee')).to.equal('zara-ahmed');
    expect(text(warning)).to.equal('Aisha Bello is away until Thursday 31 December');
    await expect(element).to.be.accessible();
  });

  it('a start date after she is back counts her again', async () => {
    const { element } = await board();
    const startsOn = part(element, 'starts-on') as HTMLInputElement;
    startsOn.value = '2027-01-04';
    startsOn.dispatchEvent(new Event('change'));
    await element.updateComplete;
    expect(capacityOf(element, 'aisha-bello')!.querySelector('[part~="mentor-availability"]')).to.equal(null);
    expect(text(capacityOf(element, 'kenji-watanabe')!.querySelector('[part~="mentor-availability"]'))).to.equal('Away until Tuesday, 12 January 2027');
    expect(text(part(element, 'cohort'))).to.equal('7 mentees waiting · 6 mentors with 6 free seats');
  });

  it('speaks Spanish', async () => {
    const { element } = await board('es');
    await waitUntil(() => text(capacityOf(element, 'tom-becker')?.querySelector('[part~="mentor-availability"]')) === 'No acepta mentees', 'Spanish');
    expect(text(capacityOf(element, 'aisha-bello')!.querySelector('[part~="mentor-availability"]'))).to.equal('Ausente hasta el jueves, 31 de diciembre');
    await expect(element).to.be.accessible();
  });
});
