import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import { MentorKitError, type MentorKit, type ReportsService, type StorageAdapter } from '@mentorkit/core';
import { reportCsv, reportJson, type ProgrammeReport, type ReportPeriod } from '@mentorkit/core/report';
import { FIXED_NOW, HOSTILE_NAME, PROGRAM_ID, languagesReady, readyKit, seededStorage } from '../testing/fixtures.js';
import './define.js';
import type { MkProgrammeReport } from './programme-report.js';
import { focused, part, parts, text } from '../testing/queries.js';

const LONG = `Supercalifragilistic${'x'.repeat(160)}expialidocious!!`.slice(0, 200);

/** A report as the server answers it: three pairs at risk (worst first), a co-mentored pair, a hostile name. */
function serverReport(period: ReportPeriod, timeZone: string, overrides: Partial<ProgrammeReport> = {}): ProgrammeReport {
  return {
    programId: PROGRAM_ID,
    programName: 'Spring Mentoring 2026',
    period,
    timeZone,
    generatedAt: FIXED_NOW,
    totals: {
      pairs: { total: 4, proposed: 0, active: 3, paused: 1, closed: 0 },
      sessions: { held: 7, missed: 3, cancelled: 1, scheduled: 2 },
      mentoringMinutes: 405,
      goals: { set: 5, achieved: 2, missed: 1 },
      feedback: { notes: 6, averageRating: 3.83 },
      responseTime: { medianMinutes: 135, replies: 18 },
      pairsAtRisk: 2,
    },
    ratingTrend: [
      { month: '2026-01', notes: 2, averageRating: 4.5 },
      { month: '2026-02', notes: 0, averageRating: null },
      { month: '2026-03', notes: 4, averageRating: 3.5 },
    ],
    atRisk: [
      {
        pairingId: 'p-daniel',
        menteeId: 'daniel',
        mentorIds: ['kenji'],
        reasons: [{ code: 'sessions-missed', count: 3 }, { code: 'low-rating', averageRating: 2 }, { code: 'concern-open' }],
      },
      { pairingId: 'p-mallory', menteeId: 'mallory', mentorIds: ['arjun'], reasons: [{ code: 'quiet', days: 24 }] },
    ],
    mentors: [
      { mentorId: 'kenji', name: 'Kenji Watanabe', activeMentees: 4, capacity: 3, sessionsHeld: 5, mentoringMinutes: 300, averageRating: 3.5, notes: 4 },
      { mentorId: 'arjun', name: 'Arjun Shrestha', activeMentees: 2, capacity: 1, sessionsHeld: 2, mentoringMinutes: 105, averageRating: 4.5, notes: 2 },
    ],
    pairs: [
      {
        pairingId: 'p-lucia',
        status: 'active',
        menteeId: 'lucia',
        menteeName: 'Lucía Fernández',
        mentorIds: ['kenji', 'arjun'],
        mentorNames: ['Kenji Watanabe', 'Arjun Shrestha'],
        sessionsHeld: 4,
        sessionsMissed: 0,
        mentoringMinutes: 240,
        goalsSet: 3,
        goalsAchieved: 2,
        goalsMissed: 0,
        averageRating: 4.5,
        lastActivityAt: '2026-03-27T10:00:00Z',
        atRisk: [],
      },
      {
        pairingId: 'p-daniel',
        status: 'active',
        menteeId: 'daniel',
        menteeName: 'Daniel Kim',
        mentorIds: ['kenji'],
        mentorNames: ['Kenji Watanabe'],
        sessionsHeld: 1,
        sessionsMissed: 3,
        mentoringMinutes: 60,
        goalsSet: 1,
        goalsAchieved: 0,
        goalsMissed: 1,
        averageRating: 2,
        lastActivityAt: '2026-03-20T10:00:00Z',
        atRisk: ['sessions-missed', 'low-rating', 'concern-open'],
      },
      {
        pairingId: 'p-mallory',
        status: 'active',
        menteeId: 'mallory',
        menteeName: HOSTILE_NAME,
        mentorIds: ['arjun'],
        mentorNames: ['Arjun Shrestha'],
        sessionsHeld: 2,
        sessionsMissed: 0,
        mentoringMinutes: 105,
        goalsSet: 1,
        goalsAchieved: 0,
        goalsMissed: 0,
        averageRating: null,
        lastActivityAt: null,
        atRisk: ['quiet'],
      },
      {
        pairingId: 'p-sofia',
        status: 'paused',
        menteeId: 'sofia',
        menteeName: 'Sofia Rossi',
        mentorIds: ['kenji'],
        mentorNames: ['Kenji Watanabe'],
        sessionsHeld: 0,
        sessionsMissed: 0,
        mentoringMinutes: 0,
        goalsSet: 0,
        goalsAchieved: 0,
        goalsMissed: 0,
        averageRating: null,
        lastActivityAt: null,
        atRisk: [],
      },
    ],
    ...overrides,
  };
}

