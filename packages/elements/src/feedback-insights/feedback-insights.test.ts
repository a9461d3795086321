import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { ifDefined } from 'lit/directives/if-defined.js';
import { createMentorKit, type MentorKit, type StorageAdapter } from '@mentorkit/core';
import { feedbackFeature } from '@mentorkit/core/feedback';
import { HOSTILE_NAME, failingStorage, pendingStorage, readyKit, seededStorage, languagesReady } from '../testing/fixtures.js';
import './define.js';
import type { MkFeedbackInsights } from './feedback-insights.js';
import { disposeKitsAfterEach, part, text } from '../testing/queries.js';

const state = (element: MkFeedbackInsights) => part(element, 'base')!.dataset.state;

const COURSES = [
  {
    id: 'timebox',
    title: 'Timeboxing mentoring sessions',
    url: 'https://lms.example/courses/timebox',
    needs: ['time-management' as const],
    durationMinutes: 25,
  },
  { id: 'feedback', title: 'Reading a falling rating', url: 'https://lms.example/courses/ratings', needs: ['falling-rating' as const, 'low-rating' as const] },
];

/** Six sessions of Lucía's pairing with her notes: falling ratings and "ran out of time" recurring. */
async function storageWithFeedback(): Promise<StorageAdapter> {
  const storage = await seededStorage();
  const ratings = [5, 5, 4, 3, 3, 2];
  for (let index = 0; index < 6; index++) {
    const start = new Date(Date.UTC(2026, 2, 2 + index * 4, 9)).toISOString();
    await storage.put('sessions', {
      id: `s${index}`,
      pairingId: 'p-lucia',
      title: `Session ${index + 1}`,
      start,
      end: new Date(Date.parse(start) + 3_600_000).toISOString(),
      timeZone: 'Europe/London',
      status: 'held',
    });
    await storage.put('feedback', {
      id: `f${index}`,
      pairingId: 'p-lucia',
      sessionId: `s${index}`,
      authorId: 'lucia',
      authorRole: 'mentee',
      rating: ratings[index],
      tags: index >= 3 ? ['ran-out-of-time'] : ['clear-next-steps'],
      missed: index === 5 ? HOSTILE_NAME : 'architecture review',
      revealWhenBothSubmitted: false,
      anonymity: 'named',
    });
  }
  await storage.put('sessions', {
    id: 's-open',
    pairingId: 'p-lucia',
    title: 'Session 7',
    start: '2026-03-29T09:00:00Z',
    end: '2026-03-29T10:00:00Z',
    timeZone: 'Europe/London',
    status: 'held',
  });
  return storage;
}

async function insightsFor(
  kit: MentorKit | undefined,
  attributes: { personId?: string; pairingId?: string; programId?: string } = {},
): Promise<MkFeedbackInsights> {
  const element = await fixture<MkFeedbackInsights>(
    html`<mk-feedback-insights .kit=${kit} person-id=${ifDefined(attributes.personId)} pairing-id=${ifDefined(attributes.pairingId)} program-id=${ifDefined(attributes.programId)} locale="en-GB"></mk-feedback-insights>`,
  );
  if (kit && kit.$status.get() === 'ready') await kit.use(feedbackFeature).ready;
  await element.updateComplete;
  return element;
}

