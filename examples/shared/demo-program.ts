/**
 * The demo programme ("Acme Learning — Engineering Mentoring 2026") for the examples, Storybook and
 * tests. It lives in `@mentorkit/server/demo-program` (so `mentorkit-server --seed-demo` can write it)
 * and needs only `@mentorkit/core`, so browser bundles take it from there too.
 */
export { DEMO_PROGRAM_ID, DEMO_VIEWERS, demoPairings, demoPeople, demoProgram, seedDemoProgram } from '@mentorkit/server/demo-program';