/** `GET /programs/<id>/report` as the server answers it, in memory: records what was asked; `hold()` keeps the next answer pending; `fail` refuses. */
class InMemoryReports implements ReportsService {
  readonly requests: Array<{ programId: string; period: ReportPeriod; timeZone: string | undefined }> = [];
  fail: MentorKitError | undefined;
  overrides: Partial<ProgrammeReport> = {};
  private gate: Promise<void> | undefined;

  hold(): () => void {
    let release!: () => void;
    this.gate = new Promise<void>((resolve) => (release = resolve));
    return release;
  }

  async programme(programId: string, period: ReportPeriod, options?: { timeZone?: string }): Promise<ProgrammeReport> {
    this.requests.push({ programId, period, timeZone: options?.timeZone });
    const gate = this.gate;
    this.gate = undefined;
    if (gate) await gate;
    if (this.fail) throw this.fail;
    return serverReport(period, options?.timeZone ?? 'UTC', this.overrides);
  }
}

const $ = <T extends Element = HTMLElement>(element: MkProgrammeReport, selector: string) => element.shadowRoot!.querySelector<T>(selector);
const stateOf = (element: MkProgrammeReport) => part(element, 'base')?.dataset.state;
const waitForState = (element: MkProgrammeReport, state: string) =>
  waitUntil(() => stateOf(element) === state, `state ${state} (is ${stateOf(element)})`, { timeout: 4000 });
const tile = (element: MkProgrammeReport, figure: string) =>
  [...element.shadowRoot!.querySelectorAll(`[part~="tile"][data-figure="${figure}"] dt, [part~="tile"][data-figure="${figure}"] dd`)].map(text);
const rowsOf = (table: Element | null) => [...(table?.querySelectorAll('tbody tr') ?? [])].map((row) => [...row.children].map(text));

