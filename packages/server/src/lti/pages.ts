/**
 * The HTML pages of the LTI tool: what a person sees inside the LMS's iframe — the MentorKit widget
 * after a launch, the teacher's widget picker (Deep Linking), and a clear page when a launch is
 * refused. Every value is escaped; scripts run only with the page's CSP nonce.
 */

/** A widget a teacher can place in a course (Deep Linking) and the launch page shows. */
export interface LtiWidget {
  title: string;
  description: string;
  /** Who it is for (shown in the picker). */
  audience: string;
  /** The elements, inside `<mk-provider>` (programId is escaped by the caller's template). */
  markup(programId: string): string;
}

export const LTI_WIDGETS: Readonly<Record<string, LtiWidget>> = Object.freeze({
  home: {
    title: 'Mentoring',
    description: 'Your pairing, the next check-in and your goals, on one page.',
    audience: 'mentees and mentors',
    markup: () =>
      '<mk-pairing-card heading-level="2"></mk-pairing-card><mk-checkin heading-level="2"></mk-checkin><mk-goal-tracker editor="mk-goal-editor" heading-level="2"></mk-goal-tracker><mk-goal-editor id="mk-goal-editor"></mk-goal-editor>',
  },
  'pairing-board': {
    title: 'Pairing board',
    description: "Pair the course's mentees with mentors, with the reasons for each suggestion.",
    audience: 'programme admins (teachers)',
    markup: (programId) => `<mk-pairing-board program-id="${escapeHtml(programId)}" heading-level="2"></mk-pairing-board>`,
  },
  'goal-tracker': {
    title: 'Goal tracker',
    description: 'SMART goals with milestones, progress and reassurance when one slips.',
    audience: 'mentees and mentors',
    markup: () => '<mk-goal-tracker editor="mk-goal-editor" heading-level="2"></mk-goal-tracker><mk-goal-editor id="mk-goal-editor"></mk-goal-editor>',
  },
  scheduler: {
    title: 'Scheduler',
    description: 'Meeting times that suit both time zones; book, move and cancel sessions.',
    audience: 'mentees and mentors',
    markup: () => '<mk-scheduler heading-level="2"></mk-scheduler>',
  },
  coaching: {
    title: 'Coaching session',
    description: 'A GROW or OSKAR coaching conversation, saved step by step.',
    audience: 'mentees and mentors',
    markup: () => '<mk-coaching-flow heading-level="2"></mk-coaching-flow>',
  },
  thread: {
    title: 'Messages',
    description: "Messages and voice notes between the pair, respecting each other's night.",
    audience: 'mentees and mentors',
    markup: () => '<mk-thread heading-level="2"></mk-thread>',
  },
  agreement: {
    title: 'Working agreement',
    description: 'Cadence, channels, off-limits days and the shared place for documents.',
    audience: 'mentees and mentors',
    markup: () => '<mk-agreement heading-level="2"></mk-agreement>',
  },
  checkin: {
    title: 'Check-in',
    description: 'When the pair last met and when the next check-in is due.',
    audience: 'mentees and mentors',
    markup: () => '<mk-checkin heading-level="2"></mk-checkin>',
  },
});

