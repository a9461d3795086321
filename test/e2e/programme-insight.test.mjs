// Issue 18's journeys in the demo on MentorKit's server (`npm run demo:server`, the same setup:
// scripts/lib/server-demo.mjs): the admin opens the programme report and its figures match the stored
// records (recomputed here with SQL, independently of core), and exports a CSV a spreadsheet opens; a
// mentee raises a concern and the admin moves it to "in review" with a note; the mentee of the finished
// pairing gets a certificate (a real PDF) whose verification address answers without sign-in.
// Every wait polls for its condition.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { SERVER_DEMO, startServerDemo } from '../../scripts/lib/server-demo.mjs';
import { DEMO_FINISHED_PAIRING_ID } from '../../packages/server/src/demo-program.ts';
import { reportColumns } from '../../packages/core/src/report/index.ts';
import { skipReason } from '../../packages/server/test/support.ts';
import { axeViolations, eventually, launchBrowser, newContext, screenshots } from './support.mjs';

const skip = skipReason();
const LUCIA = 'lucia-fernandez'; // the demo's mentee

/** The calendar quarter holding `now`, as the report's default period reads it (UTC here). */
function quarterOf(now) {
  const year = now.getUTCFullYear();
  const first = Math.floor(now.getUTCMonth() / 3) * 3;
  const pad = (value) => String(value).padStart(2, '0');
  const lastDay = new Date(Date.UTC(year, first + 3, 0)).getUTCDate();
  return {
    from: `${year}-${pad(first + 1)}-01`,
    to: `${year}-${pad(first + 3)}-${pad(lastDay)}`,
    fromInstant: new Date(Date.UTC(year, first, 1)).toISOString(),
    toInstant: new Date(Date.UTC(year, first + 3, 1)).toISOString(),
  };
}

