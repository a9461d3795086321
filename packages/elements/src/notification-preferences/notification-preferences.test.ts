import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import {
  MentorKitError,
  createMemoryStorage,
  createMentorKit,
  type EscalationSettings,
  type ManagerDigestChange,
  type ManagerDigestSettings,
  type MentorKit,
  type NotificationDelivery,
  type NotificationPreferences,
  type NotificationPreferencesChange,
  type NotificationsService,
  type ProgramEscalationSettings,
  type ProgramEscalations,
} from '@mentorkit/core';
import { HOSTILE_NAME, languagesReady } from '../testing/fixtures.js';
import './define.js';
import type { MkNotificationPreferences } from './notification-preferences.js';
import { definedFields, focused, part, parts, text } from '../testing/queries.js';
import { HeldCalls } from '../testing/held-calls.js';

const NOW = '2026-12-05T09:00:00Z';
const ALL_KINDS = [
  'check-in-due-soon',
  'check-in-overdue',
  'pair-inactive',
  'pair-at-risk',
  'pairing-closing',
  'pairing-closed',
  'session-soon',
  'feedback-requested',
  'goal-due',
  'goal-missed',
];

/**
 * The notifications service as the MentorKit server answers it, in memory: PUT changes only the
 * fields sent; digests other than "none" are refused as the server refuses them (400, its words);
 * `failNext` refuses the next call; `hold()` keeps the next call pending until released.
 */
class InMemoryNotifications extends HeldCalls implements NotificationsService {
  stored: NotificationPreferences;
  deliveries: NotificationDelivery[];
  changes: NotificationPreferencesChange[] = [];
  failLoad: MentorKitError | undefined;
  failSent: MentorKitError | undefined;
  sentLimits: Array<number | undefined> = [];

  constructor(kinds: string[] = ['check-in-due-soon', 'check-in-overdue', 'pair-inactive'], deliveries: NotificationDelivery[] = []) {
    super();
    this.stored = { personId: 'daniel', email: true, kinds: Object.fromEntries(kinds.map((kind) => [kind, true])), digest: 'none' };
    this.deliveries = deliveries;
  }

  async preferences(): Promise<NotificationPreferences> {
    if (this.failLoad) throw this.failLoad;
    await this.enter();
    return structuredClone(this.stored);
  }

  async setPreferences(change: NotificationPreferencesChange): Promise<NotificationPreferences> {
    this.changes.push(structuredClone(change));
    await this.enter();
    if (change.digest !== undefined && change.digest !== 'none')
      throw new MentorKitError('invalid-input', `\`digest\`: "${change.digest}" digests are not available yet; only "none" (one email per reminder) is.`, {
        path: 'digest',
      });
    this.stored = { ...this.stored, ...definedFields(change), kinds: { ...this.stored.kinds, ...change.kinds }, updatedAt: NOW };
    return structuredClone(this.stored);
  }

  async sent(options?: { limit?: number }): Promise<NotificationDelivery[]> {
    this.sentLimits.push(options?.limit);
    if (this.failSent) throw this.failSent;
    return structuredClone(this.deliveries);
  }

  async escalationSettings(programId: string): Promise<ProgramEscalationSettings> {
    return { programId, quietDays: 14, alertAdminDays: 28, close: null };
  }

  async setEscalationSettings(programId: string, settings: EscalationSettings): Promise<ProgramEscalationSettings> {
    return { programId, ...settings };
  }

  async escalations(programId: string): Promise<ProgramEscalations> {
    return { programId, settings: { quietDays: 14, alertAdminDays: 28, close: null }, asOf: NOW, pairs: [] };
  }

  /** The manager's summary as the server keeps it (it refuses "on" without an address, and a bad address, naming the field). */
  manager: ManagerDigestSettings = {
    personId: 'daniel',
    enabled: false,
    language: 'en',
    preview: {
      from: '2026-11-21T09:00:00Z',
      to: NOW,
      sessionsHeld: 2,
      mentoringMinutes: 105,
      goalsReached: ['Run the roadmap review'],
      programmes: ['Engineering mentoring'],
    },
  };
  managerChanges: ManagerDigestChange[] = [];

  async managerDigest(): Promise<ManagerDigestSettings> {
    return structuredClone(this.manager);
  }

