// The LMS demo on MentorKit's server (@mentorkit/server with dev sign-in, on a real PostgreSQL) instead of
// IndexedDB, switched with one setting (?storage=rest&api=…): the same widgets work, and cutting the
// backend mid-session loses no write — the adapter queues it and replays it when the server is back.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumArgs, findChromium } from '../../scripts/lib/chromium.mjs';
import { startServer } from '../../scripts/lib/serve.mjs';
import { seedDemoProgram } from '../../examples/shared/demo-program.ts';
import { createPostgresStorage } from '../../packages/server/src/store.ts';
import { skipReason, startTestBackend } from '../../packages/server/test/support.ts';
import { eventually, screenshots } from './support.mjs';

const skip = skipReason();

let server;
let browser;
let backend;

describe('LMS demo on the REST backend', { skip: skip ?? false }, () => {
  before(async () => {
    // Dev sign-in, as `mentorkit-server --dev-auth` runs for the demo: the page gets its token from POST /dev/token.
    backend = await startTestBackend({ devAuth: true });
    assert.equal(await seedDemoProgram(createPostgresStorage(backend.pool)), true);
    server = await startServer();
    const executablePath = process.env.CHROME_PATH || findChromium();
    assert.ok(executablePath, 'no Chromium found: run `npm test`, which installs one, or set CHROME_PATH');
    browser = await chromium.launch({ executablePath, args: chromiumArgs() });
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    await backend?.close();
  });

  test('the mentor sees the same pairings; a change made while the backend is down reaches PostgreSQL when it is back', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB', timezoneId: 'Europe/Madrid' });
    const page = await context.newPage();
    const problems = [];
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    await page.goto(`${server.demoUrl}?as=mentor&storage=rest&api=${encodeURIComponent(backend.url)}`);
    await page.getByRole('status').filter({ hasText: 'Viewing as Kenji Watanabe' }).waitFor();
    await eventually(
      () => page.getByRole('button', { name: 'Reset demo data' }).isVisible(),
      (visible) => visible === false,
      'the server owns the data: no browser reset',
    );

    const pairing = page.locator('mk-pairing-card').getByRole('button', { name: 'Lucía Fernández' });
    await pairing.waitFor();
    await pairing.click();
    await page.getByRole('button', { name: 'Pause pairing' }).click();
    await page.getByTestId('details-status').filter({ hasText: 'paused' }).waitFor();
    const database = createPostgresStorage(backend.pool);
    const paused = await eventually(
      () => database.get('pairings', 'pairing-lucia'),
      (record) => record?.status === 'paused',
      'the first change is in PostgreSQL',
    );

    // Cut the backend, change again: the UI answers at once and nothing is lost.
    await backend.stopHttp();
    await page.getByRole('button', { name: 'Resume pairing' }).click();
    await page.getByTestId('details-status').filter({ hasText: 'active' }).waitFor();
    assert.equal((await database.get('pairings', 'pairing-lucia')).status, 'paused', 'nothing reached the server while it was down');
    await page.getByRole('status').filter({ hasText: 'Saved on this device: 1 change waits for the server' }).waitFor();
    await page.screenshot({ path: path.join(screenshots, 'rest-demo-offline.png'), fullPage: false });

    await backend.startHttp();
    const deadline = Date.now() + 20_000;
    let record = await database.get('pairings', 'pairing-lucia');
    while (record.status !== 'active' && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      record = await database.get('pairings', 'pairing-lucia');
    }
    assert.equal(record.status, 'active', 'the queued change was replayed when the backend came back');
    await page.getByRole('status').filter({ hasText: 'Every change made offline has reached the server.' }).waitFor();
    assert.equal(record.revision, paused.revision + 1);
    assert.equal(record.updatedBy, 'kenji-watanabe');

    await page.reload();
    await page.getByRole('status').filter({ hasText: 'Viewing as Kenji Watanabe' }).waitFor();
    await page.locator('mk-pairing-card').getByRole('button', { name: 'Lucía Fernández' }).click();
    await page.getByTestId('details-status').filter({ hasText: 'active' }).waitFor();
    assert.deepEqual(problems, []);
    await context.close();
  });
});
