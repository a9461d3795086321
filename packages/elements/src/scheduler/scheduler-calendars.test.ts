import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { MentorKit, StorageAdapter } from '@mentorkit/core';
import { languagesReady } from '../testing/fixtures.js';
import { HOSTILE_NAME, kitOn, planningStorage } from '../testing/planning-fixtures.js';
import './define.js';
import type { MkScheduler } from './scheduler.js';
import { disposeKitsAfterEach, part, parts, text } from '../testing/queries.js';

/** Kenji's first common hours with Daniel: Tuesday 07:00–10:00 in Tokyo, Monday 15:00–18:00 in Los Angeles. */
const KENJI_BUSY = { start: '2026-03-30T22:00:00Z', end: '2026-03-31T01:00:00Z' };

/**
 * A `calendar-busy` record as the MentorKit server writes it (people cannot write them): written
 * straight into the storage, beside the planning fixtures.
 */
async function seedCalendarBusy(
  storage: StorageAdapter,
  personId: string,
  intervals: Array<{ start: string; end: string }>,
  calendars: Array<{ status: 'ok' | 'failing'; checkedAt: string; label?: string; problem?: string }> = [{ status: 'ok', checkedAt: '2026-03-29T20:00:00Z' }],
): Promise<void> {
  await storage.put(
    'calendar-busy',
    {
      id: personId,
      personId,
      intervals,
      from: '2026-03-29T00:00:00Z',
      to: '2026-05-24T00:00:00Z',
      calendars: calendars.map((calendar, index) => ({
        id: `cal-${personId}-${index}`,
        kind: 'caldav',
        label: calendar.label ?? 'Work',
        status: calendar.status,
        checkedAt: calendar.checkedAt,
        ...(calendar.problem ? { problem: calendar.problem } : {}),
      })),
      createdAt: '2026-03-29T20:00:00Z',
      updatedBy: 'server',
    },
    { expectedRevision: null },
  );
}

async function schedulerFor(kit: MentorKit, lang = 'en'): Promise<{ wrapper: HTMLElement; element: MkScheduler }> {
  const wrapper = await fixture<HTMLElement>(
    html`<div lang=${lang}><mk-scheduler .kit=${kit} pairing-id="p-daniel" locale=${lang === 'en' ? 'en-GB' : 'es-ES'}></mk-scheduler></div>`,
  );
  await languagesReady(wrapper);
  const element = wrapper.querySelector('mk-scheduler')!;
  await waitUntil(() => parts(element, 'slot').length > 0, 'slots appear', { timeout: 4000 });
  return { wrapper, element };
}

const overlaps = (start: string, end: string, busy: { start: string; end: string }) =>
  Date.parse(start) < Date.parse(busy.end) && Date.parse(end) > Date.parse(busy.start);

