import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import {
  MentorKitError,
  type CertificatesService,
  type IssuedCertificate,
  type MentorKit,
  type PairingCertificateEntry,
  type StorageAdapter,
} from '@mentorkit/core';
import type { CertificateEligibility } from '@mentorkit/core/certificates';
import { HOSTILE_NAME, languagesReady, readyKit, seededStorage } from '../testing/fixtures.js';
import './define.js';
import type { MkCertificate } from './certificate.js';
import { focused, part, parts, text } from '../testing/queries.js';
import { HeldCalls } from '../testing/held-calls.js';

const NOW = '2026-07-01T09:00:00Z';
const PAIRING = 'p-lucia';

const eligibility = (overrides: Partial<CertificateEligibility> = {}): CertificateEligibility => ({
  eligible: true,
  missing: [],
  required: 6,
  requiredFrom: 'default',
  sessionsHeld: 6,
  sessionsWithFeedback: 6,
  mentoringMinutes: 390,
  goalsAchieved: ['Lead a design review'],
  from: '2026-03-02',
  to: '2026-06-26',
  ...overrides,
});
const notYet = eligibility({
  eligible: false,
  missing: ['pairing-not-ended', 'sessions', 'feedback'],
  sessionsHeld: 2,
  sessionsWithFeedback: 1,
  goalsAchieved: [],
});

/**
 * The server's certificates endpoints, in memory: a member sees their own entry, the admin every
 * member's; issuing when eligible or with a reason; idempotent; revoking. `hold()` keeps the next call
 * pending; `failNext` refuses it.
 */
class InMemoryCertificates extends HeldCalls implements CertificatesService {
  entries: PairingCertificateEntry[];
  issued: Array<{ personId: string; reason?: string }> = [];
  downloads: Array<{ id: string; language?: string }> = [];
  failLoad: MentorKitError | undefined;
  private count = 0;

  constructor(
    private readonly viewer: string,
    entries: PairingCertificateEntry[],
  ) {
    super();
    this.entries = entries;
  }

  async list(pairingId: string): Promise<PairingCertificateEntry[]> {
    if (this.failLoad) throw this.failLoad;
    await this.enter();
    if (pairingId !== PAIRING) throw new MentorKitError('not-found', 'There is no such pairing.');
    const visible = this.viewer === 'priya' ? this.entries : this.entries.filter((entry) => entry.personId === this.viewer);
    return structuredClone(visible);
  }

  async issue(_pairingId: string, personId: string, options?: { reason?: string }): Promise<IssuedCertificate> {
    await this.enter();
    const entry = this.entries.find((candidate) => candidate.personId === personId)!;
    if (entry.certificate) return structuredClone(entry.certificate);
    if (!entry.eligibility.eligible && !options?.reason) throw new MentorKitError('forbidden', 'No certificate yet: the pairing has not ended.');
    this.issued.push({ personId, ...(options?.reason ? { reason: options.reason } : {}) });
    const id = `AAAAAAAAAAAAAAAAAAAA${String(++this.count).padStart(2, '0')}`;
    entry.certificate = {
      id,
      issuedAt: NOW,
      pdfUrl: `https://mk.example/certificates/${id}.pdf`,
      verifyUrl: `https://mk.example/verify/${id}`,
      ...(options?.reason ? { reason: options.reason, issuedBy: 'priya' } : {}),
    };
    return structuredClone(entry.certificate);
  }

  async download(id: string, options?: { language?: 'en' | 'es' }): Promise<Blob> {
    await this.enter();
    this.downloads.push({ id, ...(options?.language ? { language: options.language } : {}) });
    return new Blob(['%PDF-1.7'], { type: 'application/pdf' });
  }

  async revoke(id: string): Promise<IssuedCertificate> {
    await this.enter();
    const entry = this.entries.find((candidate) => candidate.certificate?.id === id)!;
    const revoked = { ...entry.certificate!, revokedAt: NOW };
    delete entry.certificate;
    return revoked;
  }
}

