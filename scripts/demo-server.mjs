#!/usr/bin/env node
// `npm run demo:server`: the LMS demo on MentorKit's server, with reminders that reach people by email.
// Builds everything (as `npm start` does), then starts a throwaway PostgreSQL, a mailbox (a real SMTP
// server with a page that shows what it received), MentorKit's server (dev sign-in on loopback,
// reminders scanned every minute) and the demo page; seeds the demo programme with email addresses and
// a little history (scripts/lib/server-demo.mjs says what). Prints where everything is. Everything is
// deleted on Ctrl-C. The end-to-end test test/e2e/reminders.test.mjs runs the same setup.
//
//   npm run demo:server                              build, then start (the server's clock is the real one)
//   npm run demo:server -- --no-build                use the existing build
//   npm run demo:server -- --at 2026-10-14T23:55:00Z start the server's clock at that instant
//
// While it runs, type into the terminal to move the server's clock: `+2h`, `+10d`, `+30m` (then a scan
// runs), `scan` (a scan now), `now` (the clock), `help`.
import readline from 'node:readline';
import { buildOrExit } from './build.mjs';
import { postgresUnavailableReason } from './lib/postgres.mjs';
import { SERVER_DEMO, startServerDemo } from './lib/server-demo.mjs';

const USAGE = 'Usage: npm run demo:server [-- --no-build] [-- --at <ISO instant, e.g. 2026-10-14T23:55:00Z>]';
const args = process.argv.slice(2);
let noBuild = false;
let at;
for (let index = 0; index < args.length; index++) {
  const arg = args[index];
  if (arg === '--no-build') noBuild = true;
  else if (arg === '--at' && args[index + 1] !== undefined) at = args[++index];
  else if (arg.startsWith('--at=')) at = arg.slice('--at='.length);
  else {
    console.error(`Unknown option ${arg}. ${USAGE}`);
    process.exit(2);
  }
}
if (at !== undefined && Number.isNaN(Date.parse(at))) {
  console.error(`--at needs an instant such as 2026-10-14T23:55:00Z (got ${JSON.stringify(at)}). ${USAGE}`);
  process.exit(2);
}

const unavailable = postgresUnavailableReason();
if (unavailable) {
  console.error(`This demo runs MentorKit's server on PostgreSQL.\n${unavailable}`);
  process.exit(1);
}

if (!noBuild) {
  await buildOrExit('the demo page would have no elements to load');
}

let demo;
try {
  // The server's own lines about reminders (scans, mails sent, skipped) are what the demo is about.
  demo = await startServerDemo({ ...(at ? { at } : {}), log: (line) => (/reminders|escalation|mailbox/.test(line) ? console.log(line) : undefined) });
} catch (error) {
  console.error(`Could not start the demo: ${error?.stack ?? error}`);
  process.exit(1);
}

const line = '─'.repeat(72);
console.log(line);
console.log("The LMS demo on MentorKit's server, with reminders by email");
console.log(`  as Lucía (mentee):     ${demo.demoUrl('mentee')}`);
console.log(`  as Kenji (mentor):     ${demo.demoUrl('mentor')}`);
console.log(`  as Priya (admin):      ${demo.demoUrl('admin')}`);
console.log(`  the mailbox:           ${demo.mailbox.url}   (every mail the server sent; SMTP at ${demo.mailbox.smtpUrl})`);
console.log(`  MentorKit's server:    ${demo.apiUrl}   (service token: ${demo.serviceToken})`);
console.log(`The server's clock: ${demo.now().toISOString()}. What happens:`);
for (const { mentorId, pairingId } of SERVER_DEMO.overdue)
  console.log(`  - ${mentorId}'s check-in (${pairingId}) is overdue: a reminder at their next working morning, in their language`);
console.log(
  `  - ${SERVER_DEMO.quiet.memberIds.join(' and ')} have been quiet for ${SERVER_DEMO.quiet.quietDays} days: both nudged; the admins see the pair on the ladder`,
);
console.log('Type +2h, +10d or +30m to move the server\'s clock (a scan follows), "scan", "now" or "help".');
console.log('The database is a throwaway: Ctrl-C stops everything and deletes it.');
console.log(line);

const units = { m: 60_000, h: 3_600_000, d: 86_400_000 };
const scan = async () => {
  try {
    const run = await demo.scan();
    console.log(`scan at ${demo.now().toISOString()}: ${run.pairings} pairings, ${run.nudges} nudges, ${run.queued} newly queued`);
  } catch (error) {
    console.log(`the scan failed: ${error?.message ?? error}`);
  }
};
if (process.stdin.isTTY) {
  const input = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  // The terminal is in raw mode now: Ctrl-C reaches readline, not the process.
  input.on('SIGINT', () => stop('SIGINT'));
  input.on('line', async (typed) => {
    const command = typed.trim();
    const move = /^\+(\d{1,4})([mhd])$/.exec(command);
    if (move) {
      demo.advance(Number(move[1]) * units[move[2]]);
      console.log(`the server's clock is now ${demo.now().toISOString()}`);
      await scan();
    } else if (command === 'scan') await scan();
    else if (command === 'now') console.log(demo.now().toISOString());
    else if (command !== '') console.log('Commands: +<n>m, +<n>h, +<n>d (move the clock forward, then scan), scan, now. Ctrl-C stops.');
  });
}

let stopping = false;
const stop = async (signal) => {
  if (stopping) process.exit(1);
  stopping = true;
  console.log(`\n${signal}: stopping the server, the mailbox and PostgreSQL…`);
  await demo.close();
  process.exit(0);
};
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
