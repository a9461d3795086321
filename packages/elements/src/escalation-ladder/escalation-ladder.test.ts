import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import {
  MentorKitError,
  type EscalationSettings,
  type MentorKit,
  type NotificationDelivery,
  type NotificationPreferences,
  type NotificationsService,
  type PairEscalation,
  type ProgramEscalationSettings,
  type ProgramEscalations,
  type StorageAdapter,
} from '@mentorkit/core';
import { HOSTILE_NAME, PROGRAM_ID, languagesReady, readyKit, seededStorage } from '../testing/fixtures.js';
import './define.js';
import type { MkEscalationLadder } from './escalation-ladder.js';
import { focused, part, parts, text } from '../testing/queries.js';
import { HeldCalls } from '../testing/held-calls.js';

const NOW = '2026-12-05T09:00:00Z';

const daniel: PairEscalation = {
  pairingId: 'p-daniel',
  menteeId: 'daniel',
  mentorIds: ['kenji'],
  members: [
    { personId: 'daniel', lastActiveAt: '2026-10-20T10:00:00Z' },
    { personId: 'kenji', lastActiveAt: null },
  ],
  lastActivityAt: '2026-10-20T10:00:00Z',
  lastActivityKind: 'message',
  quietDays: 46,
  stage: 'closing',
  stageSince: '2026-12-01T09:00:00Z',
  next: { stage: 'closed-due', at: '2026-12-08T09:00:00Z' },
  closesAt: '2026-12-08T09:00:00Z',
  history: [
    { stage: 'nudged', at: '2026-11-03T09:00:00Z' },
    { stage: 'admin-alerted', at: '2026-11-17T09:00:00Z' },
    { stage: 'closing', at: '2026-12-01T09:00:00Z' },
  ],
  suggestion: { menteeId: 'daniel', mentorIds: ['arjun'] },
};
const lucia: PairEscalation = {
  pairingId: 'p-lucia',
  menteeId: 'lucia',
  mentorIds: ['kenji', 'arjun'],
  members: [
    { personId: 'lucia', lastActiveAt: '2026-11-18T10:00:00Z' },
    { personId: 'kenji', lastActiveAt: '2026-11-18T10:00:00Z' },
    { personId: 'arjun', lastActiveAt: null },
  ],
  lastActivityAt: '2026-11-18T10:00:00Z',
  lastActivityKind: 'session',
  quietDays: 16,
  stage: 'nudged',
  stageSince: '2026-12-02T09:00:00Z',
  next: { stage: 'admin-alerted', at: '2026-12-16T09:00:00Z' },
  history: [{ stage: 'nudged', at: '2026-12-02T09:00:00Z' }],
};
const mallory: PairEscalation = {
  pairingId: 'p-mallory',
  menteeId: 'mallory',
  mentorIds: ['arjun'],
  members: [],
  lastActivityAt: '2026-12-04T10:00:00Z',
  lastActivityKind: 'goal',
  quietDays: 0,
  stage: 'active',
  stageSince: '2026-12-04T10:00:00Z',
  history: [],
};

/**
 * The ladder endpoints as the server answers them, in memory, validating like it: whole days,
 * admins alerted after the nudge, closing after the alert, 1–60 days' notice — refused with
 * `invalid-input` naming the field. `failNext` refuses the next call; `hold()` keeps it pending.
 */
class InMemoryLadder extends HeldCalls implements NotificationsService {
  settings: EscalationSettings = { quietDays: 14, alertAdminDays: 28, close: null };
  pairs: PairEscalation[];
  saved: EscalationSettings[] = [];
  failLoad: MentorKitError | undefined;

  constructor(pairs: PairEscalation[] = [daniel, lucia, mallory], close: EscalationSettings['close'] = { afterDays: 42, noticeDays: 7 }) {
    super();
    this.pairs = pairs;
    this.settings = { ...this.settings, close };
  }

  async escalationSettings(programId: string): Promise<ProgramEscalationSettings> {
    if (this.failLoad) throw this.failLoad;
    await this.enter();
    return { programId, ...structuredClone(this.settings) };
  }

