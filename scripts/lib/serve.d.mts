// Types for scripts/lib/serve.mjs, so TypeScript tests (test/e2e/*.test.ts) can import it.
import type { startDevServer } from '@web/dev-server';

type DevServer = Awaited<ReturnType<typeof startDevServer>>;

/** The path of the demo page, `/examples/lms-demo/`. */
export declare const demoPath: string;

export interface StartedServer {
  /** `http://localhost:<port>` */
  url: string;
  /** `http://localhost:<port>/examples/lms-demo/` */
  demoUrl: string;
  port: number;
  server: DevServer;
  /** Stops the server; tests must call it. */
  close(): Promise<unknown>;
}

export interface StartServerOptions {
  /** The wanted port; 0 (the default) picks a random free one. */
  port?: number;
  /** When the wanted port is taken, use a free one instead of failing (default true). */
  fallback?: boolean;
  /** What to serve (default: the repository root). */
  rootDir?: string;
  /** Suppress the dev server's own start message (default true). */
  quiet?: boolean;
}

/** Serves the repository root (examples and built packages) like `npm start` does. */
export declare function startServer(options?: StartServerOptions): Promise<StartedServer>;
export declare function isPortFree(port: number): Promise<boolean>;
export declare function findFreePort(): Promise<number>;
