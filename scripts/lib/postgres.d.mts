// Types for scripts/lib/postgres.mjs, so TypeScript tests can import it.

export interface PostgresBinaries {
  directory: string;
  initdb: string;
  pgCtl: string;
  postgres: string;
}

export interface RunningPostgres {
  host: string;
  port: number;
  user: string;
  database: string;
  /** Temporary folder holding the cluster (deleted by `stop()`). */
  directory: string;
  /** `postgres://mentorkit@127.0.0.1:<port>/postgres` (trust authentication on loopback). */
  connectionString: string;
  /** Stops the server (open connections are cut); the data stays for `resume()`. */
  pause(): Promise<void>;
  /** Stops the server immediately (`pg_ctl stop -m immediate`, like a crash); the data stays for `resume()`. */
  crash(): Promise<void>;
  /** Starts a paused or crashed server again on the same port. */
  resume(): Promise<void>;
  /** Stops the server and deletes the cluster. */
  stop(): Promise<void>;
}

export declare const runningAsRoot: boolean;
/** Folders that may hold initdb, pg_ctl and postgres (MK_PG_BIN, PATH, /usr/lib/postgresql/N/bin newest first, /usr/local/bin, …). */
export declare function postgresBinaryDirectoryCandidates(options?: { env?: Record<string, string | undefined> }): string[];
/** The first folder holding initdb, pg_ctl and postgres; undefined when none. */
export declare function findPostgres(options?: { env?: Record<string, string | undefined> }): PostgresBinaries | undefined;
/** Why PostgreSQL cannot be found or installed here (tests skip with it), or undefined. */
export declare function postgresUnavailableReason(): string | undefined;
/** Finds the binaries or installs Debian's `postgresql` package (as root with apt-get). */
export declare function ensurePostgres(options?: { log?: (message: string) => void }): PostgresBinaries;
/** A TCP port that is free on 127.0.0.1 right now. */
export declare function freePort(): Promise<number>;
/** A fresh throwaway cluster on a free loopback port, run as an unprivileged user when root. */
export declare function startPostgres(options?: {
  log?: (message: string) => void;
  /** Synchronous commits, so an acknowledged commit survives `crash()` (default false: faster). */
  durable?: boolean;
}): Promise<RunningPostgres>;