  async setManagerDigest(change: ManagerDigestChange): Promise<ManagerDigestSettings> {
    this.managerChanges.push(structuredClone(change));
    await this.enter();
    const email = change.managerEmail ?? this.manager.managerEmail;
    if (change.managerEmail !== undefined && !/^[^@\s]+@[^@\s]+\.[a-z]+$/i.test(change.managerEmail))
      throw new MentorKitError('invalid-input', '`managerEmail` must be an email address such as name@example.com.', { path: 'managerEmail' });
    if (change.enabled && !email)
      throw new MentorKitError('invalid-input', "To turn the summary on, give your manager's email address (`managerEmail`).", { path: 'managerEmail' });
    const { managerName, ...rest } = change;
    this.manager = {
      ...this.manager,
      ...definedFields(rest),
      ...(managerName === null ? { managerName: undefined } : managerName === undefined ? {} : { managerName }),
      updatedAt: NOW,
    };
    if (this.manager.enabled)
      this.manager = { ...this.manager, nextSendAt: '2026-12-07T09:00:00Z', consentedAt: NOW, stoppedAt: undefined, stoppedBy: undefined };
    else delete this.manager.nextSendAt;
    return structuredClone(this.manager);
  }

  async removeManagerDigest(): Promise<ManagerDigestSettings> {
    await this.enter();
    this.manager = { personId: 'daniel', enabled: false, language: 'en', preview: this.manager.preview };
    return structuredClone(this.manager);
  }
}

const sentMail: NotificationDelivery = {
  id: 'd1',
  kind: 'check-in-overdue',
  pairingId: 'p-daniel',
  channel: 'email',
  subject: 'Your check-in with Kenji is overdue',
  status: 'sent',
  sendAt: '2026-12-04T17:00:00Z',
  sentAt: '2026-12-04T17:00:04Z',
  attempts: 1,
  createdAt: '2026-12-04T09:00:00Z',
};
const skippedMail: NotificationDelivery = {
  id: 'd2',
  kind: 'pair-inactive',
  pairingId: 'p-daniel',
  channel: 'email',
  subject: null,
  status: 'skipped',
  sendAt: '2026-12-03T17:00:00Z',
  sentAt: null,
  attempts: 1,
  createdAt: '2026-12-03T09:00:00Z',
  reason: 'pair-inactive turned off',
};
const queuedMail: NotificationDelivery = {
  id: 'd3',
  kind: 'brand-new-kind',
  pairingId: 'p-daniel',
  channel: 'email',
  subject: null,
  status: 'queued',
  sendAt: '2026-12-07T17:00:00Z',
  sentAt: null,
  attempts: 0,
  createdAt: '2026-12-05T08:00:00Z',
};

const $ = <T extends Element = HTMLElement>(element: MkNotificationPreferences, selector: string) => element.shadowRoot!.querySelector<T>(selector);
const stateOf = (element: MkNotificationPreferences) => part(element, 'base')?.dataset.state;
const waitForState = (element: MkNotificationPreferences, state: string) =>
  waitUntil(() => stateOf(element) === state, `state ${state} (is ${stateOf(element)})`, { timeout: 4000 });
const sentShown = (element: MkNotificationPreferences) =>
  waitUntil(() => part(element, 'sent-list') !== null || part(element, 'empty') !== null, 'the sent list');

