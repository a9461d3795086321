// Types for scripts/lib/chromium.mjs, so TypeScript tests (test/e2e/*.test.ts) can import it.

/** Well-known Chromium/Chrome locations, checked after CHROME_PATH. */
export declare const chromiumCandidates: readonly string[];
export declare const runningAsRoot: boolean;
/** CHROME_PATH (validated) or the first well-known location that exists; undefined when none. */
export declare function findChromium(options?: { env?: Record<string, string | undefined> }): string | undefined;
/** Switches for headless Chromium in CI and containers (`--no-sandbox` as root, …). */
export declare function chromiumArgs(): string[];
/** Finds Chromium or installs Debian's package (as root with apt-get); sets process.env.CHROME_PATH. */
export declare function ensureChromium(options?: { log?: (message: string) => void }): string;
