/**
 * Runs the reference backend:
 *
 *   DATABASE_URL=postgres://user@localhost/mentorkit node --conditions=source --import tsx examples/rest-backend/src/main.ts --seed-demo
 *
 * Environment: DATABASE_URL (required), PORT (default 8787), HOST (default 127.0.0.1),
 * MK_SERVICE_TOKEN (optional: a secret for admin tools), MK_CORS_ORIGIN (default *).
 * `--seed-demo` writes the demo programme (examples/shared/demo-program.ts) when it is missing.
 */
import pg from 'pg';
import { seedDemoProgram } from '../../shared/demo-program.js';
import { createRestBackend } from '@mentorkit/server';
import { migrate } from '@mentorkit/server';
import { createPostgresStorage } from '@mentorkit/server';

const connectionString = process.env.DATABASE_URL;
if (!connectionString) {
  console.error('Set DATABASE_URL, e.g. DATABASE_URL=postgres://mentorkit@127.0.0.1:5432/mentorkit');
  process.exit(2);
}
const pool = new pg.Pool({ connectionString, max: 10 });
const backend = createRestBackend({ pool, serviceToken: process.env.MK_SERVICE_TOKEN, corsOrigin: process.env.MK_CORS_ORIGIN, log: (message) => console.warn(message) });

const applied = await migrate(pool);
if (applied.length > 0) console.log(`Applied schema migrations: ${applied.join(', ')}`);
if (process.argv.includes('--seed-demo')) {
  const seeded = await seedDemoProgram(createPostgresStorage(pool));
  console.log(seeded ? 'Seeded the demo programme.' : 'The demo programme is already there.');
}
const url = await backend.listen(Number(process.env.PORT ?? 8787), process.env.HOST ?? '127.0.0.1');
console.log(`MentorKit REST backend on ${url} (development sign-in: Authorization: Bearer dev:<personId>)`);

const shutdown = async () => {
  await backend.close();
  await pool.end();
  process.exit(0);
};
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