describe('<mk-notification-preferences>', () => {
  const kits: MentorKit[] = [];
  async function mount(service?: NotificationsService, lang = 'en', width?: number): Promise<{ wrapper: HTMLElement; element: MkNotificationPreferences }> {
    const storage = service ? Object.assign(createMemoryStorage(), { notifications: service }) : createMemoryStorage();
    const kit = createMentorKit({ storage, user: { id: 'daniel' }, now: () => NOW });
    kits.push(kit);
    const wrapper = await fixture<HTMLElement>(
      html`<div lang=${lang} style=${width ? `width:${width}px` : ''}><mk-notification-preferences .kit=${kit} heading-level="3" locale=${lang === 'es' ? 'es-ES' : 'en-GB'}></mk-notification-preferences></div>`,
    );
    await languagesReady(wrapper);
    return { wrapper, element: wrapper.querySelector('mk-notification-preferences')! };
  }
  afterEach(async () => {
    await Promise.all(kits.splice(0).map((kit) => kit.dispose()));
  });

  it('loading, load error with the server’s words and retry, each passing axe', async () => {
    const service = new InMemoryNotifications();
    const release = service.hold();
    const { element } = await mount(service);
    expect(stateOf(element)).to.equal('loading');
    expect(text(part(element, 'loading'))).to.equal('Loading your reminder settings…');
    expect(part(element, 'heading')!.getAttribute('aria-level')).to.equal('3');
    await expect(element).to.be.accessible();
    release();
    await waitForState(element, 'ready');

    const broken = new InMemoryNotifications();
    broken.failLoad = new MentorKitError('storage-error', 'Reading your reminder settings failed: The server is unavailable (503); nothing was applied.');
    const failed = (await mount(broken)).element;
    await waitForState(failed, 'error');
    expect(part(failed, 'error')!.getAttribute('role')).to.equal('alert');
    expect(text(part(failed, 'error'))).to.contain('The server is unavailable (503)');
    await expect(failed).to.be.accessible();
    broken.failLoad = undefined;
    $<HTMLButtonElement>(failed, '[part~="error"] button')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitForState(failed, 'ready');
    await waitUntil(() => focused() === part(failed, 'heading'), 'focus on the heading, not lost with the error box');
  });

  it('without a server (no `notifications` on the storage): says so, shows no settings, passes axe', async () => {
    const { element } = await mount(undefined);
    await waitForState(element, 'unavailable');
    expect(text(part(element, 'unavailable'))).to.equal(
      'Reminders by email need the MentorKit server; here, reminders show only on the page while you have it open.',
    );
    expect(part(element, 'switch')).to.equal(null);
    expect(part(element, 'sent')).to.equal(null);
    await expect(element).to.be.accessible();
  });

  it('shows the kinds the server lists, grouped and explained, an unknown kind by its id; the empty "Sent to you"; passes axe', async () => {
    const service = new InMemoryNotifications([...ALL_KINDS, 'brand-new-kind']);
    const { element } = await mount(service);
    await waitForState(element, 'ready');
    await sentShown(element);
    const legends = [...element.shadowRoot!.querySelectorAll('[part~="kinds"] legend')].map(text);
    expect(legends).to.deep.equal(['Check-ins', 'Quiet pairs', 'Sessions and feedback', 'Goals', 'Other reminders']);
    expect(parts(element, 'kind').map((row) => row.dataset.kind)).to.deep.equal([...ALL_KINDS, 'brand-new-kind']);
    const overdue = $(element, '[data-kind="check-in-overdue"]')!;
    expect(text(overdue.querySelector('label'))).to.equal('Check-in overdue');
    const overdueBox = overdue.querySelector('input')!;
    expect(overdueBox.getAttribute('aria-describedby')).to.equal('kind-check-in-overdue-hint');
    expect(text(overdue.querySelector('.hint'))).to.equal('A check-in is late and no session is booked for it.');
    expect(text($(element, '[data-kind="brand-new-kind"] label'))).to.equal('brand-new-kind');
    expect($(element, '[data-kind="brand-new-kind"] .hint')).to.equal(null);
    const toggle = part(element, 'switch') as HTMLInputElement;
    expect([toggle.type, toggle.getAttribute('role'), toggle.checked]).to.deep.equal(['checkbox', 'switch', true]);
    expect([...element.shadowRoot!.querySelectorAll<HTMLInputElement>('input[name="digest"]')].map((radio) => `${radio.value}:${radio.checked}`)).to.deep.equal(
      ['none:true', 'daily:false', 'weekly:false'],
    );
    expect(text(part(element, 'empty'))).to.equal('Nothing has been sent to you yet.');
    expect(service.sentLimits).to.deep.equal([20]);
    await expect(element).to.be.accessible();
  });

  it('keyboard: Space turns a kind off, saved with progress and a polite announcement; focus stays; the event says what changed', async () => {
    const service = new InMemoryNotifications();
    const { element } = await mount(service);
    await waitForState(element, 'ready');
    const box = () => $<HTMLInputElement>(element, '[name="kind-pair-inactive"]')!;
    box().focus();
    const release = service.hold();
    const changed = oneEvent(element, 'mk-notification-preferences-change');
    await sendKeys({ press: 'Space' });
    await waitUntil(() => $(element, '[data-kind="pair-inactive"] [part~="saving"]') !== null, 'Saving… beside it');
    expect(text($(element, '[data-kind="pair-inactive"] [part~="saving"]'))).to.equal('Saving…');
    expect($(element, '[data-kind="pair-inactive"]')!.getAttribute('aria-busy')).to.equal('true');
    expect(box().checked).to.equal(false);
    expect(text(part(element, 'announcement')), 'not announced before the server kept it').to.equal('');
    expect(focused()).to.equal(box());
    await expect(element).to.be.accessible();
    release();
    const event = await changed;
    expect(event.detail.change).to.deep.equal({ kinds: { 'pair-inactive': false } });
    expect(event.detail.preferences.kinds['pair-inactive']).to.equal(false);
    await waitUntil(() => text(part(element, 'announcement')) === 'Saved: “Pair gone quiet” is off.', 'announced');
    expect(part(element, 'saving')).to.equal(null);
    expect(service.stored.kinds['pair-inactive']).to.equal(false);
    expect(focused(), 'focus never lost').to.equal(box());

    // Tab to the email switch's neighbours and back; Space on the switch turns emails off.
    const toggle = part(element, 'switch') as HTMLInputElement;
    toggle.focus();
    await sendKeys({ press: 'Space' });
    await waitUntil(() => text(part(element, 'announcement')) === 'Saved: reminder emails are off.', 'email off announced');
    expect(service.stored.email).to.equal(false);
    expect(text(part(element, 'kinds'))).to.contain('Reminder emails are off: the choices below apply once you turn them on again.');
    expect(focused()).to.equal(toggle);
    await expect(element).to.be.accessible();
  });

  it('quick changes are saved in order, each shown at once', async () => {
    const service = new InMemoryNotifications();
    const { element } = await mount(service);
    await waitForState(element, 'ready');
    const release = service.hold();
    $<HTMLInputElement>(element, '[name="kind-check-in-due-soon"]')!.click();
    $<HTMLInputElement>(element, '[name="kind-check-in-overdue"]')!.click();
    $<HTMLInputElement>(element, '[name="kind-check-in-due-soon"]')!.click();
    await element.updateComplete;
    expect(parts(element, 'saving')).to.have.length(2);
    expect($<HTMLInputElement>(element, '[name="kind-check-in-due-soon"]')!.checked).to.equal(true);
    expect($<HTMLInputElement>(element, '[name="kind-check-in-overdue"]')!.checked).to.equal(false);
    release();
    await waitUntil(() => parts(element, 'saving').length === 0, 'all saved');
    expect(service.changes).to.deep.equal([
      { kinds: { 'check-in-due-soon': false } },
      { kinds: { 'check-in-overdue': false } },
      { kinds: { 'check-in-due-soon': true } },
    ]);
    expect(service.stored.kinds).to.deep.equal({ 'check-in-due-soon': true, 'check-in-overdue': false, 'pair-inactive': true });
  });

  it('a daily digest the server refuses: back to one email per reminder, the server’s words at the choice, never announced as saved; passes axe', async () => {
    const service = new InMemoryNotifications();
    const { element } = await mount(service);
    await waitForState(element, 'ready');
    const radio = (value: string) => $<HTMLInputElement>(element, `input[name="digest"][value="${value}"]`)!;
    radio('none').focus();
    await sendKeys({ press: 'ArrowDown' });
    await waitUntil(() => part(element, 'field-error') !== null, 'the refusal');
    expect(service.changes).to.deep.equal([{ digest: 'daily' }]);
    expect(text(part(element, 'field-error'))).to.equal(
      'Not saved, so it is back as it was: `digest`: "daily" digests are not available yet; only "none" (one email per reminder) is.',
    );
    expect(part(element, 'field-error')!.getAttribute('role')).to.equal('alert');
    expect(radio('none').checked).to.equal(true);
    expect(radio('daily').checked).to.equal(false);
    expect(part(element, 'digest')!.getAttribute('aria-describedby')).to.equal('digest-error');
    expect(text(part(element, 'announcement'))).to.equal('');
    expect(focused(), 'focus stays in the group').to.equal(radio('daily'));
    expect(service.stored.digest).to.equal('none');
    await expect(element).to.be.accessible();

    // A refused switch goes back too.
    service.failNext = new MentorKitError('forbidden', 'You can only see and change your own notifications.', { path: 'personId' });
    (part(element, 'switch') as HTMLInputElement).click();
    await waitUntil(() => $(element, '#email-error') !== null, 'the refusal at the switch');
    expect((part(element, 'switch') as HTMLInputElement).checked).to.equal(true);
    expect(text($(element, '#email-error'))).to.contain('You can only see and change your own notifications.');
    expect(part(element, 'switch')!.getAttribute('aria-describedby')).to.equal('email-hint email-error');
    await expect(element).to.be.accessible();
  });

  it('"Sent to you": status, kind, subject, the local time, why it was skipped; an unknown kind by its id; refresh', async () => {
    const service = new InMemoryNotifications(undefined, [queuedMail, sentMail, skippedMail]);
    const { element } = await mount(service);
    await waitForState(element, 'ready');
    await sentShown(element);
    const rows = parts(element, 'delivery');
    expect(rows.map((row) => row.dataset.status)).to.deep.equal(['queued', 'sent', 'skipped']);
    expect(text(rows[0])).to.equal('Waiting brand-new-kind · Email (subject written when it is sent) Goes Mon 7 Dec, 17:00');
    expect(text(rows[1])).to.equal('Sent Check-in overdue · Email Your check-in with Kenji is overdue Sent Fri 4 Dec, 17:00');
    expect(rows[1]!.querySelector('time')!.getAttribute('datetime')).to.equal('2026-12-04T17:00:04Z');
    expect(text(rows[2])).to.contain('Not sent Pair gone quiet');
    expect(text(rows[2])).to.contain('Why: pair-inactive turned off');
    await expect(element).to.be.accessible();

    service.deliveries = [];
    $<HTMLButtonElement>(element, '[data-action="refresh-sent"]')!.click();
    await waitUntil(() => part(element, 'empty') !== null, 'empty after refresh');

    service.failSent = new MentorKitError('storage-error', 'Reading the reminders sent to you failed: the server is unavailable.');
    $<HTMLButtonElement>(element, '[data-action="refresh-sent"]')!.click();
    await waitUntil(() => text(part(element, 'sent')).includes('could not be loaded'), 'the list’s error');
    expect(stateOf(element), 'the settings stay usable').to.equal('ready');
    await expect(element).to.be.accessible();
  });

  it('speaks Spanish, and passes axe', async () => {
    const service = new InMemoryNotifications(ALL_KINDS, [sentMail, skippedMail]);
    const { wrapper, element } = await mount(service, 'es');
    await waitForState(element, 'ready');
    await sentShown(element);
    expect(text(part(element, 'heading'))).to.equal('Recordatorios');
    expect(text(part(element, 'email'))).to.contain('Enviarme recordatorios por correo');
    expect(text($(element, '[data-kind="pair-at-risk"]'))).to.contain('Pareja en riesgo (administración)');
    expect(text(part(element, 'digest'))).to.contain('Un resumen semanal');
    expect(text(parts(element, 'delivery')[0])).to.contain('Enviado Revisión atrasada');
    expect(text(parts(element, 'delivery')[0])).to.match(/vie, 4 dic/);
    await waitUntil(() => part(element, 'manager-preview') !== null, 'the manager section');
    expect(text(part(element, 'manager'))).to.contain('Un resumen para tu responsable');
    expect(text(part(element, 'manager-preview'))).to.contain('Tiempo en sesiones: 1 h 45 min');
    expect(text(part(element, 'base'))).to.not.match(/\b(?:Reminders|Saving|Sent to you|Check-ins|manager|Sessions held)\b/);
    await expect(wrapper).to.be.accessible();
    const unavailable = (await mount(undefined, 'es')).element;
    await waitForState(unavailable, 'unavailable');
    expect(text(part(unavailable, 'unavailable'))).to.match(/^Los recordatorios por correo requieren el servidor de MentorKit/);
  });

  it('a summary for the manager: off at first, a preview of exactly what is shared; turned on by keyboard, a missing address refused at the field, then saved and announced; passes axe', async () => {
    const service = new InMemoryNotifications();
    service.manager.preview.goalsReached = [HOSTILE_NAME];
    const { element } = await mount(service);
    await waitForState(element, 'ready');
    await waitUntil(() => part(element, 'manager-preview') !== null, 'the manager section');
    const section = part(element, 'manager')!;
    expect(text(section.querySelector('[role="heading"]'))).to.equal('A summary for your manager');
    expect(text(part(element, 'manager-preview'))).to.equal(
      `What your manager would read for the last two weeks: Sessions held: 2 Time in sessions: 1 h 45 min Goals reached: 1 ${HOSTILE_NAME} Never your notes, messages, feedback or private goals.`,
    );
    expect(element.shadowRoot!.querySelector('img'), 'a goal title is text').to.equal(null);
    const toggle = $<HTMLInputElement>(element, '[name="manager-enabled"]')!;
    expect([toggle.checked, toggle.getAttribute('role')]).to.deep.equal([false, 'switch']);
    await expect(element).to.be.accessible();

    toggle.focus();
    await sendKeys({ press: 'Space' });
    expect(toggle.checked).to.equal(true);
    $<HTMLButtonElement>(element, '.manager-form button[type="submit"]')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => $(element, '#manager-error') !== null, 'the refusal');
    expect(text($(element, '#manager-error'))).to.equal("Not saved: To turn the summary on, give your manager's email address (`managerEmail`).");
    const email = $<HTMLInputElement>(element, '[name="manager-email"]')!;
    expect(email.getAttribute('aria-invalid')).to.equal('true');
    expect(email.getAttribute('aria-describedby')).to.equal('manager-error');
    await waitUntil(() => focused() === email, 'focus moves to the field the server named');
    expect(text(part(element, 'announcement')), 'never announced as saved').to.equal('');
    expect(toggle.checked, 'what the person chose is kept to try again').to.equal(true);
    await expect(element).to.be.accessible();

    await sendKeys({ type: 'dana@example.org' });
    $<HTMLInputElement>(element, '[name="manager-name"]')!.focus();
    await sendKeys({ type: 'Dana Lee' });
    $<HTMLButtonElement>(element, '.manager-form button[type="submit"]')!.click();
    await waitUntil(() => text(part(element, 'announcement')) === 'Saved: your manager will get a summary every other Monday.', 'announced');
    expect(service.managerChanges.at(-1)).to.deep.equal({ enabled: true, language: 'en', managerName: 'Dana Lee', managerEmail: 'dana@example.org' });
    expect($(element, '#manager-error')).to.equal(null);
    expect(text(section)).to.contain('The next summary goes Mon 7 Dec, 09:00.');
    await expect(element).to.be.accessible();
  });

  it('a summary the manager stopped says so; "turn off and forget" forgets the address and keeps focus in the section', async () => {
    const service = new InMemoryNotifications();
    service.manager = { ...service.manager, managerEmail: 'dana@example.org', stoppedAt: '2026-12-04T10:00:00Z', stoppedBy: 'manager' };
    const { element } = await mount(service);
    await waitForState(element, 'ready');
    await waitUntil(() => part(element, 'manager-preview') !== null, 'the manager section');
    expect(text(part(element, 'manager'))).to.contain('Your manager stopped these summaries Fri 4 Dec, 10:00. Turn them on again only if they agree.');
    expect($<HTMLInputElement>(element, '[name="manager-email"]')!.value).to.equal('dana@example.org');
    await expect(element).to.be.accessible();
    $<HTMLButtonElement>(element, '[data-action="remove-manager"]')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => text(part(element, 'announcement')).startsWith('Done: the summary is off'), 'announced');
    expect($<HTMLInputElement>(element, '[name="manager-email"]')!.value).to.equal('');
    expect($(element, '[data-action="remove-manager"]')).to.equal(null);
    await waitUntil(() => focused() === $(element, '[name="manager-enabled"]'), 'focus on the switch, not lost with the button');
  });

  it('without the manager’s summary on the server (older servers): no such section', async () => {
    const service = new InMemoryNotifications();
    const bare: NotificationsService = {
      preferences: () => service.preferences(),
      setPreferences: (change) => service.setPreferences(change),
      sent: (options) => service.sent(options),
      escalationSettings: (id) => service.escalationSettings(id),
      setEscalationSettings: (id, settings) => service.setEscalationSettings(id, settings),
      escalations: (id) => service.escalations(id),
    };
    const { element } = await mount(bare);
    await waitForState(element, 'ready');
    await sentShown(element);
    expect(part(element, 'manager')).to.equal(null);
  });

  it('nothing sticks out at 320 px with a hostile, 200-character subject, reason and kind; shown as text', async () => {
    const long = `Supercalifragilistic${'x'.repeat(160)}expialidocious!!`.slice(0, 200);
    const service = new InMemoryNotifications(
      [...ALL_KINDS, long],
      [
        { ...sentMail, subject: HOSTILE_NAME + long },
        { ...skippedMail, reason: long },
      ],
    );
    const { wrapper, element } = await mount(service, 'en', 320);
    await waitForState(element, 'ready');
    await sentShown(element);
    service.failNext = new MentorKitError('invalid-input', long, { path: 'digest' });
    $<HTMLInputElement>(element, 'input[name="digest"][value="weekly"]')!.click();
    await waitUntil(() => part(element, 'field-error') !== null, 'the refusal');
    expect(element.shadowRoot!.querySelector('img'), 'shown as text').to.equal(null);
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