const $ = <T extends Element = HTMLElement>(element: MkCertificate, selector: string) => element.shadowRoot!.querySelector<T>(selector);
const factsOf = (node: Element | null | undefined) =>
  [...(node?.querySelectorAll('dt') ?? [])].map((term) => `${text(term)}: ${text(term.nextElementSibling)}`);
const stateOf = (element: MkCertificate) => part(element, 'base')?.dataset.state;
const waitForState = (element: MkCertificate, state: string) =>
  waitUntil(() => stateOf(element) === state, `state ${state} (is ${stateOf(element)})`, { timeout: 4000 });

describe('<mk-certificate>', () => {
  const kits: MentorKit[] = [];
  async function mount(
    viewer: string,
    service?: CertificatesService,
    options: { lang?: string; width?: number } = {},
  ): Promise<{ wrapper: HTMLElement; element: MkCertificate }> {
    const lang = options.lang ?? 'en';
    const seeded: StorageAdapter = await seededStorage();
    const storage = service ? Object.assign(seeded, { certificates: service }) : seeded;
    const kit = await readyKit(storage, viewer, NOW);
    kits.push(kit);
    const wrapper = await fixture<HTMLElement>(
      html`<div lang=${lang} style=${options.width ? `width:${options.width}px` : ''}><mk-certificate .kit=${kit} pairing-id=${PAIRING} heading-level="3" locale=${lang === 'es' ? 'es-ES' : 'en-GB'}></mk-certificate></div>`,
    );
    await languagesReady(wrapper);
    const element = wrapper.querySelector('mk-certificate')!;
    // A download is an <a download> click: keep the browser from saving files during the tests.
    element.shadowRoot!.addEventListener('click', (event) => {
      if ((event.target as Element).localName === 'a' && (event.target as HTMLAnchorElement).hasAttribute('download')) event.preventDefault();
    });
    return { wrapper, element };
  }
  afterEach(async () => {
    await Promise.all(kits.splice(0).map((kit) => kit.dispose()));
  });

  it('loading, a load error in the server’s words with retry, without a server; each passes axe', async () => {
    const service = new InMemoryCertificates('lucia', [{ personId: 'lucia', eligibility: eligibility() }]);
    const release = service.hold();
    const { element } = await mount('lucia', service);
    expect(stateOf(element)).to.equal('loading');
    expect(text(part(element, 'loading'))).to.equal('Loading the certificate…');
    await expect(element).to.be.accessible();
    release();
    await waitForState(element, 'eligible');

    const broken = new InMemoryCertificates('lucia', [{ personId: 'lucia', eligibility: eligibility() }]);
    broken.failLoad = new MentorKitError('storage-error', 'The server is unavailable; try again shortly.');
    const failed = (await mount('lucia', broken)).element;
    await waitForState(failed, 'error');
    expect(part(failed, 'error')!.getAttribute('role')).to.equal('alert');
    expect(text(part(failed, 'error'))).to.contain('The server is unavailable; try again shortly.');
    await expect(failed).to.be.accessible();
    broken.failLoad = undefined;
    $<HTMLButtonElement>(failed, '[part~="error"] button')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitForState(failed, 'eligible');
    await waitUntil(() => focused() === part(failed, 'heading'), 'focus on the heading');

    const offline = (await mount('lucia')).element;
    await waitForState(offline, 'unavailable');
    expect(text(part(offline, 'unavailable'))).to.equal('Certificates need the MentorKit server: it issues them and answers their verification address.');
    expect(part(offline, 'download')).to.equal(null);
    await expect(offline).to.be.accessible();
  });

  it('a member not yet eligible: what is missing, worded from the codes; no download; passes axe', async () => {
    const { element } = await mount('lucia', new InMemoryCertificates('lucia', [{ personId: 'lucia', eligibility: notYet }]));
    await waitForState(element, 'not-yet');
    expect(text(part(element, 'status'))).to.equal('Not yet: a certificate comes when the mentoring ends with its agreed sessions and your feedback.');
    expect([...part(element, 'missing')!.querySelectorAll('li')].map(text)).to.deep.equal([
      'The pairing has not ended yet.',
      '2 of 6 sessions held.',
      'Your feedback given in 1 of 6 sessions.',
    ]);
    expect(part(element, 'download')).to.equal(null);
    await expect(element).to.be.accessible();
  });

  it('an eligible member downloads by keyboard: issued, the PDF fetched in the page language, then the verification link; passes axe', async () => {
    const service = new InMemoryCertificates('lucia', [{ personId: 'lucia', eligibility: eligibility() }]);
    const { element } = await mount('lucia', service);
    await waitForState(element, 'eligible');
    expect(text(part(element, 'status'))).to.equal('You have earned a certificate of participation for this mentoring.');
    expect(factsOf(part(element, 'facts'))).to.deep.equal(['Sessions held: 6', 'Mentoring: 6.5 hours', 'Goals achieved: Lead a design review']);
    expect(part(element, 'verify')).to.equal(null);
    await expect(element).to.be.accessible();

    const button = part(element, 'download')!;
    button.focus();
    const issued = oneEvent(element, 'mk-certificate-issue');
    const downloaded = oneEvent(element, 'mk-certificate-download');
    await sendKeys({ press: 'Enter' });
    expect((await issued).detail).to.include({ pairingId: PAIRING, personId: 'lucia', byHand: false });
    expect((await downloaded).detail.certificateId).to.equal('AAAAAAAAAAAAAAAAAAAA01');
    expect(service.downloads).to.deep.equal([{ id: 'AAAAAAAAAAAAAAAAAAAA01', language: 'en' }]);
    await waitForState(element, 'ready');
    expect(text(part(element, 'status'))).to.equal('Your certificate is ready.');
    const link = part(element, 'verify')!.querySelector('a')!;
    expect(link.getAttribute('href')).to.equal('https://mk.example/verify/AAAAAAAAAAAAAAAAAAAA01');
    expect(link.getAttribute('rel')).to.equal('noopener noreferrer');
    await waitUntil(() => text(part(element, 'announcement')) === 'The certificate was downloaded.', 'announced');
    await waitUntil(() => focused() === part(element, 'download'), 'focus stays on the button');
    await expect(element).to.be.accessible();

    // Downloading again does not issue a second one.
    part(element, 'download')!.click();
    await waitUntil(() => service.downloads.length === 2, 'second download');
    expect(service.issued).to.have.length(1);
  });

  it('a refused download is said in the server’s words, focus on it', async () => {
    const service = new InMemoryCertificates('lucia', [{ personId: 'lucia', eligibility: eligibility() }]);
    const { element } = await mount('lucia', service);
    await waitForState(element, 'eligible');
    service.failNext = new MentorKitError('forbidden', 'No certificate yet: feedback given in 5 of 6 sessions.');
    part(element, 'download')!.click();
    await waitUntil(() => part(element, 'action-error') !== null, 'error shown');
    expect(text(part(element, 'action-error'))).to.contain('No certificate yet: feedback given in 5 of 6 sessions.');
    await waitUntil(() => focused() === part(element, 'action-error'), 'focus on the error');
    await expect(element).to.be.accessible();
  });

  it('the admin: every member with their state; issue by hand needs a reason (Escape cancels), then issues; revoke; each step passes axe', async () => {
    const service = new InMemoryCertificates('priya', [
      {
        personId: 'lucia',
        eligibility: eligibility(),
        certificate: {
          id: 'AAAAAAAAAAAAAAAAAAAA99',
          issuedAt: '2026-06-28T10:00:00Z',
          pdfUrl: 'https://mk.example/certificates/AAAAAAAAAAAAAAAAAAAA99.pdf',
          verifyUrl: 'https://mk.example/verify/AAAAAAAAAAAAAAAAAAAA99',
        },
      },
      { personId: 'kenji', eligibility: eligibility() },
      { personId: 'arjun', eligibility: eligibility({ eligible: false, missing: ['feedback'], sessionsWithFeedback: 2 }) },
    ]);
    const { element } = await mount('priya', service);
    await waitForState(element, 'admin');
    const members = parts(element, 'member');
    expect(members.map((member) => `${member.dataset.personId}:${member.dataset.state}`)).to.deep.equal(['lucia:issued', 'kenji:eligible', 'arjun:not-yet']);
    expect(text(members[0]!.querySelector('.member-name'))).to.equal('Lucía Fernández');
    expect(text(members[0]!.querySelector('.status'))).to.equal('Certificate issued on 28 Jun 2026.');
    expect(text(members[2]!.querySelector('[part~="missing"]'))).to.equal('Feedback given in 2 of 6 sessions.');
    expect(members[2]!.querySelector('[part~="issue"]')!.getAttribute('aria-describedby')).to.equal('member-arjun');
    expect(text(element.shadowRoot!.getElementById('member-arjun'))).to.equal('Arjun Shrestha');
    await expect(element).to.be.accessible();

    // Issue by hand: the form, Escape closes it with focus back on the button.
    const byHand = members[2]!.querySelector<HTMLButtonElement>('[part~="issue"]')!;
    byHand.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => focused()?.localName === 'textarea', 'focus in the reason');
    await expect(element).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => focused() === parts(element, 'member')[2]!.querySelector('[part~="issue"]'), 'back on Issue by hand');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => focused()?.localName === 'textarea', 'open again');
    // Empty reason: said at the field.
    $<HTMLButtonElement>(element, '[data-action="confirm"]')!.click();
    await waitUntil(() => text(part(element, 'field-error')) === 'Say why the certificate is issued by hand.', 'reason required');
    expect($(element, 'textarea')!.getAttribute('aria-invalid')).to.equal('true');
    expect(service.issued).to.have.length(0);
    await expect(element).to.be.accessible();
    await sendKeys({ type: 'Moved to another team after 4 sessions <b>bold</b>' });
    const issued = oneEvent(element, 'mk-certificate-issue');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    expect((await issued).detail).to.include({ personId: 'arjun', byHand: true });
    expect(service.issued).to.deep.equal([{ personId: 'arjun', reason: 'Moved to another team after 4 sessions <b>bold</b>' }]);
    await waitUntil(() => parts(element, 'member')[2]!.dataset.state === 'issued', 'arjun issued');
    const arjun = parts(element, 'member')[2]!;
    expect(factsOf(arjun.querySelector('[part~="facts"]'))).to.include('Issued by hand: Moved to another team after 4 sessions <b>bold</b>');
    expect(arjun.querySelector('b'), 'the reason is text').to.equal(null);
    await waitUntil(() => text(part(element, 'announcement')) === 'Certificate issued to Arjun Shrestha.', 'announced');
    await waitUntil(() => focused() === arjun.querySelector('[part~="download"]'), 'focus on its download button');
    await expect(element).to.be.accessible();

    // Issue for the eligible one; revoke Lucía's.
    parts(element, 'member')[1]!.querySelector<HTMLButtonElement>('[part~="issue"]')!.click();
    await waitUntil(() => parts(element, 'member')[1]!.dataset.state === 'issued', 'kenji issued');
    const revoked = oneEvent(element, 'mk-certificate-revoke');
    parts(element, 'member')[0]!.querySelector<HTMLButtonElement>('[part~="revoke"]')!.click();
    expect((await revoked).detail).to.deep.equal({ pairingId: PAIRING, personId: 'lucia', certificateId: 'AAAAAAAAAAAAAAAAAAAA99' });
    await waitUntil(() => parts(element, 'member')[0]!.dataset.state === 'eligible', 'lucia back to eligible');
    await waitUntil(() => text(part(element, 'announcement')) === 'The certificate of Lucía Fernández was revoked.', 'announced');
    await waitUntil(() => focused() === parts(element, 'member')[0]!.querySelector('[part~="issue"]'), 'focus on Issue');
    await expect(element).to.be.accessible();
  });

  it('in Spanish: the words, what is missing, and the PDF asked for in Spanish; passes axe', async () => {
    const service = new InMemoryCertificates('lucia', [{ personId: 'lucia', eligibility: notYet }]);
    const { wrapper, element } = await mount('lucia', service, { lang: 'es' });
    await waitForState(element, 'not-yet');
    expect(text(part(element, 'heading'))).to.equal('Certificado de participación');
    expect([...part(element, 'missing')!.querySelectorAll('li')].map(text)).to.deep.equal([
      'La mentoría aún no ha terminado.',
      '2 de 6 sesiones realizadas.',
      'Tu valoración en 1 de 6 sesiones.',
    ]);
    await expect(wrapper).to.be.accessible();

    const ready = new InMemoryCertificates('lucia', [{ personId: 'lucia', eligibility: eligibility() }]);
    const spanish = (await mount('lucia', ready, { lang: 'es' })).element;
    await waitForState(spanish, 'eligible');
    expect(text(part(spanish, 'download'))).to.equal('Descargar el certificado');
    expect(factsOf(part(spanish, 'facts'))).to.include('Mentoría: 6,5 horas');
    part(spanish, 'download')!.click();
    await waitUntil(() => ready.downloads.length === 1, 'downloaded');
    expect(ready.downloads[0]!.language).to.equal('es');
    await waitForState(spanish, 'ready');
    expect(text(part(spanish, 'verify'))).to.contain('Página de verificación');
    expect(text(part(spanish, 'base'))).to.not.match(/\b(?:Download|Verification|Sessions held)\b/);
  });

  it('320 px with a hostile name and long goals: nothing sticks out, names are text; the spinner stops with reduced motion', async () => {
    const long = `Goal ${'x'.repeat(180)}`;
    const service = new InMemoryCertificates('priya', [
      { personId: 'mallory', eligibility: eligibility({ goalsAchieved: [long, HOSTILE_NAME] }) },
      { personId: 'arjun', eligibility: notYet },
    ]);
    const { wrapper, element } = await mount('priya', service, { width: 320 });
    await waitForState(element, 'admin');
    expect(text(parts(element, 'member')[0]!.querySelector('.member-name'))).to.equal(HOSTILE_NAME);
    expect(element.shadowRoot!.querySelector('img'), 'shown as text').to.equal(null);
    const limit = wrapper.getBoundingClientRect().right + 1;
    const problems: string[] = [];
    for (const node of [element, ...element.shadowRoot!.querySelectorAll<HTMLElement>('*')]) {
      const style = getComputedStyle(node);
      if (style.display === 'none' || node.closest('.visually-hidden') || node.localName === 'style') continue;
      const rect = node.getBoundingClientRect();
      if (rect.width > 0 && rect.right > limit)
        problems.push(`${node.localName}[part=${node.getAttribute('part')}].${node.className} ends at ${Math.round(rect.right)}`);
    }
    expect(problems).to.deep.equal([]);
    expect(element.scrollWidth).to.be.at.most(320);
    await expect(element).to.be.accessible();

    const release = service.hold();
    parts(element, 'member')[0]!.querySelector<HTMLButtonElement>('[part~="issue"]')!.click();
    await waitUntil(() => element.shadowRoot!.querySelector('.spinner') !== null, 'working');
    const spinner = element.shadowRoot!.querySelector<HTMLElement>('.spinner')!;
    await emulateMedia({ reducedMotion: 'reduce' });
    try {
      const style = getComputedStyle(spinner);
      expect(style.animationName === 'none' || Number.parseFloat(style.animationDuration) < 0.001 || style.animationIterationCount === '1').to.equal(true);
    } finally {
      await emulateMedia({ reducedMotion: 'no-preference' });
    }
    await expect(element).to.be.accessible();
    release();
    await waitUntil(() => parts(element, 'member')[0]!.dataset.state === 'issued', 'issued');
  });
});