  async setEscalationSettings(programId: string, settings: EscalationSettings): Promise<ProgramEscalationSettings> {
    this.saved.push(structuredClone(settings));
    await this.enter();
    const whole = (value: number, path: string) => {
      if (!Number.isInteger(value) || value < 1 || value > 365)
        throw new MentorKitError('invalid-input', `\`${path}\` must be a whole number of days from 1 to 365.`, { path });
    };
    whole(settings.quietDays, 'quietDays');
    whole(settings.alertAdminDays, 'alertAdminDays');
    if (settings.alertAdminDays <= settings.quietDays)
      throw new MentorKitError('invalid-input', '`alertAdminDays` must be more than `quietDays`: admins are alerted after both were nudged.', {
        path: 'alertAdminDays',
      });
    if (settings.close) {
      whole(settings.close.afterDays, 'close.afterDays');
      if (settings.close.afterDays <= settings.alertAdminDays)
        throw new MentorKitError('invalid-input', '`close.afterDays` must be more than `alertAdminDays`.', { path: 'close.afterDays' });
      if (settings.close.noticeDays < 1 || settings.close.noticeDays > 60)
        throw new MentorKitError('invalid-input', '`close.noticeDays` must be from 1 to 60 days.', { path: 'close.noticeDays' });
    }
    this.settings = structuredClone(settings);
    return { programId, ...structuredClone(settings), updatedAt: NOW };
  }

  async escalations(programId: string): Promise<ProgramEscalations> {
    if (this.failLoad) throw this.failLoad;
    return { programId, settings: structuredClone(this.settings), asOf: NOW, pairs: structuredClone(this.pairs) };
  }

  async preferences(): Promise<NotificationPreferences> {
    return { personId: 'priya', email: true, kinds: {}, digest: 'none' };
  }

  async setPreferences(): Promise<NotificationPreferences> {
    return this.preferences();
  }

  async sent(): Promise<NotificationDelivery[]> {
    return [];
  }
}

const $ = <T extends Element = HTMLElement>(element: MkEscalationLadder, selector: string) => element.shadowRoot!.querySelector<T>(selector);
/** The facts of a `dl` as "term: value". */
const factsOf = (node: Element | null | undefined) =>
  [...(node?.querySelectorAll('dt') ?? [])].map((term) => `${text(term)}: ${text(term.nextElementSibling)}`);
const stateOf = (element: MkEscalationLadder) => part(element, 'base')?.dataset.state;
const waitForState = (element: MkEscalationLadder, state: string) =>
  waitUntil(() => stateOf(element) === state, `state ${state} (is ${stateOf(element)})`, { timeout: 4000 });

async function typeInto(element: MkEscalationLadder, name: string, value: string): Promise<void> {
  const input = $<HTMLInputElement>(element, `[name="${name}"]`)!;
  input.focus();
  input.select();
  await sendKeys({ type: value });
  await element.updateComplete;
}

