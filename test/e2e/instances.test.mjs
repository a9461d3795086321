// Two instances of MentorKit's server on one PostgreSQL (issue 15): the LMS demo, connected to the
// first, shows live what someone writes through the second — no sticky sessions, no reload.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { startServer } from '../../scripts/lib/serve.mjs';
import { seedDemoProgram } from '../../examples/shared/demo-program.ts';
import { createMentorKitServer } from '../../packages/server/src/server.ts';
import { createPostgresStorage } from '../../packages/server/src/store.ts';
import { JWT_SECRET, SERVICE_TOKEN, skipReason, startTestBackend } from '../../packages/server/test/support.ts';
import { eventually, launchBrowser, newContext } from './support.mjs';

const skip = skipReason();

let server;
let browser;
let first;
let second;
let secondUrl;
let secondPool;

describe('two server instances behind no load balancer at all', { skip: skip ?? false }, () => {
  before(async () => {
    first = await startTestBackend({ devAuth: true });
    assert.equal(await seedDemoProgram(createPostgresStorage(first.pool)), true);
    secondPool = new pg.Pool({ connectionString: first.postgres.connectionString, max: 4 });
    second = createMentorKitServer({ pool: secondPool, jwtSecret: JWT_SECRET, serviceToken: SERVICE_TOKEN, devAuth: true });
    secondUrl = await second.listen(0);
    server = await startServer();
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    await second?.close();
    await secondPool?.end().catch(() => undefined);
    await first?.close();
  });

  test("the mentor's page on the first instance shows the pairing paused through the second, live", async () => {
    const { context, problems } = await newContext(browser);
    const page = await context.newPage();
    await page.goto(`${server.demoUrl}?as=mentor&storage=rest&api=${encodeURIComponent(first.url)}`);
    await page.getByRole('status').filter({ hasText: 'Viewing as Kenji Watanabe' }).waitFor();
    const pairing = page.locator('mk-pairing-card').getByRole('button', { name: 'Lucía Fernández' });
    await pairing.waitFor();
    await pairing.click();
    await page.getByTestId('details-status').filter({ hasText: 'active' }).waitFor();

    // Someone else (the service, e.g. an admin tool) pauses the pairing through the second instance.
    const headers = { authorization: `Bearer ${SERVICE_TOKEN}`, 'content-type': 'application/json' };
    const current = await (await fetch(`${secondUrl}/collections/pairings/records/pairing-lucia`, { headers })).json();
    const paused = await fetch(`${secondUrl}/collections/pairings/records/pairing-lucia`, {
      method: 'PUT',
      headers: { ...headers, 'if-match': `"${current.revision}"` },
      body: JSON.stringify({ ...current, status: 'paused' }),
    });
    assert.equal(paused.status, 200, await paused.text());
    await eventually(
      () => page.getByTestId('details-status').textContent(),
      (text) => /paused/.test(text ?? ''),
      'the page on the first instance shows the change made through the second',
      20_000,
    );
    assert.deepEqual(
      problems.filter((problem) => !/Failed to load resource/.test(problem)),
      [],
    );
    await context.close();
  });
});
