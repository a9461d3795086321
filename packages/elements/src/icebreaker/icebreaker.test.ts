import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createMentorKit, type MentorKit } from '@mentorkit/core';
import { rapportTextsEs, registerSpanish } from '@mentorkit/core/es';
import { ICEBREAKER_DECK, rapportFeature } from '@mentorkit/core/rapport';
import { HOSTILE_NAME, failingStorage, pendingStorage, readyKit, seededStorage, languagesReady } from '../testing/fixtures.js';
import './define.js';
import type { MkIcebreaker } from './icebreaker.js';
import { disposeKitsAfterEach, text } from '../testing/queries.js';

const shadow = (element: MkIcebreaker) => element.shadowRoot!;
const part = (element: MkIcebreaker, name: string) => shadow(element).querySelector<HTMLElement>(`[part~="${name}"]`);
const parts = (element: MkIcebreaker, name: string) => [...shadow(element).querySelectorAll<HTMLElement>(`[part~="${name}"]`)];
const state = (element: MkIcebreaker) => part(element, 'base')!.dataset.state;

async function cardFor(kit: MentorKit | undefined, pairingId = 'p-lucia', showFormats = false): Promise<MkIcebreaker> {
  const element = await fixture<MkIcebreaker>(
    html`<mk-icebreaker .kit=${kit} pairing-id=${pairingId} ?show-formats=${showFormats} locale="en-GB"></mk-icebreaker>`,
  );
  await element.updateComplete;
  return element;
}

async function ready(element: MkIcebreaker, expected: string) {
  await waitUntil(() => state(element) === expected, `expected ${expected}, got ${state(element)}`);
  await element.updateComplete;
}

async function deal(element: MkIcebreaker) {
  const before = part(element, 'prompt')?.dataset.prompt;
  setTimeout(() => part(element, 'deal-button')!.click());
  const event = await oneEvent(element, 'mk-icebreaker-deal');
  await waitUntil(() => part(element, 'prompt')?.dataset.prompt === event.detail.promptId && part(element, 'prompt')?.dataset.prompt !== before);
  return event.detail.promptId as string;
}

