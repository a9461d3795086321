import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { MentorKit } from '@mentorkit/core';
import '@mentorkit/elements/define-all.js';
import type { MkCertificate } from '@mentorkit/elements';
import { DEMO_VIEWERS, loadingStory, shadowPart } from './support.js';
import { CERTIFICATE_PAIRING, STORY_ENTRIES, certificateKit, eligibleFacts, notYetFacts, storyCertificates } from './certificate-support.js';

interface CertificateArgs {
  headingLevel: number;
  locale?: string | undefined;
}

const meta = {
  title: 'Elements/Certificate',
  component: 'mk-certificate',
  tags: ['autodocs'],
  parameters: {
    docs: {
      description: {
        component:
          'A pairing’s certificates of participation: the signed-in member’s own (download it with its verification link, or what is still missing) and, for a programme admin, every member’s with “Issue by hand” and “Revoke”. ' +
          'These stories use a stand-in for the MentorKit server kept in memory; the real PDF comes from the server.',
      },
    },
  },
  args: { headingLevel: 2, locale: 'en-GB' },
  argTypes: { locale: { control: 'select', options: ['en-GB', 'en-US', 'es-ES'] } },
  render: (
    args,
    { loaded },
  ) => html`<mk-certificate style="max-width: 40rem" .kit=${(loaded as { kit?: MentorKit }).kit} pairing-id=${CERTIFICATE_PAIRING} heading-level=${args.headingLevel} locale=${args.locale ?? 'en-GB'}
    @mk-certificate-issue=${(event: CustomEvent) => console.info('mk-certificate-issue', event.detail)}
    @mk-certificate-revoke=${(event: CustomEvent) => console.info('mk-certificate-revoke', event.detail)}
    @mk-certificate-download=${(event: CustomEvent) => console.info('mk-certificate-download', event.detail)}></mk-certificate>`,
} satisfies Meta<CertificateArgs>;

export default meta;
type Story = StoryObj<CertificateArgs>;

const { mentee, admin } = DEMO_VIEWERS;
const element = (canvasElement: HTMLElement, selector: string) => shadowPart<MkCertificate>(canvasElement, 'mk-certificate', selector);

/** Lucía finished her mentoring with the agreed sessions and her feedback: she can download her certificate. */
export const Eligible: Story = {
  loaders: [async () => ({ kit: await certificateKit(storyCertificates(mentee, [{ personId: mentee, eligibility: eligibleFacts }]), mentee) })],
};

/** Her certificate was issued: download it again, and the verification page. */
export const Ready: Story = { loaders: [async () => ({ kit: await certificateKit(storyCertificates(mentee, STORY_ENTRIES), mentee) })] };

/** Not yet: what is missing, worded from the codes. */
export const NotYet: Story = {
  loaders: [async () => ({ kit: await certificateKit(storyCertificates(mentee, [{ personId: mentee, eligibility: notYetFacts }]), mentee) })],
};

/** The programme admin: each member — issued, eligible, not yet (with “Issue by hand”). */
export const Admin: Story = { loaders: [async () => ({ kit: await certificateKit(storyCertificates(admin, STORY_ENTRIES), admin) })] };

/** The admin issuing by hand: the reason form, refused when empty. */
export const IssueByHand: Story = {
  loaders: [async () => ({ kit: await certificateKit(storyCertificates(admin, STORY_ENTRIES), admin) })],
  play: async ({ canvasElement }) => {
    const { host, found } = await element(canvasElement, '[data-person-id="arjun-shrestha"] [part~="issue"]');
    found.click();
    await host.updateComplete;
    host.shadowRoot!.querySelector<HTMLButtonElement>('[data-action="confirm"]')!.click();
  },
};

/** Storage without the certificates service (memory, IndexedDB): certificates need the MentorKit server. */
export const WithoutServer: Story = { loaders: [async () => ({ kit: await certificateKit(undefined, mentee) })] };

/** While it loads. */
export const Loading: Story = loadingStory();

/** The server could not be reached. */
export const LoadError: Story = {
  loaders: [
    async () => ({
      kit: await certificateKit(
        storyCertificates(mentee, STORY_ENTRIES, {
          failWith: 'Reading the certificates of this pairing failed: the server is unavailable (503); nothing was applied.',
        }),
        mentee,
      ),
    }),
  ],
};

/** Very long names and one that looks like HTML (shown as text). */
export const LongNames: Story = {
  loaders: [async () => ({ kit: await certificateKit(storyCertificates(admin, STORY_ENTRIES), admin, { awkwardNames: true }) })],
};

/** In Spanish. */
export const Spanish: Story = {
  args: { locale: 'es-ES' },
  loaders: [async () => ({ kit: await certificateKit(storyCertificates(mentee, [{ personId: mentee, eligibility: notYetFacts }]), mentee) })],
};

/** The admin’s view in Spanish. */
export const SpanishAdmin: Story = {
  args: { locale: 'es-ES' },
  loaders: [async () => ({ kit: await certificateKit(storyCertificates(admin, STORY_ENTRIES), admin) })],
};

/** The dark theme. */
export const Dark: Story = {
  globals: { theme: 'dark' },
  loaders: [async () => ({ kit: await certificateKit(storyCertificates(mentee, STORY_ENTRIES), mentee) })],
};