export const isWidget = (value: unknown): value is keyof typeof LTI_WIDGETS => typeof value === 'string' && Object.hasOwn(LTI_WIDGETS, value);

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string): string => String(text).replace(/[&<>"']/g, (character) => ESCAPES[character]!);

/** JSON that is safe inside a `<script type="application/json">` element. */
export const scriptJson = (value: unknown): string =>
  JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');

const STYLE = `
  :root { color-scheme: light dark; font-family: system-ui, sans-serif; line-height: 1.5; }
  body { margin: 0; padding: 1rem; max-width: 72rem; }
  h1 { font-size: 1.35rem; margin: 0 0 .75rem; overflow-wrap: anywhere; }
  /* GrayText is below 4.5:1 on white: the theme's muted text colours (theme.css), which the picker does not load. */
  .mk-lti-muted { color: var(--mk-color-text-muted, #525c69); }
  @media (prefers-color-scheme: dark) { .mk-lti-muted { color: var(--mk-color-text-muted, #a7b0bd); } }
  .mk-lti-problem { border-inline-start: 4px solid #b3261e; padding: .5rem 1rem; }
  mk-provider > * { display: block; margin-block-end: 1.5rem; }
  fieldset { border: 1px solid GrayText; border-radius: .5rem; padding: .75rem 1rem; }
  label { display: flex; gap: .5rem; align-items: flex-start; padding: .35rem 0; }
  button { font: inherit; padding: .5rem 1rem; margin-block-start: 1rem; }
`;

export interface PageOptions {
  title: string;
  body: string;
  nonce: string;
  lang?: string;
  /** Extra `<head>` content (script tags carry the nonce). */
  head?: string;
}

export function page(options: PageOptions): string {
  return `<!doctype html>
<html lang="${escapeHtml(options.lang ?? 'en')}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(options.title)}</title>
<style nonce="${options.nonce}">${STYLE}</style>
${options.head ?? ''}
</head>
<body>
${options.body}
</body>
</html>`;
}

/** The page of a refused launch: what went wrong and what to do, nothing secret. */
export function problemPage(nonce: string, title: string, message: string, hint?: string): string {
  return page({
    title: `${title} · MentorKit`,
    nonce,
    body: `<main><h1>${escapeHtml(title)}</h1><div class="mk-lti-problem" role="alert"><p>${escapeHtml(message)}</p>${hint ? `<p>${escapeHtml(hint)}</p>` : ''}</div><p class="mk-lti-muted">MentorKit (LTI 1.3 tool)</p></main>`,
  });
}

/** What the launch page's script reads. The token is short-lived; `refreshUrl` renews it while the page stays open. */
export interface LaunchData {
  token: string;
  expiresAt: string;
  refreshUrl: string;
  personId: string;
  programId: string;
  roles: string[];
  widget: string;
  baseUrl: string;
  /** Whether the person was created by this launch (the page then saves the browser's time zone). */
  firstLaunch: boolean;
  locale?: string;
}

/** The page after a launch: the widget inside `<mk-provider>`, its client on the REST storage with the launch's token. */
export function launchPage(options: { nonce: string; assetsUrl: string; data: LaunchData; heading: string }): string {
  const widget = LTI_WIDGETS[options.data.widget] ?? LTI_WIDGETS.home!;
  const assets = options.assetsUrl.replace(/\/$/, '');
  const lang = options.data.locale && /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(options.data.locale) ? options.data.locale : 'en';
  return page({
    title: `${options.heading} · MentorKit`,
    nonce: options.nonce,
    lang,
    head: `<link rel="stylesheet" href="${escapeHtml(assets)}/theme.css">
<script type="application/json" id="mentorkit-launch">${scriptJson(options.data)}</script>
<link rel="modulepreload" href="${escapeHtml(assets)}/mentorkit.js">
<script type="module" nonce="${options.nonce}">${LAUNCH_SCRIPT.replace('__ASSETS__', JSON.stringify(`${assets}/mentorkit.js`))}</script>`,
    body: `<main>
<h1>${escapeHtml(options.heading)}</h1>
<p class="mk-lti-muted" id="mentorkit-status" role="status">Loading…</p>
<mk-provider id="mentorkit-provider">${widget.markup(options.data.programId)}</mk-provider>
<noscript><p class="mk-lti-problem">MentorKit needs JavaScript in this page.</p></noscript>
</main>`,
  });
}

/**
 * Builds the client: REST storage on this server with the launch's token (renewed before it expires,
 * while the page is open), the person's pairing chosen, the browser's time zone saved on a first launch.
 */
const LAUNCH_SCRIPT = `
const launch = JSON.parse(document.getElementById('mentorkit-launch').textContent);
const status = document.getElementById('mentorkit-status');
const { createMentorKit, loadRestStorage } = await import(__ASSETS__);
let token = launch.token;
let expiresAt = Date.parse(launch.expiresAt);
let renewing;
const renew = () => (renewing ??= fetch(launch.refreshUrl, { method: 'POST', headers: { Authorization: 'Bearer ' + token } })
  .then(async (response) => {
    if (!response.ok) throw new Error((await response.json().catch(() => ({}))).message ?? 'Your session ended; open MentorKit from the course again.');
    const next = await response.json();
    token = next.token;
    expiresAt = Date.parse(next.expiresAt);
  })
  .finally(() => (renewing = undefined)));
const getToken = async ({ refresh } = {}) => {
  if (refresh || expiresAt - Date.now() < 120000) await renew().catch((error) => { status.textContent = error.message; });
  return token;
};
try {
  const { createRestStorage } = await loadRestStorage();
  const storage = createRestStorage({ baseUrl: launch.baseUrl, getToken });
  const kit = createMentorKit({ storage, user: { id: launch.personId } });
  const provider = document.getElementById('mentorkit-provider');
  provider.kit = kit;
  await kit.ready;
  // The browser's time zone, on the person's first launch (the server knows it: people a course's
  // roster brought in before they ever launched count too); later, only the person changes it.
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const me = zone && launch.firstLaunch ? await storage.get('people', launch.personId) : undefined;
  if (me && me.timeZone !== zone) await storage.put('people', { ...me, timeZone: zone }, { expectedRevision: me.revision }).catch(() => undefined);
  const pairings = (await storage.query('pairings', { programId: launch.programId }))
    .filter((pairing) => pairing.status !== 'closed' && (pairing.menteeId === launch.personId || (pairing.mentorIds ?? []).includes(launch.personId)));
  if (pairings.length > 0 && !provider.pairingId) provider.pairingId = pairings[0].id;
  status.textContent = pairings.length === 0 && launch.widget !== 'pairing-board'
    ? 'You are not paired with anyone in this course yet. Your programme admin will pair you; this page shows your pairing once they have.'
    : '';
} catch (error) {
  status.textContent = 'MentorKit could not start: ' + (error && error.message ? error.message : String(error));
}
`;

/** The teacher's picker (Deep Linking): one widget (or several, when the LMS accepts several). */
export function deepLinkPickerPage(options: { nonce: string; action: string; token: string; multiple: boolean; title?: string }): string {
  const type = options.multiple ? 'checkbox' : 'radio';
  const choices = Object.entries(LTI_WIDGETS)
    .map(
      ([key, widget], index) =>
        `<label><input type="${type}" name="widget" value="${escapeHtml(key)}"${index === 0 && !options.multiple ? ' checked' : ''}><span><strong>${escapeHtml(widget.title)}</strong> — ${escapeHtml(widget.description)} <span class="mk-lti-muted">(for ${escapeHtml(widget.audience)})</span></span></label>`,
    )
    .join('\n');
  return page({
    title: 'Add MentorKit to the course',
    nonce: options.nonce,
    body: `<main>
<h1>Add MentorKit to the course</h1>
<p>Choose what people see when they open this link in the course${options.title ? ` “${escapeHtml(options.title)}”` : ''}.</p>
<form method="post" action="${escapeHtml(options.action)}">
<input type="hidden" name="token" value="${escapeHtml(options.token)}">
<fieldset><legend>${options.multiple ? 'Widgets' : 'Widget'}</legend>
${choices}
</fieldset>
<button type="submit">Add to the course</button>
</form>
</main>`,
  });
}

/** Returns the signed Deep Linking response to the LMS (form_post, sent by script; a button without it). */
export function deepLinkReturnPage(options: { nonce: string; returnUrl: string; jwt: string; summary: string }): string {
  return page({
    title: 'Returning to the course',
    nonce: options.nonce,
    body: `<main>
<h1>Returning to the course</h1>
<p>${escapeHtml(options.summary)}</p>
<form id="mentorkit-return" method="post" action="${escapeHtml(options.returnUrl)}">
<input type="hidden" name="JWT" value="${escapeHtml(options.jwt)}">
<button type="submit">Continue</button>
</form>
<script nonce="${options.nonce}">document.getElementById('mentorkit-return').submit();</script>
</main>`,
  });
}

/** The end of dynamic registration: tells the LMS (window.opener or parent) the tool is registered. */
export function registrationDonePage(options: { nonce: string; platformName: string; clientId: string }): string {
  return page({
    title: 'MentorKit is registered',
    nonce: options.nonce,
    body: `<main>
<h1>MentorKit is registered</h1>
<p>${escapeHtml(options.platformName)} can now place MentorKit in its courses (client id <code>${escapeHtml(options.clientId)}</code>). You can close this window.</p>
<script nonce="${options.nonce}">(window.opener || window.parent).postMessage({ subject: 'org.imsglobal.lti.close' }, '*');</script>
</main>`,
  });
}
