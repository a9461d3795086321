import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { MentorKitError, type MentorKit } from '@mentorkit/core';
import '@mentorkit/elements/define-all.js';
import type { MkProgrammeReport } from '@mentorkit/elements';
import { DEMO_VIEWERS, loadingKit } from './support.js';
import { DEMO_PROGRAM_ID, reportKit } from './report-support.js';

interface ProgrammeReportArgs {
  headingLevel: number;
  locale?: string | undefined;
  period: string;
  from?: string | undefined;
  to?: string | undefined;
  width?: string | undefined;
}

const meta = {
  title: 'Elements/Programme report',
  component: 'mk-programme-report',
  tags: ['autodocs'],
  parameters: {
    docs: {
      description: {
        component:
          'A programme admin’s report for HR: pairs by status, sessions held and missed, mentoring hours, goals, ratings by month, response time, pairs at risk and why, mentor load and every pair, for a period they choose, with CSV and JSON exports. ' +
          'Every figure comes from core’s `programmeReport`. These stories seed the demo programme with a quarter of activity; “From the server” uses a stand-in for the MentorKit server’s report (with message metadata, so response time is known), “In the browser” computes it from the records the admin’s client holds.',
      },
    },
  },
  args: { headingLevel: 2, locale: 'en-GB', period: 'this-quarter' },
  argTypes: {
    locale: { control: 'select', options: ['en-GB', 'en-US', 'es-ES'] },
    period: { control: 'select', options: ['this-month', 'last-month', 'this-quarter', 'last-quarter', 'year-to-date', 'custom'] },
  },
  render: (args, { loaded }) => html`<div style=${`max-width: ${args.width ?? '64rem'}`}>
    <mk-programme-report .kit=${(loaded as { kit?: MentorKit }).kit} program-id=${DEMO_PROGRAM_ID} heading-level=${args.headingLevel} locale=${args.locale ?? 'en-GB'}
      period=${args.period} from=${args.from ?? ''} to=${args.to ?? ''} pair-href="#pair={id}"
      @mk-pair-open=${(event: CustomEvent) => console.info('mk-pair-open', event.detail)}
      @mk-report-period-change=${(event: CustomEvent) => console.info('mk-report-period-change', event.detail)}
      @mk-report-export=${(event: CustomEvent) => console.info('mk-report-export', event.detail)}></mk-programme-report>
  </div>`,
} satisfies Meta<ProgrammeReportArgs>;

export default meta;
type Story = StoryObj<ProgrammeReportArgs>;

const admin = DEMO_VIEWERS.admin;
const inside = async (canvasElement: HTMLElement, selector: string) => {
  const host = canvasElement.querySelector<MkProgrammeReport>('mk-programme-report')!;
  for (let attempt = 0; attempt < 150 && !host.shadowRoot?.querySelector(selector); attempt++) await new Promise((resolve) => setTimeout(resolve, 20));
  return { host, found: host.shadowRoot!.querySelector<HTMLElement>(selector)! };
};

/** The server computes the report over every record, message metadata included: response time is known. A concern is open on one pair. */
export const FromServer: Story = { loaders: [async () => ({ kit: await reportKit(admin, { server: true }) })] };

/** Storage without a server (memory, IndexedDB): computed in the browser from the admin’s records; response time is not available here, and says why. */
export const InTheBrowser: Story = { loaders: [async () => ({ kit: await reportKit(admin) })] };

/** Both charts switched to their tables. */
export const ChartsAsTables: Story = {
  loaders: [async () => ({ kit: await reportKit(admin, { server: true }) })],
  play: async ({ canvasElement }) => {
    const { host } = await inside(canvasElement, '[part~="chart-toggle"]');
    for (const button of host.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~="chart-toggle"]')) button.click();
  },
};

/** Custom dates: the picker’s form. */
export const CustomPeriod: Story = {
  args: { period: 'custom', from: '2026-09-01', to: '2026-09-30' },
  loaders: [async () => ({ kit: await reportKit(admin, { server: true }) })],
};

/** A period in which no pairing existed. */
export const EmptyPeriod: Story = {
  args: { period: 'custom', from: '2025-01-01', to: '2025-03-31' },
  loaders: [async () => ({ kit: await reportKit(admin, { server: true }) })],
};

/** While the server computes the report. */
export const Loading: Story = { loaders: [async () => ({ kit: await reportKit(admin, { server: true, delayMs: 60 * 60 * 1000 }) })] };

/** Before the client has loaded at all. */
export const LoadingClient: Story = { loaders: [async () => ({ kit: loadingKit() })] };

/** The server could not answer: its words and “Try again”. */
export const LoadError: Story = {
  loaders: [
    async () => ({
      kit: await reportKit(admin, {
        server: true,
        failWith: new MentorKitError('storage-error', 'The database is unavailable; nothing was changed. Try again shortly.'),
      }),
    }),
  ],
};

/** Someone who is not an admin of the programme (the server answers 404; in the browser the client knows). */
export const NotAnAdmin: Story = { loaders: [async () => ({ kit: await reportKit(DEMO_VIEWERS.mentor) })] };

/** Very long names and one that looks like HTML (shown as text). */
export const LongNames: Story = { loaders: [async () => ({ kit: await reportKit(admin, { server: true, awkwardNames: true }) })] };

/** A 320 px wide column: tiles stack, wide tables scroll inside their region. */
export const Narrow: Story = { args: { width: '320px' }, loaders: [async () => ({ kit: await reportKit(admin, { server: true }) })] };

/** In Spanish. */
export const Spanish: Story = { args: { locale: 'es-ES' }, loaders: [async () => ({ kit: await reportKit(admin, { server: true }) })] };

/** In Spanish, computed in the browser. */
export const SpanishInTheBrowser: Story = { args: { locale: 'es-ES' }, loaders: [async () => ({ kit: await reportKit(admin) })] };

/** The dark theme. */
export const Dark: Story = { globals: { theme: 'dark' }, loaders: [async () => ({ kit: await reportKit(admin, { server: true }) })] };
