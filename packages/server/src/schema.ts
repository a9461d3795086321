import type { Pool, PoolClient } from 'pg';

/**
 * Schema migrations, applied in order on start (`migrate`). Each runs once, in its own transaction,
 * recorded in `mk_schema_migrations`; an advisory lock keeps two servers starting at once from
 * racing. Append new migrations; never edit an applied one.
 */
export const MIGRATIONS: ReadonlyArray<{ version: number; description: string; sql: string }> = [
  {
    version: 1,
    description: 'records with tombstones, blobs, idempotency keys',
    sql: `
      -- One row per (collection, id). A deleted record stays as a tombstone (deleted = true, data null)
      -- so its revision is remembered and a re-create continues from it: revisions never repeat.
      -- data is json (not jsonb): it keeps the text exactly as written (key order, \\u0000 in strings).
      CREATE TABLE mk_records (
        collection text NOT NULL,
        id text NOT NULL,
        revision integer NOT NULL CHECK (revision >= 1),
        updated_at text NOT NULL,
        deleted boolean NOT NULL DEFAULT false,
        data json,
        -- The top-level text, number and boolean fields again, for queries (jsonb cannot hold
        -- \\u0000: a record with such a field sets unfilterable and is matched in JavaScript).
        filter jsonb NOT NULL DEFAULT '{}',
        unfilterable boolean NOT NULL DEFAULT false,
        PRIMARY KEY (collection, id),
        CHECK (deleted = (data IS NULL))
      );
      CREATE INDEX mk_records_live ON mk_records (collection) WHERE NOT deleted;
      CREATE INDEX mk_records_filter ON mk_records USING gin (filter jsonb_path_ops) WHERE NOT deleted;

      CREATE TABLE mk_blobs (
        id text PRIMARY KEY,
        owner text NOT NULL,           -- who uploaded it ('service' for admin tools); see server.ts for who may read it
        type text NOT NULL,
        size integer NOT NULL,
        data bytea NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      );

      -- The response of every successful write, by (who, Idempotency-Key): a retried write is answered
      -- from here instead of being applied twice.
      CREATE TABLE mk_idempotency (
        actor text NOT NULL,
        key text NOT NULL,
        method text NOT NULL,
        path text NOT NULL,
        status integer NOT NULL,
        body text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (actor, key)
      );
      CREATE INDEX mk_idempotency_age ON mk_idempotency (created_at);
    `,
  },
  {
    version: 2,
    description: 'attachment ids keep their first uploader (also after a delete)',
    sql: `
      -- Every attachment id ever stored, with who stored it first: a deleted attachment's id is not
      -- free for someone else (no squatting, and its uploader can upload it again).
      CREATE TABLE mk_blob_ids (
        id text PRIMARY KEY,
        owner text NOT NULL,
        first_stored_at timestamptz NOT NULL DEFAULT now()
      );
      INSERT INTO mk_blob_ids (id, owner) SELECT id, owner FROM mk_blobs ON CONFLICT (id) DO NOTHING;
    `,
  },
  {
    version: 3,
    description: 'calendars: connections (secrets encrypted), session feeds, write-back outbox',
    sql: `
      -- A person's connected calendar. secret holds the address and any credentials, encrypted
      -- (AES-256-GCM, bound to the row's id); only busy intervals of what was read are kept.
      CREATE TABLE mk_calendar_connections (
        id text PRIMARY KEY,
        person_id text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('ics-feed', 'caldav')),
        label text NOT NULL,
        secret text NOT NULL,
        place text NOT NULL,                -- scheme://host/… shown to its owner (no secrets)
        write_back boolean NOT NULL DEFAULT false,
        etag text,
        last_modified text,
        intervals jsonb NOT NULL DEFAULT '[]',
        status text NOT NULL DEFAULT 'ok' CHECK (status IN ('ok', 'failing')),
        problem text,
        checked_at timestamptz,            -- last tried
        read_at timestamptz,               -- last read successfully
        refreshing_until timestamptz,       -- claimed by an instance refreshing it (several instances share the work)
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX mk_calendar_connections_person ON mk_calendar_connections (person_id);
      CREATE INDEX mk_calendar_connections_due ON mk_calendar_connections (checked_at);

      -- A person's subscribable feed of booked sessions: the link carries feed_id (signed); a new
      -- feed_id revokes the old link.
      CREATE TABLE mk_calendar_feeds (
        person_id text PRIMARY KEY,
        feed_id text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now()
      );

      -- Sessions to write into people's CalDAV calendars, added in the same transaction as the
      -- session's change (nothing lost if the server stops): the current version is written when due.
      CREATE TABLE mk_calendar_writes (
        connection_id text NOT NULL REFERENCES mk_calendar_connections (id) ON DELETE CASCADE,
        session_id text NOT NULL,
        due_at timestamptz NOT NULL DEFAULT now(),
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        claimed_until timestamptz,
        generation integer NOT NULL DEFAULT 0,   -- bumped by every newer change: a finished write removes only the one it wrote
        PRIMARY KEY (connection_id, session_id)
      );
      CREATE INDEX mk_calendar_writes_due ON mk_calendar_writes (due_at);
    `,
  },
  {
    version: 4,
    description: "LTI 1.3: the tool's keys, registered platforms, single-use launch states and nonces, contexts and people of each platform",
    sql: `
      -- The tool's RSA signing keys (JWK; the private part encrypted, bound to the kid). The newest
      -- signs; retired keys stay published in /lti/jwks for a while so tokens signed with them verify.
      CREATE TABLE mk_lti_keys (
        kid text PRIMARY KEY,
        private_jwk text NOT NULL,
        public_jwk jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );

      -- An LMS (platform) registered by the operator or by dynamic registration.
      CREATE TABLE mk_lti_platforms (
        id text PRIMARY KEY,
        issuer text NOT NULL,
        client_id text NOT NULL,
        deployment_ids text[] NOT NULL,
        auth_endpoint text NOT NULL,
        token_endpoint text,
        jwks_url text NOT NULL,
        token_audience text,                 -- the "aud" of client assertions when not the token URL (Brightspace's OAuth2 Audience)
        program_id text,                     -- every course of this platform goes to this programme (else one per course)
        roles jsonb NOT NULL DEFAULT '{}',   -- role mapping overrides (see lti/roles.ts)
        name text,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (issuer, client_id)
      );

      -- A login in progress: state and nonce, single use, short-lived.
      CREATE TABLE mk_lti_states (
        state text PRIMARY KEY,
        nonce text NOT NULL,
        platform_id text NOT NULL REFERENCES mk_lti_platforms (id) ON DELETE CASCADE,
        expires_at timestamptz NOT NULL
      );
      CREATE INDEX mk_lti_states_expiry ON mk_lti_states (expires_at);

      -- Nonces of id_tokens already accepted (a replayed launch is refused).
      CREATE TABLE mk_lti_nonces (
        platform_id text NOT NULL,
        nonce text NOT NULL,
        expires_at timestamptz NOT NULL,
        PRIMARY KEY (platform_id, nonce)
      );

      -- A course (LTI context) and the programme it runs; its roster service, when the LMS offers one.
      CREATE TABLE mk_lti_contexts (
        platform_id text NOT NULL REFERENCES mk_lti_platforms (id) ON DELETE CASCADE,
        context_id text NOT NULL,
        program_id text NOT NULL,
        title text,
        memberships_url text,
        synced_at timestamptz,
        sync_problem text,
        PRIMARY KEY (platform_id, context_id)
      );

      -- A person of a platform (its "sub") and their MentorKit person id.
      CREATE TABLE mk_lti_people (
        platform_id text NOT NULL REFERENCES mk_lti_platforms (id) ON DELETE CASCADE,
        subject text NOT NULL,
        person_id text NOT NULL,
        launched_at timestamptz,             -- their first launch (people a roster brought in have none yet)
        PRIMARY KEY (platform_id, subject)
      );

      -- Dynamic registration invitations (single use, expiring), made by the operator.
      CREATE TABLE mk_lti_invites (
        id text PRIMARY KEY,
        program_id text,
        expires_at timestamptz NOT NULL,
        used_at timestamptz
      );
    `,
  },
  {
    version: 5,
    description: "change streams across instances: deleted records kept a while for other instances' read checks",
    sql: `
      -- A delete is announced (NOTIFY) with the seq of the record as it was: other instances decide
      -- who may hear of it with the same policy. Rows older than an hour are removed.
      CREATE TABLE mk_change_log (
        seq bigserial PRIMARY KEY,
        collection text NOT NULL,
        id text NOT NULL,
        previous json,
        at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX mk_change_log_at ON mk_change_log (at);
    `,
  },
  {
    version: 6,
    description: 'reminders: per-person notification preferences and the delivery log (one row per nudge, deduplicated)',
    sql: `
      -- What a person wants (no row: everything on, no digest). The one-click unsubscribe sets email = false.
      CREATE TABLE mk_notification_preferences (
        person_id text PRIMARY KEY,
        email boolean NOT NULL DEFAULT true,
        kinds jsonb NOT NULL DEFAULT '{}',   -- nudge kind -> false when turned off
        digest text NOT NULL DEFAULT 'none' CHECK (digest IN ('none', 'daily', 'weekly')),
        unsubscribed_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      -- One row per (person, nudge kind, pairing, period): dedupe_key is UNIQUE, so however many
      -- instances scan at once a nudge is queued (and sent) once. The delivery job claims its row with
      -- one UPDATE (queued/failed -> sending) and marks it sent, failed (retried) or skipped.
      CREATE TABLE mk_notification_deliveries (
        id text PRIMARY KEY,
        dedupe_key text NOT NULL UNIQUE,
        person_id text NOT NULL,
        pairing_id text NOT NULL,
        kind text NOT NULL,
        code text NOT NULL,
        channel text NOT NULL DEFAULT 'email',
        period text NOT NULL,
        send_at timestamptz NOT NULL,
        status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sending', 'sent', 'failed', 'skipped')),
        attempts integer NOT NULL DEFAULT 0,
        subject text,
        message_id text,
        last_error text,
        skipped_reason text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz
      );
      CREATE INDEX mk_notification_deliveries_person ON mk_notification_deliveries (person_id, created_at DESC);
    `,
  },
  {
    version: 7,
    description: 'a version of the pairings, programmes and people the policy decides with (requests read one row, not all of them)',
    sql: `
      -- Counted in the writing transaction by whoever writes (an instance, a service, SQL): a server
      -- reuses what it read while the count is unchanged. database_id tells databases apart in one process.
      CREATE TABLE mk_policy_version (
        only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
        n bigint NOT NULL DEFAULT 0,
        database_id text NOT NULL DEFAULT md5(random()::text || clock_timestamp()::text)
      );
      INSERT INTO mk_policy_version DEFAULT VALUES;
      CREATE FUNCTION mk_bump_policy_version() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE mk_policy_version SET n = n + 1;
        RETURN NULL;
      END $$;
      CREATE TRIGGER mk_policy_version_write AFTER INSERT OR UPDATE ON mk_records
        FOR EACH ROW WHEN (NEW.collection IN ('pairings', 'programs', 'people')) EXECUTE FUNCTION mk_bump_policy_version();
      CREATE TRIGGER mk_policy_version_delete AFTER DELETE ON mk_records
        FOR EACH ROW WHEN (OLD.collection IN ('pairings', 'programs', 'people')) EXECUTE FUNCTION mk_bump_policy_version();
      CREATE TRIGGER mk_policy_version_truncate AFTER TRUNCATE ON mk_records
        FOR EACH STATEMENT EXECUTE FUNCTION mk_bump_policy_version();
    `,
  },
  {
    version: 8,
    description: 'reminders: per-programme webhooks (Slack, Teams, generic signed), one delivery per nudge and webhook',
    sql: `
      -- The URL (a Slack or Teams URL is itself a credential) and a generic webhook's signing secret are
      -- sealed with the server's secrets (AES-256-GCM), bound to the webhook's id.
      CREATE TABLE mk_program_webhooks (
        id text PRIMARY KEY,
        program_id text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('slack', 'teams', 'generic')),
        url_sealed text NOT NULL,
        secret_sealed text,
        description text,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX mk_program_webhooks_program ON mk_program_webhooks (program_id);
      -- A webhook delivery: channel 'slack' | 'teams' | 'webhook', its dedupe key the email one plus the webhook id.
      ALTER TABLE mk_notification_deliveries ADD COLUMN webhook_id text;
    `,
  },
  {
    version: 9,
    description: 'reminders: the escalation ladder for silent pairs (settings per programme, where each pairing stands)',
    sql: `
      -- A programme's ladder (core's EscalationSettings, validated before it is written); no row: the defaults.
      CREATE TABLE mk_escalation_settings (
        program_id text PRIMARY KEY,
        settings jsonb NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      -- Where each pairing stands in its current quiet spell (quiet_since = its last activity), the
      -- stages it went through ({ stage, at }, oldest first), when the closing notice reaches the last
      -- member, and — for a pairing the ladder closed — when, and the re-pairing suggestion. revision:
      -- instances scanning at once record a step once (UPDATE … WHERE revision = the one read).
      CREATE TABLE mk_escalations (
        pairing_id text PRIMARY KEY,
        program_id text NOT NULL,
        stage text NOT NULL CHECK (stage IN ('active', 'nudged', 'admin-alerted', 'closing', 'closed-due')),
        quiet_since timestamptz,
        stage_since timestamptz,
        notice_sent_at timestamptz,
        closed_at timestamptz,
        history jsonb NOT NULL DEFAULT '[]',
        suggestion jsonb,
        revision integer NOT NULL DEFAULT 1,
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX mk_escalations_program ON mk_escalations (program_id);
      CREATE INDEX mk_notification_deliveries_pairing_kind ON mk_notification_deliveries (pairing_id, kind, period);
    `,
  },
  {
    version: 10,
    description: "reminders: digests — a reminder gathered into a person's daily or weekly digest points at the digest's delivery row",
    sql: `
      -- A digest is a delivery row of its own (kind 'digest', code 'daily' or 'weekly', its dedupe key
      -- per person and period); the reminders it gathers keep their rows (and keys) and name it here.
      -- They have no job of their own: the digest's job sends them all in one mail.
      ALTER TABLE mk_notification_deliveries ADD COLUMN digest_id text;
      CREATE INDEX mk_notification_deliveries_digest ON mk_notification_deliveries (digest_id) WHERE digest_id IS NOT NULL;
    `,
  },
  {
    version: 11,
    description: "reminders: a programme webhook's language (the words of its messages)",
    sql: `
      ALTER TABLE mk_program_webhooks ADD COLUMN language text NOT NULL DEFAULT 'en' CHECK (language IN ('en', 'es'));
    `,
  },
  {
    version: 12,
    description: "reminders: a mentee's summary for their manager every other Monday (opt-in, counts only)",
    sql: `
      -- One row per mentee who set it up. enabled is their consent (off by default); the manager's
      -- one-click link sets enabled = false with stopped_by = 'manager'. The digests themselves are
      -- delivery rows (kind 'manager-digest', one per mentee and fortnight under the UNIQUE key).
      CREATE TABLE mk_manager_digests (
        person_id text PRIMARY KEY,
        manager_email text,
        manager_name text,
        language text NOT NULL DEFAULT 'en' CHECK (language IN ('en', 'es')),
        enabled boolean NOT NULL DEFAULT false,
        consented_at timestamptz,
        stopped_at timestamptz,
        stopped_by text CHECK (stopped_by IN ('mentee', 'manager')),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (NOT enabled OR manager_email IS NOT NULL)
      );
    `,
  },
  {
    version: 13,
    description: 'certificates of participation: issued, revoked, the facts printed frozen',
    sql: `
      -- One row per certificate. id is 128 random bits (base64url): it is the verification address, so
      -- it must not be guessable. facts holds what the certificate prints (name, programme, dates,
      -- minutes, goals achieved) as it was when issued; later edits to the records do not change it.
      CREATE TABLE mk_certificates (
        id text PRIMARY KEY CHECK (id ~ '^[A-Za-z0-9_-]{22}$'),
        program_id text NOT NULL,
        pairing_id text NOT NULL,
        person_id text NOT NULL,
        issued_at timestamptz NOT NULL,
        issued_by text NOT NULL,           -- the person themself, the admin who issued it by hand, or 'service'
        reason text,                       -- why an admin issued it by hand (null when earned)
        revoked_at timestamptz,
        revoked_by text,
        facts jsonb NOT NULL
      );
      -- At most one live certificate per person and pairing (issuing is idempotent; a revoked one may be replaced).
      CREATE UNIQUE INDEX mk_certificates_live ON mk_certificates (pairing_id, person_id) WHERE revoked_at IS NULL;
      CREATE INDEX mk_certificates_pairing ON mk_certificates (pairing_id);
    `,
  },
];

