// Types for scripts/lib/radicale.mjs, so TypeScript tests can import it.

export interface RunningRadicale {
  /** `http://127.0.0.1:<port>/`; each user's principal and calendars live under `/<user>/`. */
  url: string;
  host: string;
  port: number;
  /** The htpasswd users (name → password) it accepts (Basic auth). */
  users: Record<string, string>;
  /** Temporary folder holding the configuration, users and collections (deleted by `stop()`). */
  directory: string;
  /** The last lines Radicale logged (warnings and errors), for a failing test's message. */
  log(): string;
  /** Stops the server and deletes its folder. */
  stop(): Promise<void>;
}

/** The radicale executable (MK_RADICALE, /usr/bin/radicale, PATH); undefined when none. */
export declare function findRadicale(options?: { env?: Record<string, string | undefined> }): string | undefined;
/** Why Radicale cannot be found or installed here (tests skip with it), or undefined. */
export declare function radicaleUnavailableReason(): string | undefined;
/** Finds radicale or installs Debian's `radicale` package (as root with apt-get). Returns the executable. */
export declare function ensureRadicale(options?: { log?: (message: string) => void }): string;
/**
 * A fresh Radicale on a free loopback port: htpasswd users (default `{ mentor: 'mentor-password' }`),
 * owner-only rights, filesystem storage in a temporary folder. Resolves once it answers HTTP.
 */
export declare function startRadicale(options?: { users?: Record<string, string>; log?: (message: string) => void }): Promise<RunningRadicale>;
