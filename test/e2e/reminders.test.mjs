// Reminders that reach people (issue 15), in the demo on the server (`npm run demo:server`, the same
// setup: scripts/lib/server-demo.mjs): a real PostgreSQL, a real SMTP server whose mailbox page people
// read, MentorKit's server with its clock set to a moment the test chooses. A mentor who has not checked
// in gets an email at their local morning, in their language; its unsubscribe link works in a browser.
// Every wait polls for its condition.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { SERVER_DEMO, demoEmailOf, startServerDemo } from '../../scripts/lib/server-demo.mjs';
import { skipReason } from '../../packages/server/test/support.ts';
import { axeViolations, eventually, launchBrowser, screenshots, watchPage } from './support.mjs';

const skip = skipReason();
const MARIA = 'maria-gonzalez'; // Mexico City, Spanish first; her check-in with Noah is overdue
const CHEN = 'chen-wei'; // Shanghai, English mail (Chinese first: mails are English or Spanish); overdue with Mei

/** The hour and minute of `instant` on the clock of `timeZone`, e.g. "09:00". */
const wallClock = (instant, timeZone) =>
  new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(instant));

describe('reminders in the demo on the server', { skip: skip ?? false, timeout: 4 * 60_000 }, () => {
  let demo;
  let browser;
  const api = async (personId, method, route, body) => {
    const response = await fetch(`${demo.apiUrl}${route}`, {
      method,
      headers: { authorization: `Bearer dev:${personId}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    assert.ok(response.ok, `${method} ${route} as ${personId} answered ${response.status}: ${text.slice(0, 300)}`);
    return JSON.parse(text);
  };

  before(async () => {
    // Monday 7 December 2026, 08:59:50 in Mexico City (14:59:50 UTC): María's working day starts in ten
    // seconds; in Shanghai it is 22:59, Chen's morning is ten hours away.
    demo = await startServerDemo({ at: '2026-12-07T14:59:50Z' });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await demo?.close();
  });

  test('María gets her overdue check-in reminder at 09:00 on her clock, in Spanish, from the demo', async () => {
    const run = await demo.scan();
    assert.ok(run.queued >= 3, `the scan queued María's, Chen's and the quiet pair's reminders (${JSON.stringify(run)})`);
    const mail = await demo.mailbox.waitFor((candidate) => candidate.to.includes(demoEmailOf(MARIA)));
    assert.equal(mail.nudge, 'check-in-overdue');
    assert.equal(mail.language, 'es');
    assert.equal(mail.subject, 'Tu seguimiento con Noah Johnson está pendiente');
    assert.match(mail.text, /^Hola, María González:/);
    assert.equal(wallClock(mail.date, 'America/Mexico_City'), '09:00', `sent at her 09:00 (the mail's Date: ${mail.date})`);
    // The due time on her clock, in Spanish, with her zone.
    assert.match(mail.text, /Estaba previsto para: .+ \(hora (estándar )?(central|de la zona centro).*Mexico City\)/i);
    // The app link opens the demo on this server; the unsubscribe link goes to the server, one click (RFC 8058).
    assert.ok(mail.text.includes(demo.demoUrl()), mail.text);
    assert.equal(mail.listUnsubscribePost, 'List-Unsubscribe=One-Click');
    assert.ok(mail.unsubscribeUrl?.startsWith(`${demo.apiUrl}/notifications/unsubscribe?token=`), mail.listUnsubscribe);
    // Chen's waits for his morning.
    const { deliveries } = await api(CHEN, 'GET', '/notifications');
    const chens = deliveries.find((delivery) => delivery.kind === 'check-in-overdue');
    assert.equal(chens?.status, 'queued');
    assert.equal(wallClock(chens.sendAt, 'Asia/Shanghai'), '09:00');
    assert.ok(!demo.mailbox.mails.some((candidate) => candidate.to.includes(demoEmailOf(CHEN))), 'nothing for Chen before his morning');
    // Liam (Dublin, 15:00 on a working Monday) is nudged about his quiet pair at once, before the clock moves on.
    const liams = await demo.mailbox.waitFor((candidate) => candidate.to.includes(demoEmailOf(SERVER_DEMO.quiet.memberIds[1])));
    assert.equal(liams.nudge, 'pair-inactive');
    assert.equal(wallClock(liams.date, 'Europe/Dublin'), '15:00');
  });

  test("when Shanghai's morning comes, Chen's reminder arrives in English; what was sent is in his log", async () => {
    demo.setClock('2026-12-08T01:01:30Z'); // 09:01:30 in Shanghai
    await demo.scan();
    const mail = await demo.mailbox.waitFor((candidate) => candidate.to.includes(demoEmailOf(CHEN)));
    assert.equal(mail.language, 'en');
    assert.equal(mail.subject, 'Your check-in with Mei Lin is overdue');
    assert.match(mail.text, /^Hello Chen Wei,/);
    assert.equal(wallClock(mail.date, 'Asia/Shanghai').slice(0, 2), '09');
    const { deliveries } = await eventually(
      () => api(CHEN, 'GET', '/notifications'),
      (body) => body.deliveries.some((delivery) => delivery.kind === 'check-in-overdue' && delivery.status === 'sent'),
      "Chen's log says sent",
      10_000,
    );
    assert.equal(deliveries.find((delivery) => delivery.kind === 'check-in-overdue').subject, mail.subject);
  });

  test('the mailbox page shows the mails as text; María unsubscribes from her mail with one click in the browser', async () => {
    // axe is injected into pages whose CSP forbids scripts (both pages run none of their own).
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'es-MX', bypassCSP: true });
    const problems = [];
    const page = await context.newPage();
    watchPage(page, problems);
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
    });
    await page.goto(demo.mailbox.url);
    await page.getByRole('heading', { name: 'Tu seguimiento con Noah Johnson está pendiente' }).waitFor();
    assert.deepEqual(await axeViolations(page), []);
    await page.setViewportSize({ width: 320, height: 900 });
    await page.screenshot({ path: path.join(screenshots, 'reminders-mailbox-320.png'), fullPage: true });

    // The link in her mail: a page in her language that asks (a GET never unsubscribes: mail scanners follow links).
    const mail = demo.mailbox.mails.find((candidate) => candidate.to.includes(demoEmailOf(MARIA)));
    await page.goto(mail.unsubscribeUrl);
    assert.equal((await api(MARIA, 'GET', '/notifications/preferences')).email, true, 'opening the link changed nothing');
    const button = page.getByRole('button', { name: /darse de baja|dejar de recibir/i });
    await button.waitFor();
    assert.deepEqual(await axeViolations(page), []);
    await button.click();
    await eventually(
      () => api(MARIA, 'GET', '/notifications/preferences'),
      (preferences) => preferences.email === false,
      'her reminder emails are off',
      10_000,
    );
    await page.screenshot({ path: path.join(screenshots, 'reminders-unsubscribed.png') });
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('the other member of the quiet pair is nudged too, at a working hour on his clock', async () => {
    // Tane (Auckland): his 09:00 was 20:00 UTC on Monday, while the clock stood still for the first test;
    // the scan after the clock moved queued his late delivery again.
    const mail = await demo.mailbox.waitFor((candidate) => candidate.to.includes(demoEmailOf(SERVER_DEMO.quiet.memberIds[0])));
    assert.equal(mail.nudge, 'pair-inactive');
    assert.equal(mail.language, 'en');
    assert.match(mail.subject, /It has been quiet with Liam O'Connor/);
  });
});