describe('<mk-icebreaker>', () => {
  const track = disposeKitsAfterEach();

  it('loading and error states pass axe', async () => {
    const loading = await cardFor(track(createMentorKit({ storage: pendingStorage(), user: 'lucia' })));
    expect(state(loading)).to.equal('loading');
    await expect(loading).to.be.accessible();
    const kit = track(createMentorKit({ storage: failingStorage(), user: 'lucia' }));
    await kit.ready.catch(() => undefined);
    const failed = await cardFor(kit);
    await ready(failed, 'error');
    expect(part(failed, 'error')!.getAttribute('role')).to.equal('alert');
    await expect(failed).to.be.accessible();
  });

  it('says when the pairing is not the user’s', async () => {
    const element = await cardFor(track(await readyKit(await seededStorage(), 'lucia')), 'p-daniel');
    await ready(element, 'unavailable');
    await expect(element).to.be.accessible();
  });

  it('deals a first question, then another one; both members see the same card; axe passes', async () => {
    const storage = await seededStorage();
    const lucia = track(await readyKit(storage, 'lucia'));
    const element = await cardFor(lucia);
    await ready(element, 'empty');
    expect(text(part(element, 'deal-button'))).to.equal('Deal a question');
    await expect(element).to.be.accessible();
    const first = await deal(element);
    await ready(element, 'dealt');
    expect(text(part(element, 'prompt'))).to.equal(ICEBREAKER_DECK.find((item) => item.id === first)!.text);
    expect(parts(element, 'tag')).to.have.length(3);
    expect(text(part(element, 'deal-button'))).to.equal('Another one');
    expect(text(part(element, 'round'))).to.equal(`${ICEBREAKER_DECK.length - 1} new questions left in this round`);
    await expect(element).to.be.accessible();
    const second = await deal(element);
    expect(second).to.not.equal(first);

    const kenji = track(await readyKit(storage, 'kenji'));
    const theirs = await cardFor(kenji);
    await ready(theirs, 'dealt');
    expect(part(theirs, 'prompt')!.dataset.prompt).to.equal(second);
    expect(text(part(theirs, 'dealt-by'))).to.equal('Dealt by Lucía Fernández');
  });

  it('no repeats until the deck is exhausted, by keyboard, with a topic filter', async () => {
    const kit = track(await readyKit(await seededStorage(), 'lucia'));
    const element = await cardFor(kit);
    await ready(element, 'empty');
    const select = part(element, 'topic-select') as HTMLSelectElement;
    select.value = 'work';
    select.dispatchEvent(new Event('change'));
    await element.updateComplete;
    const workPrompts = ICEBREAKER_DECK.filter((item) => item.topic === 'work');
    const seen: string[] = [];
    part(element, 'deal-button')!.focus();
    for (let index = 0; index < workPrompts.length; index++) {
      const dealt = oneEvent(element, 'mk-icebreaker-deal');
      await sendKeys({ press: 'Enter' });
      seen.push((await dealt).detail.promptId);
      await waitUntil(() => part(element, 'deal-button')!.getAttribute('aria-disabled') === 'false');
    }
    expect(new Set(seen).size).to.equal(workPrompts.length);
    expect(seen.every((id) => workPrompts.some((item) => item.id === id))).to.equal(true);
    expect(kit.use(rapportFeature).history('p-lucia')).to.have.length(workPrompts.length);
  });

  it('lists the informal formats with their instructions under show-formats; axe passes; dark too', async () => {
    const kit = track(await readyKit(await seededStorage(), 'lucia'));
    const wrapper = await fixture<HTMLElement>(
      html`<div data-mk-theme="dark" style="background:#15181d"><mk-icebreaker .kit=${kit} pairing-id="p-lucia" show-formats></mk-icebreaker></div>`,
    );
    const element = wrapper.querySelector('mk-icebreaker')!;
    await ready(element, 'empty');
    const formats = part(element, 'formats') as HTMLDetailsElement;
    formats.open = true;
    expect(parts(element, 'format').map((format) => text(format.querySelector('.format-name')))).to.include.members(['Virtual lunch', 'Two truths and a lie']);
    await expect(wrapper).to.be.accessible();
  });

  it('shows a hostile name of the person who dealt as text', async () => {
    const storage = await seededStorage();
    const mallory = track(await readyKit(storage, 'mallory'));
    await mallory.use(rapportFeature).deal('p-mallory');
    const element = await cardFor(track(await readyKit(storage, 'arjun')), 'p-mallory');
    await ready(element, 'dealt');
    expect(text(part(element, 'dealt-by'))).to.equal(`Dealt by ${HOSTILE_NAME}`);
    expect(shadow(element).querySelector('img')).to.equal(null);
    await expect(element).to.be.accessible();
  });

  it('speaks Spanish, (localize.test.ts checks every catalogue is complete)', async () => {
    const kit = track(await readyKit(await seededStorage(), 'lucia'));
    const wrapper = await fixture<HTMLElement>(html`<div lang="es"><mk-icebreaker .kit=${kit} pairing-id="p-lucia"></mk-icebreaker></div>`);
    await languagesReady(wrapper);
    const element = wrapper.querySelector('mk-icebreaker')!;
    await ready(element, 'empty');
    expect(text(part(element, 'deal-button'))).to.equal('Sacar una pregunta');
  });

  it("shows core's prompts and informal formats in Spanish on a Spanish page", async () => {
    registerSpanish();
    const kit = track(await readyKit(await seededStorage(), 'lucia'));
    const wrapper = await fixture<HTMLElement>(html`<div lang="es"><mk-icebreaker .kit=${kit} pairing-id="p-lucia" show-formats></mk-icebreaker></div>`);
    await languagesReady(wrapper);
    const element = wrapper.querySelector('mk-icebreaker')!;
    await ready(element, 'empty');
    part(element, 'deal-button')!.click();
    await ready(element, 'dealt');
    const prompt = part(element, 'prompt')!;
    expect(text(prompt)).to.equal(rapportTextsEs.prompts[prompt.dataset.prompt!]);
    expect(text(prompt)).not.to.equal(ICEBREAKER_DECK.find((item) => item.id === prompt.dataset.prompt)!.text);
    expect(text(shadow(element).querySelector('.format-name'))).to.equal('Almuerzo virtual');
    await expect(element).to.be.accessible();
  });
});
