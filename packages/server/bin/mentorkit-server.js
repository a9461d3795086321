#!/usr/bin/env node
// The `mentorkit-server` command. A published package runs the built dist/cli.js; a clone of the
// repository without a build runs src/cli.ts through tsx, with workspace packages resolved to their
// TypeScript sources (the `source` export condition). MENTORKIT_SERVER_SOURCE=1 runs the sources even
// when a build exists (the repository's tests do, so they never test a stale or half-written dist/).
import { existsSync } from 'node:fs';
import { register } from 'node:module';

const built = new URL('../dist/cli.js', import.meta.url);
if (process.env.MENTORKIT_SERVER_SOURCE !== '1' && existsSync(built)) {
  await import(built.href);
} else {
  let tsx;
  try {
    tsx = await import('tsx/esm/api');
  } catch {
    console.error('[mentorkit-server] dist/cli.js is missing and tsx is not installed: run `npm run build` (or `npm install` in the repository) first.');
    process.exit(2);
  }
  tsx.register();
  // Registered last, so it runs first: adds the `source` condition before tsx and Node resolve.
  register(
    'data:text/javascript,' +
      encodeURIComponent(
        'export async function resolve(specifier, context, next) { return next(specifier, { ...context, conditions: [...new Set(["source", ...context.conditions])] }); }',
      ),
  );
  await import(new URL('../src/cli.ts', import.meta.url).href);
}
