/**
 * LTI operator tasks outside a running server (the `mentorkit-server lti …` subcommands, docs/lti.md):
 * register, list and remove platforms, make dynamic registration invitations — on the database
 * directly, through the same code the HTTP endpoints use (`parsePlatformInput`, the service's
 * `registerPlatform` and `createInvite`).
 */
import type { Pool } from 'pg';
import { MentorKitError } from '@mentorkit/core';
import type { ServerSecrets } from '../secrets.js';
import { createLtiService, parsePlatformInput, toPlatform, type LtiPlatform, type PlatformRow } from './service.js';

export interface LtiAdminOptions {
  pool: Pool;
  secrets: ServerSecrets;
  /** The tool's public URL (`MENTORKIT_PUBLIC_URL`): needed for invitations and to print the tool's URLs. */
  publicUrl?: string;
}

/** The URLs an LMS administrator types into the LMS (what `GET /lti/configuration` answers). */
export function ltiToolUrls(publicUrl: string) {
  const base = publicUrl.replace(/\/$/, '');
  return {
    toolUrl: base,
    loginUrl: `${base}/lti/login`,
    redirectUrl: `${base}/lti/launch`,
    targetLinkUri: `${base}/lti/launch`,
    deepLinkingUrl: `${base}/lti/launch`,
    jwksUrl: `${base}/lti/jwks`,
    registrationUrl: `${base}/lti/register`,
  };
}

type Row = PlatformRow;
const fromRow = toPlatform;

export function createLtiAdmin(options: LtiAdminOptions) {
  const { pool } = options;
  const unused = () => {
    throw new Error('not available outside the server');
  };
  // The service with what registration and invitations use (the pool); nothing here serves HTTP.
  const service = createLtiService({
    pool,
    secrets: options.secrets,
    fetch: unused as unknown as typeof fetch,
    ...(options.publicUrl ? { publicUrl: options.publicUrl } : {}),
    devAuth: false,
    log: () => undefined,
    publish: () => undefined,
    readBody: unused,
    readJson: unused,
    send: unused,
    identify: unused,
    running: () => false,
  });

  return {
    /** Checks the input as `POST /lti/platforms` does (throws MentorKitError with `path`), then registers or updates. */
    async addPlatform(input: unknown): Promise<{ platform: LtiPlatform; created: boolean }> {
      return service.registerPlatform(parsePlatformInput(input, false));
    },
    async listPlatforms(): Promise<LtiPlatform[]> {
      const { rows } = await pool.query<Row>('SELECT * FROM mk_lti_platforms ORDER BY created_at, id');
      return rows.map(fromRow);
    },
    /** Removes a platform (its launches stop; its people and programmes stay). Throws `not-found`. */
    async removePlatform(id: string): Promise<LtiPlatform> {
      const { rows } = await pool.query<Row>('DELETE FROM mk_lti_platforms WHERE id = $1 RETURNING *', [id]);
      if (!rows[0]) throw new MentorKitError('not-found', `No platform ${id} is registered (mentorkit-server lti platforms lists them).`, { path: 'id' });
      return fromRow(rows[0]);
    },
    /** A single-use dynamic registration URL, valid `hours` (1–720). Needs the public URL. */
    async createInvite(input: { hours?: number; programId?: string } = {}): Promise<{ registrationUrl: string; expiresAt: string }> {
      if (!options.publicUrl)
        throw new MentorKitError('invalid-input', "Invitations need the tool's public URL: set MENTORKIT_PUBLIC_URL (e.g. https://mentoring.example.edu).", {
          path: 'MENTORKIT_PUBLIC_URL',
        });
      const hours = input.hours ?? 72;
      if (!(Number.isInteger(hours) && hours >= 1 && hours <= 720))
        throw new MentorKitError('invalid-input', '`hours` must be a whole number of hours from 1 to 720.', { path: 'hours' });
      if (input.programId !== undefined && (input.programId.trim() === '' || input.programId.length > 200))
        throw new MentorKitError('invalid-input', '`programId` must be a programme id (1–200 characters).', { path: 'programId' });
      const invite = await service.createInvite(input.programId?.trim(), hours);
      return { registrationUrl: `${ltiToolUrls(options.publicUrl).registrationUrl}?invite=${invite.id}`, expiresAt: invite.expiresAt };
    },
    toolUrls: () => (options.publicUrl ? ltiToolUrls(options.publicUrl) : undefined),
  };
}

export type LtiAdmin = ReturnType<typeof createLtiAdmin>;
