// The host app of examples/rest-backend: MentorKit mounted under /mentorkit/ behind the host's own
// signed session cookie, on a real PostgreSQL.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
import { createPostgresStorage } from '@mentorkit/server';
import { seedDemoProgram } from '@mentorkit/server/demo-program';
import { startPostgres, type RunningPostgres } from '../../../scripts/lib/postgres.mjs';
import { skipReason } from '../../../packages/server/test/support.js';
import { createHostApp } from '../src/app.js';

describe('a host app with MentorKit mounted behind its own session cookie', { skip: skipReason() ?? false }, () => {
  let postgres: RunningPostgres;
  let pool: pg.Pool;
  let app: ReturnType<typeof createHostApp>;
  let url: string;

  before(async () => {
    postgres = await startPostgres();
    pool = new pg.Pool({ connectionString: postgres.connectionString });
    app = createHostApp({ pool, sessionSecret: 'a-session-secret-of-the-host-0123456789' });
    url = await app.listen(0);
    await seedDemoProgram(createPostgresStorage(pool));
  });
  after(async () => {
    await app?.close();
    await pool?.end();
    await postgres?.stop();
  });

  test("signed in with the host's cookie, a person sees their own pairings; without it, or with a forged one, 401", async () => {
    const login = await fetch(`${url}/login?person=lucia-fernandez`, { method: 'POST' });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const mine = await fetch(`${url}/mentorkit/collections/pairings/records`, { headers: { cookie } });
    assert.equal(mine.status, 200);
    assert.deepEqual(
      ((await mine.json()) as { records: Array<{ id: string }> }).records.map((record) => record.id),
      ['pairing-lucia'],
    );
    assert.equal((await fetch(`${url}/mentorkit/collections/pairings/records`)).status, 401);
    const forged = `acme_session=${Buffer.from('priya-raman').toString('base64url')}.${cookie.split('.')[1]}`;
    assert.equal((await fetch(`${url}/mentorkit/collections/pairings/records`, { headers: { cookie: forged } })).status, 401);
    assert.equal((await fetch(`${url}/mentorkit/health/ready`)).status, 200);
    assert.equal((await fetch(`${url}/elsewhere`)).status, 404, "the host's own routes stay the host's");
  });
});
