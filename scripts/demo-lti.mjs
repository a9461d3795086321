#!/usr/bin/env node
// `npm run demo:lti`: MentorKit launched from an LMS, on this machine. Builds everything (as `npm start`
// does: the launch page loads the elements' CDN bundle), then starts a throwaway PostgreSQL, MentorKit's
// server as an LTI 1.3 tool (random secret key and service token, dev-auth on loopback) and the test LMS
// of examples/lti-platform; registers the LMS; pairs Amara (learner) with Tomás (mentor) in the course
// "Leadership 101" and gives her a goal; prints the course's address for each person. Everything is
// deleted on Ctrl-C. The end-to-end test test/e2e/lti.test.mjs runs the same setup (scripts/lib/lti-demo.mjs).
//
//   npm run demo:lti                      build, then start
//   npm run demo:lti -- --no-build        use the existing build
//   npm run demo:lti -- --no-seed         no pairing and no goal (the course fills from the LMS's roster)
import { buildOrExit } from './build.mjs';
import { LTI_DEMO_PEOPLE, startLtiDemo } from './lib/lti-demo.mjs';
import { postgresUnavailableReason } from './lib/postgres.mjs';

const args = new Set(process.argv.slice(2));
for (const arg of args) {
  if (arg !== '--no-build' && arg !== '--no-seed') {
    console.error(`Unknown option ${arg}. Usage: npm run demo:lti [-- --no-build] [-- --no-seed]`);
    process.exit(2);
  }
}

const unavailable = postgresUnavailableReason();
if (unavailable) {
  console.error(`The LTI demo runs MentorKit's server on PostgreSQL.\n${unavailable}`);
  process.exit(1);
}

if (!args.has('--no-build')) {
  await buildOrExit('the launch page would have no elements to load');
}

let demo;
try {
  demo = await startLtiDemo({ seed: !args.has('--no-seed'), log: (line) => console.log(line) });
} catch (error) {
  console.error(`Could not start the LTI demo: ${error?.stack ?? error}`);
  process.exit(1);
}

const { learner, mentor, teacher } = LTI_DEMO_PEOPLE;
const line = '─'.repeat(72);
console.log(line);
console.log('MentorKit as an LTI 1.3 tool, launched from a test LMS (course "Leadership 101")');
console.log(`  MentorKit (the tool):  ${demo.toolUrl}   configuration: ${demo.toolUrl}/lti/configuration`);
console.log(`  the test LMS:          ${demo.platform.url}   (registered with MentorKit)`);
console.log(`  service token:         ${demo.serviceToken}   (this run only; e.g. GET ${demo.toolUrl}/lti/platforms)`);
console.log("Open the course as (each page load is a fresh LTI launch in the LMS's iframe):");
const people = [
  [`${learner.name}, learner`, demo.courseUrl(learner.sub), 'the home page: pairing, check-ins, goals'],
  [`${learner.name}, goal tracker`, demo.courseUrl(learner.sub, { widget: 'goal-tracker' }), ''],
  [`${mentor.name}, mentor`, demo.courseUrl(mentor.sub), ''],
  [`${teacher.name}, teacher`, demo.courseUrl(teacher.sub), 'the pairing board'],
  [`${teacher.name}, add to the course`, demo.courseUrl(teacher.sub, { deepLink: true }), 'Deep Linking: pick a widget'],
];
const width = Math.max(...people.map(([who]) => who.length)) + 1;
for (const [who, url, what] of people) console.log(`  ${`${who}:`.padEnd(width + 1)} ${url}${what ? `   (${what})` : ''}`);
console.log('The database is a throwaway: Ctrl-C stops everything and deletes it.');
console.log(line);

let stopping = false;
const stop = async (signal) => {
  if (stopping) process.exit(1);
  stopping = true;
  console.log(`\n${signal}: stopping the LMS, MentorKit and PostgreSQL…`);
  await demo.close();
  process.exit(0);
};
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