describe("<mk-scheduler> with busy times from people's calendars", () => {
  const track = disposeKitsAfterEach();

  it('without a connected calendar: the times are offered and there is no calendar note', async () => {
    const { element } = await schedulerFor(track(await kitOn(await planningStorage(), 'daniel')));
    const order = [...element.shadowRoot!.querySelectorAll<HTMLSelectElement>('[part~="controls"] select')].at(-1)!;
    order.value = 'earliest';
    order.dispatchEvent(new Event('change'));
    await element.updateComplete;
    expect(parts(element, 'slot')[0]!.dataset.start, 'the first common hour is offered').to.equal('2026-03-30T22:00:00Z');
    expect(part(element, 'calendar-blocked')).to.equal(null);
    expect(part(element, 'calendar-failing')).to.equal(null);
  });

  it("leaves out what Kenji's calendar holds and says so by name and time only; passes axe", async () => {
    const storage = await planningStorage();
    await seedCalendarBusy(storage, 'kenji', [KENJI_BUSY], [{ status: 'ok', checkedAt: '2026-03-29T20:00:00Z', label: 'Secret board meeting' }]);
    const { wrapper, element } = await schedulerFor(track(await kitOn(storage, 'daniel')));
    await waitUntil(() => part(element, 'calendar-blocked') !== null, 'the calendar note appears');
    // Show every suggestion, earliest first: none overlaps the busy time.
    const order = [...element.shadowRoot!.querySelectorAll<HTMLSelectElement>('[part~="controls"] select')].at(-1)!;
    order.value = 'earliest';
    order.dispatchEvent(new Event('change'));
    await element.updateComplete;
    const slots = parts(element, 'slot');
    expect(slots.length).to.be.greaterThan(0);
    for (const slot of slots) {
      const start = slot.dataset.start!;
      expect(overlaps(start, new Date(Date.parse(start) + 3_600_000).toISOString(), KENJI_BUSY), `${start} overlaps Kenji's calendar`).to.equal(false);
    }
    const note = part(element, 'calendar-blocked')!;
    expect(text(note)).to.equal(
      '1 time in this window is busy in Kenji Watanabe’s calendar, so it is not offered. Mon 30 Mar, 15:00–18:00 — busy in Kenji Watanabe’s calendar',
    );
    expect(text(part(element, 'base'))).to.not.contain('Secret board meeting');
    expect(part(element, 'calendar-failing')).to.equal(null);
    await expect(wrapper).to.be.accessible();
  });

  it('says "your calendar" for the viewer, lists several stretches, and the failing note names whose calendar', async () => {
    const storage = await planningStorage();
    await seedCalendarBusy(
      storage,
      'kenji',
      [KENJI_BUSY],
      [{ status: 'failing', checkedAt: '2026-03-28T10:00:00Z', problem: 'HTTP 401 from https://cal.example.com/secret' }],
    );
    // Daniel's own calendar holds Tuesday's and Wednesday's first common hours (Los Angeles 15:00–16:00).
    await seedCalendarBusy(storage, 'daniel', [
      { start: '2026-03-31T22:00:00Z', end: '2026-03-31T23:00:00Z' },
      { start: '2026-04-01T22:00:00Z', end: '2026-04-01T23:00:00Z' },
    ]);
    const { wrapper, element } = await schedulerFor(track(await kitOn(storage, 'daniel')));
    await waitUntil(() => part(element, 'calendar-failing') !== null, 'the failing note appears');
    const note = text(part(element, 'calendar-blocked'));
    expect(note).to.match(/^\d+ times in this window are busy in Kenji Watanabe’s calendar and your calendar, so they are not offered\./);
    expect(note).to.contain('Mon 30 Mar, 15:00–18:00 — busy in Kenji Watanabe’s calendar');
    expect(note).to.match(/Tue 31 Mar, 15:00–16:00 — busy in your calendar/);
    const failing = parts(element, 'calendar-failing');
    expect(failing.map((node) => node.dataset.person)).to.deep.equal(['kenji']);
    expect(text(failing[0])).to.equal('Kenji Watanabe’s calendar could not be read since Sat 28 Mar, 03:00; its last known busy times are used.');
    expect(text(part(element, 'base')), 'the problem stays with its owner').to.not.contain('cal.example.com');
    await expect(wrapper).to.be.accessible();
  });

  it("the viewer's own failing calendar, a hostile name shown as text", async () => {
    const storage = await planningStorage();
    const kenji = (await storage.get('people', 'kenji'))!;
    await storage.put('people', { ...kenji, displayName: HOSTILE_NAME });
    await seedCalendarBusy(storage, 'kenji', [KENJI_BUSY]);
    await seedCalendarBusy(storage, 'daniel', [], [{ status: 'failing', checkedAt: '2026-03-29T18:00:00Z' }]);
    const { wrapper, element } = await schedulerFor(track(await kitOn(storage, 'daniel')));
    await waitUntil(() => part(element, 'calendar-failing') !== null && part(element, 'calendar-blocked') !== null, 'both notes appear');
    expect(text(part(element, 'calendar-failing'))).to.equal('Your calendar could not be read since Sun 29 Mar, 11:00; its last known busy times are used.');
    expect(text(part(element, 'calendar-blocked'))).to.contain(`busy in ${HOSTILE_NAME}’s calendar`);
    expect(element.shadowRoot!.querySelector('img')).to.equal(null);
    await expect(wrapper).to.be.accessible();
  });

  it('speaks Spanish, and passes axe', async () => {
    const storage = await planningStorage();
    await seedCalendarBusy(storage, 'kenji', [KENJI_BUSY], [{ status: 'failing', checkedAt: '2026-03-28T10:00:00Z' }]);
    const { wrapper, element } = await schedulerFor(track(await kitOn(storage, 'daniel')), 'es');
    await waitUntil(() => part(element, 'calendar-blocked') !== null, 'the calendar note appears');
    expect(text(part(element, 'calendar-blocked'))).to.match(
      /^1 horario de este periodo está ocupado en el calendario de Kenji Watanabe, así que no se ofrece\. lun, 30 mar, 15:00–18:00: ocupado en el calendario de Kenji Watanabe$/,
    );
    expect(text(part(element, 'calendar-failing'))).to.match(
      /^No se pudo leer el calendario de Kenji Watanabe desde sáb, 28 mar, 03:00; se usan sus últimas horas ocupadas conocidas\.$/,
    );
    await expect(wrapper).to.be.accessible();
  });
});