describe('<mk-escalation-ladder>', () => {
  const kits: MentorKit[] = [];
  async function mount(
    service?: NotificationsService,
    options: { lang?: string; width?: number; people?: boolean } = {},
  ): Promise<{ wrapper: HTMLElement; element: MkEscalationLadder }> {
    const lang = options.lang ?? 'en';
    const seeded: StorageAdapter = await seededStorage();
    const storage = service ? Object.assign(seeded, { notifications: service }) : seeded;
    const kit = await readyKit(storage, 'priya', NOW);
    kits.push(kit);
    const wrapper = await fixture<HTMLElement>(
      html`<div lang=${lang} style=${options.width ? `width:${options.width}px` : ''}><mk-escalation-ladder .kit=${kit} program-id=${PROGRAM_ID} heading-level="3" locale=${lang === 'es' ? 'es-ES' : 'en-GB'}></mk-escalation-ladder></div>`,
    );
    await languagesReady(wrapper);
    return { wrapper, element: wrapper.querySelector('mk-escalation-ladder')! };
  }
  afterEach(async () => {
    await Promise.all(kits.splice(0).map((kit) => kit.dispose()));
  });

  it('loading, load error with the server’s words and retry, each passing axe', async () => {
    const service = new InMemoryLadder();
    const release = service.hold();
    const { element } = await mount(service);
    expect(stateOf(element)).to.equal('loading');
    expect(text(part(element, 'loading'))).to.equal('Loading the programme’s quiet pairs…');
    await expect(element).to.be.accessible();
    release();
    await waitForState(element, 'list');

    const broken = new InMemoryLadder();
    broken.failLoad = new MentorKitError('forbidden', 'Only the programme’s admins see its escalation ladder.');
    const failed = (await mount(broken)).element;
    await waitForState(failed, 'error');
    expect(part(failed, 'error')!.getAttribute('role')).to.equal('alert');
    expect(text(part(failed, 'error'))).to.contain('Only the programme’s admins see its escalation ladder.');
    await expect(failed).to.be.accessible();
    broken.failLoad = undefined;
    $<HTMLButtonElement>(failed, '[part~="error"] button')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitForState(failed, 'list');
    await waitUntil(() => focused() === part(failed, 'heading'), 'focus on the heading, not lost with the error box');
    await expect(failed).to.be.accessible();

    // Refresh keeps focus while it reads again.
    const refresh = $<HTMLButtonElement>(failed, '[data-action="refresh"]')!;
    refresh.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => text(part(failed, 'announcement')) === 'The list is up to date.', 'refreshed');
    expect(focused()).to.equal(refresh);
  });

  it('without a server: says the ladder needs it, passes axe', async () => {
    const { element } = await mount(undefined);
    await waitForState(element, 'unavailable');
    expect(text(part(element, 'unavailable'))).to.equal('The escalation ladder needs the MentorKit server, which watches pairs and sends the nudges.');
    expect(part(element, 'settings')).to.equal(null);
    await expect(element).to.be.accessible();
  });

  it('empty: "No pairs are quiet", the active ones counted; passes axe', async () => {
    const { element } = await mount(new InMemoryLadder([mallory], null));
    await waitForState(element, 'empty');
    expect(text(part(element, 'empty'))).to.equal('No pairs are quiet.');
    expect(text(element.shadowRoot!.querySelector('.pairs'))).to.contain('1 other pair is active.');
    expect(factsOf(part(element, 'settings'))).to.include('Close the pairing: never (off)');
    await expect(element).to.be.accessible();
  });

  it('the list, worst first: names, days quiet, the step as text and as steps with aria-current, next step, closing, suggestion, history; passes axe', async () => {
    const { element } = await mount(new InMemoryLadder());
    await waitForState(element, 'list');
    const list = part(element, 'list')!;
    expect(list.localName).to.equal('ul');
    const rows = parts(element, 'pair');
    expect(
      rows.map((row) => row.dataset.pairingId),
      'as the server ordered them; the active pair left out',
    ).to.deep.equal(['p-daniel', 'p-lucia']);
    const first = rows[0]!;
    expect(first.getAttribute('aria-labelledby')).to.equal('pair-p-daniel-title');
    expect(text(first.querySelector('.pair-name'))).to.equal('Daniel Kim with Kenji Watanabe');
    expect(text(first.querySelector('.quiet'))).to.equal('Quiet for 46 days · last activity: a message, Tue 20 Oct, 11:00');
    const steps = [...first.querySelectorAll<HTMLElement>('[part~="step"]')];
    expect(first.querySelector('[part~="steps"]')!.localName).to.equal('ol');
    expect(steps.map((step) => `${step.dataset.stage}:${step.dataset.state}`)).to.deep.equal([
      'active:done',
      'nudged:done',
      'admin-alerted:done',
      'closing:current',
      'closed-due:to-come',
    ]);
    expect(steps[3]!.getAttribute('aria-current')).to.equal('step');
    expect(steps.filter((step) => step.hasAttribute('aria-current'))).to.have.length(1);
    expect(text(steps[0])).to.equal('✓ Active (done)');
    expect(steps[3]!.querySelector('.marker')!.textContent, 'not colour alone').to.equal('●');
    expect(factsOf(first.querySelector('dl'))).to.deep.equal([
      'Step: Closing (notice given) since Tue 1 Dec, 09:00',
      'Next: Due to close on Tue 8 Dec, 09:00',
      'Closes: Tue 8 Dec, 09:00',
      'Suggested instead: Daniel Kim with Arjun Shrestha',
    ]);
    expect(text(first.querySelector('[part~="suggestion"]'))).to.equal('Daniel Kim with Arjun Shrestha');
    const history = first.querySelector<HTMLDetailsElement>('[part~="history"]')!;
    expect(history.open).to.equal(false);
    expect(text(history.querySelector('summary'))).to.equal('What happened (3)');
    const second = rows[1]!;
    expect(text(second.querySelector('.pair-name'))).to.equal('Lucía Fernández with Kenji Watanabe and Arjun Shrestha');
    await expect(element).to.be.accessible();

    // The disclosure by keyboard.
    history.querySelector('summary')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => history.open, 'opened');
    expect([...history.querySelectorAll('.history-list li')].map(text)).to.deep.equal([
      'Both nudged — Tue 3 Nov, 09:00',
      'Admins alerted — Tue 17 Nov, 09:00',
      'Closing (notice given) — Tue 1 Dec, 09:00',
    ]);
    expect([...history.querySelectorAll('.members li')].map(text)).to.deep.equal(['Daniel Kim: Tue 20 Oct, 11:00', 'Kenji Watanabe: not yet']);
    await expect(element).to.be.accessible();
  });

  it('with closing off, the steps end at "Admins alerted"', async () => {
    const { element } = await mount(new InMemoryLadder([lucia], null));
    await waitForState(element, 'list');
    expect(parts(element, 'step').map((step) => step.dataset.stage)).to.deep.equal(['active', 'nudged', 'admin-alerted']);
  });

  it('editing the ladder by keyboard: the server’s refusal at its field, text kept, focus there; then saved with progress, focus back on the button; Escape cancels', async () => {
    const service = new InMemoryLadder([daniel], null);
    const { element } = await mount(service);
    await waitForState(element, 'list');
    expect(factsOf(part(element, 'settings'))).to.deep.equal([
      'Nudge both: after 14 days quiet',
      'Alert the admins: after 28 days quiet',
      'Close the pairing: never (off)',
    ]);
    part(element, 'edit')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => focused()?.getAttribute('name') === 'quietDays', 'focus on the first field');
    expect($<HTMLInputElement>(element, '[name="quietDays"]')!.value).to.equal('14');
    expect($(element, '[name="afterDays"]')!.closest('.field')!.hasAttribute('hidden'), 'closing fields hidden while off').to.equal(true);
    await expect(element).to.be.accessible();

    // Escape cancels and returns to the button.
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => focused() === part(element, 'edit'), 'focus back on Change the ladder');
    expect(part(element, 'form')).to.equal(null);

    await sendKeys({ press: 'Enter' });
    await waitUntil(() => focused()?.getAttribute('name') === 'quietDays', 'editing again');
    await typeInto(element, 'alertAdminDays', '10');
    $<HTMLInputElement>(element, '[name="close"]')!.click();
    await element.updateComplete;
    expect($(element, '[name="afterDays"]')!.closest('.field')!.hasAttribute('hidden')).to.equal(false);
    await typeInto(element, 'afterDays', '60');
    await typeInto(element, 'noticeDays', '10');
    part(element, 'submit')!.click();
    await waitUntil(() => part(element, 'field-error') !== null, 'the refusal');
    expect(text(part(element, 'field-error'))).to.equal('`alertAdminDays` must be more than `quietDays`: admins are alerted after both were nudged.');
    await waitUntil(() => focused()?.getAttribute('name') === 'alertAdminDays', 'focus on the field');
    expect($(element, '[name="alertAdminDays"]')!.getAttribute('aria-invalid')).to.equal('true');
    expect($(element, '[name="alertAdminDays"]')!.getAttribute('aria-describedby')).to.equal('ladder-alertAdminDays-error');
    const kept = () => ['quietDays', 'alertAdminDays', 'afterDays', 'noticeDays'].map((name) => $<HTMLInputElement>(element, `[name="${name}"]`)!.value);
    expect(kept()).to.deep.equal(['14', '10', '60', '10']);
    expect($<HTMLInputElement>(element, '[name="close"]')!.checked).to.equal(true);
    await expect(element).to.be.accessible();

    // A path inside `close` lands on its field.
    await typeInto(element, 'alertAdminDays', '30');
    await typeInto(element, 'afterDays', '20');
    part(element, 'submit')!.click();
    await waitUntil(() => text(part(element, 'field-error')).startsWith('`close.afterDays`'), 'the refusal at Close after');
    await waitUntil(() => focused()?.getAttribute('name') === 'afterDays', 'focus on Close after');

    // Not a number: said here, nothing sent.
    const sentBefore = service.saved.length;
    await typeInto(element, 'afterDays', 'ninety');
    part(element, 'submit')!.click();
    await waitUntil(() => text(part(element, 'field-error')) === 'Enter a whole number of days.', 'said here');
    expect(service.saved.length).to.equal(sentBefore);

    // A refusal without a field goes above the form.
    await typeInto(element, 'afterDays', '60');
    service.failNext = new MentorKitError('forbidden', 'Only the programme’s admins change its escalation ladder.');
    part(element, 'submit')!.click();
    await waitUntil(() => part(element, 'form-error') !== null, 'above the form');
    await waitUntil(() => focused() === part(element, 'form-error'), 'focus on it');
    expect([...part(element, 'form-error')!.querySelectorAll('p')].map(text)).to.deep.equal([
      'The ladder was not changed.',
      'Only the programme’s admins change its escalation ladder.',
    ]);
    await expect(element).to.be.accessible();

    // Saved.
    const release = service.hold();
    const changed = oneEvent(element, 'mk-escalation-settings-change');
    part(element, 'submit')!.click();
    await waitUntil(() => part(element, 'progress') !== null, 'Saving…');
    expect(part(element, 'form')!.getAttribute('aria-busy')).to.equal('true');
    await expect(element).to.be.accessible();
    release();
    expect((await changed).detail).to.deep.equal({
      programId: PROGRAM_ID,
      settings: { quietDays: 14, alertAdminDays: 30, close: { afterDays: 60, noticeDays: 10 } },
    });
    await waitUntil(() => focused() === part(element, 'edit'), 'focus back on Change the ladder');
    expect(factsOf(part(element, 'settings'))).to.include('Close the pairing: after 60 days quiet, with 10 days’ notice');
    expect(text(part(element, 'announcement'))).to.equal('The ladder is saved.');
    await waitUntil(() => parts(element, 'step').length === 5, 'the steps now include closing');
  });

  it('speaks Spanish, and passes axe', async () => {
    const { wrapper, element } = await mount(new InMemoryLadder(), { lang: 'es' });
    await waitForState(element, 'list');
    expect(text(part(element, 'heading'))).to.equal('Parejas en silencio');
    expect(text(parts(element, 'pair')[0]!.querySelector('.pair-name'))).to.equal('Daniel Kim con Kenji Watanabe');
    expect(text(parts(element, 'pair')[0]!.querySelector('.quiet'))).to.match(/^En silencio desde hace 46 días · última actividad: un mensaje, mar, 20 oct/);
    expect(text(parts(element, 'pair')[1]!.querySelector('.pair-name'))).to.equal('Lucía Fernández con Kenji Watanabe y Arjun Shrestha');
    expect(text(part(element, 'settings'))).to.contain('tras 42 días en silencio, con 7 días de aviso');
    expect(text(part(element, 'base'))).to.not.match(/\b(?:Quiet|Refresh|Next|Closes)\b/);
    await expect(wrapper).to.be.accessible();
  });

  it('nothing sticks out at 320 px with hostile, long names and an unknown person; shown as text', async () => {
    const long = `Supercalifragilistic${'x'.repeat(160)}expialidocious!!`.slice(0, 200);
    const { wrapper, element } = await mount(
      new InMemoryLadder([{ ...daniel, mentorIds: ['kenji', 'mallory', long], suggestion: { menteeId: 'daniel', mentorIds: [long] } }, lucia]),
      { width: 320 },
    );
    await waitForState(element, 'list');
    const first = parts(element, 'pair')[0]!;
    expect(text(first.querySelector('.pair-name'))).to.equal(`Daniel Kim with Kenji Watanabe, ${HOSTILE_NAME} and ${long}`);
    expect(element.shadowRoot!.querySelector('img'), 'shown as text').to.equal(null);
    first.querySelector<HTMLDetailsElement>('[part~="history"]')!.open = true;
    part(element, 'edit')!.click();
    await element.updateComplete;
    const limit = wrapper.getBoundingClientRect().right + 1;
    const problems: string[] = [];
    for (const node of [element, ...element.shadowRoot!.querySelectorAll<HTMLElement>('*')]) {
      const style = getComputedStyle(node);
      if (style.display === 'none' || node.closest('.visually-hidden') || ['style'].includes(node.localName)) continue;
      const rect = node.getBoundingClientRect();
      if (rect.width > 0 && rect.right > limit)
        problems.push(`${node.localName}[part=${node.getAttribute('part')}].${node.className} ends at ${Math.round(rect.right)}`);
      else if (style.overflowX !== 'visible' && node.scrollWidth > node.clientWidth + 1) problems.push(`${node.localName}.${node.className} scrolls sideways`);
    }
    expect(problems).to.deep.equal([]);
    expect(element.scrollWidth).to.be.at.most(320);
    await expect(element).to.be.accessible();
  });
});