describe('<mk-programme-report>', () => {
  const kits: MentorKit[] = [];
  async function mount(
    options: { service?: ReportsService; user?: string; lang?: string; width?: number; storage?: StorageAdapter; attributes?: Record<string, string> } = {},
  ): Promise<{ wrapper: HTMLElement; element: MkProgrammeReport; kit: MentorKit }> {
    const lang = options.lang ?? 'en';
    const seeded = options.storage ?? (await seededStorage());
    const storage = options.service ? Object.assign(seeded, { reports: options.service }) : seeded;
    const kit = await readyKit(storage, options.user ?? 'priya', FIXED_NOW);
    kits.push(kit);
    const attributes = options.attributes ?? {};
    const wrapper = await fixture<HTMLElement>(html`<div lang=${lang} style=${options.width ? `width:${options.width}px` : ''}>
      <mk-programme-report .kit=${kit} program-id=${PROGRAM_ID} heading-level="2" locale=${lang === 'es' ? 'es-ES' : 'en-GB'} pair-href=${attributes['pair-href'] ?? '#pair={id}'}
        period=${attributes.period ?? 'this-quarter'} from=${attributes.from ?? ''} to=${attributes.to ?? ''}></mk-programme-report>
    </div>`);
    await languagesReady(wrapper);
    return { wrapper, element: wrapper.querySelector('mk-programme-report')!, kit };
  }
  afterEach(async () => {
    await Promise.all(kits.splice(0).map((kit) => kit.dispose()));
    await emulateMedia({ reducedMotion: 'no-preference' });
  });

  it('from the server: loading, then the figures as labelled tiles (response time included), in the admin’s zone and this quarter; each state passes axe', async () => {
    const service = new InMemoryReports();
    const release = service.hold();
    const { element } = await mount({ service });
    await waitUntil(() => service.requests.length === 1, 'asked the server');
    expect(service.requests[0]).to.deep.equal({ programId: PROGRAM_ID, period: { from: '2026-01-01', to: '2026-03-29' }, timeZone: 'Europe/London' });
    expect(stateOf(element)).to.equal('loading');
    expect(text(part(element, 'loading'))).to.equal('Preparing the programme report…');
    await expect(element).to.be.accessible();
    release();
    await waitForState(element, 'ready');
    expect(part(element, 'base')!.dataset.source).to.equal('server');
    expect(text(part(element, 'subtitle'))).to.equal('Spring Mentoring 2026 · 1 Jan 2026 to 29 Mar 2026');
    expect(part(element, 'tiles')!.localName).to.equal('dl');
    expect(tile(element, 'pairs')).to.deep.equal(['Pairs', '4', '3 active, 1 paused, 0 proposed, 0 closed']);
    expect(tile(element, 'sessions')).to.deep.equal(['Sessions held', '7', '3 missed, 1 cancelled, 2 still scheduled']);
    expect(tile(element, 'hours')).to.deep.equal(['Mentoring hours', '6.8 h', '405 minutes in sessions held']);
    expect(tile(element, 'goals')).to.deep.equal(['Goals achieved', '2', '5 set, 1 missed']);
    expect(tile(element, 'rating')).to.deep.equal(['Average rating', '3.83 of 5', 'from 6 feedback notes']);
    expect(tile(element, 'response-time')).to.deep.equal(['Median response time', '2 h 15 min', 'over 18 replies']);
    expect(tile(element, 'at-risk')).to.deep.equal(['Pairs at risk', '2', 'of 3 active pairs']);
    expect(text($(element, '.head'))).to.contain('Computed by the server');
    await expect(element).to.be.accessible();
  });

  it('charts: SVG images with a title and a description that reads the data; "Show as table" by keyboard for each; axe in both views', async () => {
    const { element } = await mount({ service: new InMemoryReports() });
    await waitForState(element, 'ready');
    const [trend, sessions] = parts(element, 'chart');
    expect(trend!.localName).to.equal('svg');
    expect(trend!.getAttribute('role')).to.equal('img');
    expect(trend!.getAttribute('aria-labelledby')).to.equal('trend-title trend-desc');
    expect(text(trend!.querySelector('title'))).to.equal('Average rating by month');
    expect(text(trend!.querySelector('desc'))).to.equal('Average rating by month: Jan 2026: 4.5 from 2; Feb 2026: no notes; Mar 2026: 3.5 from 4.');
    expect(trend!.querySelectorAll('circle')).to.have.length(2, 'one point per month with notes');
    expect(text(sessions!.querySelector('desc'))).to.equal('7 held, 3 missed, 1 cancelled.');
    expect([...sessions!.querySelectorAll('rect')].map((bar) => bar.getAttribute('class'))).to.deep.equal(['bar held', 'bar missed', 'bar cancelled']);
    await expect(element).to.be.accessible();

    const toggle = $<HTMLButtonElement>(element, '[part~="chart-toggle"][data-chart="trend"]')!;
    expect(text(toggle)).to.equal('Show as table');
    toggle.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => $(element, '[part~="chart-table"][data-chart="trend"]') !== null, 'the trend as a table');
    expect(rowsOf($(element, '[part~="chart-table"][data-chart="trend"]'))).to.deep.equal([
      ['Jan 2026', '2', '4.5'],
      ['Feb 2026', '0', '–'],
      ['Mar 2026', '4', '3.5'],
    ]);
    expect(focused(), 'focus stays on the button').to.equal($(element, '[part~="chart-toggle"][data-chart="trend"]'));
    expect(text(focused())).to.equal('Show as chart');
    expect(
      parts(element, 'chart').map((chart) => chart.dataset.chart),
      'the other chart stays a chart',
    ).to.deep.equal(['sessions']);
    $<HTMLButtonElement>(element, '[part~="chart-toggle"][data-chart="sessions"]')!.click();
    await element.updateComplete;
    expect(rowsOf($(element, '[part~="chart-table"][data-chart="sessions"]'))).to.deep.equal([
      ['Held', '7'],
      ['Missed', '3'],
      ['Cancelled', '1'],
    ]);
    await expect(element).to.be.accessible();
  });

  it('at risk, worst first, with reasons in words and a mark (not colour alone), each linking to the pair and firing mk-pair-open; mentor load and pairs tables; axe', async () => {
    const { element } = await mount({ service: new InMemoryReports() });
    await waitForState(element, 'ready');
    const items = parts(element, 'risk-pair');
    expect(part(element, 'at-risk')!.localName).to.equal('ol');
    expect(items.map((item) => item.dataset.pairingId)).to.deep.equal(['p-daniel', 'p-mallory']);
    expect(text(items[0]!.querySelector('.risk-name'))).to.equal('Daniel Kim with Kenji Watanabe');
    expect([...items[0]!.querySelectorAll('.reason')].map(text)).to.deep.equal([
      '⚠ 3 sessions missed',
      '⚠ Low ratings: 2.0 of 5 on average',
      '⚠ A concern is open',
    ]);
    expect(items[0]!.querySelector('.reason .mark')!.getAttribute('aria-hidden')).to.equal('true');
    expect([...items[1]!.querySelectorAll('.reason')].map(text)).to.deep.equal(['⚠ Quiet for 24 days']);
    expect(text(items[1]!.querySelector('.risk-name')), 'a hostile name is text').to.equal(`${HOSTILE_NAME} with Arjun Shrestha`);
    expect(element.shadowRoot!.querySelector('img')).to.equal(null);
    const link = items[0]!.querySelector<HTMLAnchorElement>('a[part~="pair-link"]')!;
    expect(link.getAttribute('href')).to.equal('#pair=p-daniel');

    // Opening by keyboard: the event says which pair; a host that handles it keeps the link from being followed.
    element.addEventListener('mk-pair-open', (event) => event.preventDefault(), { once: true });
    const opened = oneEvent(element, 'mk-pair-open');
    link.focus();
    await sendKeys({ press: 'Enter' });
    expect((await opened).detail).to.deep.equal({ pairingId: 'p-daniel', href: '#pair=p-daniel' });
    expect(location.hash).to.not.equal('#pair=p-daniel');

    expect(rowsOf(part(element, 'mentors'))).to.deep.equal([
      ['Kenji Watanabe', '4 of 3 over capacity', '5', '5', '3.5', '4'],
      ['Arjun Shrestha', '2 of 1 over capacity', '2', '1.8', '4.5', '2'],
    ]);
    const pairs = rowsOf(part(element, 'pairs'));
    expect(pairs[0]).to.deep.equal([
      'Lucía Fernández',
      'Kenji Watanabe and Arjun Shrestha',
      'Active',
      '4',
      '0',
      '4',
      '3 · 2 · 0',
      '4.5',
      'Fri 27 Mar, 10:00',
      'no',
    ]);
    expect(pairs[1]!.at(-1)).to.equal('⚠ sessions missed, low ratings and concern open');
    expect(pairs[2]!.slice(0, 1).concat(pairs[2]!.slice(7))).to.deep.equal([HOSTILE_NAME, '–', 'none', '⚠ quiet']);
    const region = part(element, 'pairs')!.closest('.table-scroll')!;
    expect(region.getAttribute('role')).to.equal('region');
    expect(region.getAttribute('tabindex'), 'keyboard users can scroll it').to.equal('0');
    await expect(element).to.be.accessible();
  });

  it('without pair-href, pairs are buttons that fire mk-pair-open', async () => {
    const { element } = await mount({ service: new InMemoryReports(), attributes: { 'pair-href': '' } });
    await waitForState(element, 'ready');
    const button = parts(element, 'risk-pair')[0]!.querySelector<HTMLButtonElement>('button[part~="pair-link"]')!;
    const opened = oneEvent(element, 'mk-pair-open');
    button.focus();
    await sendKeys({ press: 'Space' });
    expect((await opened).detail).to.deep.equal({ pairingId: 'p-daniel' });
    const unsafe = await mount({ service: new InMemoryReports(), attributes: { 'pair-href': 'javascript:alert({id})' } });
    await waitForState(unsafe.element, 'ready');
    expect(unsafe.element.shadowRoot!.querySelector('a[part~="pair-link"]'), 'a javascript: template is never a link').to.equal(null);
  });

  it('the period picker by keyboard: presets as a radio group, custom dates checked here, each choice asks again and fires mk-report-period-change; axe', async () => {
    const service = new InMemoryReports();
    const { element } = await mount({ service });
    await waitForState(element, 'ready');
    const radios = [...element.shadowRoot!.querySelectorAll<HTMLInputElement>('input[name="period"]')];
    expect(radios.map((radio) => text(radio.closest('label')))).to.deep.equal([
      'This month',
      'Last month',
      'This quarter',
      'Last quarter',
      'Year to date',
      'Custom dates',
    ]);
    expect(radios.find((radio) => radio.checked)!.value).to.equal('this-quarter');
    expect(text(part(element, 'period')!.querySelector('legend'))).to.equal('Period');

    radios[2]!.focus();
    const changed = oneEvent(element, 'mk-report-period-change');
    await sendKeys({ press: 'ArrowDown' });
    expect((await changed).detail).to.deep.equal({ preset: 'last-quarter', period: { from: '2025-10-01', to: '2025-12-31' } });
    await waitUntil(() => service.requests.length === 2, 'asked again');
    expect(service.requests[1]!.period).to.deep.equal({ from: '2025-10-01', to: '2025-12-31' });
    await waitUntil(() => text(part(element, 'subtitle')).includes('1 Oct 2025 to 31 Dec 2025'), 'the new period shown');

    await sendKeys({ press: 'ArrowUp' });
    await sendKeys({ press: 'ArrowUp' });
    await waitUntil(() => service.requests.at(-1)!.period.from === '2026-02-01', 'last month');
    expect(service.requests.at(-1)!.period).to.deep.equal({ from: '2026-02-01', to: '2026-02-28' });

    // Custom: from the end of the list (wraps round), two date fields, the end before the start refused at its field.
    await sendKeys({ press: 'ArrowUp' });
    await sendKeys({ press: 'ArrowUp' });
    await waitUntil(() => part(element, 'custom') !== null, 'custom dates');
    const asked = service.requests.length;
    const from = $<HTMLInputElement>(element, 'input[name="from"]')!;
    const to = $<HTMLInputElement>(element, 'input[name="to"]')!;
    expect(from.value, 'starts from the period chosen before (this month)').to.equal('2026-03-01');
    expect(to.value).to.equal('2026-03-29');
    to.value = '2026-02-15';
    to.dispatchEvent(new Event('input'));
    $<HTMLButtonElement>(element, '[part~="custom"] button[type="submit"]')!.click();
    await waitUntil(() => $(element, '#report-to-error') !== null, 'the error at To');
    expect(text($(element, '#report-to-error'))).to.equal('The end comes before the start.');
    expect(to.getAttribute('aria-invalid')).to.equal('true');
    await waitUntil(() => focused() === to, 'focus on To');
    expect(service.requests.length, 'nothing asked').to.equal(asked);
    await expect(element).to.be.accessible();

    to.value = '2026-03-15';
    to.dispatchEvent(new Event('input'));
    const custom = oneEvent(element, 'mk-report-period-change');
    to.focus();
    await sendKeys({ press: 'Enter' });
    expect((await custom).detail).to.deep.equal({ preset: 'custom', period: { from: '2026-03-01', to: '2026-03-15' } });
    await waitUntil(() => service.requests.length === asked + 1, 'asked for the custom period');
    expect(service.requests.at(-1)!.period).to.deep.equal({ from: '2026-03-01', to: '2026-03-15' });
    await expect(element).to.be.accessible();
  });

  it('a custom period from attributes, and time-zone read from its attribute', async () => {
    const service = new InMemoryReports();
    const { element } = await mount({ service, attributes: { period: 'custom', from: '2025-09-01', to: '2026-02-28' } });
    element.timeZone = 'Asia/Tokyo';
    await waitUntil(() => service.requests.some((request) => request.timeZone === 'Asia/Tokyo'), 'asked in Tokyo');
    expect(service.requests.at(-1)).to.deep.equal({ programId: PROGRAM_ID, period: { from: '2025-09-01', to: '2026-02-28' }, timeZone: 'Asia/Tokyo' });
    await waitForState(element, 'ready');
    expect(text(part(element, 'period')!.querySelector('.hint'))).to.equal('Dates in Asia/Tokyo.');
  });

  it('error with the server’s words and retry (focus to the heading); not an admin (404); empty period; each passes axe', async () => {
    const service = new InMemoryReports();
    service.fail = new MentorKitError('storage-error', 'The database is unavailable; nothing was changed. Try again shortly.');
    const { element } = await mount({ service });
    await waitForState(element, 'error');
    expect(part(element, 'error')!.getAttribute('role')).to.equal('alert');
    expect([...part(element, 'error')!.querySelectorAll('p')].map(text)).to.deep.equal([
      'The programme report could not be loaded.',
      'The database is unavailable; nothing was changed. Try again shortly.',
    ]);
    await expect(element).to.be.accessible();
    service.fail = undefined;
    $<HTMLButtonElement>(element, '[data-action="retry"]')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitForState(element, 'ready');
    await waitUntil(() => focused() === part(element, 'heading'), 'focus on the heading');

    const refused = new InMemoryReports();
    refused.fail = new MentorKitError('not-found', `There is no programme "${PROGRAM_ID}".`);
    const notAdmin = (await mount({ service: refused })).element;
    await waitForState(notAdmin, 'not-admin');
    expect(text(part(notAdmin, 'not-admin'))).to.equal('Only the programme’s admins can see its report.');
    expect(part(notAdmin, 'period'), 'no period to pick').to.equal(null);
    await expect(notAdmin).to.be.accessible();

    const quiet = new InMemoryReports();
    quiet.overrides = {
      totals: { ...serverReport({ from: '2026-01-01', to: '2026-03-29' }, 'UTC').totals, pairs: { total: 0, proposed: 0, active: 0, paused: 0, closed: 0 } },
      pairs: [],
      atRisk: [],
      mentors: [],
    };
    const empty = (await mount({ service: quiet })).element;
    await waitForState(empty, 'empty');
    expect([...part(empty, 'empty')!.querySelectorAll('p')].map(text)).to.deep.equal([
      'No pairings in this period.',
      'Choose another period, or pair mentees with mentors first.',
    ]);
    expect(part(empty, 'period'), 'another period can be picked').to.not.equal(null);
    expect(part(empty, 'tiles')).to.equal(null);
    await expect(empty).to.be.accessible();
  });

  it('exports: one CSV per table with core’s reportCsv and a JSON of the whole report, named <programme>-<table>-<from>-<to>; announced', async () => {
    const { element } = await mount({ service: new InMemoryReports() });
    await waitForState(element, 'ready');
    const buttons = [...part(element, 'exports')!.querySelectorAll('button')];
    expect(buttons.map(text)).to.deep.equal([
      'Summary (CSV)',
      'Pairs (CSV)',
      'Mentor load (CSV)',
      'Pairs at risk (CSV)',
      'Rating by month (CSV)',
      'Whole report (JSON)',
    ]);
    const expected = serverReport({ from: '2026-01-01', to: '2026-03-29' }, 'Europe/London');
    element.addEventListener('mk-report-export', (event) => event.preventDefault());
    for (const table of ['summary', 'pairs', 'mentors', 'at-risk', 'rating-trend'] as const) {
      const exported = oneEvent(element, 'mk-report-export');
      $<HTMLButtonElement>(element, `[data-export="${table}"]`)!.click();
      const { detail } = await exported;
      expect(detail.filename).to.equal(`spring-mentoring-2026-${table}-2026-01-01-2026-03-29.csv`);
      expect(detail.format).to.equal('csv');
      expect(detail.table).to.equal(table);
      expect(detail.content).to.equal(reportCsv(expected, table));
    }
    expect(
      (
        await (async () => {
          const exported = oneEvent(element, 'mk-report-export');
          $<HTMLButtonElement>(element, '[data-export="json"]')!.focus();
          await sendKeys({ press: 'Enter' });
          return exported;
        })()
      ).detail,
    ).to.deep.equal({ format: 'json', filename: 'spring-mentoring-2026-report-2026-01-01-2026-03-29.json', content: reportJson(expected) });
    await waitUntil(() => text(part(element, 'announcement')) === 'spring-mentoring-2026-report-2026-01-01-2026-03-29.json is downloaded.', 'announced');
  });

  it('in the browser without a server: computed with core from the client’s records; response time "not available here" with the reason; axe', async () => {
    const storage = await seededStorage();
    const session = (id: string, pairingId: string, start: string, status: string, extra: Record<string, unknown> = {}) =>
      storage.put('sessions', {
        id,
        pairingId,
        title: `Session ${id}`,
        start,
        end: new Date(Date.parse(start) + 60 * 60_000).toISOString(),
        timeZone: 'Europe/London',
        status,
        createdAt: '2026-03-01T09:00:00Z',
        ...extra,
      });
    await session('s1', 'p-lucia', '2026-03-10T10:00:00.000Z', 'held');
    await session('s2', 'p-lucia', '2026-03-17T10:00:00.000Z', 'held', { heldMinutes: 45 });
    await session('s3', 'p-daniel', '2026-03-11T16:00:00.000Z', 'missed');
    await session('s4', 'p-daniel', '2026-03-18T16:00:00.000Z', 'missed');
    await session('s5', 'p-mallory', '2026-03-12T09:00:00.000Z', 'cancelled');
    await session('s6', 'p-lucia', '2026-04-07T09:00:00.000Z', 'scheduled');
    const { element } = await mount({ storage });
    await waitForState(element, 'ready');
    expect(part(element, 'base')!.dataset.source).to.equal('local');
    expect(tile(element, 'pairs')).to.deep.equal(['Pairs', '4', '3 active, 1 paused, 0 proposed, 0 closed']);
    expect(tile(element, 'sessions')).to.deep.equal(['Sessions held', '2', '2 missed, 1 cancelled, 0 still scheduled']);
    expect(tile(element, 'hours')).to.deep.equal(['Mentoring hours', '1.8 h', '105 minutes in sessions held']);
    expect(tile(element, 'response-time')).to.deep.equal([
      'Median response time',
      'Not available here',
      'Response times need the MentorKit server: a programme admin cannot read the pairs’ messages in the browser.',
    ]);
    expect(text($(element, '.head'))).to.contain('Computed in this browser from the records you can see.');
    const daniel = parts(element, 'risk-pair').find((item) => item.dataset.pairingId === 'p-daniel');
    expect(daniel, 'two missed sessions put Daniel at risk').to.not.equal(undefined);
    expect([...daniel!.querySelectorAll('.reason')].map(text)).to.include('⚠ 2 sessions missed');
    await expect(element).to.be.accessible();

    // Live: a session marked held later counts at once.
    await storage.put('sessions', { ...(await storage.get('sessions', 's5'))!, status: 'held' });
    await element.kit!.refresh();
    await waitUntil(() => tile(element, 'sessions')[1] === '3', 'recomputed');
  });

  it('in the browser, someone who is not an admin of the programme sees only that', async () => {
    const { element } = await mount({ user: 'lucia' });
    await waitForState(element, 'not-admin');
    expect(text(part(element, 'not-admin'))).to.equal('Only the programme’s admins can see its report.');
    expect(part(element, 'tiles')).to.equal(null);
    await expect(element).to.be.accessible();
  });

  it('speaks Spanish, and passes axe', async () => {
    const { wrapper, element } = await mount({ service: new InMemoryReports(), lang: 'es' });
    await waitForState(element, 'ready');
    expect(text(part(element, 'heading'))).to.equal('Informe del programa');
    expect(tile(element, 'hours')).to.deep.equal(['Horas de mentoría', '6,8 h', '405 minutos en sesiones realizadas']);
    expect(tile(element, 'rating')).to.deep.equal(['Valoración media', '3,83 de 5', 'de 6 opiniones']);
    expect([...parts(element, 'risk-pair')[0]!.querySelectorAll('.reason')].map(text)).to.deep.equal([
      '⚠ 3 sesiones perdidas',
      '⚠ Valoraciones bajas: 2,0 de 5 de media',
      '⚠ Hay una preocupación abierta',
    ]);
    expect(text(parts(element, 'risk-pair')[0]!.querySelector('.risk-name'))).to.equal('Daniel Kim con Kenji Watanabe');
    expect(text(part(element, 'base'))).to.not.match(/\b(?:Pairs|Sessions held|Show as table|Export)\b/);
    await expect(wrapper).to.be.accessible();
  });

  it('nothing sticks out at 320 px with long, hostile names (wide tables scroll inside their region); no motion when reduced', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    const service = new InMemoryReports();
    const base = serverReport({ from: '2026-01-01', to: '2026-03-29' }, 'UTC');
    service.overrides = {
      programName: `Programme ${LONG}`,
      pairs: base.pairs.map((pair) => ({ ...pair, menteeName: `${pair.menteeName} ${LONG}`, mentorNames: [...pair.mentorNames, LONG] })),
      mentors: base.mentors.map((mentor) => ({ ...mentor, name: `${mentor.name}${LONG}` })),
    };
    const release = service.hold();
    const { wrapper, element } = await mount({ service, width: 320 });
    expect(getComputedStyle($(element, '.skeleton')!).animationName, 'the skeleton does not pulse').to.equal('none');
    release();
    await waitForState(element, 'ready');
    $<HTMLInputElement>(element, 'input[name="period"][value="custom"]')!.click();
    await element.updateComplete;
    const limit = wrapper.getBoundingClientRect().right + 1;
    const problems: string[] = [];
    for (const node of [element, ...element.shadowRoot!.querySelectorAll<HTMLElement>('*')]) {
      const style = getComputedStyle(node);
      if (style.display === 'none' || node.closest('.visually-hidden, .table-scroll') || ['style', 'title', 'desc'].includes(node.localName)) continue;
      const rect = node.getBoundingClientRect();
      if (rect.width > 0 && rect.right > limit)
        problems.push(`${node.localName}[part=${node.getAttribute('part')}].${node.className} ends at ${Math.round(rect.right)}`);
      else if (style.overflowX !== 'visible' && node.scrollWidth > node.clientWidth + 1 && !node.classList.contains('table-scroll'))
        problems.push(`${node.localName}.${node.className} scrolls sideways`);
    }
    expect(problems).to.deep.equal([]);
    expect(element.scrollWidth).to.be.at.most(320);
    expect(text(parts(element, 'risk-pair')[0]!.querySelector('.risk-name'))).to.contain(LONG);
    await expect(element).to.be.accessible();
  });
});