describe('programme insight in the demo on the server', { skip: skip ?? false, timeout: 5 * 60_000 }, () => {
  let demo;
  let browser;
  const api = async (personId, method, route, body) => {
    const response = await fetch(`${demo.apiUrl}${route}`, {
      method,
      headers: { authorization: `Bearer dev:${personId}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    return { status: response.status, response, text: await response.text() };
  };
  const stateOf = (page, selector) =>
    page.evaluate((name) => document.querySelector(name)?.shadowRoot?.querySelector('[part~="base"]')?.getAttribute('data-state') ?? null, selector);

  before(async () => {
    demo = await startServerDemo();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await demo?.close();
  });

  test('the admin’s report: figures as SQL counts them from the stored records, and a CSV export a spreadsheet opens', async () => {
    const { context, problems } = await newContext(browser);
    const page = await context.newPage();
    await page.goto(demo.demoUrl('admin'));
    const selector = '#report-panel mk-programme-report';
    await eventually(
      () => stateOf(page, selector),
      (state) => state === 'ready',
      'the report loaded',
      20_000,
    );
    const report = page.locator(selector);
    assert.equal(await report.locator('[part~="base"]').getAttribute('data-source'), 'server');

    // Independently of core: SQL over the stored rows of the quarter.
    const { fromInstant, toInstant } = quarterOf(new Date());
    const {
      rows: [sql],
    } = await demo.pool.query(
      `SELECT count(*) FILTER (WHERE s.data->>'status' = 'held')::int AS held,
         COALESCE(sum(CASE WHEN s.data->>'status' = 'held' THEN COALESCE((s.data->>'heldMinutes')::int, round(extract(epoch FROM (s.data->>'end')::timestamptz - (s.data->>'start')::timestamptz) / 60)::int) END), 0)::int AS minutes
       FROM mk_records s WHERE s.collection = 'sessions' AND NOT s.deleted
         AND s.data->>'pairingId' IN (SELECT id FROM mk_records WHERE collection = 'pairings' AND NOT deleted AND data->>'programId' = $1)
         AND (s.data->>'start')::timestamptz >= $2 AND (s.data->>'start')::timestamptz < $3`,
      [SERVER_DEMO.programId, fromInstant, toInstant],
    );
    const tile = async (figure) => (await report.locator(`[part~="tile"][data-figure="${figure}"]`).innerText()).replace(/\s+/g, ' ').trim();
    assert.match(await tile('sessions'), new RegExp(`^Sessions held ${sql.held} `), `sessions held: ${await tile('sessions')} vs SQL ${sql.held}`);
    assert.match(await tile('hours'), new RegExp(`\\b${sql.minutes} minutes in sessions held`), `minutes: ${await tile('hours')} vs SQL ${sql.minutes}`);
    assert.ok(sql.held > 0, 'the demo has held sessions in the quarter');
    assert.deepEqual(await axeViolations(page, '#report-panel'), []);
    await page.locator('#report-panel').screenshot({ path: path.join(screenshots, 'programme-report.png') });

    const [download] = await Promise.all([page.waitForEvent('download'), report.locator('[data-export="pairs"]').click()]);
    const csv = await readFile(await download.path(), 'utf8');
    const lines = csv.split('\r\n');
    assert.equal(lines[0].replace(/^\uFEFF/, ''), reportColumns('pairs').join(','), 'the documented columns');
    assert.equal(lines.at(-1), '', 'CRLF after every row');
    const {
      rows: [pairs],
    } = await demo.pool.query("SELECT count(*)::int AS n FROM mk_records WHERE collection = 'pairings' AND NOT deleted AND data->>'programId' = $1", [
      SERVER_DEMO.programId,
    ]);
    assert.ok(lines.length - 2 >= 1 && lines.length - 2 <= pairs.n, `one row per pair of the period (${lines.length - 2} of ${pairs.n})`);
    assert.match(download.suggestedFilename(), /pairs.*\.csv$/);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a mentee raises a concern in the page; the programme admin sees it and moves it to “in review” with a note; the mentor never sees it', async () => {
    const mentee = await newContext(browser);
    const page = await mentee.context.newPage();
    await page.goto(demo.demoUrl('mentee'));
    const form = '#concerns-panel mk-raise-concern';
    await eventually(
      () => stateOf(page, form),
      (state) => state === 'form',
      'the form loaded',
      20_000,
    );
    const raise = page.locator(form);
    await raise.locator('textarea[name="text"]').fill('In our last session my mentor made remarks about my accent that made me uncomfortable.');
    await raise.locator('[part~="submit"]').click();
    await eventually(
      () => stateOf(page, form),
      (state) => state === 'done',
      'the concern was sent',
      15_000,
    );
    assert.deepEqual(await axeViolations(page, '#concerns-panel'), []);
    await mentee.context.close();

    const { rows } = await demo.pool.query("SELECT id, data FROM mk_records WHERE collection = 'concerns' AND NOT deleted");
    assert.equal(rows.length, 1, 'stored once');
    const concern = rows[0].data;
    assert.equal(concern.reporterId, LUCIA);
    for (const mentorId of ['kenji-watanabe', 'arjun-shrestha']) {
      const seen = await api(mentorId, 'GET', `/collections/concerns/records/${encodeURIComponent(concern.id)}`);
      assert.equal(seen.status, 404, `${mentorId} cannot read it`);
    }

    const admin = await newContext(browser);
    const adminPage = await admin.context.newPage();
    await adminPage.goto(demo.demoUrl('admin'));
    const queue = '#concerns-panel mk-concern-queue';
    await eventually(
      () => stateOf(adminPage, queue),
      (state) => state === 'list',
      'the queue loaded',
      20_000,
    );
    const item = adminPage.locator(`${queue} [part~="concern"][data-concern-id="${concern.id}"]`);
    assert.equal(await item.getAttribute('data-status'), 'open');
    await item.locator('select[name="status"]').selectOption('in-review');
    await item.locator('textarea[name="note"]').fill('Spoke with Lucía; meeting Kenji on Monday.');
    await item.locator('button[type="submit"]').click();
    await eventually(
      async () => (await demo.pool.query("SELECT data FROM mk_records WHERE collection = 'concerns' AND id = $1", [concern.id])).rows[0].data.status,
      (status) => status === 'in-review',
      'the server keeps "in review"',
      15_000,
    );
    await eventually(
      () => item.getAttribute('data-status'),
      (status) => status === 'in-review',
      'shown in review',
    );
    assert.deepEqual(await axeViolations(adminPage, '#concerns-panel'), []);
    await adminPage.locator('#concerns-panel').screenshot({ path: path.join(screenshots, 'concern-queue.png') });
    assert.deepEqual(admin.problems, []);
    await admin.context.close();
  });

  test('the mentee of the finished pairing gets a certificate: a PDF, and a verification address that answers without sign-in', async () => {
    const { context, problems } = await newContext(browser);
    const page = await context.newPage();
    await page.goto(demo.demoUrl('mentee'));
    await eventually(
      () => page.locator('#certificate-panel mk-certificate').count(),
      (count) => count > 0,
      'the certificate place',
      20_000,
    );
    assert.deepEqual(await axeViolations(page, '#certificate-panel'), []);
    assert.deepEqual(problems, []);
    await context.close();

    const issued = await api(LUCIA, 'POST', `/pairings/${DEMO_FINISHED_PAIRING_ID}/certificates`, { personId: LUCIA });
    assert.ok([200, 201].includes(issued.status), issued.text);
    const certificate = JSON.parse(issued.text).certificate ?? JSON.parse(issued.text);
    const pdf = await fetch(new URL(certificate.pdfUrl, demo.apiUrl), { headers: { authorization: `Bearer dev:${LUCIA}` } });
    assert.equal(pdf.status, 200);
    assert.equal(pdf.headers.get('content-type'), 'application/pdf');
    assert.equal(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString('latin1'),
      '%PDF-',
    );
    const verify = await fetch(new URL(certificate.verifyUrl, demo.apiUrl));
    assert.equal(verify.status, 200);
    const html = await verify.text();
    assert.match(html, /Lucía Fernández/);
    assert.match(html, /<main>/);
    const unknown = await fetch(new URL(`/verify/${'A'.repeat(22)}`, demo.apiUrl));
    assert.equal(unknown.status, 404);
  });
});