/** Applies the migrations not applied yet. Returns the versions it applied. */
export async function migrate(pool: Pool): Promise<number[]> {
  const client = await pool.connect();
  const applied: number[] = [];
  try {
    await client.query('SELECT pg_advisory_lock(727274)');
    await client.query(
      'CREATE TABLE IF NOT EXISTS mk_schema_migrations (version integer PRIMARY KEY, description text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const { rows } = await client.query<{ version: number }>('SELECT version FROM mk_schema_migrations');
    const done = new Set(rows.map((row) => row.version));
    for (const migration of MIGRATIONS) {
      if (done.has(migration.version)) continue;
      await inTransaction(client, async () => {
        await client.query(migration.sql);
        await client.query('INSERT INTO mk_schema_migrations (version, description) VALUES ($1, $2)', [migration.version, migration.description]);
      });
      applied.push(migration.version);
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock(727274)').catch(() => undefined);
    client.release();
  }
  return applied;
}

/** Runs `body` in a transaction on `client`: COMMIT when it resolves, ROLLBACK when it throws. */
export async function inTransaction<T>(client: PoolClient, body: () => Promise<T>): Promise<T> {
  await client.query('BEGIN');
  let result: T;
  try {
    result = await body();
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
  try {
    await client.query('COMMIT');
  } catch (error) {
    // The outcome of a failed COMMIT is unknown to us: say so (see `CommitOutcomeUnknown`).
    throw new CommitOutcomeUnknown(error);
  }
  return result;
}

/** A COMMIT that failed (connection lost): the write may or may not be stored. The server answers 500, not 503. */
export class CommitOutcomeUnknown extends Error {
  override readonly name = 'CommitOutcomeUnknown';
  constructor(cause: unknown) {
    super(`The database connection failed during COMMIT: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}
