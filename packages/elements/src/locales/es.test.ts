// '@mentorkit/elements/locales/es': Spanish up front. In its own file (its own page): it registers
// Spanish for the whole page, which other tests check is loaded on first use.
import { expect, waitUntil } from '@open-wc/testing';
import { elementCataloguesEs } from './es.js';
import { goalsOf } from '@mentorkit/core/goals';
import { hasPendingLanguageLoads } from '../internal/localize.js';
import { ELEMENT_CATALOGUES } from '../testing/catalogues.js';
import { readyKit, seededStorage } from '../testing/fixtures.js';
import '../goal-tracker/define.js';
import type { MkGoalTracker } from '../goal-tracker/goal-tracker.js';

describe("'@mentorkit/elements/locales/es'", () => {
  it("holds every element's Spanish catalogue: the very ones their loaders fetch on first use", async () => {
    const withSpanish = Object.entries(ELEMENT_CATALOGUES).filter(([, { languages }]) => languages.es !== undefined);
    expect(Object.keys(elementCataloguesEs).sort()).to.deep.equal(withSpanish.map(([tag]) => tag).sort());
    for (const [tag, { languages }] of withSpanish) expect(await languages.es!(), tag).to.equal(elementCataloguesEs[tag as keyof typeof elementCataloguesEs]);
  });

  it("an element on a Spanish page renders in Spanish the first time, with core's sentences, loading nothing", async () => {
    const kit = await readyKit(await seededStorage(), 'lucia', '2026-03-10T09:00:00Z');
    await goalsOf(kit).create({
      pairingId: 'p-lucia',
      title: 'Dar una charla interna',
      skill: 'comunicación',
      startDate: '2026-03-01',
      dueDate: '2026-04-30',
      milestones: [{ title: 'Elegir tema', done: true }, { title: 'Ensayar' }],
    });
    const wrapper = document.createElement('div');
    wrapper.lang = 'es';
    const element = document.createElement('mk-goal-tracker') as MkGoalTracker;
    element.kit = kit;
    // What the very first render shows, read as it happens.
    const first: { heading?: string | undefined; status?: string | undefined; loading?: boolean | undefined } = {};
    const instance = element as unknown as { updated(changed: unknown): void };
    const updated = instance.updated;
    instance.updated = function (this: MkGoalTracker, changed: unknown) {
      if (first.heading === undefined) {
        first.heading = this.shadowRoot!.querySelector('[part~="heading"]')!.textContent!.trim();
        first.status = this.shadowRoot!.querySelector('[part~="status"]')?.textContent?.trim();
        first.loading = hasPendingLanguageLoads();
      }
      updated.call(this, changed);
    };
    wrapper.append(element);
    document.body.append(wrapper);
    await waitUntil(() => first.heading !== undefined);
    expect(first.loading, 'no language is loading').to.equal(false);
    expect(first.heading).to.equal('Metas con Kenji Watanabe y Arjun Shrestha');
    expect(first.status, "core's status name").to.equal('Va bien');
    wrapper.remove();
  });
});