describe('<mk-feedback-insights>', () => {
  const track = disposeKitsAfterEach();

  it('loading and error states pass axe', async () => {
    const loading = await insightsFor(track(createMentorKit({ storage: pendingStorage(), user: 'kenji' })));
    expect(state(loading)).to.equal('loading');
    await expect(loading).to.be.accessible();
    const kit = track(createMentorKit({ storage: failingStorage('Backend down (HTTP 503).'), user: 'kenji' }));
    await kit.ready.catch(() => undefined);
    const failed = await insightsFor(kit);
    await waitUntil(() => state(failed) === 'error');
    await expect(failed).to.be.accessible();
  });

  it('empty before any session ended', async () => {
    const element = await insightsFor(track(await readyKit(await seededStorage(), 'kenji')));
    expect(state(element)).to.equal('empty');
    expect(text(part(element, 'heading'))).to.equal('Feedback on your mentoring');
    await expect(element).to.be.accessible();
  });

  it('a mentor: figures, an accessible SVG trend, themes, sessions without feedback, and training with reasons', async () => {
    const kit = track(await readyKit(await storageWithFeedback(), 'kenji'));
    kit
      .use(feedbackFeature)
      .configure({ courses: [...COURSES, { id: 'listen', title: 'Active listening', url: 'https://lms.example/listen', needs: ['listening'] }] });
    const element = await insightsFor(kit);
    expect(state(element)).to.equal('ready');
    const stat = (name: string) => text(element.shadowRoot!.querySelector(`[data-stat="${name}"] dd`));
    expect(stat('average')).to.equal('3.7 / 5');
    expect(stat('trend')).to.equal('Falling');
    expect(stat('response-rate')).to.equal('100%');
    // The same requests as the response rate: 6 answered of 6 due, the open one apart (was "6 of 7" beside 100%).
    expect(stat('feedback')).to.equal('6 of 6 1 more may still come');
    const chart = part(element, 'trend-chart')!;
    expect(chart.getAttribute('role')).to.equal('img');
    expect(text(chart.querySelector('desc'))).to.contain('5, 5, 4, 3, 3, 2');
    expect(chart.querySelectorAll('circle')).to.have.length(6);
    expect(text(part(element, 'themes-chart')!.querySelector('desc'))).to.contain('Ran out of time: 3');
    const recommendations = [...element.shadowRoot!.querySelectorAll('[part~="recommendation"]')];
    // The course answering two needs (falling and low ratings) comes first.
    expect(recommendations.map((item) => text(item.querySelector('a')))).to.deep.equal(['Reading a falling rating', 'Timeboxing mentoring sessions']);
    expect(recommendations[1]!.querySelector('a')!.getAttribute('href')).to.equal('https://lms.example/courses/timebox');
    expect(text(recommendations[1])).to.contain('Why: "Ran out of time" keeps coming up: 3 of the last 6 feedback notes.');
    expect(text(part(element, 'missing'))).to.contain('Session 7');
    await expect(element).to.be.accessible();
  });

  it('table fallback with the keyboard; hostile text stays text', async () => {
    const kit = track(await readyKit(await storageWithFeedback(), 'kenji'));
    const element = await insightsFor(kit, { pairingId: 'p-lucia' });
    expect(text(part(element, 'heading'))).to.equal("Feedback in Lucía Fernández's pairing");
    (part(element, 'view-toggle') as HTMLButtonElement).focus();
    await sendKeys({ press: 'Enter' });
    await element.updateComplete;
    expect(part(element, 'view-toggle')!.getAttribute('aria-pressed')).to.equal('true');
    expect(part(element, 'trend-chart')).to.equal(null);
    const rows = [...part(element, 'trend-table')!.querySelectorAll<HTMLTableRowElement>('tbody tr')].map((row) => [...row.cells].map((cell) => text(cell)));
    expect(rows[0]).to.deep.equal(['Session 1', '2 Mar 2026', '5']);
    expect(
      [...part(element, 'themes-table')!.querySelectorAll<HTMLTableRowElement>('tbody tr')].map((row) => [...row.cells].map((cell) => text(cell))),
    ).to.deep.include(['Ran out of time', '3']);
    expect(element.shadowRoot!.querySelector('img')).to.equal(null);
    await expect(element).to.be.accessible();
  });

  it('programme roll-up for admins, with a row per mentor; needs without a course are listed', async () => {
    const kit = track(await readyKit(await storageWithFeedback(), 'priya'));
    const element = await insightsFor(kit, { programId: 'spring-2026' });
    expect(text(part(element, 'heading'))).to.equal('Feedback across Spring Mentoring 2026');
    const rows = [...part(element, 'mentors')!.querySelectorAll('tbody tr')].map((row) => text(row.querySelector('th')));
    expect(rows).to.have.members(['Kenji Watanabe', 'Arjun Shrestha']);
    expect(text(part(element, 'needs'))).to.contain('Ran out of time');
    await expect(element).to.be.accessible();
  });

  it('updates when new feedback arrives', async () => {
    const storage = await seededStorage();
    await storage.put('sessions', {
      id: 's1',
      pairingId: 'p-lucia',
      title: 'Kick-off',
      start: '2026-03-29T09:00:00Z',
      end: '2026-03-29T10:00:00Z',
      timeZone: 'Europe/London',
      status: 'held',
    });
    const kenji = track(await readyKit(storage, 'kenji'));
    const element = await insightsFor(kenji);
    expect(text(element.shadowRoot!.querySelector('[data-stat="feedback"] dd'))).to.equal('– 1 more may still come');
    const lucia = track(await readyKit(storage, 'lucia'));
    await lucia.use(feedbackFeature).ready;
    await lucia.use(feedbackFeature).submit({ sessionId: 's1', rating: 4 });
    await waitUntil(() => text(element.shadowRoot!.querySelector('[data-stat="feedback"] dd')) === '1 of 1', 'the insight changes');
    expect(text(element.shadowRoot!.querySelector('[data-stat="average"] dd'))).to.equal('4.0 / 5');
  });
  describe('language', () => {
    it('speaks Spanish under lang="es": figures, chart text, reasons and tables; passes axe', async () => {
      const kit = track(await readyKit(await storageWithFeedback(), 'kenji'));
      kit.use(feedbackFeature).configure({ courses: COURSES });
      await kit.use(feedbackFeature).ready;
      const wrapper = await fixture<HTMLDivElement>(html`<div lang="es"><mk-feedback-insights .kit=${kit}></mk-feedback-insights></div>`);
      await languagesReady(wrapper);
      const element = wrapper.querySelector<MkFeedbackInsights>('mk-feedback-insights')!;
      await waitUntil(() => state(element) === 'ready');
      const stat = (name: string) => text(element.shadowRoot!.querySelector(`[data-stat="${name}"]`));
      expect(text(part(element, 'heading'))).to.equal('Valoraciones de tu mentoría');
      expect(stat('average')).to.equal('Valoración media3,7 / 5');
      expect(stat('trend')).to.contain('A la baja');
      expect(stat('feedback')).to.contain('6 de 6 1 más puede llegar todavía');
      const chart = part(element, 'trend-chart')!;
      expect(text(chart.querySelector('title'))).to.equal('Valoración de cada sesión');
      expect(text(chart.querySelector('desc'))).to.equal(
        'Valoraciones de 6 sesiones, de la más antigua a la más reciente: 5; 5; 4; 3; 3; 2. Tendencia: a la baja.',
      );
      expect(text(part(element, 'themes-chart')!.querySelector('desc'))).to.contain('Faltó tiempo: 3');
      expect(text(part(element, 'recommendations'))).to.contain('Motivo: «Faltó tiempo» se repite: 3 de las últimas 6 valoraciones.');
      expect(text(part(element, 'recommendations'))).to.contain('25 min');
      expect(text(part(element, 'view-toggle'))).to.equal('Mostrar como tabla');
      expect(text(part(element, 'missing'))).to.contain('todavía abierta');
      await expect(element).to.be.accessible();

      (part(element, 'view-toggle') as HTMLButtonElement).click();
      await element.updateComplete;
      const headers = [...part(element, 'trend-table')!.querySelectorAll('th')].map((cell) => text(cell));
      expect(headers).to.deep.equal(['Sesión', 'Fecha', 'Valoración']);
      expect(text(part(element, 'themes-table')!.querySelector('caption'))).to.equal('Temas recurrentes');
      await expect(element).to.be.accessible();
    });

    it("keeps a host's own wording from core's text catalogue", async () => {
      const kit = track(await readyKit(await storageWithFeedback(), 'kenji'));
      kit
        .use(feedbackFeature)
        .configure({ text: { tagLabels: { 'ran-out-of-time': 'Short on time' }, needReasons: { 'time-management': () => 'Host reason.' } } });
      await kit.use(feedbackFeature).ready;
      const wrapper = await fixture<HTMLDivElement>(html`<div lang="es"><mk-feedback-insights .kit=${kit}></mk-feedback-insights></div>`);
      await languagesReady(wrapper);
      const element = wrapper.querySelector<MkFeedbackInsights>('mk-feedback-insights')!;
      await waitUntil(() => state(element) === 'ready');
      expect(text(part(element, 'themes-chart')!.querySelector('desc'))).to.contain('Short on time: 3');
      expect(text(part(element, 'needs'))).to.contain('Host reason.');
    });
  });
});
