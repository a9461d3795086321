/**
 * Runs the host app (src/app.ts): MentorKit mounted at /mentorkit/ behind the host's own session cookie.
 *
 *   DATABASE_URL=postgres://… SESSION_SECRET=… node --conditions=source --import tsx examples/rest-backend/src/main.ts
 */
import pg from 'pg';
import { createHostApp } from './app.js';

const { DATABASE_URL, SESSION_SECRET } = process.env;
if (!DATABASE_URL || !SESSION_SECRET || SESSION_SECRET.length < 32) {
  console.error('Set DATABASE_URL (postgres://…) and SESSION_SECRET (32+ random characters, e.g. `openssl rand -base64 48`).');
  process.exit(2);
}
const pool = new pg.Pool({ connectionString: DATABASE_URL });
const app = createHostApp({ pool, sessionSecret: SESSION_SECRET, log: (line) => console.log(line) });
console.log(`Acme Learning on ${await app.listen(Number(process.env.PORT ?? 3000))}; MentorKit at /mentorkit/`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(
    signal,
    () =>
      void app
        .close()
        .then(() => pool.end())
        .then(() => process.exit(0)),
  );
}
