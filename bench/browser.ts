// Browser benches (bench/pages/): bundles a page's script with esbuild from the sources, in production
// mode, serves it from a temporary folder and opens it in headless Chromium (playwright-core). The page
// script puts its functions on `globalThis[name]`; `call` runs one in the page and returns its result.
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium, type Page } from 'playwright-core';
import { chromiumArgs } from '../scripts/lib/chromium.mjs';
import { startServer } from '../scripts/lib/serve.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));

export interface BenchPage {
  page: Page;
  /** Runs `globalThis[name][method](...args)` in the page. */
  call<T>(method: string, ...args: unknown[]): Promise<T>;
  close(): Promise<void>;
}

/**
 * Opens `bench/pages/<page>.ts` in Chromium once `globalThis[name]` is defined. `html`: a page of
 * bench/pages/ to load it from; by default a bare page with a `#stage` element.
 */
export async function openBenchPage(script: string, name: string, html?: string): Promise<BenchPage> {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'mk-bench-page-'));
  await build({
    entryPoints: [path.join(here, 'pages', `${script}.ts`)],
    outfile: path.join(folder, 'page.js'),
    bundle: true,
    format: 'esm',
    minify: true,
    target: 'es2022',
    conditions: ['source', 'browser', 'production'],
    define: { 'process.env.NODE_ENV': '"production"' },
    tsconfig: path.join(here, '..', 'tsconfig.json'),
    logLevel: 'error',
  });
  if (html) copyFileSync(path.join(here, 'pages', html), path.join(folder, 'page.html'));
  else
    writeFileSync(
      path.join(folder, 'page.html'),
      '<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>bench</title>' +
        '<style>body { font-family: system-ui, sans-serif; margin: 0; } #stage { max-width: 60rem; margin: 1rem auto; }</style>' +
        '<script type="module" src="./page.js"></script></head><body><div id="stage"></div></body></html>',
    );
  const server = await startServer({ rootDir: folder });
  const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH || '/usr/bin/chromium', args: chromiumArgs() });
  const close = async () => {
    await browser.close();
    await server.close();
    rmSync(folder, { recursive: true, force: true });
  };
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('pageerror', (error) => console.error('page error:', error.message));
    page.on('console', (message) => message.type() === 'error' && console.error('console:', message.text()));
    page.on('requestfailed', (request) => console.error('request failed:', request.url()));
    await page.goto(`${server.url}/page.html`);
    await page.waitForFunction((global) => global in globalThis, name);
    const call = <T>(method: string, ...args: unknown[]) =>
      page.evaluate(
        ([global, fn, list]) => (globalThis as unknown as Record<string, Record<string, (...values: unknown[]) => unknown>>)[global]![fn]!(...list),
        [name, method, args] as [string, string, unknown[]],
      ) as Promise<T>;
    return { page, call, close };
  } catch (error) {
    await close();
    throw error;
  }
}
